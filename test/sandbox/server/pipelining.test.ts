/**
 * HTTP/1.1 pipelining: valid requests followed by a malformed one on the same connection each get their answer, in
 * order, and only then the 400 (the server used to drop the connection at the parse error, so calls that had taken
 * effect were never answered).
 */
import { connect } from "node:net";
import { DescribeLogGroupsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { describe, expect, it } from "vitest";
import type { RunningSandbox } from "../../../src/sandbox/index.js";
import { sandboxForFile } from "../helpers.js";
import { jsonHeaders, signRequest } from "../signing.js";

const { sandbox, c } = await sandboxForFile();

/** One signed request as HTTP/1.1 bytes. */
async function wire(target: RunningSandbox, op: string, body: object): Promise<string> {
  const text = JSON.stringify(body);
  const signed = await signRequest(target, {
    service: "logs",
    headers: jsonHeaders(`Logs_20140328.${op}`),
    body: text,
  });
  const headers = Object.entries(signed.headers).map(([k, v]) => `${k}: ${v}\r\n`);
  return `POST / HTTP/1.1\r\n${headers.join("")}content-length: ${Buffer.byteLength(text)}\r\n\r\n${text}`;
}

/** Writes `bytes` at once and collects everything the server sends until it closes (at most 5 s). */
function exchange(target: RunningSandbox, bytes: string): Promise<string> {
  const url = new URL(target.endpoint);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => socket.write(bytes));
    let got = "";
    socket.on("data", (chunk: Buffer) => (got += chunk.toString("latin1")));
    socket.on("close", () => resolve(got));
    socket.on("error", reject);
    socket.setTimeout(5000, () => socket.destroy());
  });
}

describe("pipelined requests", () => {
  it("are each answered, in order, before the 400 for a malformed one", async () => {
    const first = await wire(sandbox, "CreateLogGroup", { logGroupName: "/piped/one" });
    const second = await wire(sandbox, "CreateLogGroup", { logGroupName: "/piped/two" });
    const third = await wire(sandbox, "DescribeLogGroups", { logGroupNamePrefix: "/piped/" });
    const answers = await exchange(sandbox, `${first}${second}${third}GARBAGE / NOT-HTTP\r\n\r\n`);
    const statuses = [...answers.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((m) => Number(m[1]));
    expect(statuses).toEqual([200, 200, 200, 400]);
    // In order: the third answer lists both groups the first two created.
    expect(answers).toMatch(/"logGroupName":"\/piped\/one".*"logGroupName":"\/piped\/two"/s);
    const groups = await c.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: "/piped/" }));
    expect(groups.logGroups?.map((g) => g.logGroupName)).toEqual(["/piped/one", "/piped/two"]);
  });

  it("closes with a 400 at once when nothing valid came before", async () => {
    const answer = await exchange(sandbox, "GARBAGE / NOT-HTTP\r\n\r\n");
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
  });
});
