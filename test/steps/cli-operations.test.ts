/**
 * Every `aws` call genai-lab prints — each step's Your turn block, each action's line — names a real operation of
 * its service and only flags that operation takes, with every required member given, checked against the Smithy
 * schemas the AWS SDK bundles (the same service models the CLI is generated from). Runs without python or the AWS
 * CLI: a stand-in `aws` in bash records the calls the block makes, with the learner's values filled in. v2-only
 * flags (--cli-binary-format, --no-cli-pager) and --endpoint-url (genai-lab env sets the endpoint) never appear.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as bedrock from "@aws-sdk/client-bedrock";
import * as bedrockRuntime from "@aws-sdk/client-bedrock-runtime";
import * as cloudwatch from "@aws-sdk/client-cloudwatch";
import * as logs from "@aws-sdk/client-cloudwatch-logs";
import * as iam from "@aws-sdk/client-iam";
import * as sts from "@aws-sdk/client-sts";
import { NormalizedSchema } from "@smithy/core/schema";
import { describe, expect, it } from "vitest";
import { realClock } from "../../src/engine/clock.js";
import type { CheckContext, JsonValue } from "../../src/engine/contract.js";
import { builtInLabDir, loadLab } from "../../src/engine/loader.js";

const lab = await loadLab(builtInLabDir(), "ts");
const ACCOUNT = "111122223333";

const SDKS: Record<string, Record<string, unknown>> = {
  bedrock,
  "bedrock-runtime": bedrockRuntime,
  cloudwatch,
  logs,
  iam,
  sts,
};
/** Options every command takes in AWS CLI v1 and v2 alike. */
const GLOBAL = new Set(["region", "output", "query", "profile"]);
/** Real calls of a service whose SDK this project does not bundle (cleanup's read-only plan): not checked here. */
const UNCHECKED = new Set(["resourcegroupstaggingapi get-resources"]);
/** Positional arguments the CLI adds: InvokeModel's answer file. */
const POSITIONAL: Record<string, number> = { "bedrock-runtime invoke-model": 1 };

const pascal = (kebab: string) => kebab.replace(/(^|-)([a-z0-9])/g, (_, _dash, c: string) => c.toUpperCase());
/** botocore's xform_name: the CLI's flag for a member (logGroupName → log-group-name, RoleName → role-name). */
const flagOf = (member: string) =>
  member
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1-$2")
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .toLowerCase();

function inputOf(service: string, operation: string): { flags: Set<string>; required: string[] } | undefined {
  const op = SDKS[service]?.[`${pascal(operation)}$`] as unknown[] | undefined;
  if (!op) return undefined;
  const schema = NormalizedSchema.of(op[4] as Parameters<typeof NormalizedSchema.of>[0]);
  const names = [...schema.structIterator()].map(([name]) => flagOf(name));
  const raw = schema.getSchema() as unknown[];
  const requiredCount = typeof raw[6] === "number" ? raw[6] : 0;
  return { flags: new Set(names), required: names.slice(0, requiredCount) };
}

/** The `aws` calls a block makes when run, with a stand-in `aws` (and no waiting in its retry loops); genai-lab's own
 * lines (the bonus step seeds its incident with `genai-lab sandbox seed`) do nothing here. */
function callsOf(block: string): string[][] {
  const dir = mkdtempSync(join(tmpdir(), "genai-lab-ops-"));
  const stub =
    `aws() { printf '%s\\0' "$@" >> calls; printf '\\n\\0' >> calls; ` +
    `[ "$2" != invoke-model ] || : > "\${@: -1}"; }\nsleep() { :; }\ngenai-lab() { :; }\n: > calls\n`;
  const out = spawnSync("bash", ["-c", stub + block], { cwd: dir, encoding: "utf8" });
  expect(out.status, `${out.stderr}\n${block}`).toBe(0);
  const text = readFileSync(join(dir, "calls"), "utf8");
  const calls = text
    .split("\n\0")
    .filter(Boolean)
    .map((call) => call.split("\0").filter((arg) => arg !== ""));
  return [...new Map(calls.map((call) => [call.join(" "), call])).values()];
}

/** What is wrong with one call, as sentences (empty when the CLI would accept it). */
function problemsOf(args: string[]): string[] {
  const [service = "", operation = "", ...rest] = args;
  if (UNCHECKED.has(`${service} ${operation}`)) return [];
  const input = inputOf(service, operation);
  if (!input) return [`aws ${service} ${operation}: no such operation`];
  const problems: string[] = [];
  const given = new Set<string>();
  let positional = 0;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (!arg.startsWith("--")) {
      positional++;
      continue;
    }
    const flag = arg.slice(2);
    given.add(flag);
    if (!input.flags.has(flag) && !GLOBAL.has(flag))
      problems.push(`aws ${service} ${operation}: unknown flag --${flag}`);
    if (rest[i + 1] !== undefined && !rest[i + 1]!.startsWith("--")) i++; // its value
  }
  if (positional !== (POSITIONAL[`${service} ${operation}`] ?? 0))
    problems.push(`aws ${service} ${operation}: ${positional} positional argument(s)`);
  for (const flag of input.required)
    if (!given.has(flag)) problems.push(`aws ${service} ${operation}: missing --${flag}`);
  return problems;
}

function contextWith(params: Record<string, unknown>, facts: Record<string, JsonValue>, lang: "vi" | "en") {
  return {
    aws: undefined,
    params: { ...lab.manifest.parameters, ...params },
    target: {
      kind: "sandbox",
      region: "us-east-1",
      accountId: ACCOUNT,
      principalArn: `arn:aws:iam::${ACCOUNT}:user/me`,
    },
    lang,
    facts: { get: <T extends JsonValue>(key: string) => facts[key] as T | undefined },
    ledger: { entries: () => [] },
    report: { progress: () => undefined, output: () => undefined, note: () => undefined },
    signal: new AbortController().signal,
    clock: realClock,
    liveCheck: false,
    poll: () => Promise.reject(new Error("not in a printed line")),
  } as unknown as CheckContext;
}

const chosen = (effective: string) => ({
  model: { requested: lab.manifest.parameters.modelId as string, effective, reason: "profile" },
});
const CASES: [string, CheckContext][] = [
  ["nothing run yet (vi)", contextWith({}, {}, "vi")],
  [
    "step 0 chose an Anthropic profile (en)",
    contextWith({}, chosen("us.anthropic.claude-haiku-4-5-20251001-v1:0"), "en"),
  ],
  [
    "a Nova model, a given role, a prompt with quotes (en)",
    contextWith(
      {
        modelId: "amazon.nova-lite-v1:0",
        loggingRoleArn: `arn:aws:iam::${ACCOUNT}:role/Mine`,
        prompts: [`What's "RAG"?`, "Explain $HOME `literally`."],
      },
      {},
      "en",
    ),
  ],
];

describe("every printed aws call is an operation and flags the CLI knows", () => {
  it("knows the CLI's flag names", () => {
    expect(
      problemsOf(["logs", "start-query", "--log-group-name", "g", "--start-time", "1", "--end-time", "2"]),
    ).toEqual(["aws logs start-query: missing --query-string"]);
    expect(
      problemsOf(["bedrock-runtime", "invoke-model", "--model-id", "m", "--cli-binary-format", "x", "out"]),
    ).toEqual(["aws bedrock-runtime invoke-model: unknown flag --cli-binary-format"]);
    expect(
      problemsOf(["iam", "put-user-policy", "--user-name", "u", "--policy-name", "p", "--policy-document", "{}"]),
    ).toEqual([]);
    expect(problemsOf(["bedrock-runtime", "converse-streams"])).toEqual([
      "aws bedrock-runtime converse-streams: no such operation",
    ]);
  });

  for (const [name, ctx] of CASES) {
    it(`Your turn and the actions' lines: ${name}`, () => {
      const blocks = lab.steps.flatMap(({ step }) => [
        ...(step.yourTurn?.cli ? [[`${step.id} your turn`, step.yourTurn.cli(ctx)] as const] : []),
        ...step.actions.flatMap((action) => {
          const line = action.cli?.(ctx);
          return line ? [[`${step.id}/${action.id}`, line] as const] : [];
        }),
      ]);
      // Every step has its Your turn: the six of the original lab and the bonus investigation.
      expect(blocks.filter(([where]) => where.endsWith("your turn")).map(([where]) => where)).toEqual(
        lab.steps.map(({ step }) => `${step.id} your turn`),
      );
      // With a model chosen, step 0's lines call it (without one, they say it comes later).
      const probe = blocks.find(([where]) => where === "preflight your turn")?.[1] ?? "";
      expect(probe.includes("bedrock-runtime converse")).toBe(name.includes("chose"));
      const problems: string[] = [];
      let calls = 0;
      for (const [where, block] of blocks) {
        expect(block, where).not.toMatch(/--cli-binary-format|--no-cli-pager|--endpoint-url/);
        expect(block, `${where}: GNU-only date -d`).not.toMatch(/date [^)]*-d /);
        // A zsh without interactivecomments reads a comment as words: a quote in one would swallow the next lines.
        for (const line of block.split("\n").filter((l) => l.trimStart().startsWith("#")))
          expect(line, `${where}: a quote in a comment`).not.toMatch(/['"`]/);
        for (const call of callsOf(block)) {
          calls++;
          problems.push(...problemsOf(call).map((p) => `${where}: ${p}`));
        }
      }
      expect(problems).toEqual([]);
      expect(calls).toBeGreaterThanOrEqual(25);
    });
  }
});
