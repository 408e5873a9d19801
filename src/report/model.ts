/**
 * The checklist report: one data model built from the runner's checklist results, rendered by every format
 * (text, json, …). Labels, evidence and hints are resolved into the report's language here, once.
 */
import type { CheckResult, Evidence, TargetInfo } from "../engine/contract.js";
import type { ChecklistItemResult } from "../engine/events.js";
import { redactDeep } from "../engine/redact.js";
import { tr, type Lang, type Text } from "../engine/text.js";

export const REPORT_SCHEMA_VERSION = 1;

export type ItemStatus = CheckResult["status"];

export interface ReportItem {
  id: string;
  label: string;
  status: ItemStatus;
  evidence: { expected: string; actual: string; requestIds?: string[]; details?: Record<string, string> } | null;
  hint: string | null;
  problem: { kind: string; title: string; code?: string; message?: string; requestId?: string } | null;
  points: number;
  /** Points earned: all of them on pass, none otherwise. */
  score: number;
  durationMs: number;
  checkedAt: string;
}

export interface ChecklistReport {
  schemaVersion: number;
  lab: string;
  title: string;
  language: Lang;
  tool: { name: "genai-lab"; version: string };
  target: { kind: TargetInfo["kind"]; region: string; account: string; endpoint?: string };
  startedAt: string;
  finishedAt: string;
  summary: { passed: number; failed: number; errored: number; total: number; score: number; maxScore: number };
  items: ReportItem[];
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

export function buildReport(input: ReportInput): ChecklistReport {
  const { lang } = input;
  const items = input.items.map((item): ReportItem => {
    const { result } = item;
    const base = {
      id: item.id,
      label: tr(item.label, lang),
      status: result.status,
      points: item.points,
      score: result.status === "pass" ? item.points : 0,
      durationMs: item.durationMs,
      checkedAt: item.startedAt,
    };
    switch (result.status) {
      case "pass":
        return { ...base, evidence: evidenceOf(result.evidence, lang), hint: null, problem: null };
      case "fail":
        return { ...base, evidence: evidenceOf(result.evidence, lang), hint: tr(result.hint, lang), problem: null };
      case "error": {
        const p = result.problem;
        return {
          ...base,
          evidence: null,
          hint: tr(p.next, lang),
          problem: {
            kind: p.kind,
            title: tr(p.title, lang),
            ...(p.code ? { code: p.code } : {}),
            ...(p.message ? { message: p.message } : {}),
            ...(p.requestId ? { requestId: p.requestId } : {}),
          },
        };
      }
    }
  });
  const count = (status: ItemStatus) => items.filter((item) => item.status === status).length;
  const report: ChecklistReport = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    lab: input.labId,
    title: tr(input.title, lang),
    language: lang,
    tool: { name: "genai-lab", version: input.toolVersion },
    target: {
      kind: input.target.kind,
      region: input.target.region,
      account: input.target.accountId,
      ...(input.target.endpoint ? { endpoint: input.target.endpoint } : {}),
    },
    startedAt: input.startedAt,
    finishedAt: input.finishedAt,
    summary: {
      passed: count("pass"),
      failed: count("fail"),
      errored: count("error"),
      total: items.length,
      score: items.reduce((sum, item) => sum + item.score, 0),
      maxScore: items.reduce((sum, item) => sum + item.points, 0),
    },
    items,
  };
  return input.redact ? redactDeep(report) : report;
}
