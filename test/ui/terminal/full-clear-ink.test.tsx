/**
 * The Ink this project runs, drawn on a terminal-like stream, against the write full-clear.ts completes: Ink's own
 * full-clear redraw still leaves out the newline its bookkeeping counts (when an upgraded Ink writes it itself, as
 * 7.1.1 does, this fails: drop withFullClearNewline then, or it would add a second one), and with the wrapper that
 * redraw ends with exactly one.
 */
import { EventEmitter } from "node:events";
import { Box, render, Static, Text } from "ink";
import { describe, expect, it } from "vitest";
import { withFullClearNewline } from "../../../src/ui/terminal/full-clear.js";

const CLEAR_TERMINAL = "\u001B[2J\u001B[3J\u001B[H";
/** As Ink's is-in-ci reads it: under CI, Ink never redraws in place, so there is no full clear to look at. */
const inCi = ["CI", "CONTINUOUS_INTEGRATION"].some(
  (key) => key in process.env && !["0", "false"].includes(process.env[key]!),
);

class FakeTerminal extends EventEmitter {
  isTTY = true;
  columns = 40;
  rows = 6;
  written: string[] = [];
  write(chunk: string): boolean {
    this.written.push(chunk);
    return true;
  }
}

const Frame = (props: { rows: number }) => (
  <>
    <Static items={["transcript line"]}>{(line) => <Text key={line}>{line}</Text>}</Static>
    <Box flexDirection="column">
      {Array.from({ length: props.rows }, (_, i) => (
        <Text key={i}>row {i}</Text>
      ))}
    </Box>
  </>
);

/** Waits (up to 5 s) for Ink's throttled frames to reach the terminal. */
async function until(done: () => boolean): Promise<void> {
  for (const deadline = Date.now() + 5000; !done() && Date.now() < deadline;) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The redraw Ink writes when a frame as tall as the terminal is followed by a shorter one. */
async function fullClearRedraw(wrap: boolean): Promise<string | undefined> {
  const terminal = new FakeTerminal();
  const stdout = (
    wrap ? withFullClearNewline(terminal as unknown as NodeJS.WriteStream) : terminal
  ) as NodeJS.WriteStream;
  const stdin = Object.assign(new EventEmitter(), { isTTY: false, setEncoding() {}, read: () => null });
  const app = render(<Frame rows={terminal.rows} />, {
    stdout,
    stdin: stdin as unknown as NodeJS.ReadStream,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  const redraw = () => terminal.written.findLast((chunk) => chunk.startsWith(CLEAR_TERMINAL));
  await until(() => terminal.written.some((chunk) => chunk.includes(`row ${terminal.rows - 1}`)));
  app.rerender(<Frame rows={2} />);
  await until(() => redraw()?.includes(`row ${terminal.rows - 1}`) === false);
  app.unmount();
  return redraw();
}

describe.skipIf(inCi)("Ink's full-clear redraw", () => {
  it("still lacks the newline Ink counts; the wrapper adds exactly one", async () => {
    const bare = await fullClearRedraw(false);
    expect(bare).toBe(`${CLEAR_TERMINAL}transcript line\nrow 0\nrow 1`);
    expect(await fullClearRedraw(true)).toBe(`${bare}\n`);
  });
});
