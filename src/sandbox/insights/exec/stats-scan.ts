/**
 * The event loop's code for a stats terminal: finding the group (by dictionary code, by an unboxed bin(), by
 * the last key seen, or by a composite key) and feeding each aggregate, with number fast paths so a numeric
 * column never turns into boxed values.
 */
import type { Expr } from "../lang/ast.js";
import { fixedPeriodMs } from "../lang/periods.js";
import type { Aggregator } from "./aggregates.js";
import { nonNumberRead, perDictCode, type Gen } from "./codegen.js";
import type { EventResolver } from "./resolvers.js";

export const SYSTEM_FIELDS: ReadonlySet<string> = new Set([
  "@timestamp",
  "@ingestionTime",
  "@logStream",
  "@log",
  "@message",
  "@ptr",
]);
const SYSTEM = SYSTEM_FIELDS;

function aggregateUpdate(j: number, agg: Aggregator, gen: Gen | null): string {
  const time = agg.usesTime ? ", t" : "";
  if (gen === null) return `A${j}.add(st[${j}], null${time});`;
  const c = gen.col;
  if (c !== undefined && agg.presenceOnly) return `if (${c}c[i] !== 0) A${j}.add(st[${j}], true);`;
  if (c !== undefined && agg.addNumber !== undefined) {
    return `k = ${c}c[i]; if (k === 1) A${j}.addNumber(st[${j}], ${c}n[i]); else if (k !== 0) A${j}.add(st[${j}], ${nonNumberRead(c)}${time});`;
  }
  return `A${j}.add(st[${j}], ${gen.code}${time});`;
}

/** Whether aggregate `j` only counts events: the scan counts a run of events in one group and adds it at once. */
const countsRuns = (gen: Gen | null, agg: Aggregator): boolean => gen === null && agg.addCount !== undefined;

export function statsTerminal(
  keyCodes: readonly string[],
  keyExprs: readonly Expr[],
  argGens: readonly (Gen | null)[],
  aggs: readonly Aggregator[],
  scope: ReadonlyMap<string, number>,
  ev: EventResolver,
  offsetMs = 0,
): { terminal: string; setup: string[]; end: string } {
  const lines: string[] = [];
  const setup: string[] = [];
  let end = "";
  const only = keyExprs[0];
  const binMs =
    only?.t === "call" && only.name === "bin" && only.args[0]?.t === "period"
      ? fixedPeriodMs(only.args[0].period)
      : undefined;
  // count(*) without a per-event call where the group stays the same from event to event (no key, or a bin()
  // of time): RN events so far in the current group, added to it when the group changes and when the slice ends.
  const runs = argGens.flatMap((gen, j) => (countsRuns(gen, aggs[j] as Aggregator) ? [j] : []));
  const flush = (state: string): string =>
    `if (RN !== 0) { ${runs.map((j) => `A${j}.addCount(${state}[${j}], RN);`).join(" ")} RN = 0; }`;
  let counted = false;
  if (keyCodes.length === 0) {
    setup.push("const G0 = TERM.group0().s;");
    lines.push("st = G0;");
    if (runs.length > 0) {
      counted = true;
      setup.push("let RN = 0;");
      end = flush("G0");
    }
  } else if (keyCodes.length === 1 && only?.t === "field" && !scope.has(only.name) && !SYSTEM.has(only.name)) {
    // Grouping by one discovered field: its dictionary code indexes the group directly, no hashing.
    const read = perDictCode(`c${ev.column(only.name)}`, "GA", "st", (v) => `TERM.group1(${v}).s`);
    setup.push(read.setup);
    lines.push(read.code);
  } else if (keyCodes.length === 1 && only?.t === "field" && ev.byCode.has(scope.get(only.name) ?? -1)) {
    // Grouping by a field parsed out of a discovered field: the group of each dictionary code is found once.
    const c = ev.byCode.get(scope.get(only.name) as number) as string;
    setup.push(`const GP = new Array(${c}d.length + 4).fill(undefined);`);
    lines.push(
      `k = ${c}c[i]; if (k >= 4) { st = GP[k]; if (st === undefined) st = GP[k] = TERM.group1(${keyCodes[0]}).s; } ` +
        `else { kv = ${keyCodes[0]}; if (kv !== LK) { LK = kv; LS = TERM.group1(kv).s; } st = LS; }`,
    );
  } else if (keyCodes.length === 1 && binMs !== undefined) {
    // bin() of a fixed period: a number every time, kept unboxed; consecutive events mostly share the bucket.
    counted = runs.length > 0;
    if (counted) {
      setup.push("let RN = 0;");
      end = flush("LS");
    }
    lines.push(
      `kvn = Math.floor(t / ${binMs}) * ${binMs} + ${offsetMs}; if (kvn !== LKN) { ${counted ? flush("LS") : ""} LKN = kvn; LS = TERM.group1(kvn).s; } st = LS;`,
    );
  } else if (keyCodes.length === 1) {
    lines.push(`kv = ${keyCodes[0]}; if (kv !== LK) { LK = kv; LS = TERM.group1(kv).s; } st = LS;`);
  } else {
    lines.push(`st = TERM.groupN([${keyCodes.join(", ")}]).s;`);
  }
  if (counted) lines.push("RN++;");
  argGens.forEach((gen, j) => {
    if (!counted || !runs.includes(j)) lines.push(aggregateUpdate(j, aggs[j] as Aggregator, gen));
  });
  return { terminal: lines.join("\n"), setup, end };
}
