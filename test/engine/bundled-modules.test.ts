import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { provideLabModules } from "../../src/engine/bundled-modules.js";
import { LabLoadError, loadLab } from "../../src/engine/loader.js";

const text = (s: string) => ({ vi: `${s} (vi)`, en: s });
const manifest = {
  id: "tiny",
  title: text("Tiny"),
  goal: text("Goal"),
  durationMinutes: 1,
  examDomain: text("None"),
  prerequisites: [],
  parameters: { region: "us-east-1" },
  checklist: [{ id: "made" }],
};
const step = {
  id: "make",
  title: text("Make"),
  actions: [{ id: "do", title: text("Do"), run: async () => ({}) }],
  checks: [{ id: "made", label: text("Made"), run: async () => ({ status: "pass" }) }],
};

/** A lab folder whose module files, if anyone imported them, would throw: only provided modules can load it. */
function labOnDisk(): string {
  const dir = mkdtempSync(join(tmpdir(), "genai-lab-bundled-"));
  mkdirSync(join(dir, "01-make"));
  for (const file of ["lab.js", "01-make/step.js"])
    writeFileSync(join(dir, file), 'throw new Error("imported from disk");\n');
  writeFileSync(join(dir, "01-make", "body.en.md"), "Body.\n");
  writeFileSync(join(dir, "01-make", "body.vi.md"), "Nội dung.\n");
  return dir;
}

describe("lab modules provided by the program (the check bundle's built-in lab)", () => {
  it("are taken instead of importing the files, and load as the same lab", async () => {
    const dir = labOnDisk();
    provideLabModules(dir, { "lab.js": { lab: manifest }, "01-make/step.js": { step } });
    const lab = await loadLab(dir, "js");
    expect(lab.manifest).toBe(manifest);
    expect(lab.steps.map((s) => [s.number, s.step])).toEqual([[1, step]]);
    expect([...lab.checks.keys()]).toEqual(["made"]);
    expect(lab.steps[0]?.markdown.body.en).toMatch(/Body\./);
  });

  it("are validated as imported ones are: the same problems, naming the same files", async () => {
    const dir = labOnDisk();
    const broken = { ...step, id: "Make It", checks: [{ ...step.checks[0], run: "not a function" }] };
    provideLabModules(dir, { "lab.js": { lab: manifest }, "01-make/step.js": { step: broken } });
    const error = await loadLab(dir, "js").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LabLoadError);
    const problems = (error as LabLoadError).problems.join("\n");
    expect(problems).toMatch(/01-make\/step\.js: step\.id: must be kebab-case/);
    expect(problems).toMatch(/01-make\/step\.js: step\.checks\[0\]\.run: must be a function/);
    expect(problems).not.toMatch(/imported from disk/);
  });

  it("a module not provided is imported as before", async () => {
    const dir = labOnDisk();
    provideLabModules(dir, { "lab.js": { lab: manifest } });
    const error = await loadLab(dir, "js").catch((e: unknown) => e);
    expect((error as LabLoadError).problems.join("\n")).toMatch(
      /01-make\/step\.js: cannot be loaded: imported from disk/,
    );
  });
});
