/**
 * What typed clients see, beyond what the JS SDK tells: boto3 (botocore) reads doubles as float only when they are
 * written as doubles, parses Query replies by the model, and the AWS CLI runs the lab's printed lines. Runs the
 * machine's python3 and aws against an in-process sandbox; skipped, with the reason, where they are absent (CI may
 * not have them) — the JS-side conformance suite carries the same assertions.
 */
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { attachPolicyLine, learnerPolicy } from "../../../steps/lib/policies.js";
import { startTestSandbox } from "../helpers.js";

const run = promisify(execFile);

function available(command: string, args: string[]): string | undefined {
  try {
    execFileSync(command, args, { stdio: "ignore", timeout: 30_000 });
    return undefined;
  } catch {
    return `${command} ${args.join(" ")} failed: not installed here`;
  }
}

const noBoto3 = available("python3", ["-c", "import boto3"]);
const noCli = available("aws", ["--version"]);
const sandbox = await startTestSandbox();
afterAll(() => sandbox.close());

const env = {
  ...process.env,
  AWS_ENDPOINT_URL: sandbox.endpoint,
  AWS_ACCESS_KEY_ID: sandbox.credentials.accessKeyId,
  AWS_SECRET_ACCESS_KEY: sandbox.credentials.secretAccessKey,
  AWS_REGION: sandbox.region,
  AWS_DEFAULT_REGION: sandbox.region,
  AWS_MAX_ATTEMPTS: "1",
  AWS_PAGER: "",
};

/** The script prints one JSON object: for each probe, the Python type names or values it saw. */
const SCRIPT = String.raw`
import json, time, datetime, boto3, botocore.session

def client(service, protocol=None):
    session = botocore.session.get_session()
    if protocol is not None:
        model = session.get_component("data_loader").load_service_model(service, "service-2")
        model["metadata"]["protocol"] = protocol
        model["metadata"]["protocols"] = [protocol]
    return session.create_client(service)

now = datetime.datetime.now(datetime.timezone.utc)
window = dict(StartTime=now - datetime.timedelta(minutes=2), EndTime=now + datetime.timedelta(minutes=2))
out = {}
for protocol in ["json", "query"]:
    cw = client("cloudwatch", protocol)
    ns = "boto3/" + protocol
    cw.put_metric_data(Namespace=ns, MetricData=[{"MetricName": "m", "Value": 5, "Unit": "Count"}])
    data = cw.get_metric_data(MetricDataQueries=[{"Id": "a", "MetricStat": {"Metric": {"Namespace": ns, "MetricName": "m"}, "Period": 60, "Stat": "Sum"}}], **window)
    stats = cw.get_metric_statistics(Namespace=ns, MetricName="m", Period=60, Statistics=["Sum"], ExtendedStatistics=["p50"], **window)
    point = stats["Datapoints"][0]
    cw.put_dashboard(DashboardName="d-" + protocol, DashboardBody='{"widgets":[]}')
    deleted = cw.delete_dashboards(DashboardNames=["d-" + protocol])
    out[protocol] = {
        "value": type(data["MetricDataResults"][0]["Values"][0]).__name__,
        "sum": type(point["Sum"]).__name__,
        "p50": type(point["ExtendedStatistics"]["p50"]).__name__,
        "deleteStatus": deleted["ResponseMetadata"]["HTTPStatusCode"],
    }

logs = client("logs")
logs.create_log_group(logGroupName="/boto3")
logs.create_log_stream(logGroupName="/boto3", logStreamName="s")
logs.put_log_events(logGroupName="/boto3", logStreamName="s", logEvents=[{"timestamp": int(time.time() * 1000), "message": "hello"}])
qid = logs.start_query(logGroupName="/boto3", queryString="fields @message", startTime=int(time.time()) - 600, endTime=int(time.time()) + 60)["queryId"]
for _ in range(100):
    result = logs.get_query_results(queryId=qid)
    if result["status"] == "Complete":
        break
    time.sleep(0.02)
out["logs"] = {"recordsMatched": type(result["statistics"]["recordsMatched"]).__name__, "status": result["status"]}
print(json.dumps(out))
`;

describe.skipIf(noBoto3 !== undefined)(`boto3 sees AWS's types${noBoto3 ? ` (skipped: ${noBoto3})` : ""}`, () => {
  it("reads doubles as float in JSON and Query, parses Query's DeleteDashboards, and reads Insights statistics as float", async () => {
    const { stdout } = await run("python3", ["-c", SCRIPT], { env, timeout: 60_000 });
    const seen = JSON.parse(stdout) as Record<string, Record<string, unknown>>;
    for (const protocol of ["json", "query"]) {
      expect(seen[protocol]).toEqual({ value: "float", sum: "float", p50: "float", deleteStatus: 200 });
    }
    expect(seen.logs).toEqual({ recordsMatched: "float", status: "Complete" });
  });
});

describe.skipIf(noCli !== undefined)(`the AWS CLI${noCli ? ` (skipped: ${noCli})` : ""}`, () => {
  it("runs the lab's printed put-user-policy line as pasted, and reads the policy back", async () => {
    const policy = learnerPolicy({ accountId: "123456789012", region: "us-east-1" } as never, {
      group: "/aws/bedrock/model-invocations",
      roleName: "GenAILabBedrockLogging",
      dashboard: "GenAI-Monitoring",
    });
    const line = attachPolicyLine({ principalArn: "arn:aws:iam::123456789012:user/genai-lab-sandbox" }, policy);
    expect(line).toMatch(/^aws iam put-user-policy --user-name genai-lab-sandbox /);
    await run("sh", ["-c", line], { env, timeout: 60_000 });
    const { stdout } = await run(
      "aws",
      ["iam", "get-user-policy", "--user-name", "genai-lab-sandbox", "--policy-name", "GenAILab", "--output", "json"],
      { env, timeout: 60_000 },
    );
    const got = JSON.parse(stdout) as { UserName: string; PolicyName: string; PolicyDocument: unknown };
    expect(got.UserName).toBe("genai-lab-sandbox");
    expect(got.PolicyDocument).toEqual(policy);
  });
});
