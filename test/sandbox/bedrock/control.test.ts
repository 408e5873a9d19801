import {
  DeleteModelInvocationLoggingConfigurationCommand,
  GetFoundationModelCommand,
  GetInferenceProfileCommand,
  GetModelInvocationLoggingConfigurationCommand,
  ListFoundationModelsCommand,
  ListInferenceProfilesCommand,
  PutModelInvocationLoggingConfigurationCommand,
} from "@aws-sdk/client-bedrock";
import { CreateLogGroupCommand } from "@aws-sdk/client-cloudwatch-logs";
import { CreateRoleCommand, DeleteRolePolicyCommand, PutRolePolicyCommand } from "@aws-sdk/client-iam";
import { describe, expect, it } from "vitest";
import { LOGGING_TRUST, loggingPolicy, rejection, sandboxForFile } from "../helpers.js";
import { send } from "../signing.js";

const GROUP = "/aws/bedrock/model-invocations";
const ROLE_ARN = "arn:aws:iam::123456789012:role/BedrockLogging";
let clock = Date.now();
const { sandbox, c } = await sandboxForFile({ now: () => clock });

const put = (logGroupName = GROUP, roleArn = ROLE_ARN) =>
  c.bedrock.send(
    new PutModelInvocationLoggingConfigurationCommand({
      loggingConfig: { cloudWatchConfig: { logGroupName, roleArn }, textDataDeliveryEnabled: true },
    }),
  );
const denied = (group = GROUP, role = ROLE_ARN) => ({
  name: "ValidationException",
  message: `Failed to validate permissions for log group: ${group}, with role: ${role}. Verify the IAM role permissions are correct.`,
  status: 400,
});

describe("model invocation logging configuration", () => {
  it("is {} before anything is configured", async () => {
    const r = await c.bedrock.send(new GetModelInvocationLoggingConfigurationCommand({}));
    expect(r.loggingConfig).toBeUndefined();
    const raw = await send(sandbox, { service: "bedrock", method: "GET", path: "/logging/modelinvocations" });
    expect(raw.status).toBe(200);
    expect(raw.text).toBe("{}");
  });

  it("refuses a missing group, a missing role, a role without trust or permissions, with AWS's exact message", async () => {
    expect(await rejection(put())).toEqual(denied());
    await c.logs.send(new CreateLogGroupCommand({ logGroupName: GROUP }));
    expect(await rejection(put())).toEqual(denied());
    await c.iam.send(new CreateRoleCommand({ RoleName: "BedrockLogging", AssumeRolePolicyDocument: LOGGING_TRUST }));
    expect(await rejection(put())).toEqual(denied());
    await c.iam.send(
      new PutRolePolicyCommand({
        RoleName: "BedrockLogging",
        PolicyName: "wrong-group",
        PolicyDocument: loggingPolicy("/other"),
      }),
    );
    expect(await rejection(put())).toEqual(denied());
    await c.iam.send(new DeleteRolePolicyCommand({ RoleName: "BedrockLogging", PolicyName: "wrong-group" }));
    const lambdaTrust = JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
    });
    await c.iam.send(new CreateRoleCommand({ RoleName: "LambdaRole", AssumeRolePolicyDocument: lambdaTrust }));
    await c.iam.send(
      new PutRolePolicyCommand({ RoleName: "LambdaRole", PolicyName: "logs", PolicyDocument: loggingPolicy(GROUP) }),
    );
    expect(await rejection(put(GROUP, "arn:aws:iam::123456789012:role/LambdaRole"))).toEqual(
      denied(GROUP, "arn:aws:iam::123456789012:role/LambdaRole"),
    );
    expect(await rejection(put(GROUP, "arn:aws:iam::999999999999:role/LambdaRole"))).toEqual(
      denied(GROUP, "arn:aws:iam::999999999999:role/LambdaRole"),
    );
  });

  it("accepts a correct role, reads it back, and deletes it", async () => {
    await c.iam.send(
      new PutRolePolicyCommand({
        RoleName: "BedrockLogging",
        PolicyName: "logs",
        PolicyDocument: loggingPolicy(GROUP),
      }),
    );
    await put();
    const r = await c.bedrock.send(new GetModelInvocationLoggingConfigurationCommand({}));
    expect(r.loggingConfig).toEqual({
      cloudWatchConfig: { logGroupName: GROUP, roleArn: ROLE_ARN },
      textDataDeliveryEnabled: true,
    });
    await c.bedrock.send(new DeleteModelInvocationLoggingConfigurationCommand({}));
    expect((await c.bedrock.send(new GetModelInvocationLoggingConfigurationCommand({}))).loggingConfig).toBeUndefined();
  });

  it("refuses a role inside its IAM propagation window, then accepts it", async () => {
    sandbox.setFaults({ iamPropagationMs: 5000 });
    try {
      await c.iam.send(new CreateRoleCommand({ RoleName: "Fresh", AssumeRolePolicyDocument: LOGGING_TRUST }));
      await c.iam.send(
        new PutRolePolicyCommand({ RoleName: "Fresh", PolicyName: "logs", PolicyDocument: loggingPolicy(GROUP) }),
      );
      const fresh = "arn:aws:iam::123456789012:role/Fresh";
      expect(await rejection(put(GROUP, fresh))).toEqual(denied(GROUP, fresh));
      clock += 6000;
      await expect(put(GROUP, fresh)).resolves.toBeDefined();
    } finally {
      sandbox.setFaults({ iamPropagationMs: 0 });
    }
  });

  it("validates members with Bedrock's ValidationException wording", async () => {
    const e = await rejection(put(GROUP, "not-an-arn"));
    expect(e).toEqual({
      name: "ValidationException",
      message:
        "1 validation error detected: Value 'not-an-arn' at 'loggingConfig.cloudWatchConfig.roleArn' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:aws(-[^:]+)?:iam::([0-9]{12})?:role/.+",
      status: 400,
    });
    const bucket = await rejection(
      c.bedrock.send(
        new PutModelInvocationLoggingConfigurationCommand({
          loggingConfig: {
            cloudWatchConfig: {
              logGroupName: GROUP,
              roleArn: ROLE_ARN,
              largeDataDeliveryS3Config: { bucketName: "<YOUR_S3_BUCKET>", keyPrefix: "bedrock-logs/" },
            },
          },
        }),
      ),
    );
    expect(bucket.name).toBe("ValidationException");
  });
});

describe("catalog", () => {
  it("lists and gets foundation models with their lifecycle", async () => {
    const list = await c.bedrock.send(new ListFoundationModelsCommand({ byProvider: "anthropic" }));
    expect(list.modelSummaries!.length).toBeGreaterThan(0);
    expect(list.modelSummaries!.every((m) => m.providerName === "Anthropic")).toBe(true);
    const legacy = await c.bedrock.send(
      new GetFoundationModelCommand({ modelIdentifier: "anthropic.claude-3-5-sonnet-20241022-v2:0" }),
    );
    expect(legacy.modelDetails?.modelLifecycle?.status).toBe("LEGACY");
    expect(legacy.modelDetails?.inferenceTypesSupported).toEqual(["INFERENCE_PROFILE"]);
    expect(
      (await rejection(c.bedrock.send(new GetFoundationModelCommand({ modelIdentifier: "nope.nope-v1:0" })))).name,
    ).toBe("ValidationException");
  });

  it("lists and gets inference profiles (timestamps parse as dates)", async () => {
    const list = await c.bedrock.send(new ListInferenceProfilesCommand({}));
    const ids = list.inferenceProfileSummaries!.map((p) => p.inferenceProfileId);
    expect(ids).toContain("us.anthropic.claude-3-5-sonnet-20241022-v2:0");
    const p = await c.bedrock.send(
      new GetInferenceProfileCommand({ inferenceProfileIdentifier: "us.anthropic.claude-3-5-sonnet-20241022-v2:0" }),
    );
    expect(p.inferenceProfileArn).toBe(
      "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-sonnet-20241022-v2:0",
    );
    expect(p.createdAt).toBeInstanceOf(Date);
    expect(
      (await rejection(c.bedrock.send(new GetInferenceProfileCommand({ inferenceProfileIdentifier: "xx.nope" }))))
        .status,
    ).toBe(404);
  });
});
