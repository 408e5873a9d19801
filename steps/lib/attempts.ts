/**
 * How many HTTP attempts a model call took, and why the failed ones failed. The SDK retries throttling and 5xx
 * answers on its own (standard retry mode, backing off between attempts) and only reports the count afterwards
 * (`$metadata.attempts`), so without this the learner never sees throttling at all. A middleware on the *command*
 * (not the shared client) sits inside the retry loop and sees every attempt's outcome.
 */
import { errorName } from "./errors.js";

export interface AttemptLog {
  /** HTTP attempts made, failed ones included. */
  attempts: number;
  /** Attempts refused with ThrottlingException (HTTP 429). */
  throttled: number;
  /** Attempts that failed with a 5xx or a model timeout. */
  serverErrors: number;
  /** The SDK's back-off between attempts, in ms (`$metadata.totalRetryDelay`). */
  retryDelayMs: number;
}

export const newAttemptLog = (): AttemptLog => ({ attempts: 0, throttled: 0, serverErrors: 0, retryDelayMs: 0 });

type Handler = (args: unknown) => Promise<unknown>;
/** The one method used, typed loosely: the SDK's stack type is generic over each command's input and output. */
interface StackLike {
  add(middleware: (next: Handler) => Handler, options: { step: "deserialize"; priority: "high"; name: string }): void;
}

/** Counts every attempt `command` makes into `log`, telling `onAttempt` as each begins; call before `send`. */
export function watchAttempts(command: { middlewareStack: object }, log: AttemptLog, onAttempt?: () => void): void {
  (command.middlewareStack as StackLike).add(
    (next) => async (args) => {
      log.attempts += 1;
      onAttempt?.();
      try {
        return await next(args);
      } catch (error) {
        const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode ?? 0;
        if (errorName(error) === "ThrottlingException" || status === 429) log.throttled += 1;
        else if (status >= 500 || errorName(error) === "ModelTimeoutException") log.serverErrors += 1;
        throw error;
      }
    },
    // The deserialize step runs inside the retry middleware (finalizeRequest), once per attempt; "high" puts this
    // outside the deserializer, so a failure arrives as the modelled error with its name.
    { step: "deserialize", priority: "high", name: "genaiLabAttemptLog" },
  );
}

/** Adds the SDK's own account of a finished call (its back-off) to `log`. */
export function settleAttempts(log: AttemptLog, metadata: { totalRetryDelay?: number } | undefined): void {
  log.retryDelayMs += metadata?.totalRetryDelay ?? 0;
}
