/**
 * The harness's ceiling for the PutLogEvents side-by-side: a Node server in its own process that reads each request
 * body whole and answers a fixed PutLogEvents reply, doing nothing else. Whatever it measures is the client's and
 * loopback's own cost; no server measured by the same client can go faster.
 */
import { spawn } from "node:child_process";
import { stopProcess, type SandboxProcess } from "./process.js";
import type { Endpoint } from "./put-log-events.js";

const SERVER = `
const server = require("node:http").createServer((req, res) => {
  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", () => {
    Buffer.concat(chunks);
    res.setHeader("content-type", "application/x-amz-json-1.1");
    res.end('{"nextSequenceToken":"49000000000000000000000000000000000000000000000000000002"}');
  });
});
server.listen(0, "127.0.0.1", () => console.log("PORT " + server.address().port));
`;

/** A server in its own process: where to reach it, and how to stop it (as a sandbox process). */
export type ServerProcess = SandboxProcess;

/** The ceiling server (SERVER above), in its own process. */
export const startCeiling = (): Promise<ServerProcess> =>
  startPortServer(["-e", SERVER], { accessKeyId: "ceiling", secretAccessKey: "ceiling" });

/** `node ...args` in its own process, once it has printed "PORT n" (the ceiling, or bound/index.js). */
export async function startPortServer(args: string[], credentials: Endpoint["credentials"]): Promise<ServerProcess> {
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.once("exit", (code) => reject(new Error(`node ${args.join(" ").slice(0, 80)} exited ${code}`)));
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /PORT (\d+)/.exec(out);
      if (m?.[1] !== undefined) resolve(m[1]);
    });
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    credentials,
    stop: () => stopProcess(child),
  };
}
