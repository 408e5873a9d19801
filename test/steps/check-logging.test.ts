/**
 * logging-enabled as a grader: every correct way to turn logging on passes (any role name or path, conditions or
 * none, wildcards, several policies, S3 beside CloudWatch), and every near miss fails with a hint naming its cause.
 * Everything is done as a learner would, with the JS SDK over the wire against the sandbox.
 */
import {
  DeleteModelInvocationLoggingConfigurationCommand,
  PutModelInvocationLoggingConfigurationCommand,
} from "@aws-sdk/client-bedrock";
import { DeleteLogGroupCommand } from "@aws-sdk/client-cloudwatch-logs";
import {
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  PutRolePolicyCommand,
  UpdateAssumeRolePolicyCommand,
} from "@aws-sdk/client-iam";
import { describe, expect, it } from "vitest";
import {
  actualOf,
  createGroup,
  createRole,
  gradeTable,
  GROUP,
  labPerTest,
  learnerClients,
  loggingByHand,
  type NearMiss,
  putLogging,
  runCheck,
  type Setup,
  trustFor,
  writePolicy,
} from "./check-kit.js";

const streamOf = (account: string, group = GROUP) =>
  `arn:aws:logs:us-east-1:${account}:log-group:${group}:log-stream:aws/bedrock/modelinvocations`;

const correct: [string, Setup][] = [
  ["the documented role under another name", async (s, aws) => void (await loggingByHand(s, aws, "BedrockToCwl"))],
  [
    "a /service-role/ path, a trust policy without conditions, the exact stream ARN",
    async (s, aws) => {
      const account = s.target.accountId;
      await createGroup(aws);
      const roleArn = await createRole(aws, {
        name: "AmazonBedrockLogging-x1",
        path: "/service-role/",
        trust: trustFor(account, false),
        policies: { p: writePolicy(streamOf(account)) },
      });
      await putLogging(aws, { cloudWatchConfig: { logGroupName: GROUP, roleArn }, textDataDeliveryEnabled: true });
    },
  ],
  [
    "logs:* on * (broad, but correct)",
    async (s, aws) => {
      const account = s.target.accountId;
      await createGroup(aws);
      const roleArn = await createRole(aws, {
        name: "wide-open",
        trust: trustFor(account),
        policies: { all: writePolicy("*", "logs:*") },
      });
      await putLogging(aws, { cloudWatchConfig: { logGroupName: GROUP, roleArn }, textDataDeliveryEnabled: true });
    },
  ],
  [
    "two inline policies, one action each, and a StringLike/ArnLike trust across Regions",
    async (s, aws) => {
      const account = s.target.accountId;
      await createGroup(aws);
      const trust = {
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: { Service: ["bedrock.amazonaws.com"] },
            Action: ["sts:AssumeRole"],
            Condition: {
              StringLike: { "aws:SourceAccount": account },
              ArnLike: { "aws:SourceArn": `arn:aws:bedrock:*:${account}:*` },
            },
          },
        ],
      };
      const roleArn = await createRole(aws, {
        name: "split",
        trust,
        policies: {
          create: writePolicy(`arn:aws:logs:*:${account}:log-group:/aws/bedrock/*`, "logs:CreateLogStream"),
          put: writePolicy(`arn:aws:logs:us-east-1:${account}:log-group:${GROUP}:log-stream:*`, "logs:PutLogEvents"),
        },
      });
      await putLogging(aws, { cloudWatchConfig: { logGroupName: GROUP, roleArn }, textDataDeliveryEnabled: true });
    },
  ],
  [
    "S3 and CloudWatch Logs both, image and embedding data on too",
    async (s, aws) => {
      const roleArn = await loggingByHand(s, aws, "both-destinations");
      await putLogging(aws, {
        cloudWatchConfig: { logGroupName: GROUP, roleArn },
        s3Config: { bucketName: "my-bedrock-logs", keyPrefix: "raw/" },
        textDataDeliveryEnabled: true,
        imageDataDeliveryEnabled: true,
        embeddingDataDeliveryEnabled: true,
      });
    },
  ],
];

const nearMisses: NearMiss[] = [
  {
    name: "text data off",
    setup: async (s, aws) => {
      const roleArn = await loggingByHand(s, aws);
      await putLogging(aws, { cloudWatchConfig: { logGroupName: GROUP, roleArn }, textDataDeliveryEnabled: false });
    },
    actual: /text data delivery is off/,
    hint: /Turn text data on .*textDataDeliveryEnabled/,
    hintVi: /Bật text data/,
  },
  {
    name: "another log group",
    setup: async (s, aws) => {
      const account = s.target.accountId;
      await createGroup(aws, "/my/genai-logs");
      const roleArn = await createRole(aws, {
        name: "other",
        trust: trustFor(account),
        policies: { p: writePolicy("*") },
      });
      await putLogging(aws, {
        cloudWatchConfig: { logGroupName: "/my/genai-logs", roleArn },
        textDataDeliveryEnabled: true,
      });
    },
    actual: /logging writes to \/my\/genai-logs, not \/aws\/bedrock\/model-invocations/,
    hint: /Change the logging configuration's log group to \/aws\/bedrock\/model-invocations/,
    hintVi: /Đổi log group/,
  },
  {
    name: "the group deleted after logging was saved",
    setup: async (s, aws) => {
      await loggingByHand(s, aws);
      await aws.logs.send(new DeleteLogGroupCommand({ logGroupName: GROUP }));
    },
    actual: /the log group \/aws\/bedrock\/model-invocations does not exist/,
    hint: /create-log-group --log-group-name \/aws\/bedrock\/model-invocations/,
    hintVi: /Bedrock không tự tạo/,
  },
  {
    name: "the role deleted",
    setup: async (s, aws) => {
      await loggingByHand(s, aws, "gone");
      await aws.iam.send(new DeleteRolePolicyCommand({ RoleName: "gone", PolicyName: "write" }));
      await aws.iam.send(new DeleteRoleCommand({ RoleName: "gone" }));
    },
    actual: /the logging role gone does not exist/,
    hint: /names the role gone, which no longer exists/,
    hintVi: /role này không còn/,
  },
  {
    name: "a trust policy for another service",
    setup: async (s, aws) => {
      const account = s.target.accountId;
      await loggingByHand(s, aws, "lambda-trust");
      const trust = JSON.stringify(trustFor(account, false, "lambda.amazonaws.com"));
      await aws.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: "lambda-trust", PolicyDocument: trust }));
    },
    actual: /lets lambda\.amazonaws\.com assume it, not bedrock\.amazonaws\.com/,
    hint: /Principal \{"Service": "bedrock\.amazonaws\.com"\}/,
    hintVi: /Sửa trust policy/,
  },
  {
    name: "a trust condition for another account",
    setup: async (s, aws) => {
      await loggingByHand(s, aws, "foreign");
      const trust = JSON.stringify(trustFor("111122223333"));
      await aws.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: "foreign", PolicyDocument: trust }));
    },
    actual: /only when aws:SourceAccount StringEquals 111122223333/,
    hint: /aws:SourceAccount = \d{12}/,
    hintVi: /Sửa trust policy/,
  },
  {
    name: "PutLogEvents missing",
    setup: async (s, aws) => {
      const account = s.target.accountId;
      await loggingByHand(s, aws, "half");
      const doc = writePolicy(`arn:aws:logs:us-east-1:${account}:log-group:${GROUP}:*`, "logs:CreateLogStream");
      await aws.iam.send(
        new PutRolePolicyCommand({ RoleName: "half", PolicyName: "write", PolicyDocument: JSON.stringify(doc) }),
      );
    },
    actual: /do not allow logs:PutLogEvents/,
    hint: /Allow the role half logs:CreateLogStream and logs:PutLogEvents/,
    hintVi: /Cho role half quyền/,
  },
  {
    name: "permissions on another group",
    setup: async (s, aws) => {
      const account = s.target.accountId;
      await loggingByHand(s, aws, "elsewhere");
      const doc = writePolicy(`arn:aws:logs:us-east-1:${account}:log-group:/my/other:*`);
      await aws.iam.send(
        new PutRolePolicyCommand({ RoleName: "elsewhere", PolicyName: "write", PolicyDocument: JSON.stringify(doc) }),
      );
    },
    actual: /allow logs:CreateLogStream, logs:PutLogEvents only on .*log-group:\/my\/other:\*, not on \/aws\/bedrock/,
    hint: /on arn:aws:logs:us-east-1:\d{12}:log-group:\/aws\/bedrock\/model-invocations:log-stream:aws\/bedrock\/modelinvocations/,
    hintVi: /Cho role elsewhere quyền/,
  },
  {
    name: "logging to S3 only",
    setup: async (_s, aws) => {
      await aws.bedrock.send(
        new PutModelInvocationLoggingConfigurationCommand({
          loggingConfig: { s3Config: { bucketName: "my-bedrock-logs" }, textDataDeliveryEnabled: true },
        }),
      );
    },
    actual: /logging goes to the S3 bucket my-bedrock-logs only/,
    hint: /add a CloudWatch Logs destination/,
    hintVi: /thêm đích CloudWatch Logs/,
  },
  {
    name: "logging turned on in another Region",
    setup: async (s, _aws) => {
      const account = s.target.accountId;
      const west = learnerClients(s, "us-west-2");
      try {
        await createGroup(west);
        const roleArn = await createRole(west, {
          name: "west",
          trust: trustFor(account, false),
          policies: { p: writePolicy("*") },
        });
        await putLogging(west, { cloudWatchConfig: { logGroupName: GROUP, roleArn }, textDataDeliveryEnabled: true });
      } finally {
        west.destroy();
      }
    },
    actual: /no logging configuration in us-east-1/,
    hint: /set per Region: if you saved it in another one .*--region us-east-1/,
    hintVi: /riêng cho từng Region/,
  },
];

gradeTable("logging-enabled", { correct, nearMisses });

describe("logging-enabled with nothing configured", () => {
  const start = labPerTest();
  it("says so, naming the Region, and answers at once when live", async () => {
    const [s, aws] = await start();
    await aws.bedrock.send(new DeleteModelInvocationLoggingConfigurationCommand({}));
    const { result, ms } = await runCheck(s, "logging-enabled", { liveCheck: true });
    expect(result.status).toBe("fail");
    expect(actualOf(result)).toBe("no logging configuration in us-east-1");
    expect(ms).toBeLessThan(2000);
  });
});
