/**
 * Class grading's wall time against the pool size: `check --accounts` (gradeClass) over 50 and 200 simulated
 * learner accounts in one in-process sandbox, every AWS call delayed by a simulated network latency (sandbox
 * fault `latency=L,scope=all`), so a learner's grading takes what it would over a network and the pool has
 * waiting to overlap. For each (accounts, pool) it prints the median wall time, the sum of the per-account times
 * (what grading one after another would cost), their ratio (the parallelism actually achieved) and the ideal
 * sum / pool. Wall time should follow ceil(accounts / pool) × per-account, not the sum.
 *
 * The class mixes learners as the test does: most did the lab (in full or in part), some cannot be graded (no
 * grader role, a role trusting someone else, broken keys).
 *
 * BENCH_ROUNDS (default 3) runs per case; BENCH_LATENCY_MS (default 20) the simulated latency per call.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gradeClass } from "../../src/cli/grade/grade.js";
import type { GradeTarget } from "../../src/cli/grade/targets.js";
import { builtInLabDir, loadLab } from "../../src/engine/loader.js";
import { startSandbox } from "../../src/sandbox/index.js";
import {
  classOf50,
  credentialsFile,
  GRADER_ROLE,
  gradedByProfile,
  prepareClass,
  type Learner,
} from "../../test/grade/class-fixture.js";
import { fmtMs, median } from "../lib/stats.js";

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const latency = Number(process.env.BENCH_LATENCY_MS ?? 20);
const CASES: [accounts: number, pools: number[]][] = [
  [50, [1, 4, 16, 64]],
  [200, [4, 16, 64]],
];

/** 200 learners: the 50-learner class four times over, with distinct accounts and names. */
function classOf(n: number): Learner[] {
  const base = classOf50();
  return Array.from({ length: n }, (_, i) => {
    const l = base[i % base.length]!;
    return { ...l, name: `learner-${String(i + 1).padStart(3, "0")}`, account: String(100000000001 + i) };
  });
}

const toTarget = (l: Learner): GradeTarget =>
  gradedByProfile(l)
    ? { learner: l.name, account: l.account, profile: l.name, source: "bench" }
    : { learner: l.name, account: l.account, role: GRADER_ROLE, source: "bench" };

const lab = await loadLab(builtInLabDir(), "js");
const everyone = classOf(Math.max(...CASES.map(([n]) => n)));
const dir = mkdtempSync(join(tmpdir(), "genai-lab-bench-grading-"));
writeFileSync(join(dir, "credentials"), credentialsFile(everyone));
process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, "credentials");
process.env.AWS_CONFIG_FILE = join(dir, "config");
process.env.AWS_EC2_METADATA_DISABLED = "true";

const sandbox = await startSandbox({
  port: 0,
  dbPath: ":memory:",
  deliveryDelayMs: 0,
  faults: { iamPropagationMs: 0 },
  env: {},
});
const prepStart = Date.now();
await prepareClass(sandbox, lab, everyone, 8);
console.log(
  `prepared ${everyone.length} learner accounts in ${fmtMs(Date.now() - prepStart)} (the lab's steps, run in each)`,
);
sandbox.setFaults(`latency=${latency},scope=all`);

async function gradeOnce(n: number, pool: number): Promise<{ wall: number; sum: number; complete: number }> {
  const targets = everyone.slice(0, n).map(toTarget);
  const start = process.hrtime.bigint();
  const book = await gradeClass({
    lab,
    choice: { kind: "sandbox", region: "us-east-1" },
    targets,
    concurrency: pool,
    flags: {},
    env: {},
    stateDir: dir,
    lang: "en",
    toolVersion: "bench",
    signal: new AbortController().signal,
    sandbox: { endpoint: sandbox.endpoint, credentials: { ...sandbox.credentials } },
  });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (!book || book.targets.length !== n) throw new Error("grading did not finish");
  const sum = book.targets.reduce((s, r) => s + (Date.parse(r.finishedAt) - Date.parse(r.startedAt)), 0);
  return { wall, sum, complete: book.summary.complete };
}

await gradeOnce(8, 8); // warm-up: module loading and JIT are not grading's cost
console.log(`simulated latency ${latency} ms per AWS call; ${rounds} rounds per case (median shown)\n`);
console.log("accounts  pool   wall (median)   sum of per-account   sum / wall   ideal sum / pool   per account");
for (const [n, pools] of CASES) {
  for (const pool of pools) {
    const runs: { wall: number; sum: number; complete: number }[] = [];
    for (let i = 0; i < rounds; i++) runs.push(await gradeOnce(n, pool));
    const wall = median(runs.map((r) => r.wall));
    const sum = median(runs.map((r) => r.sum));
    console.log(
      `${String(n).padStart(8)}  ${String(pool).padStart(4)}  ${fmtMs(wall).padStart(14)}  ${fmtMs(sum).padStart(19)}  ${`${(sum / wall).toFixed(1)}×`.padStart(11)}  ${fmtMs(sum / pool).padStart(17)}  ${fmtMs(sum / n).padStart(12)}`,
    );
  }
}
await sandbox.close();
