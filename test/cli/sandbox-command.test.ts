/**
 * `genai-lab sandbox --allow-host NAME` (repeatable): the standalone sandbox answers to that Host name too, and to
 * no other foreign name; a value that is not a host name is a usage error.
 */
import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { runBinary, runCli } from "../helpers/cli.js";

function statusFor(endpoint: string, host: string): Promise<number> {
  const url = new URL(endpoint);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: "/_sandbox/health", headers: { host }, setHost: false },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on("error", reject);
    req.end();
  });
}

describe("genai-lab sandbox --allow-host", () => {
  it("answers to the allowed names, and to no other", async () => {
    let seen: Promise<Record<string, number>> | undefined;
    const result = await runBinary(
      ["sandbox", "--port", "0", "--in-memory", "--allow-host", "class.example", "--allow-host", "lab.local"],
      {},
      (chunk, child) => {
        const endpoint = /export AWS_ENDPOINT_URL=(\S+)/.exec(chunk)?.[1];
        if (endpoint === undefined || seen !== undefined) return;
        const port = new URL(endpoint).port;
        seen = (async () => {
          const statuses: Record<string, number> = {};
          for (const host of ["class.example", "lab.local", `localhost:${port}`, "evil.example"]) {
            statuses[host] = await statusFor(endpoint, host);
          }
          return statuses;
        })().finally(() => child.kill("SIGINT"));
      },
    );
    expect(result.code).toBe(0);
    const port = /127\.0\.0\.1:(\d+)/.exec(result.stdout)?.[1] ?? "";
    expect(await seen).toEqual({
      "class.example": 200,
      "lab.local": 200,
      [`localhost:${port}`]: 200,
      "evil.example": 403,
    });
  });

  it("refuses a value that is not a host name, naming the flag", async () => {
    const result = await runCli(["sandbox", "--in-memory", "--allow-host", "http://x/"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--allow-host/);
  });
});
