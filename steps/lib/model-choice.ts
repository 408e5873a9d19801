/**
 * The preflight's model decision: read the model's lifecycle and inference types, offer an ACTIVE replacement for
 * a Legacy or unavailable model, and pick the Region's inference profile when on-demand calls are not supported.
 * Shows what it read and why it decided, and remembers the effective id for the other steps.
 */
import { kv, StepFailure, type Text } from "genai-lab/kit";
import {
  describeModel,
  findProfileFor,
  inferenceTypes,
  isProfileId,
  profileModel,
  rememberModel,
  type ActCtx,
} from "./model.js";
import { legacyReason, offerReplacement } from "./recover.js";

export async function chooseModel(ctx: ActCtx): Promise<string> {
  const requested = ctx.params.modelId;
  const region = ctx.target.region;
  const base = isProfileId(requested) ? await profileModel(ctx, requested) : requested;
  const details = base ? await describeModel(ctx, base) : undefined;

  if (!details) {
    // Said first, before any question: without a terminal the question cannot be asked, and the learner must
    // already know why a replacement is on offer.
    ctx.report.note("warning", {
      vi: `Bedrock không biết model ID ${requested} ở ${region}: gọi nó, AWS trả "ValidationException: The provided model identifier is invalid." (sai ID, sai Region, hoặc model đã bị khai tử).`,
      en: `Bedrock does not know the model id ${requested} in ${region}: called, AWS answers "ValidationException: The provided model identifier is invalid." (a typo, the wrong Region, or a retired model).`,
    });
    const reason: Text = {
      vi: `${requested} không phải model ID hợp lệ ở ${region}.`,
      en: `${requested} is not a valid model id in ${region}.`,
    };
    const { callId, offered } = await offerReplacement(ctx, reason, { modelId: requested });
    if (callId) return callId;
    throw new StepFailure(
      offered
        ? {
            vi: `Không có model để gọi: ${requested} không hợp lệ ở ${region}, và model thay thế chưa được chấp nhận.`,
            en: `No model to call: ${requested} is not valid in ${region}, and the replacement was not accepted.`,
          }
        : reason,
      offered
        ? {
            vi: `Chọn model bằng --model-id ${offered.callId} (hoặc chạy lại với --yes để chấp nhận đề xuất), hoặc xem danh sách bằng \`aws bedrock list-foundation-models\`.`,
            en: `Choose it with --model-id ${offered.callId} (or run again with --yes to accept the offer), or list the models with \`aws bedrock list-foundation-models\`.`,
          }
        : {
            vi: "Xem các model có sẵn bằng `aws bedrock list-foundation-models`, rồi chọn lại với --model-id.",
            en: "List the available models with `aws bedrock list-foundation-models`, then choose again with --model-id.",
          },
      "invalid-model",
    );
  }

  const lifecycle = details.modelLifecycle?.status ?? "ACTIVE";
  const types = inferenceTypes(details);
  ctx.report.output(
    kv({ vi: "Model theo yêu cầu", en: "Requested model" }, [
      [{ vi: "Model ID", en: "Model id" }, requested],
      [{ vi: "Tên", en: "Name" }, `${details.providerName ?? ""} ${details.modelName ?? ""}`.trim()],
      [{ vi: "Vòng đời", en: "Lifecycle" }, lifecycle],
      [{ vi: `Kiểu inference ở ${region}`, en: `Inference types in ${region}` }, types.join(", ") || "—"],
    ]),
  );

  if (lifecycle !== "ACTIVE") {
    const { callId } = await offerReplacement(ctx, legacyReason(requested), details);
    if (callId) return callId;
    ctx.report.note("warning", {
      vi: `Tiếp tục với model ${lifecycle}: trên AWS thật, lời gọi có thể bị từ chối ("This Model is marked by provider as Legacy…"). Khi đó hãy chạy lại và chấp nhận model thay thế, hoặc dùng --model-id.`,
      en: `Continuing with a ${lifecycle} model: on real AWS the call may be refused ("This Model is marked by provider as Legacy…"). If so, run again and accept the replacement, or pass --model-id.`,
    });
  }

  if (isProfileId(requested) || types.includes("ON_DEMAND")) {
    rememberModel(ctx, requested, "as-is");
    return requested;
  }
  const profile = await findProfileFor(ctx, requested);
  if (!profile) {
    throw new StepFailure(
      {
        vi: `${requested} không gọi on-demand được ở ${region} và không có inference profile nào chứa nó.`,
        en: `${requested} cannot be called on demand in ${region}, and no inference profile contains it.`,
      },
      {
        vi: "Chọn model khác với --model-id, hoặc Region khác với --region.",
        en: "Choose another model with --model-id, or another Region with --region.",
      },
      "on-demand-unsupported",
    );
  }
  ctx.report.note("warning", {
    vi: `Ở ${region}, ${requested} không hỗ trợ gọi on-demand (chỉ INFERENCE_PROFILE). Gọi thẳng ID này, AWS sẽ trả "ValidationException: Invocation of model ID ${requested} with on-demand throughput isn’t supported". Bài lab sẽ gọi qua cross-Region inference profile ${profile}.`,
    en: `In ${region}, ${requested} does not support on-demand calls (INFERENCE_PROFILE only). Called by this id, AWS answers "ValidationException: Invocation of model ID ${requested} with on-demand throughput isn’t supported". The lab will call the cross-Region inference profile ${profile} instead.`,
  });
  rememberModel(ctx, profile, "profile");
  return profile;
}
