/**
 * `genai-lab env [--shell bash|zsh|fish|powershell]`: the lines that point the learner's own terminal — the AWS
 * CLI (v1 reads only AWS_DEFAULT_REGION), boto3, the SDKs — at the world the lab checks. stdout carries ONLY those
 * lines, so `eval "$(genai-lab env)"` works; every explanation goes to stderr.
 *
 *   sandbox  the endpoint of the sandbox serving this state directory (the TUI's, or `genai-lab sandbox`'s), the
 *            documented example keys, the Region, no pager (AWS CLI v2); when none serves, the default port's lines and a note on how
 *            to start one. GENAI_LAB_TARGET=sandbox keeps genai-lab itself on the sandbox target in that shell.
 *   aws      the profile and Region in use, named; a sandbox endpoint or the example keys left in the shell are
 *            removed.
 *   endpoint the endpoint given (--endpoint-url / AWS_ENDPOINT_URL), with the example keys for a bare one.
 * With --state-dir, also GENAI_LAB_HOME: genai-lab itself in that shell then uses the same state directory.
 * Off AWS, an `aws` on the PATH too old to read AWS_ENDPOINT_URL is named, with the way round (aws-cli-version.ts).
 */
import { builtInLabDir, loadManifest } from "../../engine/loader.js";
import { allowLabModules } from "../lab/modules.js";
import { fill, tr, type Text } from "../../engine/text.js";
import type { Flags } from "../args.js";
import { installedAwsCli, readsEndpointEnv } from "../aws-cli-version.js";
import type { Command } from "../command.js";
import { standaloneSandboxCredentials } from "../connect.js";
import { findServingSandbox } from "../sandbox-registry.js";
import { applyHint, detectShell, pasteSettings, shellLine, type EnvLine } from "../shell-lines.js";
import { selfCommand, selfFunction } from "../self-command.js";
import { chooseTarget, labDefaultRegion, TARGET_ENV, type TargetChoice } from "../target.js";

/** The variable genai-lab reads for its state directory when no --state-dir is given (engine/state-dir.ts). */
const HOME_ENV = "GENAI_LAB_HOME";

export const E = {
  serving: {
    vi: "Sandbox của thư mục trạng thái này đang chạy tại {endpoint} (tiến trình {pid}). AWS CLI, boto3 và SDK trong shell này sẽ dùng cùng dữ liệu mà bài lab kiểm tra.",
    en: "The sandbox of this state directory is serving at {endpoint} (process {pid}). The AWS CLI, boto3 and the SDKs in this shell will use the same data the lab checks.",
  },
  noneServing: {
    vi: "Chưa có sandbox nào phục vụ thư mục trạng thái này: các dòng trên dùng cổng mặc định {endpoint}. Mở genai-lab (giao diện tương tác) hoặc chạy genai-lab sandbox ở một terminal khác, rồi chạy lại lệnh này.",
    en: "No sandbox serves this state directory yet: the lines above use the default port, {endpoint}. Open genai-lab (the interactive lab) or run genai-lab sandbox in another terminal, then run this again.",
  },
  aws: {
    vi: "AWS thật: {who}, Region {region}. Kiểm tra danh tính và quyền bằng genai-lab doctor.",
    en: "Real AWS: {who}, Region {region}. Check who you are and what you may do with genai-lab doctor.",
  },
  profile: { vi: "dùng profile {profile}", en: "profile {profile}" },
  defaultChain: {
    vi: "chuỗi thông tin xác thực mặc định (biến môi trường, SSO, profile default)",
    en: "the default credential chain (environment, SSO, the default profile)",
  },
  endpoint: {
    vi: "Endpoint tương thích AWS: {endpoint}, Region {region}.",
    en: "AWS-compatible endpoint: {endpoint}, Region {region}.",
  },
  apply: { vi: "Áp dụng trong shell: {hint}", en: "Apply in your shell: {hint}" },
  oldCli: {
    vi: "Chú ý: AWS CLI của bạn ({version}) cũ hơn 2.13 (v2) / 1.29 (v1) nên bỏ qua AWS_ENDPOINT_URL: lệnh aws sẽ gọi AWS thật chứ không phải {endpoint}. Hãy nâng cấp AWS CLI, hoặc thêm --endpoint-url {endpoint} vào mỗi lệnh aws (boto3 cần 1.28 trở lên vì cùng lý do).",
    en: "Note: your AWS CLI ({version}) is older than 2.13 (v2) / 1.29 (v1) and ignores AWS_ENDPOINT_URL: its commands would go to real AWS, not to {endpoint}. Upgrade the AWS CLI, or add --endpoint-url {endpoint} to each aws command (boto3 needs 1.28 or later for the same reason).",
  },
} satisfies Record<string, Text>;

export const env: Command = async (ctx) => {
  const { flags } = ctx.parsed;
  const { env: processEnv } = ctx.io;
  const shell = detectShell(flags.shell, processEnv);
  const choice = chooseTarget(flags, processEnv);
  // Only the manifest (its default Region): the steps and the AWS SDK they load are not needed to print lines.
  if (flags.lab !== undefined) allowLabModules(flags.lab); // a lab in its own folder: TypeScript, genai-lab's kit
  const manifest = await loadManifest(flags.lab ?? builtInLabDir());
  const region = choice.region ?? (await awsProfileRegion(choice)) ?? labDefaultRegion(manifest);
  const { lines: targetLines, note } = await linesFor(choice, region, ctx.stateDir, processEnv);
  // A state directory chosen by hand (--state-dir) is named too, so that genai-lab's own commands in that shell
  // (sandbox seed, check, hint) read and write the same progress and sandbox data as the session that printed this.
  const lines: EnvLine[] = flags["state-dir"] !== undefined ? [...targetLines, [HOME_ENV, ctx.stateDir]] : targetLines;
  // genai-lab itself, when it is not on PATH (installed from a clone): the printed `genai-lab …` lines then work too.
  const printed = [
    ...lines.map((line) => shellLine(line, shell)),
    ...pasteSettings(shell),
    ...selfFunction(shell, processEnv),
  ];
  ctx.io.stdout.write(printed.map((line) => `${line}\n`).join(""));
  const say = (text: Text) => tr(text, ctx.lang);
  ctx.io.stderr.write(`${say(note)}\n`);
  // Only when the lines went to a terminal, for a person to read: under eval "$(…)" they are being applied already.
  if (ctx.io.stdout.isTTY) {
    const hint = applyHint(shell, envArgs(flags), selfCommand(shell, processEnv));
    ctx.io.stderr.write(`${say(fill(E.apply, { hint }))}\n`);
  }
  const endpoint = lines.find(([name]) => name === "AWS_ENDPOINT_URL")?.[1];
  if (endpoint) {
    const cli = await installedAwsCli(processEnv);
    if (cli && !readsEndpointEnv(cli)) ctx.io.stderr.write(`${say(fill(E.oldCli, { version: cli.text, endpoint }))}\n`);
  }
  return 0;
};

async function linesFor(
  choice: TargetChoice,
  region: string,
  stateDir: string,
  processEnv: NodeJS.ProcessEnv,
): Promise<{ lines: EnvLine[]; note: Text }> {
  const { SANDBOX_DEFAULTS } = await import("../../sandbox/context.js");
  const keys: EnvLine[] = [
    ["AWS_ACCESS_KEY_ID", SANDBOX_DEFAULTS.accessKeyId],
    ["AWS_SECRET_ACCESS_KEY", SANDBOX_DEFAULTS.secretAccessKey],
  ];
  const regionLines: EnvLine[] = [
    ["AWS_REGION", region],
    ["AWS_DEFAULT_REGION", region], // the AWS CLI v1 reads only this one
    // AWS CLI v2 pages any output longer than the screen through `less`, which then eats the rest of a pasted
    // block as keystrokes (step 1's create-role at 80×24); v1 has no pager.
    ["AWS_PAGER", ""],
  ];
  // Only what is set is removed: the lines stay short, and fish's `set -e` never complains.
  const removed = (...names: string[]): EnvLine[] =>
    names.filter((name) => processEnv[name] !== undefined).map((name) => [name, undefined]);
  switch (choice.kind) {
    case "sandbox": {
      const serving = await findServingSandbox(stateDir);
      const endpoint = serving?.endpoint ?? `http://${SANDBOX_DEFAULTS.host}:${SANDBOX_DEFAULTS.port}`;
      return {
        lines: [
          [TARGET_ENV, "sandbox"],
          ["AWS_ENDPOINT_URL", endpoint],
          ...keys,
          ...regionLines,
          // A profile or a session token would take precedence over the example keys in some clients.
          ...removed("AWS_PROFILE", "AWS_SESSION_TOKEN"),
        ],
        note: serving ? fill(E.serving, { endpoint, pid: serving.pid }) : fill(E.noneServing, { endpoint }),
      };
    }
    case "aws": {
      const exampleKeys = processEnv.AWS_ACCESS_KEY_ID === SANDBOX_DEFAULTS.accessKeyId;
      const who = choice.profile ? fill(E.profile, { profile: choice.profile }) : E.defaultChain;
      return {
        lines: [
          [TARGET_ENV, "aws"],
          ...(choice.profile ? ([["AWS_PROFILE", choice.profile]] as EnvLine[]) : []),
          ...regionLines,
          ...removed("AWS_ENDPOINT_URL"),
          ...(exampleKeys ? removed("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY") : []),
        ],
        note: { vi: fill(E.aws, { who: who.vi, region }).vi, en: fill(E.aws, { who: who.en, region }).en },
      };
    }
    case "endpoint": {
      const bare = await standaloneSandboxCredentials(choice, processEnv);
      return {
        lines: [
          ["AWS_ENDPOINT_URL", choice.endpoint ?? ""],
          ...(bare ? keys : []),
          ...(choice.profile ? ([["AWS_PROFILE", choice.profile]] as EnvLine[]) : []),
          ...regionLines,
          ...removed(TARGET_ENV),
        ],
        note: fill(E.endpoint, { endpoint: choice.endpoint ?? "", region }),
      };
    }
  }
}

/** The profile's own Region (~/.aws/config), as the AWS CLI would use it; undefined off AWS or when it has none. */
async function awsProfileRegion(choice: TargetChoice): Promise<string | undefined> {
  if (choice.kind !== "aws") return undefined;
  const { configuredRegion } = await import("../../aws/clients.js");
  return (await configuredRegion(choice.profile ? { profile: choice.profile } : {})) || undefined;
}

/** The options that choose the same state directory and target, to repeat in `genai-lab env …` hints. */
export function envArgs(flags: Flags): string[] {
  const names = ["state-dir", "target", "profile", "region", "endpoint-url", "lab"] as const;
  return names.flatMap((name) => (flags[name] !== undefined ? [`--${name}`, String(flags[name])] : []));
}
