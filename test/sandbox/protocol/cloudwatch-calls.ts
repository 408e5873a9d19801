/** Test helper: raw CloudWatch calls in each of its wire protocols (AWS Query, JSON 1.0 query mode, RPC v2 CBOR). */
import { cbor } from "@smithy/core/cbor";
import type { RunningSandbox } from "../../../src/sandbox/index.js";
import { formHeaders, jsonHeaders, rfc3986, send } from "../signing.js";
import type { RawResponse } from "../signing.js";

export function cloudwatchCalls(sandbox: RunningSandbox) {
  const form = (params: Record<string, string>): string =>
    Object.entries({ Version: "2010-08-01", ...params })
      .map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`)
      .join("&");
  return {
    form,
    query: (params: Record<string, string>): Promise<RawResponse> =>
      send(sandbox, { service: "monitoring", headers: formHeaders, body: form(params) }),
    json: (operation: string, input: unknown): Promise<RawResponse> =>
      send(sandbox, {
        service: "monitoring",
        headers: { ...jsonHeaders(`GraniteServiceVersion20100801.${operation}`, "1.0"), "x-amzn-query-mode": "true" },
        body: JSON.stringify(input),
      }),
    cbor: (operation: string, input: Record<string, unknown>): Promise<RawResponse> =>
      send(sandbox, {
        service: "monitoring",
        path: `/service/GraniteServiceVersion20100801/operation/${operation}`,
        headers: { "content-type": "application/cbor", accept: "application/cbor", "smithy-protocol": "rpc-v2-cbor" },
        body: cbor.serialize(input),
      }),
  };
}
