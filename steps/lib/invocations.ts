/**
 * Step 2's work: the prompts through the model with bounded concurrency. The first call goes alone, so that a switch
 * to an inference profile (or a replacement model) happens once, before the others start.
 */
import { defineFact, z, type FactValue } from "genai-lab/kit";
import type { Invocation } from "./invoke.js";
import { effectiveModelId, type ActCtx, type ReadCtx } from "./model.js";
import { invokeWithRecovery } from "./recover.js";

const invocation = z.object({
  prompt: z.string(),
  requestId: z.string(),
  inputTokens: z.number(),
  outputTokens: z.number(),
  latencyMs: z.number(),
  answer: z.string(),
  simulated: z.boolean(),
  // "<URL> (<local model>)" when a real model answered through the sandbox; absent in facts from before.
  realModel: z.string().optional(),
  at: z.number(),
  attempts: z.number(),
  throttled: z.number(),
  serverErrors: z.number(),
  retryDelayMs: z.number(),
});

/** Step 2's calls: the model they went to, when, and each call's request id, tokens and latency. */
export const INVOCATIONS = defineFact(
  "invocations",
  z.object({ modelId: z.string(), startedAt: z.number(), finishedAt: z.number(), items: z.array(invocation) }),
);
export type InvocationBatch = FactValue<typeof INVOCATIONS>;

export function recordedBatch(ctx: ReadCtx): InvocationBatch | undefined {
  return INVOCATIONS.get(ctx);
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
