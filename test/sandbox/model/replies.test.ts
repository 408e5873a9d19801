/**
 * The simulated model's replies are plausible for any prompt (issue 11, item 18): short prompts get short answers,
 * "Say OK." gets "OK", greetings get a greeting, questions the topic tables do not know get a sensible general
 * answer in the prompt's language. Deterministic. One row per prompt, in both languages.
 */
import { describe, expect, it } from "vitest";
import { invokeModelBody, resolveInvocationTarget } from "../../../src/sandbox/model/index.js";
import { evaluateArithmetic } from "../../../src/sandbox/model/arithmetic.js";
import { detectLanguage } from "../../../src/sandbox/model/language.js";

const claude = resolveInvocationTarget("us-east-1", "123456789012", "us.anthropic.claude-sonnet-4-5-20250929-v1:0");
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu;

function reply(prompt: string, maxTokens = 1024) {
  const r = invokeModelBody(
    claude,
    JSON.stringify({
      anthropic_version: "bedrock-2023-05-31",
      max_tokens: maxTokens,
      messages: [{ role: "user", content: prompt }],
    }),
    { requestId: "fixed" },
  );
  const body = r.responseBody as { content: { text: string }[]; stop_reason: string };
  return { text: body.content[0]!.text, stopReason: body.stop_reason, outputTokens: r.outputTokens };
}

/** [prompt, exact reply or a pattern it matches] */
const EXACT: [string, string | RegExp][] = [
  ["Say OK.", "OK"],
  ["say ok", "Ok"],
  ["Say hello", "Hello"],
  ["Reply with 'yes'.", "yes"],
  ['Respond with exactly "Done."', "Done"],
  ["Respond with only the word banana.", "Banana"],
  ["Repeat after me: I love AWS", "I love AWS"],
  ["Just say hi!", "Hi"],
  ["Hãy nói OK.", "OK"],
  ["Chỉ trả lời 'có'.", "có"],
  ["Trả lời OK", "OK"],
  ["Nhắc lại: xin chào thế giới", "Xin chào thế giới"],
  ["What is 2+2?", "2 + 2 = 4"],
  ["2 + 2 = ?", "2 + 2 = 4"],
  ["Calculate 12 * (3 + 4)", "12 * (3 + 4) = 84"],
  ["What is 10 divided by 4?", "10 / 4 = 2.5"],
  ["Tính 12 nhân 7", "12 * 7 = 84"],
  ["100 chia 8 bằng bao nhiêu?", "100 / 8 = 12.5"],
  ["Hello!", /^(Hello|Hi there)! (How can I help you today|What would you like to know)\?$/],
  ["hi", /^(Hello|Hi there)! /],
  ["Xin chào", /^(Xin chào! Tôi có thể giúp gì cho bạn hôm nay\?|Chào bạn! Bạn muốn tìm hiểu điều gì\?)$/],
  ["xin chao", /^(Xin chào|Chào bạn)! /],
  ["Hi, how are you?", "Hi! I'm doing well, thanks for asking! How can I help you today?"],
  ["Bạn khỏe không?", "Tôi vẫn ổn, cảm ơn bạn đã hỏi! Tôi có thể giúp gì cho bạn?"],
  ["Xin chào, bạn là ai?", /^Xin chào! Tôi là trợ lý AI\. /],
  ["Who are you?", /^I'm an AI assistant\. /],
  ["What can you do?", /^I'm an AI assistant\. I can answer questions/],
  ["Bạn có thể làm gì?", /^Tôi là trợ lý AI\. /],
  ["Thanks!", /^(You're welcome!|Glad I could help!)/],
  ["Cảm ơn bạn nhiều", /^(Không có gì!|Rất vui vì đã giúp được bạn!)/],
  ["Bye", /^(Goodbye|Bye)!/],
  ["Tạm biệt", /^(Tạm biệt|Hẹn gặp lại bạn)!/],
  ["ok", "Great! Let me know if there's anything else I can help with."],
  [
    "Summarize: Amazon Bedrock is a managed service. It offers many models.",
    "In short: Amazon Bedrock is a managed service.",
  ],
  ["Tóm tắt: Bedrock là dịch vụ được quản lý. Nó có nhiều model.", "Tóm lại: Bedrock là dịch vụ được quản lý."],
  ["Tell me a joke", /\?.*\.|:/],
  ["Kể cho tôi nghe một câu chuyện cười", /lập trình viên|máy tính/],
];

describe("direct answers", () => {
  it.each(EXACT)("%s → %s", (prompt, expected) => {
    const { text, stopReason } = reply(prompt);
    if (typeof expected === "string") expect(text).toBe(expected);
    else expect(text).toMatch(expected);
    expect(stopReason).toBe("end_turn");
  });

  it('answers "Say OK." with "OK" even with max_tokens 1, and a greeting with a whole first word', () => {
    expect(reply("Say OK.", 1)).toEqual({ text: "OK", stopReason: "end_turn", outputTokens: 1 });
    expect(reply("Hello!", 1)).toMatchObject({ text: expect.stringMatching(/^(Hello|Hi)$/), stopReason: "max_tokens" });
    expect(reply("What is Amazon Bedrock?", 1)).toMatchObject({ text: "Amazon", stopReason: "max_tokens" });
  });
});

/** [prompt, language, what the reply must contain, what it must not] */
const GENERAL: [string, "en" | "vi", RegExp, RegExp?][] = [
  ["What is quantum computing?", "en", /quantum computing/, /^Here is a short overview of/],
  ["Máy tính lượng tử là gì?", "vi", /^Máy tính lượng tử là một chủ đề/],
  ["How do I bake bread?", "en", /^Here is a general way to bake bread:\n1\. /],
  ["How can I improve my resume?", "en", /improve your resume/, /my resume/],
  ["Làm thế nào để tôi học tiếng Anh nhanh?", "vi", /^Đây là cách làm chung để bạn học tiếng Anh nhanh:/],
  ["How does a car engine work?", "en", /^At a high level, a car engine takes an input/],
  ["Why is the sky blue?", "en", /^Good question\. /, /the sky blue/],
  ["Tại sao bầu trời màu xanh?", "vi", /^Câu hỏi hay\. /],
  ["Is Python good for beginners?", "en", /^It depends on your situation\./],
  ["Python có tốt cho người mới không?", "vi", /^Còn tùy tình huống của bạn\./],
  ["What is the capital of France?", "en", /rather not guess/, /capital of France is/],
  ["Thủ đô của Pháp là gì?", "vi", /về thủ đô của Pháp .*không muốn đoán/],
  ["Who is Ada Lovelace?", "en", /about Ada Lovelace/],
  ["I like cats.", "en", /tell me a bit more|help you with/i],
  ["Tôi thích mèo.", "vi", /Bạn (có thể nói thêm|muốn tôi giúp gì)/],
  ["Write a haiku about the ocean", "en", /ocean[\s\S]*\n[\s\S]*\n/],
  ["Viết một bài thơ về mùa thu", "vi", /mùa thu/],
  ["Write a short story about a dragon", "en", /^Once upon a time, there was a dragon\..*the dragon realised/],
  ["Viết một câu chuyện ngắn về một chú mèo", "vi", /^Ngày xửa ngày xưa, có một chú mèo\./],
  ["List 3 benefits of regular exercise.", "en", /^Here are 3 benefits of regular exercise:\n\n1\. \*\*It saves time/],
  [
    "Nêu 3 mẹo học lập trình",
    "vi",
    /^Dưới đây là 3 mẹo học lập trình:\n\n1\. \*\*Bắt đầu nhỏ\*\*: chọn một phần cụ thể của học lập trình/,
  ],
  ["Hello, what is Amazon Bedrock?", "en", /^Hello! Amazon Bedrock is /],
  ["Xin chào, RAG là gì?", "vi", /^Xin chào! RAG/],
  ["What is Amazon Bedrock?", "en", /^Amazon Bedrock is .*foundation models/],
  ["Amazon Bedrock là gì?", "vi", /^Amazon Bedrock là /],
  ["Explain RAG in simple terms.", "en", /Retrieval Augmented Generation/],
  [
    "List 3 benefits of serverless computing.",
    "en",
    /^Here are 3 benefits of serverless computing:\n\n1\. \*\*No server management/,
  ],
];

describe("general answers", () => {
  it.each(GENERAL)("%s → in %s, %s", (prompt, language, must, mustNot) => {
    const { text } = reply(prompt);
    expect(text).toMatch(must);
    if (mustNot) expect(text).not.toMatch(mustNot);
    expect(VIETNAMESE.test(text)).toBe(language === "vi");
    expect(text).not.toMatch(/\{subject\}|\{Subject\}|tổng quan ngắn về|short overview of/i);
  });

  it("keeps short prompts short, pastes no prompt into a template, and always answers the same way", () => {
    const short = [...EXACT.map(([p]) => p), "Hi there", "Chào bạn", "Is it raining?", "Tôi thích mèo."];
    for (const prompt of short) {
      const first = reply(prompt);
      expect(first.outputTokens, prompt).toBeLessThanOrEqual(70);
      expect(reply(prompt)).toEqual(first);
    }
    // Issue 11's two examples.
    expect(reply("Say OK.", 1).text).toBe("OK");
    expect(reply("Xin chào, bạn là ai.").text).not.toContain("Sau đây là tổng quan ngắn về");
  });
});

describe("the pieces", () => {
  it.each([
    ["Xin chào", "vi"],
    ["xin chao ban", "vi"],
    ["Cảm ơn", "vi"],
    ["Hello", "en"],
    ["Café au lait?", "en"],
  ] as const)("reads %s as %s", (prompt, language) => {
    expect(detectLanguage(prompt)).toBe(language);
  });

  it.each([
    ["1 + 2 * 3", "1 + 2 * 3", "7"],
    ["(1 + 2) * 3", "(1 + 2) * 3", "9"],
    ["-4 + 10", "-4 + 10", "6"],
    ["7 / 3", "7 / 3", "2.333333"],
    ["3 x 4", "3 * 4", "12"],
    ["1,000 plus 1", "1000 + 1", "1001"],
  ])("evaluates %s", (input, expression, value) => {
    expect(evaluateArithmetic(input)).toEqual({ expression, value });
  });

  it.each([["1 / 0"], ["2 +"], ["hello + 1"], ["42"], ["rm -rf /"]])("refuses %s", (input) => {
    expect(evaluateArithmetic(input)).toBeUndefined();
  });
});
