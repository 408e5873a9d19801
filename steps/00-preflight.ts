/**
 * Step 0 (preflight, also `genai-lab doctor`): the seed's prerequisites checked for real — who am I, can I call the
 * model (lifecycle, inference profile, model access), and which IAM permissions the lab needs.
 */
import { defineStep, type TargetInfo as LabTarget } from "../src/engine/contract.js";
import { StepFailure } from "../src/engine/problem.js";
import type { LabAws, LabParams } from "./lab.js";
import { probeModelNote, sandboxTargetNote } from "./lib/invocation-notes.js";
import { firstWords, invokeLine } from "./lib/invoke.js";
import { chooseModel } from "./lib/model-choice.js";
import { effectiveModelId } from "./lib/model.js";
import { attachPolicyLine, learnerPolicy } from "./lib/policies.js";
import { invokeWithRecovery } from "./lib/recover.js";
import { json, kv } from "./lib/outputs.js";
import { rememberProbe } from "./lib/timeline.js";

/** The probe: the smallest call that proves model access. */
const PROBE_PROMPT = "Say OK.";
const PROBE_TOKENS = 1;

const policyFor = (ctx: { target: LabTarget; params: LabParams }) =>
  learnerPolicy(ctx.target, {
    group: ctx.params.logGroupName,
    roleName: ctx.params.loggingRoleName,
    dashboard: ctx.params.dashboardName,
  });

/** The body's CLI block, the same in both languages. */
const CLI = `aws sts get-caller-identity
aws bedrock get-foundation-model --model-identifier anthropic.claude-3-5-sonnet-20241022-v2:0 --region us-east-1
aws bedrock list-inference-profiles --type-equals SYSTEM_DEFINED --region us-east-1`;

export const step = defineStep<LabParams, LabAws>({
  id: "preflight",
  role: "preflight",
  title: { vi: "Kiểm tra trước khi bắt đầu", en: "Preflight checks" },
  body: {
    vi: `Bài lab gốc gói phần chuẩn bị trong một dòng: có tài khoản AWS, có quyền truy cập model trên Bedrock, đã làm xong Lab 1. Bước này kiểm tra thật từng điều kiện đó, để các bước sau không bị hỏng giữa chừng.

1. **Tôi là ai?** — tài khoản, Region và danh tính mà bài lab sẽ dùng (\`aws sts get-caller-identity\`). Trên sandbox, tài khoản là mô phỏng và không tốn tiền.
2. **Tôi gọi được model không?** — Bài gốc dùng \`anthropic.claude-3-5-sonnet-20241022-v2:0\`. ID này là một cái bẫy kép:
   - Ở us-east-1, model này **không gọi on-demand được**. AWS trả về \`ValidationException: Invocation of model ID … with on-demand throughput isn’t supported\`. Phải gọi qua **cross-Region inference profile** \`us.anthropic.claude-3-5-sonnet-20241022-v2:0\` (ở châu Á – Thái Bình Dương là \`apac.\`).
   - Claude 3.5 Sonnet đã chuyển sang **Legacy** trên Bedrock (end of life trong năm 2026): tài khoản nào không dùng nó gần đây sẽ bị từ chối. Bài lab đọc \`modelLifecycle.status\` và đề xuất một model đang ACTIVE để thay thế.

   Sau đó, một lời gọi rất nhỏ (1 output token) xác nhận tài khoản đã được cấp model access.
3. **Tôi cần những quyền gì?** — một IAM policy tối thiểu (least privilege) cho mọi việc bài lab làm, để bạn gắn vào user hoặc role của mình.

**Trên console:** Amazon Bedrock console → **Model catalog** (trạng thái vòng đời, kiểu inference) và **Model access**; mục **Cross-region inference** liệt kê các inference profile.

**Bằng CLI:**

\`\`\`bash
${CLI}
\`\`\`

> **Mẹo thi:** câu hỏi về lỗi "on-demand throughput isn’t supported" gần như luôn có đáp án là dùng inference profile (ID có tiền tố \`us.\`, \`eu.\`, \`apac.\` hoặc \`global.\`), không phải xin tăng quota.

Tài liệu: [Model lifecycle](https://docs.aws.amazon.com/bedrock/latest/userguide/model-lifecycle.html) · [Cross-Region inference](https://docs.aws.amazon.com/bedrock/latest/userguide/cross-region-inference.html) · [Model access](https://docs.aws.amazon.com/bedrock/latest/userguide/model-access.html)`,
    en: `The seed lab packs its prerequisites into one line: an AWS account, Bedrock model access, Lab 1 done. This step checks each of them for real, so that later steps do not break half-way.

1. **Who am I?** — the account, Region and identity the lab will use (\`aws sts get-caller-identity\`). On the sandbox the account is simulated and costs nothing.
2. **Can I call the model?** — The seed uses \`anthropic.claude-3-5-sonnet-20241022-v2:0\`. That id is a trap twice over:
   - In us-east-1 this model **cannot be called on demand**. AWS answers \`ValidationException: Invocation of model ID … with on-demand throughput isn’t supported\`. You call it through the **cross-Region inference profile** \`us.anthropic.claude-3-5-sonnet-20241022-v2:0\` instead (\`apac.\` in Asia Pacific).
   - Claude 3.5 Sonnet is **Legacy** on Bedrock (end of life in 2026): accounts that have not used it lately are refused. The lab reads \`modelLifecycle.status\` and offers an ACTIVE replacement.

   Then one tiny call (1 output token) proves that model access has been granted.
3. **Which permissions do I need?** — a least-privilege IAM policy covering everything this lab does, to attach to your user or role.

**In the console:** Amazon Bedrock console → **Model catalog** (lifecycle status, inference types) and **Model access**; **Cross-region inference** lists the inference profiles.

**With the CLI:**

\`\`\`bash
${CLI}
\`\`\`

> **Exam tip:** a question about "on-demand throughput isn’t supported" almost always wants an inference profile (an id prefixed \`us.\`, \`eu.\`, \`apac.\` or \`global.\`), not a quota increase.

Docs: [Model lifecycle](https://docs.aws.amazon.com/bedrock/latest/userguide/model-lifecycle.html) · [Cross-Region inference](https://docs.aws.amazon.com/bedrock/latest/userguide/cross-region-inference.html) · [Model access](https://docs.aws.amazon.com/bedrock/latest/userguide/model-access.html)`,
  },
  actions: [
    {
      id: "identify",
      title: { vi: "Xác định tài khoản, Region và danh tính", en: "Identify the account, Region and identity" },
      cli: (ctx) => `aws sts get-caller-identity --region ${ctx.target.region}`,
      async run(ctx) {
        const { target } = ctx;
        ctx.report.output(
          kv({ vi: "Danh tính", en: "Identity" }, [
            [{ vi: "Target", en: "Target" }, target.endpoint ? `${target.kind} (${target.endpoint})` : target.kind],
            [{ vi: "Tài khoản", en: "Account" }, target.accountId],
            [{ vi: "Region", en: "Region" }, target.region],
            [{ vi: "Danh tính (ARN)", en: "Identity (ARN)" }, target.principalArn],
          ]),
        );
        if (target.kind === "sandbox") ctx.report.note("info", sandboxTargetNote(target.realModel));
        if (target.region !== ctx.params.region) {
          ctx.report.note("info", {
            vi: `Bài lab mặc định dùng ${ctx.params.region}; lần chạy này dùng ${target.region}.`,
            en: `The lab defaults to ${ctx.params.region}; this run uses ${target.region}.`,
          });
        }
        return {
          summary: { vi: `Đã xác định tài khoản ${target.accountId}`, en: `Account ${target.accountId} identified` },
        };
      },
    },
    {
      id: "choose-model",
      title: { vi: "Kiểm tra vòng đời và cách gọi model", en: "Check the model's lifecycle and how to call it" },
      cli: (ctx) =>
        `aws bedrock get-foundation-model --model-identifier ${ctx.params.modelId} --region ${ctx.target.region}`,
      async run(ctx) {
        const effective = await chooseModel(ctx);
        return { summary: { vi: `Model sẽ dùng: ${effective}`, en: `Model to use: ${effective}` } };
      },
    },
    {
      id: "probe-model",
      title: { vi: "Gọi thử model một lần (1 token)", en: "Call the model once (1 token)" },
      cli: (ctx) => invokeLine(effectiveModelId(ctx), ctx.target.region, PROBE_PROMPT, PROBE_TOKENS),
      billable: true,
      async run(ctx) {
        const call = await invokeWithRecovery(ctx, PROBE_PROMPT, PROBE_TOKENS);
        rememberProbe(ctx, effectiveModelId(ctx), call);
        if (!call.requestId) {
          throw new StepFailure(
            { vi: "Model trả lời nhưng không có request id.", en: "The model answered without a request id." },
            { vi: "Chạy lại với --debug.", en: "Run again with --debug." },
          );
        }
        ctx.report.output(
          kv({ vi: "Lời gọi thử", en: "Probe call" }, [
            [{ vi: "Model", en: "Model" }, effectiveModelId(ctx)],
            [{ vi: "Request id", en: "Request id" }, call.requestId],
            [{ vi: "Độ trễ", en: "Latency" }, `${call.latencyMs} ms`],
            [{ vi: "Trả lời", en: "Answer" }, firstWords(call.answer) || "—"],
          ]),
        );
        const modelNote = probeModelNote(call);
        if (modelNote) ctx.report.note("info", modelNote);
        return { summary: { vi: "Đã gọi được model", en: "Model access confirmed" } };
      },
    },
    {
      id: "print-policy",
      title: { vi: "In IAM policy tối thiểu cho bài lab", en: "Print the least-privilege IAM policy for the lab" },
      cli: (ctx) => attachPolicyLine(ctx.target, policyFor(ctx)),
      async run(ctx) {
        const policy = policyFor(ctx);
        ctx.report.output(
          json(
            {
              vi: "Quyền IAM bài lab cần (gắn vào user/role của bạn)",
              en: "IAM permissions the lab needs (attach to your user/role)",
            },
            policy,
          ),
        );
        return { summary: { vi: "Đã in policy", en: "Policy printed" } };
      },
    },
  ],
  checks: [],
  hints: [
    {
      vi: "Lỗi credentials? Chạy `aws sso login --profile <tên>` hoặc chọn profile bằng --profile, rồi `genai-lab doctor`.",
      en: "Credential errors? Run `aws sso login --profile <name>` or pick a profile with --profile, then `genai-lab doctor`.",
    },
    {
      vi: "Muốn chọn model khác? Dùng --model-id, ví dụ một inference profile `us.` hoặc `global.` của model đang ACTIVE.",
      en: "Want another model? Pass --model-id, e.g. the `us.` or `global.` inference profile of an ACTIVE model.",
    },
  ],
});
