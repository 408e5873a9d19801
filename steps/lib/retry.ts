/**
 * A second, visible layer of retries over the SDK's own (which already retries throttling and 5xx a few times
 * with backoff): when a call still fails with a transient error, wait with a countdown and try again, a bounded
 * number of times. The learner sees why the lab is waiting instead of a frozen screen.
 */
import type { CheckContext } from "../../src/engine/contract.js";
import { classifyAwsError } from "../../src/aws/classify.js";
import type { Text } from "../../src/engine/text.js";
import { isTransient } from "./errors.js";

export interface RetryOptions {
  /** Tries in all, including the first. Default 4. */
  attempts?: number;
  /** Wait before the second try; doubles each time. Default 1000 ms. */
  baseDelayMs?: number;
}

export async function withRetries<T>(
  ctx: Pick<CheckContext, "clock" | "signal" | "report">,
  what: Text,
  call: () => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const attempts = options.attempts ?? 4;
  const base = options.baseDelayMs ?? 1000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= attempts || !isTransient(error) || ctx.signal.aborted) throw error;
      const why = classifyAwsError(error).title;
      const delay = base * 2 ** (attempt - 1);
      const seconds = Math.ceil(delay / 1000);
      ctx.report.progress({
        vi: `${what.vi}: ${why.vi} — thử lại lần ${attempt + 1}/${attempts} sau ${seconds} giây`,
        en: `${what.en}: ${why.en} — retry ${attempt + 1}/${attempts} in ${seconds} s`,
      });
      await ctx.clock.sleep(delay, ctx.signal);
    }
  }
}
