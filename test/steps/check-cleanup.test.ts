/**
 * Cleanup's "nothing left" checks (steps/lib/cleanup-checks.ts): each thing at the lab's names gone, however it went;
 * one that never existed counts as gone; one still there is named with the command that removes it, in both
 * languages. They are not checklist items, and `genai-lab cleanup` is judged by its ledger, not by them.
 */
import {
  DeleteAlarmsCommand,
  DeleteDashboardsCommand,
  PutDashboardCommand,
  PutMetricAlarmCommand,
} from "@aws-sdk/client-cloudwatch";
import { DeleteModelInvocationLoggingConfigurationCommand } from "@aws-sdk/client-bedrock";
import { DeleteLogGroupCommand } from "@aws-sdk/client-cloudwatch-logs";
import { DeleteRoleCommand, DeleteRolePolicyCommand } from "@aws-sdk/client-iam";
import { describe, expect, it } from "vitest";
import { ALARM_NAME } from "../../steps/lib/investigation/actions.js";
import { actualOf, hintOf, hintViOf, labPerTest, loggingByHand, runCheck, type LearnerAws } from "./check-kit.js";
import type { LabSession } from "../helpers/lab-session.js";
import { run, runCleanup, STEP } from "./util.js";
import { watchedChecks } from "./your-turn-tools.js";

const IDS = [
  "cleanup-alarm-gone",
  "cleanup-dashboard-gone",
  "cleanup-logging-off",
  "cleanup-role-gone",
  "cleanup-log-group-gone",
];
const ROLE = "GenAILabBedrockLoggingRole";
const BODY = JSON.stringify({
  widgets: [{ type: "text", x: 0, y: 0, width: 6, height: 2, properties: { markdown: "x" } }],
});

const verdicts = (s: LabSession, params: Record<string, unknown> = {}) => watchedChecks(s, STEP.cleanup, params);

/** Everything the lab makes, made by hand with the lab's names (the alarm too, as the bonus asks). */
async function everythingByHand(s: LabSession, aws: LearnerAws): Promise<void> {
  await loggingByHand(s, aws, ROLE);
  await aws.cloudwatch.send(new PutDashboardCommand({ DashboardName: "GenAI-Monitoring", DashboardBody: BODY }));
  await aws.cloudwatch.send(
    new PutMetricAlarmCommand({
      AlarmName: ALARM_NAME,
      Namespace: "AWS/Bedrock",
      MetricName: "InvocationThrottles",
      Statistic: "Sum",
      Period: 300,
      EvaluationPeriods: 1,
      Threshold: 2,
      ComparisonOperator: "GreaterThanThreshold",
    }),
  );
}

describe("cleanup's nothing-left checks", () => {
  const start = labPerTest();

  it("a lab never begun: nothing was there, so nothing is left", async () => {
    const [s] = await start();
    expect(await verdicts(s)).toEqual(IDS.map((id) => `${id}:pass:learner`));
  });

  it("each thing still there is named, with the exact command that removes it, in both languages", async () => {
    const [s, aws] = await start();
    await everythingByHand(s, aws);
    const expected: Record<string, [RegExp, RegExp]> = {
      "cleanup-alarm-gone": [
        /aws cloudwatch delete-alarms --region us-east-1 --alarm-names GenAI-Sonnet-Throttles/,
        /Alarm GenAI-Sonnet-Throttles vẫn còn/,
      ],
      "cleanup-dashboard-gone": [
        /aws cloudwatch delete-dashboards --region us-east-1 --dashboard-names GenAI-Monitoring/,
        /Dashboard GenAI-Monitoring vẫn còn/,
      ],
      "cleanup-logging-off": [
        /aws bedrock delete-model-invocation-logging-configuration --region us-east-1/,
        /logging vẫn còn/,
      ],
      "cleanup-role-gone": [
        /aws iam delete-role-policy --role-name GenAILabBedrockLoggingRole --policy-name write && aws iam delete-role --role-name GenAILabBedrockLoggingRole/,
        /IAM role GenAILabBedrockLoggingRole vẫn còn/,
      ],
      "cleanup-log-group-gone": [
        /aws logs delete-log-group --region us-east-1 --log-group-name \/aws\/bedrock\/model-invocations/,
        /giữ/,
      ],
    };
    for (const id of IDS) {
      const { result, ms } = await runCheck(s, id, { liveCheck: true });
      expect(result.status, id).toBe("fail");
      expect(actualOf(result)).toMatch(/still there|still writes/);
      expect(hintOf(result)).toMatch(expected[id]![0]);
      expect(hintViOf(result)).toMatch(expected[id]![1]);
      expect(hintOf(result)).toMatch(/Remove it: `[^`]+`$/); // the command last: nothing after it to copy by mistake
      expect(ms).toBeLessThan(3000);
    }
  });

  it("deleted by hand with the SDK (as boto3 or the console do it): every item passes, credited to the learner", async () => {
    const [s, aws] = await start();
    await everythingByHand(s, aws);
    await aws.cloudwatch.send(new DeleteAlarmsCommand({ AlarmNames: [ALARM_NAME] }));
    await aws.cloudwatch.send(new DeleteDashboardsCommand({ DashboardNames: ["GenAI-Monitoring"] }));
    await aws.bedrock.send(new DeleteModelInvocationLoggingConfigurationCommand({}));
    expect((await verdicts(s)).slice(0, 3)).toEqual(IDS.slice(0, 3).map((id) => `${id}:pass:learner`));
    expect((await verdicts(s)).slice(3)).toEqual(IDS.slice(3).map((id) => `${id}:fail:`));
    await aws.iam.send(new DeleteRolePolicyCommand({ RoleName: ROLE, PolicyName: "write" }));
    await aws.iam.send(new DeleteRoleCommand({ RoleName: ROLE }));
    await aws.logs.send(new DeleteLogGroupCommand({ logGroupName: "/aws/bedrock/model-invocations" }));
    expect(await verdicts(s)).toEqual(IDS.map((id) => `${id}:pass:learner`));
  });

  it("a logging configuration to another group is not the lab's; a role given with --logging-role-arn is left alone", async () => {
    const [s, aws] = await start();
    await loggingByHand(s, aws, ROLE);
    const mine = { logGroupName: "/my/app", loggingRoleArn: `arn:aws:iam::${s.target.accountId}:role/${ROLE}` };
    const [, , logging, role] = await verdicts(s, mine);
    expect([logging, role]).toEqual(["cleanup-logging-off:pass:learner", "cleanup-role-gone:pass:learner"]);
  });

  it("after genai-lab's own cleanup: passed by its ledger alone, and each removed thing credited to genai-lab", async () => {
    const [s] = await start();
    expect((await run(s.runner)).outcome).toBe("passed");
    expect(await verdicts(s)).toEqual(
      IDS.map((id) => (id === "cleanup-alarm-gone" ? `${id}:pass:learner` : `${id}:fail:`)),
    );
    const { runner, events } = s.runnerWith();
    expect((await runCleanup(runner)).outcome).toBe("passed");
    // The step's run did not run them (its ledger judges it): no check of the cleanup step started.
    expect(events.filter((e) => e.type === "check-started")).toEqual([]);
    expect(await verdicts(s)).toEqual(
      IDS.map((id) => `${id}:pass:${id === "cleanup-alarm-gone" ? "learner" : "runner"}`),
    );
  });

  it("are not checklist items: a finished lab still grades 4/4 before cleanup", async () => {
    const [s] = await start();
    const summary = await run(s.runner);
    expect(summary.checklist.map((item) => `${item.id}:${item.result.status}`)).toEqual([
      "logging-enabled:pass",
      "log-entries-present:pass",
      "insights-returns-results:pass",
      "dashboard-shows-metrics:pass",
    ]);
    expect(s.lab.manifest.checklist.map((e) => e.id).some((id) => IDS.includes(id))).toBe(false);
    expect((s.lab.manifest.bonus ?? []).map((e) => e.id).some((id) => IDS.includes(id))).toBe(false);
  });
});
