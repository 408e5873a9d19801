/**
 * Every shortcut of the TUI, in one table. The input hook asks `commandFor` what a key press means; the footer
 * and the `?` help overlay are generated from the same table, so the keys shown can never drift from the keys
 * that work.
 */
import type { Key } from "ink";
import type { Text } from "../engine/text.js";
import { S } from "./strings.js";

export type Command =
  | "up"
  | "down"
  | "run"
  | "recheck"
  | "next"
  | "hint"
  | "lang"
  | "details"
  | "scroll-up"
  | "scroll-down"
  | "help"
  | "quit"
  | "cancel"
  | "start"
  | "target"
  | "close"
  | "yes"
  | "no";

/** Where a binding applies: a screen, an open dialog (confirmation) or overlay (help, details), or anywhere. */
export type Scope = "welcome" | "main" | "dialog" | "overlay" | "always";

export interface KeyBinding {
  command: Command;
  /** The keys as shown to the learner. */
  keys: readonly string[];
  short: Text;
  long: Text;
  scopes: readonly Scope[];
  /** Shown in the footer (the help overlay shows every binding). */
  footer: boolean;
  /** Still works while AWS calls run (everything else is locked then). */
  whileRunning: boolean;
  match(input: string, key: Key): boolean;
}

const plain = (...chars: string[]) => (input: string, key: Key) => !key.ctrl && !key.meta && chars.includes(input);

export const BINDINGS: readonly KeyBinding[] = [
  {
    command: "cancel",
    keys: ["Ctrl+C"],
    short: S.keyCancel,
    long: S.keyCancelLong,
    scopes: ["always"],
    footer: false,
    whileRunning: true,
    match: (input, key) => key.ctrl && input === "c",
  },
  {
    command: "start",
    keys: ["Enter"],
    short: S.keyStart,
    long: S.keyStartLong,
    scopes: ["welcome"],
    footer: true,
    whileRunning: false,
    match: (_input, key) => key.return,
  },
  {
    command: "target",
    keys: ["t"],
    short: S.keyTarget,
    long: S.keyTargetLong,
    scopes: ["welcome"],
    footer: true,
    whileRunning: false,
    match: plain("t"),
  },
  {
    command: "up",
    keys: ["↑", "k"],
    short: S.keyMove,
    long: S.keyMoveLong,
    scopes: ["main"],
    footer: true,
    whileRunning: false,
    match: (input, key) => key.upArrow || plain("k")(input, key),
  },
  {
    command: "down",
    keys: ["↓", "j"],
    short: S.keyMove,
    long: S.keyMoveLong,
    scopes: ["main"],
    footer: false,
    whileRunning: false,
    match: (input, key) => key.downArrow || plain("j")(input, key),
  },
  {
    command: "run",
    keys: ["Enter"],
    short: S.keyRun,
    long: S.keyRunLong,
    scopes: ["main"],
    footer: true,
    whileRunning: false,
    match: (_input, key) => key.return,
  },
  {
    command: "recheck",
    keys: ["c"],
    short: S.keyRecheck,
    long: S.keyRecheckLong,
    scopes: ["main"],
    footer: true,
    whileRunning: false,
    match: plain("c"),
  },
  {
    command: "next",
    keys: ["n"],
    short: S.keyNext,
    long: S.keyNextLong,
    scopes: ["main"],
    footer: true,
    whileRunning: false,
    match: plain("n"),
  },
  {
    command: "hint",
    keys: ["h"],
    short: S.keyHint,
    long: S.keyHintLong,
    scopes: ["main"],
    footer: true,
    whileRunning: false,
    match: plain("h"),
  },
  {
    command: "details",
    keys: ["d"],
    short: S.keyDetails,
    long: S.keyDetailsLong,
    scopes: ["main", "overlay"],
    footer: true,
    whileRunning: false,
    match: plain("d"),
  },
  {
    command: "scroll-up",
    keys: ["PgUp"],
    short: S.keyScroll,
    long: S.keyScrollLong,
    scopes: ["main"],
    footer: false,
    whileRunning: true,
    match: (_input, key) => key.pageUp,
  },
  {
    command: "scroll-down",
    keys: ["PgDn", "Space"],
    short: S.keyScroll,
    long: S.keyScrollLong,
    scopes: ["main"],
    footer: false,
    whileRunning: true,
    match: (input, key) => key.pageDown || plain(" ")(input, key),
  },
  {
    command: "lang",
    keys: ["l"],
    short: S.languageSwitch,
    long: S.keyLangLong,
    scopes: ["main", "welcome"],
    footer: true,
    whileRunning: false,
    match: plain("l"),
  },
  {
    command: "yes",
    keys: ["y", "c"],
    short: S.keyYes,
    long: S.keyAnswerLong,
    scopes: ["dialog"],
    footer: true,
    whileRunning: true,
    match: plain("y", "Y", "c", "C"),
  },
  {
    command: "no",
    keys: ["n", "k", "Esc"],
    short: S.keyNo,
    long: S.keyAnswerLong,
    scopes: ["dialog"],
    footer: true,
    whileRunning: true,
    match: (input, key) => key.escape || plain("n", "N", "k", "K")(input, key),
  },
  {
    command: "close",
    keys: ["Esc"],
    short: S.keyClose,
    long: S.keyCloseLong,
    scopes: ["overlay"],
    footer: true,
    whileRunning: true,
    match: (input, key) => key.escape || plain("q")(input, key),
  },
  {
    command: "help",
    keys: ["?"],
    short: S.keyHelp,
    long: S.keyHelpLong,
    scopes: ["main", "welcome", "overlay"],
    footer: true,
    whileRunning: true,
    match: plain("?"),
  },
  {
    command: "quit",
    keys: ["q"],
    short: S.keyQuit,
    long: S.keyQuitLong,
    scopes: ["main", "welcome"],
    footer: true,
    whileRunning: true,
    match: plain("q"),
  },
];

/** What a key press means in a scope; undefined when nothing (or when it is locked while AWS calls run). */
export function commandFor(input: string, key: Key, scope: Exclude<Scope, "always">, running: boolean): Command | undefined {
  for (const binding of BINDINGS) {
    const applies = binding.scopes.includes("always") || binding.scopes.includes(scope);
    if (!applies || !binding.match(input, key)) continue;
    return running && !binding.whileRunning ? undefined : binding.command;
  }
  return undefined;
}

export interface FooterItem {
  keys: string;
  label: Text;
}

/** The footer's key hints for a scope: bindings that share a label are merged ("↑↓/jk move"). */
export function footerItems(scope: Exclude<Scope, "always">, running: boolean): FooterItem[] {
  const items: FooterItem[] = [];
  const moveKeys = (command: Command) => BINDINGS.find((b) => b.command === command)?.keys ?? [];
  for (const binding of BINDINGS) {
    if (!binding.footer || !binding.scopes.includes(scope)) continue;
    if (running && !binding.whileRunning) continue;
    const keys = binding.command === "up" ? pairKeys(moveKeys("up"), moveKeys("down")) : binding.keys.join("/");
    items.push({ keys, label: binding.short });
  }
  return items;
}

/** "↑↓/jk": each pair of keys together, letters in alphabetical order. */
function pairKeys(up: readonly string[], down: readonly string[]): string {
  return up.map((key, i) => [key, down[i] ?? ""].sort((a, b) => (/\w/.test(a) && /\w/.test(b) ? a.localeCompare(b) : 0)).join("")).join("/");
}

export interface HelpLine {
  keys: string[];
  long: Text;
}

/**
 * Every binding grouped by where it first applies, for the help overlay; bindings with the same description
 * (↑ and ↓, PgUp and PgDn, yes and no) share a line. Dialogs, panels and Ctrl+C share one section.
 */
export function helpSections(): { scope: Scope; lines: HelpLine[] }[] {
  const order: Scope[] = ["main", "welcome", "dialog"];
  const sectionOf = (binding: KeyBinding): Scope => {
    const first = binding.scopes[0] ?? "always";
    return first === "overlay" || first === "always" ? "dialog" : first;
  };
  return order
    .map((scope) => {
      const lines: HelpLine[] = [];
      for (const binding of BINDINGS.filter((b) => sectionOf(b) === scope)) {
        const same = lines.find((line) => line.long === binding.long);
        if (same) same.keys.push(...binding.keys);
        else lines.push({ keys: [...binding.keys], long: binding.long });
      }
      return { scope, lines };
    })
    .filter((section) => section.lines.length > 0);
}
