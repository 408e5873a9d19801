/**
 * Issue 11, wording: English left in Vietnamese mode and clumsy Vietnamese in the interface, the CLI help and the
 * sandbox banner; units and raw Markdown in plain output.
 */
import { describe, expect, it } from "vitest";
import { helpText } from "../../src/cli/help.js";
import { plainProse } from "../../src/engine/prose.js";
import { renderText } from "../../src/report/text.js";

import { SIMULATED_MODEL_NOTE } from "../../src/sandbox/model/simulated.js";
import { formatOutput } from "../../src/ui/plain/format.js";
import { createPlainStyle } from "../../src/ui/plain/style.js";
import { S } from "../../src/ui/strings.js";
import type { ChecklistReport } from "../../src/report/model.js";

const vietnamese = Object.values(S)
  .map((text) => text.vi)
  .join("\n");

describe("Vietnamese wording (issue 11)", () => {
  it("says the suggested words, not the clumsy or English ones", () => {
    expect(S.runCancelled.vi).toContain("Chạy lại để tiếp tục; chạy lại nhiều lần vẫn an toàn");
    expect(S.keyRecheckLong.vi).toContain("(tài nguyên trên cloud có thể đã thay đổi)");
    expect(S.helpScreenDialog.vi).toBe("Hộp thoại và mọi màn hình");
    expect(S.welcomeDomain.vi).toBe("Phần thi");
    for (const phrase of ["hội tụ", "Quên tiến độ", "Đã quên", "không còn biết", "cloud có thể đã đổi", "Target"])
      expect(vietnamese, phrase).not.toContain(phrase);
    // The footer's word for `t` is Vietnamese, and so is the label of the target line.
    expect(S.keyTarget.vi).not.toMatch(/target/i);
    expect(S.target.vi).not.toMatch(/target/i);
  });

  it("in the CLI help too: lists are separated by |, reset deletes the saved progress", () => {
    const help = helpText("tui", "vi");
    expect(help).toContain("phân tách bằng |");
    expect(help).not.toContain("ngăn bằng");
    expect(help).toContain("Xoá tiến độ đã lưu");
    expect(helpText("reset", "vi")).not.toMatch(/quên/i);
  });

  it("the sandbox banner says model, like everything else", () => {
    expect(SIMULATED_MODEL_NOTE.vi).toContain(
      "Câu trả lời do model mô phỏng (cố định, lặp lại được) của sandbox tạo ra",
    );
    expect(SIMULATED_MODEL_NOTE.vi).not.toContain("tất định");
  });
});

const plainStyle = createPlainStyle(false);

describe("plain output (issue 11)", () => {
  const chart = {
    kind: "chart" as const,
    chart: "line" as const,
    title: { vi: "Lượt gọi", en: "Invocations" },
    unit: "count",
    series: [{ label: "Invocations (Sum)", points: [{ x: 0, y: 6 }] }],
  };

  it("names units in the learner's language", () => {
    const vi = formatOutput(chart, "vi", plainStyle).join("\n");
    const en = formatOutput(chart, "en", plainStyle).join("\n");
    expect(vi).toContain("nhỏ nhất 6 lượt gọi · lớn nhất 6 lượt gọi");
    expect(en).toContain("min 6 calls · max 6 calls");
    expect(`${vi}\n${en}`).not.toContain("6 count");
    const tokens = formatOutput({ ...chart, unit: "tokens" }, "vi", plainStyle).join("\n");
    expect(tokens).toContain("6 token");
    expect(tokens).not.toContain("tokens");
  });

  it("prints Markdown prose without its marks", () => {
    const note = {
      kind: "note" as const,
      tone: "info" as const,
      text: { vi: "Chạy `genai-lab check` **ngay**.", en: "Run `genai-lab check` **now**." },
    };
    expect(formatOutput(note, "en", plainStyle)[0]).toBe("ℹ Run genai-lab check now.");
    expect(formatOutput(note, "vi", plainStyle)[0]).toBe("ℹ Chạy genai-lab check ngay.");
    expect(plainProse("see [the docs](https://x.test/a) and `a**b**`")).toBe(
      "see the docs (https://x.test/a) and a**b**",
    );
  });

  it("the checklist report's hints read as text", () => {
    const report = {
      language: "en",
      summary: { passed: 0, total: 1, score: 0, maxScore: 1 },
      items: [
        {
          id: "x",
          label: "X",
          status: "fail",
          evidence: { expected: "a", actual: "b" },
          hint: "Run `genai-lab run --step 2` first.",
          problem: null,
          points: 1,
          credit: 0,
          score: 0,
        },
      ],
    } as unknown as ChecklistReport;
    const text = renderText(report);
    expect(text).toMatch(/hint: Run genai-lab run --step 2 first\./i);
    expect(text).not.toContain("`");
  });
});
