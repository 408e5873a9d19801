/** For tests of the sandbox's in-process refusals (no server, no SDK clients). */
import { AwsError } from "../../src/sandbox/errors.js";

/** The AwsError `fn` throws; any other exception propagates, and returning normally fails the test. */
export function thrown(fn: () => unknown): AwsError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AwsError) return error;
    throw error;
  }
  throw new Error("expected an AwsError");
}
