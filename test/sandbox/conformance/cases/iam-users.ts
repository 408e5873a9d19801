/** IAM's user calls, for the sandbox's one user per account (sources: see iam.ts). */
import { expect } from "vitest";
import { exactly } from "../runner.js";
import type { Case } from "./iam-common.js";
import { MODEL, noOutput, noSuch, POLICY, REF, role, USER, userPolicy } from "./iam-common.js";

export const USER_CASES: readonly Case[] = [
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
