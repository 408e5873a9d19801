/** Colours for plain output, from semantic names; off without a TTY, with NO_COLOR or --no-color. */
import { styleText } from "node:util";
import type { TextStyle } from "../../report/text.js";

export interface PlainStyle extends TextStyle {
  heading(text: string): string;
  code(text: string): string;
  warn(text: string): string;
  info(text: string): string;
}

type Format = Parameters<typeof styleText>[0];

export function colorEnabled(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv, noColorFlag: boolean): boolean {
  if (noColorFlag || (env.NO_COLOR !== undefined && env.NO_COLOR !== "")) return false;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== "0") return true;
  return stream.isTTY === true && env.TERM !== "dumb";
}

export function createPlainStyle(enabled: boolean): PlainStyle {
  const paint = (format: Format) => (text: string) => (enabled ? styleText(format, text) : text);
  return {
    pass: paint("green"),
    fail: paint("red"),
    error: paint("yellow"),
    warn: paint("yellow"),
    info: paint("cyan"),
    muted: paint("gray"),
    bold: paint("bold"),
    heading: paint(["bold", "cyan"]),
    code: paint("gray"),
  };
}
