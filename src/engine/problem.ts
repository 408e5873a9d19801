/**
 * A failure explained: what happened and what to do next, in both languages. AWS errors are classified into
 * this shape once, at the boundary (src/aws/classify.ts); the engine and everything downstream only see Problems.
 */
import type { Text } from "./text.js";

export type ProblemKind =
  | "credentials"
  | "model-access"
  | "iam-permission"
  | "on-demand-unsupported"
  | "invalid-model"
  | "legacy-model"
  | "logging-role"
  | "not-found"
  | "throttled"
  | "unavailable"
  | "model-timeout"
  | "network"
  | "not-aws"
  | "timeout"
  | "validation"
  | "cancelled"
  | "step"
  | "aws"
  | "internal"
  // A kind a lab declares for the errors it explains itself (its manifest's `errors`), e.g. "legacy-model".
  | (string & {});

export interface Problem {
  kind: ProblemKind;
  /** What happened, one sentence. */
  title: Text;
  /** What to do next. */
  next: Text;
  /** The service's error code, e.g. "AccessDeniedException". */
  code?: string;
  /** The service's own message (never a raw response body or a credential). */
  message?: string;
  httpStatus?: number;
  requestId?: string;
  /** Worth trying again as is (throttling, 5xx, network). */
  retryable: boolean;
}

/**
 * Thrown by an action or a check when the outcome is a known, explained failure of the lab itself
 * (not an AWS error): e.g. "the model is Legacy and no replacement was accepted".
 */
export class StepFailure extends Error {
  readonly title: Text;
  readonly next: Text;
  readonly kind: ProblemKind;

  constructor(title: Text, next: Text, kind: ProblemKind = "step") {
    super(title.en);
    this.name = "StepFailure";
    this.title = title;
    this.next = next;
    this.kind = kind;
  }
}

export type ClassifyError = (error: unknown) => Problem;

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === "AbortError" || error.name === "CancelledError");
}

/** The engine's fallback when no AWS-aware classifier is injected. */
export const classifyGeneric: ClassifyError = (error) => {
  if (error instanceof StepFailure) {
    return { kind: error.kind, title: error.title, next: error.next, retryable: false };
  }
  if (isAbortError(error)) {
    return {
      kind: "cancelled",
      title: { vi: "Đã huỷ.", en: "Cancelled." },
      next: { vi: "Chạy lại bước này khi sẵn sàng.", en: "Run the step again when ready." },
      retryable: true,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    kind: "internal",
    title: { vi: `Lỗi không mong đợi: ${message}`, en: `Unexpected error: ${message}` },
    next: {
      vi: "Chạy lại với --debug để xem chi tiết, và báo lỗi này nếu nó lặp lại.",
      en: "Run again with --debug for details, and report this if it happens again.",
    },
    message,
    retryable: false,
  };
};
