/**
 * The moto server (Python, `python -m moto.server`), the field's usual local AWS mock, started on a free loopback port
 * for a side-by-side comparison in one run. MOTO_PYTHON names the interpreter (default: python3).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

export interface Moto {
  endpoint: string;
  version: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts moto's server and waits until it answers; throws when moto is not installed. */
export async function startMoto(): Promise<Moto> {
  const python = process.env.MOTO_PYTHON ?? "python3";
  const port = await freePort();
  const child: ChildProcess = spawn(python, ["-m", "moto.server", "-H", "127.0.0.1", "-p", String(port)], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const endpoint = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`moto server exited ${child.exitCode}:\n${stderr}`);
    try {
      if ((await fetch(`${endpoint}/moto-api/`)).status < 500) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`moto server did not answer within 30 s:\n${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const version = await new Promise<string>((resolve) => {
    const probe = spawn(python, ["-c", "import moto; print(moto.__version__)"]);
    let out = "";
    probe.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    probe.on("close", () => resolve(out.trim() || "unknown"));
  });
  return {
    endpoint,
    version,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
