/**
 * log-entries-present as a grader: the learner's own calls count whatever API and model they used (InvokeModel,
 * Converse, an inference profile, mixed models, the streaming calls' records), and each near miss — calls before
 * logging was on, calls in another Region, logging to another group, too few calls, only old records, the group
 * gone — fails with a hint that names it.
 */
import { CreateLogStreamCommand, DeleteLogGroupCommand, PutLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { expect } from "vitest";
import type { LearnerAws } from "./check-kit.js";
import type { LabSession } from "../helpers/lab-session.js";
import {
  createGroup,
  createRole,
  gradeTable,
  GROUP,
  learnerClients,
  loggingByHand,
  type NearMiss,
  putLogging,
  type Setup,
  trustFor,
  writePolicy,
  CLAUDE,
  converse,
  invokeModel,
  times,
} from "./check-kit.js";

/** Records as Bedrock writes them for calls the sandbox cannot make (it does not stream), put at `at`. */
async function writeRecords(s: LabSession, aws: LearnerAws, operation: string, n: number, at: number) {
  await aws.logs
    .send(new CreateLogStreamCommand({ logGroupName: GROUP, logStreamName: "aws/bedrock/modelinvocations" }))
    .catch(() => undefined);
  const events = Array.from({ length: n }, (_, i) => ({
    timestamp: at + i,
    message: JSON.stringify({
      timestamp: new Date(at + i).toISOString().replace(/\.\d+Z$/, "Z"),
      accountId: s.target.accountId,
      identity: { arn: s.target.principalArn },
      region: "us-east-1",
      requestId: `0000000${i}-aaaa-bbbb-cccc-${String(at).slice(-12).padStart(12, "0")}`,
      operation,
      modelId: `arn:aws:bedrock:us-east-1:${s.target.accountId}:inference-profile/${CLAUDE}`,
      input: { inputContentType: "application/json", inputTokenCount: 12 },
      output: { outputContentType: "application/json", outputTokenCount: 40 },
      inferenceRegion: "us-west-2",
      schemaType: "ModelInvocationLog",
      schemaVersion: "1.0",
    }),
  }));
  await aws.logs.send(
    new PutLogEventsCommand({ logGroupName: GROUP, logStreamName: "aws/bedrock/modelinvocations", logEvents: events }),
  );
}

const correct: [string, Setup][] = [
  [
    "InvokeModel with the Anthropic body, through a us. inference profile (logged as the profile ARN)",
    async (s, aws) => {
      await loggingByHand(s, aws);
      await times(5, (i) => invokeModel(aws, CLAUDE, `prompt ${i}`));
    },
  ],
  [
    "Converse on an on-demand Amazon Nova model",
    async (s, aws) => {
      await loggingByHand(s, aws);
      await times(5, () => converse(aws));
    },
  ],
  [
    "mixed: InvokeModel on one model, Converse on two others",
    async (s, aws) => {
      await loggingByHand(s, aws);
      await times(2, () => invokeModel(aws, "global.anthropic.claude-sonnet-4-6"));
      await times(2, () => converse(aws, "amazon.nova-micro-v1:0"));
      await converse(aws, "us.amazon.nova-pro-v1:0");
    },
  ],
  [
    "more calls than needed, some before logging was on",
    async (s, aws) => {
      await times(3, () => converse(aws));
      await loggingByHand(s, aws);
      await times(6, () => converse(aws));
    },
  ],
  [
    "the streaming calls' records (ConverseStream, InvokeModelWithResponseStream)",
    async (s, aws) => {
      await loggingByHand(s, aws);
      await writeRecords(s, aws, "ConverseStream", 3, Date.now() - 60_000);
      await writeRecords(s, aws, "InvokeModelWithResponseStream", 2, Date.now() - 30_000);
    },
  ],
];

const nearMisses: NearMiss[] = [
  {
    name: "calls made before logging was on",
    setup: async (s, aws) => {
      await times(5, () => converse(aws));
      await loggingByHand(s, aws);
    },
    actual: /^0 of 5 found$/,
    hint: /Invocations metric counts 5 calls in us-east-1 \(amazon\.nova-lite-v1:0\) but the log group holds 0\. Calls from the last few minutes may still be on their way\. .* Calls made before logging was on .* make 5 more calls/,
    hintVi: /Lời gọi trước khi bật logging .* không bao giờ được ghi/,
  },
  {
    name: "calls made in another Region",
    setup: async (s, aws) => {
      await loggingByHand(s, aws);
      const west = learnerClients(s, "us-west-2");
      try {
        await times(5, () => converse(west, "us.amazon.nova-lite-v1:0"));
      } finally {
        west.destroy();
      }
    },
    actual: /^0 of 5 found$/,
    hint: /No call has reached Bedrock in us-east-1 yet .*check the Region you called: it must be us-east-1/,
    hintVi: /xem Region của lời gọi/,
  },
  {
    name: "logging to another group",
    setup: async (s, aws) => {
      await createGroup(aws);
      await createGroup(aws, "/my/logs");
      const roleArn = await createRole(aws, {
        name: "r",
        trust: trustFor(s.target.accountId),
        policies: { p: writePolicy("*") },
      });
      await putLogging(aws, { cloudWatchConfig: { logGroupName: "/my/logs", roleArn }, textDataDeliveryEnabled: true });
      await times(5, () => converse(aws));
    },
    actual: /^0 of 5 found$/,
    hint: /Bedrock logging writes to \/my\/logs, not \/aws\/bedrock\/model-invocations/,
    hintVi: /đang ghi vào \/my\/logs/,
  },
  {
    name: "too few calls",
    setup: async (s, aws) => {
      await loggingByHand(s, aws);
      await times(3, () => invokeModel(aws));
    },
    actual: /^3 of 5 found$/,
    hint: /^3 of 5 records so far: make 2 more calls/,
    hintVi: /gọi model thêm 2 lần/,
  },
  {
    name: "records from three days ago only",
    setup: async (s, aws) => {
      await loggingByHand(s, aws);
      await writeRecords(s, aws, "InvokeModel", 5, Date.now() - 3 * 24 * 3_600_000);
    },
    actual: /^0 of 5 found$/,
    hint: /The newest record in \/aws\/bedrock\/model-invocations is from .* \(3 days ago\); this check counts the last 24 hours/,
    hintVi: /3 ngày trước/,
  },
  {
    name: "the group deleted",
    setup: async (s, aws) => {
      await loggingByHand(s, aws);
      await times(5, () => converse(aws));
      await aws.logs.send(new DeleteLogGroupCommand({ logGroupName: GROUP }));
    },
    actual: /log group \/aws\/bedrock\/model-invocations does not exist/,
    hint: /The log group \/aws\/bedrock\/model-invocations does not exist: create it/,
    hintVi: /không tồn tại: tạo nó/,
  },
];

gradeTable("log-entries-present", {
  correct,
  nearMisses,
  onPass: (result) => expect(result.status === "pass" && result.evidence?.requestIds).toHaveLength(5),
});
