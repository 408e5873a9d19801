/** Types shared by the sandbox's Bedrock catalog and its simulated model. */

export type InferenceType = "ON_DEMAND" | "INFERENCE_PROFILE" | "PROVISIONED";
export type LifecycleStatus = "ACTIVE" | "LEGACY";
export type Modality = "TEXT" | "IMAGE" | "EMBEDDING";
/** The request/response body dialect a model speaks through InvokeModel. */
export type ModelFamily = "anthropic" | "nova";
/** Geography prefixes of system-defined (cross-Region) inference profiles. */
export type ProfileGeo = "us" | "eu" | "apac" | "jp" | "global";

/** Simulated latency: base + per input token + per output token, plus a deterministic jitter below base/5. */
export interface LatencyProfile {
  baseMs: number;
  perInputTokenMs: number;
  perOutputTokenMs: number;
}

/** One foundation model as the catalog knows it (internal, richer than AWS's shape). */
export interface ModelSpec {
  modelId: string;
  /** AWS's `modelName` (at most 20 characters, like AWS's BrandedName). */
  modelName: string;
  providerName: "Anthropic" | "Amazon";
  family: ModelFamily;
  /** The `model` field of Anthropic replies, e.g. "claude-3-5-sonnet-20241022". */
  vendorModelName: string;
  lifecycle: LifecycleStatus;
  inputModalities: Modality[];
  outputModalities: Modality[];
  /** The largest `max_tokens` the model accepts. */
  maxOutputTokens: number;
  latency: LatencyProfile;
  /** Regions where the model exists, with the inference types it supports there. */
  regions: Readonly<Record<string, readonly InferenceType[]>>;
}

/** A system-defined inference profile as the catalog knows it. */
export interface ProfileSpec {
  geo: ProfileGeo;
  modelId: string;
  /** Regions that may call the profile. */
  sourceRegions: readonly string[];
  /** Regions the profile routes to (for `global`, a sample of commercial Regions). */
  destinationRegions: readonly string[];
  /** ISO 8601, when AWS published the profile. */
  createdAt: string;
}

/** GetFoundationModel's `modelDetails` / ListFoundationModels' summary, AWS member names. */
export interface FoundationModelDetails {
  modelArn: string;
  modelId: string;
  modelName: string;
  providerName: string;
  inputModalities: Modality[];
  outputModalities: Modality[];
  responseStreamingSupported: boolean;
  customizationsSupported: string[];
  inferenceTypesSupported: InferenceType[];
  modelLifecycle: { status: LifecycleStatus };
}

/** GetInferenceProfile's response / ListInferenceProfiles' summary, AWS member names. */
export interface InferenceProfileDetails {
  inferenceProfileName: string;
  description: string;
  createdAt: Date;
  updatedAt: Date;
  inferenceProfileArn: string;
  models: { modelArn: string }[];
  inferenceProfileId: string;
  status: "ACTIVE";
  type: "SYSTEM_DEFINED";
}

/** What a runtime call resolved to. */
export interface InvocationTarget {
  /** The model that serves the call. */
  model: ModelSpec;
  /** `modelDetails` of that model as GetFoundationModel shows it in the calling Region. */
  foundationModel: FoundationModelDetails;
  /** Present when the caller named an inference profile. */
  inferenceProfile?: InferenceProfileDetails;
  /** The identifier exactly as the caller sent it. */
  requestedId: string;
  /** `modelId` for the ModelInvocationLog record: the profile ARN for profiles, else the identifier as sent. */
  loggedModelId: string;
  /** The `ModelId` dimension of AWS/Bedrock metrics: the profile id for profiles, else the model id. */
  metricModelId: string;
  /** The Region the request was sent to. */
  sourceRegion: string;
  /** The Region that served it (one of the profile's destinations; the source Region on demand). */
  inferenceRegion: string;
}

/** The outcome of one simulated invocation, shared by InvokeModel and Converse. */
export type StopReason = "end_turn" | "max_tokens" | "stop_sequence";

export interface InvokeResult {
  responseBody: Record<string, unknown>;
  inputTokens: number;
  outputTokens: number;
  latencyMs: number;
  stopReason: StopReason;
}
