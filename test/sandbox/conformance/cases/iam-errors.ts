/** IAM's documented errors not covered by the role and user cases (sources: see iam.ts). */
import { exactly } from "../runner.js";
import type { Case } from "./iam-common.js";
import { noSuch, noSuchRole, POLICY, RECORDED, REF, role, USER } from "./iam-common.js";

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
