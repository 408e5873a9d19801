/**
 * Step 2's last prompt, streamed so that the learner watches it arrive: the text grows on screen (the progress
 * event's `stream`, sent at most 20 times a second), then the time to its first token, the whole time and the
 * tokens, and what TTFT means. It is one of the five calls, not a sixth: the batch stays the original lab's five
 * prompts, one call each. A stream that breaks after it started fails the step with the exception Bedrock sent.
 */
import { enCount, kv, StepFailure, type Output, type Text } from "genai-lab/kit";
import { classify } from "./error-kinds.js";
import { seconds } from "./invocation-notes.js";
import type { ActCtx } from "./model.js";
import { withRecovery } from "./recover.js";
import { MidStreamError, streamOnce, streamOperation, type StreamedInvocation } from "./stream-answer.js";

/** Repaints at most this often while text arrives (the first piece always shows at once). */
const REPAINT_MS = 50;

/** Who answers, said before the call: the sandbox's simulated model, a real model behind it, or the model id. */
function answeredBy(ctx: ActCtx, modelId: string): Text {
  if (ctx.target.realModel)
    return { vi: `model thật qua ${ctx.target.realModel}`, en: `real model via ${ctx.target.realModel}` };
  if (ctx.target.kind === "sandbox") return { vi: "model mô phỏng", en: "simulated model" };
  return { vi: modelId, en: modelId };
}

function streamingTitle(ctx: ActCtx, modelId: string, index: number): Text {
  const who = answeredBy(ctx, modelId);
  const n = ctx.params.prompts.length;
  const prompt = ctx.params.prompts[index] ?? "";
  const operation = streamOperation(modelId);
  return {
    vi: `Prompt ${index + 1}/${n} được stream bằng ${operation} (${who.vi}): ${prompt}`,
    en: `Prompt ${index + 1} of ${n}, streamed with ${operation} (${who.en}): ${prompt}`,
  };
}

/** Streams prompt `index` and shows it arriving; the call recovers and retries like the others (recover.ts). */
export async function streamPrompt(ctx: ActCtx, index: number): Promise<StreamedInvocation> {
  const prompt = ctx.params.prompts[index] ?? "";
  let title: Text = streamingTitle(ctx, ctx.params.modelId, index);
  let shownAt = -Infinity;
  let shownText = "";
  let pending: ReturnType<typeof setTimeout> | undefined;
  const show = (text: string, firstTokenMs: number | undefined) => {
    clearTimeout(pending);
    pending = undefined;
    shownAt = performance.now();
    shownText = text;
    ctx.report.progress(title, { stream: { text, ...(firstTokenMs !== undefined ? { firstTokenMs } : {}) } });
  };
  const onText = (text: string, firstTokenMs: number) => {
    const wait = shownAt + REPAINT_MS - performance.now();
    // The first token shows the moment it lands: that moment is what the learner is timing.
    if (wait <= 0 || shownText === "") show(text, firstTokenMs);
    else {
      clearTimeout(pending);
      pending = setTimeout(() => show(text, firstTokenMs), wait);
    }
  };
  try {
    const call = await withRecovery(ctx, (modelId, log) => {
      title = streamingTitle(ctx, modelId, index);
      show("", undefined);
      return streamOnce(ctx, modelId, prompt, ctx.params.maxTokens, log, onText).catch((error: unknown) => {
        // A repaint held back for the broken try must not land after the retry notice (its wait is 1-4 s).
        clearTimeout(pending);
        throw error;
      });
    });
    ctx.report.progress(title, {
      stream: { text: call.answer, firstTokenMs: call.firstTokenMs, totalMs: call.totalMs },
    });
    return call;
  } catch (error) {
    if (error instanceof MidStreamError) throw brokenStream(ctx, error);
    throw error;
  } finally {
    clearTimeout(pending);
  }
}

/** A stream that broke after it started, named as Bedrock named it, with what to do. */
function brokenStream(ctx: ActCtx, error: MidStreamError): StepFailure {
  const next = classify(error).next;
  const chars = error.textSoFar.length;
  const simulated = ctx.target.kind !== "aws" && /\(simulated: stream-error fault\)/.test(error.message);
  return new StepFailure(
    {
      vi: `Câu trả lời dạng stream bị ngắt giữa chừng (sau ${chars} ký tự): Bedrock kết thúc stream ${error.operation} bằng ${error.name}: ${error.message}`,
      en: `The streamed answer broke off after ${enCount(chars, "character")}: Bedrock ended the ${error.operation} stream with ${error.name}: ${error.message}`,
    },
    {
      vi:
        `${next.vi} Lỗi đến sau khi HTTP 200 đã gửi, nên SDK chỉ thấy nó khi đọc stream.` +
        (simulated
          ? " Trên sandbox đây là lỗi mô phỏng: công tắc stream-error trong GENAI_LAB_SANDBOX_FAULTS đang bật (bỏ nó đi, hoặc chạy lại)."
          : ""),
      en:
        `${next.en} The error came after the HTTP 200, so the SDK only sees it while reading the stream.` +
        (simulated
          ? " On the sandbox this break is simulated: the stream-error switch in GENAI_LAB_SANDBOX_FAULTS is on (remove it, or run again)."
          : ""),
    },
    "model-stream-error",
  );
}

/** What the streamed call measured, after the batch's tables. */
export function streamedOutputs(call: StreamedInvocation, index: number): Output[] {
  const who: Text = call.realModel
    ? { vi: `model thật qua ${call.realModel}`, en: `real model via ${call.realModel}` }
    : call.simulated
      ? { vi: "model mô phỏng", en: "simulated model" }
      : { vi: "Amazon Bedrock", en: "Amazon Bedrock" };
  const title: Text = {
    vi: `Câu trả lời dạng stream (prompt ${index + 1}, ${call.operation}, ${who.vi})`,
    en: `Streamed answer (prompt ${index + 1}, ${call.operation}, ${who.en})`,
  };
  const facts = kv(title, [
    [{ vi: "Tới token đầu tiên", en: "Time to first token" }, seconds(call.firstTokenMs)],
    [{ vi: "Cả câu trả lời", en: "Whole answer" }, seconds(call.totalMs)],
    [{ vi: "Output token", en: "Output tokens" }, String(call.outputTokens)],
    [{ vi: "Request id", en: "Request id" }, call.requestId],
  ]);
  return [facts, { kind: "note", tone: "info", text: ttftNote(call) }];
}

function ttftNote(call: StreamedInvocation): Text {
  const ttft = seconds(call.firstTokenMs);
  const total = seconds(call.totalMs);
  const vi = [
    `Thời gian tới token đầu tiên (TTFT) là lúc người đọc phải chờ trước khi chữ đầu tiên hiện ra: ở đây ${ttft} trong ${total} của cả câu trả lời.`,
    "Chỉ lời gọi stream mới có nó: InvokeModel và Converse trả về cả câu trả lời một lần, nên chỉ có độ trễ tổng.",
    "Bedrock ghi nó thành metric TimeToFirstToken trong AWS/Bedrock (theo ModelId), chỉ cho ConverseStream và InvokeModelWithResponseStream; widget TTFT ở bước 4 vẽ metric này.",
    "Con số ở đây do genai-lab đo, từ lúc gửi request tới khi chữ đầu tiên tới, nên gồm cả thời gian mạng; Bedrock đo ở phía nó.",
  ];
  const en = [
    `Time to first token (TTFT) is how long the reader waits before the first words appear: here ${ttft} of the ${total} the whole answer took.`,
    "Only a streaming call has one: InvokeModel and Converse hand back the whole answer at once, so all they have is a total latency.",
    "Bedrock publishes it as the TimeToFirstToken metric in AWS/Bedrock (per ModelId), for ConverseStream and InvokeModelWithResponseStream calls only; step 4's TTFT widget charts it.",
    "The figure here is measured by genai-lab, from sending the request to the first text, so it includes the network; Bedrock measures its own on its side.",
  ];
  if (call.simulated) {
    vi.push(
      "Trên sandbox, model mô phỏng nhả token theo dòng thời gian mà một model thật có thể cần (lời gọi này được chờ thật, để bạn xem chữ hiện dần).",
    );
    en.push(
      "On the sandbox, the simulated model hands out its tokens on the timeline a real model might take (this call is waited out, so that you can watch the text arrive).",
    );
  }
  return { vi: vi.join(" "), en: en.join(" ") };
}
