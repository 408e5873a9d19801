import type { CallContext } from "../context.js";
import { AwsError } from "../errors.js";
import type { FaultInjector } from "../faults/injector.js";
import {
  getFoundationModel,
  getInferenceProfile,
  listFoundationModels,
  listInferenceProfiles,
} from "../model/index.js";
import type { FoundationModelFilter, InferenceProfileFilter } from "../model/index.js";
import { decodeJsonObject } from "../protocol/json.js";
import type { IamStore } from "../storage/iam-store.js";
import type { LogsStore } from "../storage/logs-store.js";
import type { RestReply, RestRequest, RestRoute } from "../server/types.js";
import { InputReader } from "../validate/input.js";
import type { LoggingConfig, LoggingConfigStore } from "./logging-config.js";
import { canDeliver } from "./logging-config.js";

const ROLE_ARN = {
  min: 0,
  max: 2048,
  pattern: /^arn:aws(-[^:]+)?:iam::([0-9]{12})?:role\/.+$/,
  patternText: "arn:aws(-[^:]+)?:iam::([0-9]{12})?:role/.+",
} as const;
/** S3's bucket naming rules: the sandbox has no S3, but a placeholder like <YOUR_S3_BUCKET> is still refused. */
const S3_BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

const readerAt = (input: Record<string, unknown>, prefix: string): InputReader =>
  new InputReader(input, { code: "ValidationException", wire: "json", label: (n) => `${prefix}${n}` });

function readS3(
  parent: InputReader,
  name: string,
  prefix: string,
): { bucketName: string; keyPrefix?: string } | undefined {
  const obj = parent.object(name);
  if (obj === undefined) return undefined;
  const r = readerAt(obj, `${prefix}${name}.`);
  const bucketName = r.string("bucketName", { required: true, min: 3, max: 63 }) ?? "";
  const keyPrefix = r.string("keyPrefix", { min: 0, max: 1024 });
  r.done();
  return keyPrefix === undefined ? { bucketName } : { bucketName, keyPrefix };
}

function readLoggingConfig(body: Buffer): LoggingConfig {
  const top = readerAt(decodeJsonObject(body, "ValidationException"), "");
  const lc = top.object("loggingConfig", { required: true });
  top.done();
  const r = readerAt(lc ?? {}, "loggingConfig.");
  const config: LoggingConfig = {};
  const cw = r.object("cloudWatchConfig");
  if (cw !== undefined) {
    const c = readerAt(cw, "loggingConfig.cloudWatchConfig.");
    const logGroupName = c.string("logGroupName", { required: true, min: 1, max: 512 }) ?? "";
    const roleArn = c.string("roleArn", { ...ROLE_ARN, required: true }) ?? "";
    const large = readS3(c, "largeDataDeliveryS3Config", "loggingConfig.cloudWatchConfig.");
    c.done();
    config.cloudWatchConfig =
      large === undefined ? { logGroupName, roleArn } : { logGroupName, roleArn, largeDataDeliveryS3Config: large };
  }
  const s3 = readS3(r, "s3Config", "loggingConfig.");
  if (s3 !== undefined) config.s3Config = s3;
  for (const k of [
    "textDataDeliveryEnabled",
    "imageDataDeliveryEnabled",
    "embeddingDataDeliveryEnabled",
    "videoDataDeliveryEnabled",
    "audioDataDeliveryEnabled",
  ] as const) {
    const v = r.boolean(k);
    if (v !== undefined) config[k] = v;
  }
  r.done();
  return config;
}

function checkBucket(bucket: string): void {
  if (!S3_BUCKET.test(bucket)) {
    throw new AwsError(
      "ValidationException",
      `Failed to validate permissions for S3 bucket: ${bucket}. The bucket name is not a valid S3 bucket name.`,
    );
  }
}

export interface ControlDeps {
  configs: LoggingConfigStore;
  logs: LogsStore;
  iam: IamStore;
  faults: FaultInjector;
}

/** Put and Delete answer 200 with an empty body (API reference: "an HTTP 200 response with an empty HTTP body"). */
const ok = (): RestReply => ({ status: 200 });

/** Bedrock control plane (REST-JSON, signing name `bedrock`). */
export function bedrockControlRoutes(deps: ControlDeps): RestRoute[] {
  const put = (req: RestRequest, ctx: CallContext): RestReply => {
    const config = readLoggingConfig(req.body);
    const cw = config.cloudWatchConfig;
    if (cw !== undefined) {
      const usable = canDeliver(deps.logs, deps.iam, {
        accountId: ctx.accountId,
        region: ctx.region,
        logGroupName: cw.logGroupName,
        roleArn: cw.roleArn,
        now: ctx.now,
        propagationMs: deps.faults.config.iamPropagationMs,
      });
      if (!usable) {
        throw new AwsError(
          "ValidationException",
          `Failed to validate permissions for log group: ${cw.logGroupName}, with role: ${cw.roleArn}. Verify the IAM role permissions are correct.`,
        );
      }
      if (cw.largeDataDeliveryS3Config !== undefined) checkBucket(cw.largeDataDeliveryS3Config.bucketName);
    }
    if (config.s3Config !== undefined) checkBucket(config.s3Config.bucketName);
    deps.configs.put(ctx.accountId, ctx.region, config);
    return ok();
  };

  return [
    {
      method: "PUT",
      path: "/logging/modelinvocations",
      operation: "PutModelInvocationLoggingConfiguration",
      handler: put,
    },
    {
      method: "GET",
      path: "/logging/modelinvocations",
      operation: "GetModelInvocationLoggingConfiguration",
      handler: (_req, ctx) => {
        const config = deps.configs.get(ctx.accountId, ctx.region);
        return { json: config === undefined ? {} : { loggingConfig: config } };
      },
    },
    {
      method: "DELETE",
      path: "/logging/modelinvocations",
      operation: "DeleteModelInvocationLoggingConfiguration",
      handler: (_req, ctx) => {
        deps.configs.delete(ctx.accountId, ctx.region);
        return ok();
      },
    },
    {
      method: "GET",
      path: "/foundation-models",
      operation: "ListFoundationModels",
      handler: (req, ctx) => {
        const filter: FoundationModelFilter = {};
        for (const k of ["byProvider", "byCustomizationType", "byOutputModality", "byInferenceType"] as const) {
          const v = req.query.get(k);
          if (v !== null) filter[k] = v;
        }
        return { json: listFoundationModels(ctx.region, filter) };
      },
    },
    {
      method: "GET",
      path: "/foundation-models/{modelIdentifier}",
      operation: "GetFoundationModel",
      handler: (req, ctx) => ({ json: getFoundationModel(ctx.region, req.params.modelIdentifier ?? "") }),
    },
    {
      method: "GET",
      path: "/inference-profiles",
      operation: "ListInferenceProfiles",
      handler: (req, ctx) => {
        const filter: InferenceProfileFilter = {};
        const max = req.query.get("maxResults");
        if (max !== null) filter.maxResults = /^-?\d+$/.test(max) ? Number(max) : NaN;
        const token = req.query.get("nextToken");
        if (token !== null) filter.nextToken = token;
        const type = req.query.get("type");
        if (type !== null) filter.typeEquals = type;
        return { json: jsonDates(listInferenceProfiles(ctx.region, ctx.accountId, filter)) };
      },
    },
    {
      method: "GET",
      path: "/inference-profiles/{inferenceProfileIdentifier}",
      operation: "GetInferenceProfile",
      handler: (req, ctx) => ({
        json: jsonDates(getInferenceProfile(ctx.region, ctx.accountId, req.params.inferenceProfileIdentifier ?? "")),
      }),
    },
  ];
}

/** REST-JSON timestamps are ISO 8601 strings (date-time), unlike AWS JSON's epoch seconds. */
function jsonDates(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(jsonDates);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonDates(v)]));
  }
  return value;
}
