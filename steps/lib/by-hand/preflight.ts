/**
 * Step 0 by hand: genai-lab runs the preflight itself (it only reads and chooses the model); the learner's own
 * terminal checks it reaches the same account and Region and can call the model the preflight chose. Before the
 * preflight ran there is no choice yet: the call is left out rather than printed with an id that may not answer.
 */
import { shq } from "genai-lab/kit";
import { baseModelId, rememberedModelId } from "../model.js";
import { comment, py, type ByHandCtx } from "./shell.js";
import type { Lang } from "genai-lab/kit";

export const PROBE_PROMPT = "Say OK.";
const PROBE_TOKENS = 5;

const probeMessages = JSON.stringify([{ role: "user", content: [{ text: PROBE_PROMPT }] }]);

export function preflightCli(ctx: ByHandCtx, lang: Lang = "en"): string {
  const region = ctx.target.region;
  const chosen = rememberedModelId(ctx);
  const model = baseModelId(chosen ?? ctx.params.modelId);
  return [
    "aws sts get-caller-identity --query '[Account, Arn]' --output text",
    `aws bedrock get-foundation-model --region ${region} --model-identifier ${shq(model)} ` +
      "--query 'modelDetails.[modelId, modelLifecycle.status]' --output text",
    chosen
      ? `aws bedrock-runtime converse --region ${region} --model-id ${shq(chosen)} --messages ${shq(probeMessages)} ` +
        `--inference-config maxTokens=${PROBE_TOKENS} --query 'output.message.content[0].text' --output text`
      : comment(lang, {
          vi: "Lệnh gọi model sẽ hiện ở đây khi bước kiểm tra của genai-lab đã chọn model (Enter ở bước 0).",
          en: "The model call appears here once the genai-lab preflight has chosen the model (Enter on step 0).",
        }),
  ].join("\n");
}

export function preflightPython(ctx: ByHandCtx): string {
  const chosen = rememberedModelId(ctx);
  const model = baseModelId(chosen ?? ctx.params.modelId);
  const lines = [
    "import boto3",
    "",
    `region = ${py(ctx.target.region)}`,
    'print(boto3.client("sts", region_name=region).get_caller_identity()["Arn"])',
    `details = boto3.client("bedrock", region_name=region).get_foundation_model(modelIdentifier=${py(model)})["modelDetails"]`,
    'print(details["modelId"], details["modelLifecycle"]["status"])',
  ];
  if (chosen)
    lines.push(
      `reply = boto3.client("bedrock-runtime", region_name=region).converse(`,
      `    modelId=${py(chosen)},`,
      `    messages=[{"role": "user", "content": [{"text": ${py(PROBE_PROMPT)}}]}],`,
      `    inferenceConfig={"maxTokens": ${PROBE_TOKENS}},`,
      ")",
      'print(reply["output"]["message"]["content"][0]["text"])',
    );
  return lines.join("\n");
}
