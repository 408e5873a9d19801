/**
 * The terminal's size, kept current across resizes. Terminals reflow (or crop) what is on screen when they are
 * resized, so the lines Ink is about to redraw in place are no longer where it left them: on a resize the
 * visible screen is cleared (scrollback is kept) and the next frame is drawn from the top.
 */
import { useStdout } from "ink";
import { useEffect, useState } from "react";

export interface TerminalSize {
  columns: number;
  rows: number;
}

const read = (stdout: NodeJS.WriteStream): TerminalSize => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 });

const CLEAR_SCREEN = "\u001B[2J\u001B[H";

export function useTerminalSize(): TerminalSize {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => read(stdout));
  useEffect(() => {
    // Resizes come in bursts (a window being dragged): redraw once it settles, after Ink's own resize frame.
    let timer: NodeJS.Timeout | undefined;
    const onResize = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (stdout.isTTY) stdout.write(CLEAR_SCREEN);
        setSize(read(stdout));
      }, 80);
    };
    stdout.on("resize", onResize);
    return () => {
      clearTimeout(timer);
      stdout.off("resize", onResize);
    };
  }, [stdout]);
  return size;
}
