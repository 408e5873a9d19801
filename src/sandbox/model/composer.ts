/**
 * The simulated model's text: a small topic-keyed composer. Deterministic — the same prompt to the same model family
 * always gets the same reply — and on topic for the lab's prompts (Bedrock, RAG, serverless, prompt engineering,
 * vector search, monitoring, LLM basics), with a templated generic answer for anything else. Vietnamese prompts get
 * Vietnamese answers. A prompt asking for a number of items ("List 3 benefits of …") gets exactly that many.
 */
import { fnv1a, pick } from "./hash.js";
import { TOPIC_PATTERNS } from "./topic-types.js";
import type { TopicId, TopicText } from "./topic-types.js";
import { TOPICS_EN } from "./topics-en.js";
import { TOPICS_VI } from "./topics-vi.js";

export type ReplyLanguage = "en" | "vi";

/** Letters only Vietnamese uses, and common short words whose accents other languages share (là, gì, và…). */
const VIETNAMESE_LETTERS = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu;
const VIETNAMESE_WORDS = /(^|[\s"'(])(là|gì|và|của|không|những|được|tôi|bạn|hãy|cho|các)(?=$|[\s?.!,:;"')])/iu;

export function detectLanguage(prompt: string): ReplyLanguage {
  return VIETNAMESE_LETTERS.test(prompt) || VIETNAMESE_WORDS.test(prompt) ? "vi" : "en";
}

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
 * The full (untruncated) reply to `prompt`. `flavour` (e.g. the model family) varies wording between models while
 * keeping each model deterministic.
 */
export function composeReply(prompt: string, flavour: string): string {
  const language = detectLanguage(prompt);
  const topic = classifyTopic(prompt);
  const text = (language === "vi" ? TOPICS_VI : TOPICS_EN)[topic];
  const seed = fnv1a(`${flavour}\u0000${prompt.trim().toLowerCase()}`);
  const subject = subjectOf(prompt, language);
  const parts: string[] = [];
  const items = requestedItems(prompt);
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
  return fill(parts.join("\n\n"), subject);
}
