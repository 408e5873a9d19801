import type { Key } from "ink";
import { describe, expect, it } from "vitest";
import { BINDINGS, commandFor, footerItems, helpSections, type Command } from "../../src/ui/key-bindings.js";

const key = (over: Partial<Key> = {}): Key =>
  ({
    upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
    return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
    super: false, hyper: false, capsLock: false, numLock: false, ...over,
  }) as Key;

describe("key bindings", () => {
  it("maps the issue's keys on the main screen", () => {
    const cases: [string, Partial<Key>, Command][] = [
      ["", { upArrow: true }, "up"],
      ["k", {}, "up"],
      ["", { downArrow: true }, "down"],
      ["j", {}, "down"],
      ["\r", { return: true }, "run"],
      ["c", {}, "recheck"],
      ["n", {}, "next"],
      ["h", {}, "hint"],
      ["l", {}, "lang"],
      ["d", {}, "details"],
      ["?", {}, "help"],
      ["q", {}, "quit"],
      ["c", { ctrl: true }, "cancel"],
      ["", { pageDown: true }, "scroll-down"],
      ["", { pageUp: true }, "scroll-up"],
    ];
    for (const [input, k, command] of cases) expect(commandFor(input, key(k), "main", false), `${input} ${JSON.stringify(k)}`).toBe(command);
  });

  it("locks everything but cancel, quit, help and scrolling while AWS calls run", () => {
    for (const input of ["j", "k", "c", "n", "h", "l", "d"]) expect(commandFor(input, key(), "main", true)).toBeUndefined();
    expect(commandFor("\r", key({ return: true }), "main", true)).toBeUndefined();
    expect(commandFor("c", key({ ctrl: true }), "main", true)).toBe("cancel");
    expect(commandFor("q", key(), "main", true)).toBe("quit");
    expect(commandFor("", key({ pageDown: true }), "main", true)).toBe("scroll-down");
  });

  it("answers dialogs in both languages and reads keys per scope", () => {
    for (const yes of ["y", "c"]) expect(commandFor(yes, key(), "dialog", true)).toBe("yes");
    for (const no of ["n", "k"]) expect(commandFor(no, key(), "dialog", true)).toBe("no");
    expect(commandFor("", key({ escape: true }), "dialog", false)).toBe("no");
    expect(commandFor("\r", key({ return: true }), "welcome", false)).toBe("start");
    expect(commandFor("t", key(), "welcome", false)).toBe("target");
    expect(commandFor("t", key(), "main", false)).toBeUndefined();
    expect(commandFor("", key({ escape: true }), "overlay", false)).toBe("close");
    expect(commandFor("d", key(), "overlay", false)).toBe("details");
  });

  it("builds the footer from the bindings (locked keys disappear while running)", () => {
    const idle = footerItems("main", false).map((item) => item.keys);
    expect(idle).toEqual(["↑↓/jk", "Enter", "c", "n", "h", "d", "l", "?", "q"]);
    expect(footerItems("main", true).map((item) => item.keys)).toEqual(["?", "q"]);
    expect(footerItems("welcome", false).map((item) => item.keys)).toEqual(["Enter", "t", "l", "?", "q"]);
    const lang = footerItems("main", false).find((item) => item.keys === "l")!;
    expect(lang.label.vi).toContain("English");
    expect(lang.label.en).toContain("Tiếng Việt"); // the language switch is always labelled in both languages
  });

  it("lists every binding in the help sections, each key exactly once", () => {
    const keys = helpSections().flatMap((section) => section.lines.flatMap((line) => line.keys));
    const expected = BINDINGS.flatMap((binding) => binding.keys);
    expect([...keys].sort()).toEqual([...expected].sort());
  });
});
