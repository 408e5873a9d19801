/** The topics the simulated model can talk about, and how a prompt is matched to one. */

export type TopicId =
  | "greeting"
  | "bedrock"
  | "rag"
  | "serverless"
  | "prompt-engineering"
  | "vector-search"
  | "monitoring"
  | "llm"
  | "generic";

export interface TopicText {
  /** One is chosen per reply (deterministically). */
  intro: readonly string[];
  /** Key points, best first; a reply uses three or four of them, or exactly as many as the prompt asks for. */
  points: readonly string[];
  outro: readonly string[];
}

/**
 * Matched against the lower-cased prompt, first match wins: specific topics before broader ones ("How does RAG use
 * Bedrock?" is about RAG). Vietnamese keywords sit beside the English ones.
 */
export const TOPIC_PATTERNS: readonly (readonly [TopicId, RegExp])[] = [
  ["greeting", /^\s*(hi|hello|hey|good (morning|afternoon|evening)|xin chào|chào bạn|chào)[\s!.,?]*$/u],
  ["prompt-engineering", /prompt engineering|prompt design|few-shot|kỹ thuật prompt|viết prompt/u],
  ["rag", /\brag\b|retrieval[- ]augmented|tăng cường truy xuất/u],
  ["vector-search", /vector|embedding|semantic search|similarity search|tìm kiếm ngữ nghĩa/u],
  ["serverless", /serverless|\blambda\b|không máy chủ/u],
  ["monitoring", /cloudwatch|monitor|observability|logs? insights|dashboard|giám sát|theo dõi/u],
  ["bedrock", /bedrock/u],
  ["llm", /\btokens?\b|large language model|\bllms?\b|foundation model|mô hình ngôn ngữ|mô hình nền tảng/u],
];
