/**
 * Step 1: turn on Bedrock model invocation logging to CloudWatch Logs — the log group, the role Bedrock assumes,
 * and the account's logging configuration. Check: logging enabled (lib/logging-check.ts: any role Bedrock can use,
 * the lab's group, text on).
 */
import { defineStep } from "../src/engine/contract.js";
import { LAB_TAG, labParameters, type LabAws, type LabParams } from "./lab.js";
import { ensureLogGroup } from "./lib/log-group.js";
import { desiredConfig, ensureLoggingConfig, readLoggingConfig, toJson } from "./lib/logging-config.js";
import { checkLoggingEnabled } from "./lib/logging-check.js";
import { createRoleLine, loggingScript } from "./lib/logging-cli.js";
import { ensureLoggingRole, roleNameOf } from "./lib/logging-role.js";
import type { ReadCtx } from "./lib/model.js";
import { json } from "./lib/outputs.js";
import { roleArnFor } from "./lib/policies.js";
import { shq } from "./lib/shell.js";

const SCRIPT = loggingScript({
  region: labParameters.region,
  group: labParameters.logGroupName,
  roleName: labParameters.loggingRoleName,
  retentionDays: labParameters.logRetentionDays,
});

const ROLE_FACT = "loggingRoleArn";

/** The role the configuration names: the one the role action settled on, else the one it would settle on. */
const loggingRoleArn = (ctx: ReadCtx) =>
  ctx.facts.get<string>(ROLE_FACT) ??
  (ctx.params.loggingRoleArn.trim() || roleArnFor(ctx.target.accountId, ctx.params.loggingRoleName));

export const step = defineStep<LabParams, LabAws>({
  id: "enable-invocation-logging",
  title: { vi: "Bật model invocation logging", en: "Enable model invocation logging" },
  body: {
    vi: `Model invocation logging ghi lại **mọi lời gọi model** qua Bedrock Runtime (InvokeModel, InvokeModelWithResponseStream, Converse, ConverseStream): ai gọi, model nào, prompt, câu trả lời và số token. Đây là nguồn dữ liệu chính để giám sát một ứng dụng GenAI. Cấu hình này áp dụng cho **cả tài khoản, theo từng Region**.

Bước này làm ba việc mà bài gốc chỉ gói trong một lệnh:

1. **Tạo log group** \`/aws/bedrock/model-invocations\` — Bedrock *không* tự tạo log group; nếu chưa có, lệnh put sẽ bị từ chối. Bài lab đặt retention 7 ngày và gắn tag để dễ nhận ra.
2. **Tạo IAM role** để Bedrock assume khi ghi log. Bài gốc ghi \`<YOUR_LOGGING_ROLE_ARN>\` mà không nói role đó cần gì:
   - *trust policy*: principal \`bedrock.amazonaws.com\`, action \`sts:AssumeRole\`, với điều kiện \`aws:SourceAccount\` = tài khoản của bạn và \`aws:SourceArn\` khớp \`arn:aws:bedrock:<region>:<account>:*\` (chống "confused deputy");
   - *permissions policy*: \`logs:CreateLogStream\` và \`logs:PutLogEvents\` trên đúng log stream \`…:log-group:/aws/bedrock/model-invocations:log-stream:aws/bedrock/modelinvocations\`.
   Có sẵn role rồi? Truyền \`--logging-role-arn\`: bài lab dùng nguyên trạng, không sửa, không xoá.
3. **Ghi cấu hình logging**: đích CloudWatch Logs, bật *text data*. Role mới tạo có thể mất tới khoảng một phút để IAM lan truyền; trong lúc đó Bedrock trả \`ValidationException: Failed to validate permissions for log group…\`, nên bài lab tự thử lại có giới hạn và hiện tiến độ.

Khối \`largeDataDeliveryS3Config\` trong bài gốc là **tuỳ chọn**: nó chỉ dùng cho phần thân request/response lớn hơn khoảng 100 KB. Dán nguyên \`<YOUR_S3_BUCKET>\` sẽ bị từ chối vì đó không phải tên bucket hợp lệ. Bài lab bỏ qua khối này, trừ khi bạn đặt \`--param largeDataBucket=<bucket>\` (bucket phải cùng Region và cho phép Bedrock ghi vào).

**Trên console:** Amazon Bedrock console → **Settings** → **Model invocation logging** → bật, chọn **CloudWatch Logs only**, log group \`/aws/bedrock/model-invocations\`, chọn role, tích **Text** → **Save settings**.

**Bằng CLI** (dán cả khối vào bash: ID tài khoản được đọc từ STS, ba tài liệu JSON được ghi ra file bằng heredoc):

\`\`\`bash
${SCRIPT}
\`\`\`

Tài liệu: [Model invocation logging](https://docs.aws.amazon.com/bedrock/latest/userguide/model-invocation-logging.html) · [Cấu hình đích CloudWatch Logs](https://docs.aws.amazon.com/bedrock/latest/userguide/model-invocation-logging.html#setup-cloudwatch-logs-destination)`,
    en: `Model invocation logging records **every model call** made through Bedrock Runtime (InvokeModel, InvokeModelWithResponseStream, Converse, ConverseStream): who called, which model, the prompt, the answer and the token counts. It is the main data source for monitoring a GenAI application. The setting applies to **the whole account, per Region**.

This step does three things the seed squeezes into one command:

1. **Create the log group** \`/aws/bedrock/model-invocations\` — Bedrock does *not* create it, and the put is refused while it is missing. The lab sets a 7-day retention and tags it so you can tell it apart.
2. **Create the IAM role** Bedrock assumes to write the logs. The seed says \`<YOUR_LOGGING_ROLE_ARN>\` without saying what that role needs:
   - *trust policy*: principal \`bedrock.amazonaws.com\`, action \`sts:AssumeRole\`, conditioned on \`aws:SourceAccount\` = your account and \`aws:SourceArn\` like \`arn:aws:bedrock:<region>:<account>:*\` (the confused-deputy guard);
   - *permissions policy*: \`logs:CreateLogStream\` and \`logs:PutLogEvents\` on exactly the stream \`…:log-group:/aws/bedrock/model-invocations:log-stream:aws/bedrock/modelinvocations\`.
   Already have a role? Pass \`--logging-role-arn\`: the lab uses it as it is, and never changes or deletes it.
3. **Save the logging configuration**: CloudWatch Logs destination, *text data* on. A brand-new role can take about a minute to propagate through IAM; meanwhile Bedrock answers \`ValidationException: Failed to validate permissions for log group…\`, so the lab retries, within a bound, and shows its progress.

The seed's \`largeDataDeliveryS3Config\` block is **optional**: it is only used for request/response bodies larger than about 100 KB. Pasted with \`<YOUR_S3_BUCKET>\` as is, it is refused because that is not a valid bucket name. The lab leaves it out unless you set \`--param largeDataBucket=<bucket>\` (same Region, and the bucket must let Bedrock write to it).

**In the console:** Amazon Bedrock console → **Settings** → **Model invocation logging** → turn it on, choose **CloudWatch Logs only**, log group \`/aws/bedrock/model-invocations\`, pick the role, tick **Text** → **Save settings**.

**With the CLI** (paste the whole block into bash: the account id comes from STS, and heredocs write the three JSON documents to files):

\`\`\`bash
${SCRIPT}
\`\`\`

Docs: [Model invocation logging](https://docs.aws.amazon.com/bedrock/latest/userguide/model-invocation-logging.html) · [Set up a CloudWatch Logs destination](https://docs.aws.amazon.com/bedrock/latest/userguide/model-invocation-logging.html#setup-cloudwatch-logs-destination)`,
  },
  actions: [
    {
      id: "create-log-group",
      title: { vi: "Tạo log group (retention 7 ngày, có tag)", en: "Create the log group (7-day retention, tagged)" },
      cli: (ctx) =>
        `aws logs create-log-group --log-group-name ${ctx.params.logGroupName} --tags ${LAB_TAG.key}=${LAB_TAG.value} && ` +
        `aws logs put-retention-policy --log-group-name ${ctx.params.logGroupName} --retention-in-days ${ctx.params.logRetentionDays}`,
      billable: true,
      async run(ctx) {
        return { summary: await ensureLogGroup(ctx) };
      },
    },
    {
      id: "create-logging-role",
      title: { vi: "Tạo IAM role cho Bedrock ghi log", en: "Create the IAM role Bedrock logs through" },
      cli: (ctx) =>
        ctx.params.loggingRoleArn
          ? `aws iam get-role --role-name ${roleNameOf(ctx.params.loggingRoleArn)}`
          : createRoleLine(ctx.target, ctx.params.logGroupName, ctx.params.loggingRoleName),
      async run(ctx) {
        const { arn, summary } = await ensureLoggingRole(ctx);
        ctx.facts.set(ROLE_FACT, arn);
        return { summary };
      },
    },
    {
      id: "put-logging-config",
      title: { vi: "Ghi cấu hình model invocation logging", en: "Save the model invocation logging configuration" },
      cli: (ctx) =>
        `aws bedrock put-model-invocation-logging-configuration --region ${ctx.target.region} --logging-config ${shq(
          JSON.stringify(desiredConfig(ctx, loggingRoleArn(ctx))),
        )}`,
      billable: true,
      async run(ctx) {
        const already = await ensureLoggingConfig(ctx, desiredConfig(ctx, loggingRoleArn(ctx)));
        const readBack = await readLoggingConfig(ctx);
        ctx.report.output(
          json(
            { vi: "Cấu hình đọc lại từ Bedrock", en: "The configuration as Bedrock reads it back" },
            { loggingConfig: toJson(readBack) },
          ),
        );
        return already
          ? { status: "skipped", summary: { vi: "Logging đã được bật từ trước", en: "Logging was already on" } }
          : { summary: { vi: "Đã bật model invocation logging", en: "Model invocation logging enabled" } };
      },
    },
  ],
  checks: [
    {
      id: "logging-enabled",
      label: { vi: "Model invocation logging đã bật", en: "Model invocation logging enabled" },
      run: checkLoggingEnabled,
    },
  ],
  hints: [
    {
      vi: 'Lỗi "Failed to validate permissions for log group"? Role mới cần tới khoảng một phút để có hiệu lực; nếu vẫn lỗi, so trust policy và permissions policy với hai khối JSON bài lab in ra.',
      en: '"Failed to validate permissions for log group"? A new role can take about a minute to take effect; if it persists, compare its trust and permissions policies with the two JSON blocks the lab printed.',
    },
    {
      vi: "Cấu hình logging là theo Region: nếu bạn gọi model ở Region khác, log sẽ không về log group này.",
      en: "The logging configuration is per Region: calls made in another Region do not land in this log group.",
    },
  ],
});
