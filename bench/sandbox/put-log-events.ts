/**
 * The PutLogEvents workload of bench/sandbox, the same for every server (the sandbox, the moto server): batches of
 * 1,000 JSON events to a new stream per run, one request in flight over a keep-alive connection. The requests are
 * built and signed (SigV4, as the SDK signs them) before the clock starts, so the time measured is the server's:
 * reading, authenticating, validating and storing the events, and answering.
 */
import { Agent, request } from "node:http";
import { Hash } from "@smithy/hash-node";
import { SignatureV4 } from "@smithy/signature-v4";

export interface Endpoint {
  endpoint: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

export const BATCHES = 20;
export const BATCH_SIZE = 1000;

interface Signed {
  headers: Record<string, string>;
  body: string;
}

/** A signed CloudWatch Logs JSON request (X-Amz-Target Logs_20140328.<action>). */
async function sign(signer: SignatureV4, url: URL, action: string, input: unknown): Promise<Signed> {
  const body = JSON.stringify(input);
  const signed = await signer.sign({
    method: "POST",
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path: "/",
    query: {},
    headers: {
      host: url.host,
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": `Logs_20140328.${action}`,
      "content-length": String(Buffer.byteLength(body)),
    },
    body,
  });
  return { headers: signed.headers, body };
}

function send(agent: Agent, url: URL, req: Signed): Promise<void> {
  return new Promise((resolve, reject) => {
    const call = request({
      agent,
      host: url.hostname,
      port: url.port,
      method: "POST",
      path: "/",
      headers: req.headers,
    });
    call.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => (res.statusCode === 200 ? resolve() : reject(new Error(`${res.statusCode}: ${text}`))));
    });
    call.on("error", reject);
    call.end(req.body);
  });
}

/** The server's log group made; `run(i)` sends one run's batches to a new stream and returns its events per second. */
export async function putLogEventsWorkload(
  target: Endpoint,
): Promise<{ run(i: number): Promise<number>; close(): void }> {
  const url = new URL(target.endpoint);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const signer = new SignatureV4({
    service: "logs",
    region: "us-east-1",
    credentials: target.credentials,
    sha256: Hash.bind(null, "sha256"),
  });
  const call = async (action: string, input: unknown) => send(agent, url, await sign(signer, url, action, input));
  await call("CreateLogGroup", { logGroupName: "/bench" });
  return {
    async run(i) {
      const stream = `s${i}`;
      await call("CreateLogStream", { logGroupName: "/bench", logStreamName: stream });
      const batches: Signed[] = [];
      for (let b = 0; b < BATCHES; b += 1) {
        const now = Date.now();
        const logEvents = Array.from({ length: BATCH_SIZE }, (_, e) => ({
          timestamp: now,
          message: `{"run":${i},"batch":${b},"i":${e},"level":"INFO","msg":"invocation completed in 412 ms"}`,
        }));
        batches.push(
          await sign(signer, url, "PutLogEvents", { logGroupName: "/bench", logStreamName: stream, logEvents }),
        );
      }
      const t0 = performance.now();
      for (const batch of batches) await send(agent, url, batch);
      return (BATCHES * BATCH_SIZE) / ((performance.now() - t0) / 1000);
    },
    close: () => agent.destroy(),
  };
}
