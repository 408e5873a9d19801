/**
 * What every view needs to show text: the language, the theme, redaction (presenter / --redact), whether
 * links are clickable, and the terminal's size. One context, read with useDisplay().
 */
import { createContext, useContext } from "react";
import { redactText } from "../../engine/redact.js";
import { tr, type Lang, type Text } from "../../engine/text.js";
import { createTheme, type Theme } from "../theme/theme.js";

export interface Display {
  lang: Lang;
  theme: Theme;
  redact: boolean;
  hyperlinks: boolean;
  columns: number;
  rows: number;
  /** A bilingual text in the current language, redacted when presenting. */
  t(text: Text): string;
  /** A raw value (ARN, command line, cell), redacted when presenting. */
  s(value: string): string;
}

export function createDisplay(options: Omit<Display, "t" | "s">): Display {
  const s = options.redact ? redactText : (value: string) => value;
  return { ...options, s, t: (text) => s(tr(text, options.lang)) };
}

export const DisplayContext = createContext<Display>(
  createDisplay({
    lang: "en",
    theme: createTheme({ colors: true, presenter: false }),
    redact: false,
    hyperlinks: false,
    columns: 80,
    rows: 24,
  }),
);

export function useDisplay(): Display {
  return useContext(DisplayContext);
}
