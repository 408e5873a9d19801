/** Whatever stopped the session from opening (or the language from being saved), explained for the screen. */
import { ConnectError } from "../../app/lab-session.js";
import { classifyGeneric, type Problem } from "../../engine/problem.js";
import { same, type Text } from "../../engine/text.js";
import { UsageError } from "../../engine/usage-error.js";
import { S } from "../strings.js";

/**
 * The Problem to show, the exit code `q` returns from there (the CLI's: 2 for usage or configuration), and the
 * heading above it: a state file or an option that is wrong is not a failure to connect.
 */
export function explainError(error: unknown): { problem: Problem; exitCode: number; heading?: Text } {
  if (error instanceof ConnectError) {
    const problem = noCredentials(error.problem) ?? error.problem;
    return { problem, exitCode: problem.kind === "credentials" ? 2 : 1 };
  }
  if (error instanceof UsageError) {
    return {
      problem: { kind: "validation", title: error.text, next: S.usageNext, retryable: false },
      exitCode: 2,
      heading: S.openFailed,
    };
  }
  return { problem: classifyGeneric(error), exitCode: 1 };
}

/**
 * The SDK found no credentials at all (CredentialsProviderError: no request was made). The classifier calls
 * every credentials problem "refused"; here the learner needs to hear that none were found, and how to give some.
 */
function noCredentials(problem: Problem): Problem | undefined {
  const none =
    problem.code === "CredentialsProviderError" ||
    /Could not load credentials|Unable to locate credentials/i.test(problem.message ?? "");
  if (problem.kind !== "credentials" || !none) return undefined;
  return {
    kind: "credentials",
    title: S.noCredentials,
    next: S.noCredentialsNext,
    code: problem.code ?? "CredentialsProviderError",
    retryable: false,
  };
}

/** Why the language choice could not be written, in one line. */
export function explainSaveError(error: unknown): Text {
  const reason =
    error instanceof UsageError ? error.text : same(error instanceof Error ? error.message : String(error));
  return { vi: `${S.langNotSaved.vi}: ${reason.vi}`, en: `${S.langNotSaved.en}: ${reason.en}` };
}
