/**
 * argv → a command and its options, with node's own parseArgs (no dependency, nothing to load at start-up).
 * Every flag is declared once here with the commands that accept it; a flag given to the wrong command, an
 * unknown flag or a bad value is a UsageError naming the flag and the valid values.
 */
import { parseArgs } from "node:util";
import type { Text } from "../engine/text.js";
import { UsageError } from "../engine/usage-error.js";

export const COMMANDS = [
  "tui",
  "run",
  "check",
  "cleanup",
  "doctor",
  "reset",
  "sandbox",
  "env",
  "commands",
  "hint",
  "verify-report",
  "help",
] as const;
export type CommandName = (typeof COMMANDS)[number];

type FlagSpec = {
  type: "string" | "boolean";
  short?: string;
  multiple?: boolean;
  commands: readonly CommandName[] | "all";
  values?: readonly string[];
};

const LAB_COMMANDS = ["tui", "run", "check", "cleanup", "doctor", "reset", "commands", "hint"] as const;
/** `env` names a target without opening it: the target's flags, and no lab. */
const TARGET_COMMANDS = [...LAB_COMMANDS, "env"] as const;

export const FLAGS = {
  target: { type: "string", commands: TARGET_COMMANDS, values: ["sandbox", "aws"] },
  profile: { type: "string", commands: TARGET_COMMANDS },
  region: { type: "string", commands: [...TARGET_COMMANDS, "sandbox"] },
  "endpoint-url": { type: "string", commands: TARGET_COMMANDS },
  lang: { type: "string", commands: "all", values: ["vi", "en"] },
  "model-id": { type: "string", commands: LAB_COMMANDS },
  "logging-role-arn": { type: "string", commands: ["tui", "run", "doctor"] },
  param: { type: "string", multiple: true, commands: LAB_COMMANDS },
  lab: { type: "string", commands: TARGET_COMMANDS },
  "state-dir": { type: "string", commands: [...TARGET_COMMANDS, "sandbox"] },
  "no-color": { type: "boolean", commands: "all" },
  debug: { type: "boolean", commands: "all" },
  redact: { type: "boolean", commands: ["tui", "run", "check", "doctor"] },
  presenter: { type: "boolean", commands: ["tui"] },
  help: { type: "boolean", short: "h", commands: "all" },
  version: { type: "boolean", short: "v", commands: "all" },
  step: { type: "string", commands: ["run", "commands", "hint"] },
  again: { type: "boolean", commands: ["run"] },
  mode: { type: "string", commands: ["tui", "run", "check"], values: ["hands-on", "guided", "exam"] },
  shell: { type: "string", commands: ["env"], values: ["bash", "zsh", "fish", "powershell"] },
  yes: { type: "boolean", short: "y", commands: ["tui", "run", "cleanup", "reset"] },
  format: { type: "string", commands: ["check"], values: ["text", "json", "junit", "markdown", "csv"] },
  out: { type: "string", commands: ["check"] },
  profiles: { type: "string", commands: ["check"] },
  accounts: { type: "string", commands: ["check"] },
  concurrency: { type: "string", commands: ["check"] },
  "fail-under": { type: "string", commands: ["check"] },
  "dry-run": { type: "boolean", commands: ["cleanup"] },
  "forget-resources": { type: "boolean", commands: ["reset"] },
  port: { type: "string", commands: ["sandbox"] },
  host: { type: "string", commands: ["sandbox"] },
  "allow-host": { type: "string", multiple: true, commands: ["sandbox"] },
  "in-memory": { type: "boolean", commands: ["sandbox"] },
  faults: { type: "string", commands: ["sandbox"] },
  "delivery-delay": { type: "string", commands: ["sandbox"] },
  hours: { type: "string", commands: ["sandbox"] },
  rate: { type: "string", commands: ["sandbox"] },
} as const satisfies Record<string, FlagSpec>;

export type FlagName = keyof typeof FLAGS;
export type Flags = {
  [K in FlagName]?: (typeof FLAGS)[K] extends { type: "boolean" }
    ? boolean
    : (typeof FLAGS)[K] extends { multiple: true }
      ? string[]
      : string;
};

export interface ParsedArgs {
  command: CommandName;
  /** Positionals after the command (e.g. `sandbox seed`, `help run`). */
  rest: string[];
  flags: Flags;
}

const usage = (text: Text) => new UsageError(text);

export function parseArgv(argv: string[]): ParsedArgs {
  const options = Object.fromEntries(
    Object.entries(FLAGS).map(([name, spec]) => [
      name,
      {
        type: spec.type,
        ...("short" in spec ? { short: spec.short } : {}),
        ...("multiple" in spec ? { multiple: true } : {}),
      },
    ]),
  );
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    throw fromParseError(error as Error & { code?: string });
  }
  const [first, ...rest] = parsed.positionals;
  let command: CommandName = "tui";
  if (first !== undefined) {
    if (!(COMMANDS as readonly string[]).includes(first) || first === "tui") {
      // Derived from COMMANDS, so a new command is listed without anyone remembering to.
      const names = COMMANDS.filter((name) => name !== "tui" && name !== "help").join(", ");
      throw usage({
        vi: `Không có lệnh "${first}". Các lệnh: ${names} (gõ genai-lab --help).`,
        en: `There is no command "${first}". Commands: ${names} (see genai-lab --help).`,
      });
    }
    command = first as CommandName;
  }
  const flags = parsed.values as Flags;
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== "option") continue;
    const name = token.name as FlagName;
    const spec: FlagSpec = FLAGS[name];
    if (command !== "help" && spec.commands !== "all" && !spec.commands.includes(command)) {
      const where = command === "tui" ? "genai-lab" : `genai-lab ${command}`;
      throw usage({
        vi: `--${name} không dùng được với ${where} (xem ${where} --help).`,
        en: `--${name} does not apply to ${where} (see ${where} --help).`,
      });
    }
    if (spec.values && token.value !== undefined && !spec.values.includes(token.value)) {
      throw usage({
        vi: `--${name}: giá trị "${token.value}" không hợp lệ. Chọn một trong: ${spec.values.join(", ")}.`,
        en: `--${name}: "${token.value}" is not valid. Choose one of: ${spec.values.join(", ")}.`,
      });
    }
  }
  if (command !== "sandbox" && command !== "help" && command !== "verify-report" && rest.length > 0) {
    throw usage({ vi: `Tham số thừa: ${rest.join(" ")}.`, en: `Unexpected argument: ${rest.join(" ")}.` });
  }
  return { command, rest, flags };
}

function fromParseError(error: Error & { code?: string }): UsageError {
  const flag = /'(-{1,2}[^' ]+)/.exec(error.message)?.[1];
  if (error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && flag) {
    // Flags that start with what was typed ("--form" → --format); else with its first three letters.
    const typed = flag.replace(/^-+/, "");
    const names = Object.keys(FLAGS);
    const whole = names.filter((name) => name.startsWith(typed));
    const known = (whole.length > 0 ? whole : names.filter((name) => name.startsWith(typed.slice(0, 3)))).map(
      (name) => `--${name}`,
    );
    return usage({
      vi: `Không có tuỳ chọn ${flag}.${known.length ? ` Có phải ý bạn là ${known.join(", ")}?` : ""} (gõ genai-lab --help).`,
      en: `There is no option ${flag}.${known.length ? ` Did you mean ${known.join(", ")}?` : ""} (see genai-lab --help).`,
    });
  }
  if (error.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && flag) {
    // Also what a value starting with "-" looks like to the parser (--hours -1): say how to pass one.
    return usage({
      vi: `${flag} cần một giá trị (ví dụ ${flag} <giá trị>; giá trị bắt đầu bằng "-" thì viết ${flag}=<giá trị>).`,
      en: `${flag} needs a value (e.g. ${flag} <value>; for a value starting with "-", write ${flag}=<value>).`,
    });
  }
  return usage({ vi: error.message, en: error.message });
}

/** A number flag within bounds (a whole number unless `fractions`), or a UsageError naming it. */
export function numberFlag(
  name: FlagName,
  value: string | undefined,
  min: number,
  max: number,
  options: { fractions?: boolean } = {},
): number | undefined {
  if (value === undefined) return undefined;
  const n = value.trim() === "" ? NaN : Number(value);
  const ok = options.fractions ? Number.isFinite(n) : Number.isInteger(n);
  if (!ok || n < min || n > max) {
    const kind = options.fractions ? { vi: "một số", en: "a number" } : { vi: "số nguyên", en: "a whole number" };
    throw usage({
      vi: `--${name}: "${value}" phải là ${kind.vi} từ ${min} đến ${max}.`,
      en: `--${name}: "${value}" must be ${kind.en} from ${min} to ${max}.`,
    });
  }
  return n;
}
