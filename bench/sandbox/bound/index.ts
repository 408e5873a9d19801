/**
 * The sandbox's bound for the PutLogEvents side-by-side, run as its own process (`node dist/bench/sandbox/bound/
 * index.js`; it prints "PORT n"): the sandbox's own HTTP front door and dispatch (handleHttp: Host gate, body
 * limits, SigV4 with the body's hash, JSON decoding, the PutLogEvents handler's validation, the reply written by the
 * operation's model shape) with nothing stored and no per-request upkeep (seeded incidents, log delivery, alarms).
 * Whatever it measures, the sandbox cannot beat while it authenticates, parses and validates as it does: the
 * difference from the real sandbox is what storing (durably) and upkeep cost.
 */
import type { AddressInfo } from "node:net";
import { IdentityResolver } from "../../../src/sandbox/auth/identity.js";
import { SANDBOX_DEFAULTS } from "../../../src/sandbox/context.js";
import { DEFAULT_FAULTS } from "../../../src/sandbox/faults/config.js";
import { FaultInjector } from "../../../src/sandbox/faults/injector.js";
import { putEventsOperations } from "../../../src/sandbox/logs/put-events.js";
import { shapedOperations } from "../../../src/sandbox/protocol/shapes/index.js";
import { handleHttp, type SandboxRuntime } from "../../../src/sandbox/server/dispatch.js";
import { hostAllowList } from "../../../src/sandbox/server/gate.js";
import { HeavyRequests } from "../../../src/sandbox/server/heavy.js";
import { DEFAULT_LIMITS } from "../../../src/sandbox/server/limits.js";
import { createDualServer } from "../../../src/sandbox/server/listener.js";
import { openDatabase } from "../../../src/sandbox/storage/db.js";
import type { GroupRow, LogsStore, StreamRow } from "../../../src/sandbox/storage/logs-store.js";

const group: GroupRow = {
  id: 1,
  account_id: SANDBOX_DEFAULTS.accountId,
  region: SANDBOX_DEFAULTS.region,
  name: "/bench",
  created_at: Date.now(),
  retention_days: null,
  kms_key_id: null,
  log_group_class: "STANDARD",
  stored_bytes: 0,
  deletion_protection: 0,
};
let uploads = 0;
const stream: StreamRow = {
  id: 1,
  group_id: 1,
  name: "s",
  created_at: Date.now(),
  first_event_at: null,
  last_event_at: null,
  last_ingestion_at: null,
  upload_seq: 0,
};
/** What PutLogEvents asks of its store, answered without storing anything. */
const nothingStored = {
  requireGroup: () => group,
  findStream: () => stream,
  putEvents: () => (uploads += 1),
} as unknown as LogsStore;

const credentials = {
  accessKeyId: SANDBOX_DEFAULTS.accessKeyId,
  secretAccessKey: SANDBOX_DEFAULTS.secretAccessKey,
};
const runtime: SandboxRuntime = {
  now: Date.now,
  // Only the configured key pair is looked up; the (empty) database backs STS session keys, never used here.
  identities: new IdentityResolver(openDatabase(":memory:"), credentials, SANDBOX_DEFAULTS.accountId),
  faults: new FaultInjector(DEFAULT_FAULTS),
  beforeRequest: () => undefined,
  rpc: {
    logs: shapedOperations("logs", {
      CreateLogGroup: () => ({}),
      CreateLogStream: () => ({}),
      ...putEventsOperations(nothingStored),
    }),
  },
  rest: {},
  admin: async (_req, res) => void res.writeHead(404).end(),
  onInternalError: (error) => console.error(error),
};
const front = { hosts: hostAllowList("127.0.0.1"), limits: DEFAULT_LIMITS, heavy: new HeavyRequests() };
const { server } = createDualServer((req, res) => void handleHttp(runtime, front, req, res), DEFAULT_LIMITS);
server.listen(0, "127.0.0.1", () => console.log(`PORT ${(server.address() as AddressInfo).port}`));
process.on("SIGTERM", () => process.exit(0));
