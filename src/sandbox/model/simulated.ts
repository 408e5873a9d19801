/** How the sandbox labels simulated model replies (see index.ts for why the label is a header). */

/** Response header on every InvokeModel / Converse reply the sandbox answers. */
export const SIMULATED_MODEL_HEADER = "x-genai-lab-simulated";
export const SIMULATED_MODEL_HEADER_VALUE = "true";

/** One line for the UI and the standalone server's banner. */
export const SIMULATED_MODEL_NOTE = {
  en: "Model replies come from the sandbox's deterministic simulated model, not from a real foundation model.",
  vi: "Câu trả lời do model mô phỏng (cố định, lặp lại được) của sandbox tạo ra, không phải foundation model thật.",
} as const;
