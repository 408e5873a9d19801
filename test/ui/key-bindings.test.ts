import type { Key } from "ink";
import { describe, expect, it } from "vitest";
import { NO_KEY } from "../../src/ui/hooks/key-chunks.js";
import { BINDINGS, IDLE, commandFor, type Command, type KeyContext } from "../../src/ui/key-bindings.js";
import { footerItems, helpSections } from "../../src/ui/key-hints.js";

const key = (over: Partial<Key> = {}): Key => ({ ...NO_KEY, ...over });

const RUNNING: KeyContext = { ...IDLE, running: true };

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
    for (const [input, k, command] of cases)
      expect(commandFor(input, key(k), "main", IDLE), `${input} ${JSON.stringify(k)}`).toBe(command);
  });

  it("switches the language wherever there is something to read: cards, help, details, the mode chooser", () => {
    for (const scope of ["main", "welcome", "overlay", "chooser"] as const)
      expect(commandFor("l", key(), scope, IDLE), scope).toBe("lang");
    expect(commandFor("l", key(), "dialog", IDLE)).toBeUndefined(); // a question takes y and n only
  });

  it("switches Your turn's ways with Tab on the cleanup step in hands-on mode, as on a lab step", () => {
    const handsOn = { ...IDLE, mode: "hands-on" as const };
    expect(commandFor("\t", key({ tab: true }), "main", { ...handsOn, role: "cleanup" })).toBe("way");
    expect(commandFor("\t", key({ tab: true }), "main", { ...handsOn, role: "preflight" })).toBeUndefined();
  });

  it("locks what would start AWS calls while they run (Enter, c, t); looking around still works", () => {
    expect(commandFor("c", key(), "main", RUNNING)).toBeUndefined();
    expect(commandFor("\r", key({ return: true }), "main", RUNNING)).toBeUndefined();
    for (const [input, command] of [
      ["j", "down"],
      ["k", "up"],
      ["n", "next"],
      ["h", "hint"],
      ["l", "lang"],
      ["d", "details"],
    ] as const)
      expect(commandFor(input, key(), "main", RUNNING)).toBe(command);
    expect(commandFor("c", key({ ctrl: true }), "main", RUNNING)).toBe("cancel");
    expect(commandFor("q", key(), "main", RUNNING)).toBe("quit");
    expect(commandFor("?", key(), "main", RUNNING)).toBe("help");
    expect(commandFor("", key({ pageDown: true }), "main", RUNNING)).toBe("scroll-down");
  });

  it("answers dialogs with y only (c and k, the main screen's re-check and up, never answer), no with n or Esc", () => {
    for (const context of [IDLE, RUNNING]) {
      expect(commandFor("y", key(), "dialog", context)).toBe("yes");
      expect(commandFor("Y", key({ shift: true }), "dialog", context)).toBe("yes");
      for (const never of ["c", "C", "k", "K", "\r"])
        expect(commandFor(never, key(never === "\r" ? { return: true } : {}), "dialog", context)).toBeUndefined();
      expect(commandFor("n", key(), "dialog", context)).toBe("no");
      expect(commandFor("", key({ escape: true, meta: true }), "dialog", context)).toBe("no");
    }
  });

  it("reads keys per scope and per moment: no Enter or t while the session opens, no Enter when it failed", () => {
    expect(commandFor("\r", key({ return: true }), "welcome", IDLE)).toBe("start");
    expect(commandFor("t", key(), "welcome", IDLE)).toBe("target");
    expect(commandFor("t", key(), "main", IDLE)).toBeUndefined();
    const connecting: KeyContext = { ...IDLE, phase: "connecting" };
    expect(commandFor("t", key(), "welcome", connecting)).toBeUndefined();
    expect(commandFor("\r", key({ return: true }), "welcome", connecting)).toBeUndefined();
    expect(commandFor("q", key(), "welcome", connecting)).toBe("quit");
    const failed: KeyContext = { ...IDLE, phase: "failed" };
    expect(commandFor("\r", key({ return: true }), "welcome", failed)).toBeUndefined();
    expect(commandFor("t", key(), "welcome", failed)).toBe("target");
    expect(commandFor("", key({ escape: true }), "overlay", IDLE)).toBe("close");
    expect(commandFor("d", key(), "overlay", IDLE)).toBe("details");
  });

  it("builds the footer from the bindings: what works now, with the words of the moment", () => {
    const keys = (scope: Parameters<typeof footerItems>[0], context: KeyContext) =>
      footerItems(scope, context).map((item) => item.keys);
    expect(keys("main", IDLE)).toEqual(["↑↓/jk", "Enter", "c", "n", "h", "d", "y", "m", "l", "?", "q"]);
    // Hands-on on a lab step watched live: Enter does it for me, c checks now, Tab/→ switches Your turn's way.
    const handsOn: KeyContext = { ...IDLE, mode: "hands-on", role: "lab", watching: true };
    const labels = (context: KeyContext) => footerItems("main", context).map((item) => `${item.keys} ${item.label.en}`);
    expect(labels(handsOn).slice(0, 4)).toEqual(["↑↓/jk move", "Enter do it for me", "c check now", "Tab/→ way"]);
    // The bonus investigation is done by hand too; preflight and cleanup are run by Enter.
    expect(labels({ ...handsOn, role: "bonus" })[1]).toBe("Enter do it for me");
    expect(labels({ ...handsOn, role: "cleanup" })[1]).not.toBe("Enter do it for me");
    // Exam: no "do it for me" and nothing to copy (the keys only say why), no ways to switch.
    expect(keys("main", { ...handsOn, mode: "exam" })).toEqual(["↑↓/jk", "c", "n", "h", "d", "m", "l", "?", "q"]);
    // Exam runs the preflight (read-only: it chooses the model the later tasks name) and cleanup, nothing else.
    const exam: KeyContext = { ...IDLE, mode: "exam" };
    expect(labels({ ...exam, role: "preflight" })[1]).toBe("Enter run");
    expect(keys("main", { ...exam, role: "lab" })).not.toContain("Enter");
    expect(labels({ ...exam, role: "cleanup" })[1]).toBe("Enter run");
    // While running, the footer lists exactly the keys that still work.
    expect(keys("main", RUNNING)).toEqual(["Ctrl+C", "PgUp/PgDn", "?", "q"]);
    expect(keys("welcome", IDLE)).toEqual(["Enter", "t", "m", "l", "?", "q"]);
    // While the welcome card asks which mode, ↑↓ choose (m would open the same question again).
    expect(keys("welcome", { ...IDLE, choosing: true })).toEqual(["Enter", "t", "↑↓/jk", "l", "?", "q"]);
    expect(keys("welcome", { ...IDLE, phase: "connecting" })).toEqual(["l", "?", "q"]);
    expect(keys("welcome", { ...IDLE, phase: "failed" })).toEqual(["t", "l", "?", "q"]);
    expect(keys("dialog", IDLE)).toEqual(["y", "n/Esc"]);
    const start = (context: KeyContext) => footerItems("welcome", context).find((item) => item.keys === "Enter")!.label;
    expect(start(IDLE).vi).toBe("bắt đầu");
    expect(start({ ...IDLE, resumed: true }).vi).toBe("tiếp tục");
    const lang = footerItems("main", IDLE).find((item) => item.keys === "l")!;
    expect(lang.label.vi).toContain("English");
    expect(lang.label.en).toContain("Tiếng Việt"); // the language switch is always labelled in both languages
  });

  it("lists every binding in the help sections, each key exactly once", () => {
    const keys = helpSections().flatMap((section) => section.lines.flatMap((line) => line.keys));
    const expected = BINDINGS.flatMap((binding) => binding.keys);
    expect([...keys].sort()).toEqual([...expected].sort());
    const answer = helpSections()
      .flatMap((s) => s.lines)
      .find((line) => line.keys.includes("Esc") && line.keys.includes("n"))!;
    expect(answer.keys).toEqual(["y", "n", "Esc"]);
    expect(answer.long.vi).toContain("y = có");
  });
});
