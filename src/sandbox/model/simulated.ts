/** How the sandbox labels its model replies (see index.ts for why the label is a header). */
import type { ModelLabel } from "./source.js";

/** Response header on every InvokeModel / Converse reply and stream the sandbox answers: "true" or "false". */
export const SIMULATED_MODEL_HEADER = "x-genai-lab-simulated";
export const SIMULATED_MODEL_HEADER_VALUE = "true";
/** Who answered: "simulated", or "real model via <URL>" when a real model serves the sandbox's Bedrock Runtime. */
export const MODEL_SOURCE_HEADER = "x-genai-lab-model-source";
/** With a real model: the name of the local model that answered (e.g. llama3.2). */
export const BACKEND_MODEL_HEADER = "x-genai-lab-backend-model";

/** One line for the UI and the standalone server's banner. */
export const SIMULATED_MODEL_NOTE = {
  en: "Model replies come from the sandbox's deterministic simulated model, not from a real foundation model.",
  vi: "Câu trả lời do model mô phỏng (cố định, lặp lại được) của sandbox tạo ra, không phải foundation model thật.",
} as const;

/** The banner's line when a real model answers. */
export function realModelNote(url: string): { en: string; vi: string } {
  return {
    en: `Model replies come from a real model via ${url} (OpenAI-compatible), translated to Bedrock's shapes; token counts are that model's own.`,
    vi: `Câu trả lời đến từ model thật qua ${url} (tương thích OpenAI), được chuyển sang định dạng của Bedrock; số token là do chính model đó đếm.`,
  };
}

/** The label headers of one reply. */
export function labelHeaders(label: ModelLabel, backendModel?: string): Record<string, string> {
  if (label.kind === "simulated") {
    return { [SIMULATED_MODEL_HEADER]: SIMULATED_MODEL_HEADER_VALUE, [MODEL_SOURCE_HEADER]: "simulated" };
  }
  return {
    [SIMULATED_MODEL_HEADER]: "false",
    [MODEL_SOURCE_HEADER]: `real model via ${label.url}`,
    ...(backendModel !== undefined ? { [BACKEND_MODEL_HEADER]: backendModel } : {}),
  };
}
