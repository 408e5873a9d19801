/** What every command receives from the entry point, and the helpers they share. */
import type { TargetInfo } from "../engine/contract.js";
import type { ChecklistItemResult } from "../engine/events.js";
import { redactText } from "../engine/redact.js";
import { tr, type Lang } from "../engine/text.js";
import { buildReport, type ChecklistReport, type ReportInput } from "../report/model.js";
import type { PlainStyle } from "../ui/plain/style.js";
import { S } from "../ui/strings.js";
import type { ParsedArgs } from "./args.js";
import type { Io } from "./io.js";
import type { Session } from "./session.js";

export interface CommandContext {
  parsed: ParsedArgs;
  io: Io;
  lang: Lang;
  stateDir: string;
  /** Style for stdout (colour only on a TTY, without NO_COLOR / --no-color). */
  style: PlainStyle;
  /** Style for stderr. */
  errStyle: PlainStyle;
  signal: AbortSignal;
  version: string;
}

export type Command = (ctx: CommandContext) => Promise<number>;

export function targetLine(target: TargetInfo, lang: Lang, redact = false): string {
  const kind = target.kind === "sandbox" ? S.sandboxTarget : target.kind === "aws" ? S.awsTarget : S.endpointTarget;
  const parts = [
    `${tr(S.target, lang)}: ${tr(kind, lang)}${target.endpoint ? ` ${target.endpoint}` : ""}${target.profile ? ` (profile ${target.profile})` : ""}`,
    `${tr(S.account, lang)} ${target.accountId}`,
    `${tr(S.region, lang)} ${target.region}`,
  ];
  const line = parts.join(" · ");
  return redact ? redactText(line) : line;
}

/** The target in a few words, for sentences: "sandbox 123456789012 · us-east-1". */
export function targetShort(target: TargetInfo): string {
  const where = target.kind === "endpoint" && target.endpoint ? target.endpoint : target.kind;
  return `${where}${target.profile ? ` (profile ${target.profile})` : ""} ${target.accountId} · ${target.region}`;
}

/** The session's checklist report; a `redactSalt` in `extra` hashes account ids instead of masking them. */
export function checklistReport(
  ctx: CommandContext,
  session: Session,
  items: ChecklistItemResult[],
  startedAt: string,
  extra: Pick<ReportInput, "requests" | "redactSalt" | "mode" | "bonus"> = {},
): ChecklistReport {
  return buildReport({
    labId: session.lab.manifest.id,
    title: session.lab.manifest.title,
    lang: ctx.lang,
    toolVersion: ctx.version,
    target: session.target,
    startedAt,
    finishedAt: new Date().toISOString(),
    items,
    redact: ctx.parsed.flags.redact ?? false,
    ...extra,
  });
}

/**
 * The bonus items for a run's report: when the run included a bonus step (`run --step investigate`), its items are
 * what the learner came for, reported apart from the checklist as `check` reports them; else nothing.
 */
export async function bonusOfRun(
  session: Pick<Session, "lab" | "runner">,
  stepIds: readonly string[],
  signal: AbortSignal,
): Promise<Pick<ReportInput, "bonus">> {
  const ran = session.lab.steps.some(({ step }) => step.role === "bonus" && stepIds.includes(step.id));
  return ran ? { bonus: await session.runner.runBonus(signal) } : {};
}

/** 0 all good, 1 something failed, 130 interrupted. */
export function exitCodeFor(outcome: "passed" | "failed" | "cancelled"): number {
  return outcome === "passed" ? 0 : outcome === "cancelled" ? 130 : 1;
}
