import { CreateLogGroupCommand, DescribeLogGroupsCommand, CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { ListDashboardsCommand } from "@aws-sdk/client-cloudwatch";
import { GetModelInvocationLoggingConfigurationCommand } from "@aws-sdk/client-bedrock";
import { CreateRoleCommand } from "@aws-sdk/client-iam";
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { Hash } from "@smithy/hash-node";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";
import { describe, expect, it } from "vitest";
import { clients, sandboxForFile } from "../helpers.js";
import { formHeaders, jsonHeaders, rfc3986, send } from "../signing.js";

let clock = Date.now();
const { sandbox } = await sandboxForFile({ now: () => clock });

async function failure(
  p: Promise<unknown>,
): Promise<{ name: string; message: string; status: number | undefined; code: unknown }> {
  try {
    await p;
  } catch (e) {
    const err = e as { name: string; message: string; $metadata?: { httpStatusCode?: number }; Code?: unknown };
    return { name: err.name, message: err.message, status: err.$metadata?.httpStatusCode, code: err.Code };
  }
  throw new Error("expected the call to fail");
}

describe("unsigned requests get each service's real error", () => {
  it("CloudWatch Logs (JSON 1.1): 400 MissingAuthenticationTokenException", async () => {
    const r = await send(sandbox, {
      service: "logs",
      unsigned: true,
      headers: jsonHeaders("Logs_20140328.DescribeLogGroups"),
      body: "{}",
    });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text)).toEqual({
      __type: "MissingAuthenticationTokenException",
      message: "Missing Authentication Token",
    });
    expect(r.headers.get("x-amzn-requestid")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("STS (Query): 403 MissingAuthenticationToken in an ErrorResponse", async () => {
    const r = await send(sandbox, {
      service: "sts",
      unsigned: true,
      headers: formHeaders,
      body: "Action=GetCallerIdentity&Version=2011-06-15",
    });
    expect(r.status).toBe(403);
    expect(r.text).toContain('<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">');
    expect(r.text).toContain(
      "<Type>Sender</Type><Code>MissingAuthenticationToken</Code><Message>Request is missing Authentication Token</Message>",
    );
  });

  it("Bedrock (REST-JSON): 403 with x-amzn-ErrorType", async () => {
    const r = await send(sandbox, {
      service: "bedrock",
      unsigned: true,
      method: "GET",
      path: "/logging/modelinvocations",
    });
    expect(r.status).toBe(403);
    expect(r.headers.get("x-amzn-errortype")).toBe("MissingAuthenticationTokenException");
    expect(JSON.parse(r.text)).toEqual({ message: "Missing Authentication Token" });
  });

  it("CloudWatch (JSON 1.0, query-compatible): adds x-amzn-query-error", async () => {
    const r = await send(sandbox, {
      service: "monitoring",
      unsigned: true,
      headers: { ...jsonHeaders("GraniteServiceVersion20100801.ListDashboards", "1.0"), "x-amzn-query-mode": "true" },
      body: "{}",
    });
    expect(r.status).toBe(400);
    expect(r.headers.get("x-amzn-query-error")).toBe("MissingAuthenticationToken;Sender");
    expect(JSON.parse(r.text).__type).toBe("MissingAuthenticationTokenException");
  });
});

describe("bad credentials through the real SDK clients", () => {
  it("a wrong secret is InvalidSignatureException (JSON, REST) or SignatureDoesNotMatch (Query)", async () => {
    const bad = clients(sandbox, { accessKeyId: sandbox.credentials.accessKeyId, secretAccessKey: "wrong" });
    const logs = await failure(bad.logs.send(new DescribeLogGroupsCommand({})));
    expect(logs).toMatchObject({ name: "InvalidSignatureException", status: 400 });
    expect(logs.message).toMatch(/^The request signature we calculated does not match the signature you provided/);
    expect(await failure(bad.sts.send(new GetCallerIdentityCommand({})))).toMatchObject({
      name: "SignatureDoesNotMatch",
      status: 403,
    });
    expect(await failure(bad.bedrock.send(new GetModelInvocationLoggingConfigurationCommand({})))).toMatchObject({
      name: "InvalidSignatureException",
      status: 403,
    });
    expect(await failure(bad.cw.send(new ListDashboardsCommand({})))).toMatchObject({
      name: "SignatureDoesNotMatch",
      status: 400,
    });
  });

  it("an unknown access key is UnrecognizedClientException / InvalidClientTokenId", async () => {
    const bad = clients(sandbox, { accessKeyId: "AKIANOTAREALKEY00000", secretAccessKey: "x" });
    expect(await failure(bad.logs.send(new DescribeLogGroupsCommand({})))).toMatchObject({
      name: "UnrecognizedClientException",
      message: "The security token included in the request is invalid.",
      status: 400,
    });
    expect(
      await failure(bad.iam.send(new CreateRoleCommand({ RoleName: "r", AssumeRolePolicyDocument: "{}" }))),
    ).toMatchObject({ name: "InvalidClientTokenId", status: 403 });
  });

  it("a clock more than 15 minutes off is rejected with 'Signature expired'", async () => {
    const skewed = new CloudWatchLogsClient({
      endpoint: sandbox.endpoint,
      region: "us-east-1",
      credentials: sandbox.credentials,
      maxAttempts: 1,
      systemClockOffset: -20 * 60_000,
    });
    const f = await failure(skewed.send(new DescribeLogGroupsCommand({})));
    expect(f.name).toBe("InvalidSignatureException");
    expect(f.message).toMatch(
      /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$/,
    );
    const ok = new CloudWatchLogsClient({
      endpoint: sandbox.endpoint,
      region: "us-east-1",
      credentials: sandbox.credentials,
      maxAttempts: 1,
      systemClockOffset: -10 * 60_000,
    });
    await expect(ok.send(new DescribeLogGroupsCommand({}))).resolves.toBeDefined();
  });

  it("a credential scoped to another service is rejected", async () => {
    const r = await send(sandbox, {
      service: "monitoring",
      headers: jsonHeaders("Logs_20140328.DescribeLogGroups"),
      body: "{}",
    });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text)).toMatchObject({
      __type: "InvalidSignatureException",
      message: "Credential should be scoped to correct service: 'logs'. ",
    });
  });
});

describe("presigned URLs", () => {
  it("authenticate a GET with the signature in the query string, and expire", async () => {
    const url = new URL(sandbox.endpoint);
    const signer = new SignatureV4({
      service: "sts",
      region: "us-east-1",
      credentials: sandbox.credentials,
      sha256: Hash.bind(null, "sha256"),
    });
    const req = new HttpRequest({
      method: "GET",
      protocol: "http:",
      hostname: url.hostname,
      port: Number(url.port),
      path: "/",
      headers: { host: url.host },
      query: { Action: "GetCallerIdentity", Version: "2011-06-15" },
    });
    const presigned = await signer.presign(req, { expiresIn: 60, signingDate: new Date(clock) });
    const qs = Object.entries(presigned.query ?? {})
      .map(([k, v]) => `${rfc3986(k)}=${rfc3986(String(v))}`)
      .join("&");
    const ok = await fetch(`${sandbox.endpoint}/?${qs}`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("<Account>123456789012</Account>");
    clock += 120_000;
    try {
      const late = await fetch(`${sandbox.endpoint}/?${qs}`);
      expect(late.status).toBe(403);
      expect(await late.text()).toContain("<Code>SignatureDoesNotMatch</Code><Message>Signature expired:");
    } finally {
      clock -= 120_000;
    }
  });
});

describe("accounts", () => {
  it("a 12-digit access key id with the sandbox secret is that account, with its own data", async () => {
    const learner = clients(sandbox, {
      accessKeyId: "111122223333",
      secretAccessKey: sandbox.credentials.secretAccessKey,
    });
    const who = await learner.sts.send(new GetCallerIdentityCommand({}));
    expect(who).toMatchObject({ Account: "111122223333", Arn: "arn:aws:iam::111122223333:user/genai-lab-sandbox" });
    await learner.logs.send(new CreateLogGroupCommand({ logGroupName: "/only/in/111122223333" }));
    const mine = await clients(sandbox).logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: "/only/" }));
    expect(mine.logGroups).toEqual([]);
    const theirs = await learner.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: "/only/" }));
    expect(theirs.logGroups?.map((g) => g.logGroupName)).toEqual(["/only/in/111122223333"]);
  });

  it("STS AssumeRole issues temporary credentials that work, need their token and expire", async () => {
    const owner = clients(sandbox, {
      accessKeyId: "444455556666",
      secretAccessKey: sandbox.credentials.secretAccessKey,
    });
    const trust = {
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "sts:AssumeRole" }],
    };
    await owner.iam.send(
      new CreateRoleCommand({ RoleName: "Grader", AssumeRolePolicyDocument: JSON.stringify(trust) }),
    );
    const me = clients(sandbox);
    const assumed = await me.sts.send(
      new AssumeRoleCommand({
        RoleArn: "arn:aws:iam::444455556666:role/Grader",
        RoleSessionName: "check-1",
        DurationSeconds: 900,
      }),
    );
    const c = assumed.Credentials!;
    expect(c.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(assumed.AssumedRoleUser?.Arn).toBe("arn:aws:sts::444455556666:assumed-role/Grader/check-1");
    const temp = { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! };
    const who = await clients(sandbox, temp).sts.send(new GetCallerIdentityCommand({}));
    expect(who).toMatchObject({
      Account: "444455556666",
      Arn: "arn:aws:sts::444455556666:assumed-role/Grader/check-1",
    });
    expect(who.UserId).toMatch(/^AROA[A-Z2-7]{17}:check-1$/);

    const noToken = { accessKeyId: temp.accessKeyId, secretAccessKey: temp.secretAccessKey };
    expect(await failure(clients(sandbox, noToken).logs.send(new DescribeLogGroupsCommand({})))).toMatchObject({
      name: "UnrecognizedClientException",
    });

    const later = 16 * 60_000;
    clock += later;
    try {
      const expired = new STSClient({
        endpoint: sandbox.endpoint,
        region: "us-east-1",
        credentials: temp,
        maxAttempts: 1,
        systemClockOffset: later,
      });
      expect(await failure(expired.send(new GetCallerIdentityCommand({})))).toMatchObject({
        name: "ExpiredToken",
        status: 403,
      });
      const expiredLogs = new CloudWatchLogsClient({
        endpoint: sandbox.endpoint,
        region: "us-east-1",
        credentials: temp,
        maxAttempts: 1,
        systemClockOffset: later,
      });
      expect(await failure(expiredLogs.send(new DescribeLogGroupsCommand({})))).toMatchObject({
        name: "ExpiredTokenException",
        message: "The security token included in the request is expired",
      });
    } finally {
      clock -= later;
    }
  });

  it("AssumeRole is denied when the role is missing or its trust policy does not name the caller", async () => {
    const stranger = clients(sandbox, {
      accessKeyId: "777788889999",
      secretAccessKey: sandbox.credentials.secretAccessKey,
    });
    const f = await failure(
      stranger.sts.send(
        new AssumeRoleCommand({ RoleArn: "arn:aws:iam::444455556666:role/Grader", RoleSessionName: "x1" }),
      ),
    );
    expect(f).toMatchObject({ name: "AccessDenied", status: 403 });
    expect(f.message).toBe(
      "User: arn:aws:iam::777788889999:user/genai-lab-sandbox is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::444455556666:role/Grader",
    );
    expect(
      await failure(
        stranger.sts.send(
          new AssumeRoleCommand({ RoleArn: "arn:aws:iam::444455556666:role/Nope", RoleSessionName: "x1" }),
        ),
      ),
    ).toMatchObject({ name: "AccessDenied" });
  });
});
