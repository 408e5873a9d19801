/**
 * The cleanup plan, from the ledger only: what this lab created on this target, in deletion order, each with its
 * name in both languages, what will happen to it, and the AWS CLI command that does the same by hand. The plan step
 * settles the one question (delete the log group?) up front and remembers the outcome as a fact, so the deletion
 * step's CLI line lists exactly what it will delete.
 */
import { defineFact, type FactValue, type LedgerEntry, shq, type Text, z } from "genai-lab/kit";
import { isOwned } from "./ledger.js";
import type { ActCtx, ReadCtx } from "./model.js";
import { deleteLine } from "./delete-lines.js";
import { putLoggingConfigLine } from "./logging-cli.js";

/** Deletion order: what points at a thing goes before the thing. */
const ORDER = ["cloudwatch-alarm", "dashboard", "logging-config", "iam-role-policy", "iam-role", "log-group"];

export function cleanupPlan(ctx: ActCtx): LedgerEntry[] {
  return ctx.ledger
    .entries()
    .filter((entry) => isOwned(entry) && ORDER.includes(entry.type))
    .sort((a, b) => ORDER.indexOf(a.type) - ORDER.indexOf(b.type));
}

/** A ledger type as the learner reads it. */
export function typeName(type: string): Text {
  switch (type) {
    case "cloudwatch-alarm":
      return { vi: "CloudWatch alarm", en: "CloudWatch alarm" };
    case "dashboard":
      return { vi: "CloudWatch dashboard", en: "CloudWatch dashboard" };
    case "logging-config":
      return { vi: "Cấu hình invocation logging", en: "Invocation logging configuration" };
    case "iam-role-policy":
      return { vi: "Inline policy của IAM role", en: "IAM role inline policy" };
    case "iam-role":
      return { vi: "IAM role", en: "IAM role" };
    case "log-group":
      return { vi: "Log group", en: "Log group" };
    default:
      return { vi: type, en: type };
  }
}

export function plannedAction(entry: LedgerEntry): Text {
  switch (entry.type) {
    case "dashboard":
      return typeof entry.meta?.previousBody === "string"
        ? { vi: "khôi phục nội dung cũ", en: "restore its previous body" }
        : { vi: "xoá", en: "delete" };
    case "logging-config":
      return entry.meta?.previous
        ? { vi: "khôi phục cấu hình trước bài lab", en: "restore the configuration from before the lab" }
        : { vi: "xoá (tắt logging)", en: "delete (logging off)" };
    case "log-group":
      return { vi: "xoá, sau khi hỏi (chứa log của bạn)", en: "delete, after asking (it holds your logs)" };
    default:
      return { vi: "xoá", en: "delete" };
  }
}

export const roleOfPolicy = (entry: LedgerEntry): string =>
  typeof entry.meta?.role === "string" ? entry.meta.role : (entry.name.split("/")[0] ?? "");

/** The AWS CLI command that removes (or restores) one planned resource by hand. */
export function planCommand(entry: LedgerEntry): string {
  const region = entry.region;
  switch (entry.type) {
    case "dashboard": {
      const previous = entry.meta?.previousBody;
      return typeof previous === "string"
        ? `aws cloudwatch put-dashboard --region ${region} --dashboard-name ${shq(entry.name)} --dashboard-body ${shq(previous)}`
        : deleteLine.dashboard(region, entry.name);
    }
    case "logging-config": {
      const previous = entry.meta?.previous;
      return previous ? putLoggingConfigLine(region, shq(JSON.stringify(previous))) : deleteLine.loggingConfig(region);
    }
    case "iam-role-policy":
      return deleteLine.rolePolicy(roleOfPolicy(entry));
    case "iam-role":
      return deleteLine.role(entry.name);
    case "cloudwatch-alarm":
      return deleteLine.alarm(region, entry.name);
    case "log-group":
      return deleteLine.logGroup(region, entry.name);
    default:
      return "";
  }
}

/** What the plan step decided, for the deletion step: the commands it will run, and the ledger keys it keeps. */
export const PLAN = defineFact("cleanupPlan", z.object({ commands: z.array(z.string()), keep: z.array(z.string()) }));
export type PlanFact = FactValue<typeof PLAN>;

export function plannedCommands(ctx: ReadCtx): string | undefined {
  const fact = PLAN.get(ctx);
  return fact && fact.commands.length > 0 ? fact.commands.join(" && ") : undefined;
}
