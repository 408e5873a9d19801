/**
 * Every action's AWS CLI line is one a learner can paste: it is an `aws` command, the shell parses it as is, and
 * every JSON argument it carries is whole (no `file://` pointing at a file that exists nowhere). Run against a
 * stand-in `aws` that prints its arguments, the lines hand the CLI exactly the documents the lab uses.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { realClock } from "../../src/engine/clock.js";
import type { CheckContext, JsonValue } from "../../src/engine/contract.js";
import { builtInLabDir, loadLab } from "../../src/engine/loader.js";
import { learnerPolicy, loggingPermissionsPolicy, loggingTrustPolicy } from "../../steps/lib/policies.js";
import { shq } from "../../src/kit/index.js";

const lab = await loadLab(builtInLabDir(), "ts");
const ACCOUNT = "111122223333";

function contextWith(
  params: Record<string, unknown>,
  facts: Record<string, JsonValue>,
  principalArn = `arn:aws:iam::${ACCOUNT}:user/learner`,
): CheckContext {
  return {
    aws: undefined,
    params: { ...lab.manifest.parameters, ...params },
    target: { kind: "aws", region: "us-east-1", accountId: ACCOUNT, principalArn },
    lang: "en",
    facts: { get: <T extends JsonValue>(key: string) => facts[key] as T | undefined },
    ledger: { entries: () => [] },
    report: { progress: () => undefined, output: () => undefined, note: () => undefined },
    signal: new AbortController().signal,
    clock: realClock,
    liveCheck: false,
    poll: () => Promise.reject(new Error("not in a CLI line")),
  } as CheckContext;
}

const cleanupFact = {
  cleanupPlan: {
    commands: [
      "aws cloudwatch delete-dashboards --dashboard-names GenAI-Monitoring",
      "aws iam delete-role --role-name R",
    ],
    keep: [],
  },
};
const cases = {
  "the defaults, nothing run yet": contextWith({}, {}),
  "an apostrophe in a prompt, a non-Anthropic model, a given role, a cleanup plan": contextWith(
    {
      prompts: ["What's RAG? It's \"retrieval\""],
      modelId: "amazon.nova-lite-v1:0",
      loggingRoleArn: `arn:aws:iam::${ACCOUNT}:role/Mine`,
    },
    {
      model: { requested: "amazon.nova-lite-v1:0", effective: "amazon.nova-lite-v1:0", reason: "as-is" },
      ...cleanupFact,
    },
    `arn:aws:sts::${ACCOUNT}:assumed-role/Admin/learner-session`,
  ),
};

const linesOf = (ctx: CheckContext) =>
  lab.steps.flatMap(({ step }) =>
    step.actions.flatMap((action) => {
      const line = action.cli?.(ctx);
      return line ? [[action.id, line] as const] : [];
    }),
  );

/** Each `aws` call the line makes, as its argument list (a stand-in `aws` prints them, NUL-separated; a stand-in
 * `genai-lab` does nothing). */
function awsCalls(line: string): string[][] {
  // invoke-model writes its answer to the file named last, which the line may read next.
  const script = `aws() { printf '%s\\0' "$@"; printf '\\n\\0'; [ "$2" != invoke-model ] || : > "\${@: -1}"; }\ngenai-lab() { :; }\n${line}`;
  const out = spawnSync("bash", ["-c", script], {
    encoding: "utf8",
    cwd: mkdtempSync(join(tmpdir(), "genai-lab-cli-")),
  });
  expect(out.status, out.stderr).toBe(0);
  return out.stdout
    .split("\n\0")
    .filter(Boolean)
    .map((call) => call.split("\0").filter((arg) => arg !== ""));
}

const JSON_FLAGS = [
  "--assume-role-policy-document",
  "--policy-document",
  "--dashboard-body",
  "--logging-config",
  "--metric-data-queries",
  "--body",
  "--messages",
];

describe("CLI lines", () => {
  it("quotes shell words only when needed", () => {
    expect(shq("us.anthropic.claude-sonnet-4-6")).toBe("us.anthropic.claude-sonnet-4-6");
    expect(shq("it's")).toBe(`'it'\\''s'`);
    expect(spawnSync("bash", ["-c", `printf %s ${shq(`a 'b' "c" $d`)}`], { encoding: "utf8" }).stdout).toBe(
      `a 'b' "c" $d`,
    );
  });

  for (const [name, ctx] of Object.entries(cases)) {
    it(`parse in bash and carry whole JSON: ${name}`, () => {
      const lines = linesOf(ctx);
      expect(lines.length).toBeGreaterThanOrEqual(10);
      for (const [id, line] of lines) {
        // An AWS CLI command, or genai-lab's own (the bonus step seeds its incident with `genai-lab sandbox seed`).
        expect(line, id).toMatch(
          /^(aws |for attempt in .*; do aws |printf '%s' '[^']*' > request\.json && aws |genai-lab sandbox )/,
        );
        // A file the line reads is one the line itself writes first (InvokeModel's body: fileb://, for CLI v1 and v2).
        for (const [, file] of line.matchAll(/fileb?:\/\/([\w.-]+)/g)) expect(line, id).toContain(`> ${file} && `);
        expect(line, id).not.toMatch(/--cli-binary-format|--endpoint-url/);
        const parsed = spawnSync("bash", ["-n", "-c", line], { encoding: "utf8" });
        expect(parsed.status, `${id}: ${parsed.stderr}\n${line}`).toBe(0);
        for (const args of awsCalls(line)) {
          args.forEach((arg, i) => {
            if (JSON_FLAGS.includes(arg)) expect(() => JSON.parse(args[i + 1] ?? ""), `${id} ${arg}`).not.toThrow();
          });
        }
      }
    });
  }

  it("hand the AWS CLI exactly the lab's policy documents, for the caller's own user or role", () => {
    const ctx = contextWith({}, {});
    const line = (id: string) => linesOf(ctx).find(([action]) => action === id)?.[1] ?? "";
    const arg = (call: string[] | undefined, flag: string) =>
      JSON.parse(call?.[(call?.indexOf(flag) ?? -2) + 1] ?? "null") as unknown;
    const [create, put] = awsCalls(line("create-logging-role"));
    expect(arg(create, "--assume-role-policy-document")).toEqual(loggingTrustPolicy(ctx.target));
    expect(arg(put, "--policy-document")).toEqual(
      loggingPermissionsPolicy(ctx.target, "/aws/bedrock/model-invocations"),
    );

    const [attach] = awsCalls(line("print-policy"));
    expect(attach?.slice(0, 4)).toEqual(["iam", "put-user-policy", "--user-name", "learner"]);
    const names = {
      group: "/aws/bedrock/model-invocations",
      roleName: "GenAILabBedrockLoggingRole",
      dashboard: "GenAI-Monitoring",
    };
    expect(arg(attach, "--policy-document")).toEqual(learnerPolicy(ctx.target, names));
    const asRole = contextWith({}, {}, `arn:aws:sts::${ACCOUNT}:assumed-role/Admin/learner-session`);
    const [attachRole] = awsCalls(linesOf(asRole).find(([id]) => id === "print-policy")?.[1] ?? "");
    expect(attachRole?.slice(0, 4)).toEqual(["iam", "put-role-policy", "--role-name", "Admin"]);
  });

  it("lists only the cleanup plan's commands, and none without a plan", () => {
    const line = (ctx: CheckContext) => linesOf(ctx).find(([id]) => id === "delete-resources")?.[1];
    expect(line(contextWith({}, {}))).toBeUndefined();
    expect(line(contextWith({}, cleanupFact))).toBe(
      "aws cloudwatch delete-dashboards --dashboard-names GenAI-Monitoring && aws iam delete-role --role-name R",
    );
  });
});
