/**
 * Why the dashboard's metric widgets and log widgets disagree, said in the preview: the AWS/Bedrock metrics count
 * every successful call of the model, the log group holds only the calls made while invocation logging was on —
 * the preflight's probe call ran before step 1, so it is in one and not the other. The log widgets, for their part,
 * count every record of the group (other models, failed calls logged with an errorCode).
 */
import { enCount, type TargetKind, type Text } from "genai-lab/kit";
import type { ProbeFact } from "./timeline.js";

export interface WidgetTotals {
  invocations: number;
  inputTokens: number;
}

const clock = (ms: number) => `${new Date(ms).toISOString().slice(11, 19)} UTC`;

/** Undefined when the two agree, or when there are no metrics to compare yet. */
export function totalsNote(
  metrics: WidgetTotals,
  logs: WidgetTotals,
  probe: ProbeFact | undefined,
  target: TargetKind,
): Text | undefined {
  if (metrics.invocations === 0) return undefined;
  if (metrics.invocations === logs.invocations && metrics.inputTokens === logs.inputTokens) return undefined;
  const vi: string[] = [
    `Widget metric đếm ${metrics.invocations} lượt gọi và ${metrics.inputTokens} input token; widget log đếm ${logs.invocations} và ${logs.inputTokens}.`,
    "Metric đếm mọi lời gọi tới model; log chỉ có những lời gọi xảy ra khi invocation logging đang bật.",
  ];
  const en: string[] = [
    `The metric widgets count ${enCount(metrics.invocations, "invocation")} and ${enCount(metrics.inputTokens, "input token")}; the log widgets count ${logs.invocations} and ${logs.inputTokens}.`,
    "Metrics count every call of the model; the logs hold only the calls made while invocation logging was on.",
  ];
  if (probe) {
    vi.push(
      `Lời gọi thử của bước kiểm tra đầu (${probe.inputTokens} input token, lúc ${clock(probe.at)}) chạy trước khi bước 1 bật logging: nó có trong metric nhưng không có trong log.`,
    );
    en.push(
      `The preflight's probe call (${enCount(probe.inputTokens, "input token")}, at ${clock(probe.at)}) ran before step 1 turned logging on: it is in the metrics, not in the logs.`,
    );
  }
  if (logs.invocations > metrics.invocations) {
    vi.push(
      "Ở đây log lại đếm nhiều hơn: widget log đếm mọi bản ghi trong log group, kể cả lời gọi tới model khác và lời gọi thất bại được ghi kèm errorCode (lời gọi bị throttle không được tính vào metric Invocations)" +
        (target === "aws" ? ", và trên AWS metric có thể về chậm khoảng một phút." : "."),
    );
    en.push(
      "Here the logs count more: the log widgets count every record in the log group, calls to other models and failed calls logged with an errorCode included (throttled calls are not in the Invocations metric)" +
        (target === "aws" ? ", and on AWS the metrics can arrive about a minute late." : "."),
    );
  }
  return { vi: vi.join(" "), en: en.join(" ") };
}
