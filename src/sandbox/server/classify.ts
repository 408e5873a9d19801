import type { Protocol, ServiceName } from "../protocol/types.js";
import { CLOUDWATCH_OPERATIONS } from "../cloudwatch/index.js";
import type { Headers } from "./types.js";

export interface Route {
  /** undefined when nothing in the request names a service the sandbox serves. */
  service: ServiceName | undefined;
  protocol: Protocol;
  /** From X-Amz-Target or the CBOR path; Query and REST operations are found later (body, path). */
  operation: string | undefined;
}

const TARGETS: Readonly<Record<string, { service: ServiceName; protocol: Protocol }>> = {
  Logs_20140328: { service: "logs", protocol: "json-1.1" },
  GraniteServiceVersion20100801: { service: "monitoring", protocol: "json-1.0" },
};

const CBOR_PATH = /^\/service\/([^/]+)\/operation\/([^/]+)$/;
const BEDROCK_CONTROL = /^\/(logging\/modelinvocations|foundation-models|inference-profiles)(\/|$)/;

const STS_ACTIONS = new Set(["GetCallerIdentity", "AssumeRole", "GetSessionToken", "GetAccessKeyInfo"]);
const MONITORING_ACTIONS: ReadonlySet<string> = new Set(CLOUDWATCH_OPERATIONS);

function header(headers: Headers, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The SigV4 credential-scope service, read without verifying anything (to route unsigned or bad requests too). */
export function scopeService(headers: Headers, rawQuery: string): string | undefined {
  const auth = header(headers, "authorization") ?? "";
  const fromHeader = /Credential=[^/,\s]*\/[^/,\s]*\/[^/,\s]*\/([^/,\s]*)\//.exec(auth)?.[1];
  if (fromHeader !== undefined) return fromHeader;
  const cred = /(?:^|&)X-Amz-Credential=([^&]*)/.exec(rawQuery)?.[1];
  if (cred === undefined) return undefined;
  try {
    return decodeURIComponent(cred).split("/")[3];
  } catch {
    return undefined;
  }
}

/** Guesses the Query service of an Action when the scope does not say (unsigned requests). */
export function serviceForAction(action: string | undefined, scope: string | undefined): ServiceName {
  if (scope === "sts" || scope === "iam" || scope === "monitoring") return scope;
  if (action !== undefined && MONITORING_ACTIONS.has(action)) return "monitoring";
  if (action !== undefined && STS_ACTIONS.has(action)) return "sts";
  return action === undefined ? "sts" : "iam";
}

/** Routes by what the wire says: X-Amz-Target, the CBOR path, the REST paths, else AWS Query. */
export function classify(method: string, rawPath: string, headers: Headers): Route {
  const target = header(headers, "x-amz-target");
  if (target !== undefined) {
    const dot = target.indexOf(".");
    const known = TARGETS[dot < 0 ? target : target.slice(0, dot)];
    const operation = dot < 0 ? undefined : target.slice(dot + 1);
    if (known !== undefined) return { ...known, operation };
    const contentType = header(headers, "content-type") ?? "";
    return { service: undefined, protocol: contentType.includes("1.0") ? "json-1.0" : "json-1.1", operation };
  }
  const cbor = CBOR_PATH.exec(rawPath);
  if (cbor !== null && method === "POST") {
    const service = cbor[1] === "GraniteServiceVersion20100801" ? "monitoring" : undefined;
    return { service, protocol: "cbor", operation: cbor[2] };
  }
  if (rawPath.startsWith("/model/")) return { service: "bedrock-runtime", protocol: "rest-json", operation: undefined };
  if (BEDROCK_CONTROL.test(rawPath)) return { service: "bedrock", protocol: "rest-json", operation: undefined };
  if (rawPath === "/" || rawPath === "") return { service: "sts", protocol: "query", operation: undefined };
  return { service: undefined, protocol: "rest-json", operation: undefined };
}
