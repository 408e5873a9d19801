/** A "bonus" step is optional: not in a full run nor in "where the learner is"; its checks are the lab's bonus items. */
import { DescribeAlarmsCommand } from "@aws-sdk/client-cloudwatch";
import { describe, expect, it } from "vitest";
import { bonusOfRun } from "../../src/cli/command.js";
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
      // `run --step investigate` (guided or hands-on) reports the bonus items it was run for; other runs do not.
      const signal = new AbortController().signal;
      expect((await bonusOfRun(session, ["investigate"], signal)).bonus?.map((item) => item.id)).toEqual([
        "bonus-top-tenant",
        "bonus-throttling-start",
        "bonus-incident-alarm",
      ]);
      expect(await bonusOfRun(session, ["view-logs", "create-dashboard"], signal)).toEqual({});
    } finally {
      await session.close();
    }
  });

  it("do it for me: the investigation's actions pass its bonus items, credited to genai-lab; cleanup deletes the alarm", async () => {
    // The sandbox's clock runs 10× faster, so CloudWatch's once-a-minute evaluation comes within seconds.
    const began = Date.now();
    const session = await startLabSession({ now: () => began + (Date.now() - began) * 10 });
    try {
      const signal = new AbortController().signal;
      const run = await session.runner.runSteps(["investigate"], signal, { checklist: false });
      expect(run.outcome).toBe("passed");
      // The seeded incident is said to be simulated, and until when the sandbox carries it on.
      const notes = session.events.flatMap((event) =>
        event.type === "output" && event.output.kind === "note" ? [event.output.text.en] : [],
      );
      expect(notes.join("\n")).toMatch(
        /history is simulated \(sandbox\).*the sandbox carries it on until \d\d:\d\d UTC/,
      );
      const bonus = await session.runner.runBonus(signal);
      expect(
        bonus.map(({ id, result }) => [id, result.status, result.status === "error" ? null : result.doneBy]),
      ).toEqual([
        ["bonus-top-tenant", "pass", "runner"],
        ["bonus-throttling-start", "pass", "runner"],
        ["bonus-incident-alarm", "pass", "runner"],
      ]);
      const alarms = async () =>
        (await session.aws.cloudwatch.send(new DescribeAlarmsCommand({}))).MetricAlarms?.map((a) => a.AlarmName);
      expect(await alarms()).toEqual(["GenAI-Sonnet-Throttles"]);
      expect((await session.runner.runSteps(["cleanup"], signal, { checklist: false })).outcome).toBe("passed");
      expect(await alarms()).toEqual([]);
    } finally {
      await session.close();
    }
  }, 60_000);
});
