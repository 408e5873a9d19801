/**
 * Cleanup's "nothing left" checks: each thing the lab makes at its names is gone, however it went (the AWS CLI v1
 * or v2, boto3, the console, `genai-lab cleanup`); one that never existed counts as gone. A check that finds one
 * still there names it and gives the exact command that removes it. They check the learner's own work only
 * (`watchedOnly`): everything at the lab's names counts as the learner's, while `genai-lab cleanup` removes only
 * what its ledger says the lab created, and is judged by that. They are not checklist items: a finished lab is
 * graded before cleanup, and after it the checklist fails, as it should.
 *
 * The role check names the lab's role under any name: the one the logging configuration uses, one tagged as the
 * lab's, one Bedrock may assume to write to the lab's log group (cleanup-roles.ts), never the learner's others.
 *
 * Who: genai-lab when its ledger records it removed the thing; otherwise the learner.
 */
import { DescribeAlarmsCommand, GetDashboardCommand } from "@aws-sdk/client-cloudwatch";
import type { Check, CheckResult, LedgerEntry, Text } from "genai-lab/kit";
import type { LabAws, LabParams } from "../lab.js";
import { planCommand } from "./cleanup-plan.js";
import { labRolesLeft, reasonText, roleDeleteLines } from "./cleanup-roles.js";
import { deleteLine } from "./delete-lines.js";
import { ifExists } from "./errors.js";
import { ALARM_NAME } from "./investigation/actions.js";
import { creditFor, jsonDigest } from "./ledger.js";
import { findLogGroup } from "./log-group.js";
import { LOGGING_CONFIG_TYPE, readLoggingConfig } from "./logging-config.js";
import type { ReadCtx } from "./model.js";

type Gone = { status: "pass"; actual: Text } | { status: "left"; actual: Text; hint: Text };

const GONE: Text = { vi: "không còn", en: "gone" };

/** The newest ledger entry of a type and name, whatever its state. */
function entryOf(ctx: ReadCtx, type: string, name: string): LedgerEntry | undefined {
  return ctx.ledger
    .entries()
    .filter((entry) => entry.type === type && entry.name === name)
    .at(-1);
}

/** Passed, credited to genai-lab when its ledger says cleanup removed it (`removedAs`), else to the learner. */
function verdict(ctx: ReadCtx, expected: Text, gone: Gone, removedAs?: [string, string]): CheckResult {
  if (gone.status === "left") return { status: "fail", evidence: { expected, actual: gone.actual }, hint: gone.hint };
  const entry = removedAs ? entryOf(ctx, ...removedAs) : undefined;
  const doneBy = creditFor(ctx, entry?.state === "deleted");
  return { status: "pass", evidence: { expected, actual: gone.actual }, ...(doneBy ? { doneBy } : {}) };
}

/** "X is still there.", what to know first, then the command last: nothing follows it to copy by mistake. */
const leftHint = (what: Text, command: string, note: Text = { vi: "", en: "" }): Text => ({
  vi: `${what.vi} vẫn còn.${note.vi ? ` ${note.vi}` : ""} Xoá nó: \`${command}\``,
  en: `${what.en} is still there.${note.en ? ` ${note.en}` : ""} Remove it: \`${command}\``,
});

async function alarmGone(ctx: ReadCtx): Promise<CheckResult> {
  const { region } = ctx.target;
  const expected: Text = { vi: `không còn alarm ${ALARM_NAME}`, en: `no alarm ${ALARM_NAME}` };
  const out = await ctx.aws.cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: [ALARM_NAME] }), {
    abortSignal: ctx.signal,
  });
  const left = (out.MetricAlarms ?? []).map((alarm) => alarm.AlarmName ?? "").filter(Boolean);
  if (left.length === 0)
    return verdict(ctx, expected, { status: "pass", actual: GONE }, ["cloudwatch-alarm", ALARM_NAME]);
  return verdict(ctx, expected, {
    status: "left",
    actual: { vi: `alarm ${ALARM_NAME} vẫn còn`, en: `the alarm ${ALARM_NAME} is still there` },
    hint: leftHint({ vi: `Alarm ${ALARM_NAME}`, en: `The alarm ${ALARM_NAME}` }, deleteLine.alarm(region, ALARM_NAME)),
  });
}

async function dashboardGone(ctx: ReadCtx): Promise<CheckResult> {
  const { region } = ctx.target;
  const name = ctx.params.dashboardName;
  const expected: Text = { vi: `không còn dashboard ${name}`, en: `no dashboard ${name}` };
  const out = await ifExists(() =>
    ctx.aws.cloudwatch.send(new GetDashboardCommand({ DashboardName: name }), { abortSignal: ctx.signal }),
  );
  const entry = entryOf(ctx, "dashboard", name);
  if (!out) return verdict(ctx, expected, { status: "pass", actual: GONE }, ["dashboard", name]);
  // The lab replaced a dashboard of this name: put back as it was, it is the learner's again.
  const previous = entry?.meta?.previousBody;
  if (typeof previous === "string" && jsonDigest(previous) === jsonDigest(out.DashboardBody ?? "")) {
    const actual: Text = { vi: "đã khôi phục như trước bài lab", en: "put back as it was before the lab" };
    return verdict(ctx, expected, { status: "pass", actual }, ["dashboard", name]);
  }
  const what: Text = { vi: `Dashboard ${name}`, en: `The dashboard ${name}` };
  return verdict(ctx, expected, {
    status: "left",
    actual: { vi: `dashboard ${name} vẫn còn`, en: `the dashboard ${name} is still there` },
    hint: leftHint(what, entry ? planCommand(entry) : deleteLine.dashboard(region, name), {
      vi: "Trên console: CloudWatch → Dashboards → chọn nó → Delete.",
      en: "In the console: CloudWatch → Dashboards → select it → Delete.",
    }),
  });
}

async function loggingOff(ctx: ReadCtx): Promise<CheckResult> {
  const { region } = ctx.target;
  const group = ctx.params.logGroupName;
  const expected: Text = {
    vi: `ở ${region}: không còn cấu hình logging ghi vào ${group}`,
    en: `in ${region}: no logging configuration writing to ${group}`,
  };
  const config = await readLoggingConfig(ctx);
  const removed: [string, string] = [LOGGING_CONFIG_TYPE, region];
  if (!config)
    return verdict(ctx, expected, { status: "pass", actual: { vi: "logging tắt", en: "logging off" } }, removed);
  const writesTo = config.cloudWatchConfig?.logGroupName;
  if (writesTo !== group) {
    // Not the lab's: the learner's own (or the one the lab found, put back), writing elsewhere.
    const actual: Text = {
      vi: `cấu hình hiện có không phải của bài lab (${writesTo ? `ghi vào ${writesTo}` : "không ghi vào CloudWatch Logs"})`,
      en: `the configuration here is not the lab's (${writesTo ? `it writes to ${writesTo}` : "no CloudWatch Logs destination"})`,
    };
    return verdict(ctx, expected, { status: "pass", actual }, removed);
  }
  const entry = entryOf(ctx, LOGGING_CONFIG_TYPE, region);
  const command = entry?.meta?.previous ? planCommand(entry) : deleteLine.loggingConfig(region);
  return verdict(ctx, expected, {
    status: "left",
    actual: { vi: `logging vẫn ghi vào ${group}`, en: `logging still writes to ${group}` },
    hint: leftHint(
      { vi: "Cấu hình model invocation logging", en: "The model invocation logging configuration" },
      command,
      {
        vi: "Trên console: Bedrock → Settings → tắt Model invocation logging.",
        en: "In the console: Bedrock → Settings → turn Model invocation logging off.",
      },
    ),
  });
}

/** The roles this lab made or used for its logging, whatever their names (cleanup-roles.ts says which count). */
async function roleGone(ctx: ReadCtx): Promise<CheckResult> {
  const role = ctx.params.loggingRoleName;
  const group = ctx.params.logGroupName;
  const expected: Text = {
    vi: `không còn IAM role nào bài lab đã dùng để ghi log (${role}, hay role bạn tự đặt tên khác)`,
    en: `no IAM role left that the lab's logging used (${role}, or yours under another name)`,
  };
  const { left, listed } = await labRolesLeft(ctx);
  if (left.length === 0) {
    const given = ctx.params.loggingRoleArn.trim();
    const gone: Text = given
      ? {
          vi: "role của bạn (--logging-role-arn) không phải của bài lab: để nguyên; không còn role nào khác",
          en: "your own role (--logging-role-arn) is not the lab's: left alone; no other is left",
        }
      : GONE;
    // Without iam:ListRoles only the lab's name and the configuration's role could be looked at: say so.
    const actual: Text = listed
      ? gone
      : {
          vi: `${gone.vi} (không liệt kê được role vì thiếu quyền iam:ListRoles: chỉ xem được role mang tên của bài lab và role của cấu hình logging)`,
          en: `${gone.en} (roles could not be listed without iam:ListRoles: only the lab's role name and the logging configuration's role were looked at)`,
        };
    return verdict(ctx, expected, { status: "pass", actual }, given ? undefined : ["iam-role", role]);
  }
  const names = left.map((r) => r.name);
  const each = (lang: "vi" | "en") =>
    left.map((r) => `${r.name} (${r.reasons.map((why) => reasonText(why, group)[lang]).join("; ")})`).join(", ");
  const one = left.length === 1;
  const commands = left.flatMap(roleDeleteLines).join(" && ");
  const policies = left.some((r) => r.policies.inline.length + r.policies.attached.length > 0);
  const note: Text = policies
    ? {
        vi: " IAM chỉ xoá một role khi nó không còn policy nào (inline hay được gắn), nên gỡ policy trước, rồi xoá role.",
        en: " IAM deletes a role only once no policy is left on it (inline or attached), so the policies go first, then the role.",
      }
    : { vi: "", en: "" };
  // The configuration's role is the lab's while logging uses it, but nothing else may tie it to the lab (a role of
  // the learner's from before, reused in step 1 by hand): say so, rather than have them delete one they still need.
  const inUse = left.filter((r) => r.reasons.length === 1 && r.reasons[0] === "config").map((r) => r.name);
  const reused: Text = inUse.length
    ? {
        vi: `. Role ${inUse.join(", ")} được nêu chỉ vì cấu hình logging đang dùng nó: nếu đó là role của bạn có từ trước bài lab, hãy giữ lại — tắt logging là đủ, khi đó nó không còn được nêu nữa.`,
        en: `. ${inUse.join(", ")} ${inUse.length === 1 ? "is" : "are"} named only because the logging configuration uses ${inUse.length === 1 ? "it" : "them"}: if it is a role of yours from before the lab, keep it — turning logging off is enough, it is then no longer named.`,
      }
    : { vi: "", en: "" };
  return {
    status: "fail",
    evidence: {
      expected,
      actual: {
        vi: `IAM role ${each("vi")} vẫn còn`,
        en: `the IAM role${one ? "" : "s"} ${each("en")} ${one ? "is" : "are"} still there`,
      },
      details: { roles: names.join(", ") },
    },
    hint: {
      vi: `IAM role ${names.join(", ")} vẫn còn.${note.vi} Xoá ${one ? "nó" : "chúng"}: \`${commands}\`${reused.vi}`,
      en: `The IAM role${one ? "" : "s"} ${names.join(", ")} ${one ? "is" : "are"} still there.${note.en} Remove ${one ? "it" : "them"}: \`${commands}\`${reused.en}`,
    },
  };
}

async function logGroupGone(ctx: ReadCtx): Promise<CheckResult> {
  const { region } = ctx.target;
  const group = ctx.params.logGroupName;
  const expected: Text = { vi: `không còn log group ${group}`, en: `no log group ${group}` };
  if (!(await findLogGroup(ctx, group)))
    return verdict(ctx, expected, { status: "pass", actual: GONE }, ["log-group", group]);
  return verdict(ctx, expected, {
    status: "left",
    actual: { vi: `log group ${group} vẫn còn`, en: `the log group ${group} is still there` },
    hint: leftHint({ vi: `Log group ${group}`, en: `The log group ${group}` }, deleteLine.logGroup(region, group), {
      vi: "Nó chứa mọi prompt và câu trả lời đã ghi: nếu còn cần, cứ giữ (mục này khi đó để chưa đạt).",
      en: "It holds every logged prompt and answer: if you still need them, keep it (this item then stays open).",
    }),
  });
}

const check = (id: string, label: Text, run: (ctx: ReadCtx) => Promise<CheckResult>): Check<LabParams, LabAws> => ({
  id,
  label,
  watchedOnly: true,
  run,
});

/** In deletion order, as Your turn lists the commands. */
export const CLEANUP_CHECKS: Check<LabParams, LabAws>[] = [
  check(
    "cleanup-alarm-gone",
    { vi: "Không còn: alarm của phần thêm", en: "Nothing left: the bonus's alarm" },
    alarmGone,
  ),
  check("cleanup-dashboard-gone", { vi: "Không còn: dashboard", en: "Nothing left: the dashboard" }, dashboardGone),
  check(
    "cleanup-logging-off",
    { vi: "Không còn: cấu hình invocation logging", en: "Nothing left: the invocation logging configuration" },
    loggingOff,
  ),
  check("cleanup-role-gone", { vi: "Không còn: IAM role ghi log", en: "Nothing left: the logging IAM role" }, roleGone),
  check("cleanup-log-group-gone", { vi: "Không còn: log group", en: "Nothing left: the log group" }, logGroupGone),
];
