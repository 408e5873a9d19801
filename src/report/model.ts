/**
 * The checklist report: one data model built from the runner's checklist results, rendered by every format
 * (text, json, junit, markdown, csv). Labels, evidence and hints are resolved into the report's language here,
 * once. The JSON form is documented in docs/grading.md; each version is a superset of the one before (every field is
 * there with the same meaning): v2 adds kind, credit, requests, principal, learner, percent, redaction, integrity;
 * v3 adds who did the work — `mode` at the top, `doneBy` and `hintsUsed` per item, `summary.doneByRunner` — and,
 * for labs that have them, `bonus` (optional steps' items, apart from the checklist).
 */
import type { CheckResult, DoneBy, Evidence, Mode, TargetInfo } from "../engine/contract.js";
import type { ChecklistItemResult } from "../engine/events.js";
import { redactDeep } from "../engine/redact.js";
import { tr, type Lang, type Text } from "../engine/text.js";
import type { Integrity } from "./integrity.js";
import { redactAccounts, redactionOf, type Redaction } from "./redact.js";
import { creditOf, percentOf, round2 } from "./score.js";

export const REPORT_SCHEMA_VERSION = 3;

export type ItemStatus = CheckResult["status"];

/** One AWS call a check made: the request id AWS answered with is what lets anyone look the call up later. */
export interface AwsRequestRecord {
  service: string;
  operation: string;
  /** Null when no response came back (network error, credentials refused before sending). */
  requestId: string | null;
  httpStatus: number | null;
  at: string;
  /** The error code, when the call failed. */
  error?: string;
}

export interface ReportItem {
  id: string;
  label: string;
  status: ItemStatus;
  /**
   * Who did the work the check verified: "runner" when it was genai-lab's own actions, "learner" otherwise; null
   * when the item could not be checked (error) or nobody can tell (a class graded without the learner's progress).
   */
  doneBy: DoneBy | null;
  /** Hints of the item's step the learner revealed; null when unknown (class grading). */
  hintsUsed: number | null;
  evidence: {
    expected: string;
    actual: string;
    requestIds?: string[];
    details?: Record<string, string>;
  } | null;
  hint: string | null;
  problem: { kind: string; title: string; code?: string; message?: string; requestId?: string } | null;
  points: number;
  /** Fraction of the points earned, 0–1: 1 on pass, 0 on error, 0 on fail unless the check granted partial credit. */
  credit: number;
  /** Points earned: points × credit, to two decimals. */
  score: number;
  durationMs: number;
  checkedAt: string;
  /** The AWS calls this item's check made, in order. */
  requests: AwsRequestRecord[];
}

export interface ReportTarget {
  kind: TargetInfo["kind"];
  region: string;
  account: string;
  /** The identity that judged (STS GetCallerIdentity's ARN), e.g. a grader role's assumed-role ARN. */
  principal?: string;
  endpoint?: string;
  /** The learner's name in a class (from --accounts or --profiles). */
  learner?: string;
}

export interface ReportSummary {
  passed: number;
  failed: number;
  errored: number;
  total: number;
  score: number;
  maxScore: number;
  /** score / maxScore × 100, to two decimals (100 when there is nothing to score). */
  percent: number;
  /** Passed items whose work genai-lab's own actions did. */
  doneByRunner: number;
}

export interface ChecklistReport {
  schemaVersion: number;
  kind: "checklist";
  lab: string;
  title: string;
  language: Lang;
  /** How the lab was taken, as declared on the learner's machine; null when not chosen or not known (a class). */
  mode: Mode | null;
  tool: { name: "genai-lab"; version: string };
  target: ReportTarget;
  redaction?: Redaction;
  startedAt: string;
  finishedAt: string;
  summary: ReportSummary;
  items: ReportItem[];
  /**
   * The lab's bonus items (optional steps), apart from the checklist: they never change `summary`, the score or
   * the exit code. Absent when the lab has none.
   */
  bonus?: { summary: ReportSummary; items: ReportItem[] };
  integrity?: Integrity;
}

export interface ReportInput {
  labId: string;
  title: Text;
  lang: Lang;
  toolVersion: string;
  target: TargetInfo;
  startedAt: string;
  finishedAt: string;
  items: ChecklistItemResult[];
  /** The bonus items' results (manifest.bonus), reported apart. */
  bonus?: ChecklistItemResult[];
  /** The mode the command resolved (flag, GENAI_LAB_MODE, saved); null or absent when none. */
  mode?: Mode | null;
  /** The AWS calls each item's check made, by checklist id. */
  requests?: ReadonlyMap<string, AwsRequestRecord[]>;
  learner?: string;
  /** Hash account ids with this salt (reports' `--redact`). */
  redactSalt?: Uint8Array;
  /** Mask account ids with asterisks (the plain output's `--redact`, when no salt is given). */
  redact?: boolean;
}

const str = (value: string | Text, lang: Lang) => (typeof value === "string" ? value : tr(value, lang));

function evidenceOf(evidence: Evidence | undefined, lang: Lang): ReportItem["evidence"] {
  if (!evidence) return null;
  return {
    expected: str(evidence.expected, lang),
    actual: str(evidence.actual, lang),
    ...(evidence.requestIds?.length ? { requestIds: evidence.requestIds } : {}),
    ...(evidence.details ? { details: evidence.details } : {}),
  };
}

function itemOf(item: ChecklistItemResult, lang: Lang, requests: AwsRequestRecord[]): ReportItem {
  const { result } = item;
  const credit = creditOf(result);
  // Key order follows the report format in docs/grading.md (id, label, status, evidence, hint, …) so the JSON reads top-down.
  const judged = ((): Pick<ReportItem, "evidence" | "hint" | "problem"> => {
    switch (result.status) {
      case "pass":
        return { evidence: evidenceOf(result.evidence, lang), hint: null, problem: null };
      case "fail":
        return { evidence: evidenceOf(result.evidence, lang), hint: tr(result.hint, lang), problem: null };
      case "error": {
        const p = result.problem;
        const problem = {
          kind: p.kind,
          title: tr(p.title, lang),
          ...(p.code ? { code: p.code } : {}),
          ...(p.message ? { message: p.message } : {}),
          ...(p.requestId ? { requestId: p.requestId } : {}),
        };
        return { evidence: null, hint: tr(p.next, lang), problem };
      }
    }
  })();
  return {
    id: item.id,
    label: tr(item.label, lang),
    status: result.status,
    doneBy: result.status === "error" ? null : (result.doneBy ?? null),
    hintsUsed: item.hintsUsed ?? null,
    ...judged,
    points: item.points,
    credit,
    score: round2(item.points * credit),
    durationMs: item.durationMs,
    checkedAt: item.startedAt,
    requests,
  };
}

export function summarize(items: readonly ReportItem[]): ReportSummary {
  const count = (status: ItemStatus) => items.filter((item) => item.status === status).length;
  const score = round2(items.reduce((sum, item) => sum + item.score, 0));
  const maxScore = round2(items.reduce((sum, item) => sum + item.points, 0));
  return {
    passed: count("pass"),
    failed: count("fail"),
    errored: count("error"),
    total: items.length,
    score,
    maxScore,
    percent: percentOf(score, maxScore),
    doneByRunner: items.filter((item) => item.status === "pass" && item.doneBy === "runner").length,
  };
}

export function buildReport(input: ReportInput): ChecklistReport {
  const { lang } = input;
  const items = input.items.map((item) => itemOf(item, lang, input.requests?.get(item.id) ?? []));
  const report: ChecklistReport = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    kind: "checklist",
    lab: input.labId,
    title: tr(input.title, lang),
    language: lang,
    mode: input.mode ?? null,
    tool: { name: "genai-lab", version: input.toolVersion },
    target: {
      kind: input.target.kind,
      region: input.target.region,
      account: input.target.accountId,
      ...(input.target.principalArn && input.target.principalArn !== "unknown"
        ? { principal: input.target.principalArn }
        : {}),
      ...(input.target.endpoint ? { endpoint: input.target.endpoint } : {}),
      ...(input.learner ? { learner: input.learner } : {}),
    },
    startedAt: input.startedAt,
    finishedAt: input.finishedAt,
    summary: summarize(items),
    items,
  };
  if (input.bonus !== undefined && input.bonus.length > 0) {
    const bonus = input.bonus.map((item) => itemOf(item, lang, input.requests?.get(item.id) ?? []));
    report.bonus = { summary: summarize(bonus), items: bonus };
  }
  if (input.redactSalt)
    return { ...redactAccounts(report, input.redactSalt), redaction: redactionOf(input.redactSalt) };
  return input.redact ? redactDeep(report) : report;
}
