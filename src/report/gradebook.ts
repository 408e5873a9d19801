/**
 * A class's results: one checklist report per learner (each sealed on its own, so one learner's report can be
 * handed back and still verified), the item columns, and a summary. Rendered as a matrix (text, markdown), a CSV
 * for the gradebook, JUnit (one testsuite per learner) or JSON.
 */
import type { Lang } from "../engine/text.js";
import type { Integrity } from "./integrity.js";
import { REPORT_SCHEMA_VERSION, type ChecklistReport } from "./model.js";
import type { Redaction } from "./redact.js";
import { round2 } from "./score.js";

export interface GradebookColumn {
  id: string;
  label: string;
  points: number;
}

export interface GradebookSummary {
  targets: number;
  /** Every item passes. */
  complete: number;
  /** Some points, not all. */
  partial: number;
  /** Reached, but no points. */
  zero: number;
  /** Could not be graded at all: every item is an error (credentials, role, network). */
  unreachable: number;
  /** Mean of the targets' percents, to two decimals (0 for an empty class). */
  meanPercent: number;
}

export interface Gradebook {
  schemaVersion: number;
  kind: "gradebook";
  lab: string;
  title: string;
  language: Lang;
  tool: { name: "genai-lab"; version: string };
  startedAt: string;
  finishedAt: string;
  redaction?: Redaction;
  columns: GradebookColumn[];
  summary: GradebookSummary;
  targets: ChecklistReport[];
  integrity?: Integrity;
}

export type TargetOutcome = "complete" | "partial" | "zero" | "unreachable";

export function outcomeOf(report: ChecklistReport): TargetOutcome {
  const { summary } = report;
  if (summary.total > 0 && summary.errored === summary.total) return "unreachable";
  if (summary.passed === summary.total) return "complete";
  return summary.score > 0 ? "partial" : "zero";
}

export interface GradebookInput {
  lab: string;
  title: string;
  language: Lang;
  toolVersion: string;
  startedAt: string;
  finishedAt: string;
  columns: GradebookColumn[];
  targets: ChecklistReport[];
  redaction?: Redaction;
}

export function buildGradebook(input: GradebookInput): Gradebook {
  const outcomes = input.targets.map(outcomeOf);
  const count = (o: TargetOutcome) => outcomes.filter((x) => x === o).length;
  const mean = input.targets.length
    ? round2(input.targets.reduce((sum, r) => sum + r.summary.percent, 0) / input.targets.length)
    : 0;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    kind: "gradebook",
    lab: input.lab,
    title: input.title,
    language: input.language,
    tool: { name: "genai-lab", version: input.toolVersion },
    startedAt: input.startedAt,
    finishedAt: input.finishedAt,
    ...(input.redaction ? { redaction: input.redaction } : {}),
    columns: input.columns,
    summary: {
      targets: input.targets.length,
      complete: count("complete"),
      partial: count("partial"),
      zero: count("zero"),
      unreachable: count("unreachable"),
      meanPercent: mean,
    },
    targets: input.targets,
  };
}

/** The name a learner goes by in a matrix row: the roster name, else the account. */
export function learnerName(report: ChecklistReport): string {
  return report.target.learner ?? report.target.account;
}
