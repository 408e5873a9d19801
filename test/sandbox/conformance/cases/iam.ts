/**
 * IAM (AWS Query): the role and user calls the sandbox implements, success shape and documented errors.
 * Sources: MODEL = botocore data/iam/2010-05-08/service-2.json; REF = the IAM API Reference page; RECORDED = real AWS
 * responses recorded by LocalStack in tests/aws/services/iam/test_iam.snapshot.json (named test); QUOTA = IAM's
 * quotas page (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html).
 */
import { CreateRoleCommand, ListRolesCommand, PutRolePolicyCommand, PutUserPolicyCommand } from "@aws-sdk/client-iam";
import type { ListRolesCommandOutput } from "@aws-sdk/client-iam";
import { expect } from "vitest";
import type { Clients } from "../../helpers.js";
import { LOGGING_TRUST, loggingPolicy } from "../../helpers.js";
import type { ConformanceCase, ErrorExpectation, Protocolled } from "../runner.js";
import { exactly } from "../runner.js";

type Case = ConformanceCase<Clients>;
const MODEL = "botocore data/iam/2010-05-08/service-2.json";
const REF = (op: string): string => `https://docs.aws.amazon.com/IAM/latest/APIReference/API_${op}.html`;
const RECORDED = (test: string): string =>
  `recorded AWS response, LocalStack tests/aws/services/iam/test_iam.snapshot.json ${test}`;
const USER = "genai-lab-sandbox";
const POLICY = loggingPolicy("/aws/bedrock/model-invocations");

const role = async (p: Protocolled<Clients>, tag: string): Promise<string> => {
  await p.client.send(
    new CreateRoleCommand({
      RoleName: `r-${tag}`,
      AssumeRolePolicyDocument: LOGGING_TRUST,
      Tags: [{ Key: "k", Value: "v" }],
    }),
  );
  return `r-${tag}`;
};
const roleWithPolicy = async (p: Protocolled<Clients>, tag: string): Promise<string> => {
  await role(p, tag);
  await p.client.send(new PutRolePolicyCommand({ RoleName: `r-${tag}`, PolicyName: "logs", PolicyDocument: POLICY }));
  return `r-${tag}`;
};
const userPolicy = async (p: Protocolled<Clients>, tag: string): Promise<void> => {
  await p.client.send(new PutUserPolicyCommand({ UserName: USER, PolicyName: `p-${tag}`, PolicyDocument: POLICY }));
};

const noSuchRole = (name: RegExp): { error: ErrorExpectation } => ({
  error: {
    code: "NoSuchEntity",
    sdkName: "NoSuchEntityException",
    status: 404,
    message: new RegExp(`^The role with name ${name.source} cannot be found\\.$`),
  },
});
const noSuch = (message: RegExp): { error: ErrorExpectation } => ({
  error: { code: "NoSuchEntity", sdkName: "NoSuchEntityException", status: 404, message },
});
const noOutput = (out: Record<string, unknown>): void => expect(Object.keys(out)).toEqual(["$metadata"]);

export const IAM_CASES: readonly Case[] = [
  {
    op: "CreateRole",
    name: "answers the role without MaxSessionDuration, with its tags, trust policy URL-encoded",
    source: `${RECORDED("test_create_describe_role")}; ${RECORDED("test_role_with_tags")}`,
    input: (tag) => ({
      RoleName: `r-${tag}`,
      AssumeRolePolicyDocument: LOGGING_TRUST,
      Tags: [{ Key: "k", Value: "v" }],
    }),
    expect: (out, { tag }) => {
      expect(out.Role).toEqual({
        Path: "/",
        RoleName: `r-${tag}`,
        RoleId: expect.stringMatching(/^AROA[A-Z2-7]{17}$/),
        Arn: `arn:aws:iam::123456789012:role/r-${tag}`,
        CreateDate: expect.any(Date),
        AssumeRolePolicyDocument: encodeURIComponent(LOGGING_TRUST),
        Tags: [{ Key: "k", Value: "v" }],
      });
    },
  },
  {
    op: "CreateRole",
    name: "an existing name (any case) is EntityAlreadyExists",
    source: REF("CreateRole"),
    setup: role,
    input: (tag) => ({ RoleName: `R-${tag}`.toUpperCase(), AssumeRolePolicyDocument: LOGGING_TRUST }),
    expect: {
      error: {
        code: "EntityAlreadyExists",
        sdkName: "EntityAlreadyExistsException",
        status: 409,
        message: /^Role with name R-\w+ already exists\.$/,
      },
    },
  },
  {
    op: "CreateRole",
    name: "a trust policy that is not JSON is MalformedPolicyDocument",
    source: RECORDED("test_create_role_with_malformed_assume_role_policy_document"),
    input: (tag) => ({ RoleName: `r-${tag}`, AssumeRolePolicyDocument: "{not json" }),
    expect: {
      error: {
        code: "MalformedPolicyDocument",
        sdkName: "MalformedPolicyDocumentException",
        status: 400,
        message: exactly("This policy contains invalid Json"),
      },
    },
  },
  {
    op: "CreateRole",
    name: "a MaxSessionDuration under an hour is a constraint failure",
    source: `${MODEL} roleMaxSessionDurationType (3600–43200)`,
    input: (tag) => ({ RoleName: `r-${tag}`, AssumeRolePolicyDocument: LOGGING_TRUST, MaxSessionDuration: 60 }),
    expect: {
      error: {
        code: "ValidationError",
        status: 400,
        message: exactly(
          "1 validation error detected: Value '60' at 'maxSessionDuration' failed to satisfy constraint: Member must have value greater than or equal to 3600",
        ),
      },
    },
  },
  {
    op: "GetRole",
    name: "answers MaxSessionDuration, RoleLastUsed and tags",
    source: `${RECORDED("test_create_describe_role")}; ${RECORDED("test_role_with_tags")}`,
    setup: role,
    input: (tag) => ({ RoleName: `r-${tag}` }),
    expect: (out) => {
      expect(out.Role).toMatchObject({ MaxSessionDuration: 3600, RoleLastUsed: {}, Tags: [{ Key: "k", Value: "v" }] });
    },
  },
  {
    op: "GetRole",
    name: "a missing role is NoSuchEntity (404)",
    source: REF("GetRole"),
    input: (tag) => ({ RoleName: `none-${tag}` }),
    expect: noSuchRole(/none-\w+/),
  },
  {
    op: "ListRoles",
    name: "lists roles with MaxSessionDuration but without tags",
    source: `${RECORDED("test_role_with_tags")} (list-role-response)`,
    setup: role,
    input: () => ({ PathPrefix: "/" }),
    expect: (out, { tag }) => {
      expect(out.IsTruncated).toBe(false);
      const listed = (out.Roles as Record<string, unknown>[]).find((r) => r.RoleName === `r-${tag}`);
      expect(listed).toMatchObject({ MaxSessionDuration: 3600 });
      expect(listed?.Tags).toBeUndefined();
      expect(listed?.RoleLastUsed).toBeUndefined();
    },
  },
  {
    op: "ListRoles",
    name: "pages by MaxItems with IsTruncated and a Marker",
    source: `${REF("ListRoles")} (MaxItems, Marker, IsTruncated)`,
    setup: async (p, tag) => {
      for (const n of ["a", "b"]) {
        await p.client.send(
          new CreateRoleCommand({
            RoleName: `${n}-${tag}`,
            Path: `/p${tag}/`,
            AssumeRolePolicyDocument: LOGGING_TRUST,
          }),
        );
      }
    },
    input: (tag) => ({ PathPrefix: `/p${tag}/`, MaxItems: 1 }),
    expect: async (out, p) => {
      expect(out).toMatchObject({ IsTruncated: true, Roles: [{ RoleName: `a-${p.tag}` }] });
      const next = (await p.client.send(
        new ListRolesCommand({ PathPrefix: `/p${p.tag}/`, MaxItems: 1, Marker: out.Marker as string }),
      )) as ListRolesCommandOutput;
      expect(next.IsTruncated).toBe(false);
      expect(next.Marker).toBeUndefined();
      expect(next.Roles?.map((r) => r.RoleName)).toEqual([`b-${p.tag}`]);
    },
  },
  {
    op: "UpdateAssumeRolePolicy",
    name: "replaces the trust policy (no output)",
    source: RECORDED("test_update_assume_role_policy"),
    setup: role,
    input: (tag) => ({ RoleName: `r-${tag}`, PolicyDocument: LOGGING_TRUST }),
    expect: noOutput,
  },
  {
    op: "UpdateAssumeRolePolicy",
    name: "a missing role is NoSuchEntity",
    source: REF("UpdateAssumeRolePolicy"),
    input: (tag) => ({ RoleName: `none-${tag}`, PolicyDocument: LOGGING_TRUST }),
    expect: noSuchRole(/none-\w+/),
  },
  {
    op: "PutRolePolicy",
    name: "stores an inline policy (no output)",
    source: `${MODEL} PutRolePolicy has no output`,
    setup: role,
    input: (tag) => ({ RoleName: `r-${tag}`, PolicyName: "logs", PolicyDocument: POLICY }),
    expect: noOutput,
  },
  {
    op: "PutRolePolicy",
    name: "a policy with a principal is MalformedPolicyDocument",
    source: REF("PutRolePolicy"),
    setup: role,
    input: (tag) => ({ RoleName: `r-${tag}`, PolicyName: "p", PolicyDocument: LOGGING_TRUST }),
    expect: { error: { code: "MalformedPolicyDocument", sdkName: "MalformedPolicyDocumentException", status: 400 } },
  },
  {
    op: "PutRolePolicy",
    name: "role policies over 10240 characters are LimitExceeded",
    source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html (role policy size)",
    setup: role,
    input: (tag) => ({
      RoleName: `r-${tag}`,
      PolicyName: "big",
      PolicyDocument: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: "logs:*", Resource: `arn:aws:logs:::${"x".repeat(10_300)}` }],
      }),
    }),
    expect: { error: { code: "LimitExceeded", sdkName: "LimitExceededException", status: 409 } },
  },
  {
    op: "GetRolePolicy",
    name: "answers the document URL-encoded",
    source: RECORDED("test_put_role_policy_encoding"),
    setup: roleWithPolicy,
    input: (tag) => ({ RoleName: `r-${tag}`, PolicyName: "logs" }),
    expect: (out, { tag }) =>
      expect(out).toMatchObject({
        RoleName: `r-${tag}`,
        PolicyName: "logs",
        PolicyDocument: encodeURIComponent(POLICY),
      }),
  },
  {
    op: "GetRolePolicy",
    name: "a missing policy is NoSuchEntity",
    source: REF("GetRolePolicy"),
    setup: role,
    input: (tag) => ({ RoleName: `r-${tag}`, PolicyName: "none" }),
    expect: noSuch(exactly("The role policy with name none cannot be found.")),
  },
  {
    op: "ListRolePolicies",
    name: "lists policy names",
    source: REF("ListRolePolicies"),
    setup: roleWithPolicy,
    input: (tag) => ({ RoleName: `r-${tag}` }),
    expect: (out) => expect(out).toMatchObject({ PolicyNames: ["logs"], IsTruncated: false }),
  },
  {
    op: "DeleteRolePolicy",
    name: "deletes an inline policy (no output)",
    source: `${MODEL} DeleteRolePolicy has no output`,
    setup: roleWithPolicy,
    input: (tag) => ({ RoleName: `r-${tag}`, PolicyName: "logs" }),
    expect: noOutput,
  },
  {
    op: "DeleteRolePolicy",
    name: "a missing policy is NoSuchEntity",
    source: REF("DeleteRolePolicy"),
    setup: role,
    input: (tag) => ({ RoleName: `r-${tag}`, PolicyName: "none" }),
    expect: noSuch(exactly("The role policy with name none cannot be found.")),
  },
  {
    op: "DeleteRole",
    name: "deletes a role (no output)",
    source: RECORDED("test_role_with_path_lifecycle"),
    setup: role,
    input: (tag) => ({ RoleName: `r-${tag}` }),
    expect: noOutput,
  },
  {
    op: "DeleteRole",
    name: "a role that still has inline policies is DeleteConflict",
    source: REF("DeleteRole"),
    setup: roleWithPolicy,
    input: (tag) => ({ RoleName: `r-${tag}` }),
    expect: {
      error: {
        code: "DeleteConflict",
        sdkName: "DeleteConflictException",
        status: 409,
        message: exactly("Cannot delete entity, must delete policies first."),
      },
    },
  },
  {
    op: "TagRole",
    name: "adds tags (no output)",
    source: `${MODEL} TagRole has no output`,
    setup: role,
    input: (tag) => ({ RoleName: `r-${tag}`, Tags: [{ Key: "k2", Value: "v2" }] }),
    expect: noOutput,
  },
  {
    op: "UntagRole",
    name: "removes tags (no output)",
    source: `${MODEL} UntagRole has no output`,
    setup: role,
    input: (tag) => ({ RoleName: `r-${tag}`, TagKeys: ["k"] }),
    expect: noOutput,
  },
  {
    op: "ListRoleTags",
    name: "lists tags",
    source: REF("ListRoleTags"),
    setup: role,
    input: (tag) => ({ RoleName: `r-${tag}` }),
    expect: (out) => expect(out).toMatchObject({ Tags: [{ Key: "k", Value: "v" }], IsTruncated: false }),
  },
  {
    op: "GetUser",
    name: "without a name answers the calling user",
    source:
      "LocalStack tests/aws/services/iam/resource_providers/aws_iam_user/test_basic_user.snapshot.json; " +
      REF("GetUser"),
    input: () => ({}),
    expect: (out) =>
      expect(out.User).toEqual({
        Path: "/",
        UserName: USER,
        UserId: expect.stringMatching(/^AIDA[A-Z2-7]{17}$/),
        Arn: `arn:aws:iam::123456789012:user/${USER}`,
        CreateDate: expect.any(Date),
      }),
  },
  {
    op: "GetUser",
    name: "an unknown user is NoSuchEntity",
    source: REF("GetUser"),
    input: (tag) => ({ UserName: `u-${tag}` }),
    expect: noSuch(/^The user with name u-\w+ cannot be found\.$/),
  },
  {
    op: "ListUsers",
    name: "lists the account's one user, without tags",
    source: REF("ListUsers"),
    input: () => ({}),
    expect: (out) => {
      expect(out.IsTruncated).toBe(false);
      expect(out.Users).toEqual([
        {
          Path: "/",
          UserName: USER,
          UserId: expect.stringMatching(/^AIDA[A-Z2-7]{17}$/),
          Arn: `arn:aws:iam::123456789012:user/${USER}`,
          CreateDate: expect.any(Date),
        },
      ]);
    },
  },
  {
    op: "ListAttachedUserPolicies",
    name: "lists no managed policies (the sandbox has none)",
    source: REF("ListAttachedUserPolicies"),
    input: () => ({ UserName: USER }),
    expect: (out) => expect(out).toMatchObject({ AttachedPolicies: [], IsTruncated: false }),
  },
  {
    op: "ListAttachedUserPolicies",
    name: "an unknown user is NoSuchEntity",
    source: REF("ListAttachedUserPolicies"),
    input: (tag) => ({ UserName: `u-${tag}` }),
    expect: noSuch(/^The user with name u-\w+ cannot be found\.$/),
  },
  {
    op: "ListAttachedRolePolicies",
    name: "lists no managed policies (the sandbox has none)",
    source: REF("ListAttachedRolePolicies"),
    setup: role,
    input: (tag) => ({ RoleName: `r-${tag}` }),
    expect: (out) => expect(out).toMatchObject({ AttachedPolicies: [], IsTruncated: false }),
  },
  {
    op: "PutUserPolicy",
    name: "attaches an inline policy to the sandbox's user (no output)",
    source: `${MODEL} PutUserPolicy has no output; issue 11 item 1`,
    input: (tag) => ({ UserName: USER, PolicyName: `p-${tag}`, PolicyDocument: POLICY }),
    expect: noOutput,
  },
  {
    op: "PutUserPolicy",
    name: "user policies over 2048 characters are LimitExceeded",
    source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html (user policy size 2,048)",
    input: (tag) => ({
      UserName: USER,
      PolicyName: `big-${tag}`,
      PolicyDocument: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: "logs:*", Resource: `arn:aws:logs:::${"x".repeat(2100)}` }],
      }),
    }),
    expect: {
      error: {
        code: "LimitExceeded",
        sdkName: "LimitExceededException",
        status: 409,
        message: exactly(`Maximum policy size of 2048 bytes exceeded for user ${USER}`),
      },
    },
  },
  {
    op: "PutUserPolicy",
    name: "an unknown user is NoSuchEntity",
    source: REF("PutUserPolicy"),
    input: (tag) => ({ UserName: `u-${tag}`, PolicyName: "p", PolicyDocument: POLICY }),
    expect: noSuch(/^The user with name u-\w+ cannot be found\.$/),
  },
  {
    op: "GetUserPolicy",
    name: "answers the document URL-encoded",
    source: "recorded AWS response, LocalStack test_iam.snapshot.json test_put_user_policy_encoding",
    setup: userPolicy,
    input: (tag) => ({ UserName: USER, PolicyName: `p-${tag}` }),
    expect: (out, { tag }) =>
      expect(out).toMatchObject({ UserName: USER, PolicyName: `p-${tag}`, PolicyDocument: encodeURIComponent(POLICY) }),
  },
  {
    op: "GetUserPolicy",
    name: "a missing policy is NoSuchEntity",
    source: REF("GetUserPolicy"),
    input: () => ({ UserName: USER, PolicyName: "none" }),
    expect: noSuch(exactly("The user policy with name none cannot be found.")),
  },
  {
    op: "ListUserPolicies",
    name: "lists policy names",
    source: REF("ListUserPolicies"),
    setup: userPolicy,
    input: () => ({ UserName: USER }),
    expect: (out, { tag }) => {
      expect(out.IsTruncated).toBe(false);
      expect(out.PolicyNames).toContain(`p-${tag}`);
    },
  },
  {
    op: "DeleteUserPolicy",
    name: "deletes an inline policy (no output)",
    source: `${MODEL} DeleteUserPolicy has no output`,
    setup: userPolicy,
    input: (tag) => ({ UserName: USER, PolicyName: `p-${tag}` }),
    expect: noOutput,
  },
  {
    op: "DeleteUserPolicy",
    name: "a missing policy is NoSuchEntity",
    source: REF("DeleteUserPolicy"),
    input: () => ({ UserName: USER, PolicyName: "none" }),
    expect: noSuch(exactly("The user policy with name none cannot be found.")),
  },
];

const BIG_TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: Array.from({ length: 30 }, (_, i) => ({
    Effect: "Allow",
    Principal: { Service: `service${i}.amazonaws.com` },
    Action: "sts:AssumeRole",
  })),
});
const tooBig = {
  error: {
    code: "LimitExceeded",
    sdkName: "LimitExceededException",
    status: 409,
    message: exactly("Cannot exceed quota for ACLSizePerRole: 2048"),
  },
};
const malformed = {
  error: { code: "MalformedPolicyDocument", sdkName: "MalformedPolicyDocumentException", status: 400 },
};
const missingRole = (op: string, input: (tag: string) => Record<string, unknown>): Case => ({
  op,
  name: "a missing role is NoSuchEntity (404)",
  source: REF(op),
  input,
  expect: noSuchRole(/none-\w+/),
});

/** The documented errors of the calls not covered above. */
export const IAM_ERROR_CASES: readonly Case[] = [
  missingRole("DeleteRole", (tag) => ({ RoleName: `none-${tag}` })),
  missingRole("ListAttachedRolePolicies", (tag) => ({ RoleName: `none-${tag}` })),
  missingRole("ListRolePolicies", (tag) => ({ RoleName: `none-${tag}` })),
  missingRole("ListRoleTags", (tag) => ({ RoleName: `none-${tag}` })),
  missingRole("PutRolePolicy", (tag) => ({ RoleName: `none-${tag}`, PolicyName: "p", PolicyDocument: POLICY })),
  missingRole("TagRole", (tag) => ({ RoleName: `none-${tag}`, Tags: [{ Key: "a", Value: "b" }] })),
  missingRole("UntagRole", (tag) => ({ RoleName: `none-${tag}`, TagKeys: ["a"] })),
  {
    op: "ListUserPolicies",
    name: "an unknown user is NoSuchEntity",
    source: REF("ListUserPolicies"),
    input: (tag) => ({ UserName: `u-${tag}` }),
    expect: noSuch(/^The user with name u-\w+ cannot be found\.$/),
  },
  {
    op: "CreateRole",
    name: "a trust policy over 2048 characters is LimitExceeded",
    source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html (role trust policy length)",
    input: (tag) => ({ RoleName: `r-${tag}`, AssumeRolePolicyDocument: BIG_TRUST }),
    expect: tooBig,
  },
  {
    op: "UpdateAssumeRolePolicy",
    name: "a trust policy over 2048 characters is LimitExceeded",
    source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html (role trust policy length)",
    setup: role,
    input: (tag) => ({ RoleName: `r-${tag}`, PolicyDocument: BIG_TRUST }),
    expect: tooBig,
  },
  {
    op: "UpdateAssumeRolePolicy",
    name: "a trust policy without a principal is MalformedPolicyDocument",
    source: REF("UpdateAssumeRolePolicy"),
    setup: role,
    input: (tag) => ({ RoleName: `r-${tag}`, PolicyDocument: POLICY }),
    expect: malformed,
  },
  {
    op: "PutUserPolicy",
    name: "a policy that is not JSON is MalformedPolicyDocument",
    source: RECORDED("test_create_role_with_malformed_assume_role_policy_document") + " (the same check)",
    input: () => ({ UserName: USER, PolicyName: "p", PolicyDocument: "{not json" }),
    expect: {
      error: { ...malformed.error, message: exactly("This policy contains invalid Json") },
    },
  },
  {
    op: "TagRole",
    name: "more than 50 tags is LimitExceeded",
    source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_tags.html (50 tags per role)",
    setup: role,
    input: (tag) => ({
      RoleName: `r-${tag}`,
      Tags: Array.from({ length: 50 }, (_, i) => ({ Key: `t${i}`, Value: "v" })),
    }),
    expect: { error: { code: "LimitExceeded", sdkName: "LimitExceededException", status: 409 } },
  },
];

export const IAM_UNREACHABLE: Readonly<Record<string, string>> = {
  ServiceFailureException: "a server fault: the sandbox answers its own bugs with InternalFailure (500)",
  ConcurrentModificationException: "the sandbox applies writes one at a time",
  UnmodifiableEntityException: "service-linked roles do not exist in the sandbox",
  InvalidInputException:
    "IAM's semantic input checks beyond the member constraints (ValidationError) are not simulated",
  "DeleteRole:LimitExceededException": "IAM's rate-of-change limits are not simulated",
  "DeleteRolePolicy:LimitExceededException": "IAM's rate-of-change limits are not simulated",
  "DeleteUserPolicy:LimitExceededException": "IAM's rate-of-change limits are not simulated",
};
