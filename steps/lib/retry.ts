/**
 * A second, visible layer of retries over the SDK's own (which already retries throttling and 5xx a few times
 * with backoff): when a call still fails with a transient error, wait with a countdown and try again, a bounded
 * number of times. The learner sees why the lab is waiting instead of a frozen screen.
 */
import type { CheckContext, Text } from "genai-lab/kit";
import { classify } from "./error-kinds.js";
import { isTransient } from "./errors.js";

/** Tries in all, including the first. */
const ATTEMPTS = 4;
/** Wait before the second try; doubles each time. */
const BASE_DELAY_MS = 1000;

export async function withRetries<T>(
  ctx: Pick<CheckContext, "clock" | "signal" | "report">,
  what: Text,
  call: () => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= ATTEMPTS || !isTransient(error) || ctx.signal.aborted) throw error;
      const why = classify(error).title;
      const delay = BASE_DELAY_MS * 2 ** (attempt - 1);
      const seconds = Math.ceil(delay / 1000);
      ctx.report.progress({
        vi: `${what.vi}: ${why.vi} — thử lại lần ${attempt + 1}/${ATTEMPTS} sau ${seconds} giây`,
        en: `${what.en}: ${why.en} — retry ${attempt + 1}/${ATTEMPTS} in ${seconds} s`,
      });
      await ctx.clock.sleep(delay, ctx.signal);
    }
  }
}
