/**
 * The simulated model's text. Deterministic — the same prompt to the same model family always gets the same reply —
 * and plausible for any prompt, in the prompt's language (Vietnamese or English):
 *   1. direct answers first (intents.ts): "Say OK." → "OK", greetings, "who are you", thanks, arithmetic,
 *      "Summarize: …", a short poem — short prompts get short answers;
 *   2. the lab's topics (Bedrock, RAG, serverless, prompt engineering, vector search, monitoring, LLM basics), with
 *      exactly as many items as a prompt asks for ("List 3 benefits of …");
 *   3. anything else gets a brief, honest general answer shaped by the kind of question (generic.ts).
 * A greeting before a question ("Hello, what is RAG?") opens the answer to the question.
 */
import { genericAnswer, genericListPoints } from "./generic.js";
import { fnv1a, pick } from "./hash.js";
import { directAnswer } from "./intents.js";
import { detectLanguage } from "./language.js";
import type { ReplyLanguage } from "./language.js";
import { TOPIC_PATTERNS } from "./topic-types.js";
import type { TopicId, TopicText } from "./topic-types.js";
import { TOPICS_EN } from "./topics-en.js";
import { TOPICS_VI } from "./topics-vi.js";

export { detectLanguage };
export type { ReplyLanguage };

export function classifyTopic(prompt: string): TopicId {
  const lower = prompt.toLowerCase();
  return TOPIC_PATTERNS.find(([, pattern]) => pattern.test(lower))?.[0] ?? "generic";
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  một: 1,
  hai: 2,
  ba: 3,
  bốn: 4,
  năm: 5,
};
const LIST_WORDS =
  /\b(list|name|give|benefits?|advantages?|reasons?|ways?|tips?|examples?|steps?|features?)\b|liệt kê|nêu|lợi ích|ưu điểm|cách|bước|ví dụ/iu;

/** How many items the prompt asks for ("List 3 benefits…", "three ways…"), with the words after the number. */
export function requestedItems(prompt: string): { count: number; noun: string } | undefined {
  if (!LIST_WORDS.test(prompt)) return undefined;
  const match =
    /(?:^|[\s(])(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|một|hai|ba|bốn|năm)\s+([^?.!\n]*)/iu.exec(
      prompt,
    );
  if (match === null) return undefined;
  const word = (match[1] ?? "").toLowerCase();
  const count = /^\d+$/.test(word) ? Number(word) : (NUMBER_WORDS[word] ?? 0);
  if (count < 1 || count > 10) return undefined;
  return { count, noun: (match[2] ?? "").trim() };
}

const LEADING_QUESTION =
  /^(please\s+)?(can you\s+|could you\s+)?(what\s+(is|are|was|were)|who\s+(is|are)|how\s+(does|do|did|can|to)|why\s+(is|are|does|do)|explain|describe|tell me about|define|summari[sz]e|give me|write about)\s+/iu;

/** The subject of a generic question: "What is quantum computing?" → "quantum computing". */
export function subjectOf(prompt: string, language: ReplyLanguage): string {
  let subject = prompt.trim().replace(/\s+/gu, " ");
  if (language === "en") subject = subject.replace(LEADING_QUESTION, "");
  else
    subject = subject
      .replace(/\s*(là gì|là sao|như thế nào|thế nào|hoạt động ra sao)\s*[?.!]*$/iu, "")
      .replace(/^(giải thích|hãy giải thích|cho tôi biết về)\s+/iu, "");
  subject = subject.replace(/[?.!\s]+$/u, "");
  if (subject.length === 0 || subject.length > 80) return language === "en" ? "this topic" : "chủ đề này";
  return subject;
}

function fill(template: string, subject: string): string {
  const capital = subject.charAt(0).toUpperCase() + subject.slice(1);
  return template.replaceAll("{Subject}", capital).replaceAll("{subject}", subject);
}

/**
 * `count` points in the topic's order (best first, so an answer cut by max_tokens still leads with the essentials);
 * with `skip`, one point after the first two is left out so different models phrase the list differently.
 */
function choosePoints(text: TopicText, count: number, skip?: number): string[] {
  const pool =
    skip !== undefined && text.points.length > count
      ? text.points.filter((_, i) => i < 2 || i !== 2 + (skip % (text.points.length - 2)))
      : text.points;
  const out: string[] = [];
  for (let i = 0; i < count && pool.length > 0; i += 1) out.push(pick(pool, i));
  return out;
}

/**
 * The subject of a list with no topic of its own: "benefits of regular exercise" → "regular exercise",
 * "mẹo học lập trình" → "học lập trình".
 */
function listSubject(noun: string, language: ReplyLanguage): string {
  const after =
    /\b(?:of|for|about|to|when|in)\s+(.+)$|\s(?:của|về|khi|cho|để)\s+(.+)$|^(?:mẹo|cách|bước|lợi ích|ưu điểm|lý do|ý tưởng|lời khuyên|ví dụ|thói quen)\s+(.+)$/iu.exec(
      noun,
    );
  const subject = (after?.[1] ?? after?.[2] ?? after?.[3] ?? "").replace(/[?.!\s]+$/u, "");
  return subject !== "" ? subject : language === "vi" ? "chủ đề này" : "this topic";
}

/** A reply from the topic tables, or undefined when no topic fits and no list was asked for. */
function topicReply(prompt: string, language: ReplyLanguage, seed: number): string | undefined {
  const topic = classifyTopic(prompt);
  const items = requestedItems(prompt);
  const table = (language === "vi" ? TOPICS_VI : TOPICS_EN)[topic];
  const listPoints = topic === "generic" && items !== undefined ? genericListPoints(items.noun, language) : undefined;
  const text = listPoints === undefined ? table : { ...table, points: listPoints };
  const parts: string[] = [];
  if (topic === "generic" && items === undefined) return undefined;
  if (topic === "greeting" || text.points.length === 0) {
    parts.push(pick(text.intro, seed));
  } else if (items !== undefined) {
    const noun = items.noun.length > 0 ? items.noun : language === "vi" ? "ý chính" : "key points";
    parts.push(language === "vi" ? `Dưới đây là ${items.count} ${noun}:` : `Here are ${items.count} ${noun}:`);
    parts.push(
      choosePoints(text, items.count)
        .map((point, i) => `${i + 1}. ${point}`)
        .join("\n"),
    );
    if (text.outro.length > 0) parts.push(pick(text.outro, seed >>> 3));
  } else {
    parts.push(pick(text.intro, seed));
    const count = 3 + (seed % 2);
    parts.push(
      choosePoints(text, count, seed >>> 5)
        .map((point) => `- ${point}`)
        .join("\n"),
    );
    if (text.outro.length > 0) parts.push(pick(text.outro, seed >>> 3));
  }
  const subject =
    topic === "generic" && items !== undefined ? listSubject(items.noun, language) : subjectOf(prompt, language);
  return fill(parts.join("\n\n"), subject);
}

/**
 * The full (untruncated) reply to `prompt`. `flavour` (e.g. the model family) varies wording between models while
 * keeping each model deterministic.
 */
export function composeReply(prompt: string, flavour: string): string {
  const language = detectLanguage(prompt);
  const seed = fnv1a(`${flavour}\u0000${prompt.trim().toLowerCase()}`);
  const direct = directAnswer(prompt, language, seed);
  if (direct.reply !== undefined) return direct.reply;
  const question = direct.rest ?? prompt;
  const body = topicReply(question, language, seed) ?? genericAnswer(question, language, seed);
  return direct.opener === undefined ? body : `${direct.opener} ${body}`;
}
