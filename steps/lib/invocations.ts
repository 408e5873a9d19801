/**
 * Step 2's work: the prompts through the model with bounded concurrency. The first call goes alone, so that a switch
 * to an inference profile (or a replacement model) happens once, before the others start. The last prompt is
 * streamed, alone, once the others are answered (streamed-prompt.ts): still five calls, one of them streamed.
 */
import { defineFact, z, type FactValue } from "genai-lab/kit";
import type { Invocation } from "./invoke.js";
import { effectiveModelId, type ActCtx, type ReadCtx } from "./model.js";
import { invokeWithRecovery } from "./recover.js";
import type { StreamedInvocation } from "./stream-answer.js";
import { streamPrompt } from "./streamed-prompt.js";

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
  // The streamed call (the last prompt): its operation and time to first token; absent on the others.
  operation: z.string().optional(),
  firstTokenMs: z.number().optional(),
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

/** The batch to remember, and the streamed call with its timings (absent when there was no prompt). */
export interface PromptsAnswered {
  batch: InvocationBatch;
  streamed?: StreamedInvocation;
}

export async function invokePrompts(ctx: ActCtx): Promise<PromptsAnswered> {
  const prompts = ctx.params.prompts;
  const startedAt = ctx.clock.now();
  const results: Invocation[] = new Array<Invocation>(prompts.length);
  const streamed = prompts.length - 1;
  let done = 0;
  const answered = () => {
    done += 1;
    ctx.report.progress(
      { vi: `Đã gọi ${done}/${prompts.length} prompt`, en: `${done} of ${prompts.length} prompts answered` },
      { fraction: done / prompts.length },
    );
  };
  const callOne = async (index: number) => {
    results[index] = await invokeWithRecovery(ctx, prompts[index] ?? "", ctx.params.maxTokens);
    answered();
  };
  if (streamed > 0) await callOne(0);
  let next = 1;
  let failed = false;
  const workers = Array.from({ length: Math.max(1, Math.min(ctx.params.concurrency, streamed - 1)) }, async () => {
    // Once one call fails the step fails: the other workers take no new prompt (each call may be billed).
    while (next < streamed && !failed && !ctx.signal.aborted) {
      const index = next++;
      try {
        await callOne(index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  });
  await Promise.all(workers);
  const last = streamed >= 0 && !ctx.signal.aborted ? await streamPrompt(ctx, streamed) : undefined;
  if (last) results[streamed] = last;
  const batch = { modelId: effectiveModelId(ctx), startedAt, finishedAt: ctx.clock.now(), items: results };
  return last ? { batch, streamed: last } : { batch };
}
