/**
 * Step 5 (cleanup, also `genai-lab cleanup`): the plan from the ledger first (and the one question, about the log
 * group), then the deletions (or, with --dry-run, the plan only). Only what this lab created is touched.
 */
import { defineStep } from "../src/engine/contract.js";
import { LAB_TAG, type LabAws, type LabParams } from "./lab.js";
import { askAboutLogGroup, removeEntry } from "./lib/cleanup.js";
import {
  cleanupPlan,
  PLAN_FACT,
  planCommand,
  plannedAction,
  plannedCommands,
  typeName,
  type PlanFact,
} from "./lib/cleanup-plan.js";
import { table } from "./lib/outputs.js";
import { enCount } from "./lib/plural.js";
import { LOGGING_POLICY_NAME } from "./lib/policies.js";
import { forgetLoggingOn } from "./lib/timeline.js";

/** The body's CLI block, the same in both languages. */
const CLI = `aws cloudwatch delete-dashboards --dashboard-names GenAI-Monitoring
aws bedrock delete-model-invocation-logging-configuration
aws iam delete-role-policy --role-name GenAILabBedrockLoggingRole --policy-name ${LOGGING_POLICY_NAME}
aws iam delete-role --role-name GenAILabBedrockLoggingRole
aws logs delete-log-group --log-group-name /aws/bedrock/model-invocations`;

export const step = defineStep<LabParams, LabAws>({
  id: "cleanup",
  role: "cleanup",
  title: { vi: "Dọn dẹp", en: "Clean up" },
  body: {
    vi: `Bước này xoá **đúng những gì bài lab đã tạo**, dựa trên sổ ghi tài nguyên (ledger) mà bài lab ghi lại trước và sau mỗi lệnh tạo. Thứ gì đã có từ trước đều được giữ nguyên.

Thứ tự xoá: dashboard → cấu hình logging → policy của role → IAM role → log group.

- **Dashboard**: xoá. Nếu bài lab đã ghi đè một dashboard cùng tên của bạn thì khôi phục nội dung cũ.
- **Cấu hình logging**: chỉ đụng tới nếu bài lab đã đặt nó. Nếu trước đó bạn có cấu hình khác thì khôi phục lại; nếu không thì xoá (tắt logging). Nếu ai đó đã đổi cấu hình sau bài lab thì để nguyên.
- **IAM role** và inline policy của nó: xoá. Role bạn truyền qua \`--logging-role-arn\` không bao giờ bị đụng tới.
- **Log group**: bài lab **hỏi trước**, ngay khi lập kế hoạch và trước khi xoá bất cứ thứ gì, vì nó chứa toàn bộ prompt và câu trả lời đã ghi log.

\`genai-lab cleanup --dry-run\` chỉ in kế hoạch, không xoá gì. Dọn dẹp trên tài khoản thật giúp tránh phí lưu trữ log và phí dashboard (mỗi tài khoản có 3 dashboard miễn phí).

**Trên console:** CloudWatch → **Dashboards** → chọn \`GenAI-Monitoring\` → **Delete**; Bedrock → **Settings** → tắt **Model invocation logging**; IAM → **Roles** → \`GenAILabBedrockLoggingRole\` → **Delete**; CloudWatch → **Log groups** → \`/aws/bedrock/model-invocations\` → **Actions** → **Delete log group(s)**.

**Bằng CLI:**

\`\`\`bash
${CLI}
\`\`\`

Tài liệu: [Xoá dashboard](https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DeleteDashboards.html) · [Tắt model invocation logging](https://docs.aws.amazon.com/bedrock/latest/APIReference/API_DeleteModelInvocationLoggingConfiguration.html)`,
    en: `This step deletes **exactly what the lab created**, from the resource ledger the lab writes before and after every create call. Anything that was there before is left alone.

Order: dashboard → logging configuration → the role's policy → IAM role → log group.

- **Dashboard**: deleted; if the lab replaced a dashboard of yours with the same name, its old body is put back.
- **Logging configuration**: only touched if the lab set it. If you had another configuration before, it is restored; otherwise it is deleted (logging off). If someone changed it after the lab, it is left as it is.
- **IAM role** and its inline policy: deleted. A role passed with \`--logging-role-arn\` is never touched.
- **Log group**: the lab **asks first**, with the plan and before anything is deleted, because it holds every logged prompt and answer.

\`genai-lab cleanup --dry-run\` prints the plan and deletes nothing. On a real account, cleaning up avoids log storage and dashboard charges (an account gets 3 dashboards free).

**In the console:** CloudWatch → **Dashboards** → select \`GenAI-Monitoring\` → **Delete**; Bedrock → **Settings** → turn **Model invocation logging** off; IAM → **Roles** → \`GenAILabBedrockLoggingRole\` → **Delete**; CloudWatch → **Log groups** → \`/aws/bedrock/model-invocations\` → **Actions** → **Delete log group(s)**.

**With the CLI:**

\`\`\`bash
${CLI}
\`\`\`

Docs: [DeleteDashboards](https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DeleteDashboards.html) · [Turning model invocation logging off](https://docs.aws.amazon.com/bedrock/latest/APIReference/API_DeleteModelInvocationLoggingConfiguration.html)`,
  },
  actions: [
    {
      id: "show-plan",
      title: { vi: "Lập kế hoạch dọn dẹp từ ledger", en: "Plan the cleanup from the ledger" },
      // The ledger is local; this lists what carries the lab's tag (the log group and the role; dashboards have no tags).
      cli: (ctx) =>
        `aws resourcegroupstaggingapi get-resources --region ${ctx.target.region} --tag-filters Key=${LAB_TAG.key},Values=${LAB_TAG.value}`,
      async run(ctx) {
        const plan = cleanupPlan(ctx);
        if (plan.length === 0) {
          ctx.facts.delete(PLAN_FACT);
          ctx.report.note("info", {
            vi: "Bài lab chưa tạo gì ở đây: không có gì để dọn.",
            en: "The lab has created nothing here: nothing to clean up.",
          });
          return { status: "skipped", summary: { vi: "Không có gì để dọn", en: "Nothing to clean up" } };
        }
        ctx.report.output(
          table(
            ctx.dryRun
              ? { vi: "Kế hoạch dọn dẹp (--dry-run: không xoá gì)", en: "Cleanup plan (--dry-run: nothing is deleted)" }
              : { vi: "Kế hoạch dọn dẹp", en: "Cleanup plan" },
            [
              ["type", { vi: "Loại", en: "Type" }],
              ["name", { vi: "Tên", en: "Name" }],
              ["action", { vi: "Sẽ làm", en: "Will" }],
            ],
            plan.map((entry) => ({ type: typeName(entry.type), name: entry.name, action: plannedAction(entry) })),
          ),
        );
        // The one question is asked now, before anything is deleted, so that the next step's CLI line is exact.
        const keep: string[] = [];
        for (const entry of plan.filter((e) => e.type === "log-group")) {
          if (ctx.dryRun || (await askAboutLogGroup(ctx, entry.name))) continue;
          keep.push(entry.key);
          ctx.report.note("info", {
            vi: `Giữ lại log group ${entry.name}.`,
            en: `The log group ${entry.name} will be kept.`,
          });
        }
        const fact: PlanFact = { commands: plan.filter((e) => !keep.includes(e.key)).map(planCommand), keep };
        ctx.facts.set(PLAN_FACT, fact);
        const kept =
          keep.length > 0 ? { vi: `, giữ lại ${keep.length}`, en: `, ${keep.length} kept` } : { vi: "", en: "" };
        return {
          summary: {
            vi: `${plan.length} tài nguyên trong kế hoạch${kept.vi}`,
            en: `${enCount(plan.length, "resource")} in the plan${kept.en}`,
          },
        };
      },
    },
    {
      id: "delete-resources",
      title: { vi: "Xoá những gì bài lab đã tạo", en: "Delete what the lab created" },
      cli: (ctx) => plannedCommands(ctx),
      async run(ctx) {
        const plan = cleanupPlan(ctx);
        const keep = ctx.facts.get<PlanFact>(PLAN_FACT)?.keep;
        ctx.facts.delete(PLAN_FACT);
        if (plan.length === 0) return { status: "skipped", summary: { vi: "Không xoá gì", en: "Nothing deleted" } };
        if (ctx.dryRun)
          return { summary: { vi: "Chạy thử (--dry-run): không xoá gì", en: "Dry run: nothing deleted" } };
        let removed = 0;
        for (const [i, entry] of plan.entries()) {
          // Without the plan step's answer (it did not run), the log group question is asked here.
          const kept = keep
            ? keep.includes(entry.key)
            : entry.type === "log-group" && !(await askAboutLogGroup(ctx, entry.name));
          const type = typeName(entry.type);
          if (!kept)
            ctx.report.progress(
              { vi: `Đang dọn: ${type.vi} ${entry.name}`, en: `Cleaning up: ${type.en} ${entry.name}` },
              { fraction: i / plan.length },
            );
          if (await removeEntry(ctx, entry, kept)) {
            ctx.ledger.markDeleted(entry.type, entry.name);
            if (entry.type === "logging-config") forgetLoggingOn(ctx);
            removed += 1;
          }
        }
        return {
          summary: {
            vi: `Đã dọn ${removed}/${plan.length} tài nguyên`,
            en: `${removed} of ${enCount(plan.length, "resource")} cleaned up`,
          },
        };
      },
    },
  ],
  checks: [],
  hints: [
    {
      vi: "Muốn xem trước? `genai-lab cleanup --dry-run` chỉ in kế hoạch.",
      en: "Want to look first? `genai-lab cleanup --dry-run` prints the plan only.",
    },
    {
      vi: "Đã reset với --forget-resources (hoặc mất tệp tiến độ)? Chạy lại các bước của bài lab: chúng nhận ra log group và role nhờ tag genai-lab:lab=monitoring-genai, rồi cleanup xoá được; hoặc xoá bằng các lệnh CLI ở trên.",
      en: "Reset with --forget-resources (or lost the progress file)? Run the lab's steps again: they recognise the log group and role by the tag genai-lab:lab=monitoring-genai, and cleanup can then remove them; or delete with the CLI commands above.",
    },
  ],
});
