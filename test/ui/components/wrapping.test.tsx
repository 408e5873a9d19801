/** Review fixes for text layout: prose without stray spaces, copyable code, tables that use the room, charts' Σ. */
import { Box, Text } from "ink";
import { describe, expect, it } from "vitest";
import type { Output } from "../../../src/engine/outputs.js";
import { ActivityList } from "../../../src/ui/components/Activity.js";
import { CodeBlock } from "../../../src/ui/components/CodeBlock.js";
import { Markdown } from "../../../src/ui/components/Markdown.js";
import { OutputView } from "../../../src/ui/components/OutputView.js";
import { columnWidths, tableLayout } from "../../../src/ui/components/TableView.js";
import { trimContinuation } from "../../../src/ui/components/Wrap.js";
import { runsOff } from "../../../src/ui/markdown/code-wrap.js";
import type { CheckItem } from "../../../src/ui/state/lab-view.js";
import { render } from "../../helpers/render.js";

const lines = (frame: string) => frame.split("\n");

describe("prose", () => {
  it("starts no continuation line with the space it was broken at (styles and links included)", () => {
    expect(trimContinuation(" word")).toBe("word");
    expect(trimContinuation("\u001B[1m word")).toBe("\u001B[1mword");
    expect(trimContinuation("  code")).toBe(" code"); // one space only: indentation that is meant stays
    // At 28 columns the first line ends exactly at a word's end: wrap-ansi then starts the next with the space.
    const text =
      "Bedrock writes one log event per call into the log group, and the runner waits for the delivery before it checks anything.";
    const frame = render(
      <Box width={28}>
        <Markdown source={text} width={28} />
      </Box>,
    ).frame();
    expect(lines(frame)[1]).toMatch(/^per call/);
    expect(lines(frame).length).toBeGreaterThan(3);
    for (const line of lines(frame)) expect(line.startsWith(" "), JSON.stringify(line)).toBe(false);
    // Scrolled so that the paragraph starts above the box (Ink then numbers lines from the first visible one).
    const scrolled = render(
      <Box height={3} overflow="hidden" flexDirection="column">
        <Box marginTop={-1} width={28} flexShrink={0}>
          <Markdown source={text} width={28} />
        </Box>
      </Box>,
    ).frame();
    for (const line of lines(scrolled)) expect(line.startsWith(" "), JSON.stringify(line)).toBe(false);
  });
});

describe("code", () => {
  // Issue 11 item 1: nothing is ever inserted into a command line (no "↩" inside words); a long line runs off the
  // page's edge, marked in the gutter outside the command, and `y` prints it whole (test/e2e/copy-commands.test.ts).
  it("keeps a line that fits whole, and lets a longer one run off the edge, marked in the gutter", () => {
    const command = "aws logs describe-log-groups --log-group-name-prefix /aws/bedrock";
    const segments = [{ text: command }];
    expect(runsOff(segments, 80)).toBe(false);
    expect(runsOff(segments, 40)).toBe(true);
    const wide = lines(render(<CodeBlock code={command} language="bash" width={80} />).frame());
    expect(wide).toEqual(["  ╶─ bash ─╴", `  ${command}`]);
    const frame = lines(render(<CodeBlock code={command} language="bash" width={60} />).frame());
    expect(frame[0]).toContain("╶─ bash · long lines run off › · y: copy them whole");
    expect(frame).toHaveLength(2); // one row per line: never broken
    expect(frame[1]).toBe(`› ${command.slice(0, 58)}`);
    expect(frame.join("\n")).not.toContain("↩");
  });

  it("keeps a scrolled page's code inside the page (a cut line never escapes the viewport)", () => {
    const code = Array.from({ length: 10 }, (_, i) => `line${i} ${"x".repeat(60)}`).join("\n");
    const frame = render(
      <Box flexDirection="column">
        <Text>above</Text>
        <Box height={3} overflow="hidden" flexDirection="column">
          <Box marginTop={-5} flexShrink={0} flexDirection="column" width={30}>
            <CodeBlock code={code} language="text" width={30} />
          </Box>
        </Box>
        <Text>below</Text>
      </Box>,
    ).frame();
    expect(lines(frame)).toEqual([
      "above",
      `› line4 ${"x".repeat(22)}`,
      `› line5 ${"x".repeat(22)}`,
      `› line6 ${"x".repeat(22)}`,
      "below",
    ]);
  });

  it("draws the CLI equivalent (no prompt sign before it) and long URLs the same way; a long ARN value wraps", () => {
    const cli = "aws bedrock put-model-invocation-logging-configuration --logging-config file://logging.json";
    const item = {
      kind: "action" as const,
      id: "a",
      title: { vi: "x", en: "Enable logging" },
      cli,
      state: "done" as const,
      startedAt: 0,
      durationMs: 5,
      outputs: [],
    };
    const frame = render(
      <Box width={50}>
        <ActivityList items={[item]} now={0} width={50} />
      </Box>,
    ).frame();
    expect(frame).toMatch(/› aws bedrock put-model-invocation-logging-confi$/m);
    expect(frame).not.toContain("guration --logging-config"); // the rest runs off: no second row
    expect(frame).not.toContain("$ aws");
    expect(frame).not.toContain("↩");
    const url =
      "https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#dashboards/dashboard/GenAI-Monitoring";
    const link = render(
      <OutputView output={{ kind: "link", label: { vi: "Mở", en: "Open the dashboard" }, url }} width={60} />,
    ).frame();
    expect(lines(link)[0]).toBe("Open the dashboard");
    expect(lines(link)[1]).toBe(`› ${url.slice(0, 58)}`);
    const arn = "arn:aws:iam::123456789012:role/GenAILabBedrockInvocationLoggingRole";
    const kv = render(
      <OutputView
        output={{ kind: "key-values", items: [{ label: { vi: "Vai trò", en: "Role" }, value: arn }] }}
        width={40}
      />,
    ).frame();
    expect(kv).not.toContain("↩");
    expect(kv.replace(/\s*\n\s*/g, "")).toContain(arn);
  });
});

describe("tables", () => {
  it("let headers wrap rather than cut them, and give the spare room to the columns that want it", () => {
    const data = {
      headers: ["Prompt", "Input tokens", "Output tokens", "Latency (ms)", "Answer"],
      rows: [["Explain RAG in simple terms.", "14", "128", "2585", "RAG combines search and a model."]],
    };
    const widths = columnWidths(data, 46);
    expect(widths.reduce((a, b) => a + b, 0) + 2 * 4).toBe(46); // every column the page has is used
    // "tokens", "Output", "Latency": each header word whole, the text columns wider than the floor.
    expect(widths[1]).toBeGreaterThanOrEqual(6);
    expect(widths[2]).toBeGreaterThanOrEqual(6);
    expect(widths[3]).toBeGreaterThanOrEqual(7);
    expect(widths[0]).toBeGreaterThanOrEqual(8);
    const frame = render(
      <OutputView
        output={{
          kind: "table",
          columns: data.headers.map((h, i) => ({ key: String(i), label: { vi: h, en: h } })),
          rows: data.rows.map((r) => Object.fromEntries(r.map((c, i) => [String(i), c]))),
        }}
        width={46}
      />,
    ).frame();
    expect(frame).toMatch(/Input\s+Output\s+Latency/);
    expect(frame).toMatch(/tokens\s+tokens\s+\(ms\)/);
    expect(frame).not.toContain("Input…");
    expect(columnWidths({ headers: ["a", "b"], rows: [["x", "y"]] }, 40)).toEqual([1, 1]);
    // Six columns on 46: a one-space gap keeps every header word whole ("Latency", "Attempts").
    const six = {
      headers: [...data.headers.slice(0, 4), "Attempts", "Answer (start)"],
      rows: [["What is Amazon Bedrock?", "13", "128", "2515", "1", "Amazon Bedrock is a fully managed service"]],
    };
    const layout = tableLayout(six, 46);
    expect(layout.gap).toBe(1);
    expect(layout.widths.slice(1, 5)).toEqual([6, 6, 7, 8]);
    expect(layout.widths[5]).toBeGreaterThanOrEqual(7); // "(start)" whole too; the prompt column gives way
    expect(layout.widths.reduce((a, b) => a + b, 0) + 5).toBe(46);
    expect(tableLayout(data, 80).gap).toBe(2);
  });
});

describe("check rows", () => {
  it("keep the result word and time on a narrow page; the label gives way", () => {
    const item: CheckItem = {
      kind: "check",
      id: "c",
      label: { vi: "x", en: "A Logs Insights query returns results for the invocations" },
      state: "pass",
      startedAt: 0,
      durationMs: 94,
      outputs: [],
    };
    const frame = render(
      <Box width={40}>
        <ActivityList items={[item]} now={0} width={40} />
      </Box>,
    ).frame();
    expect(frame).toMatch(/✓ Check · A Logs Insights.*… 94 ms pass/);
  });
});

describe("charts", () => {
  const chart = (stat: string | undefined, label = "Invocations"): Output => ({
    kind: "chart",
    chart: "line",
    title: { vi: "Lượt gọi", en: "Invocations" },
    unit: "count",
    series: [
      {
        label,
        ...(stat ? { stat } : {}),
        points: [
          { x: 0, y: 2 },
          { x: 60_000, y: 4 },
        ],
      },
    ],
  });

  it("show Σ only for sums and counts (by the series' stat, else its '(Sum)' label)", () => {
    expect(render(<OutputView output={chart("Sum")} width={50} />).frame()).toContain("Σ 6 calls");
    expect(render(<OutputView output={chart("SampleCount")} width={50} />).frame()).toContain("Σ 6");
    expect(render(<OutputView output={chart("Average")} width={50} />).frame()).not.toContain("Σ");
    expect(render(<OutputView output={chart("p90")} width={50} />).frame()).not.toContain("Σ");
    expect(render(<OutputView output={chart(undefined, "Invocations (Sum)")} width={50} />).frame()).toContain("Σ 6");
    expect(render(<OutputView output={chart(undefined)} width={50} />).frame()).not.toContain("Σ");
  });

  it("name the units in Vietnamese on a Vietnamese screen", () => {
    const frame = render(<OutputView output={chart("Sum")} width={50} />, { lang: "vi" }).frame();
    expect(frame).toContain("Σ 6 lượt");
    expect(frame).not.toMatch(/\bcount\b/);
  });
});
