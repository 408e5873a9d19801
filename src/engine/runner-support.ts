/** The runner's small parts: racing a promise against cancellation, and the problems the runner itself reports. */
import { abortError } from "./clock.js";
import type { ConfirmRequest, TargetInfo } from "./contract.js";
import type { Problem } from "./problem.js";

export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(abortError(signal));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError(signal));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

export function timeoutError(): Error {
  const error = new Error("The action took too long.");
  error.name = "TimeoutError";
  return error;
}

export function timedOut(timeoutMs: number | undefined): Problem {
  const seconds = Math.round((timeoutMs ?? 0) / 1000);
  return {
    kind: "timeout",
    title: {
      vi: `Hết thời gian chờ${seconds ? ` (${seconds} giây)` : ""}.`,
      en: `Timed out${seconds ? ` after ${seconds} s` : ""}.`,
    },
    next: {
      vi: "Kiểm tra kết nối mạng và trạng thái dịch vụ, rồi chạy lại bước này.",
      en: "Check the network and the service's health, then run the step again.",
    },
    retryable: true,
  };
}

export function declined(): Problem {
  return {
    kind: "cancelled",
    title: { vi: "Bạn đã chọn không chạy thao tác này.", en: "You chose not to run this action." },
    next: {
      vi: "Chạy lại và xác nhận, hoặc dùng --yes để đồng ý trước.",
      en: "Run again and confirm, or pass --yes to agree up front.",
    },
    retryable: true,
  };
}

export function billableQuestion(title: { vi: string; en: string }, target: TargetInfo): ConfirmRequest {
  return {
    kind: "billable",
    question: { vi: `${title.vi}?`, en: `${title.en}?` },
    detail: {
      vi: `Thao tác này chạy trên tài khoản AWS thật ${target.accountId} (${target.region}) và có thể phát sinh chi phí.`,
      en: `This runs on the real AWS account ${target.accountId} (${target.region}) and may be billed.`,
    },
  };
}
