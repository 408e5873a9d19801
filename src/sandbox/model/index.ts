/**
 * The sandbox's Bedrock model catalog and its deterministic simulated model.
 *
 * Control plane (AWS response shapes): listFoundationModels, getFoundationModel, listInferenceProfiles,
 * getInferenceProfile. Runtime: resolveInvocationTarget → invokeModelBody / converse.
 *
 * Every reply is simulated. The label travels out of band, in a response header, because every byte of the body is
 * parsed by someone: SDKs and the original lab's boto3 script read the body's exact shape, the invocation log copies it into
 * `output.outputBodyJson` (which learners query with Logs Insights), and a marker inside the text would make the
 * model's answers look odd. A header is invisible to clients that do not look for it and cheap for the UI to show.
 */
export {
  BACKEND_MODEL_HEADER,
  labelHeaders,
  MODEL_SOURCE_HEADER,
  realModelNote,
  SIMULATED_MODEL_HEADER,
  SIMULATED_MODEL_HEADER_VALUE,
  SIMULATED_MODEL_NOTE,
} from "./simulated.js";
export {
  findModel,
  foundationModelArn,
  getFoundationModel,
  getInferenceProfile,
  inferenceProfileArn,
  listFoundationModels,
  listInferenceProfiles,
} from "./catalog.js";
export type { FoundationModelFilter, InferenceProfileFilter } from "./catalog.js";
export { CATALOG_REGIONS, MODEL_SPECS, PROFILE_SPECS } from "./catalog-data.js";
export {
  invalidModelIdentifierError,
  legacyModelError,
  modelAccessDeniedError,
  onDemandNotSupportedError,
  resolveInvocationTarget,
} from "./resolve.js";
export { invokeModelBody } from "./invoke.js";
export type { InvokeOptions } from "./invoke.js";
export { converse } from "./converse.js";
export type { ConverseResponse } from "./converse.js";
export { outputTokenBurndown, textTokens } from "./tokens.js";
export { isStreaming, prepareCall } from "./prepare.js";
export type { PreparedCall, RuntimeOperation } from "./prepare.js";
export { simulatedSource, simulatedStreamParts, streamDeltas } from "./paced.js";
export { describeLabel } from "./source.js";
export type { Completion, ModelLabel, ModelSource, ModelStream } from "./source.js";
export { loggedPart } from "./streams/types.js";
export type { StreamPart } from "./streams/types.js";
export type {
  FoundationModelDetails,
  InferenceProfileDetails,
  InferenceType,
  InvocationTarget,
  InvokeResult,
  LifecycleStatus,
  ModelSpec,
  StopReason,
} from "./types.js";
