/**
 * Hands-on mode end to end (issue 10 "Done when"): the real `genai-lab` TUI in a pseudo-terminal on a fresh state
 * directory and its own sandbox, while a SECOND actor — this test process, through the AWS SDK, as a learner's
 * boto3 or AWS CLI would — enables invocation logging against the endpoint the TUI's sandbox registered. The TUI's
 * live check ticks step 1 and its checklist item, credited to the learner; `check --format json` agrees. Then,
 * cleaning up by hand, the cleanup step's "nothing left" checks tick live, credited to the learner — once the role
 * the learner made under their own name is gone too.
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DeleteModelInvocationLoggingConfigurationCommand } from "@aws-sdk/client-bedrock";
import { DeleteLogGroupCommand } from "@aws-sdk/client-cloudwatch-logs";
import { DeleteRoleCommand, DeleteRolePolicyCommand } from "@aws-sdk/client-iam";
import type { RunningSandbox } from "../../src/sandbox/index.js";
import { runBinary } from "../helpers/cli.js";
import { KEY } from "../helpers/render.js";
import { clients } from "../sandbox/helpers.js";
import { configureLogging } from "../sandbox/pipeline/logging-fixture.js";
import { handsOnPreflight, press, startLab, type TerminalSession } from "./tui-terminal.js";

let term: TerminalSession | undefined;
let stateDir: string | undefined;

afterEach(() => {
  term?.kill();
  if (stateDir) rmSync(stateDir, { recursive: true, force: true });
});

/** The TUI in hands-on mode, step 1 done live by the second actor; returns that actor's view of the sandbox. */
async function stepOneByHand(env: NodeJS.ProcessEnv): Promise<{ t: TerminalSession; sandbox: RunningSandbox }> {
  const lab = startLab({ args: ["--lang", "en"], cols: 100, rows: 30, env });
  const t = (term = lab.term);
  stateDir = lab.stateDir;
  await handsOnPreflight(t);
  await press(t, "n");
  // Both on one screen: under a full suite's load a frame can be matched before its footer is drawn.
  const before = await t.waitFor(
    (s) => s.includes("not yet · Model invocation logging enabled") && s.includes("c check now"),
    20_000,
  );
  expect(before).toContain("c check now");

  // The second actor: the learner's own program, at the endpoint the TUI's sandbox registered for this state dir.
  const served = JSON.parse(readFileSync(join(lab.stateDir, "sandbox", "server.json"), "utf8")) as {
    endpoint: string;
  };
  expect(served.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  // Your turn says where the sandbox listens, under the commands.
  const listens = `The lab's sandbox listens at ${served.endpoint}`;
  for (let i = 0; i < 6 && !(await t.screen()).includes(listens); i++) {
    await press(t, " "); // Space scrolls the page down
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect(await t.screen()).toContain(listens);
  const sandbox = {
    endpoint: served.endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
  } as unknown as RunningSandbox;
  await configureLogging(clients(sandbox));

  await press(t, "c"); // look now rather than wait for the next round
  const after = await t.waitFor((s) => /▸✓\s+1 Enable model/.test(s) && /\[✓\]\s+Model invocation/.test(s), 30_000);
  expect(after).toContain("✓ 1/4");
  expect(after).toMatch(/▸✓ {2}1/); // no `*`: the learner did it, not genai-lab
  // The page says who did it at its top (the test scrolled down to the endpoint line above).
  for (let i = 0; i < 8 && !(await t.screen()).includes("done by you"); i++) {
    await press(t, KEY.pageUp);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect(await t.screen()).toContain("done by you");
  return { t, sandbox };
}

describe("hands-on mode in a terminal, with a second actor on the TUI's own sandbox", () => {
  it("ticks step 1 and its checklist item live when the learner's SDK calls enable logging", async () => {
    // A fresh IAM role is usable at once here (the sandbox's propagation delay is for the lab's own retries).
    const env = { GENAI_LAB_SANDBOX_FAULTS: "iam-delay=0" };
    const { t } = await stepOneByHand(env);
    await press(t, "q");
    expect(await t.exited).toBe(0);
    const check = await runBinary(["check", "--format", "json", "--state-dir", stateDir!], {
      GENAI_LAB_SANDBOX_DELIVERY_DELAY_MS: "0",
      ...env,
    });
    const report = JSON.parse(check.stdout) as {
      mode: string;
      items: { id: string; status: string; doneBy?: string }[];
    };
    expect(report.mode).toBe("hands-on");
    expect(report.items[0]).toMatchObject({ id: "logging-enabled", status: "pass", doneBy: "learner" });
  }, 120_000);

  it("ticks the cleanup step live when the same actor deletes what it made, and re-reads the checklist", async () => {
    const { t, sandbox } = await stepOneByHand({ GENAI_LAB_SANDBOX_FAULTS: "iam-delay=0" });
    for (let i = 0; i < 5; i++) await press(t, "j");
    await t.waitFor((s) => s.includes("not yet · Nothing left: the log group"), 30_000);
    const c = clients(sandbox);
    await c.bedrock.send(new DeleteModelInvocationLoggingConfigurationCommand({}));
    await c.logs.send(new DeleteLogGroupCommand({ logGroupName: "/aws/bedrock/model-invocations" }));
    await press(t, "c");
    // The role the learner made under their own name is still there, logging off or not: the check says so.
    await t.waitFor(
      (s) =>
        s.includes("✗ not yet · Nothing left: the logging IAM role") && s.includes("✓ Nothing left: the log group"),
      30_000,
    );
    await c.iam.send(new DeleteRolePolicyCommand({ RoleName: "BedrockLogging", PolicyName: "logs" }));
    await c.iam.send(new DeleteRoleCommand({ RoleName: "BedrockLogging" }));
    await press(t, "c");
    const cleaned = await t.waitFor((s) => /▸✓\s+6 Clean up/.test(s), 30_000);
    expect(cleaned).toMatch(/▸✓ {2}6/); // no `*`: the learner cleaned up, not genai-lab
    expect(cleaned).toContain("done by you");
    // What cleanup removed takes the checklist's items with it: re-read at once, as after genai-lab's cleanup.
    const reread = (s: string) =>
      /\[✗\]\s+Model invocation/.test(s) && s.includes("c re-check") && !s.includes("Running");
    expect(await t.waitFor(reread, 30_000)).toContain("✓ 0/4");
    await press(t, "q");
    expect(await t.exited).toBe(0);
  }, 120_000);
});
