/**
 * Step 6 (cleanup, also `genai-lab cleanup`): the plan from the ledger first (and the one question, about the log
 * group), then the deletions (or, with --dry-run, the plan only). Only what this lab created is touched.
 */
import { defineStep, enCount, table } from "genai-lab/kit";
import { LAB_TAG, type LabAws, type LabParams } from "../lab.js";
import { cleanupCli, cleanupPython } from "../lib/by-hand/cleanup.js";
import { bothLanguages } from "../lib/by-hand/shell.js";
import { askAboutLogGroup, removeEntry } from "../lib/cleanup.js";
import {
  cleanupPlan,
  PLAN,
  planCommand,
  plannedAction,
  plannedCommands,
  typeName,
  type PlanFact,
} from "../lib/cleanup-plan.js";
import { forgetLoggingOn } from "../lib/timeline.js";
import { CLEANUP_CHECKS } from "../lib/cleanup-checks.js";
import { ALARM_NAME } from "../lib/investigation/actions.js";

export const step = defineStep<LabParams, LabAws>({
  id: "cleanup",
  role: "cleanup",
  title: { vi: "Dọn dẹp", en: "Clean up" },
  values: { cleanupCli: bothLanguages(cleanupCli), alarmName: () => ALARM_NAME },
  yourTurn: { cli: (ctx) => cleanupCli(ctx, ctx.lang), python: (ctx) => cleanupPython(ctx, ctx.lang) },
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
          PLAN.delete(ctx);
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
        PLAN.set(ctx, fact);
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
        const keep = PLAN.get(ctx)?.keep;
        PLAN.delete(ctx);
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
  // "Nothing left", checked live while the learner cleans up by hand: never part of the checklist.
  checks: CLEANUP_CHECKS,
});
