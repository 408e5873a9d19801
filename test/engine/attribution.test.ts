import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ChecklistItemResult } from "../../src/engine/events.js";
import { fixtureRunner } from "../helpers/fixture-runner.js";
import { inlineRunner, inlineStep, scriptedCheck } from "../helpers/inline-lab.js";

const signal = () => new AbortController().signal;
const doneBy = (items: ChecklistItemResult[]) =>
  items.map((item) => [item.id, item.result.status !== "error" ? item.result.doneBy : "(error)"]);

describe("attribution: who did the work a check verified", () => {
  it("credits the runner for what its actions did, on the step record, the event and every result", async () => {
    const { runner, store, events } = await fixtureRunner();
    const summary = await runner.runSteps(runner.selectSteps(), signal());
    expect(doneBy(summary.checklist)).toEqual([
      ["thing-exists", "runner"],
      ["thing-used", "runner"],
    ]);
    expect(store.state.steps["make-thing"]?.doneBy).toBe("runner");
    expect(store.state.checks["thing-exists"]?.result).toMatchObject({ doneBy: "runner" });
    expect(events.find((e) => e.type === "step-finished")).toMatchObject({ by: "runner" });
    // A later `check` (another process, the same progress) keeps the credit where it belongs.
    expect(doneBy(await runner.runChecklist(signal()))).toEqual([
      ["thing-exists", "runner"],
      ["thing-used", "runner"],
    ]);
    // Running again finds the thing there ("skipped"): the runner made it earlier, so it stays the runner's.
    await runner.runSteps(["make-thing"], signal());
    expect(store.state.steps["make-thing"]).toMatchObject({ doneBy: "runner", runs: 2 });
  });

  it("credits the learner for work the runner found already done, and for a checklist after work by hand", async () => {
    const byHand = await fixtureRunner();
    writeFileSync(byHand.worldFile, JSON.stringify({ things: ["widget"] })); // the learner's own command
    expect(doneBy(await byHand.runner.runChecklist(signal()))[0]).toEqual(["thing-exists", "learner"]);
    await byHand.runner.runSteps(["make-thing"], signal()); // "do it for me" on work already done: nothing to do
    expect(byHand.events.find((e) => e.type === "action-finished")).toMatchObject({ outcome: "skipped" });
    expect(byHand.store.state.steps["make-thing"]?.doneBy).toBe("learner");
    expect(byHand.store.state.checks["thing-exists"]?.result).toMatchObject({ status: "pass", doneBy: "learner" });
  });

  it("a check's own doneBy wins over the default; an error carries none", async () => {
    const says = scriptedCheck("says-runner", async () => ({ status: "pass", doneBy: "runner" }));
    const broken = scriptedCheck("broken", async () => {
      throw new Error("boom");
    });
    const { runner } = inlineRunner([inlineStep("s", [says, broken])]);
    expect(doneBy(await runner.runChecklist(signal()))).toEqual([
      ["says-runner", "runner"],
      ["broken", "(error)"],
    ]);
  });

  it("class grading knows nothing of the learner's progress: no default, no hint count", async () => {
    const silent = scriptedCheck("silent", async () => ({ status: "pass" }));
    const says = scriptedCheck("says", async () => ({ status: "pass", doneBy: "learner" }));
    const { runner } = inlineRunner([inlineStep("s", [silent, says])], { attribution: "checks-only" });
    const items = await runner.runChecklist(signal());
    expect(items[0]?.result).toEqual({ status: "pass" });
    expect(items[1]?.result).toEqual({ status: "pass", doneBy: "learner" });
    expect(items.every((item) => item.hintsUsed === undefined)).toBe(true);
  });
});

describe("hints: the ladder, one rung at a time, counted per step", () => {
  const ladder = [
    { vi: "Gợi ý nhẹ.", en: "A nudge." },
    { vi: "Xem ở đâu.", en: "Where to look." },
    { vi: "Lệnh chính xác.", en: "The exact command." },
  ];

  it("reveals each rung once, counts it in progress, and reports it on the step's checklist items", async () => {
    const check = scriptedCheck("c", async () => ({ status: "pass" }));
    const other = scriptedCheck("d", async () => ({ status: "pass" }));
    const { runner, store } = inlineRunner([inlineStep("s", [check], { hints: ladder }), inlineStep("t", [other])]);
    expect(runner.revealHint("s")).toEqual({ index: 1, total: 3, text: ladder[0], counted: true });
    expect(runner.revealHint("s")).toMatchObject({ index: 2, text: ladder[1] });
    expect(runner.revealHint("s")).toMatchObject({ index: 3, text: ladder[2], counted: true });
    // The ladder is climbed: the last rung again, not counted twice.
    expect(runner.revealHint("s")).toEqual({ index: 3, total: 3, text: ladder[2], counted: false });
    expect(store.state.hints).toEqual({ s: 3 });
    expect(runner.revealHint("t")).toBeUndefined(); // a step without hints
    const items = await runner.runChecklist(signal());
    expect(items.map((item) => [item.id, item.hintsUsed])).toEqual([
      ["c", 3],
      ["d", 0],
    ]);
  });
});

describe("Your turn and the step's commands, with the learner's values", () => {
  it("renders Your turn's CLI and Python with the real parameters; commands fall back to the actions' lines", async () => {
    const { runner, worldFile } = await fixtureRunner({ params: { thingName: "gadget" } });
    const turn = runner.yourTurn("make-thing");
    expect(turn).toMatchObject({
      task: { en: expect.stringContaining("Make a thing") as string },
      cli: `fixture create --name gadget\nfixture list --world ${worldFile}`,
      python: 'fixture.create(name="gadget")',
    });
    expect(runner.commands("make-thing")).toEqual([`fixture create --name gadget\nfixture list --world ${worldFile}`]);
    expect(runner.yourTurn("use-thing")).toBeUndefined();
    expect(runner.commands("use-thing")).toEqual([]); // its action has no CLI line
  });

  it("uses the actions' CLI lines for a step without Your turn, and survives a line that throws", async () => {
    const step = inlineStep("s", [], {
      actions: [
        { id: "a", title: { vi: "A", en: "A" }, cli: () => "aws one", run: async () => undefined },
        {
          id: "b",
          title: { vi: "B", en: "B" },
          cli: () => {
            throw new Error("lab bug");
          },
          run: async () => undefined,
        },
        { id: "c", title: { vi: "C", en: "C" }, cli: () => "aws two", run: async () => undefined },
      ],
    });
    const { runner } = inlineRunner([step]);
    expect(runner.commands("s")).toEqual(["aws one", "aws two"]);
  });
});
