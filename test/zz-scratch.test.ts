import { it } from "vitest";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seedHistory } from "../src/sandbox/index.js";
import { clients, startTestSandbox } from "./sandbox/helpers.js";
import { insights } from "./sandbox/seed/query.js";
it("q", async () => {
  const NOW = Date.UTC(2026, 11, 2, 8, 0, 0);
  const dbPath = join(mkdtempSync(join(tmpdir(), "s-")), "x.db");
  const r = await seedHistory({ dbPath, hours: 3, rate: 3, now: NOW, seed: 21, scenario: "cost-spike" });
  const sandbox = await startTestSandbox({ dbPath, now: () => NOW + 60000 });
  const c = clients(sandbox, sandbox.credentials, sandbox.region, NOW - Date.now());
  const s = r.incidentStart!;
  for (const q of ['filter modelId like /us.anthropic.claude-sonnet-4-6/ | stats count(*) as n, sum(errorCode = "ThrottlingException") as t by bin(1m)']) {
    console.log(JSON.stringify(await insights(c, q, { from: s - 5*60000, to: NOW })));
  }
  await sandbox.close();
});
