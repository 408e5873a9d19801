/**
 * Step 2: the seed's five prompts through the model (InvokeModel with the Anthropic body, Converse otherwise), so
 * that there is something to log, chart and query. The request ids are remembered: step 3 finds them in the logs.
 */
import { defineStep } from "../src/engine/contract.js";
import type { LabAws, LabParams } from "./lab.js";
import { INVOCATIONS_FACT, invokePrompts } from "./lib/invocations.js";
import { invokeLine } from "./lib/invoke.js";
import { retriesNote, retrySettings, simulatedNote } from "./lib/invocation-notes.js";
import { effectiveModelId } from "./lib/model.js";
import { table } from "./lib/outputs.js";
import { enCount } from "./lib/plural.js";

/** The body's CLI block, the same in both languages. */
const CLI = `aws bedrock-runtime invoke-model --model-id us.anthropic.claude-3-5-sonnet-20241022-v2:0 \\
  --content-type application/json --accept application/json \\
  --body '{"anthropic_version":"bedrock-2023-05-31","max_tokens":128,"messages":[{"role":"user","content":"What is Amazon Bedrock?"}]}' \\
  --cli-binary-format raw-in-base64-out out.json`;

export const step = defineStep<LabParams, LabAws>({
  id: "generate-sample-invocations",
  title: { vi: "Tạo các lời gọi mẫu", en: "Generate sample invocations" },
  body: {
    vi: `Có logging rồi thì cần dữ liệu để xem. Bước này gửi năm prompt của bài gốc tới model, mỗi prompt một lời gọi, tối đa \`max_tokens\` = 128, và vài lời gọi chạy song song. Với model của Anthropic, bài lab dùng **InvokeModel** với body Anthropic Messages như bài gốc; với model khác thì dùng **Converse**, API chung cho mọi model.

Với mỗi lời gọi, bài lab hiện số input/output token, độ trễ và vài chữ đầu của câu trả lời. Độ trễ và số token đến từ các header \`x-amzn-bedrock-invocation-latency\`, \`x-amzn-bedrock-input-token-count\` và \`x-amzn-bedrock-output-token-count\` (AWS SDK cho JavaScript không tự trả chúng ra). Request id của từng lời gọi được ghi nhớ để bước 3 tìm đúng các bản ghi này trong log.

Nếu AWS trả lỗi *on-demand throughput isn’t supported*, bài lab chuyển sang inference profile của Region và nói rõ. Nếu model là Legacy và bị từ chối, bài lab đề nghị model thay thế như ở bước kiểm tra đầu. Lỗi throttling được SDK tự thử lại; bài lab đếm số lần thử của từng lời gọi để bạn thấy điều đó.

Trên sandbox, câu trả lời là **mô phỏng** (không có model thật), nhưng log, metric và số token đi đúng đường như trên AWS.

**Trên console:** Amazon Bedrock console → **Playgrounds** → **Chat / Text**, chọn model (hoặc inference profile), gửi lần lượt từng prompt. Mỗi lần gửi cũng được ghi log y như lời gọi của bài lab.

**Bằng CLI** (một prompt):

\`\`\`bash
${CLI}
\`\`\`

Đoạn Python trong bài gốc vẫn đúng, chỉ cần đổi \`modelId\` sang ID mà bước 0 đã chọn.

Tài liệu: [InvokeModel](https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_InvokeModel.html) · [Converse](https://docs.aws.amazon.com/bedrock/latest/userguide/conversation-inference.html) · [Anthropic Messages API trên Bedrock](https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-anthropic-claude-messages.html)`,
    en: `With logging on, you need something to look at. This step sends the seed's five prompts to the model, one call each, \`max_tokens\` = 128, a few calls at a time. For Anthropic models the lab uses **InvokeModel** with the Anthropic Messages body, as the seed does; for other models it uses **Converse**, the model-agnostic API.

For each call the lab shows the input/output tokens, the latency and the first words of the answer. Latency and token counts come from the \`x-amzn-bedrock-invocation-latency\`, \`x-amzn-bedrock-input-token-count\` and \`x-amzn-bedrock-output-token-count\` response headers (the AWS SDK for JavaScript does not surface them on its own). Each call's request id is remembered, so that step 3 can find exactly these records in the logs.

If AWS answers *on-demand throughput isn’t supported*, the lab switches to the Region's inference profile and says so. If the model is Legacy and refused, it offers the same replacement as the preflight. The SDK retries throttling on its own; the lab counts each call's attempts so that you can see it happen.

On the sandbox the answers are **simulated** (there is no real model), but logs, metrics and token counts travel the same path as on AWS.

**In the console:** Amazon Bedrock console → **Playgrounds** → **Chat / Text**, pick the model (or the inference profile) and send the prompts one by one. Each one is logged just like the lab's calls.

**With the CLI** (one prompt):

\`\`\`bash
${CLI}
\`\`\`

The seed's Python snippet still works: just change \`modelId\` to the id the preflight chose.

Docs: [InvokeModel](https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_InvokeModel.html) · [Converse](https://docs.aws.amazon.com/bedrock/latest/userguide/conversation-inference.html) · [Anthropic Messages API on Bedrock](https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-anthropic-claude-messages.html)`,
  },
  actions: [
    {
      id: "invoke-prompts",
      title: { vi: "Gửi 5 prompt tới model", en: "Send the five prompts to the model" },
      cli: (ctx) =>
        invokeLine(effectiveModelId(ctx), ctx.target.region, ctx.params.prompts[0] ?? "Hello", ctx.params.maxTokens),
      billable: true,
      async run(ctx) {
        const batch = await invokePrompts(ctx);
        ctx.facts.set(INVOCATIONS_FACT, batch);
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
              prompt: call.prompt,
              input: call.inputTokens,
              output: call.outputTokens,
              latency: call.latencyMs,
              attempts: call.attempts,
              // Whole: the TUI opens each row in full when an answer does not fit a column (issue 11 item 12).
              answer: call.answer,
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
  checks: [],
  hints: [
    {
      vi: 'Bị "AccessDeniedException: You don\'t have access to the model"? Bật model trong Bedrock console → Model access (có thể mất khoảng 15 phút), hoặc chọn model khác với --model-id.',
      en: '"AccessDeniedException: You don\'t have access to the model"? Enable it in the Bedrock console → Model access (it can take ~15 minutes), or choose another with --model-id.',
    },
    {
      vi: "Gọi bằng boto3 theo bài gốc? Nhớ dùng đúng Region đã bật logging, nếu không log sẽ không xuất hiện.",
      en: "Calling with boto3 as in the seed? Use the same Region you enabled logging in, or no logs will show up.",
    },
  ],
});
