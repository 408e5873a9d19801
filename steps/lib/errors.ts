import { classify } from "./error-kinds.js";
/** Small predicates and guards over AWS SDK errors, by name and HTTP status only (never the raw body). */

interface SdkError {
  name?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
}

export function errorName(error: unknown): string {
  return (error as SdkError | undefined)?.name ?? "";
}

export function errorMessage(error: unknown): string {
  return (error as SdkError | undefined)?.message ?? String(error);
}

const NOT_FOUND = new Set([
  "ResourceNotFoundException",
  "ResourceNotFound",
  "NoSuchEntity",
  "NoSuchEntityException",
  "DashboardNotFoundError",
]);

/** The resource is not there (Logs, IAM, CloudWatch dashboards all spell it differently). */
export function isNotFound(error: unknown): boolean {
  return NOT_FOUND.has(errorName(error));
}

/** `call`'s result, or undefined when the resource it reads or deletes is not there ("already gone" counts as done). */
export async function ifExists<T>(call: () => Promise<T>): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** The identity may not make the call (IAM says AccessDenied; some services UnauthorizedOperation). */
export const isAccessDenied = (error: unknown): boolean => /AccessDenied|UnauthorizedOperation/.test(errorName(error));

export function isAlreadyExists(error: unknown): boolean {
  const name = errorName(error);
  return (
    name === "ResourceAlreadyExistsException" ||
    name === "EntityAlreadyExists" ||
    name === "EntityAlreadyExistsException"
  );
}

/** Worth retrying as is: throttling, 5xx, model timeouts, network trouble (not the logging-role validation). */
export function isTransient(error: unknown): boolean {
  const problem = classify(error);
  return problem.retryable && problem.kind !== "logging-role" && problem.kind !== "cancelled";
}
