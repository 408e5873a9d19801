/**
 * Which model the lab calls, and why. The seed's model is Legacy and, in us-east-1, callable only through a
 * cross-Region inference profile (docs/aws-behaviour.md): the lab reads the model's lifecycle and inference types, finds
 * the Region's profile when on-demand calls are not supported, and suggests an ACTIVE replacement when needed.
 * The decision is remembered as the `model` fact, so later steps (and the dashboard) use the same effective id.
 */
import { defineFact, z, type ActionContext, type CheckContext, type FactsReader, type FactValue } from "genai-lab/kit";
import {
  GetFoundationModelCommand,
  GetInferenceProfileCommand,
  ListFoundationModelsCommand,
} from "@aws-sdk/client-bedrock";
import { paginateListInferenceProfiles } from "@aws-sdk/client-bedrock";
import type { FoundationModelDetails, FoundationModelSummary } from "@aws-sdk/client-bedrock";
import type { LabAws, LabParams } from "../lab.js";
import { errorName, isNotFound } from "./errors.js";

export type ReadCtx = CheckContext<LabParams, LabAws>;
export type ActCtx = ActionContext<LabParams, LabAws>;

/** What the lab calls, and why: `requested` is params.modelId; `effective` a model id or an inference profile id. */
export const MODEL = defineFact(
  "model",
  z.object({ requested: z.string(), effective: z.string(), reason: z.enum(["as-is", "profile", "replacement"]) }),
);
export type ModelFact = FactValue<typeof MODEL>;

const PROFILE_PREFIX = /^(us|eu|apac|jp|au|ca|us-gov|global)\./;

export function isProfileId(id: string): boolean {
  return PROFILE_PREFIX.test(id) || /:inference-profile\//.test(id);
}

/** The foundation model id behind a model id, a profile id (us.…) or an ARN of either. */
export function baseModelId(id: string): string {
  const tail = id.includes("/") ? id.slice(id.lastIndexOf("/") + 1) : id;
  return tail.replace(PROFILE_PREFIX, "");
}

export function isAnthropic(id: string): boolean {
  return baseModelId(id).startsWith("anthropic.");
}

export type ModelReader = { params: Readonly<LabParams>; facts: FactsReader };

/** The remembered decision, as long as the learner has not asked for another model since. */
export function rememberedModelId(ctx: ModelReader): string | undefined {
  const fact = MODEL.get(ctx);
  return fact && fact.requested === ctx.params.modelId ? fact.effective : undefined;
}

/** The id later steps call: the remembered decision, else the model asked for. */
export function effectiveModelId(ctx: ModelReader): string {
  return rememberedModelId(ctx) ?? ctx.params.modelId;
}

export function rememberModel(ctx: ActCtx, effective: string, reason: "as-is" | "profile" | "replacement"): void {
  MODEL.set(ctx, { requested: ctx.params.modelId, effective, reason });
}

/** Profile prefixes to try from a Region, most local first (a geographic profile keeps data in that geography). */
function profilePrefixes(region: string): string[] {
  if (region.startsWith("eu-")) return ["eu.", "global."];
  if (region === "ap-northeast-1" || region === "ap-northeast-3") return ["jp.", "apac.", "global."];
  if (region.startsWith("ap-")) return ["apac.", "au.", "global."];
  if (region.startsWith("us-gov-")) return ["us-gov."];
  return ["us.", "global."];
}

/** GetFoundationModel, or undefined when the model is not offered in this Region. */
export async function describeModel(ctx: ReadCtx, modelId: string): Promise<FoundationModelDetails | undefined> {
  try {
    const out = await ctx.aws.bedrock.send(new GetFoundationModelCommand({ modelIdentifier: modelId }), {
      abortSignal: ctx.signal,
    });
    return out.modelDetails;
  } catch (error) {
    if (isNotFound(error) || errorName(error) === "ValidationException") return undefined;
    throw error;
  }
}

/** The foundation model a profile routes to. */
export async function profileModel(ctx: ReadCtx, profileId: string): Promise<string | undefined> {
  try {
    const out = await ctx.aws.bedrock.send(new GetInferenceProfileCommand({ inferenceProfileIdentifier: profileId }), {
      abortSignal: ctx.signal,
    });
    const arn = out.models?.[0]?.modelArn;
    return arn ? baseModelId(arn) : undefined;
  } catch (error) {
    if (isNotFound(error) || errorName(error) === "ValidationException") return undefined;
    throw error;
  }
}

/** The Region's system-defined profile for a model (us./eu./apac./jp., then global.), if there is one. */
export async function findProfileFor(ctx: ReadCtx, modelId: string): Promise<string | undefined> {
  const base = baseModelId(modelId);
  const found: string[] = [];
  const pages = paginateListInferenceProfiles(
    { client: ctx.aws.bedrock, pageSize: 1000 },
    { typeEquals: "SYSTEM_DEFINED" },
  );
  for await (const page of pages) {
    for (const profile of page.inferenceProfileSummaries ?? []) {
      const id = profile.inferenceProfileId ?? "";
      const routesToModel = (profile.models ?? []).some((m) => (m.modelArn ?? "").endsWith(`/${base}`));
      if (id.endsWith(`.${base}`) || routesToModel) found.push(id);
    }
  }
  for (const prefix of profilePrefixes(ctx.target.region)) {
    const match = found.find((id) => id.startsWith(prefix));
    if (match) return match;
  }
  return found[0];
}

/** How a model can be called from this Region: its own id (on demand), its profile, or not at all. */
async function callableId(
  ctx: ReadCtx,
  details: Pick<FoundationModelDetails, "modelId" | "inferenceTypesSupported">,
): Promise<string | undefined> {
  const types = inferenceTypes(details);
  const id = details.modelId ?? "";
  if (types.includes("ON_DEMAND")) return id;
  return findProfileFor(ctx, id);
}

/** The SDK's enum predates INFERENCE_PROFILE, which the service does answer: read them as plain strings. */
export function inferenceTypes(details: { inferenceTypesSupported?: readonly string[] | undefined }): string[] {
  return [...(details.inferenceTypesSupported ?? [])];
}

const FAMILY_WORDS = ["Sonnet", "Haiku", "Opus", "Micro", "Lite", "Pro", "Premier"];

function score(candidate: FoundationModelSummary, like: { providerName?: string; modelName?: string }): number {
  let points = 0;
  if (candidate.providerName === like.providerName) points += 4;
  const family = FAMILY_WORDS.find((word) => like.modelName?.includes(word));
  if (family && candidate.modelName?.includes(family)) points += 2;
  return points;
}

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export interface Replacement {
  modelId: string;
  modelName: string;
  /** The id to call: the model itself or its inference profile. */
  callId: string;
}

/**
 * An ACTIVE text model to use instead, as close as possible to `like` (same provider, same family), newest first.
 * Plain string order puts "claude-sonnet-4-6" after "claude-sonnet-4-5-…" after "claude-sonnet-4-2025…".
 */
export async function suggestReplacement(
  ctx: ReadCtx,
  like: { providerName?: string; modelName?: string; modelId?: string },
): Promise<Replacement | undefined> {
  const out = await ctx.aws.bedrock.send(new ListFoundationModelsCommand({ byOutputModality: "TEXT" }), {
    abortSignal: ctx.signal,
  });
  const candidates = (out.modelSummaries ?? [])
    .filter((m) => m.modelLifecycle?.status === "ACTIVE" && m.modelId !== like.modelId)
    .filter((m) => inferenceTypes(m).some((t) => t === "ON_DEMAND" || t === "INFERENCE_PROFILE"))
    .sort((a, b) => score(b, like) - score(a, like) || byCodePoint(b.modelId ?? "", a.modelId ?? ""));
  for (const candidate of candidates.slice(0, 5)) {
    const callId = await callableId(ctx, candidate);
    if (callId) return { modelId: candidate.modelId ?? "", modelName: candidate.modelName ?? "", callId };
  }
  return undefined;
}
