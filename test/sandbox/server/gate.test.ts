/**
 * No web page can drive the sandbox: a foreign Host (DNS rebinding), a cross-site Origin or Sec-Fetch-Site and a
 * "simple" admin POST are refused on every route, in the protocol's error shape, before anything happens; the
 * health endpoint shows no local path; and the real clients (Host 127.0.0.1:PORT or localhost:PORT) keep working.
 */
import { execFile } from "node:child_process";
import { request } from "node:http";
import { connect as connectHttp2 } from "node:http2";
import { mkdtempSync, rmSync } from "node:fs";
import { hostname, networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { CreateLogGroupCommand, DescribeLogGroupsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { CreateRoleCommand, GetRoleCommand } from "@aws-sdk/client-iam";
import { afterAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../../../src/sandbox/index.js";
import { hostAllowList, normalizeHost } from "../../../src/sandbox/server/gate.js";
import { clients, LOGGING_TRUST, sandboxForFile, startTestSandbox } from "../helpers.js";
import { jsonHeaders, presignedPath, signRequest } from "../signing.js";

const dir = mkdtempSync(join(tmpdir(), "gate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const { sandbox, c } = await sandboxForFile({ dbPath: join(dir, "sandbox.db") });
const url = new URL(sandbox.endpoint);

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP/1.1 request with exactly these headers (fetch would not let a test set Host or Origin). */
function raw(
  target: RunningSandbox,
  path: string,
  headers: Record<string, string>,
  body = "",
  method = body ? "POST" : "GET",
): Promise<Answer> {
  const at = new URL(target.endpoint);
  return new Promise((resolve, reject) => {
    const req = request({ host: at.hostname, port: at.port, method, path, headers, setHost: false }, (res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => (text += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

/**
 * A request validly signed with the documented keys for `host` (what a rebinding page's script can compute), sent
 * to the sandbox with the browser's own headers added.
 */
async function signed(
  service: string,
  init: { headers: Record<string, string>; body: string },
  host: string,
  browser: Record<string, string> = {},
): Promise<Answer> {
  const s = await signRequest(sandbox, { service, headers: { ...init.headers, host }, body: init.body });
  return raw(sandbox, s.path, { ...(s.headers as Record<string, string>), ...browser }, init.body);
}

/** POSTs to the admin faults route from this machine, with this content type and any browser headers. */
const postFaults = (type: string, body: string, browser: Record<string, string> = {}): Promise<Answer> =>
  raw(sandbox, "/_sandbox/faults", { host: url.host, "content-type": type, ...browser }, body);

const faults = async (): Promise<string> =>
  JSON.parse((await raw(sandbox, "/_sandbox/faults", { host: url.host })).body).faults as string;

describe("the Host check (DNS rebinding)", () => {
  it("refuses a foreign Host on AWS routes in the protocol's shape, before acting", async () => {
    const json = await signed(
      "logs",
      { headers: jsonHeaders("Logs_20140328.CreateLogGroup"), body: JSON.stringify({ logGroupName: "/rebound" }) },
      `evil.example:${url.port}`,
    );
    expect(json.status).toBe(403);
    expect(JSON.parse(json.body)).toMatchObject({ __type: "AccessDeniedException" });
    expect(JSON.parse(json.body).message).toMatch(/Host 'evil\.example:\d+' is not a name this sandbox serves/);
    const groups = await c.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: "/rebound" }));
    expect(groups.logGroups).toEqual([]);

    const query = await signed(
      "sts",
      {
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "Action=GetCallerIdentity&Version=2011-06-15",
      },
      "attacker.test",
    );
    expect(query.status).toBe(403);
    expect(query.body).toContain("<Code>AccessDenied</Code>");
    const admin = await raw(sandbox, "/_sandbox/health", { host: "attacker.test" });
    expect(admin.status).toBe(403);
    expect(JSON.parse(admin.body).message).toMatch(/Request refused/);
  });

  it("refuses a foreign :authority over HTTP/2", async () => {
    const session = connectHttp2(sandbox.endpoint);
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const req = session.request({ ":path": "/_sandbox/health", ":authority": "evil.example" });
        req.on("response", (h) => resolve(Number(h[":status"])));
        req.on("error", reject);
        req.end();
      });
      expect(status).toBe(403);
    } finally {
      session.close();
    }
  });

  it("keeps serving the names real clients send: 127.0.0.1:PORT, localhost:PORT, [::1]", async () => {
    expect((await c.sts.send(new GetCallerIdentityCommand({}))).Account).toBe("123456789012");
    const viaLocalhost = clients({ ...sandbox, endpoint: `http://localhost:${url.port}` });
    expect((await viaLocalhost.sts.send(new GetCallerIdentityCommand({}))).Account).toBe("123456789012");
    await viaLocalhost.logs.send(new CreateLogGroupCommand({ logGroupName: "/via-localhost" }));
    for (const host of [`localhost:${url.port}`, `LOCALHOST.:${url.port}`, `[::1]:${url.port}`, "127.0.0.1"]) {
      expect((await raw(sandbox, "/_sandbox/health", { host })).status, host).toBe(200);
    }
  });

  it("answers to names an instructor allows (--allow-host)", async () => {
    const allowing = await startTestSandbox({ allowHosts: ["class.example"] });
    try {
      const port = new URL(allowing.endpoint).port;
      expect((await raw(allowing, "/_sandbox/health", { host: `class.example:${port}` })).status).toBe(200);
      expect((await raw(allowing, "/_sandbox/health", { host: `other.example:${port}` })).status).toBe(403);
    } finally {
      await allowing.close();
    }
  });

  it("for a wildcard bind, accepts the machine's own names and addresses, and still no other name", () => {
    // Checked on the allow-list itself: the tests never listen beyond loopback.
    const wide = hostAllowList("0.0.0.0", ["class.example"]);
    const addresses = Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address));
    for (const host of [hostname(), `${hostname()}:4566`, "class.example", "localhost:4566", ...addresses]) {
      expect(wide.allows(host), host).toBe(true);
    }
    expect(wide.allows("evil.example")).toBe(false);
    const loopbackOnly = hostAllowList("127.0.0.1");
    expect(loopbackOnly.allows(hostname())).toBe(hostname() === "localhost");
    expect(loopbackOnly.allows("127.0.0.1:4566")).toBe(true);
  });

  it("reads Host values the way browsers and clients write them", () => {
    expect(normalizeHost("LocalHost.:4566")).toBe("localhost");
    expect(normalizeHost("[::1]:4566")).toBe("::1");
    expect(normalizeHost("::1")).toBe("::1");
    expect(normalizeHost("127.0.0.1")).toBe("127.0.0.1");
  });
});

describe("browser requests from other sites (CSRF)", () => {
  it("are refused on every route, admin included: the text/plain faults POST no longer applies", async () => {
    const before = await faults();
    const attack = await postFaults("text/plain", "5xx=1,scope=all", {
      origin: "https://evil.example",
      "sec-fetch-site": "cross-site",
    });
    expect(attack.status).toBe(403);
    // Even without the browser's headers, a "simple" content type (what a page may send unasked) is refused.
    const simple = await postFaults("text/plain", "5xx=1,scope=all");
    expect(simple.status).toBe(415);
    const form = await postFaults("application/x-www-form-urlencoded", "5xx=1");
    expect(form.status).toBe(415);
    expect(await faults()).toBe(before);
    const json = await postFaults("application/json", '{"faults":"latency=1"}');
    expect(json.status).toBe(200);
    await postFaults("application/json", '{"faults":"none,iam-delay=0"}');
  });

  it("cannot delete the lab's role with an <img>-style presigned GET", async () => {
    await c.iam.send(new CreateRoleCommand({ RoleName: "lab-role", AssumeRolePolicyDocument: LOGGING_TRUST }));
    const path = await presignedPath(sandbox, {
      service: "iam",
      query: { Action: "DeleteRole", Version: "2010-05-08", RoleName: "lab-role" },
    });
    const browsers: Record<string, string>[] = [
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
      { origin: "null" },
      { origin: "http://localhost:3000" },
    ];
    for (const browser of browsers) {
      const answer = await raw(sandbox, path, { host: url.host, ...browser });
      expect(answer.status, JSON.stringify(browser)).toBe(403);
      expect(answer.body).toContain("<Code>AccessDenied</Code>");
    }
    expect((await c.iam.send(new GetRoleCommand({ RoleName: "lab-role" }))).Role?.RoleName).toBe("lab-role");
    // The same URL opened by hand (no Origin, Sec-Fetch-Site: none) is the learner's own doing.
    const typed = await raw(sandbox, path, { host: url.host, "sec-fetch-site": "none" });
    expect(typed.status).toBe(200);
  });

  it("lets the sandbox's own origin through", async () => {
    const own = await raw(sandbox, "/_sandbox/health", {
      host: url.host,
      origin: `http://${url.host}`,
      "sec-fetch-site": "same-origin",
    });
    expect(own.status).toBe(200);
  });
});

describe("the health endpoint", () => {
  it("says what it is without revealing local paths", async () => {
    const text = (await raw(sandbox, "/_sandbox/health", { host: url.host })).body;
    expect(JSON.parse(text)).toMatchObject({ status: "ok", storage: "file", endpoint: sandbox.endpoint });
    expect(text).not.toContain(dir);
    expect(text).not.toMatch(/sandbox\.db|dbPath|\/tmp\//);
  });
});

const exec = promisify(execFile);
const hasPython = await exec("python3", ["-c", "import boto3"]).then(
  () => true,
  () => false,
);

describe("the learner's own tools", () => {
  it.skipIf(!hasPython)("boto3 works against http://127.0.0.1:PORT and http://localhost:PORT", async () => {
    const script = [
      "import boto3, sys",
      "for url in sys.argv[1:]:",
      "  sts = boto3.client('sts', endpoint_url=url, region_name='us-east-1', aws_access_key_id='AKIAIOSFODNN7EXAMPLE', aws_secret_access_key='wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')",
      "  print(sts.get_caller_identity()['Account'])",
    ].join("\n");
    const { stdout } = await exec("python3", ["-c", script, sandbox.endpoint, `http://localhost:${url.port}`], {
      timeout: 15_000,
    });
    expect(stdout.trim().split("\n")).toEqual(["123456789012", "123456789012"]);
  });
});
