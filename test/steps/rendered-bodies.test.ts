/**
 * The step pages read what this run does: they are rendered from Markdown when shown, so the model step 0 chose and
 * the parameters given with --param appear in them (issue 11 item 1: step 2's example named the Legacy original
 * model even after step 0 chose another).
 */
import { afterEach, describe, expect, it } from "vitest";
import { startLabSession, type LabSession } from "../helpers/lab-session.js";
import { run, runCleanup, STEP } from "./util.js";

const ORIGINAL = "anthropic.claude-3-5-sonnet-20241022-v2:0";

let session: LabSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

describe("rendered step pages", () => {
  it("step 2's example and step 4's commands name the model step 0 chose, in both languages", async () => {
    session = await startLabSession();
    const before = session.runner.stepTexts(STEP.invoke).body;
    expect(before.en).toContain(`--model-id ${ORIGINAL} `);

    await run(session.runner, [STEP.preflight]);
    const chosen = (session.store.state.facts.model as { effective: string }).effective;
    expect(chosen).not.toBe(ORIGINAL);
    for (const lang of ["vi", "en"] as const) {
      const invoke = session.runner.stepTexts(STEP.invoke).body[lang];
      expect(invoke).toContain(`--model-id ${chosen} `);
      expect(invoke).toContain(`\`${chosen}\``); // the sentence about the original lab's Python snippet
      expect(invoke).not.toContain(`--model-id ${ORIGINAL}`);
      expect(session.runner.stepTexts(STEP.dashboard).body[lang]).toContain(`"Value":"${chosen}"`);
    }
  });

  it("step 4's page names the window picked from the data, never a fixed 6 h (both languages)", async () => {
    session = await startLabSession();
    const page = () => session!.runner.stepTexts(STEP.dashboard).body;
    expect(page().en).toContain("picked from your data when this step runs: the smallest of 1 h, 3 h, 6 h, 12 h, 1 d");
    expect(page().vi).toContain("chọn theo dữ liệu khi bước này chạy: khoảng nhỏ nhất trong 1 giờ, 3 giờ, 6 giờ");
    expect(page().en).not.toMatch(/the last 6 h/);
    // Calls made just now: the first action picks the last hour, and the page and its command say so.
    expect((await run(session.runner, [STEP.preflight, STEP.logging, STEP.invoke, STEP.dashboard])).outcome).toBe(
      "passed",
    );
    expect(page().en).toContain("over the dashboard's own time window, the last 1 h, picked from your data");
    expect(page().vi).toContain("trên đúng khoảng thời gian của dashboard, 1 giờ gần nhất, chọn theo dữ liệu");
    expect(page().en).toContain("--start-time $(( $(date +%s) - 1 * 3600 ))");
  });

  it("--param values show in the pages, their commands and their console paths", async () => {
    session = await startLabSession({
      params: { logGroupName: "/team/bedrock-logs", dashboardName: "Team-GenAI", logRetentionDays: 30 },
    });
    const logging = session.runner.stepTexts(STEP.logging).body;
    expect(logging.en).toContain("Create the log group** `/team/bedrock-logs`");
    expect(logging.en).toContain("a 30-day retention");
    expect(logging.vi).toContain("retention 30 ngày");
    expect(logging.en).toContain("aws logs create-log-group --region us-east-1 --log-group-name /team/bedrock-logs");
    expect(session.runner.stepTexts(STEP.logs).body.vi).toContain("--log-group-name /team/bedrock-logs ");
    const cleanup = session.runner.stepTexts(STEP.cleanup).body.en;
    expect(cleanup).toContain("aws cloudwatch delete-dashboards --region us-east-1 --dashboard-names Team-GenAI");
    expect(cleanup).toContain("CloudWatch → **Dashboards** → select `Team-GenAI`");
    for (const { step } of session.lab.steps) {
      const texts = session.runner.stepTexts(step.id);
      for (const text of [texts.body.vi, texts.body.en]) expect(text).not.toMatch(/\{\{|GenAI-Monitoring/);
    }
  });
});

describe("wording (issue 11 item 17)", () => {
  it('English says "the original lab", never "the seed": pages, titles, labels, hints, outputs, the manifest', async () => {
    session = await startLabSession();
    await run(session.runner);
    await runCleanup(session.runner);
    const english: string[] = [JSON.stringify(session.lab.manifest), JSON.stringify(session.events)];
    for (const { step } of session.lab.steps) {
      english.push(session.runner.stepTexts(step.id).body.en, JSON.stringify(step));
    }
    const said = english.join("\n").replace(/genai-lab sandbox seed/g, "");
    expect(said.match(/.{0,40}\b[Ss]eed\b.{0,40}/g) ?? []).toEqual([]);
    expect(said).toMatch(/the original lab/);
  });
});
