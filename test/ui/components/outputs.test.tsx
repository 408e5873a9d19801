/** Outputs drawn: tables, key/values, line and bar charts (and the dashboard grid), notes, code, links; Markdown. */
import chalk from "chalk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Output } from "../../../src/engine/outputs.js";
import { columnRows, resample } from "../../../src/ui/components/ChartView.js";
import { Markdown } from "../../../src/ui/components/Markdown.js";
import { OutputList, OutputView } from "../../../src/ui/components/OutputView.js";
import { columnWidths } from "../../../src/ui/components/TableView.js";
import { render } from "../../helpers/render.js";

const t0 = Date.UTC(2025, 0, 1, 9, 0);
const line = (title: string, values: number[]): Extract<Output, { kind: "chart" }> => ({
  kind: "chart",
  chart: "line",
  title: { vi: title, en: title },
  unit: "ms",
  series: [{ label: "Average", points: values.map((y, i) => ({ x: t0 + i * 3_600_000, y })) }],
});

describe("OutputView", () => {
  it("draws the alarms on a chart's metric: name, state and threshold, in the learner's language", () => {
    const chart: Output = {
      ...line("Throttles", [1, 9, 3]),
      alarms: [
        { name: "GenAI-Throttles", threshold: 5, state: "ALARM" },
        { name: "gone", state: "missing" },
      ],
    };
    const en = render(<OutputView output={chart} width={60} />).frame();
    expect(en).toContain("⚑ GenAI-Throttles: ALARM · threshold 5");
    expect(en).toContain("⚑ gone: not found");
    expect(render(<OutputView output={chart} width={60} />, { lang: "vi" }).frame()).toContain(
      "⚑ GenAI-Throttles: ALARM · ngưỡng 5",
    );
    // Narrow: the line wraps rather than losing the state.
    expect(
      render(<OutputView output={chart} width={24} />)
        .frame()
        .replace(/\s+/g, " "),
    ).toContain("⚑ GenAI-Throttles: ALARM · threshold 5");
  });

  it("draws a table with aligned columns, shrinking to the width", () => {
    const table: Output = {
      kind: "table",
      title: { vi: "Lời gọi", en: "Invocations" },
      columns: [
        { key: "prompt", label: { vi: "Prompt", en: "Prompt" } },
        { key: "tokens", label: { vi: "Token", en: "Tokens" }, align: "right" },
      ],
      rows: [
        { prompt: "What is Amazon Bedrock?", tokens: 12 },
        { prompt: "Explain RAG in simple terms.", tokens: null },
      ],
    };
    const frame = render(<OutputView output={table} width={60} />).frame();
    expect(frame).toMatch(
      /Invocations\nPrompt\s+Tokens\n─+\s+─+\nWhat is Amazon Bedrock\?\s+12\nExplain RAG in simple terms\.\s+—/,
    );
    expect(
      columnWidths({ headers: ["a", "b"], rows: [["x".repeat(50), "y".repeat(50)]] }, 40).reduce((a, b) => a + b),
    ).toBeLessThanOrEqual(38);
  });

  it("draws key/values, notes in every tone, code and links (clickable where supported)", () => {
    const kv = render(
      <OutputView
        output={{ kind: "key-values", items: [{ label: { vi: "Vai trò", en: "Role" }, value: "GenAILabRole" }] }}
        width={60}
      />,
    ).frame();
    expect(kv).toMatch(/Role:\s+GenAILabRole/);
    const tones = { info: "ℹ", success: "✓", warning: "⚠", error: "✗" } as const;
    for (const [tone, glyph] of Object.entries(tones)) {
      expect(
        render(
          <OutputView
            output={{ kind: "note", tone: tone as keyof typeof tones, text: { vi: "x", en: "Simulated reply" } }}
            width={60}
          />,
        ).frame(),
      ).toBe(`${glyph} Simulated reply`);
    }
    const code = render(
      <OutputView output={{ kind: "code", language: "sql", code: "fields @timestamp\n| limit 20" }} width={60} />,
    ).frame();
    expect(code).toMatch(/╶─ sql ─╴\n\s+fields @timestamp\n\s+\| limit 20/);
    const link: Output = {
      kind: "link",
      label: { vi: "Mở dashboard", en: "Open the dashboard" },
      url: "https://console.aws.amazon.com/cloudwatch",
    };
    expect(render(<OutputView output={link} width={80} />).frame()).toBe(
      "Open the dashboard https://console.aws.amazon.com/cloudwatch",
    );
    const clickable = render(<OutputView output={link} width={80} />, { hyperlinks: true }).rawFrame();
    expect(clickable).toContain(
      "\u001B]8;;https://console.aws.amazon.com/cloudwatch\u0007Open the dashboard\u001B]8;;\u0007",
    );
  });

  it("draws line charts with a scale, the time span and totals, and bar charts", () => {
    const frame = render(<OutputView output={line("Latency", [100, 400, 200])} width={40} />).frame();
    expect(frame).toMatch(/Latency\n■ Average min 100 · max 400 ms\n/); // no Σ: a sum of averages means nothing
    expect(frame).toMatch(/400 ms ┤ {3}█{3}\n[\s\S]*0 ┤█{9}/);
    expect(frame).toContain("09:00 … 11:00");
    const bar: Output = {
      kind: "chart",
      chart: "bar",
      title: { vi: "Token", en: "Tokens" },
      series: [
        {
          label: "input",
          points: [
            { x: "input", y: 80 },
            { x: "output", y: 40 },
          ],
        },
      ],
    };
    expect(render(<OutputView output={bar} width={40} />).frame()).toMatch(
      /Tokens\ninput\s+█{29} 80\noutput\s+█{14}▌ 40/,
    );
    expect(render(<OutputView output={line("Empty", [])} width={40} />).frame()).toContain("(no data)");
  });

  it("lays the dashboard's charts out two per row when there is room, one per row when not", () => {
    const charts = [line("Invocations", [1, 2]), line("Tokens", [3, 4]), line("Latency", [5, 6])];
    const wide = render(<OutputList outputs={charts} width={100} />, { columns: 100 }).frame();
    expect(wide).toMatch(/Invocations\s+Tokens/);
    const narrow = render(<OutputList outputs={charts} width={50} />).frame();
    expect(narrow).not.toMatch(/Invocations\s+Tokens/);
  });

  it("scales columns in eighth blocks and averages long series", () => {
    expect(columnRows([0, 4, 8], 1, 8, 1)).toEqual([" ▄█"]);
    expect(columnRows([16], 2, 16, 2)).toEqual(["██", "██"]);
    expect(resample([1, 3, 5, 7], 2)).toEqual([2, 6]);
  });
});

describe("Markdown", () => {
  // Colours are Ink's (chalk's) business: outside a terminal it paints nothing unless told it may.
  const level = chalk.level;
  beforeAll(() => void (chalk.level = 1));
  afterAll(() => void (chalk.level = level));

  const source = [
    "## Why",
    "",
    "Bedrock logs **every call** to *CloudWatch*, see `input.inputTokenCount`.",
    "",
    "- one",
    "- two",
    "",
    "1. first",
    "",
    "| Field | Where |",
    "|---|---|",
    "| tokens | input.inputTokenCount |",
    "",
    "```bash",
    "aws logs describe-log-groups --log-group-name-prefix /aws/bedrock",
    "```",
    "",
    "> Exam tip: invocation logs.",
    "",
    "[Docs](https://docs.aws.amazon.com/bedrock/)",
    "",
    "---",
  ].join("\n");

  it("draws headings, emphasis, lists, tables, code, quotes, rules and links", () => {
    const frame = render(<Markdown source={source} width={70} />).frame();
    expect(frame).toContain("Why");
    expect(frame).toContain("Bedrock logs every call to CloudWatch, see input.inputTokenCount.");
    expect(frame).toMatch(/• one\n• two/);
    expect(frame).toContain("1. first");
    expect(frame).toMatch(/Field\s+Where\n─+\s+─+\ntokens\s+input\.inputTokenCount/);
    expect(frame).toMatch(/╶─ bash ─╴\n\s+aws logs describe-log-groups --log-group-name-prefix \/aws\/bedrock/);
    expect(frame).toMatch(/┃ Exam tip: invocation logs\./);
    // The address under the paragraph, whole (never broken mid-way by the wrapping), the label numbered.
    expect(frame).toMatch(/Docs \[1\]\n {2}\[1\] https:\/\/docs\.aws\.amazon\.com\/bedrock\//);
    expect(frame).toContain("─".repeat(70));
  });

  it("styles emphasis and code in colour, and makes links clickable where supported", () => {
    const raw = render(<Markdown source={source} width={70} />, { colors: true, hyperlinks: true }).rawFrame();
    expect(raw).toContain("\u001B[1mevery call");
    expect(raw).toContain("\u001B[3mCloudWatch");
    expect(raw).toContain("\u001B]8;;https://docs.aws.amazon.com/bedrock/\u0007");
  });

  it("uses no colour under NO_COLOR (the theme without colours), keeping emphasis", () => {
    const raw = render(<Markdown source={"Run `aws sts get-caller-identity` **now**"} width={70} />, {
      colors: false,
    }).rawFrame();
    expect(raw).not.toContain("\u001B[3"); // no foreground colour (SGR 30–39)
    expect(raw).toContain("\u001B[1mnow");
  });
});
