import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { withFullClearNewline } from "../../../src/ui/terminal/full-clear.js";

const CLEAR_TERMINAL = "\u001B[2J\u001B[3J\u001B[H";

/** A terminal-like stream that records what is written to it. */
class FakeTerminal extends EventEmitter {
  isTTY = true;
  columns = 80;
  rows = 24;
  written: string[] = [];
  write(chunk: string, callback?: () => void): boolean {
    this.written.push(chunk);
    callback?.();
    return true;
  }
}

function wrapped() {
  const terminal = new FakeTerminal();
  return { terminal, stdout: withFullClearNewline(terminal as unknown as NodeJS.WriteStream) };
}

describe("Ink's full-clear redraw, completed", () => {
  it("ends the redraw that starts with clear-terminal with the newline Ink counted", () => {
    const { terminal, stdout } = wrapped();
    stdout.write(`${CLEAR_TERMINAL}▶ Step 0\nVerification checklist: 0/4 passed\nheader\nfooter`);
    expect(terminal.written).toEqual([
      `${CLEAR_TERMINAL}▶ Step 0\nVerification checklist: 0/4 passed\nheader\nfooter\n`,
    ]);
  });

  it("passes every other write through unchanged, its callback included", () => {
    const { terminal, stdout } = wrapped();
    let called = false;
    const others = ["\u001B[2K\u001B[1A\u001B[2Kframe\n", "\u001B[2J\u001B[Hframe", "\u001B[?2026h", ""];
    for (const chunk of others) stdout.write(chunk);
    stdout.write("done", () => (called = true));
    expect(terminal.written).toEqual([...others, "done"]);
    expect(called).toBe(true);
  });

  it("is the stream otherwise: its size as it changes, its events", () => {
    const { terminal, stdout } = wrapped();
    let resized = 0;
    const onResize = () => resized++;
    stdout.on("resize", onResize);
    terminal.rows = 18;
    terminal.emit("resize");
    expect(stdout.rows).toBe(18);
    expect(stdout.isTTY).toBe(true);
    stdout.off("resize", onResize);
    terminal.emit("resize");
    expect(resized).toBe(1);
  });
});
