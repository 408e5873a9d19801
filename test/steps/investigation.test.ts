/**
 * The bonus investigation is graded on what the learner's own queries returned and on what CloudWatch's evaluation
 * did: several different correct queries pass, and each near miss fails with the hint that names its cause. A seeded
 * cost-spike incident in a sandbox on a fixed clock; queries and alarms made through the SDK, as a learner would.
 */
import { PutMetricAlarmCommand, SetAlarmStateCommand } from "@aws-sdk/client-cloudwatch";
import type { PutMetricAlarmCommandInput } from "@aws-sdk/client-cloudwatch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckContext, CheckResult, LedgerEntry } from "../../src/engine/contract.js";
import { realClock } from "../../src/engine/clock.js";
import type { RunningSandbox } from "../../src/sandbox/index.js";
import { withZeros } from "../../steps/lib/investigation/actions.js";
import { checkIncidentAlarm, checkThrottleStart, checkTopTenant } from "../../steps/lib/investigation/checks.js";
import { gradeThrottleStart, gradeTopTenant } from "../../steps/lib/investigation/grade.js";
import { learnerLooks, renderedStart } from "../../steps/lib/investigation/queries.js";
import type { Incident } from "../../steps/lib/investigation/incident.js";
import { readIncident } from "../../steps/lib/investigation/incident.js";
import { referenceAnswers } from "../../steps/lib/investigation/reference.js";
import type { Reference } from "../../steps/lib/investigation/reference.js";
import type { ReadCtx } from "../../steps/lib/model.js";
import { clients, startTestSandbox } from "../sandbox/helpers.js";
import type { Clients } from "../sandbox/helpers.js";
import { insights } from "../sandbox/seed/query.js";

const START = Date.UTC(2026, 11, 2, 8, 0, 0); // 15:00 in Vietnam: a busy afternoon
let clock = START;
let sandbox: RunningSandbox;
let c: Clients;
let incident: Incident;
let reference: Reference;

function context(
  ledger: LedgerEntry[] = [],
  facts: Record<string, unknown> = {},
  attribution?: CheckContext["attribution"],
): ReadCtx {
  const ctx = {
    aws: { logs: c.logs, cloudwatch: c.cw, sts: c.sts, bedrock: c.bedrock, bedrockRuntime: c.runtime, iam: c.iam },
    params: { logGroupName: "/aws/bedrock/model-invocations" },
    target: {
      kind: "sandbox",
      region: "us-east-1",
      accountId: "123456789012",
      principalArn: "arn:aws:iam::123456789012:user/learner",
    },
    lang: "en",
    facts: { get: (key: string) => facts[key] },
    ledger: { entries: () => ledger },
    report: { progress: () => undefined, output: () => undefined, note: () => undefined },
    signal: new AbortController().signal,
    clock: realClock,
    liveCheck: false,
    ...(attribution ? { attribution } : {}),
    poll: () => Promise.reject(new Error("not used")),
  };
  return ctx as unknown as ReadCtx;
}

function setClock(ms: number): void {
  clock = ms;
  const offset = ms - Date.now();
  for (const client of Object.values(c))
    (client as { config: { systemClockOffset: number } }).config.systemClockOffset = offset;
}

beforeAll(async () => {
  sandbox = await startTestSandbox({ now: () => clock });
  c = clients(sandbox, sandbox.credentials, sandbox.region, START - Date.now());
  const seeded = await fetch(`${sandbox.endpoint}/_sandbox/seed`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ hours: 6, rate: 3, scenario: "cost-spike", seed: 12 }),
  });
  expect(seeded.status).toBe(200);
  setClock(START + 60_000);
  incident = (await readIncident(context()))!;
  reference = await referenceAnswers(context(), incident.logGroupName, {
    from: incident.from,
    start: incident.incidentStart,
    to: incident.to,
  });
}, 60_000);
afterAll(() => sandbox.close());

const during = () => ({ from: incident.incidentStart, to: clock });
const whole = () => ({ from: incident.from, to: clock });
const look = async (query: string, window: { from: number; to: number }) => ({
  id: query,
  createdAt: clock,
  rows: await insights(c, query, window),
});
const failed = (result: CheckResult) => (result.status === "fail" ? result.hint.en : `not a failure: ${result.status}`);

describe("the seeded incident", () => {
  it("is a cost spike whose tenant leads since it began, but not over the whole history", () => {
    expect(incident).toMatchObject({ scenario: "cost-spike", incidentStart: START - 45 * 60_000 });
    expect(reference.tenants[0]?.tenant).toBe("mekong-travel");
    expect(reference.tenantsOverall[0]?.tenant).not.toBe("mekong-travel");
    expect(reference.firstThrottle).toBeGreaterThanOrEqual(incident.incidentStart);
    expect(reference.earlierThrottle).toBeLessThan(incident.incidentStart);
  });
});

describe("the checks, end to end (queries found through DescribeQueries)", () => {
  it("fail with the near miss's hint, then pass once a right query has run, credited to the learner", async () => {
    await insights(c, "stats count(*) as calls by requestMetadata.tenant_id | sort calls desc", during());
    expect(failed(await checkTopTenant(context()))).toMatch(/add input and output tokens/);
    await insights(
      c,
      "stats sum(input.inputTokenCount + output.outputTokenCount) as tokens by requestMetadata.tenant_id | sort tokens desc",
      during(),
    );
    expect(await checkTopTenant(context())).toMatchObject({ status: "pass", doneBy: "learner" });

    await insights(c, 'filter errorCode = "ThrottlingException" | sort @timestamp desc | limit 1', during());
    expect(failed(await checkThrottleStart(context()))).toMatch(/not the first: sort oldest first/);
    await insights(c, 'filter errorCode = "ThrottlingException" | sort @timestamp asc | limit 1', during());
    expect(await checkThrottleStart(context())).toMatchObject({ status: "pass", doneBy: "learner" });
  });

  it("read where each query's time range began from AWS's rendering, and name a range that began too late", async () => {
    expect(renderedStart('SOURCE "/aws/bedrock/model-invocations" START=1764662400000 END=1764666000000 | stats')).toBe(
      1764662400000,
    );
    expect(renderedStart("fields @timestamp")).toBeUndefined();
    const first = reference.firstThrottle!;
    const late = { from: first + 60_000, to: clock };
    await insights(c, 'filter errorCode = "ThrottlingException" | sort @timestamp asc | limit 1', late);
    const looks = await learnerLooks(context(), incident.logGroupName, incident.to - 60_000);
    // The sandbox's clock stands still here: every query has the same createTime, so find this one by its range.
    const mine = looks.find((one) => one.startMs === Math.floor(late.from / 1000) * 1000);
    expect(mine).toBeDefined();
    const grade = gradeThrottleStart([mine!], reference, incident.incidentStart);
    expect(grade).toMatchObject({ status: "near", reason: "late-window" });
    // The same rows without the range's start (another endpoint's rendering): not sorted oldest first, as before.
    const bare = { ...mine!, startMs: undefined };
    expect(gradeThrottleStart([bare], reference, incident.incidentStart)).toMatchObject({ reason: "not-first" });
  });

  it("credits the runner when the passing query is one of its own", async () => {
    const result = await checkTopTenant(context());
    const queryId = result.status === "pass" ? result.evidence?.details?.queryId : undefined;
    expect(queryId).toBeDefined();
    expect(await checkTopTenant(context([], { insightsQueries: [queryId] }))).toMatchObject({ doneBy: "runner" });
  });

  it("credit no one in class grading (checks-only), where the runner's queries are unknown", async () => {
    const tenant = await checkTopTenant(context([], {}, "checks-only"));
    expect(tenant.status).toBe("pass");
    expect(tenant).not.toHaveProperty("doneBy");
    const throttle = await checkThrottleStart(context([], {}, "checks-only"));
    expect(throttle.status).toBe("pass");
    expect(throttle).not.toHaveProperty("doneBy");
  });

  it("say where to seed the incident when there is none, and that AWS has none", async () => {
    const empty = await startTestSandbox();
    try {
      const saved = c;
      c = clients(empty, empty.credentials, empty.region);
      expect(failed(await checkTopTenant(context()))).toContain(
        "genai-lab sandbox seed --hours 6 --rate 3 --scenario cost-spike",
      );
      const onAws = { ...context(), target: { ...context().target, kind: "aws" } } as CheckContext as ReadCtx;
      expect(failed(await checkIncidentAlarm(onAws))).toContain("runs on the sandbox only");
      c = saved;
    } finally {
      await empty.close();
    }
  });
});

describe("which tenant used the most tokens in the spike", () => {
  it.each([
    "stats sum(input.inputTokenCount + output.outputTokenCount) as tokens by requestMetadata.tenant_id | sort tokens desc",
    "stats sum(input.inputTokenCount) + sum(output.outputTokenCount) as t by requestMetadata.tenant_id | sort t desc | limit 1",
    "fields requestMetadata.tenant_id as tenant, input.inputTokenCount + output.outputTokenCount as used | filter ispresent(tenant) | stats sum(used) as total by tenant | sort total desc | limit 3",
  ])("passes a correct query: %s", async (query) => {
    expect(gradeTopTenant([await look(query, during())], reference).status).toBe("pass");
  });

  it.each([
    [
      "sorted ascending",
      "stats sum(input.inputTokenCount + output.outputTokenCount) as tokens by requestMetadata.tenant_id | sort tokens asc",
      during,
      "not-sorted",
    ],
    [
      "over the whole history",
      "stats sum(input.inputTokenCount + output.outputTokenCount) as tokens by requestMetadata.tenant_id | sort tokens desc",
      whole,
      "no-time-range",
    ],
    [
      "counting calls",
      "stats count(*) as calls by requestMetadata.tenant_id | sort calls desc",
      during,
      "other-tenant",
    ],
  ] as const)("recognises a near miss: %s", async (_what, query, window, reason) => {
    const grade = gradeTopTenant([await look(query, window())], reference);
    expect(grade).toMatchObject({ status: "near", reason });
  });

  it("passes input tokens only, or a window that starts a little early; not the right name beside a count of calls", async () => {
    const early = () => ({ from: incident.incidentStart - 15 * 60_000, to: clock });
    const inputOnly = "stats sum(input.inputTokenCount) as tokens by requestMetadata.tenant_id | sort tokens desc";
    expect(gradeTopTenant([await look(inputOnly, during())], reference).status).toBe("pass");
    const both =
      "stats sum(input.inputTokenCount + output.outputTokenCount) as t by requestMetadata.tenant_id | sort t desc";
    expect(gradeTopTenant([await look(both, early())], reference).status).toBe("pass");
    // With another seed the tenant making the most calls is the spike's too (found by hand): the name is right, the
    // method is not, and the hint says so.
    const counted = {
      id: "q-calls",
      createdAt: clock,
      rows: [
        { "requestMetadata.tenant_id": "mekong-travel", calls: "81" },
        { "requestMetadata.tenant_id": "acme-retail", calls: "16" },
      ],
    };
    expect(gradeTopTenant([counted], reference)).toMatchObject({ status: "near", reason: "not-tokens" });
  });
});

describe("when throttling began, to the minute", () => {
  it("does not take an hourly count for the answer, even when throttling began in the hour's first minutes", () => {
    // Found by hand: the dashboard preview's own per-hour query passed for genai-lab when the first throttle fell
    // in the first five minutes of an hour (its 5-minute bin is the hour itself).
    const firstThrottle = Date.UTC(2026, 11, 2, 7, 2, 13, 418);
    const ref = { ...reference, firstThrottle };
    const start = Date.UTC(2026, 11, 2, 6, 55);
    const rows = (...times: string[]) => times.map((t) => ({ "bin(1h)": t, invocations: "40" }));
    const hourly = { id: "hourly", createdAt: 0, rows: rows("2026-12-02 07:00:00.000", "2026-12-02 06:00:00.000") };
    expect(gradeThrottleStart([hourly], ref, start)).toMatchObject({ status: "near", reason: "hourly" });
    const fiveMinutes = { id: "5m", createdAt: 0, rows: rows("2026-12-02 07:00:00.000", "2026-12-02 07:05:00.000") };
    expect(gradeThrottleStart([fiveMinutes], ref, start).status).toBe("pass");
    const exact = { id: "exact", createdAt: 0, rows: [{ "@timestamp": "2026-12-02 07:02:13.418" }] };
    expect(gradeThrottleStart([exact], ref, start).status).toBe("pass");
  });
});

describe("when throttling began", () => {
  it.each([
    ['filter errorCode = "ThrottlingException" | sort @timestamp asc | limit 1', during],
    ['filter errorCode = "ThrottlingException" | stats earliest(@timestamp) as first', during],
    ['filter errorCode = "ThrottlingException" | stats count(*) as throttles by bin(1m) | sort throttles desc', during],
    [
      'filter errorCode = "ThrottlingException" and @timestamp >= INCIDENT | fields @timestamp, modelId | sort @timestamp asc | limit 5',
      whole,
    ],
  ] as const)("passes a correct query: %s", async (query, window) => {
    const text = query.replace("INCIDENT", String(incident.incidentStart));
    expect(gradeThrottleStart([await look(text, window())], reference, incident.incidentStart).status).toBe("pass");
  });

  it.each([
    [
      "the whole history's first throttle",
      'filter errorCode = "ThrottlingException" | sort @timestamp asc | limit 1',
      whole,
      "before-incident",
    ],
    ["the first call, throttled or not", "fields @timestamp | sort @timestamp asc | limit 1", during, "not-throttles"],
    [
      "the latest throttle",
      'filter errorCode = "ThrottlingException" | sort @timestamp desc | limit 1',
      during,
      "not-first",
    ],
  ] as const)("recognises a near miss: %s", async (_what, query, window, reason) => {
    const grade = gradeThrottleStart([await look(query, window())], reference, incident.incidentStart);
    expect(grade).toMatchObject({ status: "near", reason });
  });
});

describe("an alarm that goes to ALARM during the incident", () => {
  const alarm = (name: string, extra: Partial<PutMetricAlarmCommandInput> = {}) =>
    c.cw.send(
      new PutMetricAlarmCommand({
        AlarmName: name,
        Namespace: "AWS/Bedrock",
        MetricName: "InvocationThrottles",
        Dimensions: [{ Name: "ModelId", Value: "us.anthropic.claude-sonnet-4-6" }],
        Statistic: "Sum",
        Period: 300,
        EvaluationPeriods: 1,
        Threshold: 5,
        ComparisonOperator: "GreaterThanThreshold",
        TreatMissingData: "notBreaching",
        ...extra,
      }),
    );

  it("tells each near miss from a right alarm, and credits the runner's own", async () => {
    expect(failed(await checkIncidentAlarm(context()))).toMatch(/Create an alarm/);
    await alarm("too-high", { Threshold: 100_000 });
    await alarm("wrong-model", {
      Dimensions: [
        {
          Name: "ModelId",
          Value: "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-6",
        },
      ],
      TreatMissingData: "missing",
    });
    setClock(clock + 61_000);
    expect(failed(await checkIncidentAlarm(context()))).toMatch(/ModelId=us\.anthropic\.claude-sonnet-4-6/);
    await alarm("always", { MetricName: "Invocations", Threshold: 0 });
    setClock(clock + 61_000);
    expect(failed(await checkIncidentAlarm(context()))).toMatch(/fires on ordinary traffic/);
    await alarm("forced", { Threshold: 100_000 });
    await c.cw.send(new SetAlarmStateCommand({ AlarmName: "forced", StateValue: "ALARM", StateReason: "testing" }));
    expect(failed(await checkIncidentAlarm(context()))).toMatch(/SetAlarmState only tests notifications/);

    await alarm("throttles", { Threshold: 2, EvaluationPeriods: 3, DatapointsToAlarm: 1 });
    // Before CloudWatch's first evaluation a right alarm is INSUFFICIENT_DATA on a metric that has data: not
    // "no data" (which sent a learner hunting for a wrong dimension), but "not evaluated yet".
    const pending = await checkIncidentAlarm(context());
    expect(failed(pending)).toMatch(/until CloudWatch first evaluates it/);
    expect(pending.status === "fail" && pending.hint.vi).toMatch(/lần đánh giá đầu tiên/);
    setClock(clock + 61_000);
    expect(await checkIncidentAlarm(context())).toMatchObject({ status: "pass", doneBy: "learner" });
    const ours: LedgerEntry = {
      key: "k",
      type: "cloudwatch-alarm",
      name: "throttles",
      region: "us-east-1",
      state: "created",
      stepId: "investigate",
      actionId: "create-alarm",
      createdAt: "",
      updatedAt: "",
    };
    expect(await checkIncidentAlarm(context([ours]))).toMatchObject({ status: "pass", doneBy: "runner" });
    // An interrupted "do it for me" (still "creating") proves nothing; class grading credits no one it cannot prove.
    expect(await checkIncidentAlarm(context([{ ...ours, state: "creating" }]))).toMatchObject({ doneBy: "learner" });
    const graded = await checkIncidentAlarm(context([], {}, "checks-only"));
    expect(graded.status).toBe("pass");
    expect(graded).not.toHaveProperty("doneBy");
  });
});

describe("the runner's throttles chart", () => {
  it("draws the empty 5-minute periods before and between the throttles as 0", () => {
    const p = 300_000;
    expect(
      withZeros(
        [
          [10 * p, 4],
          [12 * p, 7],
        ],
        7 * p + 1000,
        p,
      ),
    ).toEqual([
      [8 * p, 0],
      [9 * p, 0],
      [10 * p, 4],
      [11 * p, 0],
      [12 * p, 7],
    ]);
    expect(withZeros([], 0, p)).toEqual([]);
  });
});
