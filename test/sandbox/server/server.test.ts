import { request } from "node:http";
import { connect as connectHttp2 } from "node:http2";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { CreateLogGroupCommand, DescribeLogGroupsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { describe, expect, it } from "vitest";
import { runSandboxServer, SandboxHostError, startSandbox } from "../../../src/sandbox/index.js";
import { clients, sandboxForFile, startTestSandbox } from "../helpers.js";
import { jsonHeaders, send } from "../signing.js";

const { sandbox } = await sandboxForFile();

describe("the HTTP server", () => {
  it("binds loopback only unless told otherwise", async () => {
    await expect(startSandbox({ port: 0, host: "0.0.0.0", env: {} })).rejects.toBeInstanceOf(SandboxHostError);
    expect(new URL(sandbox.endpoint).hostname).toBe("127.0.0.1");
  });

  it("rejects a declared body over the service's limit at once with 413 in the protocol's shape", async () => {
    const url = new URL(sandbox.endpoint);
    const result = await new Promise<{ status: number; body: string; requestId: string | undefined }>(
      (resolve, reject) => {
        const req = request(
          {
            host: url.hostname,
            port: url.port,
            method: "POST",
            path: "/",
            headers: { ...jsonHeaders("Logs_20140328.PutLogEvents"), "content-length": String(6 * 1024 * 1024) },
          },
          (res) => {
            let body = "";
            res.on("data", (c: Buffer) => (body += c.toString()));
            res.on("end", () =>
              resolve({
                status: res.statusCode ?? 0,
                body,
                requestId: res.headers["x-amzn-requestid"] as string | undefined,
              }),
            );
          },
        );
        req.on("error", reject);
        req.write("{");
      },
    );
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body)).toEqual({
      __type: "RequestEntityTooLargeException",
      message: "Request body is larger than the 2097152-byte limit for this operation.",
    });
    expect(result.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("rejects an undeclared (chunked) body once it passes the limit", async () => {
    const r = await send(sandbox, {
      service: "sts",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `Action=GetCallerIdentity&Version=2011-06-15&Pad=${"x".repeat(300 * 1024)}`,
    });
    expect(r.status).toBe(413);
    expect(r.text).toContain("<Code>RequestEntityTooLarge</Code>");
  });

  it("answers unknown routes, targets and content types with 4xx in shape, each with a request id", async () => {
    const path = await send(sandbox, { service: "bedrock", method: "GET", path: "/nothing/here" });
    expect(path.status).toBe(404);
    expect(path.headers.get("x-amzn-errortype")).toBe("UnknownOperationException");
    const target = await send(sandbox, {
      service: "logs",
      headers: jsonHeaders("Logs_20140328.DoSomethingElse"),
      body: "{}",
    });
    expect(target.status).toBe(400);
    expect(JSON.parse(target.text).__type).toBe("UnknownOperationException");
    const type = await send(sandbox, {
      service: "logs",
      headers: { "x-amz-target": "Logs_20140328.DescribeLogGroups", "content-type": "text/plain" },
      body: "{}",
    });
    expect(type.status).toBe(400);
    const method = await send(sandbox, {
      service: "bedrock",
      method: "POST",
      path: "/logging/modelinvocations",
      body: "{}",
    });
    expect(method.status).toBe(405);
    for (const r of [path, target, type, method]) expect(r.headers.get("x-amzn-requestid")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("speaks HTTP/2 (h2c) on the same port, admin included", async () => {
    const session = connectHttp2(sandbox.endpoint);
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const req = session.request({ ":path": "/_sandbox/health" });
        req.on("response", (h) => resolve(Number(h[":status"])));
        req.on("error", reject);
        req.end();
      });
      expect(status).toBe(200);
    } finally {
      session.close();
    }
  });

  it("keeps data in a database file across restarts", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sandbox-"));
    try {
      const dbPath = join(dir, "sandbox.db");
      const first = await startTestSandbox({ dbPath });
      await clients(first).logs.send(new CreateLogGroupCommand({ logGroupName: "/kept" }));
      await first.close();
      const second = await startTestSandbox({ dbPath });
      const groups = await clients(second).logs.send(new DescribeLogGroupsCommand({}));
      expect(groups.logGroups?.map((g) => g.logGroupName)).toEqual(["/kept"]);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("runSandboxServer", () => {
  it("prints the lines to paste, serves, and stops when the signal aborts", async () => {
    const out = new PassThrough();
    let text = "";
    out.on("data", (c: Buffer) => (text += c.toString()));
    const controller = new AbortController();
    const done = runSandboxServer({ port: 0, env: {}, deliveryDelayMs: 0 }, out, controller.signal);
    await expect.poll(() => text, { timeout: 5000 }).toContain("export AWS_ENDPOINT_URL=");
    const endpoint = /export AWS_ENDPOINT_URL=(\S+)/.exec(text)?.[1] ?? "";
    expect(text).toContain("export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE");
    expect(text).toContain("export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    expect(text).toContain("export AWS_REGION=us-east-1");
    expect(text).toMatch(/simulated/);
    expect(text).toMatch(/mô phỏng/);
    expect((await fetch(`${endpoint}/_sandbox/health`)).status).toBe(200);
    controller.abort();
    await done;
    await expect(fetch(`${endpoint}/_sandbox/health`)).rejects.toThrow();
  });
});
