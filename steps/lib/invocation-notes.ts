/**
 * What step 2's numbers mean, said next to them: which were simulated (the sandbox reports a real model's latency
 * without waiting it out) or came from a real model behind the sandbox (--model-endpoint), and which calls were
 * throttled and quietly retried by the SDK — visible only through the attempts each call took.
 */
import { enCount, type Text } from "genai-lab/kit";
import type { InvocationBatch } from "./invocations.js";
import type { ActCtx } from "./model.js";

/** The runtime client's retry settings, as the SDK resolved them (AWS_RETRY_MODE / AWS_MAX_ATTEMPTS apply). */
export async function retrySettings(ctx: ActCtx): Promise<{ mode: string; maxAttempts: number }> {
  const config = ctx.aws.bedrockRuntime.config as {
    retryMode?: string | (() => Promise<string>);
    maxAttempts?: () => Promise<number>;
  };
  const mode = typeof config.retryMode === "function" ? await config.retryMode() : (config.retryMode ?? "standard");
  const maxAttempts = (await config.maxAttempts?.()) ?? 3;
  return { mode, maxAttempts };
}

export const seconds = (ms: number): string => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);

/** Who answered step 2's calls, when it was not Bedrock itself: the simulated model, or a real one via a URL. */
export function simulatedNote(batch: InvocationBatch): Text | undefined {
  const took = seconds(batch.finishedAt - batch.startedAt);
  const real = batch.items.find((call) => call.realModel)?.realModel;
  if (real) {
    return {
      vi: `Câu trả lời ở trên đến từ model thật qua ${real}: sandbox chuyển tiếp lời gọi Bedrock tới đó. Số token là do chính model đó đếm, độ trễ là thời gian đo được (cả ${batch.items.length} lời gọi mất ${took}); log và metrics đi đúng con đường như của Bedrock trên AWS.`,
      en: `The answers above come from a real model via ${real}: the sandbox forwards Bedrock calls there. Token counts are that model's own and latencies were measured (all ${enCount(batch.items.length, "call")} took ${took}); logs and metrics travel the same path as Bedrock's on AWS.`,
    };
  }
  if (!batch.items.some((call) => call.simulated)) return undefined;
  // The streamed answer is paced on its simulated timeline (the learner watches it), the others come at once.
  const streamed = batch.items.some((call) => call.operation !== undefined);
  return {
    vi: `Câu trả lời, số token và độ trễ ở trên đều là mô phỏng (sandbox không có model thật). Độ trễ là thời gian một model thật có thể cần, được báo qua header x-amzn-bedrock-invocation-latency, nhưng sandbox không chờ hết thời gian đó${streamed ? " (trừ câu trả lời dạng stream, được nhả dần để bạn xem)" : ""}: cả ${batch.items.length} lời gọi ${streamed ? "mất" : "chỉ mất"} ${took}.`,
    en: `The answers, token counts and latencies above are simulated (the sandbox has no real model). Each latency is what a real model might take, reported in the x-amzn-bedrock-invocation-latency header, but the sandbox does not wait it out${streamed ? " (except for the streamed answer, paced so that you can watch it)" : ""}: all ${enCount(batch.items.length, "call")} took ${took}.`,
  };
}

/** Undefined when no call needed a retry. */
export function retriesNote(batch: InvocationBatch, settings: { mode: string; maxAttempts: number }): Text | undefined {
  const throttled = batch.items.filter((call) => call.throttled > 0).length;
  const failed = batch.items.filter((call) => call.serverErrors > 0).length;
  if (throttled === 0 && failed === 0) return undefined;
  const extra = batch.items.reduce((sum, call) => sum + Math.max(0, call.attempts - 1), 0);
  const waited = seconds(batch.items.reduce((sum, call) => sum + call.retryDelayMs, 0));
  const simulated = batch.items.some((call) => call.simulated);
  const how = {
    vi: `chế độ retry ${settings.mode}, tối đa ${settings.maxAttempts} lần thử`,
    en: `${settings.mode} retry mode, up to ${settings.maxAttempts} attempts`,
  };
  const vi: string[] = [];
  const en: string[] = [];
  if (throttled > 0) {
    vi.push(`${throttled} lời gọi bị throttle (ThrottlingException, HTTP 429) và được SDK tự thử lại (${how.vi}).`);
    en.push(
      `${enCount(throttled, "call was", "calls were")} throttled (ThrottlingException, HTTP 429) and retried by the SDK (${how.en}).`,
    );
  }
  if (failed > 0) {
    vi.push(`${failed} lời gọi gặp lỗi tạm thời phía server (5xx) và cũng được thử lại.`);
    en.push(
      `${enCount(failed, "call", "calls")} met a transient server error (5xx) and ${failed === 1 ? "was" : "were"} retried as well.`,
    );
  }
  vi.push(
    `Tổng cộng ${extra} lần thử thêm, chờ ${waited} giữa các lần (exponential backoff có jitter); cột "Số lần thử" cho biết từng lời gọi. Nếu không đếm, bạn sẽ không thấy gì: SDK nuốt các lỗi này. Lời gọi bị throttle không được tính vào metric Invocations mà vào InvocationThrottles.`,
  );
  en.push(
    `${enCount(extra, "extra attempt")} in all, ${waited} spent backing off between them (exponential backoff with jitter); the Attempts column shows each call. Without counting you would never notice: the SDK swallows these errors. Throttled calls are not counted in the Invocations metric, but in InvocationThrottles.`,
  );
  if (simulated) {
    vi.push(
      "Trên sandbox, throttling là mô phỏng (công tắc lỗi throttle=… trong GENAI_LAB_SANDBOX_FAULTS); trên AWS, nó xảy ra khi vượt quota số request hoặc token mỗi phút của model.",
    );
    en.push(
      "On the sandbox the throttling is simulated (the throttle=… fault switch in GENAI_LAB_SANDBOX_FAULTS); on AWS it happens when you exceed the model's requests- or tokens-per-minute quota.",
    );
  }
  return { vi: vi.join(" "), en: en.join(" ") };
}

/** The note beside one probe call (step 0): simulated, or a real model via a URL; undefined on AWS. */
export function probeModelNote(call: { simulated: boolean; realModel: string }): Text | undefined {
  if (call.realModel) {
    return {
      vi: `Câu trả lời đến từ model thật qua ${call.realModel} (sandbox chuyển tiếp lời gọi Bedrock tới đó).`,
      en: `The answer comes from a real model via ${call.realModel} (the sandbox forwards Bedrock calls there).`,
    };
  }
  if (!call.simulated) return undefined;
  return {
    vi: "Câu trả lời đến từ model mô phỏng của sandbox, không phải model thật.",
    en: "The answer comes from the sandbox's simulated model, not a real one.",
  };
}

/** What the sandbox target is (step 0): simulated account, and a simulated model unless a real one answers. */
export function sandboxTargetNote(realModel: string | undefined): Text {
  if (realModel) {
    return {
      vi: `Target là sandbox: một AWS offline chạy ngay trong máy, tài khoản là mô phỏng và không tốn tiền; câu trả lời của model đến từ model thật qua ${realModel}.`,
      en: `The target is the sandbox: an offline AWS running on this machine; the account is simulated and costs nothing, and the model's replies come from a real model via ${realModel}.`,
    };
  }
  return {
    vi: "Target là sandbox: một AWS offline chạy ngay trong máy, tài khoản và câu trả lời của model đều là mô phỏng, không tốn tiền.",
    en: "The target is the sandbox: an offline AWS running on this machine; the account and the model's replies are simulated and cost nothing.",
  };
}
