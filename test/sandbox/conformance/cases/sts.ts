/**
 * STS (AWS Query): GetCallerIdentity and AssumeRole, success shape and documented errors, including session tags
 * and role chaining. Sources: MODEL = botocore data/sts/2011-06-15/service-2.json; REF = the STS API Reference
 * page; RECORDED = real AWS responses recorded by LocalStack in tests/aws/services/sts/test_sts.snapshot.json.
 */
import { CreateRoleCommand } from "@aws-sdk/client-iam";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import type { AssumeRoleCommandOutput } from "@aws-sdk/client-sts";
import { expect } from "vitest";
import type { Clients } from "../../helpers.js";
import { captureReplies } from "../harness.js";
import type { ConformanceCase, ErrorExpectation, Protocolled, Via } from "../runner.js";
import { exactly } from "../runner.js";

type Case = ConformanceCase<Clients>;
const MODEL = "botocore data/sts/2011-06-15/service-2.json";
const REF = (op: string): string => `https://docs.aws.amazon.com/STS/latest/APIReference/API_${op}.html`;
const RECORDED = (test: string): string =>
  `recorded AWS response, LocalStack tests/aws/services/sts/test_sts.snapshot.json ${test}`;
const ROLE = (tag: string): string => `arn:aws:iam::123456789012:role/r-${tag}`;

/** A role this account may assume, with session tags when `tagSession`. */
async function role(p: Protocolled<Clients>, tag: string, tagSession = true, name = `r-${tag}`): Promise<string> {
  const document = JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { AWS: "123456789012" },
        Action: tagSession ? ["sts:AssumeRole", "sts:TagSession"] : "sts:AssumeRole",
      },
    ],
  });
  await p.clients.iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: document }));
  return `arn:aws:iam::123456789012:role/${name}`;
}

/** Credentials of a session of role r-<tag>, with a transitive tag SessionTag1 (the recorded chaining test). */
async function session(p: Protocolled<Clients>, tag: string): Promise<AssumeRoleCommandOutput> {
  await role(p, tag);
  await role(p, tag, true, `r2-${tag}`);
  return (await p.client.send(
    new AssumeRoleCommand({
      RoleArn: ROLE(tag),
      RoleSessionName: "Session1",
      Tags: [{ Key: "SessionTag1", Value: "SessionValue1" }],
      TransitiveTagKeys: ["SessionTag1"],
    }),
  )) as AssumeRoleCommandOutput;
}

/** The STS client signed with the session's credentials. */
function asSession(p: Protocolled<Clients>, prepared: unknown): Via {
  const c = (prepared as AssumeRoleCommandOutput).Credentials;
  const client = new STSClient({
    endpoint: p.sandbox.endpoint,
    region: p.sandbox.region,
    maxAttempts: 1,
    credentials: {
      accessKeyId: c?.AccessKeyId ?? "",
      secretAccessKey: c?.SecretAccessKey ?? "",
      sessionToken: c?.SessionToken,
    },
  });
  return { client, replies: captureReplies(client as never) };
}

const invalidValue = (message: string): { error: ErrorExpectation } => ({
  error: { code: "InvalidParameterValue", status: 400, message: exactly(message) },
});

export const STS_CASES: readonly Case[] = [
  {
    op: "GetCallerIdentity",
    name: "answers the sandbox user",
    source: `${MODEL} GetCallerIdentityResponse; ${REF("GetCallerIdentity")}`,
    input: () => ({}),
    expect: (out) =>
      expect(out).toMatchObject({
        UserId: expect.stringMatching(/^AIDA[A-Z2-7]{17}$/),
        Account: "123456789012",
        Arn: "arn:aws:iam::123456789012:user/genai-lab-sandbox",
      }),
  },
  {
    op: "GetCallerIdentity",
    name: "answers an assumed role's session",
    source: REF("GetCallerIdentity"),
    setup: session,
    via: asSession,
    input: () => ({}),
    expect: (out, { tag }) =>
      expect(out).toMatchObject({
        UserId: expect.stringMatching(/^AROA[A-Z2-7]{17}:Session1$/),
        Arn: `arn:aws:sts::123456789012:assumed-role/r-${tag}/Session1`,
      }),
  },
  {
    op: "AssumeRole",
    name: "answers credentials and the assumed-role user",
    source: RECORDED("test_assume_role"),
    setup: (p, tag) => role(p, tag, false),
    input: (tag) => ({ RoleArn: ROLE(tag), RoleSessionName: "s1" }),
    expect: (out, { tag }) => {
      expect(out.Credentials).toEqual({
        AccessKeyId: expect.stringMatching(/^ASIA/),
        SecretAccessKey: expect.any(String),
        SessionToken: expect.any(String),
        Expiration: expect.any(Date),
      });
      expect(out.AssumedRoleUser).toEqual({
        AssumedRoleId: expect.stringMatching(/^AROA[A-Z2-7]{17}:s1$/),
        Arn: `arn:aws:sts::123456789012:assumed-role/r-${tag}/s1`,
      });
    },
  },
  {
    op: "AssumeRole",
    name: "a string that is no ARN is '<arn> is invalid'",
    source: RECORDED("test_sts_invalid_parameters (malformed-arn, no-resource)"),
    input: () => ({ RoleArn: "arn:a:a::aaaaaaaaaa:", RoleSessionName: "Session1" }),
    expect: { error: { code: "ValidationError", status: 400, message: exactly("arn:a:a::aaaaaaaaaa: is invalid") } },
  },
  {
    op: "AssumeRole",
    name: "a session name outside the pattern is a constraint failure",
    source: RECORDED("test_sts_invalid_parameters (invalid-session-name)"),
    input: () => ({ RoleArn: "arn:a:b:::something/test-role", RoleSessionName: "Session1:2" }),
    expect: {
      error: {
        code: "ValidationError",
        status: 400,
        message: exactly(
          "1 validation error detected: Value 'Session1:2' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
        ),
      },
    },
  },
  {
    op: "AssumeRole",
    name: "a role that does not trust the caller is AccessDenied (403)",
    source: REF("AssumeRole"),
    input: (tag) => ({ RoleArn: ROLE(`none${tag}`), RoleSessionName: "s1" }),
    expect: {
      error: {
        code: "AccessDenied",
        status: 403,
        message:
          /^User: arn:aws:iam::123456789012:user\/genai-lab-sandbox is not authorized to perform: sts:AssumeRole on resource: /,
      },
    },
  },
  {
    op: "AssumeRole",
    name: "session tags need sts:TagSession in the trust policy",
    source:
      "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html (Permissions required to add session tags)",
    setup: (p, tag) => role(p, tag, false),
    input: (tag) => ({ RoleArn: ROLE(tag), RoleSessionName: "s1", Tags: [{ Key: "a", Value: "b" }] }),
    expect: {
      error: {
        code: "AccessDenied",
        status: 403,
        message: /is not authorized to perform: sts:TagSession on resource: /,
      },
    },
  },
  {
    op: "AssumeRole",
    name: "a transitive key must be among the tags",
    source: RECORDED("test_assume_role_tag_validation"),
    setup: (p, tag) => role(p, tag),
    input: (tag) => ({
      RoleArn: ROLE(tag),
      RoleSessionName: "SessionInvalidTransitiveKeys",
      Tags: [{ Key: "SessionTag1", Value: "SessionValue1" }],
      TransitiveTagKeys: ["InvalidKey"],
    }),
    expect: invalidValue("The specified transitive tag key must be included in the requested tags."),
  },
  {
    op: "AssumeRole",
    name: "transitive keys match tags whatever their case",
    source: RECORDED("test_assume_role_tag_validation"),
    setup: (p, tag) => role(p, tag),
    input: (tag) => ({
      RoleArn: ROLE(tag),
      RoleSessionName: "SessionInvalidCasingTransitiveKeys",
      Tags: [{ Key: "SessionTag1", Value: "SessionValue1" }],
      TransitiveTagKeys: ["sessiontag1"],
    }),
    expect: (out) => expect(out.AssumedRoleUser).toBeDefined(),
  },
  {
    op: "AssumeRole",
    name: "tag keys differing only in case are duplicates",
    source: RECORDED("test_assume_role_tag_validation"),
    setup: (p, tag) => role(p, tag),
    input: (tag) => ({
      RoleArn: ROLE(tag),
      RoleSessionName: "SessionInvalidCasingTransitiveKeys",
      Tags: [
        { Key: "SessionTag1", Value: "SessionValue1" },
        { Key: "sessiontag1", Value: "SessionValue2" },
      ],
      TransitiveTagKeys: ["sessiontag1"],
    }),
    expect: invalidValue("Duplicate tag keys found. Please note that Tag keys are case insensitive."),
  },
  {
    op: "AssumeRole",
    name: "a chained session cannot override a transitive tag (any case)",
    source: RECORDED("test_iam_role_chaining_override_transitive_tags"),
    setup: session,
    via: asSession,
    input: (tag) => ({
      RoleArn: `arn:aws:iam::123456789012:role/r2-${tag}`,
      RoleSessionName: "Session2SessionTagOverride",
      Tags: [{ Key: "sessiontag1", Value: "SessionValue2" }],
    }),
    expect: invalidValue(
      "One of the specified transitive tag keys can't be set because it conflicts with a transitive tag key from the calling session.",
    ),
  },
  {
    op: "AssumeRole",
    name: "a chained session lasts at most an hour",
    source: "recorded in 99designs/aws-vault#263 and prowler-cloud/prowler#7721",
    setup: session,
    via: asSession,
    input: (tag) => ({
      RoleArn: `arn:aws:iam::123456789012:role/r2-${tag}`,
      RoleSessionName: "Chained",
      DurationSeconds: 7200,
    }),
    expect: {
      error: {
        code: "ValidationError",
        status: 400,
        message: exactly(
          "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.",
        ),
      },
    },
  },
  {
    op: "AssumeRole",
    name: "more than the role's MaxSessionDuration is refused",
    source: REF("AssumeRole") + " (DurationSeconds)",
    setup: (p, tag) => role(p, tag, false),
    input: (tag) => ({ RoleArn: ROLE(tag), RoleSessionName: "s1", DurationSeconds: 7200 }),
    expect: {
      error: {
        code: "ValidationError",
        status: 400,
        message: exactly("The requested DurationSeconds exceeds the MaxSessionDuration set for this role."),
      },
    },
  },
];

export const STS_UNREACHABLE: Readonly<Record<string, string>> = {
  MalformedPolicyDocumentException: "session policies (Policy, PolicyArns) are accepted but not evaluated",
  PackedPolicyTooLargeException: "session policies and tags are not packed; their size is not limited",
  RegionDisabledException: "every Region is enabled in the sandbox",
  ExpiredTokenException: "answered by the signature check before any operation (see test/sandbox/auth)",
};
