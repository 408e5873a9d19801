/**
 * The texts inside seeded records: system prompts, retrieved documents and chat history of a given size in tokens
 * (≈ 4 characters each, the sandbox's token rule), and the simulated model's replies, stretched or cut to a length.
 * Everything is deterministic and cheap: fillers are slices of one repeating corpus, replies are composed once per
 * (model family, prompt) and reused.
 */
import { generate, truncateToTokens } from "../model/generate.js";
import { textTokens } from "../model/tokens.js";
import type { ModelSpec } from "../model/types.js";

const CORPUS_SENTENCES = [
  "Section 4.2 applies to all shipments handled by the regional warehouse.",
  "Employees may claim travel expenses within thirty days of the trip.",
  "The customer reported that the parcel arrived with a damaged corner.",
  "Refunds for enterprise accounts are approved by the finance lead.",
  "The service level target for priority one incidents is fifteen minutes.",
  "Invoices are issued on the first working day of each month.",
  "Access to production data requires a ticket and a second approver.",
  "The logistics contract covers deliveries in the north and the centre.",
  "Quarterly revenue grew while support tickets per order declined.",
  "New engineers complete the security training in their first week.",
  "Hotel costs above the city limit need written approval in advance.",
  "Returns are accepted within fourteen days in the original packaging.",
];
const CORPUS = CORPUS_SENTENCES.join(" ") + " ";

/** About `tokens` tokens of document-like text, starting at a place chosen by `seed`. */
export function filler(tokens: number, seed: number): string {
  const chars = Math.max(0, tokens * 4);
  if (chars === 0) return "";
  const start = seed % CORPUS.length;
  let text = CORPUS.slice(start);
  while (text.length < chars) text += CORPUS;
  return text.slice(0, chars).trim();
}

/** The system prompt an app caches: the same text on every call, `tokens` long. */
export function systemPrompt(app: string, tokens: number): string {
  return `You are the ${app} assistant of the company. Follow the policies below. ${filler(tokens - 12, app.length * 7)}`;
}

const REPLIES = new Map<string, string>();

/** The simulated model's full reply to `prompt` (before any max_tokens cut). */
export function reply(model: ModelSpec, prompt: string): string {
  const key = `${model.family}\u0000${prompt}`;
  let text = REPLIES.get(key);
  if (text === undefined) {
    const message = { role: "user" as const, content: [{ text: prompt }], text: prompt };
    text = generate({ model, messages: [message], maxTokens: 100_000, stopSequences: [] }).text;
    REPLIES.set(key, text);
  }
  return text;
}

/** A reply of about `wanted` tokens (the reply repeated, as a long answer continues), cut at `maxTokens`. */
export function answer(
  base: string,
  wanted: number,
  maxTokens: number,
): { text: string; tokens: number; truncated: boolean } {
  let text = base;
  while (textTokens(text) < wanted) text = `${text}\n\n${base}`;
  const tokens = textTokens(text);
  if (tokens <= maxTokens) return { text, tokens, truncated: false };
  return { text: truncateToTokens(text, maxTokens), tokens: maxTokens, truncated: true };
}
