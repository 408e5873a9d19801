/** `genai-lab sandbox seed`: backfill a realistic history (with an incident if asked) and say what it wrote. */
import { tr } from "../../engine/text.js";
import type { Text } from "../../engine/text.js";
import { UsageError } from "../../engine/usage-error.js";
import type { SeedResult } from "../../sandbox/index.js";
import { numberFlag } from "../args.js";
import type { CommandContext } from "../command.js";

const SCENARIOS = ["steady", "throttling", "cost-spike", "truncation", "delivery-failure"] as const;
type Scenario = (typeof SCENARIOS)[number];

const INCIDENTS: Record<Exclude<Scenario, "steady">, Text> = {
  throttling: {
    vi: "lượng truy cập tăng gấp ba, các profile Claude chạm hạn mức: tới 40% lời gọi bị throttle",
    en: "traffic triples and the Claude profiles hit their quota: up to 40% of their calls are throttled",
  },
  "cost-spike": {
    vi: "một tenant chạy tác vụ tóm tắt hàng loạt với tài liệu rất dài: số token tăng vọt, rồi bị throttle",
    en: "one tenant runs a bulk summarisation job with very long documents: tokens soar, then throttling",
  },
  truncation: {
    vi: "một lần triển khai hạ max_tokens: phần lớn câu trả lời bị cắt (stop reason max_tokens)",
    en: "a deployment lowers max_tokens: most answers are cut off (stop reason max_tokens)",
  },
  "delivery-failure": {
    vi: "role ghi log mất quyền: lời gọi vẫn chạy nhưng log không tới được CloudWatch Logs",
    en: "the logging role loses its permission: calls go on but their logs no longer reach CloudWatch Logs",
  },
};

function scenarioFlag(value: string | undefined): Scenario | undefined {
  if (value === undefined) return undefined;
  if ((SCENARIOS as readonly string[]).includes(value)) return value as Scenario;
  throw new UsageError({
    vi: `--scenario: không có kịch bản "${value}". Chọn một trong: ${SCENARIOS.join(", ")}.`,
    en: `--scenario: there is no scenario "${value}". Pick one of: ${SCENARIOS.join(", ")}.`,
  });
}

function summary(result: SeedResult, hours: number, dbPath: string): Text {
  const n = (value: number): string => value.toLocaleString("en-US");
  const vi = [
    `Đã tạo ${n(result.invocations)} lời gọi mô phỏng trong ${hours} giờ qua (log + metrics) tại ${dbPath}:`,
    `  ${n(result.succeeded)} thành công (${n(result.truncated)} bị cắt ở max_tokens, ${n(result.intervened)} bị guardrail chặn),`,
    `  ${n(result.throttled)} bị throttle, ${n(result.clientErrors)} lỗi phía client, ${n(result.serverErrors)} lỗi phía server;`,
    `  ${n(result.inputTokens)} token đầu vào, ${n(result.outputTokens)} token đầu ra. Log group: ${result.logGroupName}.`,
  ];
  const en = [
    `Backfilled ${n(result.invocations)} simulated invocations over the last ${hours} h (logs + metrics) in ${dbPath}:`,
    `  ${n(result.succeeded)} succeeded (${n(result.truncated)} cut at max_tokens, ${n(result.intervened)} stopped by a guardrail),`,
    `  ${n(result.throttled)} throttled, ${n(result.clientErrors)} client errors, ${n(result.serverErrors)} server errors;`,
    `  ${n(result.inputTokens)} input tokens, ${n(result.outputTokens)} output tokens. Log group: ${result.logGroupName}.`,
  ];
  if (result.incidentStart !== undefined && result.scenario !== "steady") {
    const at = new Date(result.incidentStart).toISOString().replace(".000Z", "Z");
    const what = INCIDENTS[result.scenario as Exclude<Scenario, "steady">];
    vi.push(`Sự cố "${result.scenario}" bắt đầu lúc ${at} và vẫn đang diễn ra: ${what.vi}.`);
    en.push(`Incident "${result.scenario}" began at ${at} and is still going on: ${what.en}.`);
    if (result.ongoingUntil !== undefined) {
      const until = new Date(result.ongoingUntil).toISOString().slice(11, 16);
      vi.push(
        `Sandbox (đang chạy, hoặc khi bạn mở nó) cho sự cố tiếp diễn đến ${until} UTC, nên alarm tạo sau vẫn thấy nó.`,
      );
      en.push(
        `The sandbox (running now, or when you start it) carries it on until ${until} UTC, so an alarm created later still sees it.`,
      );
    }
  }
  return { vi: vi.join("\n"), en: en.join("\n") };
}

export async function sandboxSeed(ctx: CommandContext, dbPath: string): Promise<number> {
  const { flags } = ctx.parsed;
  if (flags["in-memory"]) {
    throw new UsageError({
      vi: "--in-memory không dùng với seed: dữ liệu tạo ra sẽ mất ngay.",
      en: "--in-memory does not go with seed: the history would vanish at once.",
    });
  }
  const hours = numberFlag("hours", flags.hours, 0.1, 24 * 31, { fractions: true }) ?? 24;
  const rate = numberFlag("rate", flags.rate, 0.01, 600, { fractions: true }) ?? 1;
  const seed = numberFlag("seed", flags.seed, 0, 2 ** 32 - 1);
  const scenario = scenarioFlag(flags.scenario);
  const { seedHistory } = await import("../../sandbox/index.js");
  const started = Date.now();
  const result = await seedHistory(
    {
      dbPath,
      hours,
      rate,
      ...(flags.region ? { region: flags.region } : {}),
      ...(seed !== undefined ? { seed } : {}),
      ...(scenario !== undefined ? { scenario } : {}),
    },
    (done: number, total: number) => {
      if (ctx.io.stderr.isTTY && total > 0) {
        ctx.io.stderr.write(
          `\r\x1b[K… ${Math.floor((100 * done) / total)}% (${((Date.now() - started) / 1000).toFixed(1)} s)`,
        );
      }
    },
  );
  if (ctx.io.stderr.isTTY) ctx.io.stderr.write("\r\x1b[K");
  ctx.io.stdout.write(`${tr(summary(result, hours, dbPath), ctx.lang)}\n`);
  return 0;
}
