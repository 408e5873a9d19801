/**
 * The numbers the lab shows are explained where they appear: throttling the SDK absorbed (attempts per call),
 * simulated latencies and answers, and why the dashboard's metric and log widgets disagree.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { seedHistory } from "../../src/sandbox/index.js";
import { startLabSession, type LabSession } from "../helpers/lab-session.js";
import { outputs, run, STEP } from "./util.js";

let session: LabSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

type Call = { attempts: number; throttled: number; serverErrors: number; retryDelayMs: number; simulated: boolean };
const batchOf = (s: LabSession) => s.store.state.facts.invocations as { items: Call[] };
const notesOf = (s: LabSession, stepId: string) =>
  s.events.flatMap((e) =>
    e.type === "output" && e.stepId === stepId && e.output.kind === "note" ? [e.output.text] : [],
  );

describe("step 2: throttling made visible", () => {
  it("counts the attempts of each call and says how many calls the SDK retried, in both languages", async () => {
    session = await startLabSession({ faults: { throttleRate: 0.3, seed: 2 } });
    const summary = await run(session.runner, [STEP.preflight, STEP.logging, STEP.invoke]);
    expect(summary.outcome).toBe("passed");
    const items = batchOf(session).items;
    const throttled = items.filter((call) => call.throttled > 0).length;
    expect(throttled).toBeGreaterThan(0);
    expect(items.every((call) => call.attempts === 1 + call.throttled + call.serverErrors)).toBe(true);
    const note = notesOf(session, STEP.invoke).find((text) => text.en.includes("retried by the SDK"));
    expect(note?.en).toContain(
      `${throttled} ${throttled === 1 ? "call was" : "calls were"} throttled (ThrottlingException, HTTP 429) and retried by the SDK (standard retry mode, up to 5 attempts)`,
    );
    expect(note?.en).toContain("On the sandbox the throttling is simulated");
    expect(note?.vi).toContain(`${throttled} lời gọi bị throttle`);
    expect(note?.vi).toContain("throttling là mô phỏng");
    const results = outputs(session.events, "table").find(
      (o) => o.kind === "table" && o.columns.some((c) => c.key === "attempts"),
    );
    expect(results?.kind === "table" && results.rows.map((row) => row.attempts)).toEqual(
      items.map((call) => call.attempts),
    );
  }, 30_000);

  it("says nothing about retries when no call needed one", async () => {
    session = await startLabSession();
    await run(session.runner, [STEP.preflight, STEP.logging, STEP.invoke]);
    expect(batchOf(session).items.every((call) => call.attempts === 1 && call.throttled === 0)).toBe(true);
    expect(notesOf(session, STEP.invoke).some((text) => text.en.includes("retried"))).toBe(false);
  });
});

describe("simulated numbers", () => {
  it("says in step 2 that latencies are simulated and not waited out, and in step 3 that the record's answer is", async () => {
    session = await startLabSession();
    await run(session.runner, [STEP.preflight, STEP.logging, STEP.invoke, STEP.logs]);
    const batch = session.store.state.facts.invocations as {
      startedAt: number;
      finishedAt: number;
      items: { latencyMs: number }[];
    };
    // The point of the note: the latencies shown add up to far more than the step took.
    expect(batch.items.reduce((sum, call) => sum + call.latencyMs, 0)).toBeGreaterThan(
      batch.finishedAt - batch.startedAt,
    );
    const step2 = notesOf(session, STEP.invoke).find((text) => text.en.includes("does not wait it out"));
    // …except the streamed one, which the learner watches arrive.
    expect(step2?.en).toMatch(
      /\(except for the streamed answer, paced so that you can watch it\): all 5 calls took \d+(\.\d)? m?s\.$/,
    );
    expect(step2?.vi).toMatch(
      /sandbox không chờ hết thời gian đó \(trừ câu trả lời dạng stream, .*\): cả 5 lời gọi mất \d+(\.\d)? m?s\.$/,
    );
    const events = session.events.filter((e) => e.type === "output" && e.stepId === STEP.logs);
    const record = events.findIndex(
      (e) => e.type === "output" && e.output.kind === "code" && e.output.title?.en === "One record in full",
    );
    const next = events[record + 1];
    expect(next?.type === "output" && next.output.kind === "note" && next.output.text.en).toMatch(
      /^The answer in this record .* simulated model/,
    );
  });
});

describe("step 4's preview", () => {
  const dashboardNotes = (s: LabSession) => notesOf(s, STEP.dashboard);

  // The window is picked from the data (issue 11 item 12): a fresh lab's calls are minutes old, so the last hour.
  it("previews the dashboard's own window and explains why metrics count the probe call and logs do not", async () => {
    session = await startLabSession();
    expect((await run(session.runner)).outcome).toBe("passed");
    const body = JSON.parse(
      (
        outputs(session.events, "code").find((o) => o.kind === "code" && o.title?.en === "Dashboard body") as {
          code: string;
        }
      ).code,
    ) as { start: string };
    expect(body.start).toBe("-PT1H");
    expect(dashboardNotes(session).map((t) => t.en)).toContain(
      `The preview covers the dashboard's own window: the last 1 h ("start": "-PT1H").`,
    );
    const probe = session.store.state.facts.probe as { inputTokens: number };
    const batch = session.store.state.facts.invocations as { items: { inputTokens: number }[] };
    const logged = batch.items.reduce((sum, call) => sum + call.inputTokens, 0);
    const note = dashboardNotes(session).find((t) => t.en.startsWith("The metric widgets count"));
    expect(note?.en).toContain(
      `The metric widgets count 6 invocations and ${logged + probe.inputTokens} input tokens; the log widgets count 5 and ${logged}.`,
    );
    expect(note?.en).toContain(
      "Metrics count every call of the model; the logs hold only the calls made while invocation logging was on.",
    );
    expect(note?.en).toContain("The preflight's probe call");
    expect(note?.vi).toContain("Lời gọi thử của bước kiểm tra đầu");
    // The CLI line asks for the same window.
    const cli = session.events.find((e) => e.type === "action-started" && e.actionId === "preview-dashboard");
    expect(cli?.type === "action-started" && cli.cli).toContain("--start-time $(( $(date +%s) - 1 * 3600 ))");
  });

  it("does not blame the probe when logging was already on before it", async () => {
    session = await startLabSession();
    await run(session.runner);
    const again = session.runnerWith();
    await run(again.runner, [STEP.preflight, STEP.dashboard]);
    const texts = again.events.flatMap((e) =>
      e.type === "output" && e.stepId === STEP.dashboard && e.output.kind === "note" ? [e.output.text.en] : [],
    );
    const note = texts.find((t) => t.startsWith("The metric widgets count"));
    // The first run's probe (before logging) is still in the window; the second was logged.
    expect(note).toContain("The metric widgets count 7 invocations");
    expect(note).toContain("the log widgets count 6");
    expect(note).not.toContain("probe");
  });

  it("shows history seeded hours ago, and over many points uses the widget's own period", async () => {
    const dir = mkdtempSync(join(tmpdir(), "genai-lab-seeded-"));
    const dbPath = join(dir, "sandbox.db");
    const seeded = await seedHistory({
      dbPath,
      hours: 5,
      rate: 3,
      modelIds: ["us.anthropic.claude-sonnet-4-6"],
      seed: 7,
    });
    // Traffic follows the users' day (seed/rhythm.ts): even the quietest five hours hold a hundred calls at rate 3.
    expect(seeded.invocations).toBeGreaterThan(100);
    session = await startLabSession({ dbPath });
    expect((await run(session.runner)).outcome).toBe("passed");
    expect((session.store.state.facts.model as { effective: string }).effective).toBe("us.anthropic.claude-sonnet-4-6");
    const charts = outputs(session.events, "chart").filter((o) => o.kind === "chart");
    const invocations = charts.find((o) => o.kind === "chart" && o.title.en.startsWith("Invocations"));
    expect(invocations?.kind === "chart" && invocations.title.en).toBe("Invocations (metric, 5-min periods)");
    const points = invocations?.kind === "chart" ? (invocations.series[0]?.points ?? []) : [];
    expect(Math.min(...points.map((p) => Number(p.x)))).toBeLessThan(Date.now() - 4 * 3_600_000);
    expect(invocations?.kind === "chart" && invocations.series[0]?.stat).toBe("Sum");
    const perHour = outputs(session.events, "table").find(
      (o) => o.kind === "table" && o.title?.en === "Invocations per hour (logs) (log query)",
    );
    expect(perHour?.kind === "table" && perHour.rows.length).toBeGreaterThanOrEqual(5);
  }, 30_000);

  it("says the console link is not where a dashboard on another endpoint lives", async () => {
    session = await startLabSession({ targetKind: "endpoint" });
    await run(session.runner);
    const note = dashboardNotes(session).find((t) => t.en.startsWith("The link above opens the real AWS console"));
    expect(note?.en).toContain(`exists only at the endpoint ${session.sandbox.endpoint}`);
    expect(note?.vi).toContain(`chỉ tồn tại ở endpoint ${session.sandbox.endpoint}`);
  });
});
