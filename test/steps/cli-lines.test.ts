/** Every action's AWS CLI line is one a learner can paste: it is an `aws` command and the shell parses it as is. */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { realClock } from "../../src/engine/clock.js";
import type { CheckContext, JsonValue } from "../../src/engine/contract.js";
import { builtInLabDir, loadLab } from "../../src/engine/loader.js";
import { shq } from "../../steps/lib/shell.js";

const lab = await loadLab(builtInLabDir(), "ts");

function contextWith(params: Record<string, unknown>, facts: Record<string, JsonValue>): CheckContext {
  return {
    aws: undefined,
    params: { ...lab.manifest.parameters, ...params },
    target: { kind: "aws", region: "us-east-1", accountId: "111122223333", principalArn: "arn:aws:iam::111122223333:user/learner" },
    lang: "en",
    facts: { get: <T extends JsonValue>(key: string) => facts[key] as T | undefined },
    report: { progress: () => undefined, output: () => undefined, note: () => undefined },
    signal: new AbortController().signal,
    clock: realClock,
    poll: () => Promise.reject(new Error("not in a CLI line")),
  } as CheckContext;
}

const cases = {
  "the defaults, nothing run yet": contextWith({}, {}),
  "an apostrophe in a prompt, a non-Anthropic model, a given role": contextWith(
    { prompts: ["What's RAG? It's \"retrieval\""], modelId: "amazon.nova-lite-v1:0", loggingRoleArn: "arn:aws:iam::111122223333:role/Mine" },
    { model: { requested: "amazon.nova-lite-v1:0", effective: "amazon.nova-lite-v1:0", reason: "as-is" } },
  ),
};

describe("CLI lines", () => {
  it("quotes shell words only when needed", () => {
    expect(shq("us.anthropic.claude-sonnet-4-6")).toBe("us.anthropic.claude-sonnet-4-6");
    expect(shq("it's")).toBe(`'it'\\''s'`);
    expect(spawnSync("bash", ["-c", `printf %s ${shq(`a 'b' "c" $d`)}`], { encoding: "utf8" }).stdout).toBe(`a 'b' "c" $d`);
  });

  for (const [name, ctx] of Object.entries(cases)) {
    it(`parse in bash: ${name}`, () => {
      const lines = lab.steps.flatMap(({ step }) => step.actions.flatMap((action) => (action.cli ? [[action.id, action.cli(ctx)] as const] : [])));
      expect(lines.length).toBeGreaterThanOrEqual(10);
      for (const [id, line] of lines) {
        expect(line, id).toMatch(/^aws /);
        const parsed = spawnSync("bash", ["-n", "-c", line ?? ""], { encoding: "utf8" });
        expect(parsed.status, `${id}: ${parsed.stderr}\n${line}`).toBe(0);
      }
    });
  }
});
