/**
 * Colours and emphasis by meaning, never by hue at the call site. Three palettes: normal, presenter (bold and
 * bright for projectors: nothing dim or grey) and no-colour (NO_COLOR / --no-color: emphasis only; glyphs carry
 * the meaning).
 */
export type Token =
  | "status.pending"
  | "status.running"
  | "status.passed"
  | "status.failed"
  | "status.attention"
  | "text.normal"
  | "text.muted"
  | "text.heading"
  | "text.accent"
  | "text.code"
  | "text.link"
  | "text.selected"
  | "border.normal"
  | "border.focus"
  | "tone.info"
  | "tone.success"
  | "tone.warning"
  | "tone.error"
  | "badge.simulated"
  | "chart.1"
  | "chart.2"
  | "chart.3"
  | "chart.4"
  | "code.keyword"
  | "code.string"
  | "code.number"
  | "code.comment"
  | "code.punct";

export interface Style {
  color?: string;
  backgroundColor?: string;
  bold?: boolean;
  dimColor?: boolean;
  italic?: boolean;
  underline?: boolean;
  inverse?: boolean;
}

export type Theme = Readonly<Record<Token, Style>> & { readonly colors: boolean; readonly presenter: boolean };

const NORMAL: Record<Token, Style> = {
  "status.pending": { color: "gray" },
  "status.running": { color: "cyan", bold: true },
  "status.passed": { color: "green" },
  "status.failed": { color: "red", bold: true },
  "status.attention": { color: "yellow", bold: true },
  "text.normal": {},
  "text.muted": { color: "gray" },
  "text.heading": { color: "cyan", bold: true },
  "text.accent": { color: "magenta", bold: true },
  "text.code": { color: "yellow" },
  "text.link": { color: "blue", underline: true },
  "text.selected": { inverse: true },
  "border.normal": { color: "gray" },
  "border.focus": { color: "cyan" },
  "tone.info": { color: "cyan" },
  "tone.success": { color: "green" },
  "tone.warning": { color: "yellow" },
  "tone.error": { color: "red" },
  "badge.simulated": { color: "black", backgroundColor: "yellow" },
  "chart.1": { color: "cyan" },
  "chart.2": { color: "magenta" },
  "chart.3": { color: "yellow" },
  "chart.4": { color: "green" },
  "code.keyword": { color: "magenta" },
  "code.string": { color: "green" },
  "code.number": { color: "yellow" },
  "code.comment": { color: "gray", italic: true },
  "code.punct": { color: "gray" },
};

/** High contrast: bright hues, bold where it carries meaning, nothing grey or dim. */
const PRESENTER: Record<Token, Style> = {
  ...NORMAL,
  "status.pending": { color: "whiteBright" },
  "status.running": { color: "cyanBright", bold: true },
  "status.passed": { color: "greenBright", bold: true },
  "status.failed": { color: "redBright", bold: true },
  "status.attention": { color: "yellowBright", bold: true },
  "text.normal": { color: "whiteBright" },
  "text.muted": { color: "white" },
  "text.heading": { color: "cyanBright", bold: true },
  "text.accent": { color: "magentaBright", bold: true },
  "text.code": { color: "yellowBright", bold: true },
  "text.link": { color: "cyanBright", underline: true },
  "border.normal": { color: "white" },
  "border.focus": { color: "cyanBright" },
  "tone.info": { color: "cyanBright", bold: true },
  "tone.success": { color: "greenBright", bold: true },
  "tone.warning": { color: "yellowBright", bold: true },
  "tone.error": { color: "redBright", bold: true },
  "code.comment": { color: "white", italic: true },
  "code.punct": { color: "white" },
};

function withoutColour(style: Style): Style {
  const rest: Style = { ...style };
  delete rest.color;
  delete rest.backgroundColor;
  return rest;
}

export function createTheme(options: { colors: boolean; presenter: boolean }): Theme {
  const base = options.presenter ? PRESENTER : NORMAL;
  const palette = options.colors
    ? base
    : (Object.fromEntries(Object.entries(base).map(([k, v]) => [k, withoutColour(v)])) as Record<Token, Style>);
  // Without colour, the simulated badge and the selection still need to stand out: inverse video is not a colour.
  const extra: Partial<Record<Token, Style>> = options.colors ? {} : { "badge.simulated": { inverse: true } };
  return { ...palette, ...extra, colors: options.colors, presenter: options.presenter };
}
