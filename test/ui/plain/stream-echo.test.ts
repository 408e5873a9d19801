/**
 * A streamed answer in the plain printer (`genai-lab run`): echoed piece by piece on a terminal, with the time to
 * first token when it lands; printed once, whole, in a log or a pipe — no carriage returns, no partial lines.
 */
import { describe, expect, it } from "vitest";
import type { StreamProgress } from "../../../src/engine/contract.js";
import type { RunnerEvent } from "../../../src/engine/events.js";
import { createPlainPrinter } from "../../../src/ui/plain/printer.js";
import { printable } from "../../../src/ui/plain/stream-echo.js";
import { createPlainStyle } from "../../../src/ui/plain/style.js";

function printer(isTTY: boolean, options: { redact?: boolean; lang?: "vi" | "en" } = {}) {
  let text = "";
  const print = createPlainPrinter({
    out: { write: (chunk: string) => (text += chunk), isTTY },
    lang: options.lang ?? "en",
    style: createPlainStyle(false),
    redact: options.redact ?? false,
    stepNumbers: new Map(),
  });
  return { print, text: () => text };
}

const MESSAGE = { vi: "Prompt 5/5 được stream", en: "Prompt 5 of 5, streamed" };
const streamed = (stream: StreamProgress): RunnerEvent => ({
  type: "progress",
  stepId: "s",
  actionId: "a",
  message: MESSAGE,
  stream,
});
const finished: RunnerEvent = { type: "action-finished", stepId: "s", actionId: "a", outcome: "done", durationMs: 900 };

/** A stream as step 2 sends it: waiting, the first token, more, then the end with the whole time. */
const A_STREAM: RunnerEvent[] = [
  streamed({ text: "" }),
  streamed({ text: "Vector", firstTokenMs: 412.4 }),
  streamed({ text: "Vector search compares", firstTokenMs: 412.4 }),
  streamed({ text: "Vector search compares meanings.\n- Embedding", firstTokenMs: 412.4 }),
  streamed({ text: "Vector search compares meanings.\n- Embedding: a vector.", firstTokenMs: 412.4, totalMs: 2310 }),
];

describe("a streamed answer in the plain printer", () => {
  it("on a terminal, echoes the text as it arrives, after the time to first token", () => {
    const tty = printer(true);
    const seen: string[] = [];
    for (const event of A_STREAM) {
      tty.print(event);
      seen.push(tty.text());
    }
    tty.print(finished);
    // Each piece is written as it comes: after the second event the first word is on screen already.
    expect(seen[1]).toBe("    … Prompt 5 of 5, streamed\n    time to first token: 412 ms\n    Vector");
    expect(tty.text()).toBe(
      "    … Prompt 5 of 5, streamed\n" +
        "    time to first token: 412 ms\n" +
        "    Vector search compares meanings.\n" +
        "    - Embedding: a vector.\n" +
        "    ✓ done (900 ms)\n",
    );
  });

  it("without a terminal, prints the whole answer once, when the stream has ended", () => {
    const log = printer(false);
    for (const event of A_STREAM.slice(0, -1)) log.print(event);
    expect(log.text()).toBe(""); // nothing piece by piece in a log
    log.print(A_STREAM.at(-1)!);
    log.print(finished);
    expect(log.text()).toBe(
      "    … Prompt 5 of 5, streamed\n" +
        "    time to first token: 412 ms\n" +
        "    Vector search compares meanings.\n" +
        "\n" + // rendered as Markdown: the list is a block of its own
        "    - Embedding: a vector.\n" +
        "    ✓ done (900 ms)\n",
    );
    expect(log.text()).not.toContain("\r");
    expect(log.text()).not.toContain("\x1b");
  });

  it("speaks Vietnamese", () => {
    const log = printer(false, { lang: "vi" });
    log.print(A_STREAM.at(-1)!);
    expect(log.text()).toContain("    … Prompt 5/5 được stream\n    thời gian tới token đầu tiên: 412 ms\n");
  });

  it("on a terminal, a stream cut short ends its line before the failure; a retry starts over under its message", () => {
    const tty = printer(true);
    tty.print(streamed({ text: "" }));
    tty.print(streamed({ text: "Half an ans", firstTokenMs: 300 }));
    tty.print({ type: "progress", stepId: "s", actionId: "a", message: { vi: "thử lại", en: "retry 2/4 in 1 s" } });
    tty.print(streamed({ text: "" }));
    tty.print(streamed({ text: "Whole", firstTokenMs: 280 }));
    tty.print({ ...finished, outcome: "failed" });
    expect(tty.text()).toBe(
      "    … Prompt 5 of 5, streamed\n" +
        "    time to first token: 300 ms\n" +
        "    Half an ans\n" +
        "    … retry 2/4 in 1 s\r\x1b[K" +
        "    … Prompt 5 of 5, streamed\n" +
        "    time to first token: 280 ms\n" +
        "    Whole\n" +
        "    ✗ failed (900 ms)\n",
    );
  });

  it("writes no control characters from the model and redacts an account id even when it arrives in two pieces", () => {
    expect(printable("a\x1b[31mred\x07\x9b text\n\tok")).toBe("a[31mred text\n\tok");
    const tty = printer(true, { redact: true });
    tty.print(streamed({ text: "Account 123456", firstTokenMs: 10 }));
    tty.print(streamed({ text: "Account 123456789012 \x1b]0;owned\x07here", firstTokenMs: 10, totalMs: 20 }));
    expect(tty.text()).toContain("    Account ************ ]0;ownedhere\n");
    expect(tty.text()).not.toMatch(/\d{6}/);
    expect(tty.text()).not.toContain("\x1b");
  });

  it("reads the answer as Markdown: no marker left, live (even one cut across pieces) or whole", () => {
    const pieces = ["## RAG\n* **Retr", "ieval*", "*: finds `chu", "nks`\n* Generation: answers."];
    const events = pieces.map((_, i) =>
      streamed({ text: pieces.slice(0, i + 1).join(""), firstTokenMs: 300, ...(i === 3 ? { totalMs: 900 } : {}) }),
    );
    const tty = printer(true);
    const seen: string[] = [];
    for (const event of events) {
      tty.print(event);
      seen.push(tty.text());
    }
    const answer = "    RAG\n    - Retrieval: finds chunks\n    - Generation: answers.\n";
    expect(tty.text()).toBe("    … Prompt 5 of 5, streamed\n    time to first token: 300 ms\n" + answer);
    // The `*` that ended a piece waited for the next: no stray asterisk was ever on screen.
    for (const text of seen) expect(text).not.toMatch(/[*`#]/);
    const log = printer(false);
    for (const event of events) log.print(event);
    expect(log.text()).toBe(
      "    … Prompt 5 of 5, streamed\n    time to first token: 300 ms\n    RAG\n\n    - Retrieval: finds chunks\n    - Generation: answers.\n",
    );
  });

  it("styles what the markers mark on a colour terminal: bold, code, headings", () => {
    let text = "";
    const print = createPlainPrinter({
      out: { write: (chunk: string) => (text += chunk), isTTY: true },
      lang: "en",
      style: createPlainStyle(true),
      redact: false,
      stepNumbers: new Map(),
    });
    print(streamed({ text: "# T\nA **b** `c`", firstTokenMs: 1, totalMs: 2 }));
    const style = createPlainStyle(true);
    expect(text).toContain(`    ${style.heading("T")}\n    A ${style.bold("b")} ${style.code("c")}`);
  });
});
