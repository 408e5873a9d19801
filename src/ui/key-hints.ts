/**
 * The footer's key hints and the `?` overlay's list, both generated from key-bindings.ts's one table: what is
 * shown is what works, at this moment and in this scope.
 */
import type { Text } from "../engine/text.js";
import {
  applies,
  BINDINGS,
  keysOf,
  usable,
  type KeyBinding,
  type KeyContext,
  type Scope,
  type ScreenScope,
} from "./key-bindings.js";

export interface FooterItem {
  keys: string;
  label: Text;
}

const shownInFooter = (binding: KeyBinding, running: boolean) =>
  binding.footer === "always" || binding.footer === (running ? "running" : "idle");

/** The footer's key hints for a scope: bindings that share a label are merged ("↑↓/jk move", "PgUp/PgDn scroll"). */
export function footerItems(scope: ScreenScope, context: KeyContext): FooterItem[] {
  const items: FooterItem[] = [];
  for (const binding of BINDINGS) {
    if (!applies(binding, scope) || !shownInFooter(binding, context.running) || !usable(binding, context, scope))
      continue;
    if (binding.quiet?.(context)) continue;
    const keys =
      binding.command === "up"
        ? pairKeys(keysOf("up"), keysOf("down"))
        : binding.command === "scroll-up"
          ? [...keysOf("scroll-up"), keysOf("scroll-down")[0] ?? ""].join("/")
          : binding.keys.join("/");
    items.push({ keys, label: typeof binding.short === "function" ? binding.short(context) : binding.short });
  }
  return items;
}

/** "↑↓/jk": each pair of keys together, letters in alphabetical order. */
function pairKeys(up: readonly string[], down: readonly string[]): string {
  return up
    .map((key, i) =>
      [key, down[i] ?? ""].sort((a, b) => (/\w/.test(a) && /\w/.test(b) ? a.localeCompare(b) : 0)).join(""),
    )
    .join("/");
}

export interface HelpLine {
  keys: string[];
  long: Text;
}

/**
 * Every binding grouped by where it first applies, for the help overlay; bindings with the same description
 * (↑ and ↓, PgUp and PgDn) share a line. Dialogs, panels and Ctrl+C share one section.
 */
export function helpSections(): { scope: Scope; lines: HelpLine[] }[] {
  const order: Scope[] = ["main", "welcome", "dialog"];
  const sectionOf = (binding: KeyBinding): Scope => {
    const first = binding.scopes[0] ?? "always";
    return first === "overlay" || first === "always" || first === "chooser" ? "dialog" : first;
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
