/**
 * The investigation's three bonus checks. Each reads the seeded incident, works out the reference answer from the
 * records, and grades what the learner's own Logs Insights queries returned (or, for the alarm, what CloudWatch's
 * evaluation did). Credited to the runner only for the runner's own queries and alarm.
 */
import type { CheckResult, DoneBy, Text } from "genai-lab/kit";
import type { ReadCtx } from "../model.js";
import { createdEntry, creditFor } from "../ledger.js";
import { gradeAlarm } from "./alarm-grade.js";
import type { AlarmGrade } from "./alarm-grade.js";
import { gradeThrottleStart, gradeTopTenant } from "./grade.js";
import type { Incident } from "./incident.js";
import { readIncident } from "./incident.js";
import { learnerLooks, runnerQueries } from "./queries.js";
import { referenceAnswers } from "./reference.js";
import type { Reference } from "./reference.js";
import { ALARM_TEXTS, NO_INCIDENT, TENANT_TEXTS, THROTTLE_TEXTS, hhmm } from "./texts.js";

export const ALARM_LEDGER_TYPE = "cloudwatch-alarm";

interface Ready {
  incident: Incident;
  reference: Reference;
}

async function prepare(ctx: ReadCtx): Promise<Ready | CheckResult> {
  const incident = await readIncident(ctx);
  if (incident === undefined) {
    const onAws = ctx.target.kind === "aws";
    return { status: "fail", evidence: NO_INCIDENT.evidence(onAws), hint: NO_INCIDENT.hint(onAws) };
  }
  const reference = await referenceAnswers(ctx, incident.logGroupName, {
    from: incident.from,
    start: incident.incidentStart,
    to: incident.to,
  });
  return { incident, reference };
}

/** Credit (main's contract, ledger.ts creditFor): unknown in class grading unless the runner's own query is proven. */
const doneByQuery = (ctx: ReadCtx, queryId: string): DoneBy | undefined =>
  creditFor(ctx, runnerQueries(ctx).has(queryId));

const withCredit = (doneBy: DoneBy | undefined) => (doneBy ? { doneBy } : {});

export async function checkTopTenant(ctx: ReadCtx): Promise<CheckResult> {
  const ready = await prepare(ctx);
  if ("status" in ready) return ready;
  const { incident, reference } = ready;
  const answer = reference.tenants[0]?.tenant ?? "";
  const looks = await learnerLooks(ctx, incident.logGroupName, incident.to - 60_000);
  const grade = gradeTopTenant(looks, reference);
  const expected = TENANT_TEXTS.expected(hhmm(incident.incidentStart));
  if (grade.status === "pass") {
    return {
      status: "pass",
      evidence: { expected, actual: TENANT_TEXTS.passed(answer), details: { queryId: grade.queryId } },
      ...withCredit(doneByQuery(ctx, grade.queryId)),
    };
  }
  const shown = grade.status === "near" ? grade.shown : undefined;
  return {
    status: "fail",
    evidence: { expected, actual: TENANT_TEXTS.actual(looks.length, shown) },
    hint: TENANT_TEXTS.hint(grade.status === "near" ? grade.reason : "none", hhmm(incident.incidentStart)),
  };
}

export async function checkThrottleStart(ctx: ReadCtx): Promise<CheckResult> {
  const ready = await prepare(ctx);
  if ("status" in ready) return ready;
  const { incident, reference } = ready;
  const looks = await learnerLooks(ctx, incident.logGroupName, incident.to - 60_000);
  const grade = gradeThrottleStart(looks, reference, incident.incidentStart);
  const expected = THROTTLE_TEXTS.expected(hhmm(incident.incidentStart));
  if (grade.status === "pass") {
    return {
      status: "pass",
      evidence: {
        expected,
        actual: THROTTLE_TEXTS.passed(new Date(reference.firstThrottle ?? 0).toISOString()),
        details: { queryId: grade.queryId },
      },
      ...withCredit(doneByQuery(ctx, grade.queryId)),
    };
  }
  return {
    status: "fail",
    evidence: {
      expected,
      actual: THROTTLE_TEXTS.actual(looks.length, grade.status === "near" ? grade.shown : undefined),
    },
    hint: THROTTLE_TEXTS.hint(grade.status === "near" ? grade.reason : "none", hhmm(incident.incidentStart)),
  };
}

/** The runner's only when its action saw the alarm through ("created"); an interrupted "creating" proves nothing. */
function alarmDoneBy(ctx: ReadCtx, grade: AlarmGrade & { status: "pass" }): DoneBy | undefined {
  return creditFor(ctx, createdEntry(ctx, ALARM_LEDGER_TYPE, grade.alarm) !== undefined);
}

export async function checkIncidentAlarm(ctx: ReadCtx): Promise<CheckResult> {
  const incident = await readIncident(ctx);
  if (incident === undefined) {
    const onAws = ctx.target.kind === "aws";
    return { status: "fail", evidence: NO_INCIDENT.evidence(onAws), hint: NO_INCIDENT.hint(onAws) };
  }
  const grade = await gradeAlarm(ctx, incident.incidentStart);
  const expected = ALARM_TEXTS.expected(hhmm(incident.incidentStart));
  if (grade.status === "pass") {
    return {
      status: "pass",
      evidence: { expected, actual: ALARM_TEXTS.passed(grade.alarm, hhmm(grade.since)) },
      ...withCredit(alarmDoneBy(ctx, grade)),
    };
  }
  const actual: Text = ALARM_TEXTS.actual(grade.reason, grade.alarm);
  return { status: "fail", evidence: { expected, actual }, hint: ALARM_TEXTS.hint(grade.reason, grade.detail) };
}
