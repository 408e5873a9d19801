import { describe, expect, it } from "vitest";
import type { Text } from "../../src/engine/text.js";
import { COMMANDS, FLAGS, numberFlag, parseArgv, type CommandName } from "../../src/cli/args.js";
import { helpText } from "../../src/cli/help.js";
import { resolveParams } from "../../src/cli/params.js";
import { chooseTarget } from "../../src/cli/target.js";
import { UsageError } from "../../src/engine/usage-error.js";

function usageError(fn: () => unknown): UsageError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error("expected a UsageError");
}

describe("parseArgv", () => {
  it("reads the command and its flags; no command is the TUI", () => {
    expect(parseArgv([])).toMatchObject({ command: "tui", rest: [] });
    expect(parseArgv(["run", "--step", "2", "--yes", "--lang", "vi"])).toMatchObject({
      command: "run",
      flags: { step: "2", yes: true, lang: "vi" },
    });
    expect(parseArgv(["--region", "eu-west-1", "check", "--format=json"]).flags).toMatchObject({
      region: "eu-west-1",
      format: "json",
    });
    expect(parseArgv(["sandbox", "seed", "--hours", "24"])).toMatchObject({ command: "sandbox", rest: ["seed"] });
    expect(parseArgv(["run", "--param", "a=1", "--param", "b=2"]).flags.param).toEqual(["a=1", "b=2"]);
  });

  it("names an unknown command and lists the real ones", () => {
    expect(usageError(() => parseArgv(["chek"])).text.en).toBe(
      'There is no command "chek". Commands: run, check, cleanup, doctor, reset, sandbox, env, commands, hint, verify-report, lab (see genai-lab --help).',
    );
  });

  it("names an unknown flag and suggests near ones", () => {
    const error = usageError(() => parseArgv(["check", "--form", "json"]));
    expect(error.text.en).toMatch(/^There is no option --form\. Did you mean --format\?/);
    expect(error.text.vi).toMatch(/^Không có tuỳ chọn --form\./);
  });

  it("names the flag and lists valid values for a bad value", () => {
    expect(usageError(() => parseArgv(["check", "--format", "xml"])).text.en).toBe(
      '--format: "xml" is not valid. Choose one of: text, json, junit, markdown, csv.',
    );
    expect(usageError(() => parseArgv(["--target", "gcp"])).text.en).toMatch(
      /--target: "gcp" is not valid\. Choose one of: sandbox, aws\./,
    );
    expect(usageError(() => parseArgv(["--lang", "fr"])).text.vi).toMatch(
      /--lang: giá trị "fr" không hợp lệ\. Chọn một trong: vi, en\./,
    );
  });

  it("rejects a flag given to a command it does not apply to", () => {
    expect(usageError(() => parseArgv(["check", "--step", "1"])).text.en).toBe(
      "--step does not apply to genai-lab check (see genai-lab check --help).",
    );
    expect(usageError(() => parseArgv(["--dry-run"])).text.en).toMatch(/--dry-run does not apply to genai-lab /);
  });

  it("asks for a missing value and rejects stray arguments", () => {
    expect(usageError(() => parseArgv(["run", "--step"])).text.en).toMatch(/--step needs a value/);
    expect(usageError(() => parseArgv(["run", "now"])).text.en).toBe("Unexpected argument: now.");
  });
});

describe("help", () => {
  const commands = COMMANDS.filter((c): c is Exclude<CommandName, "help"> => c !== "help");

  it.each(commands)("%s --help names every flag it accepts, in both languages", (command) => {
    for (const lang of ["vi", "en"] as const) {
      const text = helpText(command, lang);
      for (const [name, spec] of Object.entries(FLAGS)) {
        const applies = spec.commands === "all" || (spec.commands as readonly string[]).includes(command);
        if (applies) expect(text, `${command} ${lang} --${name}`).toContain(`--${name}`);
      }
      expect(text).toMatch(/genai-lab/);
    }
    expect(helpText(command, "vi")).not.toBe(helpText(command, "en"));
  });

  it.each(commands)("%s --help lists exactly the flags it accepts, from the flag table", (command) => {
    const accepted = Object.entries(FLAGS)
      .filter(([, spec]) => spec.commands === "all" || (spec.commands as readonly string[]).includes(command))
      .map(([name]) => name);
    for (const lang of ["vi", "en"] as const) {
      const options = helpText(command, lang)
        .split("\n\n")
        .find((part) => /^(Options|Tuỳ chọn):/.test(part));
      const listed = [...(options ?? "").matchAll(/^ {2}(?:-\w, )?--([a-z-]+)/gm)].map((m) => m[1]);
      expect(listed, `${command} ${lang}`).toEqual(accepted);
      for (const name of accepted) {
        const spec: { help: Text; helpFor?: Partial<Record<string, Text>> } = FLAGS[name as keyof typeof FLAGS];
        const line = spec.helpFor?.[command] ?? spec.help;
        expect(options, `${command} ${lang} --${name}`).toContain(line[lang]);
      }
    }
  });

  it("writes Vietnamese with full diacritics", () => {
    const vi = helpText("tui", "vi");
    expect(vi).toContain("Cách dùng");
    expect(vi).toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/);
  });
});

describe("chooseTarget", () => {
  it("defaults to the sandbox, infers aws from --profile, and an endpoint from the flag or AWS_ENDPOINT_URL", () => {
    expect(chooseTarget({}, {})).toEqual({ kind: "sandbox", region: undefined });
    expect(chooseTarget({ profile: "learner" }, {})).toMatchObject({ kind: "aws", profile: "learner" });
    expect(chooseTarget({ "endpoint-url": "http://127.0.0.1:4566" }, {})).toMatchObject({ kind: "endpoint" });
    expect(chooseTarget({}, { AWS_ENDPOINT_URL: "http://localhost:4566" })).toMatchObject({ kind: "endpoint" });
    expect(chooseTarget({ target: "sandbox" }, { AWS_ENDPOINT_URL: "http://localhost:4566" }).kind).toBe("sandbox");
    expect(chooseTarget({ target: "aws" }, { AWS_REGION: "ap-southeast-1" })).toEqual({
      kind: "aws",
      region: "ap-southeast-1",
    });
  });

  it("refuses contradictions and bad values, naming the flag", () => {
    expect(usageError(() => chooseTarget({ target: "sandbox", profile: "p" }, {})).text.en).toMatch(
      /--target sandbox does not take --profile/,
    );
    expect(usageError(() => chooseTarget({ region: "useast1" }, {})).text.en).toMatch(
      /--region: "useast1" is not an AWS Region name/,
    );
    expect(usageError(() => chooseTarget({ "endpoint-url": "localhost:4566" }, {})).text.en).toMatch(
      /--endpoint-url: "localhost:4566" is not an http\(s\) URL/,
    );
  });
});

describe("resolveParams", () => {
  const defaults = { region: "us-east-1", modelId: "m", maxTokens: 128, verbose: false, prompts: ["a", "b"] };

  it("overrides from named flags and typed --param values", () => {
    expect(
      resolveParams(
        defaults,
        { "model-id": "us.m", param: ["maxTokens=64", "verbose=true", "prompts=x | y"] },
        "eu-west-1",
      ),
    ).toEqual({ region: "eu-west-1", modelId: "us.m", maxTokens: 64, verbose: true, prompts: ["x", "y"] });
  });

  it("names unknown parameters and bad values", () => {
    expect(usageError(() => resolveParams(defaults, { param: ["nope=1"] }, "r")).text.en).toMatch(
      /--param: the lab has no parameter "nope"\. Parameters: region, modelId, maxTokens, verbose, prompts\./,
    );
    expect(usageError(() => resolveParams(defaults, { param: ["maxTokens=lots"] }, "r")).text.en).toBe(
      '--param maxTokens: "lots" must be a number.',
    );
    expect(usageError(() => resolveParams(defaults, { param: ["=1"] }, "r")).text.en).toMatch(
      /must look like KEY=VALUE/,
    );
    expect(usageError(() => resolveParams({ a: "1" }, { "logging-role-arn": "arn" }, "r")).text.en).toMatch(
      /this lab has no loggingRoleArn parameter/,
    );
  });
});

describe("numberFlag", () => {
  it("takes whole numbers by default and fractions when asked, within bounds, naming the flag otherwise", () => {
    expect(numberFlag("port", "4566", 0, 65535)).toBe(4566);
    expect(numberFlag("port", undefined, 0, 65535)).toBeUndefined();
    expect(usageError(() => numberFlag("port", "45.5", 0, 65535)).text.en).toBe(
      '--port: "45.5" must be a whole number from 0 to 65535.',
    );
    expect(usageError(() => numberFlag("port", "", 0, 65535)).text.vi).toBe(
      '--port: "" phải là số nguyên từ 0 đến 65535.',
    );
    expect(numberFlag("hours", "0.5", 0.1, 744, { fractions: true })).toBe(0.5);
    expect(usageError(() => numberFlag("rate", "lots", 0.01, 600, { fractions: true })).text.en).toBe(
      '--rate: "lots" must be a number from 0.01 to 600.',
    );
  });
});
