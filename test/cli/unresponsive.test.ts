import { mkdtempSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

/** An endpoint that accepts connections and never answers: a stuck proxy, a firewall that swallows packets. */
let server: Server;
let url: string;
const sockets: Socket[] = [];
beforeAll(async () => {
  server = createServer((socket) => void sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
});

describe("an endpoint that never answers", () => {
  it("does not hold the command: Ctrl+C while connecting exits 130 at once", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const started = Date.now();
    const stateDir = mkdtempSync(join(tmpdir(), "genai-lab-stuck-"));
    const result = await runCli(["check", "--endpoint-url", url, "--state-dir", stateDir], {}, controller.signal);
    expect(result.code).toBe(130);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
