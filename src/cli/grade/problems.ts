/** Why a learner could not be graded, in both languages, with what to do next. */
import type { Problem } from "../../engine/problem.js";

type Base = Pick<Problem, "code" | "message" | "httpStatus" | "requestId">;

const keep = (p: Problem): Base => ({
  ...(p.code ? { code: p.code } : {}),
  ...(p.message ? { message: p.message } : {}),
  ...(p.httpStatus !== undefined ? { httpStatus: p.httpStatus } : {}),
  ...(p.requestId ? { requestId: p.requestId } : {}),
});

/** A per-target failure that ends grading for that target only. */
export class GradeFailure extends Error {
  constructor(readonly problem: Problem) {
    super(problem.title.en);
    this.name = "GradeFailure";
  }
}

export function assumeRoleFailed(roleArn: string, grader: string | undefined, cause: Problem): Problem {
  const role = roleArn.replace(/^.*:role\//, "");
  const account = /::(\d{12}):/.exec(roleArn)?.[1] ?? "?";
  const trusted = grader ? /::(\d{12}):/.exec(grader)?.[1] : undefined;
  const trust = trusted
    ? { vi: ` tin cậy tài khoản ${trusted}`, en: ` that trusts account ${trusted}` }
    : { vi: "", en: "" };
  return {
    ...keep(cause),
    kind: cause.kind === "credentials" ? "credentials" : "iam-permission",
    title: {
      vi: `Không assume được role chấm điểm ${roleArn} (${cause.code ?? cause.kind}).`,
      en: `Could not assume the grader role ${roleArn} (${cause.code ?? cause.kind}).`,
    },
    next: {
      vi: `Học viên tạo role ${role} trong tài khoản ${account}${trust.vi} (chính sách tin cậy ở docs/grading.md), hoặc sửa tên role trong danh sách.`,
      en: `The learner creates role ${role} in account ${account}${trust.en} (trust policy in docs/grading.md), or the roster's role name is fixed.`,
    },
    retryable: false,
  };
}

export function credentialsRefused(who: string, cause: Problem): Problem {
  return {
    ...keep(cause),
    kind: cause.kind,
    title: {
      vi: `Thông tin xác thực của ${who} bị từ chối (${cause.code ?? cause.kind}).`,
      en: `The credentials of ${who} were refused (${cause.code ?? cause.kind}).`,
    },
    next: cause.next,
    retryable: cause.retryable,
  };
}

export function wrongAccount(who: string, expected: string, actual: string): Problem {
  return {
    kind: "credentials",
    title: {
      vi: `Thông tin xác thực của ${who} thuộc tài khoản ${actual}, không phải ${expected}.`,
      en: `The credentials of ${who} belong to account ${actual}, not ${expected}.`,
    },
    next: {
      vi: "Sửa account trong danh sách, hoặc profile cho đúng học viên.",
      en: "Fix the account in the roster, or point the profile at the right learner.",
    },
    retryable: false,
  };
}
