/**
 * The vocabulary of the key table (key-bindings.ts): the commands, where a binding applies, what a key may mean at
 * a given moment, and a binding's shape.
 */
import type { Key } from "ink";
import type { Mode, StepRole } from "../engine/contract.js";
import type { Text } from "../engine/text.js";

export type Command =
  | "up"
  | "down"
  | "run"
  | "recheck"
  | "next"
  | "hint"
  | "lang"
  | "details"
  | "copy"
  | "scroll-up"
  | "scroll-down"
  | "help"
  | "quit"
  | "cancel"
  | "start"
  | "target"
  | "close"
  | "yes"
  | "no"
  | "mode"
  | "choose"
  | "way"
  | "way-back"
  | "print";

/**
 * Where a binding applies: a screen, an open dialog (confirmation), overlay (help, details), the mode chooser
 * (`m`), or anywhere.
 */
export type Scope = "welcome" | "main" | "dialog" | "overlay" | "chooser" | "always";
export type ScreenScope = Exclude<Scope, "always">;

/** What a key may mean right now, besides the scope on screen. */
export interface KeyContext {
  /** AWS calls are running: everything but `whileRunning` bindings is locked. */
  running: boolean;
  /** The session: still opening, open, or it could not open. */
  phase: "connecting" | "ready" | "failed";
  /** The learner has progress already (the welcome card says "continue", not "start"). */
  resumed: boolean;
  /** How the lab is taken (undefined: not chosen yet). */
  mode?: Mode;
  /** The welcome card asks which mode (none chosen yet): ↑↓ move between the choices. */
  choosing?: boolean;
  /** The role of the step selected on the lab screen. */
  role?: StepRole;
  /** The open step is checked live: `c` looks again now. */
  watching?: boolean;
}

export const IDLE: KeyContext = { running: false, phase: "ready", resumed: false };

export interface KeyBinding {
  command: Command;
  /** The keys as shown to the learner. */
  keys: readonly string[];
  /** The footer's word for it; may depend on the moment (Enter "start" or "continue"). */
  short: Text | ((context: KeyContext) => Text);
  long: Text;
  scopes: readonly Scope[];
  /** When the footer shows it: when idle, while AWS calls run, always, or never (the help overlay lists all). */
  footer: "idle" | "running" | "always" | "never";
  /**
   * Still works while AWS calls run: looking around (moving between steps, hints, details, the language) does;
   * whatever would start AWS calls of its own (Enter, c, t) is locked, and says so when pressed.
   */
  whileRunning: boolean;
  /** Whether it does anything at this moment (e.g. Enter cannot start a lab whose session did not open). */
  available?: (context: KeyContext, scope: ScreenScope) => boolean;
  /** Left out of the footer at this moment even though it works (Enter in exam mode only says why not). */
  quiet?: (context: KeyContext) => boolean;
  match(input: string, key: Key): boolean;
}
