/**
 * The lab manifest: "Monitoring GenAI applications with CloudWatch" (the original lab 4.5, Domain 4 Task 4.3).
 * Parameters are the original lab's values where it is right; where it is not (docs/aws-behaviour.md), the steps
 * explain why and work around it (the model id is configurable and the preflight offers an ACTIVE replacement).
 * The manifest also declares what genai-lab needs to know of this lab: the AWS errors it explains in its own words,
 * and what to say about the sandbox and about billing on a real account; its AWS clients are in clients.ts.
 */
import { defineLab } from "genai-lab/kit";
import { LAB_ERRORS } from "./lib/error-kinds.js";

export const labParameters = {
  region: "us-east-1",
  logGroupName: "/aws/bedrock/model-invocations",
  /** Days CloudWatch Logs keeps the invocation logs (only applied to a group the lab creates). */
  logRetentionDays: 7,
  /** The seed's model: Legacy and not callable on demand in us-east-1 (the preflight explains and offers a fix). */
  modelId: "anthropic.claude-3-5-sonnet-20241022-v2:0",
  dashboardName: "GenAI-Monitoring",
  /** The period of the dashboard's metric widgets (CloudWatch accepts 1, 5, 10, 30 or a multiple of 60). */
  metricPeriodSeconds: 300,
  prompts: [
    "What is Amazon Bedrock?",
    "Explain RAG in simple terms.",
    "List 3 benefits of serverless computing.",
    "What is prompt engineering?",
    "How does vector search work?",
  ],
  maxTokens: 128,
  /** How many model calls run at once in step 2. */
  concurrency: 2,
  /** The role the lab creates (or reuses) for Bedrock to write to CloudWatch Logs. */
  loggingRoleName: "GenAILabBedrockLoggingRole",
  /** An existing role to use instead (`--logging-role-arn`); the lab then never changes or deletes it. */
  loggingRoleArn: "",
  /** Optional S3 bucket for bodies over ~100 KB (large-data delivery); empty = not configured. */
  largeDataBucket: "",
  /** How long to keep retrying while IAM propagates a new role (AWS: up to about a minute). */
  roleWaitSeconds: 90,
  /** How long to wait for invocation logs to arrive (AWS: usually 3–15 s). */
  deliveryWaitSeconds: 180,
  /** How long to wait for AWS/Bedrock metrics to show datapoints (AWS: about a minute). */
  metricsWaitSeconds: 180,
};

export type LabParams = typeof labParameters;

/** The AWS clients the steps use as `ctx.aws.NAME` (clients.ts: the SDK loads only when a session opens). */
export type { LabAws } from "./clients.js";

/** Tag put on everything the lab creates, so a human can tell it apart in the console. */
export const LAB_TAG = { key: "genai-lab:lab", value: "monitoring-genai" } as const;

export const lab = defineLab<LabParams>({
  id: "monitoring-genai",
  title: {
    vi: "Giám sát ứng dụng GenAI với CloudWatch",
    en: "Monitoring GenAI applications with CloudWatch",
  },
  goal: {
    vi: "Bật model invocation logging của Amazon Bedrock, xem log trong CloudWatch Logs và CloudWatch Logs Insights, rồi dựng một CloudWatch dashboard cho lượt gọi, token và độ trễ.",
    en: "Turn on Amazon Bedrock model invocation logging, read the logs in CloudWatch Logs and CloudWatch Logs Insights, then build a CloudWatch dashboard for invocations, tokens and latency.",
  },
  durationMinutes: 15,
  examDomain: { vi: "Domain 4 (Task 4.3)", en: "Domain 4 (Task 4.3)" },
  prerequisites: [
    {
      vi: "Một tài khoản AWS (hoặc sandbox offline có sẵn trong genai-lab).",
      en: "An AWS account (or genai-lab's built-in offline sandbox).",
    },
    {
      vi: "Quyền truy cập model trên Amazon Bedrock (Bedrock console → Model access).",
      en: "Model access on Amazon Bedrock (Bedrock console → Model access).",
    },
    {
      vi: "Đã hoàn thành Lab 1 (biết gọi model qua Bedrock Runtime).",
      en: "Lab 1 completed (you know how to call a model through Bedrock Runtime).",
    },
  ],
  parameters: labParameters,
  errors: LAB_ERRORS,
  notes: {
    sandbox: {
      vi: "Câu trả lời của model trên sandbox là mô phỏng, không phải từ model thật.",
      en: "On the sandbox the model's replies are simulated, not from a real model.",
    },
    aws: {
      vi: "Các bước sẽ chạy trên tài khoản AWS của bạn (theo profile / biến môi trường) và có thể phát sinh chi phí: lời gọi model Bedrock (tính theo token), lưu và truy vấn log CloudWatch Logs (Logs Insights tính theo dữ liệu quét), dashboard CloudWatch (ngoài gói miễn phí). Mỗi thao tác có phí vẫn sẽ hỏi lại.",
      en: "The steps will run on your AWS account (from your profile / environment) and may be billed: Bedrock model calls (per token), CloudWatch Logs storage and queries (Logs Insights bills per GB scanned), a CloudWatch dashboard (beyond the free tier). Each billable action still asks first.",
    },
    next: [
      {
        vi: "Gọi model theo kiểu streaming bằng boto3 (`converse_stream` hoặc `invoke_model_with_response_stream`; AWS CLI không có các lệnh này), rồi tìm metric TimeToFirstToken trong CloudWatch.",
        en: "Call the model with streaming from boto3 (`converse_stream` or `invoke_model_with_response_stream`; the AWS CLI has no such commands), then find the TimeToFirstToken metric in CloudWatch.",
      },
      {
        vi: "Trên sandbox: `genai-lab sandbox seed --hours 24` tạo lịch sử lời gọi một ngày, để dashboard và truy vấn Logs Insights có nhiều thứ để xem.",
        en: "On the sandbox: `genai-lab sandbox seed --hours 24` backfills a day of invocations, so the dashboard and Logs Insights queries have more to show.",
      },
    ],
  },
  checklist: [
    { id: "logging-enabled" },
    { id: "log-entries-present" },
    { id: "insights-returns-results" },
    { id: "dashboard-shows-metrics" },
  ],
  // The investigation (step 5, optional): reported apart from the checklist, never counted in it.
  bonus: [{ id: "bonus-top-tenant" }, { id: "bonus-throttling-start" }, { id: "bonus-incident-alarm" }],
  references: [
    {
      label: {
        vi: "Amazon Bedrock: ghi log các lời gọi model (model invocation logging)",
        en: "Amazon Bedrock: model invocation logging",
      },
      url: "https://docs.aws.amazon.com/bedrock/latest/userguide/model-invocation-logging.html",
    },
    {
      label: { vi: "Amazon CloudWatch Logs Insights", en: "Amazon CloudWatch Logs Insights" },
      url: "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AnalyzingLogData.html",
    },
    {
      label: {
        vi: "Giám sát Amazon Bedrock bằng CloudWatch metrics",
        en: "Monitoring Amazon Bedrock with CloudWatch metrics",
      },
      url: "https://docs.aws.amazon.com/bedrock/latest/userguide/monitoring.html",
    },
    {
      label: {
        vi: "Suy luận liên Region qua inference profile (cross-Region inference)",
        en: "Cross-Region inference (inference profiles)",
      },
      url: "https://docs.aws.amazon.com/bedrock/latest/userguide/cross-region-inference.html",
    },
    {
      label: {
        vi: "Vòng đời model trên Bedrock (Active, Legacy, EOL)",
        en: "Model lifecycle on Bedrock (Active, Legacy, EOL)",
      },
      url: "https://docs.aws.amazon.com/bedrock/latest/userguide/model-lifecycle.html",
    },
  ],
});
