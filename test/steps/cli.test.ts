/**
 * The Done-when, through the real binary (dist/, built once per test run): `genai-lab run --yes` then
 * `genai-lab check --format json` on a fresh state directory pass all four items on the sandbox; `cleanup --yes`
 * leaves the sandbox's data as it found it.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createAwsClients } from "../../src/aws/clients.js";
import { sandboxDbPath } from "../../src/engine/state-dir.js";
import { startSandbox } from "../../src/sandbox/index.js";
import { sandboxResources } from "../helpers/lab-session.js";
import { clients as labClients } from "../../steps/clients.js";

const bin = fileURLToPath(new URL("../../bin/genai-lab.js", import.meta.url));

function genaiLab(stateDir: string, ...args: string[]) {
  return spawnSync(process.execPath, [bin, ...args, "--state-dir", stateDir, "--lang", "en"], {
    encoding: "utf8",
    env: {
      ...process.env,
      GENAI_LAB_SANDBOX_DELIVERY_DELAY_MS: "0",
      GENAI_LAB_SANDBOX_FAULTS: "iam-delay=0",
      NO_COLOR: "1",
    },
    timeout: 60_000,
  });
}

async function resourcesIn(stateDir: string) {
  const sandbox = await startSandbox({ port: 0, dbPath: sandboxDbPath(stateDir), env: {} });
  const aws = createAwsClients(
    labClients,
    { region: sandbox.region, endpoint: sandbox.endpoint, credentials: { ...sandbox.credentials } },
    {},
  );
  try {
    return await sandboxResources(aws);
  } finally {
    aws.destroy();
    await sandbox.close();
  }
}

describe("genai-lab run / check / cleanup on the sandbox", () => {
  it("passes all four items, then cleans up to an empty sandbox", async () => {
    const stateDir = mkdtempSync(join(tmpdir(), "genai-lab-cli-"));
    const ran = genaiLab(stateDir, "run", "--yes");
    expect(ran.status, ran.stdout + ran.stderr).toBe(0);
    expect(ran.stdout).toContain("Verification checklist — 4/4 passed");

    const checked = genaiLab(stateDir, "check", "--format", "json");
    expect(checked.status, checked.stderr).toBe(0);
    const report = JSON.parse(checked.stdout) as {
      lab: string;
      summary: { passed: number; total: number };
      items: { id: string; status: string }[];
    };
    expect(report.lab).toBe("monitoring-genai");
    expect(report.summary).toMatchObject({ passed: 4, total: 4 });
    expect(report.items.map((item) => [item.id, item.status])).toEqual([
      ["logging-enabled", "pass"],
      ["log-entries-present", "pass"],
      ["insights-returns-results", "pass"],
      ["dashboard-shows-metrics", "pass"],
    ]);

    const dry = genaiLab(stateDir, "cleanup", "--dry-run");
    expect(dry.status, dry.stdout + dry.stderr).toBe(0);
    expect(dry.stdout).toContain("Cleanup plan (--dry-run: nothing is deleted)");
    expect((await resourcesIn(stateDir)).dashboards).toEqual(["GenAI-Monitoring"]);

    const cleaned = genaiLab(stateDir, "cleanup", "--yes");
    expect(cleaned.status, cleaned.stdout + cleaned.stderr).toBe(0);
    expect(await resourcesIn(stateDir)).toEqual({ logGroups: [], roles: [], logging: null, dashboards: [] });
  }, 60_000);
});
