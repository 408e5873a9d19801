/**
 * The seeded history through the admin API, for the lab's investigation step (which cannot import the sandbox):
 *   GET  /_sandbox/seed   → the newest seeded history of the sandbox's account and Region (scenario, window, when
 *                           the incident began), or 404 when there is none
 *   POST /_sandbox/seed   Content-Type: application/json; {"hours":3,"rate":3,"scenario":"cost-spike","seed":7}
 *                         → seeds that history into the running sandbox (ending now) and answers what it wrote
 * Bounded (at most 24 hours at 20 calls a minute) so one request cannot keep the sandbox busy for long.
 */
import type { AdminRoute } from "../server/admin.js";
import type { Db } from "../storage/db.js";
import { seedHistory } from "./history.js";
import { latestSeedRun } from "./manifest.js";
import { isScenario } from "./scenarios.js";

function numberIn(value: unknown, min: number, max: number, fallback: number): number | undefined {
  if (value === undefined) return fallback;
  return typeof value === "number" && Number.isFinite(value) && value >= min && value <= max ? value : undefined;
}

export function seedAdminRoutes(
  db: Db,
  accountId: string,
  region: string,
  now: () => number,
): Record<string, AdminRoute> {
  return {
    "GET /_sandbox/seed": async () => {
      const run = latestSeedRun(db, accountId, region);
      return run === undefined
        ? { status: 404, value: { message: "No history has been seeded in this sandbox." } }
        : { status: 200, value: run };
    },
    "POST /_sandbox/seed": async (body) => {
      let input: Record<string, unknown>;
      try {
        const parsed = JSON.parse(body.toString("utf8") || "{}") as unknown;
        input =
          parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)
            ? (parsed as Record<string, unknown>)
            : {};
      } catch {
        return { status: 400, value: { message: 'Send a JSON object: {"hours":3,"rate":3,"scenario":"cost-spike"}.' } };
      }
      const hours = numberIn(input.hours, 0.25, 24, 3);
      const rate = numberIn(input.rate, 0.1, 20, 3);
      const seed = numberIn(input.seed, 0, 2 ** 32 - 1, 20250815);
      const scenario = input.scenario ?? "steady";
      if (
        hours === undefined ||
        rate === undefined ||
        seed === undefined ||
        typeof scenario !== "string" ||
        !isScenario(scenario)
      ) {
        return {
          status: 400,
          value: {
            message:
              "hours 0.25–24, rate 0.1–20, seed a whole number, scenario one of steady, throttling, cost-spike, truncation, delivery-failure.",
          },
        };
      }
      const result = await seedHistory({ db, hours, rate, seed, scenario, accountId, region, now: now() });
      return { status: 200, value: result };
    },
  };
}
