/**
 * Thousands of malformed requests of every kind: broken JSON, invalid UTF-8, wrong content types, unknown targets and
 * paths, garbage CBOR and forms, random members for every operation, bad signatures, oversize bodies, raw non-HTTP
 * bytes. Every answer must be a 4xx in its protocol's shape (never a 5xx, never a crash), and afterwards a normal
 * call must still work.
 */
import { connect } from "node:net";
import fc from "fast-check";
import { CreateLogGroupCommand, DescribeLogGroupsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { beforeAll, describe, expect, it } from "vitest";
import { cbor } from "@smithy/core/cbor";
import { clients, sandboxForFile } from "../helpers.js";
import type { RawRequest, RawResponse } from "../signing.js";
import { formHeaders, jsonHeaders, send } from "../signing.js";

const internalErrors: unknown[] = [];
const { sandbox, c } = await sandboxForFile({ onError: (e) => internalErrors.push(e) });
beforeAll(() => c.logs.send(new CreateLogGroupCommand({ logGroupName: "/fuzz" })));

const LOGS_OPS = [
  "CreateLogGroup",
  "DeleteLogGroup",
  "DescribeLogGroups",
  "PutRetentionPolicy",
  "CreateLogStream",
  "DescribeLogStreams",
  "PutLogEvents",
  "GetLogEvents",
  "FilterLogEvents",
  "TagResource",
  "UntagResource",
  "ListTagsForResource",
  "StartQuery",
  "GetQueryResults",
  "StopQuery",
  "DescribeQueries",
];
const LOGS_MEMBERS = [
  "logGroupName",
  "logGroupIdentifier",
  "logStreamName",
  "logStreamNames",
  "logStreamNamePrefix",
  "logGroupNamePrefix",
  "logGroupNamePattern",
  "logEvents",
  "limit",
  "nextToken",
  "startTime",
  "endTime",
  "filterPattern",
  "startFromHead",
  "retentionInDays",
  "resourceArn",
  "tags",
  "tagKeys",
  "queryString",
  "queryId",
  "orderBy",
  "descending",
];
const CW_OPS = [
  "PutDashboard",
  "GetDashboard",
  "ListDashboards",
  "DeleteDashboards",
  "PutMetricData",
  "GetMetricData",
  "GetMetricStatistics",
  "ListMetrics",
];
const CW_MEMBERS = [
  "DashboardName",
  "DashboardBody",
  "DashboardNames",
  "Namespace",
  "MetricData",
  "MetricDataQueries",
  "StartTime",
  "EndTime",
  "MetricName",
  "Dimensions",
  "Period",
  "Statistics",
  "NextToken",
];
const IAM_ACTIONS = [
  "CreateRole",
  "GetRole",
  "DeleteRole",
  "PutRolePolicy",
  "GetRolePolicy",
  "DeleteRolePolicy",
  "ListRolePolicies",
  "TagRole",
  "ListRoleTags",
  "UntagRole",
];
const IAM_PARAMS = [
  "RoleName",
  "Path",
  "AssumeRolePolicyDocument",
  "PolicyName",
  "PolicyDocument",
  "MaxSessionDuration",
  "Tags.member.1.Key",
  "Tags.member.1.Value",
  "TagKeys.member.1",
  "Description",
];

const value = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(
    fc.oneof(
      fc.string(),
      fc.integer(),
      fc.record({ timestamp: fc.oneof(fc.integer(), fc.string()), message: fc.oneof(fc.string(), fc.integer()) }),
    ),
  ),
  fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer())),
  fc.jsonValue(),
);
const members = (names: string[]) => fc.dictionary(fc.constantFrom(...names), value, { maxKeys: 6 });
const bytes = fc.uint8Array({ maxLength: 200 });

/** Builds one malformed request of a random kind. */
const request: fc.Arbitrary<RawRequest> = fc.oneof(
  fc
    .tuple(fc.constantFrom(...LOGS_OPS), members(LOGS_MEMBERS))
    .map(([op, m]) => ({ service: "logs", headers: jsonHeaders(`Logs_20140328.${op}`), body: JSON.stringify(m) })),
  fc
    .tuple(fc.constantFrom(...LOGS_OPS), bytes)
    .map(([op, b]) => ({ service: "logs", headers: jsonHeaders(`Logs_20140328.${op}`), body: b })),
  fc.tuple(fc.constantFrom(...LOGS_OPS), fc.jsonValue()).map(([op, v]) => ({
    service: "logs",
    headers: jsonHeaders(`Logs_20140328.${op}`),
    body: JSON.stringify(v).slice(0, Math.max(1, JSON.stringify(v).length - 1)),
  })),
  fc.tuple(fc.string(), fc.string()).map(([target, type]) => ({
    service: "logs",
    headers: { "x-amz-target": target, "content-type": type },
    body: "{}",
  })),
  fc.tuple(fc.constantFrom(...CW_OPS), members(CW_MEMBERS)).map(([op, m]) => ({
    service: "monitoring",
    headers: { ...jsonHeaders(`GraniteServiceVersion20100801.${op}`, "1.0"), "x-amzn-query-mode": "true" },
    body: JSON.stringify(m),
  })),
  fc.tuple(fc.constantFrom(...CW_OPS), bytes).map(([op, b]) => ({
    service: "monitoring",
    path: `/service/GraniteServiceVersion20100801/operation/${op}`,
    headers: { "content-type": "application/cbor", "smithy-protocol": "rpc-v2-cbor" },
    body: b,
  })),
  fc.tuple(fc.constantFrom(...CW_OPS), members(CW_MEMBERS)).map(([op, m]) => ({
    service: "monitoring",
    path: `/service/GraniteServiceVersion20100801/operation/${op}`,
    headers: { "content-type": "application/cbor", "smithy-protocol": "rpc-v2-cbor" },
    body: cbor.serialize(m),
  })),
  fc
    .tuple(fc.constantFrom(...IAM_ACTIONS), fc.dictionary(fc.constantFrom(...IAM_PARAMS), fc.string(), { maxKeys: 5 }))
    .map(([action, p]) => ({
      service: "iam",
      headers: formHeaders,
      body: [
        `Action=${action}`,
        "Version=2010-05-08",
        ...Object.entries(p).map(([k, v]) => `${k}=${encodeURIComponent(v)}`),
      ].join("&"),
    })),
  fc
    .tuple(fc.constantFrom("sts", "iam", "monitoring"), fc.string())
    .map(([service, junk]) => ({ service, headers: formHeaders, body: `Action=${junk}&Version=x&%ZZ=%C3%28` })),
  fc.tuple(fc.constantFrom("sts", "iam"), bytes).map(([service, b]) => ({ service, headers: formHeaders, body: b })),
  members(["loggingConfig", "cloudWatchConfig", "logGroupName", "roleArn"]).map((m) => ({
    service: "bedrock",
    method: "PUT",
    path: "/logging/modelinvocations",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(m),
  })),
  fc
    .tuple(
      fc.constantFrom(
        "anthropic.claude-3-5-sonnet-20241022-v2:0",
        "us.amazon.nova-lite-v1:0",
        "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
      ),
      fc.oneof(
        fc.jsonValue().map((v) => JSON.stringify(v)),
        members(["messages", "max_tokens", "anthropic_version", "system", "inferenceConfig", "temperature"]).map((m) =>
          JSON.stringify(m),
        ),
        bytes,
      ),
      fc.constantFrom("invoke", "converse"),
    )
    .map(([model, body, op]) => ({
      service: "bedrock",
      path: `/model/${encodeURIComponent(model)}/${op}`,
      headers: { "content-type": "application/json" },
      body,
    })),
  fc
    .array(fc.oneof(fc.string(), fc.constantFrom("%ZZ", "%C3%28", "%", "..", "model", "foundation-models")), {
      maxLength: 4,
    })
    .map((segs) => ({ service: "bedrock", method: "GET", path: `/${segs.join("/")}` })),
  fc.string().map((auth) => ({
    service: "logs",
    unsigned: true,
    headers: { ...jsonHeaders("Logs_20140328.DescribeLogGroups"), authorization: auth },
    body: "{}",
  })),
  fc.string().map((auth) => ({
    service: "sts",
    unsigned: true,
    headers: { ...formHeaders, authorization: `AWS4-HMAC-SHA256 ${auth}` },
    body: "Action=GetCallerIdentity&Version=2011-06-15",
  })),
);

/** The response is in its protocol's error shape. */
function inShape(r: RawResponse): boolean {
  const type = r.headers.get("content-type") ?? "";
  if (type.startsWith("application/x-amz-json"))
    return typeof (JSON.parse(r.text) as { __type?: unknown }).__type === "string";
  if (type === "text/xml") return r.text.includes("<ErrorResponse") && r.text.includes("<Code>");
  if (type === "application/cbor")
    return typeof (cbor.deserialize(r.bytes) as { __type?: unknown }).__type === "string";
  if (type === "application/json")
    return (
      r.headers.get("x-amzn-errortype") !== null &&
      typeof (JSON.parse(r.text) as { message?: unknown }).message === "string"
    );
  return false;
}

describe("fuzzing the wire", () => {
  it("answers thousands of malformed requests with 4xx in shape and keeps serving", async () => {
    const samples = fc.sample(request, { numRuns: 2400, seed: 20250815 });
    const statuses = new Map<number, number>();
    for (let i = 0; i < samples.length; i += 24) {
      const batch = await Promise.all(
        samples.slice(i, i + 24).map((r) => send(sandbox, r).then((res) => ({ r, res }))),
      );
      for (const { r, res } of batch) {
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 200 && res.status < 300) continue;
        expect(
          res.status,
          `${JSON.stringify(r.headers)} ${String(r.body).slice(0, 200)} → ${res.text.slice(0, 300)}`,
        ).toBeGreaterThanOrEqual(400);
        expect(res.status, res.text.slice(0, 300)).toBeLessThan(500);
        expect(inShape(res), `${res.headers.get("content-type")} ${res.text.slice(0, 200)}`).toBe(true);
        expect(res.headers.get("x-amzn-requestid")).toMatch(/^[0-9a-f-]{36}$/);
      }
    }
    expect(internalErrors).toEqual([]);
    // The mix reaches every layer: parsers (400), signatures (403), routing (404), and some valid calls (200).
    expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining([200, 400, 403, 404]));
    expect(statuses.get(400)).toBeGreaterThan(1000);
    const groups = await clients(sandbox).logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: "/fuzz" }));
    expect(groups.logGroups?.map((g) => g.logGroupName)).toContain("/fuzz");
  }, 120_000);

  it("survives raw garbage, truncated bodies and dropped connections", async () => {
    const url = new URL(sandbox.endpoint);
    const garbage = fc.sample(fc.uint8Array({ minLength: 1, maxLength: 300 }), { numRuns: 200, seed: 7 });
    const payloads = [
      ...garbage.map((g) => Buffer.from(g)),
      Buffer.from(
        'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\nX-Amz-Target: Logs_20140328.PutLogEvents\r\n\r\n{"logGroupName":',
      ),
      Buffer.from("GET /_sandbox/health HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n"),
      Buffer.from("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\x00\x00\x00garbage"),
    ];
    for (let i = 0; i < payloads.length; i += 20) {
      await Promise.all(
        payloads.slice(i, i + 20).map(
          (p) =>
            new Promise<void>((resolve) => {
              const s = connect(Number(url.port), url.hostname, () => {
                s.write(p);
                setTimeout(() => s.destroy(), 20);
              });
              s.on("error", () => resolve());
              s.on("close", () => resolve());
            }),
        ),
      );
    }
    expect(internalErrors).toEqual([]);
    await expect(clients(sandbox).logs.send(new DescribeLogGroupsCommand({}))).resolves.toBeDefined();
  }, 60_000);
});
