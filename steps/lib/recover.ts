/**
 * A model call that recovers the way a careful engineer would, and says what it did:
 * - on-demand not supported here → switch to the Region's inference profile (a note explains why);
 * - Legacy model refused → offer an ACTIVE replacement (a "choice" confirmation, accepted by --yes);
 * - no model access → stop with the fix (console path, the wait, another model to try);
 * - throttling / 5xx → the SDK retries, then withRetries retries visibly.
 */
import { StepFailure, type Text } from "genai-lab/kit";
import { classify } from "./error-kinds.js";
import { newAttemptLog, type AttemptLog } from "./attempts.js";
import { invokeOnce, type Invocation } from "./invoke.js";
import {
  baseModelId,
  describeModel,
  effectiveModelId,
  findProfileFor,
  isProfileId,
  rememberModel,
  suggestReplacement,
  type ActCtx,
  type Replacement,
  type ReadCtx,
} from "./model.js";
import { withRetries } from "./retry.js";

const CALLING: Text = { vi: "Gọi model", en: "Calling the model" };

export function invokeWithRecovery(ctx: ActCtx, prompt: string, maxTokens: number): Promise<Invocation> {
  return withRecovery(ctx, (modelId, log) => invokeOnce(ctx, modelId, prompt, maxTokens, log));
}

/** Any one model call (`call`, given the model id to call and the attempts' log), recovering as above. */
export async function withRecovery<T>(ctx: ActCtx, call: (modelId: string, log: AttemptLog) => Promise<T>): Promise<T> {
  for (let recoveries = 0; ; recoveries++) {
    const modelId = effectiveModelId(ctx);
    // One log per model id: attempts refused for another reason (a model the lab then moved away from) are not retries.
    const log = newAttemptLog();
    try {
      return await withRetries(ctx, CALLING, () => call(modelId, log));
    } catch (error) {
      if (recoveries >= 2) throw error;
      const kind = classify(error).kind;
      if (kind === "on-demand-unsupported" && !isProfileId(modelId)) {
        await switchToProfile(ctx, modelId);
      } else if (kind === "legacy-model") {
        const details = await describeModel(ctx, baseModelId(modelId));
        const { callId } = await offerReplacement(ctx, legacyReason(modelId), {
          ...details,
          modelId: baseModelId(modelId),
        });
        if (!callId) throw error;
      } else if (kind === "model-access") {
        throw await modelAccessFailure(ctx, modelId);
      } else {
        throw error;
      }
    }
  }
}

async function switchToProfile(ctx: ActCtx, modelId: string): Promise<void> {
  const profile = await findProfileFor(ctx, modelId);
  if (!profile) {
    throw new StepFailure(
      {
        vi: `Model ${modelId} không gọi on-demand được ở ${ctx.target.region} và Region này không có inference profile nào chứa nó.`,
        en: `${modelId} cannot be called on demand in ${ctx.target.region}, and no inference profile in this Region contains it.`,
      },
      {
        vi: "Chọn model khác với --model-id (xem `aws bedrock list-inference-profiles`), hoặc đổi Region với --region.",
        en: "Choose another model with --model-id (see `aws bedrock list-inference-profiles`), or another Region with --region.",
      },
      "on-demand-unsupported",
    );
  }
  ctx.report.note("warning", {
    vi: `AWS trả lời: "Invocation of model ID ${modelId} with on-demand throughput isn’t supported". Model này chỉ chạy qua inference profile ở ${ctx.target.region}, nên bài lab chuyển sang ${profile}. Log sẽ ghi modelId là ARN của profile, và metric AWS/Bedrock dùng ModelId = ${profile}.`,
    en: `AWS answered: "Invocation of model ID ${modelId} with on-demand throughput isn’t supported". In ${ctx.target.region} this model only runs through an inference profile, so the lab switched to ${profile}. The logs will name the profile's ARN as modelId, and AWS/Bedrock metrics use ModelId = ${profile}.`,
  });
  rememberModel(ctx, profile, "profile");
}

export function legacyReason(modelId: string): Text {
  return {
    vi: `${modelId} đang ở trạng thái Legacy trên Amazon Bedrock: AWS sẽ ngừng hỗ trợ (end of life) và từ chối tài khoản không dùng nó gần đây.`,
    en: `${modelId} is Legacy on Amazon Bedrock: it is heading for end of life, and AWS refuses accounts that have not used it lately.`,
  };
}

/**
 * Asks whether to use an ACTIVE replacement; remembers it when accepted. `callId` is the id to call (accepted),
 * `offered` the replacement that was proposed (accepted or not).
 */
export async function offerReplacement(
  ctx: ActCtx,
  reason: Text,
  like: { providerName?: string; modelName?: string; modelId?: string },
): Promise<{ callId?: string; offered?: Replacement }> {
  const replacement = await suggestReplacement(ctx, like);
  if (!replacement) return {};
  const accepted = await ctx.confirm({
    kind: "choice",
    question: {
      vi: `Dùng ${replacement.modelName} (${replacement.callId}) thay cho ${ctx.params.modelId}?`,
      en: `Use ${replacement.modelName} (${replacement.callId}) instead of ${ctx.params.modelId}?`,
    },
    detail: reason,
  });
  if (!accepted) return { offered: replacement };
  ctx.report.note("info", {
    vi: `Đã chọn model thay thế: ${replacement.modelName} — gọi bằng ${replacement.callId}. Lý do: ${reason.vi} Lần sau có thể chỉ định thẳng bằng --model-id ${replacement.callId}.`,
    en: `Replacement chosen: ${replacement.modelName}, called as ${replacement.callId}. Why: ${reason.en} Next time you can pass it directly with --model-id ${replacement.callId}.`,
  });
  rememberModel(ctx, replacement.callId, "replacement");
  return { callId: replacement.callId, offered: replacement };
}

async function modelAccessFailure(ctx: ReadCtx, modelId: string): Promise<StepFailure> {
  const details = await describeModel(ctx, baseModelId(modelId)).catch(() => undefined);
  const other = await suggestReplacement(ctx, { ...details, modelId: baseModelId(modelId) }).catch(() => undefined);
  const sandbox = ctx.target.kind === "sandbox";
  return new StepFailure(
    {
      vi: `Tài khoản ${ctx.target.accountId} chưa được cấp quyền dùng model ${modelId} ở ${ctx.target.region} (AccessDeniedException: You don't have access to the model with the specified model ID.).`,
      en: `Account ${ctx.target.accountId} has no access to ${modelId} in ${ctx.target.region} (AccessDeniedException: You don't have access to the model with the specified model ID.).`,
    },
    {
      vi:
        "Mở Amazon Bedrock console → Model access, bật model này (với model của Anthropic cần khai báo use case; quyền có thể mất tới khoảng 15 phút mới có hiệu lực), rồi chạy lại `genai-lab doctor`." +
        (other ? ` Hoặc dùng model khác: --model-id ${other.callId}.` : "") +
        (sandbox ? " Trên sandbox, lỗi này do công tắc lỗi access-denied đang bật (GENAI_LAB_SANDBOX_FAULTS)." : ""),
      en:
        "Open the Amazon Bedrock console → Model access and enable this model (Anthropic models ask for a use case; access can take about 15 minutes to take effect), then run `genai-lab doctor` again." +
        (other ? ` Or use another model: --model-id ${other.callId}.` : "") +
        (sandbox ? " On the sandbox, this comes from the access-denied fault switch (GENAI_LAB_SANDBOX_FAULTS)." : ""),
    },
    "model-access",
  );
}
