/** IAM roles and their inline policies and tags (sources: see iam.ts). */
import { CreateRoleCommand, ListRolesCommand } from "@aws-sdk/client-iam";
import type { ListRolesCommandOutput } from "@aws-sdk/client-iam";
import { expect } from "vitest";
import { LOGGING_TRUST } from "../../helpers.js";
import { exactly } from "../runner.js";
import type { Case } from "./iam-common.js";
import { MODEL, noOutput, noSuch, noSuchRole, POLICY, RECORDED, REF, role, roleWithPolicy } from "./iam-common.js";

export const ROLE_CASES: readonly Case[] = [
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
];
