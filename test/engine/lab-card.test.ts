import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { builtInLabDir } from "../../src/engine/install.js";
import { readLabCard } from "../../src/engine/lab-card.js";
import { lab } from "../../steps/lab.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A lab folder holding only `lab.js` with `source`. */
function labWith(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), "lab-card-"));
  dirs.push(dir);
  writeFileSync(join(dir, "lab.js"), source);
  return dir;
}

const text = (s: string) => `{ vi: "${s} (vi)", en: "${s}" }`;

describe("readLabCard: the welcome card from the manifest alone, before the session", () => {
  it("reads the built-in lab's title, goal, duration, exam domain and prerequisites", async () => {
    const card = await readLabCard(builtInLabDir());
    expect(card).toEqual({
      title: lab.title,
      goal: lab.goal,
      durationMinutes: lab.durationMinutes,
      examDomain: lab.examDomain,
      prerequisites: lab.prerequisites,
    });
    expect(card).not.toHaveProperty("steps");
  });

  it("reads a lab folder's lab.js", async () => {
    const dir = labWith(
      `export const lab = { title: ${text("T")}, goal: ${text("G")}, durationMinutes: 5, examDomain: ${text("D")}, prerequisites: [${text("P")}] };`,
    );
    expect((await readLabCard(dir))?.title).toEqual({ vi: "T (vi)", en: "T" });
  });

  it("gives no card (never an error) for a manifest that throws, lacks a field, or is missing", async () => {
    expect(await readLabCard(labWith(`throw new Error("boom");`))).toBeUndefined();
    expect(
      await readLabCard(
        labWith(`export const lab = { title: ${text("T")}, goal: "not bilingual", durationMinutes: 5 };`),
      ),
    ).toBeUndefined();
    const empty = mkdtempSync(join(tmpdir(), "lab-card-"));
    dirs.push(empty);
    expect(await readLabCard(empty)).toBeUndefined();
  });
});
