/**
 * The seeded history through the admin API: POST /_sandbox/seed writes an incident into the running sandbox (what
 * the lab's investigation step does for the learner), GET /_sandbox/seed says where it is, and the history is at
 * once visible to Logs Insights and to alarms.
 */
import { describe, expect, it } from "vitest";
import { clients, startTestSandbox } from "../helpers.js";
import { insights } from "./query.js";

describe("GET and POST /_sandbox/seed", () => {
  it("seeds a cost spike into the running sandbox, then answers where it is", async () => {
    const NOW = Date.UTC(2026, 11, 2, 8, 0, 0);
    const sandbox = await startTestSandbox({ now: () => NOW });
    try {
      const none = await fetch(`${sandbox.endpoint}/_sandbox/seed`);
      expect(none.status).toBe(404);
      const refused = await fetch(`${sandbox.endpoint}/_sandbox/seed`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ hours: 100 }),
      });
      expect(refused.status).toBe(400);
      const seeded = await fetch(`${sandbox.endpoint}/_sandbox/seed`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ hours: 2, rate: 3, scenario: "cost-spike", seed: 4 }),
      });
      expect(seeded.status).toBe(200);
      const result = (await seeded.json()) as { invocations: number; incidentStart: number; to: number };
      expect(result.to).toBe(NOW);
      expect(result.incidentStart).toBe(NOW - 45 * 60_000);
      const run = (await (await fetch(`${sandbox.endpoint}/_sandbox/seed`)).json()) as Record<string, unknown>;
      expect(run).toMatchObject({
        scenario: "cost-spike",
        incidentStart: NOW - 45 * 60_000,
        to: NOW,
        invocations: result.invocations,
      });
      const c = clients(sandbox, sandbox.credentials, sandbox.region, NOW - Date.now());
      const [top] = await insights(
        c,
        "stats sum(input.inputTokenCount) as tokens by requestMetadata.tenant_id | sort tokens desc | limit 1",
        { from: result.incidentStart, to: NOW },
      );
      expect(top?.["requestMetadata.tenant_id"]).toBe("mekong-travel");
    } finally {
      await sandbox.close();
    }
  });
});
