/**
 * Every limit the sandbox's HTTP front end enforces, in one place (docs/security.md lists them for people).
 * The sandbox runs on one event loop: nothing a request sends may hold it, or a connection slot, for long.
 * (Nesting depth: MAX_DEPTH in ../protocol/depth.ts.)
 */
import type { ServiceName } from "../protocol/types.js";

export interface ServerLimits {
  /** Open connections at once. At the cap, the longest-idle connection makes room; if none is idle, the new one is closed. */
  maxConnections: number;
  /** A connection with no request in progress and nothing received is closed after this (Node's keep-alive default). */
  idleTimeoutMs: number;
  /** A request's headers must be complete this long after its first byte (or after the previous response). */
  headersTimeoutMs: number;
  /** A request's body must be complete this long after its headers (answered 408 RequestTimeout otherwise). */
  requestTimeoutMs: number;
  /** A response the client does not read any of for this long is abandoned and its connection closed. */
  sendTimeoutMs: number;
  /** How often connections are checked against the timeouts. */
  sweepMs: number;
}

export const DEFAULT_LIMITS: Readonly<ServerLimits> = {
  maxConnections: 128,
  idleTimeoutMs: 5_000,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 60_000,
  sendTimeoutMs: 30_000,
  sweepMs: 500,
};

const MiB = 1024 * 1024;

/**
 * Request body limits, checked against Content-Length before anything is read and again while reading (chunked
 * bodies), so an oversize body is never buffered. Where AWS documents a limit on what the body carries, the transport
 * limit leaves room for its encoding and the operation then answers AWS's own error for the documented limit:
 *   PutLogEvents   batch ≤ 1,048,576 bytes of messages (+26 per event)  → 2 MiB of JSON (framing, escaping)
 *   PutDashboard   DashboardBody ≤ 1 MB                                 → 3 MiB (JSON escaping or form encoding)
 *   PutMetricData  ≤ 1 MB per HTTP POST                                 → 1 MiB
 *   InvokeModel    body ≤ 25,000,000 bytes (the API reference's length constraint; the whole runtime uses it)
 *   IAM            policy documents ≤ 131,072 characters, form-encoded  → 1 MiB
 */
export const SERVICE_BODY_LIMITS: Readonly<Record<ServiceName | "unknown", number>> = {
  logs: MiB,
  monitoring: MiB,
  bedrock: MiB,
  "bedrock-runtime": 25_000_000,
  sts: 256 * 1024,
  iam: MiB,
  unknown: MiB,
};

const OPERATION_BODY_LIMITS: Readonly<Record<string, number>> = {
  "logs.PutLogEvents": 2 * MiB,
  "monitoring.PutDashboard": 3 * MiB,
  "monitoring.PutMetricData": MiB,
};

/**
 * The body limit for a request, as precisely as it is known: by operation when the headers or path name it, else the
 * largest any of the service's operations allows (a Query request names its Action in the body, checked once read).
 */
export function bodyLimit(service: ServiceName | undefined, operation: string | undefined): number {
  const name = service ?? "unknown";
  if (operation !== undefined) return OPERATION_BODY_LIMITS[`${name}.${operation}`] ?? SERVICE_BODY_LIMITS[name];
  const ops = Object.entries(OPERATION_BODY_LIMITS).filter(([key]) => key.startsWith(`${name}.`));
  return Math.max(SERVICE_BODY_LIMITS[name], ...ops.map(([, limit]) => limit));
}
