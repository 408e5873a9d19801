import { describe, expect, it } from "vitest";
import { renderCsv } from "../../src/report/csv.js";
import { seal } from "../../src/report/integrity.js";
import { renderJson } from "../../src/report/json.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { renderMatrix } from "../../src/report/matrix.js";
import { accountToken } from "../../src/report/redact.js";
import { renderReport, REPORT_FORMATS } from "../../src/report/render.js";
import { renderText } from "../../src/report/text.js";
import { ERROR, FAIL, gradebook, items, PARTIAL, PASS, report } from "./sample.js";

const SALT = Buffer.from("course-2026-spring");

describe("the report model", () => {
  it("scores points × credit: pass 1, partial credit from the check, fail and error 0", () => {
    const r = report([PASS, FAIL, PARTIAL, ERROR], {
      items: items([PASS, FAIL, PARTIAL, ERROR], [2, 1, 3, 1]),
    });
    expect(r.items.map((i) => [i.status, i.points, i.credit, i.score])).toEqual([
      ["pass", 2, 1, 2],
      ["fail", 1, 0, 0],
      ["fail", 3, 0.5, 1.5],
      ["error", 1, 0, 0],
    ]);
    expect(r.summary).toEqual({
      passed: 1,
      failed: 2,
      errored: 1,
      total: 4,
      score: 3.5,
      maxScore: 7,
      percent: 50,
      doneByRunner: 0,
    });
  });

  it("ignores credit that is not a fraction strictly between 0 and 1", () => {
    for (const credit of ["1", "0", "-0.5", "2", "lots", ""]) {
      const odd = { ...PARTIAL, evidence: { ...PARTIAL.evidence, details: { credit } } };
      expect(report([odd, PASS, PASS, PASS]).items[0]!.credit).toBe(0);
    }
  });

  it("carries the evidence: values read, request ids of the calls each check made, timestamps, the judging principal", () => {
    const r = report([PASS, FAIL, PASS, ERROR]);
    expect(r).toMatchObject({
      schemaVersion: 3,
      kind: "checklist",
      target: { account: "111122223333", principal: expect.stringContaining("assumed-role/GenAILabGrader") },
    });
    expect(r.items[1]).toMatchObject({
      evidence: { expected: "≥ 5 records", actual: "2 of 5 found", details: { found: "2" } },
      requests: [{ operation: "FilterLogEvents", requestId: "0a1b2c3d-0000-4000-8000-000000000001", httpStatus: 200 }],
      checkedAt: "2026-03-01T10:00:01.250Z",
    });
    expect(r.items[3]!.problem).toMatchObject({
      code: "AccessDeniedException",
      requestId: "5f0c7a4e-1d2b-4c3d-9e8f-123456789012",
    });
  });

  it("--redact hashes every account id with the salt, in ARNs too, and leaves request ids alone", () => {
    const r = report([PASS, FAIL, PASS, ERROR], { redactSalt: SALT });
    const token = accountToken("111122223333", SALT);
    expect(token).toMatch(/^acct-[0-9a-f]{16}$/);
    expect(r.target.account).toBe(token);
    expect(r.target.principal).toBe(`arn:aws:sts::${token}:assumed-role/GenAILabGrader/genai-lab-grader`);
    expect(r.redaction).toEqual({ method: "HMAC-SHA256", saltId: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(r.items[3]!.problem!.requestId).toBe("5f0c7a4e-1d2b-4c3d-9e8f-123456789012");
    expect(JSON.stringify(r)).not.toContain("111122223333");
    expect(accountToken("111122223333", Buffer.from("another salt"))).not.toBe(token);
  });
});

describe("formats", () => {
  const mixed = seal(report([PASS, FAIL, PARTIAL, ERROR], { learner: "an" }));

  it("text: one line per item, evidence, partial credit and hints under the rest", () => {
    expect(renderText(mixed)).toBe(
      [
        "Verification checklist — 1/4 passed",
        "  ✓ pass  1. Model invocation logging enabled",
        "  ✗ fail  2. Log entries present in CloudWatch Logs",
        "       expected: ≥ 5 records",
        "       actual: 2 of 5 found",
        '       hint: Run step 2 <again> & "check"',
        "  ✗ fail  3. A Logs Insights query returns results",
        "       expected: dashboard with data",
        "       actual: dashboard without data",
        "       partial credit 0.5/1",
        "       hint: Wait for metrics",
        "  ! error 4. The dashboard exists and shows metrics",
        "       Not allowed",
        "       hint: Attach the policy",
        "       Request ID: 5f0c7a4e-1d2b-4c3d-9e8f-123456789012",
        "",
      ].join("\n"),
    );
  });

  it("json: the sealed document, parseable, with the report format's field names (docs/grading.md)", () => {
    const parsed = JSON.parse(renderJson(mixed)) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(
      expect.arrayContaining([
        "schemaVersion",
        "lab",
        "language",
        "target",
        "startedAt",
        "finishedAt",
        "summary",
        "items",
        "integrity",
      ]),
    );
    expect((parsed.items as Record<string, unknown>[])[0]).toEqual(
      expect.objectContaining({
        id: "logging-enabled",
        label: expect.any(String),
        status: "pass",
        evidence: expect.any(Object),
        hint: null,
        durationMs: 12,
      }),
    );
  });

  it("markdown: a table with score per item, notes below, the digest at the end", () => {
    const md = renderMarkdown(mixed);
    expect(md).toContain("**1/4 passed** · score 1.5/4 (37.5%) · an · `sandbox` · 111122223333 · us-east-1");
    expect(md).toContain("| # | Item | Result | Score | Done by | Hints | Actual |");
    expect(md).toContain(
      "| 3 | A Logs Insights query returns results | ❌ fail | 0.5/1 | — | — | dashboard without data |",
    );
    expect(md).toContain("| 4 | The dashboard exists and shows metrics | ⚠️ error | 0/1 | — | — | Not allowed |");
    expect(md).toContain(`Report SHA-256 \`${mixed.integrity.digest}\``);
  });

  it("markdown in Vietnamese", () => {
    const md = renderMarkdown(report([PASS, FAIL, PASS, PASS], { lang: "vi" }));
    expect(md).toContain("### Giám sát GenAI — Checklist kiểm tra");
    // Every column header is capitalised, "Thực tế" too (issue 11 item 19).
    expect(md).toContain("| # | Mục | Kết quả | Điểm | Người làm | Gợi ý đã xem | Thực tế |");
    expect(md).toContain("| 2 | Có log entries trong CloudWatch Logs | ❌ chưa đạt | 0/1 | — | — | tìm thấy 2/5 |");
  });

  it("csv: RFC 4180, one row per learner, defused formulas", () => {
    const book = gradebook([
      report([PASS, PASS, PASS, PASS], { learner: "an" }),
      report([PASS, PARTIAL, FAIL, FAIL], { learner: '=HYPERLINK("x")' }),
      report([ERROR, ERROR, ERROR, ERROR], { learner: "Trần, Chi" }),
    ]);
    expect(renderCsv(book)).toBe(
      [
        "learner,account,region,logging-enabled,log-entries-present,insights-returns-results,dashboard-shows-metrics,score,max_score,percent,outcome,problem," +
          "mode,logging-enabled.done_by,log-entries-present.done_by,insights-returns-results.done_by,dashboard-shows-metrics.done_by," +
          "logging-enabled.hints,log-entries-present.hints,insights-returns-results.hints,dashboard-shows-metrics.hints",
        "an,111122223333,us-east-1,pass,pass,pass,pass,4,4,100,complete,,,,,,,,,,",
        `"'=HYPERLINK(""x"")",111122223333,us-east-1,pass,fail,fail,fail,1.5,4,37.5,partial,,,,,,,,,,`,
        `"Trần, Chi",111122223333,us-east-1,error,error,error,error,0,4,0,unreachable,AccessDeniedException: Not allowed,,,,,,,,,`,
        "",
      ].join("\r\n"),
    );
    expect(renderCsv(report([PASS, FAIL, PASS, PASS])).split("\r\n")[1]).toBe(
      "111122223333,111122223333,us-east-1,pass,fail,pass,pass,3,4,75,partial,,,,,,,,,,",
    );
  });

  it("the class matrix: learner × item, score, legend, and why someone could not be graded", () => {
    const book = gradebook([
      report([PASS, PASS, PASS, PASS], { learner: "an" }),
      report([PASS, FAIL, FAIL, FAIL], { learner: "Nguyễn Bình" }),
      report([ERROR, ERROR, ERROR, ERROR], { learner: "chi" }),
    ]);
    expect(renderMatrix(book)).toBe(
      [
        "Monitoring GenAI — Verification checklist",
        "3 learners · 1 complete · 1 partial · 0 no points · 1 not graded · mean 41.67%",
        "",
        "  #  Learner      Account       1  2  3  4  Score  %",
        "  1  an           111122223333  ✓  ✓  ✓  ✓  4/4    100",
        "  2  Nguyễn Bình  111122223333  ✓  ✗  ✗  ✗  1/4    25",
        "  3  chi          111122223333  !  !  !  !  0/4    0",
        "",
        "Items: 1 Model invocation logging enabled · 2 Log entries present in CloudWatch Logs · 3 A Logs Insights query returns results · 4 The dashboard exists and shows metrics",
        "",
        "Could not grade:",
        "  chi (111122223333): Not allowed — User: arn:aws:sts::111122223333:assumed-role/GenAILabGrader/x is not authorized to perform: logs:StartQuery",
        "    Next: Attach the policy",
        "",
      ].join("\n"),
    );
    const md = renderMarkdown(book);
    expect(md).toContain("| 2 | Nguyễn Bình | 111122223333 | ✅ | ❌ | ❌ | ❌ | 1/4 | 25 |");
    expect(md).toContain("- chi (111122223333): Not allowed");
  });

  it("every format renders a single report and a class", async () => {
    const book = seal(gradebook([report([PASS, PASS, PASS, PASS], { learner: "an" })]));
    for (const format of REPORT_FORMATS) {
      expect((await renderReport(mixed, format)).length, format).toBeGreaterThan(50);
      expect((await renderReport(book, format)).length, format).toBeGreaterThan(50);
    }
  });
});
