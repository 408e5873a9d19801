import { describe, expect, it } from "vitest";
import { legacyModelError, modelAccessDeniedError, resolveInvocationTarget } from "../../../src/sandbox/model/index.js";
import { thrown } from "../thrown.js";

const ACCOUNT = "123456789012";
const SEED_MODEL = "anthropic.claude-3-5-sonnet-20241022-v2:0";
const ON_DEMAND =
  "Invocation of model ID anthropic.claude-3-5-sonnet-20241022-v2:0 with on-demand throughput isn\u2019t supported. " +
  "Retry your request with the ID or ARN of an inference profile that contains this model.";
const INVALID = "The provided model identifier is invalid.";

function failure(region: string, id: string): [string, number, string] {
  const error = thrown(() => resolveInvocationTarget(region, ACCOUNT, id));
  return [error.code, error.status, error.message];
}

describe("resolveInvocationTarget refuses like Bedrock", () => {
  it.each([
    ["us-east-1", SEED_MODEL, ON_DEMAND],
    ["us-east-1", `arn:aws:bedrock:us-east-1::foundation-model/${SEED_MODEL}`, ON_DEMAND],
    [
      "us-east-1",
      "anthropic.claude-sonnet-4-5-20250929-v1:0",
      ON_DEMAND.replaceAll(SEED_MODEL, "anthropic.claude-sonnet-4-5-20250929-v1:0"),
    ],
    ["eu-central-1", SEED_MODEL, INVALID],
    ["eu-central-1", `us.${SEED_MODEL}`, INVALID],
    ["us-east-1", "anthropic.claude-9-opus", INVALID],
    ["us-east-1", `arn:aws:bedrock:us-west-2::foundation-model/${SEED_MODEL}`, INVALID],
    ["us-east-1", `arn:aws:bedrock:us-east-1:999999999999:inference-profile/us.${SEED_MODEL}`, INVALID],
    ["us-east-1", `arn:aws:bedrock:us-east-1:${ACCOUNT}:provisioned-model/abcdefghijkl`, INVALID],
    ["sa-east-1", "amazon.nova-lite-v1:0", INVALID],
  ])("%s %s", (region, id, message) => {
    expect(failure(region, id)).toEqual(["ValidationException", 400, message]);
  });

  it("uses a typographic apostrophe in the on-demand message, as AWS does", () => {
    expect(failure("us-east-1", SEED_MODEL)[2]).toContain("isn\u2019t");
    expect(failure("us-east-1", SEED_MODEL)[2]).not.toContain("isn't");
  });

  it.each([
    ["with spaces", "Member must satisfy regular expression pattern: "],
    ["", "Member must have length greater than or equal to 1"],
    ["a".repeat(2049), "Member must have length less than or equal to 2048"],
  ])("checks the modelId constraint for %j", (id, constraint) => {
    const [code, , message] = failure("us-east-1", id);
    expect(code).toBe("ValidationException");
    expect(
      message.startsWith(
        `1 validation error detected: Value '${id}' at 'modelId' failed to satisfy constraint: ${constraint}`,
      ),
    ).toBe(true);
  });
});

describe("resolveInvocationTarget resolves", () => {
  it("the seed's profile in us-east-1, logging the profile ARN", () => {
    const target = resolveInvocationTarget("us-east-1", ACCOUNT, `us.${SEED_MODEL}`);
    expect(target.model.modelId).toBe(SEED_MODEL);
    expect(target.foundationModel.modelLifecycle.status).toBe("LEGACY");
    expect(target.inferenceProfile?.inferenceProfileId).toBe(`us.${SEED_MODEL}`);
    expect(target.loggedModelId).toBe(`arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/us.${SEED_MODEL}`);
    expect(target.metricModelId).toBe(`us.${SEED_MODEL}`);
    expect([target.sourceRegion, target.inferenceRegion, target.requestedId]).toEqual([
      "us-east-1",
      "us-east-1",
      `us.${SEED_MODEL}`,
    ]);
  });

  it("profile ARNs, model ids and model ARNs", () => {
    const arn = `arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/us.amazon.nova-lite-v1:0`;
    expect(resolveInvocationTarget("us-east-1", ACCOUNT, arn).loggedModelId).toBe(arn);
    const direct = resolveInvocationTarget("us-east-1", ACCOUNT, "amazon.nova-lite-v1:0");
    expect([direct.loggedModelId, direct.metricModelId, direct.inferenceRegion, direct.inferenceProfile]).toEqual([
      "amazon.nova-lite-v1:0",
      "amazon.nova-lite-v1:0",
      "us-east-1",
      undefined,
    ]);
    const modelArn = "arn:aws:bedrock:us-west-2::foundation-model/" + SEED_MODEL;
    const onDemand = resolveInvocationTarget("us-west-2", ACCOUNT, modelArn);
    expect([onDemand.loggedModelId, onDemand.metricModelId]).toEqual([modelArn, SEED_MODEL]);
  });

  it("routes a profile call deterministically among its destination Regions", () => {
    const destinations = new Set(["us-east-1", "us-east-2", "us-west-2"]);
    const regions = new Set<string>();
    for (let i = 0; i < 60; i += 1) {
      const key = `request-${i}`;
      const first = resolveInvocationTarget("us-east-1", ACCOUNT, `us.${SEED_MODEL}`, key).inferenceRegion;
      expect(resolveInvocationTarget("us-east-1", ACCOUNT, `us.${SEED_MODEL}`, key).inferenceRegion).toBe(first);
      expect(destinations.has(first)).toBe(true);
      regions.add(first);
    }
    expect(regions.size).toBeGreaterThan(1);
    const global = resolveInvocationTarget(
      "ap-southeast-1",
      ACCOUNT,
      "global.anthropic.claude-haiku-4-5-20251001-v1:0",
    );
    expect(global.inferenceRegion).toBe("us-east-1");
  });
});

describe("refusals the core raises itself", () => {
  it("Legacy enforcement", () => {
    const error = legacyModelError();
    expect([error.code, error.status, error.message]).toEqual([
      "ResourceNotFoundException",
      404,
      "Access denied. This Model is marked by provider as Legacy and you have not been actively using the model in the last 30 days. Please upgrade to an active model on Amazon Bedrock",
    ]);
  });

  it("model access denied", () => {
    const error = modelAccessDeniedError();
    expect([error.code, error.status, error.message]).toEqual([
      "AccessDeniedException",
      403,
      "You don't have access to the model with the specified model ID.",
    ]);
  });
});
