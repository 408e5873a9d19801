/**
 * Honest grading: every report format says who did the work each item verified (doneBy), how many hints its step
 * took, and how the lab was taken (mode); the digest covers all of it.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderCsv } from "../../src/report/csv.js";
import { checkIntegrity, seal } from "../../src/report/integrity.js";
import { renderJson } from "../../src/report/json.js";
import { renderJunit } from "../../src/report/junit.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { renderMatrix } from "../../src/report/matrix.js";
import { renderText } from "../../src/report/text.js";
import { runCli } from "../helpers/cli.js";
import { schemaErrors } from "./junit-schema.js";
import { ERROR, FAIL_BY_LEARNER, gradebook, items, PASS, PASS_BY_LEARNER, PASS_BY_RUNNER, report } from "./sample.js";

const RESULTS = [PASS_BY_RUNNER, PASS_BY_LEARNER, FAIL_BY_LEARNER, ERROR];
const mine = (lang: "vi" | "en" = "en") =>
  seal(report(RESULTS, { lang, mode: "exam", items: items(RESULTS, [], [0, 1, 3, 0]) }));

describe("who did the work, in every report format", () => {
  it("json: mode at the top, doneBy and hintsUsed on each item, runner-done passes counted, schemaVersion 3", () => {
    const parsed = JSON.parse(renderJson(mine())) as {
      schemaVersion: number;
      mode: string;
      summary: { doneByRunner: number };
      items: { doneBy: string | null; hintsUsed: number | null }[];
    };
    expect(parsed.schemaVersion).toBe(3);
    expect(parsed.mode).toBe("exam");
    expect(parsed.summary.doneByRunner).toBe(1);
    expect(parsed.items.map((i) => [i.doneBy, i.hintsUsed])).toEqual([
      ["runner", 0],
      ["learner", 1],
      ["learner", 3],
      [null, 0], // an error verified nothing: nobody to credit
    ]);
    // Unknown stays unknown: no mode chosen, no local progress (class grading).
    const unknown = report([PASS, PASS, PASS, PASS]);
    expect(unknown.mode).toBeNull();
    expect(unknown.items.map((i) => [i.doneBy, i.hintsUsed])).toEqual(Array(4).fill([null, null]));
  });

  it("the digest covers doneBy, hintsUsed and mode: changing any of them is detected", () => {
    const sealed = mine();
    expect(checkIntegrity(JSON.parse(JSON.stringify(sealed)) as Record<string, unknown>)).toMatchObject({ ok: true });
    const edits: ((doc: ReturnType<typeof mine>) => void)[] = [
      (doc) => (doc.items[0]!.doneBy = "learner"),
      (doc) => (doc.items[2]!.hintsUsed = 0),
      (doc) => (doc.mode = "guided"),
      (doc) => (doc.summary.doneByRunner = 0),
    ];
    for (const edit of edits) {
      const copy = JSON.parse(JSON.stringify(sealed)) as ReturnType<typeof mine>;
      edit(copy);
      expect(checkIntegrity(copy as unknown as Record<string, unknown>)).toEqual({
        ok: false,
        reason: "digest-mismatch",
      });
    }
  });

  it("text: the mode on the title line, genai-lab's work and hints used on each item", () => {
    const text = renderText(mine());
    expect(text.split("\n").slice(0, 4)).toEqual([
      "Verification checklist — 2/4 passed · Mode: exam",
      "  ✓ pass  1. Model invocation logging enabled · done by genai-lab",
      "  ✓ pass  2. Log entries present in CloudWatch Logs · 1 hint used",
      "  ✗ fail  3. A Logs Insights query returns results · 3 hints used",
    ]);
    expect(renderText(mine("vi")).split("\n")[1]).toBe(
      "  ✓ đạt      1. Đã bật model invocation logging · do genai-lab làm giúp",
    );
  });

  it("markdown: Done by and Hints columns, the mode in the summary line", () => {
    const md = renderMarkdown(mine());
    expect(md).toContain("· Mode: exam");
    expect(md).toContain(
      "| 1 | Model invocation logging enabled | ✅ pass | 1/1 | genai-lab | 0 | on → /aws/bedrock/model-invocations |",
    );
    expect(md).toContain("| 3 | A Logs Insights query returns results | ❌ fail | 0/1 | learner | 3 | 2 of 5 found |");
    expect(md).toContain("| 4 | The dashboard exists and shows metrics | ⚠️ error | 0/1 | — | 0 | Not allowed |");
    const vi = renderMarkdown(mine("vi"));
    expect(vi).toContain("· Chế độ: thi (exam)");
    expect(vi).toContain("| ✅ đạt | 1/1 | genai-lab làm giúp | 0 |");
    expect(vi).toContain("| ❌ chưa đạt | 0/1 | học viên | 3 |");
  });

  it("csv: mode, then done_by and hints per item, after the columns older sheets read by position", () => {
    const [header, row] = renderCsv(mine()).split("\r\n");
    expect(header).toMatch(/,outcome,problem,mode,logging-enabled\.done_by,.*,dashboard-shows-metrics\.hints$/);
    expect(row).toMatch(/,partial,,exam,runner,learner,learner,,0,1,3,0$/);
  });

  it("junit: valid against the schema, the mode and each item's doneBy and hints as properties", async () => {
    const xml = renderJunit(mine());
    expect(await schemaErrors(xml)).toEqual([]);
    expect(xml).toContain('<property name="mode" value="exam"/>');
    expect(xml).toContain('<property name="doneByRunner" value="1"/>');
    expect(xml).toContain('<property name="logging-enabled.doneBy" value="runner"/>');
    expect(xml).toContain('<property name="insights-returns-results.hintsUsed" value="3"/>');
    expect(xml).not.toContain('name="dashboard-shows-metrics.doneBy"'); // unknown is left out, not made up
    expect(xml).toContain("✓ 1. Model invocation logging enabled — pass · done by genai-lab");
  });

  it("junit in Vietnamese: system-out and failure messages in Vietnamese too (issue 11 item 19)", async () => {
    const xml = renderJunit(mine("vi"));
    expect(await schemaErrors(xml)).toEqual([]);
    expect(xml).toMatch(/<system-out>Giám sát GenAI: 2\/4 mục đạt, điểm 2\/4 \(50%\) · Chế độ: thi \(exam\)\n/);
    expect(xml).toContain("✗ 3. Truy vấn Logs Insights trả về kết quả — chưa đạt · đã xem 3 gợi ý");
    expect(xml).toContain('<failure message="mong đợi: ≥ 5 bản ghi · thực tế: tìm thấy 2/5 · gợi ý: Chạy bước 2"');
    expect(xml).not.toMatch(/passed, score|expected:|actual:/);
  });

  it("the class matrix marks items genai-lab did (✓*), with a legend; markdown escapes the star", () => {
    const book = gradebook([
      report([PASS_BY_LEARNER, PASS_BY_LEARNER, PASS_BY_LEARNER, PASS_BY_LEARNER], { learner: "an" }),
      report([PASS_BY_RUNNER, PASS_BY_RUNNER, PASS_BY_LEARNER, FAIL_BY_LEARNER], { learner: "binh" }),
    ]);
    const matrix = renderMatrix(book).split("\n");
    expect(matrix[4]).toBe("  1  an       111122223333  ✓   ✓   ✓  ✓  4/4    100");
    expect(matrix[5]).toBe("  2  binh     111122223333  ✓*  ✓*  ✓  ✗  3/4    75");
    expect(matrix).toContain("* done by genai-lab (its own actions), not by the learner");
    const md = renderMarkdown(book);
    expect(md).toContain("| 2 | binh | 111122223333 | ✅\\* | ✅\\* | ✅ | ❌ | 3/4 | 75 |");
    expect(md).toContain("\\* done by genai-lab (its own actions), not by the learner");
    // No star, no legend, when genai-lab did nothing.
    const honest = gradebook([report([PASS_BY_LEARNER, PASS, PASS, PASS], { learner: "an" })]);
    expect(renderMatrix(honest)).not.toContain("done by genai-lab");
  });
});

describe("verify-report across schema versions", () => {
  it("accepts a sealed v3 report and a sealed v2 one (as genai-lab wrote them before doneBy); refuses a newer one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "genai-lab-versions-"));
    const write = (name: string, doc: object) => {
      writeFileSync(join(dir, name), JSON.stringify(doc));
      return join(dir, name);
    };
    const v3 = mine();
    const { mode: _mode, ...rest } = v3;
    const v2 = seal({
      ...rest,
      schemaVersion: 2,
      summary: { ...v3.summary, doneByRunner: undefined },
      items: v3.items.map(({ doneBy: _doneBy, hintsUsed: _hints, ...item }) => item),
    });
    expect(await runCli(["verify-report", write("v3.json", v3)])).toMatchObject({ code: 0 });
    expect(await runCli(["verify-report", write("v2.json", v2)])).toMatchObject({ code: 0 });
    const v4 = await runCli(["verify-report", write("v4.json", seal({ ...v3, schemaVersion: 4 }))]);
    expect(v4).toMatchObject({ code: 2, stderr: expect.stringMatching(/newer genai-lab \(schemaVersion 4\)/) });
  });
});
