/** Per-protocol SDK clients with raw-reply capture, for the conformance suites. */
import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { AwsQueryProtocol, AwsSmithyRpcV2CborProtocol } from "@aws-sdk/core/protocols";
import type { RunningSandbox } from "../../../src/sandbox/index.js";
import { clients } from "../helpers.js";
import type { Clients } from "../helpers.js";
import { captureReplies } from "./harness.js";
import type { WireProtocol } from "./harness.js";
import type { Protocolled } from "./runner.js";

/** The client of a service under test, built on the default clients' configuration. */
function withCapture<T extends { middlewareStack: unknown; send(command: unknown): Promise<unknown> }>(
  protocol: WireProtocol,
  client: T,
  all: Clients,
  sandbox: RunningSandbox,
): Protocolled<Clients> {
  const replies = captureReplies(client as never);
  return { protocol, client, replies, clients: all, sandbox };
}

/** CloudWatch in the three protocols its clients use today: AWS JSON 1.0 (query mode), AWS Query, RPC v2 CBOR. */
export function cloudwatchProtocols(sandbox: RunningSandbox): Protocolled<Clients>[] {
  const all = clients(sandbox);
  const config = {
    endpoint: sandbox.endpoint,
    region: sandbox.region,
    credentials: sandbox.credentials,
    maxAttempts: 1,
  };
  return [
    withCapture("json-1.0", new CloudWatchClient(config), all, sandbox),
    withCapture("query", new CloudWatchClient({ ...config, protocol: AwsQueryProtocol }), all, sandbox),
    withCapture("cbor", new CloudWatchClient({ ...config, protocol: AwsSmithyRpcV2CborProtocol }), all, sandbox),
  ];
}

/** A service that speaks one protocol: its default client, captured. */
export function singleProtocol(
  sandbox: RunningSandbox,
  protocol: WireProtocol,
  pick: (c: Clients) => { middlewareStack: unknown; send(command: unknown): Promise<unknown> },
): Protocolled<Clients>[] {
  const all = clients(sandbox);
  return [withCapture(protocol, pick(clients(sandbox)), all, sandbox)];
}
