/**
 * Step 4's dashboard charts time to first token next to latency. Bedrock publishes TimeToFirstToken for streaming
 * calls only, so without a stream the preview says why the widget is empty instead of drawing a flat line of
 * zeros; after step 2's streamed answer, or a learner's own ConverseStream call, it draws the widget in milliseconds.
 */
import { ConverseStreamCommand } from "@aws-sdk/client-bedrock-runtime";
import { afterEach, describe, expect, it } from "vitest";
import { WIDGET_TITLES } from "../../steps/lib/dashboard-body.js";
import { startLabSession, type LabSession } from "../helpers/lab-session.js";
import { notes, outputs, run, STEP } from "./util.js";

let session: LabSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const ttftChart = (s: LabSession) =>
  outputs(s.events, "chart").find(
    (o) => o.kind === "chart" && o.title.en.startsWith(WIDGET_TITLES.timeToFirstToken.en),
  );

describe("the time-to-first-token widget", () => {
  it("charts step 2's streamed answer after the lab's own run", async () => {
    session = await startLabSession();
    expect((await run(session.runner)).outcome).toBe("passed");
    const chart = ttftChart(session);
    expect(chart?.kind === "chart" && chart.unit).toBe("ms");
    const values = chart?.kind === "chart" ? chart.series.flatMap((s) => s.points.map((p) => p.y)) : [];
    expect(Math.max(...values)).toBeGreaterThan(0);
  });

  it("says nothing streamed rather than charting zeros", async () => {
    session = await startLabSession();
    // Only the preflight's probe, a plain call: metrics, but no TimeToFirstToken.
    await run(session.runner, [STEP.preflight, STEP.logging, STEP.dashboard]);
    expect(ttftChart(session)).toBeUndefined();
    expect(notes(session.events).join("\n")).toContain(
      "Time to first token (ms, streaming calls only): no streaming call in this window.",
    );
  });

  it("charts a streamed call's first token in ms", async () => {
    session = await startLabSession();
    await run(session.runner, [STEP.preflight, STEP.logging, STEP.invoke]);
    const modelId = (session.store.state.facts.model as { effective: string }).effective;
    const out = await session.aws.bedrockRuntime.send(
      new ConverseStreamCommand({ modelId, messages: [{ role: "user", content: [{ text: "Say OK." }] }] }),
    );
    for await (const _event of out.stream ?? []) void _event; // read to the end, as a caller does
    await run(session.runner, [STEP.dashboard]);
    const chart = ttftChart(session);
    expect(chart?.kind === "chart" && chart.unit).toBe("ms");
    const values = chart?.kind === "chart" ? chart.series.flatMap((s) => s.points.map((p) => p.y)) : [];
    expect(Math.max(...values)).toBeGreaterThan(0);
  });
});
