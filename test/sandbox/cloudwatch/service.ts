/** Test helper: a CloudWatch service over an in-memory database, and call contexts. */
import Database from "better-sqlite3";
import { expect } from "vitest";
import type { CallContext } from "../../../src/sandbox/context.js";
import { AwsError } from "../../../src/sandbox/errors.js";
import { createCloudWatchService } from "../../../src/sandbox/cloudwatch/index.js";
import type { CloudWatchService } from "../../../src/sandbox/cloudwatch/index.js";

export const ACCOUNT = "123456789012";
/** 2026-03-02T12:00:00Z, a fixed "now" for the tests. */
export const NOW = Date.UTC(2026, 2, 2, 12, 0, 0);

export function newService(): { service: CloudWatchService; db: Database.Database } {
  const db = new Database(":memory:");
  return { service: createCloudWatchService(db), db };
}

export function ctx(overrides: Partial<CallContext> = {}): CallContext {
  return {
    accountId: ACCOUNT,
    region: "us-east-1",
    requestId: "00000000-0000-4000-8000-000000000000",
    principalArn: `arn:aws:iam::${ACCOUNT}:user/genai-lab-sandbox`,
    now: NOW,
    ...overrides,
  };
}

/** Calls an operation and returns its result as a plain record. */
export function call(
  service: CloudWatchService,
  op: string,
  input: Record<string, unknown>,
  context: CallContext = ctx(),
): Record<string, unknown> {
  const operation = service.operations[op];
  if (operation === undefined) throw new Error(`no operation ${op}`);
  return operation(input, context) as Record<string, unknown>;
}

/** Calls an operation that must fail, and returns the AwsError. */
export function failure(
  service: CloudWatchService,
  op: string,
  input: Record<string, unknown>,
  context: CallContext = ctx(),
): AwsError {
  try {
    call(service, op, input, context);
  } catch (error) {
    expect(error).toBeInstanceOf(AwsError);
    return error as AwsError;
  }
  throw new Error(`${op} succeeded`);
}
