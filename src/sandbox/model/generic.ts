/**
 * Answers for questions the topic tables do not know, shaped by the kind of question and written in its language:
 * short (two or three sentences, or a few steps), honest about being general, never a template with the whole
 * prompt pasted in. The subject is taken from the question only when one was found cleanly.
 *
 *   "What is quantum computing?"     → definition: "Quantum computing is a broad subject …"
 *   "How do I bake bread?"           → three general steps toward "bake bread"
 *   "Why is the sky blue?"           → why: the short answer, without repeating the question
 *   "Is Python good for beginners?"  → yes/no: "It depends …"
 *   anything else                    → a brief acknowledgement and a question back
 */
import { pick } from "./hash.js";
import type { ReplyLanguage } from "./language.js";

type Kind = "factual" | "definition" | "how-to" | "how-works" | "why" | "yes-no" | "other";

interface Shape {
  kind: Kind;
  subject?: string;
}

const tidy = (text: string): string =>
  text
    .trim()
    .replace(/^["'“‘]+|["'”’]+$/gu, "")
    .replace(/[?.!\s]+$/u, "")
    .trim();

const SHAPES: readonly (readonly [Kind, RegExp])[] = [
  ["factual", /^who\s+(?:is|was|are|were)\s+(.+)$/iu],
  ["factual", /^(?:who|when|where|which|how\s+(?:many|much|old|far|long|big|tall))\b/iu],
  ["factual", /^what\s+(?:is|was|are|were)\s+(the\s+.+?\s+of\s+.+)$/iu],
  ["factual", /^(.+?\s+của\s+.+?)\s+là\s+(?:gì|ai|đâu)(?![\p{L}])/iu],
  ["factual", /(?<![\p{L}])(?:bao\s+nhiêu|khi\s+nào|bao\s+giờ|ở\s+đâu|năm\s+nào)(?![\p{L}])/iu],
  ["how-works", /^how\s+(?:does|do|did)\s+(.+?)\s+work\b/iu],
  ["how-works", /^(.+?)\s+hoạt\s+động\s+(?:như\s+thế\s+nào|ra\s+sao|thế\s+nào)/iu],
  ["how-to", /^(?:how\s+(?:do|can|should|would|could)\s+(?:i|we|you|one)|how\s+to)\s+(.+)$/iu],
  ["how-to", /^(?:làm\s+(?:thế\s+nào|sao)|bằng\s+cách\s+nào)\s+(?:để\s+)?(.+)$/iu],
  ["how-to", /^cách\s+(?:để\s+)?(.+)$/iu],
  ["why", /^(?:why|tại\s+sao|vì\s+sao)(?![\p{L}])/iu],
  ["why", /\s(?:tại\s+sao|vì\s+sao)\s*\??$/iu],
  [
    "definition",
    /^(?:what\s+(?:is|are|was|were)|what's|define|explain|describe|tell\s+me\s+(?:something\s+)?about|say\s+something\s+about|who\s+(?:is|was|are))\s+(?:an?\s+|the\s+)?(.+)$/iu,
  ],
  ["definition", /^(.+?)\s+là\s+(?:gì|ai|sao)(?![\p{L}])/iu],
  ["definition", /^(?:giải\s+thích|hãy\s+giải\s+thích|cho\s+tôi\s+biết\s+về|định\s+nghĩa)\s+(.+)$/iu],
  ["yes-no", /^(?:is|are|can|could|should|would|will|does|do|did|has|have|was|were)\s/iu],
  ["yes-no", /\s(?:không|chưa)\s*\??$/iu],
];

/** The subject as the assistant says it back: "improve my resume" → "improve your resume". */
function addressed(subject: string): string {
  return subject
    .replace(/\b(?:I|me)\b/gu, "you")
    .replace(/\bmy\b/giu, "your")
    .replace(/\bmine\b/giu, "yours")
    .replace(/\b(?:we|us)\b/giu, "you")
    .replace(/\bour\b/giu, "your")
    .replace(/(^|\s)(?:tôi|mình)(?=\s|$)/gu, "$1bạn");
}

/** What kind of question, and its subject when one was found cleanly (at most eight words). */
export function questionShape(prompt: string): Shape {
  const text = prompt.trim().replace(/\s+/gu, " ");
  for (const [kind, pattern] of SHAPES) {
    const match = pattern.exec(text);
    if (match === null) continue;
    const subject = match[1] === undefined ? undefined : addressed(tidy(match[1]));
    const clean = subject !== undefined && subject !== "" && subject.split(" ").length <= 8;
    return clean ? { kind, subject } : { kind };
  }
  return { kind: "other" };
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

const ANSWERS: Record<ReplyLanguage, Record<Kind, { with: readonly string[]; without: readonly string[] }>> = {
  en: {
    factual: {
      with: [
        "I don't have reliable information about {subject} at hand, and I'd rather not guess. An up-to-date source, such as official documentation or an encyclopedia, will give you the exact answer.",
      ],
      without: [
        "I don't have reliable information to answer that precisely, and I'd rather not guess. An up-to-date source, such as official documentation or an encyclopedia, will give you the exact answer.",
      ],
    },
    definition: {
      with: [
        "Here is a short, general answer about {subject}: it is easiest to understand by looking at what it is, what it is used for, and how it compares with similar things. If you tell me which aspect interests you most, I can go into more detail.",
        "In short, the easiest way into {subject} is the problem behind it and how that problem gets solved. The details vary with the field, so tell me the context you are interested in and I can go deeper.",
      ],
      without: [
        "That is a broad question, so the best short answer depends on the context. Tell me a little more about what you need it for, and I can give you a precise explanation.",
      ],
    },
    "how-works": {
      with: [
        "At a high level, {subject} takes an input, processes it in a few well-defined stages, and produces a result. The details depend on the specific implementation, so if you tell me which one you mean, I can walk you through its stages.",
      ],
      without: [
        "At a high level, it takes an input, processes it in a few well-defined stages, and produces a result. Tell me which system you mean and I can walk you through it.",
      ],
    },
    "how-to": {
      with: [
        "Here is a general way to {subject}:\n1. Be clear about the result you want and any constraints.\n2. Start with a small, simple attempt and check it works.\n3. Improve step by step, checking the result each time.\nIf you share more details, I can make these steps specific.",
      ],
      without: [
        "Here is a general approach:\n1. Be clear about the result you want.\n2. Start small and check that it works.\n3. Improve step by step.\nIf you share more details, I can make these steps specific.",
      ],
    },
    why: {
      with: [],
      without: [
        "Good question. The short answer is that several factors usually come together: the underlying cause, the conditions around it, and how we observe the result. If you tell me which part you are most curious about, I can explain it in more detail.",
      ],
    },
    "yes-no": {
      with: [],
      without: [
        "It depends on your situation. In many cases the answer is yes, but it is worth checking your requirements, the constraints you work under and the alternatives first. If you tell me more about your case, I can give you a clearer answer.",
      ],
    },
    other: {
      with: [],
      without: [
        "Got it. Could you tell me a bit more about what you would like to know or do? Then I can help you properly.",
        "Thanks for the message. What would you like me to help you with: an explanation, a summary, or something else?",
      ],
    },
  },
  vi: {
    factual: {
      with: [
        "Tôi không có thông tin đáng tin cậy về {subject} ngay lúc này nên không muốn đoán. Bạn nên tra một nguồn cập nhật, như tài liệu chính thức hoặc bách khoa toàn thư, để có câu trả lời chính xác.",
      ],
      without: [
        "Tôi không có thông tin đáng tin cậy để trả lời chính xác câu này nên không muốn đoán. Bạn nên tra một nguồn cập nhật, như tài liệu chính thức hoặc bách khoa toàn thư, để có câu trả lời chính xác.",
      ],
    },
    definition: {
      with: [
        "{Subject} là một chủ đề có nhiều khía cạnh. Để hiểu nhanh, nên xem nó là gì, dùng để làm gì và khác những thứ tương tự ở điểm nào. Nếu bạn cho biết khía cạnh nào bạn quan tâm nhất, tôi sẽ giải thích kỹ hơn.",
        "Nói ngắn gọn, cách dễ hiểu nhất về {subject} là xem nó giải quyết vấn đề gì và giải quyết bằng cách nào. Chi tiết còn tùy lĩnh vực, nên bạn hãy cho biết bối cảnh để tôi đi sâu hơn.",
      ],
      without: [
        "Câu hỏi này khá rộng, nên câu trả lời ngắn gọn nhất còn tùy vào bối cảnh. Bạn cho tôi biết thêm bạn cần nó để làm gì nhé, tôi sẽ giải thích cụ thể.",
      ],
    },
    "how-works": {
      with: [
        "Nhìn tổng quát, {subject} nhận dữ liệu đầu vào, xử lý qua vài giai đoạn rõ ràng rồi cho ra kết quả. Chi tiết còn tùy cách triển khai cụ thể; bạn cho tôi biết bạn đang nói tới hệ thống nào, tôi sẽ giải thích từng giai đoạn.",
      ],
      without: [
        "Nhìn tổng quát, nó nhận dữ liệu đầu vào, xử lý qua vài giai đoạn rõ ràng rồi cho ra kết quả. Bạn cho tôi biết bạn đang nói tới hệ thống nào nhé.",
      ],
    },
    "how-to": {
      with: [
        "Đây là cách làm chung để {subject}:\n1. Xác định rõ kết quả bạn muốn và các ràng buộc.\n2. Bắt đầu bằng một lần thử nhỏ, đơn giản và kiểm tra xem nó chạy đúng chưa.\n3. Cải thiện từng bước, mỗi lần đều kiểm tra lại kết quả.\nNếu bạn chia sẻ thêm chi tiết, tôi có thể làm các bước này cụ thể hơn.",
      ],
      without: [
        "Đây là cách làm chung:\n1. Xác định rõ kết quả bạn muốn.\n2. Bắt đầu từ việc nhỏ và kiểm tra xem nó chạy đúng chưa.\n3. Cải thiện từng bước.\nNếu bạn chia sẻ thêm chi tiết, tôi có thể làm các bước này cụ thể hơn.",
      ],
    },
    why: {
      with: [],
      without: [
        "Câu hỏi hay. Nói ngắn gọn, thường có nhiều yếu tố cùng tác động: nguyên nhân gốc, các điều kiện xung quanh và cách chúng ta quan sát kết quả. Bạn quan tâm nhất tới phần nào, tôi sẽ giải thích kỹ hơn.",
      ],
    },
    "yes-no": {
      with: [],
      without: [
        "Còn tùy tình huống của bạn. Nhiều trường hợp câu trả lời là có, nhưng bạn nên xem trước yêu cầu, các ràng buộc và những lựa chọn khác. Nếu bạn kể thêm về trường hợp của mình, tôi có thể trả lời rõ hơn.",
      ],
    },
    other: {
      with: [],
      without: [
        "Tôi hiểu rồi. Bạn có thể nói thêm một chút về điều bạn muốn biết hoặc muốn làm không? Khi đó tôi sẽ giúp được tốt hơn.",
        "Cảm ơn bạn. Bạn muốn tôi giúp gì: giải thích, tóm tắt hay việc khác?",
      ],
    },
  },
};

/**
 * A Vietnamese subject taken from the start of a prompt keeps its sentence capital ("Thủ đô của Pháp là gì?"):
 * inside a sentence it is lower-cased, unless its first word looks like a name (plain ASCII: Docker, AWS).
 */
function inSentence(subject: string, language: ReplyLanguage): string {
  const first = subject.split(" ")[0] ?? "";
  if (language !== "vi" || /^[\x20-\x7e]*$/u.test(first)) return subject;
  return subject.charAt(0).toLowerCase() + subject.slice(1);
}

export function genericAnswer(prompt: string, language: ReplyLanguage, seed: number): string {
  const shape = questionShape(prompt);
  const answers = ANSWERS[language][shape.kind];
  if (shape.subject !== undefined && answers.with.length > 0) {
    return pick(answers.with, seed)
      .replaceAll("{Subject}", capitalise(shape.subject))
      .replaceAll("{subject}", inSentence(shape.subject, language));
  }
  return pick(answers.without, seed);
}

const LIST_POINTS: Record<ReplyLanguage, Record<"benefits" | "tips", readonly string[]>> = {
  en: {
    benefits: [
      "**It saves time and effort** once {subject} becomes part of your routine.",
      "**It improves the results you get**, because {subject} adds structure and consistency.",
      "**It lowers risk**: problems show up earlier, when they are cheaper to fix.",
      "**It builds skills and confidence** that carry over to related areas.",
      "**It scales with you**: what works at a small start keeps working as you grow.",
    ],
    tips: [
      "**Start small**: pick one concrete part of {subject} and get it right before adding more.",
      "**Be consistent**: a little regular effort beats an occasional big push.",
      "**Measure progress**: decide what “better” means and check it regularly.",
      "**Learn from others**: examples and feedback from people who know {subject} save a lot of trial and error.",
      "**Review and adjust**: look back every so often and change what is not working.",
    ],
  },
  vi: {
    benefits: [
      "**Tiết kiệm thời gian và công sức** khi {subject} đã trở thành thói quen.",
      "**Cải thiện kết quả**, vì {subject} mang lại sự bài bản và nhất quán.",
      "**Giảm rủi ro**: vấn đề lộ ra sớm hơn, lúc còn dễ sửa và ít tốn kém.",
      "**Xây dựng kỹ năng và sự tự tin** dùng được cho cả những lĩnh vực liên quan.",
      "**Mở rộng được**: cách làm hiệu quả lúc nhỏ vẫn hiệu quả khi bạn phát triển.",
    ],
    tips: [
      "**Bắt đầu nhỏ**: chọn một phần cụ thể của {subject} và làm tốt nó trước khi thêm phần khác.",
      "**Đều đặn**: nỗ lực nhỏ nhưng thường xuyên tốt hơn một lần cố gắng lớn thỉnh thoảng.",
      "**Đo tiến bộ**: xác định thế nào là “tốt hơn” và kiểm tra thường xuyên.",
      "**Học từ người khác**: ví dụ và góp ý của người hiểu {subject} giúp bạn bớt thử sai.",
      "**Xem lại và điều chỉnh**: thỉnh thoảng nhìn lại và thay đổi những gì chưa hiệu quả.",
    ],
  },
};

/** Points for a list on a subject the topic tables do not know, chosen by what the list is of; undefined: any. */
export function genericListPoints(noun: string, language: ReplyLanguage): readonly string[] | undefined {
  if (/benefit|advantage|reason|pro(?:s|\b)|lợi ích|ưu điểm|lý do/iu.test(noun)) return LIST_POINTS[language].benefits;
  if (/tip|way|step|idea|practice|habit|mẹo|cách|bước|ý tưởng|thói quen|lời khuyên/iu.test(noun)) {
    return LIST_POINTS[language].tips;
  }
  return undefined;
}
