import { describe, expect, it } from "vitest";
import {
  CATALOG_REGIONS,
  getFoundationModel,
  getInferenceProfile,
  listFoundationModels,
  listInferenceProfiles,
  MODEL_SPECS,
} from "../../../src/sandbox/model/index.js";
import { thrown } from "../thrown.js";

const ACCOUNT = "123456789012";
const SEED_MODEL = "anthropic.claude-3-5-sonnet-20241022-v2:0";

describe("foundation models", () => {
  it.each([
    ["us-east-1", SEED_MODEL, "LEGACY", ["INFERENCE_PROFILE"]],
    ["us-west-2", SEED_MODEL, "LEGACY", ["ON_DEMAND", "INFERENCE_PROFILE"]],
    ["us-east-1", "amazon.nova-lite-v1:0", "ACTIVE", ["ON_DEMAND", "INFERENCE_PROFILE"]],
    ["eu-central-1", "amazon.nova-lite-v1:0", "ACTIVE", ["INFERENCE_PROFILE"]],
    ["us-east-1", "anthropic.claude-sonnet-4-5-20250929-v1:0", "ACTIVE", ["INFERENCE_PROFILE"]],
    ["ap-southeast-1", "anthropic.claude-haiku-4-5-20251001-v1:0", "ACTIVE", ["INFERENCE_PROFILE"]],
  ])("%s %s is %s with %j", (region, modelId, status, types) => {
    const { modelDetails } = getFoundationModel(region, modelId);
    expect(modelDetails).toMatchObject({
      modelArn: `arn:aws:bedrock:${region}::foundation-model/${modelId}`,
      modelId,
      inferenceTypesSupported: types,
      modelLifecycle: { status },
      responseStreamingSupported: true,
      outputModalities: ["TEXT"],
    });
  });

  it("accepts the model ARN of the calling Region only", () => {
    const arn = `arn:aws:bedrock:us-east-1::foundation-model/${SEED_MODEL}`;
    expect(getFoundationModel("us-east-1", arn).modelDetails.modelId).toBe(SEED_MODEL);
    const error = thrown(() => getFoundationModel("us-west-2", arn));
    expect([error.code, error.message]).toEqual(["ValidationException", `Could not find model with identifier ${arn}`]);
  });

  it.each([
    ["anthropic.claude-v9", "us-east-1"],
    [SEED_MODEL, "eu-central-1"],
    ["amazon.nova-lite-v1:0", "sa-east-1"],
  ])("refuses %s in %s", (id, region) => {
    const error = thrown(() => getFoundationModel(region, id));
    expect([error.code, error.status, error.message]).toEqual([
      "ValidationException",
      400,
      `Could not find model with identifier ${id}`,
    ]);
  });

  it("filters like AWS", () => {
    const all = listFoundationModels("us-east-1").modelSummaries;
    const anthropic = listFoundationModels("us-east-1", { byProvider: "anthropic" }).modelSummaries;
    expect(anthropic.length).toBeGreaterThan(0);
    expect(anthropic.every((model) => model.providerName === "Anthropic")).toBe(true);
    expect(listFoundationModels("us-east-1", { byProvider: "Amazon" }).modelSummaries.map((m) => m.modelId)).toEqual([
      "amazon.nova-micro-v1:0",
      "amazon.nova-lite-v1:0",
      "amazon.nova-pro-v1:0",
    ]);
    const onDemand = listFoundationModels("us-east-1", { byInferenceType: "ON_DEMAND" }).modelSummaries;
    expect(onDemand.map((m) => m.modelId)).not.toContain(SEED_MODEL);
    expect(onDemand.every((m) => m.inferenceTypesSupported.includes("ON_DEMAND"))).toBe(true);
    expect(listFoundationModels("us-east-1", { byOutputModality: "TEXT" }).modelSummaries).toHaveLength(all.length);
    expect(listFoundationModels("us-east-1", { byOutputModality: "IMAGE" }).modelSummaries).toEqual([]);
    expect(listFoundationModels("us-east-1", { byCustomizationType: "FINE_TUNING" }).modelSummaries).toEqual([]);
    expect(listFoundationModels("sa-east-1").modelSummaries).toEqual([]);
  });

  it("refuses filter values outside the enums with AWS's constraint text", () => {
    const error = thrown(() => listFoundationModels("us-east-1", { byInferenceType: "INFERENCE_PROFILE" }));
    expect(error.message).toBe(
      "1 validation error detected: Value 'INFERENCE_PROFILE' at 'byInferenceType' failed to satisfy constraint: " +
        "Member must satisfy enum value set: [ON_DEMAND, PROVISIONED]",
    );
  });

  it("keeps AWS's field limits", () => {
    for (const model of MODEL_SPECS) expect(model.modelName.length).toBeLessThanOrEqual(20);
  });
});

describe("inference profiles", () => {
  it("has the seed's profile in us-east-1 with its three US Regions", () => {
    const profile = getInferenceProfile("us-east-1", ACCOUNT, `us.${SEED_MODEL}`);
    expect(profile).toEqual({
      inferenceProfileName: "US Anthropic Claude 3.5 Sonnet v2",
      description: "Routes requests to Anthropic Claude 3.5 Sonnet v2 in us-east-1, us-east-2 and us-west-2.",
      createdAt: new Date("2024-10-22T00:00:00Z"),
      updatedAt: new Date("2024-10-22T00:00:00Z"),
      inferenceProfileArn: `arn:aws:bedrock:us-east-1:${ACCOUNT}:inference-profile/us.${SEED_MODEL}`,
      models: ["us-east-1", "us-east-2", "us-west-2"].map((region) => ({
        modelArn: `arn:aws:bedrock:${region}::foundation-model/${SEED_MODEL}`,
      })),
      inferenceProfileId: `us.${SEED_MODEL}`,
      status: "ACTIVE",
      type: "SYSTEM_DEFINED",
    });
  });

  it.each([
    ["us-east-1", "us.anthropic.claude-sonnet-4-5-20250929-v1:0"],
    ["us-east-1", "global.anthropic.claude-sonnet-4-5-20250929-v1:0"],
    ["us-east-1", "global.anthropic.claude-haiku-4-5-20251001-v1:0"],
    ["us-east-1", "us.amazon.nova-lite-v1:0"],
    ["eu-central-1", "eu.anthropic.claude-sonnet-4-5-20250929-v1:0"],
    ["ap-northeast-1", `apac.${SEED_MODEL}`],
    ["ap-northeast-1", "jp.anthropic.claude-haiku-4-5-20251001-v1:0"],
    ["ap-southeast-1", "apac.amazon.nova-lite-v1:0"],
  ])("%s offers %s", (region, id) => {
    const profile = getInferenceProfile(region, ACCOUNT, id);
    expect(profile.inferenceProfileId).toBe(id);
    expect(getInferenceProfile(region, ACCOUNT, profile.inferenceProfileArn)).toEqual(profile);
  });

  it("lists a global profile's models as the calling Region's plus the Region-less ARN", () => {
    const profile = getInferenceProfile("eu-central-1", ACCOUNT, "global.anthropic.claude-sonnet-4-5-20250929-v1:0");
    expect(profile.models).toEqual([
      { modelArn: "arn:aws:bedrock:eu-central-1::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0" },
      { modelArn: "arn:aws:bedrock:::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0" },
    ]);
  });

  it.each([
    ["eu-central-1", `us.${SEED_MODEL}`],
    ["us-east-1", "eu.amazon.nova-lite-v1:0"],
    ["us-east-1", `arn:aws:bedrock:us-east-1:999999999999:inference-profile/us.${SEED_MODEL}`],
    ["us-east-1", `arn:aws:bedrock:us-west-2:${ACCOUNT}:inference-profile/us.${SEED_MODEL}`],
    ["us-east-1", "us.nothing"],
  ])("from %s there is no %s", (region, id) => {
    const error = thrown(() => getInferenceProfile(region, ACCOUNT, id));
    expect([error.code, error.status, error.message]).toEqual([
      "ResourceNotFoundException",
      404,
      "Inference profile not found",
    ]);
  });

  it("paginates with an opaque token and filters by type", () => {
    const all = listInferenceProfiles("us-east-1", ACCOUNT).inferenceProfileSummaries;
    const seen: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = listInferenceProfiles("us-east-1", ACCOUNT, { maxResults: 4, nextToken });
      expect(page.inferenceProfileSummaries.length).toBeLessThanOrEqual(4);
      seen.push(...page.inferenceProfileSummaries.map((p) => p.inferenceProfileId));
      nextToken = page.nextToken;
    } while (nextToken !== undefined);
    expect(seen).toEqual(all.map((p) => p.inferenceProfileId));
    expect(
      listInferenceProfiles("us-east-1", ACCOUNT, { typeEquals: "APPLICATION" }).inferenceProfileSummaries,
    ).toEqual([]);
    expect(
      listInferenceProfiles("us-east-1", ACCOUNT, { typeEquals: "SYSTEM_DEFINED" }).inferenceProfileSummaries,
    ).toHaveLength(all.length);
    expect(thrown(() => listInferenceProfiles("us-east-1", ACCOUNT, { nextToken: "bogus" })).code).toBe(
      "ValidationException",
    );
    expect(thrown(() => listInferenceProfiles("us-east-1", ACCOUNT, { maxResults: 0 })).message).toBe(
      "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
  });

  it("keeps every profile within AWS's limits and routable", () => {
    for (const region of CATALOG_REGIONS) {
      for (const profile of listInferenceProfiles(region, ACCOUNT).inferenceProfileSummaries) {
        expect(profile.models.length).toBeGreaterThanOrEqual(1);
        expect(profile.models.length).toBeLessThanOrEqual(5);
        expect(profile.inferenceProfileName.length).toBeLessThanOrEqual(64);
        expect(profile.inferenceProfileId.length).toBeLessThanOrEqual(64);
      }
    }
  });

  it.each(["us-east-1", "us-west-2", "eu-central-1", "ap-southeast-1", "ap-northeast-1"])(
    "%s has an ACTIVE Claude and a Nova model reachable through a profile",
    (region) => {
      const profiles = listInferenceProfiles(region, ACCOUNT).inferenceProfileSummaries.map(
        (p) => p.inferenceProfileId,
      );
      const active = listFoundationModels(region).modelSummaries.filter((m) => m.modelLifecycle.status === "ACTIVE");
      const reachable = (prefix: string): boolean =>
        active.some((m) => m.modelId.startsWith(prefix) && profiles.some((id) => id.endsWith(`.${m.modelId}`)));
      expect(reachable("anthropic.")).toBe(true);
      expect(reachable("amazon.nova")).toBe(true);
    },
  );
});
