/** `genai-lab sandbox` as a learner runs it (its own process, a file database), for the side-by-side with moto. */
import { spawn, type ChildProcess } from "node:child_process";
import type { Endpoint } from "./put-log-events.js";

export interface SandboxProcess extends Endpoint {
  stop(): Promise<void>;
}

/** Starts `node bin stateDir`'s sandbox on a free port and reads its endpoint and keys from what it prints. */
export async function startSandboxProcess(bin: string, stateDir: string): Promise<SandboxProcess> {
  const child = spawn(process.execPath, [bin, "sandbox", "--port", "0", "--state-dir", stateDir], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, LANG: "en_US.UTF-8" },
  });
  let out = "";
  child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
  const ready = await new Promise<Endpoint>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`genai-lab sandbox did not start within 30 s:\n${out}`)), 30_000);
    child.once("exit", (code) => reject(new Error(`genai-lab sandbox exited ${code}:\n${out}`)));
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const value = (name: string) => new RegExp(`export ${name}=(\\S+)`).exec(out)?.[1];
      const [endpoint, accessKeyId, secretAccessKey] = [
        "AWS_ENDPOINT_URL",
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
      ].map(value);
      if (endpoint && accessKeyId && secretAccessKey) {
        clearTimeout(timer);
        resolve({ endpoint, credentials: { accessKeyId, secretAccessKey } });
      }
    });
  });
  return {
    ...ready,
    stop: () => stopProcess(child),
  };
}

/** Sends SIGTERM to `child` and resolves once it has exited (at once if it already has). */
export function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
