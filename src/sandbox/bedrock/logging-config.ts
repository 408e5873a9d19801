import { isAllowed, trustAllows } from "../iam/policy.js";
import type { Db } from "../storage/db.js";
import type { IamStore } from "../storage/iam-store.js";
import { roleArn } from "../storage/iam-store.js";
import type { LogsStore } from "../storage/logs-store.js";

/** The stream Bedrock writes invocation logs to (no leading slash; one per log group). */
export const INVOCATION_LOG_STREAM = "aws/bedrock/modelinvocations";

export interface LoggingConfig {
  cloudWatchConfig?: {
    logGroupName: string;
    roleArn: string;
    largeDataDeliveryS3Config?: { bucketName: string; keyPrefix?: string };
  };
  s3Config?: { bucketName: string; keyPrefix?: string };
  textDataDeliveryEnabled?: boolean;
  imageDataDeliveryEnabled?: boolean;
  embeddingDataDeliveryEnabled?: boolean;
  videoDataDeliveryEnabled?: boolean;
  audioDataDeliveryEnabled?: boolean;
}

/** Model invocation logging configuration, one per account and Region. */
export class LoggingConfigStore {
  readonly #get;
  readonly #put;
  readonly #delete;

  constructor(db: Db) {
    this.#get = db.prepare("SELECT config FROM bedrock_logging WHERE account_id = ? AND region = ?");
    this.#put = db.prepare("INSERT OR REPLACE INTO bedrock_logging (account_id, region, config) VALUES (?, ?, ?)");
    this.#delete = db.prepare("DELETE FROM bedrock_logging WHERE account_id = ? AND region = ?");
  }

  get(accountId: string, region: string): LoggingConfig | undefined {
    const row = this.#get.get(accountId, region) as { config: string } | undefined;
    return row === undefined ? undefined : (JSON.parse(row.config) as LoggingConfig);
  }

  put(accountId: string, region: string, config: LoggingConfig): void {
    this.#put.run(accountId, region, JSON.stringify(config));
  }

  delete(accountId: string, region: string): void {
    this.#delete.run(accountId, region);
  }
}

export const streamArn = (region: string, accountId: string, groupName: string): string =>
  `arn:aws:logs:${region}:${accountId}:log-group:${groupName}:log-stream:${INVOCATION_LOG_STREAM}`;

export interface RoleCheckInput {
  accountId: string;
  region: string;
  logGroupName: string;
  roleArn: string;
  now: number;
  /** A role (or its policies) changed less than this long ago is not yet visible to Bedrock. */
  propagationMs: number;
}

/**
 * What Bedrock verifies before it accepts (and each time it uses) a logging destination: the group exists, the role
 * exists in this account, has propagated, trusts bedrock.amazonaws.com, and may create the stream and put events.
 */
export function canDeliver(logs: LogsStore, iam: IamStore, input: RoleCheckInput): boolean {
  if (logs.findGroup(input.accountId, input.region, input.logGroupName) === undefined) return false;
  const m = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(input.roleArn);
  if (m === null || m[1] !== input.accountId) return false;
  const role = iam.role(input.accountId, m[2] ?? "");
  if (role === undefined || roleArn(role) !== input.roleArn) return false;
  if (input.now - role.changed_at < input.propagationMs) return false;
  const context = {
    "aws:SourceAccount": input.accountId,
    "aws:SourceArn": `arn:aws:bedrock:${input.region}:${input.accountId}:*`,
  };
  if (!trustAllows(role.trust_policy, { service: "bedrock.amazonaws.com" }, "sts:AssumeRole", context)) return false;
  const documents = iam.policies(input.accountId, role.name).map((p) => p.document);
  const target = streamArn(input.region, input.accountId, input.logGroupName);
  return isAllowed(documents, "logs:CreateLogStream", target) && isAllowed(documents, "logs:PutLogEvents", target);
}
