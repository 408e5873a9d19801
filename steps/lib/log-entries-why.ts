/**
 * Why the lab's group holds too few invocation records, said so a learner knows what to do: the group is gone,
 * logging is off or writes elsewhere, the calls were made before logging was on (the AWS/Bedrock metrics counted
 * them, the logs never will), they went to another Region (nothing counted here at all), the records are old, or
 * there are simply too few — and how many more calls it takes.
 */
import type { LoggingConfig } from "@aws-sdk/client-bedrock";
import { enCount, type Text } from "genai-lab/kit";
import { trafficByModel } from "./bedrock-metrics.js";
import { newestRecordAt } from "./log-records.js";
import type { ReadCtx } from "./model.js";

export interface Shortfall {
  config: LoggingConfig | undefined;
  found: number;
  needed: number;
  groupMissing: boolean;
  failed: number;
  window: { startMs: number; endMs: number };
}

const HOUR_MS = 3_600_000;
/** How recent a call may be and still be on its way to the log. */
const IN_FLIGHT_MS = 2 * 60_000;

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
  const failed: Text =
    s.failed > 0
      ? {
          vi: ` ${s.failed} lời gọi bị lỗi (bản ghi có errorCode) nên không tính.`,
          en: ` ${enCount(s.failed, "call")} failed (records with an errorCode) and do not count.`,
        }
      : { vi: "", en: "" };
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
  const counted = await trafficByModel(ctx, s.window).catch(() => undefined);
  const calls = counted?.reduce((sum, m) => sum + m.total, 0);
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
  if (calls !== undefined && calls > s.found) {
    // Calls of the last few minutes may simply not be delivered yet (3–15 s on AWS): that is "not yet", not "wrong".
    const now = ctx.clock.now();
    const recent = await trafficByModel(ctx, { startMs: now - IN_FLIGHT_MS, endMs: now + 1000 }).catch(() => []);
    const inFlight = calls - s.found <= recent.reduce((sum, m) => sum + m.total, 0);
    const maybe: Text = inFlight
      ? {
          vi: " Lời gọi vài phút gần đây có thể vẫn đang trên đường tới log (bản ghi về sau lời gọi 3–15 giây): kiểm tra lại sau ít giây.",
          en: " Calls from the last few minutes may still be on their way (records arrive 3–15 s after a call): check again in a few seconds.",
        }
      : { vi: "", en: "" };
    const models = (counted ?? []).map((m) => m.modelId).join(", ");
    return {
      vi: `Metric AWS/Bedrock Invocations đếm ${calls} lời gọi ở ${region} (${models}) nhưng log group chỉ có ${s.found} bản ghi.${maybe.vi} Lời gọi trước khi bật logging (hoặc khi nó ghi chỗ khác) không bao giờ được ghi: nếu vậy, giờ logging đã bật, hãy ${moreCalls.vi}.${failed.vi}`,
      en: `The AWS/Bedrock Invocations metric counts ${enCount(calls, "call")} in ${region} (${models}) but the log group holds ${s.found}.${maybe.en} Calls made before logging was on (or while it wrote elsewhere) are never logged: if that is what happened, ${moreCalls.en} now that logging is on.${failed.en}`,
    };
  }
  if (s.found === 0 && calls === 0) {
    return {
      vi: `Không lời gọi nào tới Bedrock ở ${region} trong 24 giờ qua (không có bản ghi, cũng không có metric Invocations). Nếu bạn đã gọi model, hãy xem Region của lời gọi: nó phải là ${region} (AWS_REGION, --region, region_name=…).${failed.vi}`,
      en: `No call reached Bedrock in ${region} in the last 24 hours (no record, and no Invocations metric either). If you did call the model, check the Region you called: it must be ${region} (AWS_REGION, --region, region_name=…).${failed.en}`,
    };
  }
  return {
    vi: `Mới có ${s.found}/${s.needed} bản ghi: ${moreCalls.vi}.${failed.vi}`,
    en: `${s.found} of ${s.needed} records so far: ${moreCalls.en}.${failed.en}`,
  };
}
