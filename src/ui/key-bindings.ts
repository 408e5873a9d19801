/**
 * Every shortcut of the TUI, in one table. The input hook asks `commandFor` what a key press means; the footer
 * and the `?` help overlay are generated from the same table (key-hints.ts), so the keys shown can never drift
 * from the keys that work.
 */
import type { Key } from "ink";
import { isByHandStep, isWatchedStep } from "../engine/contract.js";
import { S } from "./strings.js";
import type { Command, KeyBinding, KeyContext, ScreenScope } from "./key-types.js";

export { IDLE } from "./key-types.js";
export type { Command, KeyBinding, KeyContext, Scope, ScreenScope } from "./key-types.js";

/** The learner does the lab (or bonus) step on the page (hands-on or exam): Enter is not "run". */
const byHand = (context: KeyContext) =>
  (context.mode === "hands-on" || context.mode === "exam") && isByHandStep({ role: context.role ?? "lab" });

/** Your turn is on the page in hands-on mode (a by-hand step, or cleanup): Tab switches its ways. */
const ways = (context: KeyContext) => context.mode === "hands-on" && isWatchedStep({ role: context.role ?? "lab" });

const plain =
  (...chars: string[]) =>
  (input: string, key: Key) =>
    !key.ctrl && !key.meta && chars.includes(input);

export const BINDINGS: readonly KeyBinding[] = [
  {
    command: "cancel",
    keys: ["Ctrl+C"],
    short: S.keyCancel,
    long: S.keyCancelLong,
    scopes: ["always"],
    footer: "running",
    whileRunning: true,
    match: (input, key) => key.ctrl && input === "c",
  },
  {
    command: "start",
    keys: ["Enter"],
    short: (context) => (context.resumed ? S.keyContinue : S.keyStart),
    long: S.keyStartLong,
    scopes: ["welcome"],
    footer: "idle",
    whileRunning: false,
    available: (context) => context.phase === "ready",
    match: (_input, key) => key.return,
  },
  {
    command: "target",
    keys: ["t"],
    short: S.keyTarget,
    long: S.keyTargetLong,
    scopes: ["welcome"],
    footer: "idle",
    whileRunning: false,
    // A second connect while one is opening would race it (and leak whichever lost).
    available: (context) => context.phase !== "connecting",
    match: plain("t"),
  },
  {
    // In the mode chooser (`m`) Enter picks the highlighted mode.
    command: "choose",
    keys: ["Enter"],
    short: S.keyChoose,
    long: S.keyChooseLong,
    scopes: ["chooser"],
    footer: "always",
    whileRunning: true,
    match: (_input, key) => key.return,
  },
  {
    command: "up",
    keys: ["↑", "k"],
    short: (context) => (context.choosing ? S.keyChoose : S.keyMove),
    long: S.keyMoveLong,
    scopes: ["main", "chooser", "welcome"],
    footer: "idle",
    whileRunning: true,
    // On the welcome card only while it asks which mode.
    available: (context, scope) => scope !== "welcome" || context.choosing === true,
    match: (input, key) => key.upArrow || plain("k")(input, key),
  },
  {
    command: "down",
    keys: ["↓", "j"],
    short: S.keyMove,
    long: S.keyMoveLong,
    scopes: ["main", "chooser", "welcome"],
    footer: "never",
    whileRunning: true,
    available: (context, scope) => scope !== "welcome" || context.choosing === true,
    match: (input, key) => key.downArrow || plain("j")(input, key),
  },
  {
    command: "run",
    keys: ["Enter"],
    // Hands-on: "do it for me" (asked first); exam: Enter only says why genai-lab does not on a step done by hand
    // (controller.doStep), so the footer does not offer it there; the preflight and cleanup run.
    short: (context) => (byHand(context) ? S.keyDoIt : S.keyRun),
    long: S.keyRunLong,
    scopes: ["main"],
    footer: "idle",
    whileRunning: false,
    quiet: (context) => context.mode === "exam" && byHand(context),
    match: (_input, key) => key.return,
  },
  {
    command: "recheck",
    keys: ["c"],
    short: (context) => (context.watching ? S.keyPoke : S.keyRecheck),
    long: S.keyRecheckLong,
    scopes: ["main"],
    footer: "idle",
    whileRunning: false,
    match: plain("c"),
  },
  {
    command: "way",
    keys: ["Tab", "→"],
    short: S.keyWay,
    long: S.keyWayLong,
    scopes: ["main"],
    footer: "idle",
    whileRunning: true,
    available: ways,
    match: (_input, key) => key.tab || key.rightArrow,
  },
  {
    command: "way-back",
    keys: ["←"],
    short: S.keyWay,
    long: S.keyWayLong,
    scopes: ["main"],
    footer: "never",
    whileRunning: true,
    available: ways,
    match: (_input, key) => key.leftArrow,
  },
  {
    command: "next",
    keys: ["n"],
    short: S.keyNext,
    long: S.keyNextLong,
    scopes: ["main"],
    footer: "idle",
    whileRunning: true,
    match: plain("n"),
  },
  {
    command: "hint",
    keys: ["h"],
    short: S.keyHint,
    long: S.keyHintLong,
    scopes: ["main"],
    footer: "idle",
    whileRunning: true,
    match: plain("h"),
  },
  {
    command: "details",
    keys: ["d"],
    short: S.keyDetails,
    long: S.keyDetailsLong,
    scopes: ["main", "overlay"],
    footer: "idle",
    whileRunning: true,
    match: plain("d"),
  },
  {
    command: "copy",
    keys: ["y"],
    short: S.keyCopy,
    long: S.keyCopyLong,
    scopes: ["main"],
    footer: "idle",
    whileRunning: true,
    // Exam mode has nothing to copy on a lab step (the commands are the answer): `y` only says so.
    quiet: (context) => context.mode === "exam" && byHand(context),
    match: plain("y"),
  },
  {
    // The printout `y` falls back to, on its own key: a terminal may take the OSC 52 copy without telling.
    command: "print",
    keys: ["Y"],
    short: S.keyPrint,
    long: S.keyPrintLong,
    scopes: ["main"],
    footer: "never",
    whileRunning: true,
    match: plain("Y"),
  },
  {
    command: "mode",
    keys: ["m"],
    short: S.keyMode,
    long: S.keyModeLong,
    scopes: ["main", "welcome"],
    footer: "idle",
    whileRunning: false,
    // Once a session is open (the mode is saved with its progress); on the welcome card once it stopped asking.
    available: (context, scope) => context.phase === "ready" && (scope !== "welcome" || !context.choosing),
    match: plain("m"),
  },
  {
    command: "scroll-up",
    keys: ["PgUp"],
    short: S.keyScroll,
    long: S.keyScrollLong,
    scopes: ["main", "overlay"],
    footer: "running",
    whileRunning: true,
    match: (_input, key) => key.pageUp,
  },
  {
    command: "scroll-down",
    keys: ["PgDn", "Space"],
    short: S.keyScroll,
    long: S.keyScrollLong,
    scopes: ["main", "overlay"],
    footer: "never",
    whileRunning: true,
    match: (input, key) => key.pageDown || plain(" ")(input, key),
  },
  {
    command: "lang",
    keys: ["l"],
    short: S.languageSwitch,
    long: S.keyLangLong,
    // Wherever there is something to read: the lab complete card, help, details and the mode chooser too (a
    // dialog's keys stay y and n only).
    scopes: ["main", "welcome", "overlay", "chooser"],
    footer: "idle",
    whileRunning: true,
    match: plain("l"),
  },
  {
    // Only `y` says yes, in both languages: `c` (có) is "re-check" on the main screen, and a dialog that pops up
    // mid-run must not take a key meant for the screen below as consent to delete something.
    command: "yes",
    keys: ["y"],
    short: S.keyYes,
    long: S.keyAnswerLong,
    scopes: ["dialog"],
    footer: "always",
    whileRunning: true,
    match: plain("y", "Y"),
  },
  {
    command: "no",
    keys: ["n", "Esc"],
    short: S.keyNo,
    long: S.keyAnswerLong,
    scopes: ["dialog"],
    footer: "always",
    whileRunning: true,
    match: (input, key) => key.escape || plain("n", "N")(input, key),
  },
  {
    command: "close",
    keys: ["Esc"],
    short: S.keyClose,
    long: S.keyCloseLong,
    scopes: ["overlay", "chooser"],
    footer: "always",
    whileRunning: true,
    match: (input, key) => key.escape || plain("q")(input, key),
  },
  {
    command: "help",
    keys: ["?"],
    short: S.keyHelp,
    long: S.keyHelpLong,
    scopes: ["main", "welcome", "overlay"],
    footer: "always",
    whileRunning: true,
    match: plain("?"),
  },
  {
    command: "quit",
    keys: ["q"],
    short: S.keyQuit,
    long: S.keyQuitLong,
    scopes: ["main", "welcome"],
    footer: "always",
    whileRunning: true,
    match: plain("q"),
  },
];

/** The keys of a command, as shown to the learner. */
export const keysOf = (command: Command): readonly string[] => BINDINGS.find((b) => b.command === command)?.keys ?? [];

export const applies = (binding: KeyBinding, scope: ScreenScope) =>
  binding.scopes.includes("always") || binding.scopes.includes(scope);

export const usable = (binding: KeyBinding, context: KeyContext, scope: ScreenScope) =>
  (!context.running || binding.whileRunning) && (binding.available?.(context, scope) ?? true);

/** The binding a key press would have used but for the run going on (it is locked until the run ends). */
export function lockedBy(input: string, key: Key, scope: ScreenScope, context: KeyContext): KeyBinding | undefined {
  if (!context.running) return undefined;
  const binding = BINDINGS.find((b) => applies(b, scope) && b.match(input, key));
  return binding && !binding.whileRunning && usable(binding, { ...context, running: false }, scope)
    ? binding
    : undefined;
}

/** What a key press means in a scope; undefined when nothing (or when it is locked or unavailable right now). */
export function commandFor(input: string, key: Key, scope: ScreenScope, context: KeyContext): Command | undefined {
  for (const binding of BINDINGS) {
    if (!applies(binding, scope) || !binding.match(input, key)) continue;
    // An unavailable binding gives way to the next one for the same key (↑ on the welcome card, m…).
    if (!usable(binding, context, scope)) {
      if (context.running && !binding.whileRunning) return undefined;
      continue;
    }
    return binding.command;
  }
  return undefined;
}
