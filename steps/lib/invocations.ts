/**
 * Step 2's work: the prompts through the model with bounded concurrency. The first call goes alone, so that a switch
 * to an inference profile (or a replacement model) happens once, before the others start.
 */
import type { JsonValue } from "../../src/engine/contract.js";
import type { Invocation } from "./invoke.js";
import { effectiveModelId, type ActCtx, type ReadCtx } from "./model.js";
import { invokeWithRecovery } from "./recover.js";

export interface InvocationBatch {
  [key: string]: JsonValue;
  modelId: string;
  startedAt: number;
  finishedAt: number;
  items: Invocation[];
}

export const INVOCATIONS_FACT = "invocations";

export function recordedBatch(ctx: ReadCtx): InvocationBatch | undefined {
  return ctx.facts.get<InvocationBatch>(INVOCATIONS_FACT);
}

export async function invokePrompts(ctx: ActCtx): Promise<InvocationBatch> {
  const prompts = ctx.params.prompts;
  const startedAt = ctx.clock.now();
  const results: Invocation[] = new Array<Invocation>(prompts.length);
  let done = 0;
  const callOne = async (index: number) => {
    const prompt = prompts[index] ?? "";
    results[index] = await invokeWithRecovery(ctx, prompt, ctx.params.maxTokens);
    done += 1;
    ctx.report.progress(
      { vi: `Đã gọi ${done}/${prompts.length} prompt`, en: `${done} of ${prompts.length} prompts answered` },
      { fraction: done / prompts.length },
    );
  };
  if (prompts.length > 0) await callOne(0);
  let next = 1;
  let failed = false;
  const workers = Array.from(
    { length: Math.max(1, Math.min(ctx.params.concurrency, prompts.length - 1)) },
    async () => {
      // Once one call fails the step fails: the other workers take no new prompt (each call may be billed).
      while (next < prompts.length && !failed && !ctx.signal.aborted) {
        const index = next++;
        try {
          await callOne(index);
        } catch (error) {
          failed = true;
          throw error;
        }
      }
    },
  );
  await Promise.all(workers);
  return { modelId: effectiveModelId(ctx), startedAt, finishedAt: ctx.clock.now(), items: results };
}
