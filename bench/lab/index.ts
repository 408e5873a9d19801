/**
 * The whole lab, headless, on the sandbox (invocation-log delivery delay 0): median wall time over several runs.
 * Target: under 3 s.
 *
 *   in-process   a fresh in-memory sandbox, the AWS clients and the Runner, every lab step then the checklist
 *                (what `genai-lab run --yes` does, minus process start-up); IAM propagation window 0
 *   cli          `genai-lab run --yes` as a whole process on a fresh state directory, sandbox on disk, with the
 *                sandbox's default 1 s IAM propagation window and with it off (iam-delay=0); and with the README's
 *                throttle=0.3, where the SDK's back-off between retried attempts is real waiting
 *
 * BENCH_ROUNDS (default 7) sets the number of runs of each case.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { classifyAwsError } from "../../src/aws/classify.js";
import { freshSandbox } from "../../src/cli/lab/fresh-sandbox.js";
import { builtInLabDir, loadLab } from "../../src/engine/loader.js";
import { Runner } from "../../src/engine/runner.js";
import { ProgressStore } from "../../src/engine/store.js";
import { fmtMs, median } from "../lib/stats.js";
import { clients as labClients } from "../../steps/clients.js";
import { LAB_ERRORS } from "../../steps/lib/error-kinds.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const rounds = Number(process.env.BENCH_ROUNDS ?? 7);
const lab = await loadLab(builtInLabDir(), "js");

async function inProcess(): Promise<number> {
  const start = process.hrtime.bigint();
  const { sandbox, aws, close } = await freshSandbox(labClients);
  const identity = await aws.sts.send(new GetCallerIdentityCommand({}));
  const target = {
    kind: "sandbox" as const,
    region: sandbox.region,
    accountId: identity.Account ?? "",
    principalArn: identity.Arn ?? "",
  };
  const runner = new Runner({
    lab,
    aws,
    target,
    params: lab.manifest.parameters,
    lang: "en",
    store: ProgressStore.inMemory(lab.manifest.id, target),
    classify: (error: unknown) => classifyAwsError(error, LAB_ERRORS),
    yes: true,
  });
  const summary = await runner.runSteps(runner.selectSteps(), new AbortController().signal);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  await close();
  if (summary.outcome !== "passed" || summary.checklist.some((item) => item.result.status !== "pass")) {
    throw new Error(`the lab did not pass: ${summary.outcome}`);
  }
  return ms;
}

function cli(faults: string): number {
  const stateDir = mkdtempSync(join(tmpdir(), "genai-lab-bench-"));
  const start = process.hrtime.bigint();
  const result = spawnSync(
    process.execPath,
    [`${root}bin/genai-lab.js`, "run", "--yes", "--state-dir", stateDir, "--lang", "en"],
    {
      encoding: "utf8",
      env: {
        ...process.env,
        GENAI_LAB_SANDBOX_DELIVERY_DELAY_MS: "0",
        GENAI_LAB_SANDBOX_FAULTS: faults,
        NO_COLOR: "1",
      },
    },
  );
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  rmSync(stateDir, { recursive: true, force: true });
  if (result.status !== 0)
    throw new Error(`genai-lab run exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return ms;
}

await inProcess(); // warm-up: module loading and JIT are not the lab's cost
const results: Record<string, number[]> = {
  "in-process": [],
  "cli, iam-delay=0": [],
  "cli, default faults": [],
  "cli, throttle=0.3": [],
};
for (let i = 0; i < rounds; i++) {
  results["in-process"]!.push(await inProcess());
  results["cli, iam-delay=0"]!.push(cli("iam-delay=0"));
  results["cli, default faults"]!.push(cli(""));
  results["cli, throttle=0.3"]!.push(cli(`iam-delay=0,throttle=0.3,seed=${i + 1}`));
}
console.log(`rounds: ${rounds} (interleaved); target: median under 3000 ms`);
for (const [name, samples] of Object.entries(results)) {
  const m = median(samples);
  const verdict = m < 3000 ? "ok" : "over target";
  console.log(
    `${name.padEnd(22)} median ${fmtMs(m).padStart(10)}   min ${fmtMs(Math.min(...samples)).padStart(10)}   ${verdict}`,
  );
}
