/**
 * The sandbox: an offline, wire-compatible AWS for the lab (Bedrock, Bedrock Runtime, CloudWatch Logs, CloudWatch,
 * STS, IAM) over node:http on loopback, with SigV4, SQLite storage and the Bedrock → CloudWatch invocation-log pipeline.
 */
export { startSandbox, SandboxHostError } from "./start.js";
export { runSandboxServer } from "./standalone.js";
export { seedHistory, DEFAULT_SEED_LOG_GROUP } from "./seed/history.js";
export { latestSeedRun } from "./seed/manifest.js";
export type { SeedRun } from "./seed/manifest.js";
export { SCENARIOS } from "./seed/scenarios.js";
export type { ScenarioName } from "./seed/scenarios.js";
export type { SeedOptions, SeedResult } from "./seed/history.js";
export type { RunningSandbox, SandboxOptions } from "./options.js";
export type { SandboxCredentials } from "./auth/identity.js";
export { SANDBOX_DEFAULTS } from "./context.js";
export { DEFAULT_FAULTS, FAULTS_ENV, FaultSyntaxError, formatFaults, parseFaults } from "./faults/config.js";
export type { FaultConfig } from "./faults/config.js";
export { SandboxStateError } from "./storage/db.js";
export { INVOCATION_LOG_STREAM } from "./bedrock/logging-config.js";
export { SIMULATED_MODEL_HEADER, SIMULATED_MODEL_NOTE } from "./model/index.js";
export { ModelBackendConfigError } from "./model/backend/index.js";
export { SandboxSettingError } from "./model-source.js";
export type { ModelLabel } from "./model/index.js";
