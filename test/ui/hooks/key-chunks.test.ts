import type { Key } from "ink";
import { describe, expect, it } from "vitest";
import { NO_KEY, splitPresses } from "../../../src/ui/hooks/key-chunks.js";

const key = (over: Partial<Key> = {}): Key => ({ ...NO_KEY, ...over });

const names = (input: string, k: Partial<Key> = {}) =>
  splitPresses(input, key(k)).map(({ input: i, key: p }) =>
    p.return ? "Enter" : p.escape ? "Esc" : p.ctrl ? `Ctrl+${i}` : i,
  );

describe("splitPresses", () => {
  it("splits a chunk of keys typed fast into one press each, Enter and Ctrl+C included", () => {
    expect(names("jjj")).toEqual(["j", "j", "j"]);
    expect(names("kk")).toEqual(["k", "k"]);
    expect(names("n\r")).toEqual(["n", "Enter"]);
    expect(names("jj\u0003")).toEqual(["j", "j", "Ctrl+c"]);
  });

  it("reads Alt+key (Esc then a key, too fast) as Esc followed by the key", () => {
    expect(names("n", { meta: true })).toEqual(["Esc", "n"]);
    expect(names("y", { meta: true })).toEqual(["Esc", "y"]);
  });

  it("leaves single keys, lone Esc, arrows and Ctrl keys as they came", () => {
    expect(names("j")).toEqual(["j"]);
    expect(names("", { escape: true, meta: true })).toEqual(["Esc"]);
    expect(splitPresses("", key({ upArrow: true, meta: true }))).toHaveLength(1);
    expect(names("c", { ctrl: true })).toEqual(["Ctrl+c"]);
    expect(names("Đ")).toEqual(["Đ"]);
  });
});
