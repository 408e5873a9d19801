import { describe, expect, it } from "vitest";
import { isAllowed, policyProblem, trustAllows, wildcardMatch } from "../../../src/sandbox/iam/policy.js";

const doc = (...Statement: unknown[]): string => JSON.stringify({ Version: "2012-10-17", Statement });
const stream = "arn:aws:logs:us-east-1:123456789012:log-group:/g:log-stream:aws/bedrock/modelinvocations";

describe("policy evaluation", () => {
  it("matches actions case-insensitively with wildcards, resources case-sensitively", () => {
    expect(wildcardMatch("logs:*", "LOGS:PutLogEvents", true)).toBe(true);
    expect(wildcardMatch("arn:aws:logs:*:*:log-group:/g:*", stream)).toBe(true);
    expect(wildcardMatch("a?c", "abc")).toBe(true);
    const allow = doc({
      Effect: "Allow",
      Action: ["logs:Create*", "logs:putlogevents"],
      Resource: "arn:aws:logs:*:*:log-group:/g:*",
    });
    expect(isAllowed([allow], "logs:CreateLogStream", stream)).toBe(true);
    expect(isAllowed([allow], "logs:PutLogEvents", stream)).toBe(true);
    expect(isAllowed([allow], "logs:DeleteLogGroup", stream)).toBe(false);
    expect(isAllowed([allow], "logs:PutLogEvents", stream.replace("/g:", "/G:"))).toBe(false);
  });

  it("lets an explicit Deny win and supports NotAction / NotResource", () => {
    const allowAll = doc({ Effect: "Allow", Action: "*", Resource: "*" });
    const deny = doc({ Effect: "Deny", NotAction: "logs:CreateLogStream", Resource: "*" });
    expect(isAllowed([allowAll, deny], "logs:PutLogEvents", stream)).toBe(false);
    expect(isAllowed([allowAll, deny], "logs:CreateLogStream", stream)).toBe(true);
    expect(isAllowed([doc({ Effect: "Allow", Action: "*", NotResource: stream })], "logs:PutLogEvents", stream)).toBe(
      false,
    );
  });

  it("checks trust principals and conditions", () => {
    const trust = doc({
      Effect: "Allow",
      Principal: { Service: ["bedrock.amazonaws.com"] },
      Action: "sts:AssumeRole",
      Condition: {
        StringEquals: { "aws:SourceAccount": "123456789012" },
        ArnLike: { "aws:SourceArn": "arn:aws:bedrock:us-east-1:123456789012:*" },
      },
    });
    const ctx = { "aws:SourceAccount": "123456789012", "aws:SourceArn": "arn:aws:bedrock:us-east-1:123456789012:*" };
    expect(trustAllows(trust, { service: "bedrock.amazonaws.com" }, "sts:AssumeRole", ctx)).toBe(true);
    expect(
      trustAllows(trust, { service: "bedrock.amazonaws.com" }, "sts:AssumeRole", {
        ...ctx,
        "aws:SourceAccount": "999999999999",
      }),
    ).toBe(false);
    expect(trustAllows(trust, { service: "bedrock.amazonaws.com" }, "sts:AssumeRole", {})).toBe(false);
    expect(trustAllows(trust, { service: "lambda.amazonaws.com" }, "sts:AssumeRole", ctx)).toBe(false);
    const ifExists = doc({
      Effect: "Allow",
      Principal: { Service: "bedrock.amazonaws.com" },
      Action: "sts:AssumeRole",
      Condition: { StringEqualsIfExists: { "aws:SourceAccount": "1" } },
    });
    expect(trustAllows(ifExists, { service: "bedrock.amazonaws.com" }, "sts:AssumeRole", {})).toBe(true);
    const account = doc({ Effect: "Allow", Principal: { AWS: "111122223333" }, Action: "sts:AssumeRole" });
    expect(
      trustAllows(account, { account: "111122223333", arn: "arn:aws:iam::111122223333:user/u" }, "sts:AssumeRole"),
    ).toBe(true);
    expect(
      trustAllows(account, { account: "444455556666", arn: "arn:aws:iam::444455556666:user/u" }, "sts:AssumeRole"),
    ).toBe(false);
  });

  it("validates documents at write time like IAM", () => {
    expect(policyProblem("{", "identity")).toBe("This policy contains invalid Json");
    expect(policyProblem(doc({ Effect: "Allow", Action: "s3:*" }), "identity")).toBe(
      "Policy statement must contain resources.",
    );
    expect(policyProblem(doc({ Effect: "Allow", Action: "s3:*", Resource: "*", Principal: "*" }), "identity")).toBe(
      "Policy document should not specify a principal.",
    );
    expect(
      policyProblem(doc({ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*", Principal: "*" }), "trust"),
    ).toBe("Has prohibited field Resource");
    expect(policyProblem(doc({ Effect: "Maybe", Action: "x", Resource: "*" }), "identity")).toBe(
      "Syntax errors in policy.",
    );
    expect(policyProblem(doc({ Effect: "Allow", Action: "x", Resource: "*" }), "identity")).toBeUndefined();
  });
});
