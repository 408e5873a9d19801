/**
 * Issue 11 item 12 (tables): at 100 columns prompts and answers showed as "What is Am…", Insights rows as
 * "2026-12-0… arn:aw…", and the header "output.outputTokenC" wrapped to "ount"; at 80×24 worse. Cells now wrap, a
 * row opens in full when a column cannot hold it, and a header is never split — at the page widths of 60, 80, 100
 * and 120 columns. Step 2 shows each answer whole; plain output writes long rows as records too.
 */
import { Box } from "ink";
import { describe, expect, it } from "vitest";
import type { Output } from "../../src/engine/outputs.js";
import { OutputView } from "../../src/ui/components/OutputView.js";
import { formatOutput } from "../../src/ui/plain/format.js";
import { createPlainStyle } from "../../src/ui/plain/style.js";
import { render } from "../helpers/render.js";

const ARN = "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-6";
const ANSWER =
  "Amazon Bedrock is a fully managed service that offers a choice of foundation models through a single API, along with the tools to build generative AI applications with security and privacy.";

const insights: Output = {
  kind: "table",
  title: { vi: "Kết quả", en: "Results" },
  columns: ["@timestamp", "modelId", "input.inputTokenCount", "output.outputTokenCount"].map((key) => ({
    key,
    label: { vi: key, en: key },
  })),
  rows: [1, 2, 3].map((i) => ({
    "@timestamp": `2026-12-04 09:41:0${i}.000`,
    modelId: ARN,
    "input.inputTokenCount": String(10 + i),
    "output.outputTokenCount": String(100 + i),
  })),
};

const invocations: Output = {
  kind: "table",
  title: { vi: "Kết quả", en: "Results" },
  columns: [
    { key: "prompt", label: { vi: "Prompt", en: "Prompt" } },
    { key: "input", label: { vi: "Input token", en: "Input tokens" }, align: "right" },
    { key: "output", label: { vi: "Output token", en: "Output tokens" }, align: "right" },
    { key: "latency", label: { vi: "Độ trễ (ms)", en: "Latency (ms)" }, align: "right" },
    { key: "answer", label: { vi: "Câu trả lời", en: "Answer" } },
  ],
  rows: [{ prompt: "What is Amazon Bedrock?", input: 13, output: 128, latency: 2515, answer: ANSWER }],
};

/** The page's inner width at a terminal width (App: left column, border and padding). */
const pageAt = (columns: number) => columns - Math.min(44, Math.max(28, Math.floor(columns * 0.34))) - 4;
/** The frame's text with line breaks (and the indentation they bring) taken out. */
const joined = (frame: string) => frame.replace(/\s*\n\s*/g, "");
const words = (frame: string) => frame.replace(/\s+/g, " ");

describe("tables", () => {
  for (const columns of [60, 80, 100, 120]) {
    it(`never split a header, and show every cell whole, at ${columns} columns`, () => {
      const width = pageAt(columns);
      const frame = render(
        <Box width={width}>
          <OutputView output={insights} width={width} />
        </Box>,
      ).frame();
      for (const header of ["@timestamp", "modelId", "input.inputTokenCount", "output.outputTokenCount"])
        expect(
          frame.split("\n").some((line) => line.includes(header)),
          header,
        ).toBe(true);
      expect(frame).not.toContain("…");
      expect(joined(frame)).toContain(ARN);
      expect(frame).toContain("2026-12-04 09:41:03.000");

      const calls = render(
        <Box width={width}>
          <OutputView output={invocations} width={width} />
        </Box>,
      ).frame();
      expect(calls).not.toContain("…");
      expect(words(calls)).toContain(ANSWER);
      expect(words(calls)).toContain("What is Amazon Bedrock?");
      for (const line of calls.split("\n")) expect([...line].length).toBeLessThanOrEqual(width);
    });
  }

  it("write long rows as records in plain output too", () => {
    const lines = formatOutput(invocations, "en", createPlainStyle(false));
    expect(lines).toContain("── 1/1");
    expect(lines.some((line) => line.startsWith("Answer ") && line.endsWith(`  ${ANSWER}`))).toBe(true);
  });
});
