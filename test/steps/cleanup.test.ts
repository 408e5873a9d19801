/** Cleanup from the ledger leaves the sandbox as it found it, restoring what the lab replaced. */
import { CreateLogGroupCommand, PutRetentionPolicyCommand } from "@aws-sdk/client-cloudwatch-logs";
import { CreateRoleCommand, PutRolePolicyCommand } from "@aws-sdk/client-iam";
import { PutModelInvocationLoggingConfigurationCommand } from "@aws-sdk/client-bedrock";
import { GetDashboardCommand, PutDashboardCommand } from "@aws-sdk/client-cloudwatch";
import { afterEach, describe, expect, it } from "vitest";
import { sandboxResources, startLabSession, type LabSession } from "../helpers/lab-session.js";
import { cellText } from "../../src/engine/outputs.js";
import type { RunnerEvent } from "../../src/engine/events.js";
import { actionOutcomes, notes, outputs, run, runCleanup } from "./util.js";
import { loggingPermissionsPolicy, loggingTrustPolicy } from "../../steps/lib/policies.js";

let session: LabSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

const summaries = (events: RunnerEvent[]) =>
  Object.fromEntries(
    events.flatMap((e) => (e.type === "action-finished" && e.summary ? [[e.actionId, e.summary] as const] : [])),
  );
const cliLine = (events: RunnerEvent[], actionId: string) =>
  events.flatMap((e) => (e.type === "action-started" && e.actionId === actionId ? [e.cli] : []))[0];

function cleanup(s: LabSession, options: Parameters<LabSession["runnerWith"]>[0] = {}) {
  const { runner, events } = s.runnerWith(options);
  return runCleanup(runner).then((summary) => ({ summary, events }));
}

describe("cleanup", () => {
  it("deletes everything the lab created and nothing else", async () => {
    session = await startLabSession();
    const before = await sandboxResources(session.aws);
    await run(session.runner);
    expect(await sandboxResources(session.aws)).not.toEqual(before);
    const { summary } = await cleanup(session);
    expect(summary.outcome).toBe("passed");
    expect(await sandboxResources(session.aws)).toEqual(before);
    expect(session.store.state.ledger.every((entry) => entry.state === "deleted")).toBe(true);
  });

  it("puts back the learner's own logging configuration, log group and dashboard", async () => {
    session = await startLabSession();
    const { aws, target } = session;
    // The learner already logs to their own group through their own role, and has a dashboard with the lab's name.
    await aws.logs.send(new CreateLogGroupCommand({ logGroupName: "/my/app-logs" }));
    await aws.logs.send(new CreateLogGroupCommand({ logGroupName: "/aws/bedrock/model-invocations" }));
    await aws.logs.send(
      new PutRetentionPolicyCommand({ logGroupName: "/aws/bedrock/model-invocations", retentionInDays: 30 }),
    );
    await aws.iam.send(
      new CreateRoleCommand({
        RoleName: "MyLoggingRole",
        AssumeRolePolicyDocument: JSON.stringify(loggingTrustPolicy(target)),
      }),
    );
    await aws.iam.send(
      new PutRolePolicyCommand({
        RoleName: "MyLoggingRole",
        PolicyName: "p",
        PolicyDocument: JSON.stringify(loggingPermissionsPolicy(target, "/my/app-logs")),
      }),
    );
    await aws.bedrock.send(
      new PutModelInvocationLoggingConfigurationCommand({
        loggingConfig: {
          cloudWatchConfig: {
            logGroupName: "/my/app-logs",
            roleArn: `arn:aws:iam::${target.accountId}:role/MyLoggingRole`,
          },
          textDataDeliveryEnabled: true,
        },
      }),
    );
    const mine = JSON.stringify({
      widgets: [{ type: "text", x: 0, y: 0, width: 6, height: 2, properties: { markdown: "mine" } }],
    });
    await aws.cloudwatch.send(new PutDashboardCommand({ DashboardName: "GenAI-Monitoring", DashboardBody: mine }));
    const before = await sandboxResources(aws);

    const asked: string[] = [];
    const { runner } = session.runnerWith({ yes: false, confirm: (q) => (asked.push(q.kind), Promise.resolve(true)) });
    expect((await run(runner)).outcome).toBe("passed");
    expect(asked).toContain("destructive"); // replacing the learner's dashboard was asked first
    expect(session.store.state.ledger.some((e) => e.type === "log-group")).toBe(false); // reused, not owned

    const { events } = await cleanup(session);
    expect(await sandboxResources(aws)).toEqual(before);
    expect(
      (await aws.cloudwatch.send(new GetDashboardCommand({ DashboardName: "GenAI-Monitoring" }))).DashboardBody,
    ).toBe(mine);
    // The CLI line restores rather than deletes, and does not touch the log group the lab did not create.
    const line = cliLine(events, "delete-resources") ?? "";
    expect(line).toContain(
      `aws cloudwatch put-dashboard --region us-east-1 --dashboard-name GenAI-Monitoring --dashboard-body '${mine}'`,
    );
    expect(line).toContain(
      "aws bedrock put-model-invocation-logging-configuration --region us-east-1 --logging-config '{",
    );
    expect(line).not.toContain("delete-log-group");
  });

  it("--dry-run prints the plan and changes nothing", async () => {
    session = await startLabSession();
    await run(session.runner);
    const after = await sandboxResources(session.aws);
    const { events } = await cleanup(session, { dryRun: true });
    expect(await sandboxResources(session.aws)).toEqual(after);
    const plan = outputs(events, "table")[0];
    const types = (lang: "vi" | "en") =>
      plan?.kind === "table" ? plan.rows.map((row) => cellText(row.type, lang)) : [];
    expect(types("en")).toEqual([
      "CloudWatch dashboard",
      "Invocation logging configuration",
      "IAM role inline policy",
      "IAM role",
      "Log group",
    ]);
    expect(types("vi")).toEqual([
      "CloudWatch dashboard",
      "Cấu hình invocation logging",
      "Inline policy của IAM role",
      "IAM role",
      "Log group",
    ]);
    expect(actionOutcomes(events)).toEqual(["show-plan:done", "delete-resources:done"]);
    expect(summaries(events)["delete-resources"]).toEqual({
      vi: "Chạy thử (--dry-run): không xoá gì",
      en: "Dry run: nothing deleted",
    });
    expect(summaries(events)["show-plan"]?.en).toBe("5 resources in the plan");
    // The dry run's CLI line is the whole plan: five commands, in the plan's order.
    expect(
      cliLine(events, "delete-resources")
        ?.split(" && ")
        .map((c) => c.split(" ").slice(0, 3).join(" ")),
    ).toEqual([
      "aws cloudwatch delete-dashboards",
      "aws bedrock delete-model-invocation-logging-configuration",
      "aws iam delete-role-policy",
      "aws iam delete-role",
      "aws logs delete-log-group",
    ]);
  });

  it("lists in its CLI line only what it will delete, and counts in the singular", async () => {
    session = await startLabSession();
    await run(session.runner);
    // The log group is kept: the question comes with the plan, before anything is deleted, and the line leaves it out.
    const asked: string[] = [];
    const first = await cleanup(session, {
      yes: false,
      confirm: (q) => (asked.push(q.question.en), Promise.resolve(false)),
    });
    expect(asked).toEqual(["Delete the log group /aws/bedrock/model-invocations?"]);
    const line = cliLine(first.events, "delete-resources") ?? "";
    expect(line).not.toContain("delete-log-group");
    expect(line.split(" && ")).toHaveLength(4);
    expect(summaries(first.events)["show-plan"]).toEqual({
      vi: "5 tài nguyên trong kế hoạch, giữ lại 1",
      en: "5 resources in the plan, 1 kept",
    });
    expect(notes(first.events)).toContain("The log group /aws/bedrock/model-invocations will be kept.");
    const progress = first.events.flatMap((e) => (e.type === "progress" ? [e.message.en] : []));
    expect(progress).toContain("Cleaning up: IAM role GenAILabBedrockLoggingRole");
    expect(progress.some((m) => m.includes("Log group"))).toBe(false);
    // Left: the log group alone.
    const second = await cleanup(session);
    expect(summaries(second.events)["show-plan"]).toEqual({
      vi: "1 tài nguyên trong kế hoạch",
      en: "1 resource in the plan",
    });
    expect(cliLine(second.events, "delete-resources")).toBe(
      "aws logs delete-log-group --region us-east-1 --log-group-name /aws/bedrock/model-invocations",
    );
    expect(summaries(second.events)["delete-resources"]?.en).toBe("1 of 1 resource cleaned up");
    expect(session.store.state.facts.cleanupPlan).toBeUndefined();
  });

  it("asks before deleting the log group, keeps it when told no, and deletes it on a later cleanup", async () => {
    session = await startLabSession();
    await run(session.runner);
    await cleanup(session, { yes: false, confirm: (q) => Promise.resolve(q.kind !== "destructive") });
    const kept = await sandboxResources(session.aws);
    expect(kept).toMatchObject({
      logGroups: ["/aws/bedrock/model-invocations retention=7"],
      roles: [],
      logging: null,
      dashboards: [],
    });
    expect(session.store.state.ledger.find((e) => e.type === "log-group")?.state).toBe("created");
    await cleanup(session);
    expect(await sandboxResources(session.aws)).toMatchObject({ logGroups: [] });
  });

  it("has nothing to do on a fresh state", async () => {
    session = await startLabSession();
    const { events, summary } = await cleanup(session);
    expect(summary.outcome).toBe("passed");
    expect(actionOutcomes(events)).toEqual(["show-plan:skipped", "delete-resources:skipped"]);
  });
});
