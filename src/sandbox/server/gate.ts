/**
 * Who may talk to the sandbox at all, checked before anything else on every route (admin included):
 *
 * - DNS rebinding: a web page's own name can be made to resolve to 127.0.0.1, so its requests arrive with
 *   `Host: evil.example:4566`. Only the names the server was bound for are accepted: loopback names and addresses
 *   and the `--host` value; for a wildcard bind (0.0.0.0, ::) also the machine's own addresses and host name; plus
 *   any name the instructor allows (`--allow-host`). The AWS CLI, boto3 and the SDKs send `127.0.0.1:PORT` or
 *   `localhost:PORT`, so they are unaffected.
 * - CSRF: browsers say where a request comes from (`Origin`, `Sec-Fetch-Site`); a cross-site one is refused.
 *   Non-browser clients send neither. A page the user opened by hand (`Sec-Fetch-Site: none`) is fine.
 */
import { hostname, networkInterfaces } from "node:os";
import { isIP } from "node:net";
import type { Headers } from "./types.js";

const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "::1"];
const WILDCARDS = new Set(["0.0.0.0", "::", "0:0:0:0:0:0:0:0", ""]);
/** How long the machine's addresses are trusted before they are listed again (Wi-Fi and DHCP change them). */
const INTERFACES_TTL_MS = 10_000;

export interface HostAllowList {
  allows(host: string): boolean;
  /** For messages: what is accepted. */
  describe(): string;
}

/** The names a server bound to `bindHost` answers to. */
export function hostAllowList(bindHost: string, extra: readonly string[] = []): HostAllowList {
  const fixed = new Set([...LOOPBACK_NAMES, ...extra, bindHost].map(normalizeHost).filter((h) => h !== ""));
  const wildcard = WILDCARDS.has(bindHost);
  let machine = new Set<string>();
  let listedAt = -Infinity;
  const machineNames = (): Set<string> => {
    if (Date.now() - listedAt > INTERFACES_TTL_MS) {
      const addresses = Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address));
      const name = hostname();
      machine = new Set([name, `${name}.local`, ...addresses].map(normalizeHost));
      listedAt = Date.now();
    }
    return machine;
  };
  return {
    allows(host) {
      const h = normalizeHost(host);
      if (fixed.has(h) || isLoopbackLiteral(h)) return true;
      return wildcard && machineNames().has(h);
    },
    describe: () => [...fixed, ...(wildcard ? ["this machine's addresses and name"] : [])].join(", "),
  };
}

/** "LocalHost.:4566" → "localhost", "[::1]:80" → "::1", "fe80::1%eth0" → "fe80::1". */
export function normalizeHost(value: string): string {
  let h = value.trim().toLowerCase();
  if (h.startsWith("[")) h = h.slice(1, h.indexOf("]") < 0 ? undefined : h.indexOf("]"));
  else if (h.indexOf(":") === h.lastIndexOf(":")) h = h.replace(/:\d*$/, "");
  return h.replace(/%.*$/, "").replace(/\.$/, "");
}

function isLoopbackLiteral(h: string): boolean {
  return (isIP(h) === 4 && h.startsWith("127.")) || h === "::1" || h.startsWith("::ffff:127.");
}

function header(headers: Headers, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Why a request is refused, or undefined when it may go on. */
export function refusal(headers: Headers, allowed: HostAllowList): string | undefined {
  const host = header(headers, ":authority") ?? header(headers, "host");
  if (host !== undefined && !allowed.allows(host)) {
    return `Host '${host.slice(0, 100)}' is not a name this sandbox serves (it accepts ${allowed.describe()}). An instructor can allow another name with genai-lab sandbox --allow-host NAME.`;
  }
  const site = header(headers, "sec-fetch-site")?.toLowerCase();
  if (site !== undefined && site !== "same-origin" && site !== "none") {
    return `The sandbox does not accept requests that a web page sends from another site (Sec-Fetch-Site: ${site.slice(0, 20)}).`;
  }
  const origin = header(headers, "origin");
  if (origin !== undefined && !sameOrigin(origin, host)) {
    return `The sandbox does not accept requests that a web page sends from another origin (Origin: ${origin.slice(0, 100)}).`;
  }
  return undefined;
}

/** Origin "http://127.0.0.1:4566" for Host "127.0.0.1:4566": the page came from the sandbox itself. */
function sameOrigin(origin: string, host: string | undefined): boolean {
  if (host === undefined) return false;
  const o = origin.trim().toLowerCase();
  const h = host.trim().toLowerCase();
  return o === `http://${h}` || o === `https://${h}`;
}
