/**
 * Compiles one `stats` command. Each aggregate call becomes an aggregator fed by its argument; each result
 * item is an expression over the aggregates' results (`sum(x)/1024` works); group keys are expressions of the
 * input. The same compiler serves the first stats (arguments run inside the generated event loop) and a
 * second stats (arguments run on the first one's rows).
 */
import type { Command, Expr, Item } from "../lang/ast.js";
import { CATALOG, type ValueKind } from "../lang/catalog.js";
import { ephemeralAlreadyDefined, semanticError } from "../lang/errors.js";
import { makeAggregator, type Aggregator } from "./aggregates.js";
import type { Consts, ExprCompiler, Gen, Resolver } from "./codegen.js";
import type { Format } from "./format.js";
import type { ItemFn, OutputColumn, RowFn, StatsSpec } from "./plan-types.js";

type Call = Extract<Expr, { t: "call" }>;

export interface PlanContext {
  query: string;
  K: Consts;
  compiler: ExprCompiler;
  kinds: ValueKind[];
  rowFn(code: string): RowFn;
  itemFn(code: string): ItemFn;
}

export interface CompiledStats {
  spec: StatsSpec;
  /** Event-level: each aggregate's argument (null for count(*)) and each group key. */
  argGens: (Gen | null)[];
  keyCodes: string[];
  keyExprs: Expr[];
  scope: Map<string, number>;
}

export function allocate(ctx: PlanContext, kind: ValueKind): number {
  ctx.kinds.push(kind);
  return ctx.kinds.length - 1;
}

/** A result column's name: the alias, the field's own name (without backticks), or the expression text. */
export function itemName(item: Item): string {
  return item.alias ?? (item.expr.t === "field" ? item.expr.name : item.text);
}

function itemFormat(item: Item): Format {
  const e = item.expr;
  if (e.t === "call") {
    const sig = CATALOG.get(e.name);
    if (sig?.kind === "agg" && sig.format !== "number") return "plain";
  }
  return "agg";
}

class ItemResolver implements Resolver {
  found = 0;
  constructor(
    private readonly ctx: PlanContext,
    private readonly input: Resolver,
    private readonly register: (agg: Aggregator, arg: Gen | null) => number,
  ) {}

  field(name: string, node: Expr): Gen {
    throw semanticError(
      this.ctx.query,
      node.start,
      node.end,
      `${name} must be inside an aggregate function such as count(${name}) or sum(${name}), or in the by clause`,
    );
  }

  timestamp(node: Expr): Gen {
    throw semanticError(this.ctx.query, node.start, node.end, "bin() belongs in the by clause of stats");
  }

  aggregate(call: Call): Gen {
    const first = call.args[0];
    const star = call.name === "count" && (first === undefined || first.t === "star");
    let percent = 0;
    if (call.name === "pct") {
      const p = call.args[1];
      percent = p?.t === "num" ? p.value : -1;
      if (percent < 0 || percent > 100)
        throw semanticError(this.ctx.query, call.start, call.end, "pct() takes a percentile between 0 and 100");
    }
    const arg = star || first === undefined ? null : this.ctx.compiler.gen(first, this.input);
    this.found += 1;
    const index = this.register(makeAggregator(call.name, star, percent), arg);
    return { code: `A[${index}]`, kind: "any" };
  }
}

export function compileStats(
  ctx: PlanContext,
  command: Extract<Command, { t: "stats" }>,
  input: Resolver,
  ephemeral: ReadonlySet<string>,
  rowLevel: boolean,
): CompiledStats {
  const aggs: Aggregator[] = [];
  const argGens: (Gen | null)[] = [];
  const register = (agg: Aggregator, arg: Gen | null): number => {
    aggs.push(agg);
    argGens.push(arg);
    return aggs.length - 1;
  };
  const scope = new Map<string, number>();
  const columns: OutputColumn[] = [];
  const checkAlias = (item: Item): void => {
    if (item.alias !== undefined && ephemeral.has(item.alias)) {
      throw ephemeralAlreadyDefined(ctx.query, item.aliasStart, item.end, item.alias);
    }
  };
  const bySlots: number[] = [];
  const keyCodes: string[] = [];
  let binIndex = -1;
  command.by.forEach((item, index) => {
    checkAlias(item);
    const gen = ctx.compiler.gen(item.expr, input);
    const slot = allocate(ctx, gen.kind);
    const name = itemName(item);
    if (gen.kind === "ts" && binIndex < 0) binIndex = index;
    bySlots.push(slot);
    keyCodes.push(gen.code);
    scope.set(name, slot);
    columns.push({ name, get: ctx.rowFn(`R.v[${slot}]`), format: gen.kind === "ts" ? "ts" : "plain" });
  });
  const items: { slot: number; fn: ItemFn }[] = [];
  for (const item of command.aggs) {
    checkAlias(item);
    const resolver = new ItemResolver(ctx, input, register);
    const gen = ctx.compiler.gen(item.expr, resolver);
    if (resolver.found === 0) {
      throw semanticError(
        ctx.query,
        item.start,
        item.end,
        "each stats item needs an aggregate function such as count(*), sum(field) or avg(field)",
      );
    }
    const slot = allocate(ctx, gen.kind === "bool" ? "bool" : "num");
    const name = item.alias ?? item.text;
    items.push({ slot, fn: ctx.itemFn(gen.code) });
    scope.set(name, slot);
    columns.push({ name, get: ctx.rowFn(`R.v[${slot}]`), format: itemFormat(item) });
  }
  const spec: StatsSpec = {
    aggs,
    argFns: rowLevel ? argGens.map((gen) => (gen === null ? null : ctx.rowFn(gen.code))) : [],
    keyFns: rowLevel ? keyCodes.map((code) => ctx.rowFn(code)) : [],
    bySlots,
    binIndex,
    items,
    columns,
    slotCount: 0,
  };
  return { spec, argGens, keyCodes, keyExprs: command.by.map((b) => b.expr), scope };
}
