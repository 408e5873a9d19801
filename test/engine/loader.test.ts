import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { byFolderName, LabLoadError, loadLab, loadManifest } from "../../src/engine/loader.js";

const fixtureDir = new URL("../fixtures/fixture-lab/", import.meta.url).pathname;

const text = (s: string) => `{ vi: "${s} (vi)", en: "${s}" }`;
const labModule = (checklist = `[{ id: "a-ok" }]`) => `export const lab = {
  id: "tiny", title: ${text("Tiny")}, goal: ${text("Goal")}, durationMinutes: 1, examDomain: ${text("None")},
  prerequisites: [], parameters: { region: "us-east-1" }, checklist: ${checklist},
};`;
const stepModule = (id: string, extra = "", checkId = `${id}-ok`) => `export const step = {
  id: "${id}", title: ${text(id)},
  actions: [{ id: "do", title: ${text("Do")}, run: async () => {} }],
  checks: [{ id: "${checkId}", label: ${text("Ok")}, run: async () => ({ status: "pass" }) }],
  ${extra}
};`;

/** Writes a small lab of plain-object modules into a fresh directory; each step folder gets both bodies. */
function writeLab(files: Record<string, string>, options: { bodies?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "genai-lab-loader-"));
  if (options.bodies !== false) {
    for (const name of Object.keys(files).filter((n) => n.endsWith("/step.ts"))) {
      const folder = dirname(name);
      files = { [`${folder}/body.vi.md`]: "Nội dung.\n", [`${folder}/body.en.md`]: "Body.\n", ...files };
    }
  }
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

async function problemsOf(files: Record<string, string>): Promise<string[]> {
  const error = await loadLab(writeLab(files), "ts").then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LabLoadError);
  return (error as LabLoadError).problems;
}

describe("byFolderName", () => {
  it("orders step folder names as localeCompare does (the order the loader always gave)", () => {
    let seed = 17;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    const word = () => Array.from({ length: 1 + next(4) }, () => alphabet[next(alphabet.length)]).join("");
    const names = Array.from({ length: 2000 }, () => {
      const words = Array.from({ length: 1 + next(3) }, word).join("-");
      return `${String(next(12)).padStart(2, "0")}-${words}`;
    });
    expect(names.every((name) => /^\d{2}-[a-z0-9]+(-[a-z0-9]+)*$/.test(name))).toBe(true);
    expect([...names].sort(byFolderName)).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });
});

describe("loadLab", () => {
  it("loads the fixture lab's steps in number order, with every check indexed", async () => {
    const lab = await loadLab(fixtureDir, "ts");
    expect(lab.manifest.id).toBe("fixture-lab");
    expect(lab.steps.map((s) => [s.number, s.step.id])).toEqual([
      [1, "make-thing"],
      [2, "use-thing"],
      [3, "tidy-up"],
    ]);
    expect([...lab.checks.keys()]).toEqual(["thing-exists", "thing-used"]);
  });

  it("checks a step's Your turn: its prose in Markdown (not in code), cli and python as functions", async () => {
    const problems = await problemsOf({
      "lab.ts": labModule(),
      "01-a/step.ts": stepModule("a", `yourTurn: { task: { vi: "", en: "Do it" }, cli: "aws logs …" },`),
    });
    expect(problems).toEqual([
      expect.stringMatching(/01-a\/step\.ts: step\.yourTurn\.task: step texts live in Markdown beside step\.ts now/),
      expect.stringMatching(/01-a\/step\.ts: step\.yourTurn\.cli: must be a function/),
    ]);
  });

  it("loads the lab's AWS clients from clients.ts with the steps, never with the manifest alone", async () => {
    const files = {
      "lab.ts": labModule(),
      "clients.ts": `export const clients = { logs: { create: () => ({ destroy() {} }) }, iam: { create: () => ({ destroy() {} }), global: true } };`,
      "01-a/step.ts": stepModule("a"),
    };
    const dir = writeLab(files);
    expect(Object.keys((await loadLab(dir, "ts")).manifest.clients ?? {})).toEqual(["logs", "iam"]);
    expect((await loadManifest(dir, "ts")).clients).toBeUndefined();
    const broken = await problemsOf({
      ...files,
      "clients.ts": `export const clients = { logs: "CloudWatchLogsClient" };`,
    });
    expect(broken).toEqual([expect.stringMatching(/clients\.ts: clients\.logs: must be an AWS client spec/)]);
  });

  it("loads the manifest alone (for env: no steps, no AWS SDK), with the same checks", async () => {
    expect((await loadManifest(fixtureDir, "ts")).id).toBe("fixture-lab");
    const broken = writeLab({ "lab.ts": labModule().replace('id: "tiny"', 'id: "Not Kebab"') });
    await expect(loadManifest(broken, "ts")).rejects.toThrow(/lab\.ts: lab\.id: must be kebab-case/);
  });

  it("orders by number, not by the order files are listed", async () => {
    const dir = writeLab({
      "lab.ts": labModule(`[{ id: "a-ok" }, { id: "b-ok" }]`),
      "01-b/step.ts": stepModule("b"),
      "00-a/step.ts": stepModule("a"),
    });
    expect((await loadLab(dir, "ts")).steps.map((s) => s.step.id)).toEqual(["a", "b"]);
  });

  it("names the file for a missing export", async () => {
    const problems = await problemsOf({ "lab.ts": labModule(), "01-a/step.ts": "export const stepp = {};" });
    expect(problems).toEqual([expect.stringMatching(/01-a\/step\.ts: missing export `step`/)]);
  });

  it("names the file for a missing manifest", async () => {
    const problems = await problemsOf({ "01-a/step.ts": stepModule("a") });
    expect(problems).toEqual([expect.stringMatching(/lab\.ts: missing/)]);
  });

  it("names the file and the field for a missing translation", async () => {
    const problems = await problemsOf({
      "lab.ts": labModule(),
      "01-a/step.ts": stepModule("a").replace(`title: { vi: "a (vi)", en: "a" }`, `title: { en: "a" }`),
    });
    expect(problems).toEqual([
      expect.stringMatching(/01-a\/step\.ts: step\.title\.vi: missing Vietnamese translation/),
    ]);
  });

  it("treats an empty translation as missing, deep inside actions", async () => {
    const problems = await problemsOf({
      "lab.ts": labModule(),
      "01-a/step.ts": stepModule("a").replace(`title: { vi: "Do (vi)", en: "Do" }`, `title: { vi: "Làm", en: "  " }`),
    });
    expect(problems).toEqual([
      expect.stringMatching(/01-a\/step\.ts: step\.actions\[0\]\.title\.en: missing English translation/),
    ]);
  });

  it("reports a duplicate step id and a step id that does not match its file", async () => {
    const problems = await problemsOf({
      "lab.ts": labModule(),
      "01-a/step.ts": stepModule("a"),
      "02-b/step.ts": stepModule("a", "", "other-ok"),
    });
    expect(problems).toEqual([
      expect.stringMatching(/02-b\/step\.ts: step\.id "a" must match the folder name \("b"\)/),
      expect.stringMatching(/02-b\/step\.ts: duplicate step id "a" \(also in 01-a\/step\.ts\)/),
    ]);
  });

  it("reports a numbering gap and a duplicate number", async () => {
    expect(
      await problemsOf({ "lab.ts": labModule(), "01-a/step.ts": stepModule("a"), "03-c/step.ts": stepModule("c") }),
    ).toEqual([expect.stringMatching(/03-c\/step\.ts: numbering gap or duplicate \(expected 02-…\)/)]);
    expect(
      await problemsOf({ "lab.ts": labModule(), "01-a/step.ts": stepModule("a"), "01-b/step.ts": stepModule("b") }),
    ).toEqual([expect.stringMatching(/01-b\/step\.ts: numbering gap or duplicate \(expected 02-…\)/)]);
  });

  it("reports an unknown checklist id, and a duplicate check id", async () => {
    const problems = await problemsOf({
      "lab.ts": labModule(`[{ id: "a-ok" }, { id: "nope" }]`),
      "01-a/step.ts": stepModule("a"),
      "02-b/step.ts": stepModule("b", "", "a-ok"),
    });
    expect(problems).toEqual([
      expect.stringMatching(/02-b\/step\.ts: step\.checks\[0\]\.id: duplicate check id "a-ok"/),
      'lab.checklist[1].id: unknown checklist id "nope" (no step declares a check with that id)',
    ]);
  });

  it("reports wrong types and non-kebab ids with the field path", async () => {
    const problems = await problemsOf({
      "lab.ts": labModule(),
      "01-a/step.ts": stepModule("a")
        .replace(`run: async () => {} }`, `run: "later" }`)
        .replace(`id: "do"`, `id: "Do It"`),
    });
    expect(problems).toEqual([
      expect.stringMatching(/01-a\/step\.ts: step\.actions\[0\]\.id: must be kebab-case/),
      expect.stringMatching(/01-a\/step\.ts: step\.actions\[0\]\.run: must be a function/),
    ]);
  });

  it("reports a module that cannot be loaded, and a directory with no steps", async () => {
    const broken = await problemsOf({ "lab.ts": labModule(), "01-a/step.ts": "export const step = {;" });
    expect(broken).toEqual([expect.stringMatching(/01-a\/step\.ts: cannot be loaded: /)]);
    const empty = await problemsOf({ "lab.ts": labModule() });
    expect(empty.join("\n")).toMatch(/no steps \(expected folders named NN-kebab-name\/ holding step\.ts\)/);
  });

  it("gives every problem in one bilingual error", async () => {
    const dir = writeLab({ "01-a/step.ts": "export const nothing = 1;" });
    const error = (await loadLab(dir, "ts").catch((e: unknown) => e)) as LabLoadError;
    expect(error.problems).toHaveLength(2);
    expect(error.text.en).toMatch(/has 2 problems:\n {2}- /);
    expect(error.text.vi).toMatch(/có 2 lỗi:\n {2}- /);
  });
});
