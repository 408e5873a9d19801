/**
 * The whole lab done by hand with the tools a learner has — the original lab's boto3 script (its model id changed
 * to a profile, as step 0 explains), and the AWS CLI v1 — against the sandbox, then `check`: all four items pass,
 * credited to the learner. Skipped, with the reason, where the machine has no python3 + boto3 or no `aws`.
 */
import { execFile, spawnSync } from "node:child_process";
import { promisify } from "node:util";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { LabSession } from "../helpers/lab-session.js";
import { CLAUDE, labPerTest } from "./check-kit.js";

const hasBoto3 = spawnSync("python3", ["-c", "import boto3"], { encoding: "utf8" }).status === 0;
const hasAwsCli = spawnSync("aws", ["--version"], { encoding: "utf8" }).status === 0;
/** Asynchronous on purpose: the sandbox answers from this very process, so a blocking spawn would deadlock. */
const exec = promisify(execFile);

function toolEnv(s: LabSession): NodeJS.ProcessEnv {
  return {
    ...process.env,
    AWS_ACCESS_KEY_ID: s.sandbox.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: s.sandbox.credentials.secretAccessKey,
    AWS_REGION: "us-east-1",
    AWS_DEFAULT_REGION: "us-east-1",
    AWS_ENDPOINT_URL: s.sandbox.endpoint,
    AWS_PAGER: "",
  };
}

async function checklist(s: LabSession): Promise<string[]> {
  const items = await s.runnerWith().runner.runChecklist(new AbortController().signal);
  return items.map((i) => `${i.id}:${i.result.status}:${i.result.status === "error" ? "" : (i.result.doneBy ?? "")}`);
}

const learnerAll = [
  "logging-enabled:pass:learner",
  "log-entries-present:pass:learner",
  "insights-returns-results:pass:learner",
  "dashboard-shows-metrics:pass:learner",
];

const TRUST = (account: string) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Service: "bedrock.amazonaws.com" },
        Action: "sts:AssumeRole",
        Condition: { StringEquals: { "aws:SourceAccount": account } },
      },
    ],
  });
const WRITE = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
      Resource: "arn:aws:logs:*:*:log-group:/aws/bedrock/*",
    },
  ],
});
const DASHBOARD = JSON.stringify({
  widgets: [
    {
      type: "metric",
      x: 0,
      y: 0,
      width: 24,
      height: 6,
      properties: {
        metrics: [
          ["AWS/Bedrock", "Invocations", "ModelId", CLAUDE],
          [".", "InputTokenCount", ".", "."],
          [".", "OutputTokenCount", ".", "."],
          [".", "InvocationLatency", ".", ".", { stat: "p90" }],
        ],
        region: "us-east-1",
        view: "timeSeries",
        stat: "Sum",
        period: 300,
      },
    },
  ],
});

const PYTHON = (account: string) => `
import boto3, json, time
group = "/aws/bedrock/model-invocations"
boto3.client("logs").create_log_group(logGroupName=group)
iam = boto3.client("iam")
arn = iam.create_role(RoleName="PythonBedrockLogs", AssumeRolePolicyDocument=${JSON.stringify(TRUST(account))})["Role"]["Arn"]
iam.put_role_policy(RoleName="PythonBedrockLogs", PolicyName="write", PolicyDocument=${JSON.stringify(WRITE)})
boto3.client("bedrock").put_model_invocation_logging_configuration(
    loggingConfig={"cloudWatchConfig": {"logGroupName": group, "roleArn": arn}, "textDataDeliveryEnabled": True})

# The original lab's step 2, as written but for the model id.
client = boto3.client('bedrock-runtime', region_name='us-east-1')
prompts = [
    "What is Amazon Bedrock?",
    "Explain RAG in simple terms.",
    "List 3 benefits of serverless computing.",
    "What is prompt engineering?",
    "How does vector search work?"
]
for prompt in prompts:
    response = client.invoke_model(
        modelId='${CLAUDE}',
        contentType='application/json',
        accept='application/json',
        body=json.dumps({
            "anthropic_version": "bedrock-2023-05-31",
            "max_tokens": 128,
            "messages": [{"role": "user", "content": prompt}]
        })
    )
    result = json.loads(response['body'].read())
    print(f"Prompt: {prompt[:40]}... | Tokens: input={result['usage']['input_tokens']}, output={result['usage']['output_tokens']}")

# The original lab's Logs Insights query, as written.
logs = boto3.client("logs")
now = int(time.time())
q = logs.start_query(logGroupName=group, startTime=now - 3600, endTime=now + 60,
    queryString="fields @timestamp, modelId, inputTokenCount, outputTokenCount\\n| sort @timestamp desc\\n| limit 20")
while logs.get_query_results(queryId=q["queryId"])["status"] in ("Scheduled", "Running"):
    time.sleep(0.05)
boto3.client("cloudwatch").put_dashboard(DashboardName="GenAI-Monitoring", DashboardBody=${JSON.stringify(DASHBOARD)})
`;

describe("the lab done by hand with the learner's own tools", () => {
  const start = labPerTest();

  it.skipIf(!hasBoto3)(
    "boto3 (the original lab's script): the learner is credited on all four",
    async () => {
      const [s] = await start();
      const run = await exec("python3", ["-c", PYTHON(s.target.accountId)], { env: toolEnv(s), timeout: 120_000 });
      expect(run.stdout).toMatch(/Prompt: What is Amazon Bedrock\?\.\.\. \| Tokens: input=\d+, output=\d+/);
      expect(await checklist(s)).toEqual(learnerAll);
    },
    60_000,
  );

  it.skipIf(!hasAwsCli)(
    "AWS CLI v1: the learner is credited on all four",
    async () => {
      const [s] = await start();
      const dir = mkdtempSync(join(tmpdir(), "genai-lab-cli-"));
      const body = join(dir, "body.json");
      writeFileSync(
        body,
        JSON.stringify({
          anthropic_version: "bedrock-2023-05-31",
          max_tokens: 64,
          messages: [{ role: "user", content: "What is prompt engineering?" }],
        }),
      );
      const aws = async (...args: string[]) => {
        const out = await exec("aws", [...args, "--output", "json"], { env: toolEnv(s), cwd: dir, timeout: 60_000 });
        return out.stdout.trim() ? (JSON.parse(out.stdout) as Record<string, unknown>) : {};
      };
      await aws("logs", "create-log-group", "--log-group-name", "/aws/bedrock/model-invocations");
      const role = await aws(
        "iam",
        "create-role",
        "--role-name",
        "CliLogs",
        "--assume-role-policy-document",
        TRUST(s.target.accountId),
      );
      await aws("iam", "put-role-policy", "--role-name", "CliLogs", "--policy-name", "w", "--policy-document", WRITE);
      const roleArn = (role.Role as { Arn: string }).Arn;
      await aws(
        "bedrock",
        "put-model-invocation-logging-configuration",
        "--logging-config",
        JSON.stringify({
          cloudWatchConfig: { logGroupName: "/aws/bedrock/model-invocations", roleArn },
          textDataDeliveryEnabled: true,
        }),
      );
      for (let i = 0; i < 3; i++)
        await aws(
          "bedrock-runtime",
          "invoke-model",
          "--model-id",
          CLAUDE,
          "--body",
          `fileb://${body}`,
          join(dir, "out.json"),
        );
      for (let i = 0; i < 2; i++)
        await aws(
          "bedrock-runtime",
          "converse",
          "--model-id",
          "amazon.nova-lite-v1:0",
          "--messages",
          '[{"role":"user","content":[{"text":"Hello"}]}]',
        );
      const now = Math.floor(Date.now() / 1000);
      const { queryId } = await aws(
        "logs",
        "start-query",
        "--log-group-name",
        "/aws/bedrock/model-invocations",
        "--start-time",
        String(now - 3600),
        "--end-time",
        String(now + 60),
        "--query-string",
        "stats count(*) by modelId",
      );
      await aws("logs", "get-query-results", "--query-id", String(queryId));
      await aws("cloudwatch", "put-dashboard", "--dashboard-name", "GenAI-Monitoring", "--dashboard-body", DASHBOARD);
      expect(await checklist(s)).toEqual(learnerAll);
    },
    90_000,
  );
});
