/**
 * Issue 11 items 8 (the dashboard's part) and 12 (charts): step 4 run after work done by hand through the `us.`
 * profile charted the bare original model id with 0 datapoints and blamed metric delay; charts spanning 6 h drew
 * every call of a fresh lab as one block. The dashboard now charts the models that have data, over a window picked
 * from the data's age; the preview draws every bucket of it (zeros too, so the x axis is time); an empty or thin
 * history is explained by its real cause, and the sandbox suggests `genai-lab sandbox seed`. Widget titles follow
 * the learner's language, as step 4's table names them.
 */
import { InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";
import { afterEach, describe, expect, it } from "vitest";
import type { Output } from "../../src/engine/outputs.js";
import { startLabSession, type LabSession } from "../helpers/lab-session.js";
import { outputs, run, STEP } from "../steps/util.js";

let session: LabSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const PROFILE = "us.anthropic.claude-3-5-sonnet-20241022-v2:0";
const BARE = "anthropic.claude-3-5-sonnet-20241022-v2:0";

type Body = { start: string; widgets: { type: string; properties: { title?: string; metrics?: unknown[][] } }[] };
const bodyOf = (s: LabSession): Body =>
  JSON.parse(
    (outputs(s.events, "code").find((o) => o.kind === "code" && o.title?.en === "Dashboard body") as { code: string })
      .code,
  ) as Body;
const charts = (s: LabSession) => outputs(s.events, "chart") as Extract<Output, { kind: "chart" }>[];
const notesEn = (s: LabSession) => outputs(s.events, "note").map((o) => (o.kind === "note" ? o.text.en : ""));

async function callByHand(s: LabSession, modelId: string, times: number): Promise<void> {
  const body = JSON.stringify({
    anthropic_version: "bedrock-2023-05-31",
    max_tokens: 32,
    messages: [{ role: "user", content: "Say OK." }],
  });
  for (let i = 0; i < times; i++)
    await s.aws.bedrockRuntime.send(new InvokeModelCommand({ modelId, body, contentType: "application/json" }));
}

describe("step 4 after work done by hand", () => {
  it("charts the model that has data (the us. profile the learner called), and the check passes", async () => {
    session = await startLabSession();
    // No preflight: the lab's remembered model is the bare original id; the learner called the profile by hand.
    expect((await run(session.runner, [STEP.logging])).outcome).toBe("passed");
    await callByHand(session, PROFILE, 3);
    const summary = await run(session.runner, [STEP.dashboard]);
    const body = bodyOf(session);
    const charted = body.widgets.flatMap((w) => (w.type === "metric" ? (w.properties.metrics ?? []) : []));
    expect(new Set(charted.map((row) => row[3]))).toEqual(new Set([PROFILE]));
    expect(charted.map((row) => row[3])).not.toContain(BARE);
    const invocations = charts(session).find((c) => c.title.en.startsWith("Invocations"))!;
    expect(invocations.series[0]!.points.reduce((sum, p) => sum + p.y, 0)).toBe(3);
    expect(notesEn(session).join("\n")).not.toContain("usually show up after about a minute");
    expect(summary.checklist.find((item) => item.id === "dashboard-shows-metrics")?.result.status).toBe("pass");
  });

  it("with no call at all says so, and never blames metric delay on the sandbox", async () => {
    session = await startLabSession();
    await run(session.runner, [STEP.logging, STEP.dashboard]);
    const notes = notesEn(session).join("\n");
    expect(notes).toContain("No model has Invocations metrics: there has been no model call in the last 24 hours.");
    expect(notes).not.toContain("after about a minute");
  });
});

describe("the dashboard's window and the preview's charts", () => {
  it("fit a fresh lab: the last hour in one-minute buckets, the calls a spike in a flat line, a seed suggested", async () => {
    session = await startLabSession();
    expect((await run(session.runner)).outcome).toBe("passed");
    expect(bodyOf(session).start).toBe("-PT1H");
    const invocations = charts(session).find((c) => c.title.en.startsWith("Invocations"))!;
    expect(invocations.title.en).toBe("Invocations (metric, 1-min periods)");
    const points = invocations.series[0]!.points;
    expect(points.length).toBeGreaterThanOrEqual(60); // every minute of the hour, zeros included
    expect(points.filter((p) => p.y > 0).length).toBeLessThanOrEqual(3);
    expect(Number(points[points.length - 1]!.x) - Number(points[0]!.x)).toBeGreaterThanOrEqual(59 * 60_000);
    const seed = notesEn(session).find((n) => n.startsWith("The history is thin"));
    expect(seed).toContain("genai-lab sandbox seed --hours 24");
  });

  it("name the widgets in Vietnamese in Vietnamese mode, as step 4's table does", async () => {
    session = await startLabSession({ lang: "vi" });
    await run(session.runner);
    const titles = bodyOf(session).widgets.flatMap((w) => (w.properties.title ? [w.properties.title] : []));
    expect(titles).toEqual([
      "Lượt gọi mỗi giờ (log)",
      "Token mỗi giờ (log)",
      "Lượt gọi",
      "Token",
      "Độ trễ (ms)",
      "Thời gian tới token đầu tiên (ms, chỉ lời gọi stream)",
    ]);
    // Step 2 streamed its fifth answer: the time-to-first-token widget is charted too, in ms, named in Vietnamese.
    const units = charts(session).map((c) => c.unit);
    expect(units).toEqual(["count", "tokens", "ms", "ms"]);
    expect(charts(session).at(-1)?.title.vi).toMatch(/^Thời gian tới token đầu tiên/);
  });
});
