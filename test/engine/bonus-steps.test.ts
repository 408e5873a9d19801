/** A "bonus" step is optional: not in a full run nor in "where the learner is"; its checks are the lab's bonus items. */
import { describe, expect, it } from "vitest";
import { isLabStep } from "../../src/engine/contract.js";
import { builtInLabDir, loadLab } from "../../src/engine/loader.js";
import { startLabSession } from "../helpers/lab-session.js";

describe("bonus steps", () => {
  it("the built-in lab's investigation is a bonus step whose three checks are bonus items, not checklist items", async () => {
    const lab = await loadLab(builtInLabDir(), "ts");
    const investigate = lab.steps.find(({ step }) => step.id === "investigate");
    expect(investigate?.step.role).toBe("bonus");
    expect(investigate?.number).toBe(5);
    expect(lab.steps.at(-1)?.step.id).toBe("cleanup");
    expect(lab.manifest.bonus?.map((entry) => entry.id)).toEqual(investigate?.step.checks.map((check) => check.id));
    expect(lab.manifest.checklist.map((entry) => entry.id)).not.toContain("bonus-top-tenant");
    expect(isLabStep({ role: "bonus" })).toBe(false);
    expect(isLabStep({ role: "cleanup" })).toBe(false);
    expect(isLabStep({})).toBe(true);
  });

  it("are left out of a full run and run only when chosen", async () => {
    const session = await startLabSession();
    try {
      expect(session.runner.selectSteps()).toEqual([
        "preflight",
        "enable-invocation-logging",
        "generate-sample-invocations",
        "view-logs",
        "create-dashboard",
      ]);
      expect(session.runner.selectSteps("5")).toEqual(["investigate"]);
      const bonus = await session.runner.runBonus(new AbortController().signal);
      expect(bonus.map((item) => [item.id, item.result.status])).toEqual([
        ["bonus-top-tenant", "fail"],
        ["bonus-throttling-start", "fail"],
        ["bonus-incident-alarm", "fail"],
      ]);
    } finally {
      await session.close();
    }
  });
});
