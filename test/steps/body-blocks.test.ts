/**
 * The code blocks in the steps' bodies paste as they are: step 1's bash block writes the same policy documents the
 * lab uses (with the account from STS), and step 3's Logs Insights blocks run on the sandbox and return the rows
 * the step talks about.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { realClock } from "../../src/engine/clock.js";
import { poll, type PollOptions } from "../../src/engine/poll.js";
import type { Lang } from "../../src/engine/text.js";
import { runQuery } from "../../steps/lib/insights.js";
import { loggingPermissionsPolicy, loggingTrustPolicy } from "../../steps/lib/policies.js";
import { startLabSession, type LabSession } from "../helpers/lab-session.js";
import { run, STEP } from "./util.js";

let session: LabSession;
beforeAll(async () => {
  session = await startLabSession();
});
afterAll(async () => {
  await session.close();
});

function blocks(stepId: string, lang: Lang, language: string): string[] {
  const body = session.runner.stepTexts(stepId).body[lang];
  return [...body.matchAll(new RegExp("^```" + language + "\\n([\\s\\S]*?)^```", "gm"))].map((m) => m[1] ?? "");
}

describe("step bodies", () => {
  it.each(["vi", "en"] as const)(
    "step 1's bash block (%s) writes the lab's own documents and configures logging",
    (lang) => {
      const [script] = blocks(STEP.logging, lang, "bash");
      expect(script).toBeDefined();
      const dir = mkdtempSync(join(tmpdir(), "genai-lab-body-"));
      // A stand-in `aws` that records its calls. The account and Region are the learner's, filled in: no STS call.
      const fake = `aws() { echo "$*" >> calls.txt; }\n`;
      const out = spawnSync("bash", ["-e", "-c", fake + (script ?? "")], { cwd: dir, encoding: "utf8" });
      expect(out.status, out.stderr).toBe(0);
      const read = (file: string) => JSON.parse(readFileSync(join(dir, file), "utf8")) as unknown;
      const scope = { region: "us-east-1", accountId: session.target.accountId };
      expect(read("trust.json")).toEqual(loggingTrustPolicy(scope));
      expect(read("permissions.json")).toEqual(loggingPermissionsPolicy(scope, "/aws/bedrock/model-invocations"));
      expect(read("logging.json")).toEqual({
        cloudWatchConfig: {
          logGroupName: "/aws/bedrock/model-invocations",
          roleArn: `arn:aws:iam::${session.target.accountId}:role/GenAILabBedrockLoggingRole`,
        },
        textDataDeliveryEnabled: true,
      });
      const calls = readFileSync(join(dir, "calls.txt"), "utf8");
      expect(calls).not.toContain("sts get-caller-identity");
      expect(calls).toContain(
        "iam create-role --role-name GenAILabBedrockLoggingRole --assume-role-policy-document file://trust.json " +
          "--tags Key=genai-lab:lab,Value=monitoring-genai",
      );
      expect(calls).toContain(
        "bedrock put-model-invocation-logging-configuration --region us-east-1 --logging-config file://logging.json",
      );
    },
  );

  it("step 3's Logs Insights blocks use # comments and run as pasted", async () => {
    expect((await run(session.runner, [STEP.preflight, STEP.logging, STEP.invoke])).outcome).toBe("passed");
    for (const lang of ["vi", "en"] as const) {
      const queries = blocks(STEP.logs, lang, "sql");
      expect(queries).toHaveLength(2);
      for (const query of queries) {
        expect(query).not.toMatch(/--/);
        expect(query).toMatch(/^# /);
      }
      const env = {
        clock: realClock,
        signal: new AbortController().signal,
        report: { progress: () => undefined, output: () => undefined, note: () => undefined },
      };
      const ctx = {
        ...env,
        aws: session.aws,
        facts: { get: () => undefined, set: () => undefined },
        poll: <T>(options: PollOptions<T>) => poll(options, env),
      } as unknown as Parameters<typeof runQuery>[0];
      const range = { startMs: Date.now() - 3_600_000, endMs: Date.now() + 1000 };
      const [seed, fixed] = await Promise.all(
        queries.map((q) => runQuery(ctx, "/aws/bedrock/model-invocations", q, range)),
      );
      expect(seed?.rows).toHaveLength(5);
      expect(seed?.rows.every((row) => !row.inputTokenCount)).toBe(true);
      expect(fixed?.rows.every((row) => Number(row["input.inputTokenCount"]) > 0)).toBe(true);
    }
  });
});
