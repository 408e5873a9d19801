/**
 * The stdout Ink draws on, with one of Ink 6.8's writes completed. When the last frame was at least as tall as
 * the terminal (the terminal has just lost rows), Ink redraws everything: clear-terminal, the <Static>
 * transcript, then the frame — without the newline that ends every other frame, although its line bookkeeping
 * (log-update's sync) counts that newline. The cursor is left on the frame's last row instead of the row below,
 * so the frame sits one row low under the transcript's last line, and the next frame erases one row too many,
 * that line included. Ink fixed this in 7.1.1 (vadimdemedes/ink#974: write the frame with its newline), which
 * needs Node 22; this ends that write with the newline Ink counted.
 *
 * Ink's frame is shorter than the terminal there, as genai-lab's frames always are (one row short) except the
 * one Ink draws at the old size the moment the terminal shrinks; the settled frame's full clear replaces it.
 */

/** ansi-escapes' clearTerminal: erase the screen and the scrollback, cursor home. Ink writes it only there. */
const CLEAR_TERMINAL = "\u001B[2J\u001B[3J\u001B[H";

type Write = (chunk: unknown, ...rest: unknown[]) => boolean;

export function withFullClearNewline<T extends NodeJS.WriteStream>(stdout: T): T {
  const write: Write = (chunk, ...rest) =>
    (stdout.write as Write)(
      typeof chunk === "string" && chunk.startsWith(CLEAR_TERMINAL) ? `${chunk}\n` : chunk,
      ...rest,
    );
  return new Proxy(stdout, {
    get(target, key) {
      if (key === "write") return write;
      const value: unknown = Reflect.get(target, key, target);
      // Methods run on the stream itself (its listeners, its write state), never on the proxy.
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
