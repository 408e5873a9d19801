/**
 * Which model serves a runtime call (InvokeModel / Converse), and AWS's exact refusals when none does.
 */
import { AwsError } from "../errors.js";
import { findModel, findProfile, modelDetails, profileDetails, typesInRegion } from "./catalog.js";
import { fnv1a, pick } from "./hash.js";
import type { InvocationTarget, ModelSpec, ProfileSpec } from "./types.js";

/** bedrock-runtime's `modelId` pattern (botocore InvokeModelIdentifier), matched whole as the service does. */
const MODEL_ID_PATTERN =
  "(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:(([0-9]{12}:custom-model/[a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}/[a-z0-9]{12})|" +
  "(:foundation-model/[a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}([.:]?[a-z0-9-]{1,63}))|([0-9]{12}:imported-model/[a-z0-9]{12})|" +
  "([0-9]{12}:provisioned-model/[a-z0-9]{12})|([0-9]{12}:custom-model-deployment/[a-z0-9]{12})|" +
  "([0-9]{12}:(inference-profile|application-inference-profile)/[a-zA-Z0-9-:.]+)))|" +
  "([a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}([.:]?[a-z0-9-]{1,63}))|(([0-9a-zA-Z][_-]?)+)|([a-zA-Z0-9-:.]+)$|" +
  "(^(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:prompt/[0-9a-zA-Z]{10}(?::[0-9]{1,5})?))$|" +
  "(^arn:aws:sagemaker:[a-z0-9-]+:[0-9]{12}:endpoint/[a-zA-Z0-9-]+$)|" +
  "(^arn:aws(-[^:]+)?:bedrock:([0-9a-z-]{1,20}):([0-9]{12}):(default-)?prompt-router/[a-zA-Z0-9-:.]+$)";
const MODEL_ID_REGEX = new RegExp(`^(?:${MODEL_ID_PATTERN})$`);

/** HTTP 400 ValidationException for a model that exists here but only behind an inference profile (note U+2019). */
export function onDemandNotSupportedError(modelId: string): AwsError {
  return new AwsError(
    "ValidationException",
    `Invocation of model ID ${modelId} with on-demand throughput isn\u2019t supported. ` +
      "Retry your request with the ID or ARN of an inference profile that contains this model.",
  );
}

/** HTTP 400 ValidationException for an unknown id, a model not offered in this Region, or a foreign ARN. */
export function invalidModelIdentifierError(): AwsError {
  return new AwsError("ValidationException", "The provided model identifier is invalid.");
}

/** HTTP 404 ResourceNotFoundException that AWS answers for a Legacy model the account has not used lately. */
export function legacyModelError(): AwsError {
  return new AwsError(
    "ResourceNotFoundException",
    "Access denied. This Model is marked by provider as Legacy and you have not been actively using the model in the " +
      "last 30 days. Please upgrade to an active model on Amazon Bedrock",
    { status: 404 },
  );
}

/** HTTP 403 AccessDeniedException for an account without model access (the "model access denied" fault). */
export function modelAccessDeniedError(): AwsError {
  return new AwsError("AccessDeniedException", "You don't have access to the model with the specified model ID.", {
    status: 403,
  });
}

function patternError(value: string, constraint: string): AwsError {
  return new AwsError(
    "ValidationException",
    `1 validation error detected: Value '${value}' at 'modelId' failed to satisfy constraint: ${constraint}`,
  );
}

function viaProfile(
  spec: ProfileSpec,
  region: string,
  accountId: string,
  requestedId: string,
  routingKey: string | undefined,
): InvocationTarget {
  const model = findModel(spec.modelId);
  if (model === undefined) throw invalidModelIdentifierError();
  const profile = profileDetails(spec, region, accountId);
  const destinations = spec.destinationRegions;
  // Deterministic routing: by the caller's routing key when given (e.g. the request id), else stay in the source
  // Region when the profile routes there.
  const inferenceRegion =
    routingKey !== undefined
      ? pick(destinations, fnv1a(routingKey))
      : destinations.includes(region)
        ? region
        : pick(destinations, 0);
  return {
    model,
    foundationModel: modelDetails(model, region),
    inferenceProfile: profile,
    requestedId,
    loggedModelId: profile.inferenceProfileArn,
    metricModelId: profile.inferenceProfileId,
    sourceRegion: region,
    inferenceRegion,
  };
}

function onDemand(model: ModelSpec, region: string, requestedId: string): InvocationTarget {
  const types = typesInRegion(model, region);
  if (types === undefined) throw invalidModelIdentifierError();
  if (!types.includes("ON_DEMAND")) throw onDemandNotSupportedError(model.modelId);
  return {
    model,
    foundationModel: modelDetails(model, region),
    requestedId,
    loggedModelId: requestedId,
    metricModelId: model.modelId,
    sourceRegion: region,
    inferenceRegion: region,
  };
}

/**
 * Resolves a runtime `modelId` (model id, model ARN, profile id or profile ARN) in the caller's Region and account.
 * `routingKey` (optional, e.g. the request id) spreads profile calls over the profile's Regions deterministically.
 * Throws AwsError with AWS's texts. Lifecycle is not enforced here: the core decides when LEGACY refuses.
 */
export function resolveInvocationTarget(
  region: string,
  accountId: string,
  modelIdOrArn: string,
  routingKey?: string,
): InvocationTarget {
  const id = modelIdOrArn;
  if (id.length < 1) throw patternError(id, "Member must have length greater than or equal to 1");
  if (id.length > 2048) throw patternError(id, "Member must have length less than or equal to 2048");
  if (!MODEL_ID_REGEX.test(id))
    throw patternError(id, `Member must satisfy regular expression pattern: ${MODEL_ID_PATTERN}`);

  const profileArn = /^arn:aws:bedrock:([a-z0-9-]+):(\d{12}):inference-profile\/(.+)$/.exec(id);
  if (profileArn !== null) {
    const [, arnRegion, arnAccount, profileId] = profileArn;
    const spec = arnRegion === region && arnAccount === accountId ? findProfile(profileId ?? "", region) : undefined;
    if (spec === undefined) throw invalidModelIdentifierError();
    return viaProfile(spec, region, accountId, id, routingKey);
  }
  const modelArn = /^arn:aws:bedrock:([a-z0-9-]+)::foundation-model\/(.+)$/.exec(id);
  if (modelArn !== null) {
    const model = modelArn[1] === region ? findModel(modelArn[2] ?? "") : undefined;
    if (model === undefined) throw invalidModelIdentifierError();
    return onDemand(model, region, id);
  }
  if (id.startsWith("arn:")) throw invalidModelIdentifierError();
  const spec = findProfile(id, region);
  if (spec !== undefined) return viaProfile(spec, region, accountId, id, routingKey);
  const model = findModel(id);
  if (model === undefined) throw invalidModelIdentifierError();
  return onDemand(model, region, id);
}
