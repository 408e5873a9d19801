/**
 * Bedrock control-plane lookups over the catalog, answered in AWS's response shapes (member names as the REST-JSON
 * wire carries them; Dates for timestamps — the protocol layer renders them).
 */
import { AwsError } from "../errors.js";
import { MODEL_SPECS, PROFILE_SPECS } from "./catalog-data.js";
import type {
  FoundationModelDetails,
  InferenceProfileDetails,
  InferenceType,
  ModelSpec,
  ProfileGeo,
  ProfileSpec,
} from "./types.js";

export function foundationModelArn(region: string, modelId: string): string {
  return `arn:aws:bedrock:${region}::foundation-model/${modelId}`;
}

export function inferenceProfileArn(region: string, accountId: string, profileId: string): string {
  return `arn:aws:bedrock:${region}:${accountId}:inference-profile/${profileId}`;
}

export function profileIdOf(spec: ProfileSpec): string {
  return `${spec.geo}.${spec.modelId}`;
}

export function findModel(modelId: string): ModelSpec | undefined {
  return MODEL_SPECS.find((model) => model.modelId === modelId);
}

/** The inference types the model supports in the Region, or undefined when it is not offered there. */
export function typesInRegion(model: ModelSpec, region: string): readonly InferenceType[] | undefined {
  return Object.hasOwn(model.regions, region) ? model.regions[region] : undefined;
}

export function modelDetails(model: ModelSpec, region: string): FoundationModelDetails {
  return {
    modelArn: foundationModelArn(region, model.modelId),
    modelId: model.modelId,
    modelName: model.modelName,
    providerName: model.providerName,
    inputModalities: [...model.inputModalities],
    outputModalities: [...model.outputModalities],
    responseStreamingSupported: true,
    customizationsSupported: [],
    inferenceTypesSupported: [...(typesInRegion(model, region) ?? [])],
    modelLifecycle: { status: model.lifecycle },
  };
}

/** A profile usable from the Region (the caller's Region must be one of its source Regions). */
export function findProfile(profileId: string, region: string): ProfileSpec | undefined {
  return PROFILE_SPECS.find((spec) => profileIdOf(spec) === profileId && spec.sourceRegions.includes(region));
}

const GEO_LABEL: Record<ProfileGeo, string> = { us: "US", eu: "EU", apac: "APAC", jp: "JP", global: "Global" };

function englishList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1] ?? ""}`;
}

export function profileDetails(spec: ProfileSpec, region: string, accountId: string): InferenceProfileDetails {
  const model = findModel(spec.modelId);
  if (model === undefined) throw new Error(`catalog: profile ${profileIdOf(spec)} names an unknown model`);
  const modelLabel = `${model.providerName === "Anthropic" ? "Anthropic " : ""}${model.modelName}`;
  const created = new Date(spec.createdAt);
  // Global profiles list the calling Region's model and a Region-less ARN standing for "any commercial Region"
  // (AWS caps `models` at 5 entries); geographic ones list every destination Region.
  const models =
    spec.geo === "global"
      ? [foundationModelArn(region, spec.modelId), foundationModelArn("", spec.modelId)]
      : spec.destinationRegions.map((destination) => foundationModelArn(destination, spec.modelId));
  const where = spec.geo === "global" ? "all commercial AWS Regions" : englishList(spec.destinationRegions);
  return {
    inferenceProfileName: `${GEO_LABEL[spec.geo]} ${modelLabel}`,
    description: `Routes requests to ${modelLabel} in ${where}.`,
    createdAt: created,
    updatedAt: created,
    inferenceProfileArn: inferenceProfileArn(region, accountId, profileIdOf(spec)),
    models: models.map((modelArn) => ({ modelArn })),
    inferenceProfileId: profileIdOf(spec),
    status: "ACTIVE",
    type: "SYSTEM_DEFINED",
  };
}

export interface FoundationModelFilter {
  byProvider?: string;
  byCustomizationType?: string;
  byOutputModality?: string;
  byInferenceType?: string;
}

function enumError(value: string, member: string, allowed: readonly string[]): AwsError {
  return new AwsError(
    "ValidationException",
    `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: ` +
      `Member must satisfy enum value set: [${allowed.join(", ")}]`,
  );
}

function checkEnum(value: string | undefined, member: string, allowed: readonly string[]): void {
  if (value !== undefined && !allowed.includes(value)) throw enumError(value, member, allowed);
}

/** ListFoundationModels: `{ modelSummaries }` for the Region, filtered like AWS (provider match is case-insensitive). */
export function listFoundationModels(
  region: string,
  filter: FoundationModelFilter = {},
): { modelSummaries: FoundationModelDetails[] } {
  checkEnum(filter.byCustomizationType, "byCustomizationType", [
    "FINE_TUNING",
    "CONTINUED_PRE_TRAINING",
    "DISTILLATION",
  ]);
  checkEnum(filter.byOutputModality, "byOutputModality", ["TEXT", "IMAGE", "EMBEDDING"]);
  checkEnum(filter.byInferenceType, "byInferenceType", ["ON_DEMAND", "PROVISIONED"]);
  if (filter.byProvider !== undefined && !/^[A-Za-z0-9- ]{1,63}$/.test(filter.byProvider)) {
    throw new AwsError(
      "ValidationException",
      `1 validation error detected: Value '${filter.byProvider}' at 'byProvider' failed to satisfy constraint: ` +
        "Member must satisfy regular expression pattern: [A-Za-z0-9- ]{1,63}",
    );
  }
  const summaries = MODEL_SPECS.filter((model) => typesInRegion(model, region) !== undefined)
    .map((model) => modelDetails(model, region))
    .filter(
      (details) =>
        (filter.byProvider === undefined || details.providerName.toLowerCase() === filter.byProvider.toLowerCase()) &&
        // No catalog model supports customization, so any customization filter matches nothing.
        filter.byCustomizationType === undefined &&
        (filter.byOutputModality === undefined ||
          details.outputModalities.includes(
            filter.byOutputModality as FoundationModelDetails["outputModalities"][number],
          )) &&
        (filter.byInferenceType === undefined ||
          details.inferenceTypesSupported.includes(filter.byInferenceType as InferenceType)),
    );
  return { modelSummaries: summaries };
}

/** GetFoundationModel by id or foundation-model ARN of this Region: `{ modelDetails }`. */
export function getFoundationModel(region: string, idOrArn: string): { modelDetails: FoundationModelDetails } {
  const match = /^arn:aws:bedrock:([a-z0-9-]*)::foundation-model\/(.+)$/.exec(idOrArn);
  const modelId = match === null ? idOrArn : (match[2] ?? "");
  const model = match !== null && match[1] !== region ? undefined : findModel(modelId);
  if (model === undefined || typesInRegion(model, region) === undefined) {
    throw new AwsError("ValidationException", `Could not find model with identifier ${idOrArn}`);
  }
  return { modelDetails: modelDetails(model, region) };
}

export interface InferenceProfileFilter {
  maxResults?: number;
  nextToken?: string;
  typeEquals?: string;
}

/** ListInferenceProfiles: the system-defined profiles callable from the Region, paginated with an opaque token. */
export function listInferenceProfiles(
  region: string,
  accountId: string,
  filter: InferenceProfileFilter = {},
): { inferenceProfileSummaries: InferenceProfileDetails[]; nextToken?: string } {
  checkEnum(filter.typeEquals, "typeEquals", ["SYSTEM_DEFINED", "APPLICATION"]);
  const maxResults = filter.maxResults ?? 1000;
  if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > 1000) {
    throw new AwsError(
      "ValidationException",
      `1 validation error detected: Value '${String(filter.maxResults)}' at 'maxResults' failed to satisfy constraint: ` +
        (maxResults < 1
          ? "Member must have value greater than or equal to 1"
          : "Member must have value less than or equal to 1000"),
    );
  }
  let start = 0;
  if (filter.nextToken !== undefined) {
    const decoded = /^ip:(\d+)$/.exec(Buffer.from(filter.nextToken, "base64").toString("utf8"));
    if (decoded === null) throw new AwsError("ValidationException", "The provided pagination token is invalid.");
    start = Number(decoded[1]);
  }
  // The sandbox has no application inference profiles; typeEquals=APPLICATION lists nothing.
  const all =
    filter.typeEquals === "APPLICATION"
      ? []
      : PROFILE_SPECS.filter((spec) => spec.sourceRegions.includes(region)).map((spec) =>
          profileDetails(spec, region, accountId),
        );
  const page = all.slice(start, start + maxResults);
  const next = start + maxResults;
  return next < all.length
    ? { inferenceProfileSummaries: page, nextToken: Buffer.from(`ip:${next}`).toString("base64") }
    : { inferenceProfileSummaries: page };
}

/** GetInferenceProfile by id or ARN (this Region and account). */
export function getInferenceProfile(region: string, accountId: string, idOrArn: string): InferenceProfileDetails {
  const match = /^arn:aws:bedrock:([a-z0-9-]*):(\d{12}):inference-profile\/(.+)$/.exec(idOrArn);
  const sameScope = match === null || (match[1] === region && match[2] === accountId);
  const spec = sameScope ? findProfile(match === null ? idOrArn : (match[3] ?? ""), region) : undefined;
  if (spec === undefined)
    throw new AwsError("ResourceNotFoundException", "Inference profile not found", { status: 404 });
  return profileDetails(spec, region, accountId);
}
