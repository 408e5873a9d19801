/**
 * The one render helper for TUI component tests (over ink-testing-library): renders a component inside the
 * display context at a fixed terminal size, and waits for frames instead of sleeping.
 */
import { render as inkRender } from "ink-testing-library";
import type { ReactElement } from "react";
import { createDisplay, DisplayContext } from "../../src/ui/app/display.js";
import { createTheme } from "../../src/ui/theme/theme.js";
import type { Lang } from "../../src/engine/text.js";

export interface RenderOptions {
  lang?: Lang;
  colors?: boolean;
  presenter?: boolean;
  redact?: boolean;
  hyperlinks?: boolean;
  columns?: number;
  rows?: number;
}

export const KEY = {
  enter: "\r",
  up: "\u001B[A",
  down: "\u001B[B",
  pageDown: "\u001B[6~",
  pageUp: "\u001B[5~",
  escape: "\u001B",
  ctrlC: "\u0003",
} as const;

export interface Rendered {
  /** The last frame, without colour codes. */
  frame(): string;
  /** The last frame as written, colour codes included. */
  rawFrame(): string;
  press(keys: string): Promise<void>;
  /** Writes `chunk` as one read of the terminal: keys typed faster than the program reads them ("jjj", Esc+n). */
  type(chunk: string): Promise<void>;
  waitFor(test: string | RegExp | ((frame: string) => boolean), timeoutMs?: number): Promise<string>;
  rerender(element: ReactElement): void;
  unmount(): void;
}

// eslint-disable-next-line no-control-regex -- matching escape sequences is the point
const ANSI = /\u001B\[[0-9;]*m|\u001B\]8;;[^\u0007]*\u0007/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, "");
}

/** Renders `element` as the TUI would, inside the display context built from the options. */
export function render(element: ReactElement, options: RenderOptions = {}): Rendered {
  const display = createDisplay({
    lang: options.lang ?? "en",
    theme: createTheme({ colors: options.colors ?? false, presenter: options.presenter ?? false }),
    redact: options.redact ?? options.presenter ?? false,
    hyperlinks: options.hyperlinks ?? false,
    columns: options.columns ?? 80,
    rows: options.rows ?? 24,
  });
  const wrap = (node: ReactElement) => <DisplayContext.Provider value={display}>{node}</DisplayContext.Provider>;
  const instance = inkRender(wrap(element));
  const rendered: Rendered = {
    rawFrame: () => instance.lastFrame() ?? "",
    frame: () => stripAnsi(instance.lastFrame() ?? ""),
    async press(keys) {
      // eslint-disable-next-line no-control-regex -- one key press at a time: escape sequences stay whole
      for (const key of keys.match(/\u001B\[[0-9]*~|\u001B\[[A-D]|\u001B|./gsu) ?? []) {
        instance.stdin.write(key);
        await tick();
      }
    },
    async type(chunk) {
      instance.stdin.write(chunk);
      await tick();
    },
    async waitFor(test, timeoutMs = 5000) {
      const matches = (frame: string) =>
        typeof test === "string" ? frame.includes(test) : test instanceof RegExp ? test.test(frame) : test(frame);
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const frame = rendered.frame();
        if (matches(frame)) return frame;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(test)}; the last frame:\n${frame}`);
        await tick(10);
      }
    },
    rerender: (node) => instance.rerender(wrap(node)),
    unmount: () => instance.unmount(),
  };
  return rendered;
}

export function tick(ms = 0): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
