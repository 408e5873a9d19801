/**
 * Row-level stages and the turning of stats groups into rows. Stats results come with time buckets newest
 * first (as AWS returns `by bin()` results) and otherwise ordered by their group keys (AWS leaves that order
 * open; sorting makes it stable).
 */
import { unnestItems } from "./json.js";
import { compareKey } from "./order.js";
import type { RowContext, RowStage, StatsSpec } from "./plan-types.js";
import { Groups, type Row } from "./terminal.js";
import { passes, type Value } from "./values.js";

/** The rows of a stats; without `by` there is one row even when no event was seen (count(*) 0). */
export function statsRows(spec: StatsSpec, groups: Groups): Row[] {
  if (spec.bySlots.length === 0) groups.group0();
  const rows: Row[] = groups.all().map((group) => {
    const results = group.s.map((state, j) => spec.aggs[j]?.result(state) ?? null);
    const v: Value[] = [];
    spec.bySlots.forEach((slot, j) => {
      v[slot] = group.keys[j] ?? null;
    });
    for (const item of spec.items) v[item.slot] = item.fn(results);
    return { S: null, i: -1, t: 0, id: 0, v, o: [] };
  });
  const keySlots = spec.bySlots;
  const bin = spec.binIndex;
  return rows.sort((a, b) => {
    if (bin >= 0) {
      const slot = keySlots[bin] as number;
      const c = compareKey(a.v[slot], b.v[slot], true);
      if (c !== 0) return c;
    }
    for (let j = 0; j < keySlots.length; j++) {
      if (j === bin) continue;
      const slot = keySlots[j] as number;
      const c = compareKey(a.v[slot], b.v[slot], false);
      if (c !== 0) return c;
    }
    return 0;
  });
}

function rowStats(spec: StatsSpec, rows: readonly Row[], X: RowContext): Row[] {
  const groups = new Groups(spec.aggs);
  for (const R of rows) {
    const keys = spec.keyFns.map((fn) => fn(R, X));
    const group =
      keys.length === 0 ? groups.group0() : keys.length === 1 ? groups.group1(keys[0] ?? null) : groups.groupN(keys);
    spec.argFns.forEach((fn, j) => spec.aggs[j]?.add(group.s[j], fn === null ? null : fn(R, X), R.t));
  }
  return statsRows(spec, groups);
}

export function runRowStage(stage: RowStage, rows: Row[], X: RowContext): Row[] {
  switch (stage.t) {
    case "filter":
      return rows.filter((R) => passes(stage.fn(R, X)));
    case "assign":
      for (const R of rows) R.v[stage.slot] = stage.fn(R, X);
      return rows;
    case "parse":
      for (const R of rows) {
        const match = stage.pattern.run(stage.source(R, X));
        stage.slots.forEach((slot, j) => {
          R.v[slot] = match?.[j] ?? null;
        });
      }
      return rows;
    case "sort": {
      const keyed = rows.map((R) => ({ R, keys: stage.keys.map((fn) => fn(R, X)) }));
      keyed.sort((a, b) => {
        for (let j = 0; j < stage.desc.length; j++) {
          const c = compareKey(a.keys[j], b.keys[j], stage.desc[j] === true);
          if (c !== 0) return c;
        }
        return 0;
      });
      return keyed.map((k) => k.R);
    }
    case "limit":
      return rows.slice(0, stage.n);
    case "dedup": {
      const seen = new Set<string>();
      return rows.filter((R) => {
        const keys = stage.keys.map((fn) => fn(R, X));
        if (keys.some((k) => k === null)) return true;
        const key = JSON.stringify(keys);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    }
    case "unnest": {
      // One row per item of the list; a row whose field is absent or an empty list gives none.
      const out: Row[] = [];
      for (const R of rows) {
        for (const item of unnestItems(stage.source(R, X))) {
          const v = [...R.v];
          v[stage.slot] = item;
          out.push({ ...R, v });
        }
      }
      return out;
    }
    case "stats":
      return rowStats(stage.spec, rows, X);
  }
}
