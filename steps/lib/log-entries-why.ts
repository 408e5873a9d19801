/**
 * Why the lab's group holds too few invocation records, said so a learner knows what to do: the group is gone,
 * logging is off or writes elsewhere, the calls were made before logging was on (the AWS/Bedrock metrics counted
 * them, the logs never will), they are still on their way (records arrive seconds to minutes after a call), they
 * failed (logged with an errorCode), Bedrock could not deliver them (the role), they went to another Region
 * (nothing counted here at all), the records are old, or there are simply too few — and how many more calls it takes.
 */
import type { LoggingConfig } from "@aws-sdk/client-bedrock";
import { enCount, type Text } from "genai-lab/kit";
import { metricTotals, trafficByModel } from "./bedrock-metrics.js";
import { NAMESPACE } from "./dashboard-body.js";
import { newestRecordAt } from "./log-records.js";
import { probeIn } from "./timeline.js";
import type { ReadCtx } from "./model.js";

export interface Shortfall {
  config: LoggingConfig | undefined;
  found: number;
  needed: number;
  groupMissing: boolean;
  failed: number;
  /** The failed calls by error code. */
  failedCodes: Readonly<Record<string, number>>;
  window: { startMs: number; endMs: number };
  /** How long the check waited for the runner's own calls to be delivered (0: it looked once). */
  waitedMs: number;
  /** The request ids of every record read (successful or not). */
  seenIds: ReadonlySet<string>;
}

/**
 * What to look at when records do not arrive although logging points at the group: step 3's wait and step 2's
 * check (after the runner's own calls) say the same.
 */
export function deliveryAdvice(ctx: Pick<ReadCtx, "target" | "params">): Text {
  const group = ctx.params.logGroupName;
  const { region, kind } = ctx.target;
  return {
    vi:
      `Kiểm tra: (1) cấu hình logging đúng Region ${region} và log group ${group}; (2) role ghi log vẫn còn và còn quyền logs:PutLogEvents; (3) metric AWS/Bedrock ModelInvocationLogsCloudWatchDeliveryFailure có tăng không. Rồi chạy lại bước này, có thể đợi lâu hơn với --param deliveryWaitSeconds=600.` +
      (kind === "sandbox" ? " Trên sandbox: công tắc lỗi no-delivery có đang bật không?" : ""),
    en:
      `Check: (1) the logging configuration is in Region ${region} and names ${group}; (2) the logging role still exists and still allows logs:PutLogEvents; (3) whether the AWS/Bedrock metric ModelInvocationLogsCloudWatchDeliveryFailure went up. Then run this step again, waiting longer with --param deliveryWaitSeconds=600 if needed.` +
      (kind === "sandbox" ? " On the sandbox: is the no-delivery fault switched on?" : ""),
  };
}

/** How many invocation-log records Bedrock failed to deliver in the range (0 when the metric cannot be read). */
async function deliveryFailures(ctx: ReadCtx, range: { startMs: number; endMs: number }): Promise<number> {
  const spec = { namespace: NAMESPACE, metric: "ModelInvocationLogsCloudWatchDeliveryFailure", dims: {}, stat: "Sum" };
  const [total] = await metricTotals(ctx, [spec], range).catch(() => [0]);
  return total ?? 0;
}

const HOUR_MS = 3_600_000;
/** How recent a call may be and still be on its way to the log. */
const IN_FLIGHT_MS = 2 * 60_000;

/** What a failed call's error code usually means, and what to do about it. */
function fixFor(code: string): Text {
  // Logged, so not IAM: a call the identity may not make (bedrock:InvokeModel) is refused before the model and never
  // logged, as the "nothing yet" hint says. What is left is the account's access to the model.
  if (code === "AccessDeniedException")
    return {
      vi: "tài khoản chưa được dùng model này: xin quyền ở Bedrock console → Model access, hoặc gọi model mà bước 0 đã chọn",
      en: "the account has no access to this model: request it in the Bedrock console → Model access, or call the model step 0 chose",
    };
  if (code === "ValidationException")
    return {
      vi: "model ID hoặc nội dung request bị từ chối: thông báo lỗi nói rõ chỗ nào",
      en: "the model id or the request body was refused: the error message says which",
    };
  if (code === "ThrottlingException")
    return { vi: "bị throttle: đợi một chút rồi gọi lại", en: "throttled: wait a moment and call again" };
  return { vi: "xem thông báo lỗi mà terminal đã in", en: "see the error your terminal printed" };
}

/** "AccessDeniedException ×3 (what it means); ValidationException ×2 (…)". */
function failures(codes: Readonly<Record<string, number>>, lang: "vi" | "en"): string {
  return Object.entries(codes)
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => `${code} ×${n} (${fixFor(code)[lang]})`)
    .join("; ");
}

/** Records are still arriving: said once, the same way by every branch that can be "not yet". */
function onTheirWay(live: boolean): Text {
  return live
    ? {
        vi: "Bản ghi tới log vài giây sau mỗi lời gọi (trên AWS có khi vài phút); genai-lab vẫn đang theo dõi và sẽ đánh dấu bước này khi chúng tới.",
        en: "Records reach the log a few seconds after each call (on AWS sometimes a few minutes); genai-lab keeps looking and ticks the step when they arrive.",
      }
    : {
        vi: "Bản ghi tới log vài giây sau mỗi lời gọi (trên AWS có khi vài phút): kiểm tra lại sau ít phút.",
        en: "Records reach the log a few seconds after each call (on AWS sometimes a few minutes): check again in a minute or two.",
      };
}

function ago(ms: number): Text {
  const hours = Math.round(ms / HOUR_MS);
  if (hours < 48) return { vi: `${hours} giờ trước`, en: `${enCount(hours, "hour")} ago` };
  const days = Math.round(hours / 24);
  return { vi: `${days} ngày trước`, en: `${days} days ago` };
}

export async function whyTooFew(ctx: ReadCtx, s: Shortfall): Promise<Text> {
  const group = ctx.params.logGroupName;
  const { region } = ctx.target;
  const more = Math.max(0, s.needed - s.found);
  const moreCalls: Text = {
    vi: `gọi model thêm ${more} lần (model hay inference profile nào cũng được, InvokeModel hay Converse)`,
    en: `make ${enCount(more, "more call")} (any model or inference profile, InvokeModel or Converse)`,
  };
  if (s.groupMissing) {
    return {
      vi: `Log group ${group} không tồn tại: tạo nó, bật logging vào đó (bước 1), rồi ${moreCalls.vi}.`,
      en: `The log group ${group} does not exist: create it, point logging at it (step 1), then ${moreCalls.en}.`,
    };
  }
  const destination = s.config?.cloudWatchConfig?.logGroupName;
  if (!destination) {
    return {
      vi: `Logging của Bedrock đang tắt ở ${region} (hoặc không có đích CloudWatch Logs): lời gọi lúc này không được ghi. Bật logging vào ${group} (bước 1), rồi ${moreCalls.vi}; lời gọi khi logging tắt không bao giờ được ghi.`,
      en: `Bedrock logging is off in ${region} (or has no CloudWatch Logs destination): calls made now are not logged. Turn it on with the group ${group} (step 1), then ${moreCalls.en}; calls made while it was off are never logged.`,
    };
  }
  if (destination !== group) {
    return {
      vi: `Logging của Bedrock đang ghi vào ${destination}, không phải ${group}: lời gọi lúc này không về ${group}. Đổi log group của cấu hình thành ${group} (bước 1), rồi ${moreCalls.vi}; lời gọi trước đó không được ghi vào đây.`,
      en: `Bedrock logging writes to ${destination}, not ${group}: calls made now do not land in ${group}. Point logging at ${group} (step 1), then ${moreCalls.en}; earlier calls are never logged here.`,
    };
  }
  if (s.waitedMs > 0) {
    // genai-lab's own calls, waited for with logging pointing here: "not yet", not necessarily wrong.
    const seconds = Math.round(s.waitedMs / 1000);
    const advice = deliveryAdvice(ctx);
    return {
      vi: `Bản ghi các lời gọi của genai-lab chưa về sau ${seconds} giây (mới có ${s.found}/${s.needed}). Đây là "chưa tới", không hẳn là sai. ${advice.vi}`,
      en: `The records of genai-lab's calls have not arrived after ${seconds} s (${s.found} of ${s.needed} so far). That is "not yet", not necessarily wrong. ${advice.en}`,
    };
  }
  const counted = await trafficByModel(ctx, s.window).catch(() => undefined);
  // The preflight's probe call is in the metrics; unlogged (made before logging was on), it is no learner's miss.
  const probe = probeIn(ctx.facts, s.window);
  const probeOnly = probe !== undefined && !s.seenIds.has(probe.requestId) ? 1 : 0;
  const calls = counted && Math.max(0, counted.reduce((sum, m) => sum + m.total, 0) - probeOnly);
  if (s.found === 0) {
    const old = await newestRecordAt(ctx, group);
    if (old !== undefined && old < s.window.startMs) {
      const when = new Date(old).toISOString();
      const since = ago(ctx.clock.now() - old);
      return {
        vi: `Bản ghi mới nhất trong ${group} là từ ${when} (${since.vi}); kiểm tra này chỉ tính 24 giờ qua: ${moreCalls.vi}.`,
        en: `The newest record in ${group} is from ${when} (${since.en}); this check counts the last 24 hours: ${moreCalls.en}.`,
      };
    }
  }
  const wait = onTheirWay(ctx.liveCheck);
  if (s.failed > 0) {
    // Failures are what the learner can fix first; successful calls of the last seconds may still be coming.
    const recentNote: Text = ctx.liveCheck ? { vi: ` ${wait.vi}`, en: ` ${wait.en}` } : { vi: "", en: "" };
    const okSoFar: Text =
      s.found > 0
        ? {
            vi: ` Mới có ${s.found}/${s.needed} lời gọi thành công.`,
            en: ` ${s.found} of ${s.needed} successful so far.`,
          }
        : { vi: "", en: "" };
    return {
      vi: `Bedrock đã ghi ${s.failed} lời gọi thất bại: ${failures(s.failedCodes, "vi")}. Lời gọi lỗi được ghi kèm errorCode và không được tính.${okSoFar.vi} Sửa lỗi đó, rồi ${moreCalls.vi}.${recentNote.vi}`,
      en: `Bedrock logged ${enCount(s.failed, "failed call")}: ${failures(s.failedCodes, "en")}. A failed call is logged with its errorCode and does not count.${okSoFar.en} Fix that, then ${moreCalls.en}.${recentNote.en}`,
    };
  }
  // Records Bedrock could not write (the role gone, or no longer allowed to write to the group) never arrive: the
  // metric is the only trace, and "on their way" or "made before logging was on" would name the wrong cause.
  const undelivered = await deliveryFailures(ctx, s.window);
  if (undelivered > 0) {
    const role = s.config?.cloudWatchConfig?.roleArn ?? "";
    return {
      vi: `Bedrock không gửi được ${undelivered} bản ghi lời gọi tới CloudWatch Logs (metric AWS/Bedrock ModelInvocationLogsCloudWatchDeliveryFailure đếm chúng); ${group} mới có ${s.found}/${s.needed}: role ghi log ${role} phải còn tồn tại, tin cậy bedrock.amazonaws.com và cho phép logs:CreateLogStream, logs:PutLogEvents trên ${group} (bước 1). Bản ghi không gửi được thì mất hẳn: sửa role xong, hãy ${moreCalls.vi}.`,
      en: `Bedrock could not deliver ${enCount(undelivered, "invocation record")} to CloudWatch Logs (the AWS/Bedrock metric ModelInvocationLogsCloudWatchDeliveryFailure counts them); ${group} holds ${s.found} of ${s.needed}: the logging role ${role} must still exist, trust bedrock.amazonaws.com and allow logs:CreateLogStream and logs:PutLogEvents on ${group} (step 1). Records not delivered are lost: once the role is fixed, ${moreCalls.en}.`,
    };
  }
  if (calls !== undefined && calls > s.found) {
    // Calls of the last few minutes may simply not be delivered yet (3–15 s on AWS): that is "not yet", not "wrong".
    const now = ctx.clock.now();
    const recent = await trafficByModel(ctx, { startMs: now - IN_FLIGHT_MS, endMs: now + 1000 }).catch(() => []);
    const inFlight = calls - s.found <= recent.reduce((sum, m) => sum + m.total, 0);
    const maybe: Text = inFlight
      ? {
          vi: ` Lời gọi vài phút gần đây có thể vẫn đang trên đường tới log. ${wait.vi}`,
          en: ` Calls from the last few minutes may still be on their way. ${wait.en}`,
        }
      : { vi: "", en: "" };
    const models = (counted ?? []).map((m) => m.modelId).join(", ");
    return {
      vi: `Metric AWS/Bedrock Invocations đếm ${calls} lời gọi ở ${region} (${models}) nhưng log group chỉ có ${s.found} bản ghi.${maybe.vi} Lời gọi trước khi bật logging (hoặc khi nó ghi chỗ khác) không bao giờ được ghi: nếu vậy, giờ logging đã bật, hãy ${moreCalls.vi}.`,
      en: `The AWS/Bedrock Invocations metric counts ${enCount(calls, "call")} in ${region} (${models}) but the log group holds ${s.found}.${maybe.en} Calls made before logging was on (or while it wrote elsewhere) are never logged: if that is what happened, ${moreCalls.en} now that logging is on.`,
    };
  }
  if (s.found === 0 && calls === 0) {
    const noMetric: Text = probeOnly
      ? {
          vi: "metric Invocations chỉ đếm lời gọi thử của genai-lab ở bước 0",
          en: "and the Invocations metric counts only genai-lab's own probe call from step 0",
        }
      : { vi: "cũng chưa có metric Invocations", en: "and no Invocations metric either" };
    return {
      vi: `Chưa thấy lời gọi nào tới Bedrock ở ${region} (chưa có bản ghi trong ${group}, ${noMetric.vi}). ${wait.vi} Nếu đã gọi model mà vẫn không thấy, hãy xem Region của lời gọi: nó phải là ${region} (AWS_REGION, --region, region_name=…); lời gọi bị AWS từ chối trước khi tới model (AccessDenied cho danh tính của bạn, model ID sai) không bao giờ được ghi — terminal của bạn đã in lỗi đó.`,
      en: `No call has reached Bedrock in ${region} yet (no record in ${group}, ${noMetric.en}). ${wait.en} If you did call the model and nothing shows, check the Region you called: it must be ${region} (AWS_REGION, --region, region_name=…); calls AWS refused before they reached the model (AccessDenied for your identity, a wrong model id) are never logged — your terminal printed that error.`,
    };
  }
  const soFar: Text = s.found === 0 ? { vi: ` ${wait.vi}`, en: ` ${wait.en}` } : { vi: "", en: "" };
  return {
    vi: `Mới có ${s.found}/${s.needed} bản ghi: ${moreCalls.vi}.${soFar.vi}`,
    en: `${s.found} of ${s.needed} records so far: ${moreCalls.en}.${soFar.en}`,
  };
}
