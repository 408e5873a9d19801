import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedHistory } from "../../../src/sandbox/index.js";
import type { SeedResult } from "../../../src/sandbox/index.js";
import { clients, startTestSandbox } from "../helpers.js";
import { insights } from "./query.js";

const dir = mkdtempSync(join(tmpdir(), "sandbox-seed-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface LoggedRecord {
  timestamp: string;
  identity: { arn: string };
  operation: string;
  modelId: string;
  errorCode?: string;
  input: { inputTokenCount: number; cacheReadInputTokenCount?: number; cacheWriteInputTokenCount?: number };
  output?: { outputBodyJson?: unknown; outputTokenCount: number };
  inferenceRegion: string;
  requestMetadata?: Record<string, string>;
}

/** Every record of a seeded database, oldest first. */
function records(dbPath: string): LoggedRecord[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    const rows = db.prepare("SELECT message FROM log_events ORDER BY timestamp, id").all() as { message: string }[];
    return rows.map((row) => JSON.parse(row.message) as LoggedRecord);
  } finally {
    db.close();
  }
}

function digest(dbPath: string): string {
  const db = new Database(dbPath, { readonly: true });
  try {
    const hash = createHash("sha256");
    for (const row of db.prepare("SELECT timestamp, ingestion_time, message FROM log_events ORDER BY id").iterate())
      hash.update(JSON.stringify(row));
    for (const row of db.prepare("SELECT metric_id, ts, sum FROM cw_datapoints ORDER BY rowid").iterate())
      hash.update(JSON.stringify(row));
    return hash.digest("hex");
  } finally {
    db.close();
  }
}

const NOW = Date.UTC(2026, 11, 2, 12, 0, 0); // a Wednesday, 19:00 in Vietnam
let day: SeedResult;
let all: LoggedRecord[];
const dayDb = join(dir, "day.db");
let elapsedMs = 0;
const progress: [number, number][] = [];
beforeAll(async () => {
  const t0 = performance.now();
  day = await seedHistory({ dbPath: dayDb, hours: 24, rate: 2, now: NOW, seed: 1 }, (d, t) => progress.push([d, t]));
  elapsedMs = performance.now() - t0;
  all = records(dayDb);
}, 60_000);

describe("seedHistory: a day of a realistic application", () => {
  it("writes about rate × minutes calls, quickly, reporting progress to the end", () => {
    expect(day.invocations).toBeGreaterThan(2000);
    expect(day.invocations).toBeLessThan(4500);
    expect(all.length).toBe(day.invocations);
    expect(elapsedMs).toBeLessThan(20_000);
    expect(progress.at(-1)).toEqual([1440, 1440]);
    expect(progress.length).toBeGreaterThan(2);
  });

  it("has real-shaped records: several callers, models, profiles, operations and cross-Region routing", () => {
    const distinct = (f: (r: LoggedRecord) => string | undefined) => new Set(all.map(f).filter((v) => v !== undefined));
    expect(distinct((r) => r.identity.arn)).toEqual(
      new Set([
        "arn:aws:sts::123456789012:assumed-role/support-chatbot-prod/ecs-task-7f3a9c",
        "arn:aws:sts::123456789012:assumed-role/doc-summarizer-lambda-role/doc-summarizer",
        "arn:aws:sts::123456789012:assumed-role/rag-search-api/i-0c9d41e7b2a35f810",
        "arn:aws:sts::123456789012:assumed-role/ci-eval-runner/github-actions-2291",
        "arn:aws:iam::123456789012:user/linh.nguyen",
      ]),
    );
    expect(distinct((r) => r.operation)).toEqual(
      new Set(["InvokeModel", "Converse", "ConverseStream", "InvokeModelWithResponseStream"]),
    );
    expect(distinct((r) => r.modelId).size).toBeGreaterThanOrEqual(7);
    expect([...distinct((r) => r.modelId)].some((id) => id.includes(":inference-profile/global."))).toBe(true);
    expect(distinct((r) => r.inferenceRegion).size).toBeGreaterThanOrEqual(4);
    expect(all.every((r) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(r.timestamp))).toBe(true);
  });

  it("tags calls for cost attribution, except the data scientist's notebook", () => {
    const tagged = all.filter((r) => r.requestMetadata !== undefined);
    expect(new Set(tagged.map((r) => r.requestMetadata?.tenant_id).filter(Boolean)).size).toBe(8);
    expect(new Set(tagged.map((r) => r.requestMetadata?.application_name))).toEqual(
      new Set(["support-chatbot", "doc-summarizer", "rag-search", "eval-pipeline"]),
    );
    expect(tagged.every((r) => r.requestMetadata?.team !== undefined && r.requestMetadata.environment === "prod")).toBe(
      true,
    );
    const untagged = new Set(all.filter((r) => r.requestMetadata === undefined).map((r) => r.identity.arn));
    expect(untagged).toEqual(new Set(["arn:aws:iam::123456789012:user/linh.nguyen"]));
  });

  it("reads and writes the prompt cache, and stops some answers at max_tokens", () => {
    const cached = all.filter((r) => r.input.cacheReadInputTokenCount !== undefined);
    expect(cached.filter((r) => (r.input.cacheReadInputTokenCount ?? 0) > 0).length).toBeGreaterThan(100);
    expect(cached.filter((r) => (r.input.cacheWriteInputTokenCount ?? 0) > 0).length).toBeGreaterThan(5);
    expect(day.truncated / day.succeeded).toBeGreaterThan(0.02);
    expect(day.truncated / day.succeeded).toBeLessThan(0.15);
    expect(day.intervened).toBeGreaterThan(0);
  });

  it("keeps throttles and errors rare, as errorCode records", () => {
    const failed = all.filter((r) => r.errorCode !== undefined);
    expect(failed.length).toBe(day.throttled + day.clientErrors + day.serverErrors);
    expect(new Set(failed.map((r) => r.errorCode))).toEqual(
      new Set(["ThrottlingException", "ValidationException", "ServiceUnavailableException", "InternalServerException"]),
    );
    expect(failed.every((r) => r.output === undefined && r.input.inputTokenCount === 0)).toBe(true);
    expect(failed.length / all.length).toBeLessThan(0.03);
  });

  it("follows the users' day: busy office hours in Vietnam, a quiet night, the nightly eval batch", () => {
    const perHour = new Map<number, number>();
    for (const r of all) {
      const hour = (new Date(r.timestamp).getUTCHours() + 7) % 24;
      perHour.set(hour, (perHour.get(hour) ?? 0) + 1);
    }
    const at = (h: number) => perHour.get(h) ?? 0;
    expect(at(10)).toBeGreaterThan(4 * at(3));
    expect(at(15)).toBeGreaterThan(3 * at(23));
    const evals = all.filter((r) => r.identity.arn.includes("ci-eval-runner"));
    expect(evals.length).toBeGreaterThan(30);
    expect(evals.every((r) => [1, 2].includes((new Date(r.timestamp).getUTCHours() + 7) % 24))).toBe(true);
  });

  it("repeats prompts, as real users do", async () => {
    const sandbox = await startTestSandbox({ dbPath: dayDb, now: () => NOW });
    try {
      const c = clients(sandbox, sandbox.credentials, sandbox.region, NOW - Date.now());
      const rows = await insights(
        c,
        "filter operation like /Converse/ | stats count(*) as n by input.inputBodyJson.messages.0.content.0.text | sort n desc | limit 3",
        { from: day.from, to: NOW },
      );
      expect(Number(rows[0]?.n)).toBeGreaterThan(50);
    } finally {
      await sandbox.close();
    }
  });
});

describe("seedHistory: options", () => {
  it("is deterministic for a seed, and another seed gives another history", async () => {
    const opts = { hours: 1, rate: 4, now: NOW, scenario: "throttling" as const };
    const a = await seedHistory({ ...opts, dbPath: join(dir, "a.db"), seed: 5 });
    const b = await seedHistory({ ...opts, dbPath: join(dir, "b.db"), seed: 5 });
    const other = await seedHistory({ ...opts, dbPath: join(dir, "c.db"), seed: 6 });
    expect(a).toEqual(b);
    expect(digest(join(dir, "a.db"))).toBe(digest(join(dir, "b.db")));
    expect(digest(join(dir, "c.db"))).not.toBe(digest(join(dir, "a.db")));
    expect(other.invocations).not.toBe(a.invocations);
  });

  it("uses only the given models, and the Region's own profiles elsewhere", async () => {
    const only = await seedHistory({
      dbPath: join(dir, "only.db"),
      hours: 2,
      rate: 2,
      now: NOW,
      modelIds: ["us.amazon.nova-lite-v1:0"],
    });
    expect(new Set(records(join(dir, "only.db")).map((r) => r.modelId))).toEqual(
      new Set(["arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.amazon.nova-lite-v1:0"]),
    );
    expect(only.invocations).toBeGreaterThan(0);
    await seedHistory({ dbPath: join(dir, "eu.db"), hours: 2, rate: 2, now: NOW, region: "eu-west-1" });
    const eu = records(join(dir, "eu.db"));
    expect(eu.length).toBeGreaterThan(100);
    expect(eu.every((r) => !r.modelId.includes("/us."))).toBe(true);
    expect(eu.some((r) => r.modelId.includes("/eu.anthropic.claude-sonnet-4-6"))).toBe(true);
  });
});
