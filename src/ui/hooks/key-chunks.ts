/**
 * One input event from Ink can hold several key presses: keys typed faster than the terminal is read arrive as
 * one chunk ("jjj"), and an Esc followed quickly by a key arrives as Alt+key ("\u001Bn"). The TUI binds no Alt
 * keys, so both are split back into the presses the learner made, in order.
 */
import type { Key } from "ink";

export interface Press {
  input: string;
  key: Key;
}

/** A key event with no key flag set (a plain character). */
export const NO_KEY: Readonly<Key> = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

const SPECIAL: (keyof Key)[] = [
  "upArrow",
  "downArrow",
  "leftArrow",
  "rightArrow",
  "pageDown",
  "pageUp",
  "home",
  "end",
  "return",
  "tab",
  "backspace",
  "delete",
];

/** A single character as Ink would have reported it had it come alone. */
function pressOf(char: string): Press {
  switch (char) {
    case "\r":
    case "\n":
      return { input: "", key: { ...NO_KEY, return: true } };
    case "\t":
      return { input: "", key: { ...NO_KEY, tab: true } };
    case "\u007F":
    case "\b":
      return { input: "", key: { ...NO_KEY, backspace: true } };
    case "\u001B":
      return { input: "", key: { ...NO_KEY, escape: true, meta: true } };
    default: {
      const code = char.codePointAt(0) ?? 0;
      // Ctrl+letter: 0x01–0x1A (Ctrl+C is 0x03).
      if (code >= 1 && code <= 26) return { input: String.fromCodePoint(code + 96), key: { ...NO_KEY, ctrl: true } };
      return { input: char, key: { ...NO_KEY, shift: /[A-Z]/.test(char) } };
    }
  }
}

export function splitPresses(input: string, key: Key): Press[] {
  if (key.ctrl || key.super || key.hyper || SPECIAL.some((name) => key[name])) return [{ input, key }];
  const chars = [...input];
  if (key.meta && !key.escape && chars.length > 0) {
    // Alt+key is Esc then the key (we bind no Alt keys): in a dialog, that Esc means "no".
    return [pressOf("\u001B"), ...chars.map(pressOf)];
  }
  if (key.meta || chars.length <= 1) return [{ input, key }];
  return chars.map(pressOf);
}
