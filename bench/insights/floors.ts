/**
 * The floors: what a competent hand-written loop over the very same stored columns costs for each benchmark
 * query, producing the same rows (the benchmark checks they are equal). They use what the store offers —
 * typed arrays, dictionary codes, a memo per dictionary code for parse — and nothing the engine does not.
 */
import { DICT, NUMBER } from "../../src/sandbox/insights/data/column.js";
import type { LogStore } from "../../src/sandbox/insights/data/store.js";
import { formatTimestamp } from "../../src/sandbox/insights/exec/format.js";
import { compareValues } from "../../src/sandbox/insights/exec/order.js";
import { encodePointer } from "../../src/sandbox/insights/exec/pointer.js";
import type { ResultField } from "../../src/sandbox/insights/index.js";
import type { InsightsEventSource } from "../../src/sandbox/insights/source.js";

export type Rows = ResultField[][];

/** (a) stats count(*) by bin(1h) */
export function countByHour(S: LogStore, from: number, to: number): Rows {
  const ts = S.ts;
  const counts = new Map<number, { n: number }>();
  // Events arrive roughly in time order: remember the last hour's counter instead of a map lookup per event.
  let lastHour = Number.NaN;
  let last = { n: 0 };
  for (let i = 0; i < S.n; i++) {
    const t = ts[i] as number;
    if (t < from || t > to) continue;
    const hour = Math.floor(t / 3_600_000) * 3_600_000;
    if (hour !== lastHour) {
      let counter = counts.get(hour);
      if (counter === undefined) {
        counter = { n: 0 };
        counts.set(hour, counter);
      }
      last = counter;
      lastHour = hour;
    }
    last.n += 1;
  }
  return [...counts.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([hour, counter]) => [
      { field: "bin(1h)", value: formatTimestamp(hour) },
      { field: "count(*)", value: String(counter.n) },
    ]);
}

/** (b) stats sum(input.inputTokenCount), sum(output.outputTokenCount) by modelId */
export function tokensByModel(S: LogStore, from: number, to: number): Rows {
  const model = S.column("modelId");
  const input = S.column("input.inputTokenCount");
  const output = S.column("output.outputTokenCount");
  const mc = model.codes;
  const ic = input.codes;
  const inums = input.nums as Int32Array | Float64Array;
  const oc = output.codes;
  const onums = output.nums as Int32Array | Float64Array;
  const ts = S.ts;
  const sumIn = new Float64Array(model.dict.length);
  const sumOut = new Float64Array(model.dict.length);
  for (let i = 0; i < S.n; i++) {
    const t = ts[i] as number;
    if (t < from || t > to) continue;
    const code = (mc[i] as number) - DICT;
    if (ic[i] === NUMBER) sumIn[code] = (sumIn[code] as number) + (inums[i] as number);
    if (oc[i] === NUMBER) sumOut[code] = (sumOut[code] as number) + (onums[i] as number);
  }
  return model.dict
    .map((name, code) => ({ name, code }))
    .sort((a, b) => compareValues(a.name, b.name))
    .map(({ name, code }) => [
      { field: "modelId", value: name },
      { field: "sum(input.inputTokenCount)", value: String(sumIn[code]) },
      { field: "sum(output.outputTokenCount)", value: String(sumOut[code]) },
    ]);
}

/** (c) filter output.outputTokenCount > 100 | sort @timestamp desc | limit 20 */
export function newestLongAnswers(S: LogStore, source: InsightsEventSource, from: number, to: number): Rows {
  const output = S.column("output.outputTokenCount");
  const oc = output.codes;
  const onums = output.nums as Int32Array | Float64Array;
  const ts = S.ts;
  const ids = S.ids;
  // The 20 newest rows, newest first, kept sorted by binary insertion.
  const top: number[] = [];
  const newer = (a: number, b: number): boolean =>
    (ts[a] as number) > (ts[b] as number) || (ts[a] === ts[b] && (ids[a] as number) > (ids[b] as number));
  for (let i = 0; i < S.n; i++) {
    const t = ts[i] as number;
    if (t < from || t > to || oc[i] !== NUMBER || (onums[i] as number) <= 100) continue;
    if (top.length === 20 && !newer(i, top[19] as number)) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (newer(i, top[mid] as number)) hi = mid;
      else lo = mid + 1;
    }
    top.splice(lo, 0, i);
    if (top.length > 20) top.pop();
  }
  return top.map((i) => [
    { field: "@timestamp", value: formatTimestamp(ts[i] as number) },
    { field: "@message", value: S.message(source, i) ?? "" },
    { field: "@ptr", value: encodePointer(S.ref.id, ids[i] as number) },
  ]);
}

const ROLE_SESSION = /arn:aws:sts::(.*?):assumed-role\/(.*?)\/(.*)/s;

/** (d) parse identity.arn "arn:aws:sts::*:assumed-role/*\/*" as acct, role, session | stats count(*), sum(input.inputTokenCount) by session */
export function callsBySession(S: LogStore, from: number, to: number): Rows {
  const arn = S.column("identity.arn");
  const input = S.column("input.inputTokenCount");
  const ac = arn.codes;
  const ic = input.codes;
  const inums = input.nums as Int32Array | Float64Array;
  const ts = S.ts;
  const sessionOf: (string | null)[] = arn.dict.map((value) => ROLE_SESSION.exec(value)?.[3] ?? null);
  const groups = new Map<string, { n: number; tokens: number }>();
  for (let i = 0; i < S.n; i++) {
    const t = ts[i] as number;
    if (t < from || t > to) continue;
    const session = sessionOf[(ac[i] as number) - DICT] as string;
    let group = groups.get(session);
    if (group === undefined) {
      group = { n: 0, tokens: 0 };
      groups.set(session, group);
    }
    group.n += 1;
    if (ic[i] === NUMBER) group.tokens += inums[i] as number;
  }
  return [...groups.entries()]
    .sort((a, b) => compareValues(a[0], b[0]))
    .map(([session, g]) => [
      { field: "session", value: session },
      { field: "count(*)", value: String(g.n) },
      { field: "sum(input.inputTokenCount)", value: String(g.tokens) },
    ]);
}

const OPERATION = /"operation":"(?<op>[A-Za-z]+)"/;

/** (d′) parse @message /"operation":"(?<op>…)"/ | stats count(*) by op — every message read from the store. */
export function countByOperation(S: LogStore, source: InsightsEventSource, from: number, to: number): Rows {
  const counts = new Map<string, number>();
  for (const event of source.eventsAfter(S.ref.id, 0)) {
    if (event.timestamp < from || event.timestamp > to) continue;
    const op = OPERATION.exec(event.message)?.groups?.op;
    if (op !== undefined) counts.set(op, (counts.get(op) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => compareValues(a[0], b[0]))
    .map(([op, n]) => [
      { field: "op", value: op },
      { field: "count(*)", value: String(n) },
    ]);
}
