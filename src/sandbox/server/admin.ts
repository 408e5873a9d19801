/**
 * A tiny loopback-only admin API for tests and the lab's failure-path tests:
 *   GET  /_sandbox/health   → {"status":"ok","simulated":true,…} (no local paths: anyone on the machine can ask)
 *   GET  /_sandbox/faults   → {"faults":"<compact>","config":{…}}
 *   POST /_sandbox/faults   Content-Type: application/json; body {"faults":"<compact syntax>"} or an object of
 *                           FaultConfig members; merged onto the current configuration (`none` resets) → as GET
 *   further routes the core adds (GET and POST /_sandbox/seed: seed/admin.ts)
 * Unsigned on purpose: it is reachable only from the machine itself, past the Host/Origin gate. Changing routes
 * refuse the content types a web page can send without asking (a form or text/plain POST), so no page can set them.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { FaultConfig } from "../faults/config.js";
import { FaultSyntaxError, formatFaults, resolveFaults } from "../faults/config.js";
import type { FaultInjector } from "../faults/injector.js";
import { readBody } from "./body.js";
import { header } from "./front-door.js";
import { remoteAddress } from "./listener.js";

export function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  return address === "::1" || address.startsWith("127.") || address.startsWith("::ffff:127.");
}

function json(res: ServerResponse, status: number, value: unknown): void {
  const body = Buffer.from(JSON.stringify(value));
  res.writeHead(status, { "content-type": "application/json", "content-length": body.length });
  res.end(body);
}

/** A further admin route ("METHOD /_sandbox/…"): given the request body, its status and JSON answer. */
export type AdminRoute = (body: Buffer) => Promise<{ status: number; value: unknown }>;

export function createAdmin(
  faults: FaultInjector,
  info: () => Record<string, unknown>,
  routes: Readonly<Record<string, AdminRoute>> = {},
): (req: IncomingMessage, res: ServerResponse, rawPath: string) => Promise<void> {
  const faultView = (): Record<string, unknown> => ({ faults: formatFaults(faults.config), config: faults.config });
  return async (req, res, rawPath) => {
    if (!isLoopback(remoteAddress(req))) {
      req.resume();
      json(res, 403, { message: "The sandbox admin API answers only on loopback." });
      return;
    }
    const method = req.method ?? "GET";
    if (method !== "GET" && method !== "HEAD" && isSimpleContentType(header(req.headers, "content-type"))) {
      req.resume();
      json(res, 415, {
        message:
          'Send admin changes with Content-Type: application/json, e.g. {"faults":"throttle=0.3"} (a web page cannot).',
      });
      return;
    }
    let body: Buffer;
    try {
      body = (await readBody(req, 64 * 1024, 10_000)).body;
    } catch {
      json(res, 413, { message: "Admin request body too large." });
      return;
    }
    const route = `${method} ${rawPath.replace(/\/$/, "")}`;
    switch (route) {
      case "GET /_sandbox/health":
        json(res, 200, { status: "ok", simulated: true, ...info(), faults: formatFaults(faults.config) });
        return;
      case "GET /_sandbox/faults":
        json(res, 200, faultView());
        return;
      case "POST /_sandbox/faults":
      case "PUT /_sandbox/faults": {
        const text = body.toString("utf8").trim();
        try {
          let update: Partial<FaultConfig> | string = text;
          if (text.startsWith("{")) {
            const parsed = JSON.parse(text) as unknown;
            if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed))
              throw new FaultSyntaxError("Send a JSON object or the compact syntax.");
            const obj = parsed as Record<string, unknown>;
            update = typeof obj.faults === "string" ? obj.faults : (obj as Partial<FaultConfig>);
          }
          faults.set(resolveFaults(update, faults.config));
        } catch (error) {
          json(res, 400, { message: (error as Error).message });
          return;
        }
        json(res, 200, faultView());
        return;
      }
      default: {
        const extra = routes[route];
        if (extra !== undefined) {
          const { status, value } = await extra(body);
          json(res, status, value);
          return;
        }
        json(res, 404, { message: `No admin route ${route}. Try GET /_sandbox/health, GET or POST /_sandbox/faults.` });
      }
    }
  };
}

/** The content types a browser sends cross-site without a preflight (and none at all). */
function isSimpleContentType(value: string): boolean {
  const type = value.split(";")[0]?.trim().toLowerCase() ?? "";
  return (
    type === "" ||
    type === "text/plain" ||
    type === "application/x-www-form-urlencoded" ||
    type === "multipart/form-data"
  );
}
