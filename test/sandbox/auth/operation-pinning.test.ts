/**
 * What a signature covers decides the operation: UNSIGNED-PAYLOAD (S3's, not these services') is refused, so a
 * presigned URL cannot be replayed with a body of other Query parameters; the body may not override the signed
 * query string's Action; X-Amz-Target must be signed.
 */
import { CreateRoleCommand, GetRoleCommand } from "@aws-sdk/client-iam";
import { Hash } from "@smithy/hash-node";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";
import { describe, expect, it } from "vitest";
import { LOGGING_TRUST, sandboxForFile } from "../helpers.js";
import { formHeaders, jsonHeaders, presignedPath, send, sendPrepared } from "../signing.js";

const { sandbox, c } = await sandboxForFile();
const url = new URL(sandbox.endpoint);

/** A URL presigned for `query`, S3-style over UNSIGNED-PAYLOAD, then POSTed with `body`. */
async function replay(service: "sts" | "iam", query: Record<string, string>, body: string): Promise<Response> {
  const path = await presignedPath(sandbox, {
    service,
    method: "POST",
    query,
    headers: { "x-amz-content-sha256": "UNSIGNED-PAYLOAD" },
  });
  return fetch(`${sandbox.endpoint}${path}`, { method: "POST", headers: formHeaders, body });
}

describe("the operation is pinned by the signature", () => {
  it("a URL presigned for GetCallerIdentity does not hand out AssumeRole credentials", async () => {
    // A role the caller may assume: what a replay must not reach.
    const trust = {
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "sts:AssumeRole" }],
    };
    await c.iam.send(new CreateRoleCommand({ RoleName: "pinned", AssumeRolePolicyDocument: JSON.stringify(trust) }));
    const answer = await replay(
      "sts",
      { Action: "GetCallerIdentity", Version: "2011-06-15" },
      "Action=AssumeRole&Version=2011-06-15&RoleArn=arn:aws:iam::123456789012:role/pinned&RoleSessionName=replayed",
    );
    const text = await answer.text();
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(text).not.toContain("SecretAccessKey");
  });

  it("a URL presigned for ListRoles does not delete a role", async () => {
    await c.iam.send(new CreateRoleCommand({ RoleName: "kept", AssumeRolePolicyDocument: LOGGING_TRUST }));
    const answer = await replay(
      "iam",
      { Action: "ListRoles", Version: "2010-05-08" },
      "RoleName=kept&Action=DeleteRole",
    );
    expect(answer.status).toBeGreaterThanOrEqual(400);
    const same = await replay("iam", { Action: "ListRoles", Version: "2010-05-08" }, "Action=DeleteRole&RoleName=kept");
    expect(same.status).toBeGreaterThanOrEqual(400);
    expect((await c.iam.send(new GetRoleCommand({ RoleName: "kept" }))).Role?.RoleName).toBe("kept");
  });

  it("refuses a header signature over UNSIGNED-PAYLOAD, saying why", async () => {
    const answer = await send(sandbox, {
      service: "sts",
      headers: { ...formHeaders, "x-amz-content-sha256": "UNSIGNED-PAYLOAD" },
      body: "Action=GetCallerIdentity&Version=2011-06-15",
    });
    expect(answer.status).toBe(403);
    expect(answer.text).toContain("<Code>SignatureDoesNotMatch</Code>");
    expect(answer.text).toContain("UNSIGNED-PAYLOAD is accepted by Amazon S3 only");
  });

  it("never lets the body override the signed query string's Action", async () => {
    const answer = await send(sandbox, {
      service: "sts",
      query: { Action: "GetCallerIdentity", Version: "2011-06-15" },
      headers: formHeaders,
      body: "Action=AssumeRole&RoleArn=arn:aws:iam::123456789012:role/pinned&RoleSessionName=replayed",
    });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain("<Code>InvalidParameterCombination</Code>");
    expect(answer.text).not.toContain("SecretAccessKey");
    // Agreeing values (some clients repeat Action in both places) are fine.
    const agreeing = await send(sandbox, {
      service: "sts",
      query: { Action: "GetCallerIdentity", Version: "2011-06-15" },
      headers: formHeaders,
      body: "Action=GetCallerIdentity&Version=2011-06-15",
    });
    expect(agreeing.status).toBe(200);
  });

  it("requires X-Amz-Target to be signed", async () => {
    const signer = new SignatureV4({
      service: "logs",
      region: "us-east-1",
      credentials: sandbox.credentials,
      sha256: Hash.bind(null, "sha256"),
    });
    const request = new HttpRequest({
      method: "POST",
      protocol: "http:",
      hostname: url.hostname,
      port: Number(url.port),
      path: "/",
      headers: { host: url.host, ...jsonHeaders("Logs_20140328.DescribeLogGroups") },
      body: "{}",
    });
    const signed = (await signer.sign(request, { unsignableHeaders: new Set(["x-amz-target"]) })) as HttpRequest;
    const answer = await sendPrepared(sandbox, signed);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text)).toMatchObject({ __type: "InvalidSignatureException" });
    expect(answer.text).toContain("'X-Amz-Target' must be a 'SignedHeader'");
  });
});
