/**
 * The terminal's size, kept current across resizes. The frame is always one row short of the terminal, so Ink
 * redraws it whole after any resize: erasing the screen's rows from the cursor up, or, when the terminal lost
 * rows, clearing it and printing the transcript again above the frame (with the newline terminal/full-clear.ts
 * restores). Nothing is cleared here behind Ink's back: a cleared screen on a terminal that grows would take
 * with it the transcript lines the terminal brought back from the scrollback.
 */
import { useStdout } from "ink";
import { useEffect, useState } from "react";

export interface TerminalSize {
  columns: number;
  rows: number;
}

const read = (stdout: NodeJS.WriteStream): TerminalSize => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 });

export function useTerminalSize(): TerminalSize {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => read(stdout));
  useEffect(() => {
    // Resizes come in bursts (a window being dragged): lay out again once it settles, after Ink's own resize frame.
    let timer: NodeJS.Timeout | undefined;
    const onResize = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setSize(read(stdout)), 80);
    };
    stdout.on("resize", onResize);
    return () => {
      clearTimeout(timer);
      stdout.off("resize", onResize);
    };
  }, [stdout]);
  return size;
}
