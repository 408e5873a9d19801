/** A streamed answer on the page: waiting for the first token, then its time and the text as it grows. */
import { Box } from "ink";
import { describe, expect, it } from "vitest";
import type { StreamProgress } from "../../../src/engine/contract.js";
import { ActivityList } from "../../../src/ui/components/Activity.js";
import type { ActionItem } from "../../../src/ui/state/lab-view.js";
import { render } from "../../helpers/render.js";

const streaming = (stream: StreamProgress): ActionItem => ({
  kind: "action",
  id: "invoke-prompts",
  title: { vi: "Gửi 5 prompt tới model", en: "Send the five prompts to the model" },
  state: "running",
  startedAt: 0,
  outputs: [],
  progress: {
    message: {
      vi: "Prompt 5/5 được stream bằng ConverseStream (model mô phỏng): How does vector search work?",
      en: "Prompt 5 of 5, streamed with ConverseStream (simulated model): How does vector search work?",
    },
    stream,
    at: 0,
  },
});

const frameOf = (stream: StreamProgress, options: { lang?: "vi" | "en"; width?: number; presenter?: boolean } = {}) =>
  render(
    // The page's box gives the activity its width, as StepPage does.
    <Box width={options.width ?? 76} flexDirection="column">
      <ActivityList items={[streaming(stream)]} now={1500} width={options.width ?? 76} />
    </Box>,
    { lang: options.lang ?? "en", presenter: options.presenter ?? false },
  ).frame();

describe("a streamed answer in the activity area", () => {
  it("says it is waiting until the first token lands", () => {
    const frame = frameOf({ text: "" });
    expect(frame).toContain("… Prompt 5 of 5, streamed with ConverseStream (simulated model)");
    expect(frame).toContain("waiting for the first token…");
    expect(frame).not.toContain("time to first token");
  });

  it("then shows the time to first token and the text so far, with a cursor while more is coming", () => {
    const frame = frameOf({ text: "Vector search compares meanings", firstTokenMs: 412.4 });
    expect(frame).toContain("time to first token: 412 ms");
    expect(frame).toContain("Vector search compares meanings▍");
    // Under the text: the page follows the newest line, so a small screen keeps the timing in view.
    expect(frame.indexOf("time to first token")).toBeGreaterThan(frame.indexOf("Vector search"));
    expect(frame).not.toContain("waiting for the first token");
  });

  it("at the end, the whole time too, and no cursor; long text wraps inside the page", () => {
    const text = "Vector search compares meanings instead of words: ".repeat(4).trim();
    const frame = frameOf({ text, firstTokenMs: 412, totalMs: 2310 }, { width: 40 });
    expect(frame).toContain("time to first token: 412 ms");
    expect(frame.replace(/\s+/g, " ")).toContain("time to first token: 412 ms · whole answer: 2.3 s");
    expect(frame).not.toContain("▍");
    expect(Math.max(...frame.split("\n").map((line) => line.length))).toBeLessThanOrEqual(40);
  });

  it("in Vietnamese", () => {
    const frame = frameOf({ text: "Tìm kiếm vector", firstTokenMs: 300, totalMs: 1200 }, { lang: "vi" });
    expect(frame).toContain("thời gian tới token đầu tiên: 300 ms");
    expect(frame).toContain("cả câu trả lời: 1.2 s");
  });

  it("never draws a model's control characters", () => {
    const frame = frameOf({ text: "ok\x1b[2Jcleared\x07", firstTokenMs: 5 });
    expect(frame).toContain("ok[2Jcleared▍");
  });

  it("presenting, never shows part of an account id that has not all arrived (redaction needs all 12 digits)", () => {
    const partial = frameOf({ text: "Your account is 1234567", firstTokenMs: 5 }, { presenter: true });
    expect(partial).toContain("Your account is ▍");
    expect(partial).not.toContain("1234567");
    const whole = frameOf({ text: "Your account is 123456789012.", firstTokenMs: 5 }, { presenter: true });
    expect(whole).toContain("Your account is ************.▍");
    const ended = frameOf({ text: "Pay 42", firstTokenMs: 5, totalMs: 9 }, { presenter: true });
    expect(ended).toContain("Pay 42"); // once the stream has ended, its last digits are whole
  });
});

describe("a streamed answer read as Markdown", () => {
  const md = "## Vector search\n\n* **Embedding**: a `vector`\n* Index";
  it("while it streams: no marker shown, a marker cut in two waits, the cursor follows", () => {
    const partial = frameOf({ text: "## Vector search\n\n* **Embed", firstTokenMs: 5 });
    expect(partial).toMatch(/Vector search\n\s*\n\s*- Embed▍/);
    expect(partial).not.toMatch(/[*#]/);
    expect(frameOf({ text: "A *", firstTokenMs: 5 })).toContain("A ▍"); // the first half of `**`, perhaps
  });

  it("once ended: drawn whole as the page's Markdown (list bullets, no markers)", () => {
    const frame = frameOf({ text: md, firstTokenMs: 5, totalMs: 9 });
    expect(frame).toContain("Vector search");
    expect(frame).toMatch(/Embedding: a vector/);
    expect(frame).not.toMatch(/[*#`▍]/);
  });

  it("presenting, masks an account id whole after the markers are read (a mask of * is not bold)", () => {
    const streaming = frameOf({ text: "**Your account** is 123456789012.", firstTokenMs: 5 }, { presenter: true });
    expect(streaming).toContain("Your account is ************.▍");
    const ended = frameOf(
      { text: "**Your account** is 123456789012.", firstTokenMs: 5, totalMs: 9 },
      { presenter: true },
    );
    expect(ended).toContain("Your account is ************.");
    expect(ended).not.toContain("123456789012");
  });
});
