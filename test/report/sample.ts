/** Checklist results and reports to render, without running anything. */
import type { CheckResult, TargetInfo } from "../../src/engine/contract.js";
import type { ChecklistItemResult } from "../../src/engine/events.js";
import { buildGradebook, type Gradebook } from "../../src/report/gradebook.js";
import { buildReport, type AwsRequestRecord, type ChecklistReport, type ReportInput } from "../../src/report/model.js";

export const TARGET: TargetInfo = {
  kind: "sandbox",
  region: "us-east-1",
  accountId: "111122223333",
  principalArn: "arn:aws:sts::111122223333:assumed-role/GenAILabGrader/genai-lab-grader",
};

const LABELS = {
  "logging-enabled": { vi: "Đã bật model invocation logging", en: "Model invocation logging enabled" },
  "log-entries-present": {
    vi: "Có log entries trong CloudWatch Logs",
    en: "Log entries present in CloudWatch Logs",
  },
  "insights-returns-results": {
    vi: "Truy vấn Logs Insights trả về kết quả",
    en: "A Logs Insights query returns results",
  },
  "dashboard-shows-metrics": {
    vi: "Dashboard hiển thị metrics",
    en: "The dashboard exists and shows metrics",
  },
};
export const IDS = Object.keys(LABELS) as (keyof typeof LABELS)[];

export const PASS: CheckResult = {
  status: "pass",
  evidence: { expected: "on", actual: "on → /aws/bedrock/model-invocations" },
};
export const FAIL: Extract<CheckResult, { status: "fail" }> = {
  status: "fail",
  evidence: {
    expected: { vi: "≥ 5 bản ghi", en: "≥ 5 records" },
    actual: { vi: "tìm thấy 2/5", en: "2 of 5 found" },
    details: { found: "2" },
  },
  hint: { vi: "Chạy bước 2", en: 'Run step 2 <again> & "check"' },
};
export const PARTIAL: Extract<CheckResult, { status: "fail" }> = {
  status: "fail",
  evidence: { expected: "dashboard with data", actual: "dashboard without data", details: { credit: "0.5" } },
  hint: { vi: "Đợi metrics", en: "Wait for metrics" },
};
/** The same verdicts, with who did the work as the runner attributes it. */
export const PASS_BY_RUNNER: CheckResult = { ...PASS, doneBy: "runner" };
export const PASS_BY_LEARNER: CheckResult = { ...PASS, doneBy: "learner" };
export const FAIL_BY_LEARNER: CheckResult = { ...FAIL, doneBy: "learner" };

export const ERROR: CheckResult = {
  status: "error",
  problem: {
    kind: "iam-permission",
    title: { vi: "Không có quyền", en: "Not allowed" },
    next: { vi: "Gắn policy", en: "Attach the policy" },
    code: "AccessDeniedException",
    message:
      "User: arn:aws:sts::111122223333:assumed-role/GenAILabGrader/x is not authorized to perform: logs:StartQuery",
    requestId: "5f0c7a4e-1d2b-4c3d-9e8f-123456789012",
    retryable: false,
  },
};

export function items(results: CheckResult[], points: number[] = [], hintsUsed: number[] = []): ChecklistItemResult[] {
  return results.map((result, i) => ({
    ...(hintsUsed[i] !== undefined ? { hintsUsed: hintsUsed[i] } : {}),
    id: IDS[i]!,
    label: LABELS[IDS[i]!],
    stepId: "step",
    points: points[i] ?? 1,
    result,
    durationMs: 12 + i,
    startedAt: `2026-03-01T10:00:0${i}.250Z`,
  }));
}

export const REQUEST: AwsRequestRecord = {
  service: "CloudWatchLogs",
  operation: "FilterLogEvents",
  requestId: "0a1b2c3d-0000-4000-8000-000000000001",
  httpStatus: 200,
  at: "2026-03-01T10:00:01.300Z",
};

export function report(results: CheckResult[], extra: Partial<ReportInput> = {}): ChecklistReport {
  return buildReport({
    labId: "monitoring-genai",
    title: { vi: "Giám sát GenAI", en: "Monitoring GenAI" },
    lang: "en",
    toolVersion: "0.1.0",
    target: TARGET,
    startedAt: "2026-03-01T10:00:00.000Z",
    finishedAt: "2026-03-01T10:00:04.500Z",
    items: items(results),
    requests: new Map([["log-entries-present", [REQUEST]]]),
    ...extra,
  });
}

export function gradebook(reports: ChecklistReport[]): Gradebook {
  const first = reports[0]!;
  return buildGradebook({
    lab: first.lab,
    title: first.title,
    language: first.language,
    toolVersion: "0.1.0",
    startedAt: first.startedAt,
    finishedAt: first.finishedAt,
    columns: first.items.map((i) => ({ id: i.id, label: i.label, points: i.points })),
    targets: reports,
  });
}
