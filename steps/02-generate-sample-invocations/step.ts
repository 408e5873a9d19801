/**
 * Step 2: the seed's five prompts through the model (InvokeModel with the Anthropic body, Converse otherwise), so
 * that there is something to log, chart and query; the last one streamed (ConverseStream, or
 * InvokeModelWithResponseStream for the Anthropic body), its text shown as it arrives, with its time to first token.
 * The request ids are remembered: step 3 finds them in the logs. Check: the five calls' records are in the lab's
 * log group, whoever made them (the runner's action, or the learner's AWS CLI, boto3, SDK or console calls).
 */
import { defineStep, enCount, table } from "genai-lab/kit";
import type { LabAws, LabParams } from "../lab.js";
import { INVOCATIONS, invokePrompts } from "../lib/invocations.js";
import { invokeLine } from "../lib/invoke.js";
import { invocationsCli, invocationsPython } from "../lib/by-hand/invocations.js";
import { bothLanguages } from "../lib/by-hand/shell.js";
import { retriesNote, retrySettings, simulatedNote } from "../lib/invocation-notes.js";
import { effectiveModelId } from "../lib/model.js";
import { streamedOutputs } from "../lib/streamed-prompt.js";
import { streamOperation } from "../lib/stream-answer.js";
import { answerText } from "../lib/answer-text.js";
import { CHECK_TIMEOUT_MS, checkLogEntries } from "../lib/log-checks.js";

export const step = defineStep<LabParams, LabAws>({
  id: "generate-sample-invocations",
  title: { vi: "Tạo các lời gọi mẫu", en: "Generate sample invocations" },
  values: {
    // The model step 0 settled on (issue 11: the page named the original Legacy model even after another was chosen).
    modelId: (ctx) => effectiveModelId(ctx),
    // The operation the fifth prompt streams with: the streaming twin of the call the other four make.
    streamOperation: (ctx) => streamOperation(effectiveModelId(ctx)),
    invocationsCli: bothLanguages(invocationsCli),
  },
  yourTurn: { cli: (ctx) => invocationsCli(ctx, ctx.lang), python: (ctx) => invocationsPython(ctx, ctx.lang) },
  actions: [
    {
      id: "invoke-prompts",
      title: { vi: "Gửi 5 prompt tới model", en: "Send the five prompts to the model" },
      cli: (ctx) =>
        invokeLine(effectiveModelId(ctx), ctx.target.region, ctx.params.prompts[0] ?? "Hello", ctx.params.maxTokens),
      billable: true,
      async run(ctx) {
        const { batch, streamed } = await invokePrompts(ctx);
        INVOCATIONS.set(ctx, batch);
        ctx.report.output(
          table(
            { vi: `Kết quả (${batch.modelId})`, en: `Results (${batch.modelId})` },
            [
              ["prompt", { vi: "Prompt", en: "Prompt" }],
              ["input", { vi: "Input token", en: "Input tokens" }, "right"],
              ["output", { vi: "Output token", en: "Output tokens" }, "right"],
              ["latency", { vi: "Độ trễ (ms)", en: "Latency (ms)" }, "right"],
              ["attempts", { vi: "Số lần thử", en: "Attempts" }, "right"],
              ["answer", { vi: "Câu trả lời", en: "Answer" }],
            ],
            batch.items.map((call) => ({
              prompt:
                call === streamed
                  ? { vi: `${call.prompt} (dạng stream)`, en: `${call.prompt} (streamed)` }
                  : call.prompt,
              input: call.inputTokens,
              output: call.outputTokens,
              latency: call.latencyMs,
              attempts: call.attempts,
              // Whole: the TUI opens each row in full when an answer does not fit a column (issue 11 item 12).
              answer: answerText(call.answer),
            })),
          ),
        );
        ctx.report.output(
          table(
            { vi: "Request id (để tìm trong log ở bước 3)", en: "Request ids (to find in the logs in step 3)" },
            [["requestId", { vi: "Request id", en: "Request id" }]],
            batch.items.map((call) => ({ requestId: call.requestId })),
          ),
        );
        if (streamed) for (const output of streamedOutputs(streamed, batch.items.length - 1)) ctx.report.output(output);
        const simulated = simulatedNote(batch);
        if (simulated) ctx.report.note("info", simulated);
        const retries = retriesNote(batch, await retrySettings(ctx));
        if (retries) ctx.report.note("warning", retries);
        const total = batch.items.reduce((sum, call) => sum + call.inputTokens + call.outputTokens, 0);
        const n = batch.items.length;
        return {
          summary: {
            vi: `Đã gọi model ${n} lần (${total} token)`,
            en: `Model called ${n === 1 ? "once" : `${n} times`} (${enCount(total, "token")})`,
          },
        };
      },
    },
  ],
  checks: [
    {
      // The checklist's item: the records are the evidence of the calls, so it is this step's (it used to be step
      // 3's, which left step 2 with no check: calls made by hand never ticked it).
      id: "log-entries-present",
      label: { vi: "Có bản ghi log trong CloudWatch Logs", en: "Log entries present in CloudWatch Logs" },
      timeoutMs: CHECK_TIMEOUT_MS,
      run: checkLogEntries,
    },
  ],
});
