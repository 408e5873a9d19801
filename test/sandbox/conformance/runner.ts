/**
 * Runs a service's conformance cases in every wire protocol the sandbox speaks for it: each case calls the real SDK
 * client, checks the raw reply against the model (success shape or error code on the wire) and then the case's own
 * expectation, which names its source (the model file, the API reference page or a recorded AWS response).
 */
import { describe, expect, it } from "vitest";
import type { RunningSandbox } from "../../../src/sandbox/index.js";
import type { ServiceShapes } from "../../../src/sandbox/protocol/shape.js";
import { errorMemberProblems, errorOnWire, exchange, successProblems } from "./harness.js";
import type { Exchange, WireProtocol } from "./harness.js";

export interface ErrorExpectation {
  /** The code clients see: the AWS Query <Code>, boto3's Error.Code, the SDK's error name. */
  code: string;
  /** The JSON/CBOR `__type` where it differs from `code` (CloudWatch's query-compatible errors). */
  type?: string;
  status: number;
  message?: string | RegExp;
  /** The SDK's error name where it is neither (two shapes share one Query code and the SDK picks the other). */
  sdkName?: string;
}

export interface Protocolled<C> {
  protocol: WireProtocol;
  /** The client under test (speaking `protocol`) and the raw replies it received. */
  client: { send(command: unknown): Promise<unknown> };
  replies: Exchange[];
  /** Default clients of every service, for setting up state. */
  clients: C;
  sandbox: RunningSandbox;
}

export interface Via {
  client: { send(command: unknown): Promise<unknown> };
  replies: Exchange[];
}

export interface ConformanceCase<C> {
  op: string;
  name: string;
  /** Where the expectation comes from. */
  source: string;
  /** Runs first; its result is handed to `input` and `expect`. `tag` is unique per case and protocol. */
  setup?: (p: Protocolled<C>, tag: string) => Promise<unknown>;
  input: (tag: string, prepared: unknown) => Record<string, unknown>;
  expect:
    | { error: ErrorExpectation }
    | ((
        output: Record<string, unknown>,
        p: Protocolled<C> & { tag: string; prepared: unknown },
      ) => void | Promise<void>);
  protocols?: readonly WireProtocol[];
  /** Another client to send with (e.g. one signed with assumed-role credentials), built after setup. */
  via?: (p: Protocolled<C>, prepared: unknown) => Via;
}

export interface ServiceUnderTest<C> {
  name: string;
  shapes: ServiceShapes;
  sdk: Record<string, unknown>;
  /** The protocols this service speaks, each with the client that speaks it. */
  protocols: () => readonly Protocolled<C>[];
  /** Codes whose query-compatible header (`x-amzn-query-error`) must be present (CloudWatch over JSON and CBOR). */
  queryCompatible?: boolean;
}

let counter = 0;

export function runConformance<C>(service: ServiceUnderTest<C>, cases: readonly ConformanceCase<C>[]): void {
  describe(`${service.name} conformance`, () => {
    for (const p of service.protocols()) {
      describe(p.protocol, () => {
        for (const c of cases) {
          if (c.protocols !== undefined && !c.protocols.includes(p.protocol)) continue;
          it(`${c.op}: ${c.name}`, async () => {
            counter += 1;
            const tag = `c${counter}${p.protocol.replace(/[^a-z0-9]/g, "")}`;
            const prepared = c.setup === undefined ? undefined : await c.setup(p, tag);
            const Command = service.sdk[`${c.op}Command`] as (new (input: unknown) => unknown) | undefined;
            if (Command === undefined) throw new Error(`the SDK has no ${c.op}Command`);
            const sender = c.via?.(p, prepared) ?? p;
            const outcome = await exchange(sender.client, sender.replies, new Command(c.input(tag, prepared)));
            if (typeof c.expect === "function") {
              expect(outcome.error, `${c.op} failed: ${outcome.error?.message}`).toBeUndefined();
              expect(successProblems(p.protocol, outcome.reply, service.shapes, c.op)).toEqual([]);
              await c.expect(outcome.output ?? {}, { ...p, tag, prepared });
              return;
            }
            const want = c.expect.error;
            expect(outcome.error, `${c.op} succeeded`).toBeDefined();
            expect(outcome.error?.status).toBe(want.status);
            if (want.message !== undefined) expect(outcome.error?.message).toMatch(want.message);
            const wire = errorOnWire(p.protocol, outcome.reply);
            if (p.protocol === "query") expect(wire.code).toBe(want.code);
            else expect(wire.type?.replace(/^.*#/, "")).toBe(want.type ?? want.code);
            if (service.queryCompatible === true && p.protocol !== "query")
              expect(wire.queryError).toBe(`${want.code};${want.status >= 500 ? "Receiver" : "Sender"}`);
            if (want.message !== undefined) expect(wire.message).toMatch(want.message);
            expect(errorMemberProblems(p.protocol, outcome.reply, service.shapes, want.type ?? want.code)).toEqual([]);
            // The SDK names a modelled error by its shape, whatever the protocol.
            expect(outcome.error?.name).toBe(want.sdkName ?? want.type ?? want.code);
          });
        }
      });
    }
  });
}

/** A call whose model has no output: the SDK answers nothing but $metadata. */
export const noOutput = (out: Record<string, unknown>): void => expect(Object.keys(out)).toEqual(["$metadata"]);

/** An exact message (a string matches itself, not as a pattern). */
export const exactly = (text: string): RegExp => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
