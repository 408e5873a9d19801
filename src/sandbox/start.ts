import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { SANDBOX_DEFAULTS } from "./context.js";
import { createSandboxCore } from "./core.js";
import { FAULTS_ENV, resolveFaults } from "./faults/config.js";
import { describeLabel } from "./model/index.js";
import { createModelSource } from "./model-source.js";
import type { RunningSandbox, SandboxOptions } from "./options.js";
import { handleHttp } from "./server/dispatch.js";
import { hostAllowList } from "./server/gate.js";
import { HeavyRequests } from "./server/heavy.js";
import { DEFAULT_LIMITS } from "./server/limits.js";
import { createDualServer } from "./server/listener.js";
import { openDatabase } from "./storage/db.js";

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

export class SandboxHostError extends Error {
  override readonly name = "SandboxHostError";
}

function writeStderr(text: string): void {
  process.stderr.write(`${text}\n`);
}

/** Starts the sandbox on `host:port` and resolves once it listens. */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const host = options.host ?? SANDBOX_DEFAULTS.host;
  const warn = options.onWarning ?? ((m: string) => writeStderr(`genai-lab sandbox: warning: ${m}`));
  if (!LOOPBACK_HOSTS.has(host) && !host.startsWith("127.")) {
    if (!options.allowNonLoopback) {
      throw new SandboxHostError(
        `Refusing to listen on ${host}: the sandbox accepts a well-known key pair, so it binds to loopback only. Pass the host explicitly (--host) to allow it.`,
      );
    }
    warn(`listening on ${host}: anyone who can reach this address can use the sandbox with its documented keys.`);
  }
  const env = options.env ?? process.env;
  // The environment's faults first, then the options' on top (an unset or blank variable changes nothing).
  const faults = resolveFaults(options.faults, resolveFaults(env[FAULTS_ENV]));

  const credentials = {
    ...(options.credentials ?? {
      accessKeyId: SANDBOX_DEFAULTS.accessKeyId,
      secretAccessKey: SANDBOX_DEFAULTS.secretAccessKey,
    }),
  };
  const accountId = options.accountId ?? SANDBOX_DEFAULTS.accountId;
  const region = options.region ?? SANDBOX_DEFAULTS.region;
  const model = createModelSource(options, env);
  const dbPath = options.dbPath ?? ":memory:";
  const db = openDatabase(dbPath);
  let endpoint = "";
  const instanceId = randomUUID();
  const runtime = createSandboxCore({
    db,
    credentials,
    accountId,
    region,
    faults,
    deliveryDelayMs: options.deliveryDelayMs ?? 3000,
    model,
    now: options.now ?? Date.now,
    onError:
      options.onError ??
      ((e: unknown) =>
        writeStderr(`genai-lab sandbox: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`)),
    // Never a local path: the health endpoint answers anyone on the machine.
    info: () => ({
      endpoint,
      accountId,
      region,
      instance: instanceId,
      storage: dbPath === ":memory:" ? "memory" : "file",
      simulated: model.label.kind === "simulated",
      model: describeLabel(model.label),
    }),
  });

  // In-flight exchanges finish before the database closes, so close() never races a handler.
  const inflight = new Set<Promise<void>>();
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const front = { hosts: hostAllowList(host, options.allowHosts), limits, heavy: new HeavyRequests() };
  const { server, dropConnections } = createDualServer((req, res) => {
    const done: Promise<void> = handleHttp(runtime, front, req, res)
      .catch((error: unknown) => {
        runtime.onInternalError(error);
        if (!res.headersSent) {
          res.statusCode = 500;
          res.end();
        }
      })
      .finally(() => inflight.delete(done));
    inflight.add(done);
  }, limits);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? SANDBOX_DEFAULTS.port, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    db.close();
    throw error;
  }
  const address = server.address() as AddressInfo;
  const urlHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  endpoint = `http://${urlHost}:${address.port}`;
  let closed: Promise<void> | undefined;
  return {
    endpoint,
    port: address.port,
    host,
    credentials,
    region,
    accountId,
    instanceId,
    model: model.label,
    get faults() {
      return runtime.faults.config;
    },
    setFaults: (f) => runtime.faults.set(resolveFaults(f, runtime.faults.config)),
    close: () =>
      (closed ??= new Promise<void>((resolve) => {
        server.close(() => {
          void Promise.allSettled([...inflight]).then(() => {
            db.close();
            resolve();
          });
        });
        dropConnections();
      })),
  };
}
