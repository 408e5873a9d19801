/**
 * Step 2 by hand: the original lab's five prompts through the model the preflight chose — InvokeModel with the
 * Anthropic Messages body for Anthropic models (the original lab's way), Converse for the others. The request body
 * goes through a file (`fileb://` for InvokeModel's blob, `file://` for Converse's JSON), which AWS CLI v1 and v2
 * both read; `--cli-binary-format` exists only in v2. The AWS CLI does not support Bedrock's
 * streaming operations (AWS says so for v1 and v2), so streaming one answer and timing its first token is in boto3.
 */
import { shq, type Lang } from "genai-lab/kit";
import { effectiveModelId, isAnthropic, rememberedModelId } from "../model.js";
import { comment, jsonInner, py, wordLines, type ByHandCtx } from "./shell.js";

const STREAM_PROMPT_INDEX = 0;

/** A printf template whose `%s` takes a JSON-escaped prompt. */
function requestTemplate(anthropic: boolean, maxTokens: number): string {
  const marker = "\u0000";
  const doc = anthropic
    ? {
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: maxTokens,
        messages: [{ role: "user", content: marker }],
      }
    : [{ role: "user", content: [{ text: marker }] }];
  return JSON.stringify(doc).replace(JSON.stringify(marker), '"%s"');
}

/** The prompts as they go into the template: JSON-escaped, so a quote in a prompt keeps the document valid. */
const escaped = (prompts: readonly string[]) => prompts.map(jsonInner);

/**
 * Before step 0 has chosen the model, the lines name the one asked for (the original lab's, Legacy and refused on
 * demand): they say so first, rather than let five calls fail with ValidationException unexplained.
 */
function notChosenYet(ctx: ByHandCtx, lang: Lang): string[] {
  if (rememberedModelId(ctx) !== undefined) return [];
  return [
    comment(lang, {
      vi: "Bước 0 chưa chọn model: chạy nó trước (Enter ở bước 0, hoặc genai-lab run --step 0). Model dưới đây là model được yêu cầu, có thể bị từ chối khi gọi on-demand.",
      en: "Step 0 has not chosen the model yet: run it first (Enter on step 0, or genai-lab run --step 0). The model below is the one asked for and may be refused on demand.",
    }),
  ];
}

export function invocationsCli(ctx: ByHandCtx, lang: Lang = "en"): string {
  const model = effectiveModelId(ctx);
  const { region } = ctx.target;
  const { prompts, maxTokens } = ctx.params;
  const anthropic = isAnthropic(model);
  const call = anthropic
    ? `  aws bedrock-runtime invoke-model --region ${region} --model-id ${shq(model)} --content-type application/json ` +
      "--accept application/json --body fileb://request.json answer.json > /dev/null && cat answer.json && echo"
    : `  aws bedrock-runtime converse --region ${region} --model-id ${shq(model)} --messages file://request.json ` +
      `--inference-config maxTokens=${maxTokens} --query '[usage, output.message.content[0].text]' --output json`;
  return [
    ...notChosenYet(ctx, lang),
    "for prompt in \\",
    `${wordLines(escaped(prompts))}; do`,
    `  printf ${shq(requestTemplate(anthropic, maxTokens))} "$prompt" > request.json`,
    call,
    "done",
  ].join("\n");
}

export function invocationsPython(ctx: ByHandCtx, lang: Lang = "en"): string {
  const model = effectiveModelId(ctx);
  const { prompts, maxTokens } = ctx.params;
  const lines = [
    ...notChosenYet(ctx, lang),
    "import boto3, json, time",
    "",
    `client = boto3.client("bedrock-runtime", region_name=${py(ctx.target.region)})`,
    "prompts = [",
    ...prompts.map((prompt) => `    ${py(prompt)},`),
    "]",
    "for prompt in prompts:",
  ];
  if (isAnthropic(model))
    lines.push(
      "    response = client.invoke_model(",
      `        modelId=${py(model)},`,
      '        contentType="application/json",',
      '        accept="application/json",',
      "        body=json.dumps({",
      '            "anthropic_version": "bedrock-2023-05-31",',
      `            "max_tokens": ${maxTokens},`,
      '            "messages": [{"role": "user", "content": prompt}],',
      "        }),",
      "    )",
      '    result = json.loads(response["body"].read())',
      "    print(f\"Prompt: {prompt[:40]}... | Tokens: input={result['usage']['input_tokens']}, output={result['usage']['output_tokens']}\")",
    );
  else
    lines.push(
      "    response = client.converse(",
      `        modelId=${py(model)},`,
      '        messages=[{"role": "user", "content": [{"text": prompt}]}],',
      `        inferenceConfig={"maxTokens": ${maxTokens}},`,
      "    )",
      "    print(f\"Prompt: {prompt[:40]}... | Tokens: input={response['usage']['inputTokens']}, output={response['usage']['outputTokens']}\")",
    );
  lines.push(
    "",
    comment(lang, {
      vi: "Một câu trả lời dạng stream (ConverseStream): token hiện dần khi tới, kèm thời gian tới token đầu tiên.",
      en: "One answer streamed (ConverseStream): tokens as they arrive, and the time to the first one.",
    }),
    "start, first = time.monotonic(), None",
    `stream = client.converse_stream(modelId=${py(model)}, messages=[{"role": "user", "content": [{"text": prompts[${STREAM_PROMPT_INDEX}]}]}],`,
    `                                inferenceConfig={"maxTokens": ${maxTokens}})`,
    'for event in stream["stream"]:',
    '    if "contentBlockDelta" in event:',
    "        first = first or time.monotonic() - start",
    '        print(event["contentBlockDelta"]["delta"].get("text", ""), end="", flush=True)',
    'print(f"\\nTime to first token: {first * 1000:.0f} ms")',
  );
  return lines.join("\n");
}
