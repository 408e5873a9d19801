/**
 * Prompts a model answers directly, before any topic: an instruction to say something ("Say OK." → "OK"), a
 * greeting, a question about the assistant itself, small talk, arithmetic, a request to summarize or to write a
 * short poem. Short prompts get short answers, in the prompt's language. Undefined: nothing direct to say.
 *
 *   "Say OK."                       → "OK"
 *   "Reply with 'yes'."             → "yes"
 *   "Xin chào, bạn là ai?"          → "Xin chào! Tôi là trợ lý AI. …"
 *   "What is 12 * (3 + 4)?"         → "12 * (3 + 4) = 84"
 *   "Write a haiku about the sea."  → three lines about the sea
 */
import { evaluateArithmetic } from "./arithmetic.js";
import { pick } from "./hash.js";
import type { ReplyLanguage } from "./language.js";

type Reply = (seed: number) => string;

const cleanQuote = (text: string): string =>
  text
    .trim()
    .replace(/[.!]+$/u, "")
    .replace(/^["'“‘«`]+|["'”’»`]+$/gu, "")
    .replace(/[.!]+$/u, "")
    .trim();

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Words that start a request to *talk about* something rather than to say it verbatim ("say something about…"). */
const NOT_VERBATIM =
  /^(a|an|the|something|anything|me|about|what|how|why|who|when|where|which|to|your|my|it|this|that|more|some|một|điều|gì|cái|về|cho|tôi)(?![\p{L}\p{N}])/iu;

const ECHO_EN =
  /^(?:please\s+)?(?:just\s+|only\s+)?(?:say|reply|respond|answer|write|print|output|return|type|repeat(?:\s+after\s+me)?)(?:\s+(?:with|back))?(?:\s+(?:only|just|exactly))?(?:\s+the\s+(?:word|phrase|text))?\s*:?\s+(.+)$/iu;
const ECHO_VI =
  /^(?:hãy\s+|xin\s+)?(?:chỉ\s+)?(?:nói|trả lời|đáp|viết|in ra|nhắc lại|lặp lại)(?:\s+(?:lại|đúng))?(?:\s+(?:bằng|với))?(?:\s+(?:chữ|từ|câu))?\s*:?\s+(.+)$/iu;

/** "Say OK." → "OK"; quoted text verbatim, an unquoted one only when short (at most four words). */
function echo(prompt: string): string | undefined {
  const match = ECHO_EN.exec(prompt) ?? ECHO_VI.exec(prompt);
  const raw = match?.[1]?.trim();
  if (raw === undefined) return undefined;
  const quoted = /^["'“‘«`].*["'”’»`][.!]?$/u.test(raw);
  const text = cleanQuote(raw);
  if (text === "" || text.length > 80) return undefined;
  if (!quoted && (text.split(/\s+/u).length > 4 || NOT_VERBATIM.test(text) || /[?]$/u.test(raw))) return undefined;
  return quoted ? text : capitalise(text);
}

const GREETING =
  /^(hi|hello|hey|hiya|howdy|greetings|good\s+(?:morning|afternoon|evening)|xin\s+chào|chào\s+bạn|chào|alo|xin chao|chao ban)(?![\p{L}])(?:\s+(?:there|everyone|bạn|các bạn)(?![\p{L}]))?\s*[!,.]*\s*/iu;
const WHO_ARE_YOU =
  /^(?:who|what)\s+are\s+you\b|^what\s+can\s+you\s+do\b|^are\s+you\s+(?:a\s+)?(?:bot|robot|ai|human)\b|^introduce\s+yourself\b|^bạn\s+là\s+(?:ai|gì)(?![\p{L}])|^bạn\s+có\s+thể\s+làm\s+(?:được\s+)?gì(?![\p{L}])|^giới\s+thiệu\s+về\s+bạn(?![\p{L}])|^ban la ai\b/iu;
const HOW_ARE_YOU = /^(?:how\s+are\s+you|how's\s+it\s+going|how\s+do\s+you\s+do)\b|^bạn\s+(?:có\s+)?khỏe\s+không\b/iu;

const TEXT = {
  en: {
    greet: ["Hello! How can I help you today?", "Hi there! What would you like to know?"],
    hello: "Hello!",
    identity:
      "I'm an AI assistant. I can answer questions, explain concepts, summarize text and help with writing. What would you like to do?",
    howAreYou: "I'm doing well, thanks for asking! How can I help you today?",
    thanks: ["You're welcome! Let me know if there's anything else I can help with.", "Glad I could help!"],
    bye: ["Goodbye! Have a great day.", "Bye! Come back any time."],
    ok: "Great! Let me know if there's anything else I can help with.",
    inShort: "In short:",
  },
  vi: {
    greet: ["Xin chào! Tôi có thể giúp gì cho bạn hôm nay?", "Chào bạn! Bạn muốn tìm hiểu điều gì?"],
    hello: "Xin chào!",
    identity:
      "Tôi là trợ lý AI. Tôi có thể trả lời câu hỏi, giải thích khái niệm, tóm tắt văn bản và hỗ trợ bạn viết. Bạn muốn làm gì?",
    howAreYou: "Tôi vẫn ổn, cảm ơn bạn đã hỏi! Tôi có thể giúp gì cho bạn?",
    thanks: ["Không có gì! Nếu cần thêm gì, bạn cứ hỏi nhé.", "Rất vui vì đã giúp được bạn!"],
    bye: ["Tạm biệt! Chúc bạn một ngày tốt lành.", "Hẹn gặp lại bạn!"],
    ok: "Tuyệt! Nếu cần thêm gì, bạn cứ hỏi nhé.",
    inShort: "Tóm lại:",
  },
} as const;

const THANKS = /^(?:thanks|thank\s+you|thx|many\s+thanks|cảm\s+ơn|cám\s+ơn|cam on)\b/iu;
const BYE = /^(?:bye|goodbye|good\s+bye|see\s+you|tạm\s+biệt|bye\s+bye|hẹn\s+gặp\s+lại)\b/iu;
const OK = /^(?:ok|okay|alright|got\s+it|cool|great|được|được rồi|vâng|ừ|oke)[\s!.]*$/iu;

/** Small talk and the assistant itself; `rest` is the prompt after any greeting. */
function smallTalk(rest: string, language: ReplyLanguage): Reply | undefined {
  const t = TEXT[language];
  if (WHO_ARE_YOU.test(rest)) return () => t.identity;
  if (HOW_ARE_YOU.test(rest)) return () => t.howAreYou;
  if (THANKS.test(rest) && rest.split(/\s+/u).length <= 6) return (seed) => pick(t.thanks, seed);
  if (BYE.test(rest) && rest.split(/\s+/u).length <= 6) return (seed) => pick(t.bye, seed);
  if (OK.test(rest)) return () => t.ok;
  return undefined;
}

const ARITHMETIC_EN =
  /^(?:what(?:'s|\s+is)|calculate|compute|how\s+much\s+is|evaluate|solve)?\s*(.+?)\s*(?:=\s*)?\??$/iu;
const ARITHMETIC_VI = /^(?:tính|hãy\s+tính|bằng\s+bao\s+nhiêu)?\s*(.+?)\s*(?:bằng\s+(?:bao\s+nhiêu|mấy)|=)?\s*\??$/iu;

function arithmetic(prompt: string): string | undefined {
  for (const pattern of [ARITHMETIC_EN, ARITHMETIC_VI]) {
    const expression = pattern.exec(prompt)?.[1];
    if (expression === undefined) continue;
    const result = evaluateArithmetic(expression);
    if (result !== undefined) return `${result.expression} = ${result.value}`;
  }
  return undefined;
}

const SUMMARIZE =
  /^(?:summari[sz]e|tl;?dr|tóm\s+tắt)(?:\s+(?:this|the following|this text|đoạn\s+(?:văn\s+)?sau|văn\s+bản\s+sau))?\s*:\s*([\s\S]+)$/iu;

/** "Summarize: <text>" → its first sentence (or first 25 words), the gist a short summary leads with. */
function summarize(prompt: string, language: ReplyLanguage): string | undefined {
  const text = SUMMARIZE.exec(prompt)?.[1]?.trim();
  if (text === undefined || text === "") return undefined;
  const sentence = /^[\s\S]*?[.!?](?=\s|$)/u.exec(text)?.[0] ?? text;
  const words = sentence.split(/\s+/u);
  const gist = words.length > 25 ? `${words.slice(0, 25).join(" ")}…` : sentence;
  return `${TEXT[language].inShort} ${gist}`;
}

const POEM_EN =
  /^(?:please\s+)?(?:write|compose|create|give\s+me)\s+(?:me\s+)?(?:a|an|one)\s+(?:short\s+)?(haiku|poem|limerick|verse)\s+(?:about|on|for)\s+(.+?)[.!?]*$/iu;
const POEM_VI =
  /^(?:hãy\s+)?(?:viết|làm|sáng\s+tác)\s+(?:cho\s+tôi\s+)?(?:một\s+)?(?:bài\s+)?(thơ|haiku)(?:\s+ngắn)?\s+(?:về|cho)\s+(.+?)[.!?]*$/iu;

const POEMS = {
  en: {
    haiku: [
      "{Subject} at dawn,\nquiet numbers start to climb—\na new day begins.",
      "Soft light on {subject},\nsmall signals drift into view;\nthe pattern is clear.",
    ],
    poem: [
      "In the hum of {subject} I find\na rhythm patient, bright and kind;\neach small step shapes the whole design,\nand little sparks in time align.",
      "{Subject}, steady as the tide,\nwith quiet purpose as your guide;\nwe watch, we learn, we try again,\nand every try shows how and when.",
    ],
  },
  vi: {
    haiku: [
      "{Subject} lúc sớm mai,\ncon số khẽ khàng nhích lên—\nngày mới bắt đầu.",
      "Ánh sáng trên {subject},\ntín hiệu nhỏ dần hiện ra;\nmọi thứ sáng rõ.",
    ],
    poem: [
      "Giữa nhịp {subject} dịu dàng,\nmỗi bước nhỏ dựng nên trang hành trình;\nkiên nhẫn từng chút một mình,\nrồi ra mọi thứ cũng thành hình hài.",
      "{Subject} lặng lẽ từng ngày,\nthử rồi sai, sai rồi thay, lại làm;\nmỗi lần một chút rõ ràng,\nđường đi phía trước mở mang dần dần.",
    ],
  },
} as const;

function poem(prompt: string, language: ReplyLanguage, seed: number): string | undefined {
  const match = POEM_EN.exec(prompt) ?? POEM_VI.exec(prompt);
  if (match === null) return undefined;
  const kind = /haiku/iu.test(match[1] ?? "") ? "haiku" : "poem";
  const subject = cleanQuote(match[2] ?? "");
  if (subject === "" || subject.length > 60) return undefined;
  const lang: ReplyLanguage = POEM_VI.test(prompt) ? "vi" : language;
  return pick(POEMS[lang][kind], seed).replaceAll("{Subject}", capitalise(subject)).replaceAll("{subject}", subject);
}

const JOKE =
  /^(?:tell|give)\s+me\s+a\s+(?:short\s+|good\s+)?joke|^(?:kể|nói)\s+(?:cho\s+tôi\s+)?(?:nghe\s+)?một\s+(?:câu\s+)?chuyện\s+cười/iu;
const JOKES = {
  en: [
    "Why do programmers prefer dark mode? Because light attracts bugs.",
    'I told my computer I needed a break, and it said: "No problem, I\'ll go to sleep."',
  ],
  vi: [
    "Vì sao lập trình viên thích chế độ tối? Vì ánh sáng thu hút… bug.",
    'Tôi bảo máy tính là tôi cần nghỉ ngơi, nó đáp: "Không sao, để tôi đi ngủ trước."',
  ],
} as const;

const STORY_EN =
  /^(?:please\s+)?(?:write|tell)\s+(?:me\s+)?(?:a|an|one)\s+(?:very\s+)?(?:short\s+)?story\s+(?:about|of)\s+(.+?)[.!?]*$/iu;
const STORY_VI =
  /^(?:hãy\s+)?(?:viết|kể)\s+(?:cho\s+tôi\s+)?(?:một\s+)?(?:câu\s+)?chuyện(?:\s+ngắn)?\s+về\s+(.+?)[.!?]*$/iu;
const STORIES = {
  en: "Once upon a time, there was {subject}. Every day it tried something a little new, and most days it failed a little less than the day before. One morning everything finally worked, and {later} realised that the small steps had been the story all along.",
  vi: "Ngày xửa ngày xưa, có {subject}. Mỗi ngày nó thử một điều mới một chút, và hầu như mỗi ngày nó lại vấp ngã ít hơn hôm trước. Rồi một buổi sáng, mọi thứ cuối cùng cũng suôn sẻ, và {later} nhận ra rằng chính những bước nhỏ ấy mới là câu chuyện.",
} as const;

function story(prompt: string, language: ReplyLanguage): string | undefined {
  const vi = STORY_VI.exec(prompt);
  const match = vi ?? STORY_EN.exec(prompt);
  const subject = cleanQuote(match?.[1] ?? "");
  if (match === null || subject === "" || subject.length > 60) return undefined;
  // The second mention is definite: "a dragon" → "the dragon", "một chú mèo" → "chú mèo".
  const later = subject.replace(/^(?:a|an)\s+/iu, "the ").replace(/^một\s+/iu, "");
  return STORIES[vi !== null ? "vi" : language].replaceAll("{subject}", subject).replaceAll("{later}", later);
}

export interface DirectAnswer {
  /** The whole reply, when the prompt needs nothing else. */
  reply?: string;
  /** What to answer after a leading greeting ("Hello, what is RAG?" → "what is RAG?"), and how to open. */
  rest?: string;
  opener?: string;
}

/** A direct reply, or the prompt without its greeting (to be answered by topic, opened with a greeting). */
export function directAnswer(prompt: string, language: ReplyLanguage, seed: number): DirectAnswer {
  const trimmed = prompt.trim().replace(/\s+/gu, " ");
  const echoed = echo(trimmed);
  if (echoed !== undefined) return { reply: echoed };
  const written = poem(trimmed, language, seed) ?? story(trimmed, language);
  if (written !== undefined) return { reply: written };
  if (JOKE.test(trimmed)) return { reply: pick(JOKES[language], seed) };
  const summary = summarize(prompt.trim(), language);
  if (summary !== undefined) return { reply: summary };
  const sum = arithmetic(trimmed);
  if (sum !== undefined) return { reply: sum };
  const greeting = GREETING.exec(trimmed);
  const rest = greeting === null ? trimmed : trimmed.slice(greeting[0].length).trim();
  const talk = smallTalk(rest, language);
  const t = TEXT[language];
  if (greeting !== null) {
    if (rest === "" || /^[?!.,\s]*$/u.test(rest)) return { reply: pick(t.greet, seed) };
    const opener = language === "en" ? `${capitalise((greeting[1] ?? "hello").toLowerCase())}!` : t.hello;
    if (talk !== undefined) return { reply: `${opener} ${talk(seed)}` };
    return { rest, opener };
  }
  if (talk !== undefined) return { reply: talk(seed) };
  return {};
}
