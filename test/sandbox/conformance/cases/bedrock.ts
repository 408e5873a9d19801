/**
 * Bedrock's control plane (REST-JSON): model invocation logging configuration and the model catalog calls.
 * Sources: MODEL = botocore data/bedrock/2023-04-20/service-2.json; REF = the Amazon Bedrock API Reference page;
 * FACTS = /work/shared/docs/aws-facts.md §1 (AWS's messages as captured).
 */
import { CreateLogGroupCommand } from "@aws-sdk/client-cloudwatch-logs";
import { PutModelInvocationLoggingConfigurationCommand } from "@aws-sdk/client-bedrock";
import { CreateRoleCommand, PutRolePolicyCommand } from "@aws-sdk/client-iam";
import { expect } from "vitest";
import type { Clients } from "../../helpers.js";
import { LOGGING_TRUST, loggingPolicy } from "../../helpers.js";
import type { ConformanceCase, Protocolled } from "../runner.js";
import { exactly } from "../runner.js";

type Case = ConformanceCase<Clients>;
const MODEL = "botocore data/bedrock/2023-04-20/service-2.json";
const REF = (op: string): string => `https://docs.aws.amazon.com/bedrock/latest/APIReference/API_${op}.html`;
const MODEL_ID = "anthropic.claude-3-haiku-20240307-v1:0";

const config = (tag: string): Record<string, unknown> => ({
  loggingConfig: {
    cloudWatchConfig: { logGroupName: `/g/${tag}`, roleArn: `arn:aws:iam::123456789012:role/r-${tag}` },
    textDataDeliveryEnabled: true,
  },
});

/** A log group and a role Bedrock may use to write to it. */
async function destination(p: Protocolled<Clients>, tag: string): Promise<void> {
  await p.clients.logs.send(new CreateLogGroupCommand({ logGroupName: `/g/${tag}` }));
  await p.clients.iam.send(new CreateRoleCommand({ RoleName: `r-${tag}`, AssumeRolePolicyDocument: LOGGING_TRUST }));
  await p.clients.iam.send(
    new PutRolePolicyCommand({ RoleName: `r-${tag}`, PolicyName: "logs", PolicyDocument: loggingPolicy(`/g/${tag}`) }),
  );
}

async function configured(p: Protocolled<Clients>, tag: string): Promise<void> {
  await destination(p, tag);
  await p.client.send(new PutModelInvocationLoggingConfigurationCommand(config(tag) as never));
}

const emptyBody = (_out: Record<string, unknown>, p: { replies: { body: Buffer }[] }): void =>
  expect(p.replies[p.replies.length - 1]?.body.length).toBe(0);

export const BEDROCK_CASES: readonly Case[] = [
  {
    op: "PutModelInvocationLoggingConfiguration",
    name: "stores the configuration (200, empty body)",
    source: REF("PutModelInvocationLoggingConfiguration"),
    setup: destination,
    input: config,
    expect: emptyBody,
  },
  {
    op: "PutModelInvocationLoggingConfiguration",
    name: "a destination Bedrock cannot write to is a ValidationException",
    source: "FACTS §1 (Failed to validate permissions for log group …)",
    input: config,
    expect: {
      error: {
        code: "ValidationException",
        status: 400,
        message:
          /^Failed to validate permissions for log group: \/g\/\w+, with role: arn:aws:iam::123456789012:role\/r-\w+\. Verify the IAM role permissions are correct\.$/,
      },
    },
  },
  {
    op: "PutModelInvocationLoggingConfiguration",
    name: "a role ARN outside the pattern is a constraint failure",
    source: `${MODEL} RoleArn pattern`,
    input: (tag) => ({ loggingConfig: { cloudWatchConfig: { logGroupName: `/g/${tag}`, roleArn: "role" } } }),
    expect: {
      error: {
        code: "ValidationException",
        status: 400,
        message: exactly(
          "1 validation error detected: Value 'role' at 'loggingConfig.cloudWatchConfig.roleArn' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:aws(-[^:]+)?:iam::([0-9]{12})?:role/.+",
        ),
      },
    },
  },
  {
    op: "GetModelInvocationLoggingConfiguration",
    name: "answers the configuration",
    source: REF("GetModelInvocationLoggingConfiguration"),
    setup: configured,
    input: () => ({}),
    expect: (out, { tag }) =>
      expect(out.loggingConfig).toEqual((config(tag) as { loggingConfig: unknown }).loggingConfig),
  },
  {
    op: "DeleteModelInvocationLoggingConfiguration",
    name: "deletes the configuration (200, empty body)",
    source: REF("DeleteModelInvocationLoggingConfiguration"),
    setup: configured,
    input: () => ({}),
    expect: emptyBody,
  },
  {
    op: "ListFoundationModels",
    name: "lists the Region's models",
    source: REF("ListFoundationModels"),
    input: () => ({ byProvider: "Anthropic" }),
    expect: (out) => expect((out.modelSummaries as { modelId: string }[]).map((m) => m.modelId)).toContain(MODEL_ID),
  },
  {
    op: "ListFoundationModels",
    name: "an unknown output modality is a constraint failure",
    source: `${MODEL} ModelModality enum`,
    input: () => ({ byOutputModality: "SOUND" }),
    expect: {
      error: {
        code: "ValidationException",
        status: 400,
        message: /^1 validation error detected: Value 'SOUND' at 'byOutputModality'/,
      },
    },
  },
  {
    op: "GetFoundationModel",
    name: "answers a model's details and lifecycle",
    source: REF("GetFoundationModel"),
    input: () => ({ modelIdentifier: MODEL_ID }),
    expect: (out) =>
      expect(out.modelDetails).toMatchObject({ modelId: MODEL_ID, modelLifecycle: { status: expect.any(String) } }),
  },
  {
    op: "GetFoundationModel",
    name: "an unknown model is a ValidationException",
    source: REF("GetFoundationModel"),
    input: () => ({ modelIdentifier: "example.nothing-v1:0" }),
    expect: { error: { code: "ValidationException", status: 400 } },
  },
  {
    op: "ListInferenceProfiles",
    name: "lists the system-defined profiles",
    source: REF("ListInferenceProfiles"),
    input: () => ({}),
    expect: (out) => expect((out.inferenceProfileSummaries as unknown[]).length).toBeGreaterThan(0),
  },
  {
    op: "ListInferenceProfiles",
    name: "maxResults over 1000 is a constraint failure",
    source: `${MODEL} MaxResults (1–1000)`,
    input: () => ({ maxResults: 1001 }),
    expect: {
      error: {
        code: "ValidationException",
        status: 400,
        message: exactly(
          "1 validation error detected: Value '1001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000",
        ),
      },
    },
  },
  {
    op: "GetInferenceProfile",
    name: "answers a profile",
    source: REF("GetInferenceProfile"),
    input: () => ({ inferenceProfileIdentifier: `us.${MODEL_ID}` }),
    expect: (out) => expect(out).toMatchObject({ inferenceProfileId: `us.${MODEL_ID}`, type: "SYSTEM_DEFINED" }),
  },
  {
    op: "GetInferenceProfile",
    name: "an unknown profile is ResourceNotFoundException (404)",
    source: REF("GetInferenceProfile"),
    input: () => ({ inferenceProfileIdentifier: "us.example.nothing-v1:0" }),
    expect: { error: { code: "ResourceNotFoundException", status: 404 } },
  },
];

export const BEDROCK_UNREACHABLE: Readonly<Record<string, string>> = {
  AccessDeniedException: "the sandbox has no IAM authorisation of Bedrock control-plane calls",
  InternalServerException: "a server fault: the sandbox answers its own bugs with InternalFailure (500)",
  ThrottlingException: "only with simulated faults (--faults throttle=…, scope=all)",
  "GetFoundationModel:ResourceNotFoundException":
    "the sandbox's model catalog (src/sandbox/model) answers an unknown model with ValidationException",
  "GetInferenceProfile:ValidationException":
    "the sandbox answers any unknown identifier with ResourceNotFoundException",
};
