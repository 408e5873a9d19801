/** Whatever stopped the session from opening, as a Problem the welcome screen can show. */
import { ConnectError } from "../../cli/connect.js";
import { classifyGeneric, type Problem } from "../../engine/problem.js";
import { UsageError } from "../../engine/usage-error.js";

export function explainError(error: unknown): Problem {
  if (error instanceof ConnectError) return error.problem;
  if (error instanceof UsageError) {
    return {
      kind: "validation",
      title: error.text,
      next: {
        vi: "Sửa tuỳ chọn hoặc tệp được nêu, rồi mở lại genai-lab (q để thoát).",
        en: "Fix the option or file named, then open genai-lab again (q quits).",
      },
      retryable: false,
    };
  }
  return classifyGeneric(error);
}
