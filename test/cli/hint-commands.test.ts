/**
 * `genai-lab commands` prints a step's lines plain, with the learner's values; `genai-lab hint` climbs the hint
 * ladder and counts it, and reports show the count. The fixture lab, in-process, on the sandbox target.
 */
import { describe, expect, it } from "vitest";
import { fixtureCli } from "../helpers/fixture-cli.js";

const lab = fixtureCli;

describe("genai-lab commands", () => {
  it("prints only the step's Your turn lines on stdout, with real values, plain; the heading goes to stderr", async () => {
    const { dir, world, cli } = lab();
    const result = await cli("commands", ["--step", "1", "--param", "thingName=gadget"]);
    expect(result).toMatchObject({ code: 0, stdout: `fixture create --name gadget\nfixture list --world ${world}\n` });
    expect(result.stdout).not.toMatch(/\x1b\[/); // eslint-disable-line no-control-regex
    expect(result.stderr).toContain("# Step 1 · Make a thing\n");
    // With the state directory it was given: a bare `genai-lab env` would point at the default directory's sandbox.
    expect(result.stderr).toContain(`run eval "$(genai-lab env --state-dir ${dir} --lab `);
    // In a shell `genai-lab env` set up, the reminder is not needed.
    const ready = await cli("commands", ["--step", "1"], { AWS_ENDPOINT_URL: "http://127.0.0.1:4566" });
    expect(ready.stderr).not.toContain("genai-lab env");
  });

  it("without --step: the first step not yet passed; a step without lines says so; a wrong step is exit 2", async () => {
    const { cli } = lab();
    expect((await cli("commands")).stderr).toContain("# Step 1 · Make a thing");
    expect((await cli("run", ["--yes", "--step", "1"])).code).toBe(0);
    const next = await cli("commands");
    expect(next).toMatchObject({ code: 0, stdout: "" });
    expect(next.stderr).toContain("# Step 2 · Use the thing\nStep 2 has no commands to run by hand.");
    const wrong = await cli("commands", ["--step", "9"]);
    expect(wrong).toMatchObject({ code: 2, stderr: expect.stringMatching(/--step: there is no step "9"/) });
  });

  it("--python prints the step's boto3 snippet instead; a step without one says so", async () => {
    const { cli } = lab();
    const snippet = await cli("commands", ["--step", "1", "--python", "--param", "thingName=gadget"]);
    expect(snippet).toMatchObject({ code: 0, stdout: 'fixture.create(name="gadget")\n' });
    expect(snippet.stderr).toContain("# Step 1 · Make a thing\n");
    const none = await cli("commands", ["--step", "2", "--python", "--lang", "vi"]);
    expect(none).toMatchObject({ code: 0, stdout: "" });
    expect(none.stderr).toContain("Bước 2 không có đoạn Python (boto3); bỏ --python để xem các lệnh AWS CLI.");
    const wrong = await cli("hint", ["--python"]);
    expect(wrong).toMatchObject({ code: 2, stderr: expect.stringMatching(/--python/) });
  });

  it("is refused in exam mode (the lines are the answer), pointing to hint", async () => {
    const { cli } = lab();
    const exam = await cli("commands", ["--step", "1"], { GENAI_LAB_MODE: "exam" });
    expect(exam).toMatchObject({ code: 2, stdout: "" });
    expect(exam.stderr).toMatch(/Exam mode: genai-lab does not print a step's solution.*genai-lab hint/);
  });
});

describe("genai-lab hint", () => {
  it("reveals the next rung, counts it once, and the report shows hintsUsed per item of that step", async () => {
    const { cli } = lab();
    const first = await cli("hint", [], { GENAI_LAB_MODE: "exam" }); // hints work in exam, and count
    expect(first).toMatchObject({ code: 0, stdout: "Hint 1/1 · Step 1 · Make a thing\n\nTry again.\n" });
    expect(first.stderr).toContain("Counted: reports will show “1 hint used” for step 1's checklist items.");
    const again = await cli("hint", ["--step", "make-thing"]);
    expect(again.stdout).toBe("Hint 1/1 · Step 1 · Make a thing\n\nTry again.\n");
    expect(again.stderr).toContain("That is the last hint (1/1); seeing it again is not counted again.");
    const none = await cli("hint", ["--step", "2", "--lang", "vi"]);
    expect(none).toMatchObject({ code: 0, stdout: "Bước 2 không có gợi ý.\n" });
    const report = JSON.parse((await cli("check", ["--format", "json"])).stdout) as {
      items: { id: string; hintsUsed: number }[];
    };
    expect(report.items.map((i) => [i.id, i.hintsUsed])).toEqual([
      ["thing-exists", 1],
      ["thing-used", 0],
    ]);
  });
});
