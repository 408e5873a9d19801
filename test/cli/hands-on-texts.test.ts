/** The words of env, commands, hint and a hands-on run: both languages, translated, and --help explains them. */
import { describe, expect, it } from "vitest";
import { C } from "../../src/cli/commands/commands.js";
import { E } from "../../src/cli/commands/env.js";
import { H } from "../../src/cli/commands/hint.js";
import { HO } from "../../src/cli/commands/run-hands-on.js";
import { RUN } from "../../src/cli/commands/run.js";
import { MODE_NAMES } from "../../src/report/strings.js";
import { runCli } from "../helpers/cli.js";

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

describe("hands-on words", () => {
  it("are translated, with full diacritics, and keep the same placeholders", () => {
    const tables = { C, E, H, HO, RUN, MODE_NAMES };
    for (const [table, texts] of Object.entries(tables)) {
      for (const [key, text] of Object.entries(texts as Record<string, { vi: string; en: string }>)) {
        const where = `${table}.${key}`;
        expect(text.vi, where).not.toBe(text.en);
        // A sentence without a single diacritic is a missing translation (a short name like "thi (exam)" may have none).
        if (text.vi.split(" ").length > 3) expect(text.vi, where).toMatch(VIETNAMESE);
        const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect(names(text.vi), where).toEqual(names(text.en));
      }
    }
  });

  it("--help explains the modes, env, commands and hint, in both languages", async () => {
    const en = (await runCli(["--help"])).stdout;
    expect(en).toMatch(/Three modes \(--mode, or GENAI_LAB_MODE/);
    expect(en).toMatch(/hands-on {3}You do each step in your own terminal/);
    expect(en).toMatch(/env {8}Print the lines that point your terminal/);
    const vi = (await runCli(["--help", "--lang", "vi"])).stdout;
    expect(vi).toMatch(/Ba chế độ \(--mode, hoặc GENAI_LAB_MODE/);
    expect(vi).toMatch(/hint {7}Hiện gợi ý tiếp theo của một bước/);
    for (const command of ["env", "commands", "hint"]) {
      expect((await runCli([command, "--help"])).stdout).toMatch(new RegExp(`^genai-lab ${command} — `));
      expect((await runCli([command, "--help", "--lang", "vi"])).stdout).toMatch(VIETNAMESE);
    }
    expect((await runCli(["run", "--help"])).stdout).toMatch(/--mode M {17}guided: genai-lab does each step/);
    expect((await runCli(["check", "--help", "--lang", "vi"])).stdout).toMatch(/doneBy: học viên hay genai-lab/);
  });
});
