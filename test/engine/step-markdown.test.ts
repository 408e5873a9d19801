/**
 * A step's prose lives in Markdown per language beside its code: what a translator can get wrong is a load error
 * naming the file, and placeholders are filled when the page is shown, from the parameters, the target and the
 * step's values (which read the facts earlier steps recorded).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { LabLoadError, loadLab } from "../../src/engine/loader.js";
import { renderStepTexts } from "../../src/engine/render.js";
import { hintLadder, revealNextHint } from "../../src/engine/step-texts.js";
import { fakeTarget, fixtureLabDir, fixtureRunner } from "../helpers/fixture-runner.js";

const text = (s: string) => `{ vi: "${s} (vi)", en: "${s}" }`;
const LAB = `export const lab = {
  id: "tiny", title: ${text("Tiny")}, goal: ${text("Goal")}, durationMinutes: 1, examDomain: ${text("None")},
  prerequisites: [], parameters: { region: "us-east-1", groupName: "/my/group" }, checklist: [{ id: "a-ok" }],
};`;
const STEP = (extra = "") => `export const step = {
  id: "a", title: ${text("A")},
  actions: [{ id: "do", title: ${text("Do")}, run: async () => {} }],
  checks: [{ id: "a-ok", label: ${text("Ok")}, run: async () => ({ status: "pass" }) }],
  ${extra}
};`;

function writeLab(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "genai-lab-markdown-"));
  for (const [name, content] of Object.entries({ "lab.ts": LAB, ...files })) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

async function problemsOf(files: Record<string, string>): Promise<string[]> {
  const error = await loadLab(writeLab(files), "ts").catch((e: unknown) => e);
  expect(error).toBeInstanceOf(LabLoadError);
  return (error as LabLoadError).problems;
}

const bodies = (vi: string, en: string) => ({ "01-a/body.vi.md": vi, "01-a/body.en.md": en });

describe("a step's Markdown, when the lab loads", () => {
  it("names the file of a missing language", async () => {
    const problems = await problemsOf({ "01-a/step.ts": STEP(), "01-a/body.vi.md": "Nội dung." });
    expect(problems).toEqual([expect.stringMatching(/01-a\/body\.en\.md: missing \(every step has body\.vi\.md/)]);
  });

  it("names the file of a placeholder the other language lacks, and of one nothing fills", async () => {
    const problems = await problemsOf({
      "01-a/step.ts": STEP(),
      ...bodies("Nhóm `{{params.groupName}}` ở {{target.region}}.", "Group {{params.groupName}}; {{params.nope}}."),
    });
    expect(problems).toEqual([
      expect.stringMatching(
        /01-a\/body\.en\.md: unknown placeholder \{\{params\.nope\}\}: the lab has no parameter "nope"/,
      ),
      expect.stringMatching(/01-a\/body\.vi\.md: missing placeholder \{\{params\.nope\}\} \(the en text uses it\)/),
      expect.stringMatching(/01-a\/body\.en\.md: missing placeholder \{\{target\.region\}\} \(the vi text uses it\)/),
    ]);
  });

  it("refuses a value no Markdown uses, an undeclared value, a malformed placeholder, and a body left in code", async () => {
    const problems = await problemsOf({
      "01-a/step.ts": STEP(`values: { unused: () => "x" }, body: ${text("old")},`),
      ...bodies("Giá trị {{mystery}}.\n{{ bad name }}", "Value {{mystery}}.\n{{ bad name }}"),
    });
    expect(problems).toEqual([
      expect.stringMatching(/01-a\/step\.ts: step\.body: step texts live in Markdown beside step\.ts now/),
    ]);
    const second = await problemsOf({
      "01-a/step.ts": STEP(`values: { unused: () => "x" },`),
      ...bodies("Giá trị {{mystery}}.\n{{ bad name }}", "Value {{mystery}}.\n{{ bad name }}"),
    });
    expect(second).toEqual([
      expect.stringMatching(/body\.vi\.md: line 2: a "\{\{" that is not a placeholder/),
      expect.stringMatching(/body\.vi\.md: unknown placeholder \{\{mystery\}\}: the step declares no value "mystery"/),
      expect.stringMatching(/body\.en\.md: line 2: a "\{\{" that is not a placeholder/),
      expect.stringMatching(/body\.en\.md: unknown placeholder \{\{mystery\}\}/),
      expect.stringMatching(/01-a\/step\.ts: step\.values\.unused: no Markdown file of the step uses \{\{unused\}\}/),
    ]);
  });

  it("Your turn: one language alone, a section one language lacks, an unknown section", async () => {
    const base = { "01-a/step.ts": STEP(), ...bodies("Nội dung.", "Body.") };
    expect(await problemsOf({ ...base, "01-a/your-turn.vi.md": "## task\nLàm đi." })).toEqual([
      expect.stringMatching(/01-a\/your-turn\.en\.md: missing \(your-turn\.vi\.md has no counterpart\)/),
    ]);
    expect(
      await problemsOf({
        ...base,
        "01-a/your-turn.vi.md": "## task\nLàm đi.\n## console\nBảng điều khiển.",
        "01-a/your-turn.en.md": "## task\nDo it.\n## steps\nOne.",
      }),
    ).toEqual([
      expect.stringMatching(
        /your-turn\.en\.md:3: unknown section "## steps" \(the sections are ## task, ## console and ## hint 1, ## hint 2, …\)/,
      ),
      expect.stringMatching(/your-turn\.en\.md: missing section ## console \(your-turn\.vi\.md has it\)/),
    ]);
  });

  it("hint ladder: numbered from 1 without gaps in each language, the same rungs in both, not also in code", async () => {
    const base = { "01-a/step.ts": STEP(), ...bodies("Nội dung.", "Body.") };
    const gap = await problemsOf({
      ...base,
      "01-a/your-turn.vi.md": "## hint 1\nGợi ý một.\n## hint 3\nGợi ý ba.",
      "01-a/your-turn.en.md": "## hint 1\nHint one.\n## hint 3\nHint three.",
    });
    expect(gap).toEqual([
      expect.stringMatching(
        /your-turn\.vi\.md: the hints must be numbered ## hint 1, ## hint 2, … without gaps \(found 1, 3\)/,
      ),
      expect.stringMatching(
        /your-turn\.en\.md: the hints must be numbered ## hint 1, ## hint 2, … without gaps \(found 1, 3\)/,
      ),
    ]);
    const short = await problemsOf({
      ...base,
      "01-a/your-turn.vi.md": "## hint 1\nGợi ý `{{params.groupName}}`.\n## hint 2\nHai.",
      "01-a/your-turn.en.md": "## hint 1\nHint `{{target.region}}`.",
    });
    expect(short).toEqual([
      expect.stringMatching(/your-turn\.vi\.md \(## hint 1\): missing placeholder \{\{target\.region\}\}/),
      expect.stringMatching(/your-turn\.en\.md \(## hint 1\): missing placeholder \{\{params\.groupName\}\}/),
      expect.stringMatching(/your-turn\.en\.md: missing section ## hint 2 \(your-turn\.vi\.md has it\)/),
    ]);
    const twice = await problemsOf({
      "01-a/step.ts": STEP(`hints: [${text("In code")}],`),
      ...bodies("Nội dung.", "Body."),
      "01-a/your-turn.vi.md": "## hint 1\nMột.",
      "01-a/your-turn.en.md": "## hint 1\nOne.",
    });
    expect(twice).toEqual([expect.stringMatching(/step\.ts: step\.hints: the hints are also in your-turn\.\*\.md/)]);
  });

  it("tolerates Your turn files not written yet (absent, or sections left empty)", async () => {
    const lab = await loadLab(fixtureLabDir, "ts");
    const [make, use, tidy] = lab.steps.map((s) => s.markdown);
    expect(make?.task?.en).toMatch(
      /^Make a thing with `fixture`, named as the lab says\. Its name: `\{\{params\.thingName\}\}`\.$/,
    );
    expect(make?.console?.vi).toBe("Bảng điều khiển → **Things** → **Tạo**.");
    expect(use?.task).toBeUndefined();
    expect(tidy?.task).toBeUndefined();
  });
});

describe("a step's Markdown, when the page is shown", () => {
  it("fills the hint ladder like the page: its rungs in order, the last one's command with real values", async () => {
    const lab = await loadLab(
      writeLab({
        "01-a/step.ts": STEP(),
        ...bodies("Nội dung.", "Body."),
        "01-a/your-turn.vi.md":
          "## hint 1\nXem trợ giúp của `fixture`.\n\n## hint 2\nTên: `{{params.groupName}}`.\n\n## hint 3\n```bash\nfixture create --name {{params.groupName}}\n```\n",
        "01-a/your-turn.en.md":
          "## hint 2\nThe name: `{{params.groupName}}`.\n\n## hint 1\nSee `fixture`'s help.\n\n## hint 3\n```bash\nfixture create --name {{params.groupName}}\n```\n",
      }),
      "ts",
    );
    const loaded = lab.steps[0]!;
    const ctx = {
      params: { ...lab.manifest.parameters, groupName: "/other/group" },
      target: fakeTarget,
      facts: { get: () => undefined },
      ledger: { entries: () => [] },
    };
    const ladder = hintLadder(loaded.step, renderStepTexts(loaded, ctx));
    expect(ladder.map((hint) => hint.en)).toEqual([
      "See `fixture`'s help.",
      "The name: `/other/group`.",
      "```bash\nfixture create --name /other/group\n```",
    ]);
    let counted = 0;
    expect(revealNextHint(ladder, 2, () => (counted += 1))).toMatchObject({ index: 3, total: 3, counted: true });
    expect(revealNextHint(ladder, 3, () => (counted += 1))).toMatchObject({ index: 3, counted: false });
    expect(counted).toBe(1);
  });

  it("fills parameters (after --param), the target and the step's values, in each language", async () => {
    const { runner, lab } = await fixtureRunner({ params: { thingName: "gizmo" } });
    const first = runner.stepTexts("make-thing");
    expect(first.body.en).toBe(
      "This step **makes** a thing named `gizmo` in us-east-1.\n\n```bash\nfixture create --name gizmo\n```\n",
    );
    expect(first.body.vi).toMatch(/^Bước này \*\*tạo\*\* thứ tên `gizmo` ở us-east-1\./);
    expect(first.task?.vi).toBe("Tạo một thứ bằng lệnh `fixture`, với tên của bài lab. Tên: `gizmo`.");
    // A Text value gives each language its words; the same step re-read after a fact changed reads the new value.
    expect(runner.stepTexts("use-thing").body).toEqual({
      vi: "Dùng thứ đã tạo. Đã dùng: (chưa dùng).\n",
      en: "Use the thing you made. Used so far: (not used yet).\n",
    });
    await runner.runSteps(["make-thing", "use-thing"], new AbortController().signal, { checklist: false });
    expect(runner.stepTexts("use-thing").body.en).toBe("Use the thing you made. Used so far: gizmo.\n");

    // A value that throws leaves its placeholder as written: the page still shows.
    const broken = { ...lab.steps[1]!, step: { ...lab.steps[1]!.step, values: { used: () => JSON.parse("{") } } };
    const ctx = { params: lab.manifest.parameters, target: fakeTarget, facts: { get: () => undefined } };
    expect(renderStepTexts(broken, { ...ctx, ledger: { entries: () => [] } }).body.en).toMatch(/\{\{used\}\}/);
  });
});
