/**
 * Turns a parsed query into a Plan. Commands up to the first stats / limit / dedup run inside one generated
 * loop over each log group's columns (sort commands there only choose the order, so they are hoisted out);
 * that command is the loop's terminal (aggregation, bounded top-N, or first-per-key); what follows runs on
 * the few rows the terminal keeps. `fields` results that nothing later reads, and `parse` whose fields only
 * show in the output, are computed for output rows only — so `@message` is read for 20 rows, not a million.
 */
import type { LogStore } from "../data/store.js";
import type { Command, Expr, Item, Query } from "../lang/ast.js";
import type { ValueKind } from "../lang/catalog.js";
import { ephemeralAlreadyDefined, semanticError } from "../lang/errors.js";
import { fixedPeriodMs } from "../lang/periods.js";
import { Consts, ExprCompiler, perDictCode } from "./codegen.js";
import { formatOf } from "./format.js";
import { FUNCTIONS } from "./functions.js";
import { H } from "./helpers.js";
import { compileParse, type ParsePattern } from "./parse-pattern.js";
import { allocate, compileStats, itemName, type CompiledStats, type PlanContext } from "./plan-stats.js";
import type { ItemFn, OutputColumn, Plan, RowFn, RowStage, TerminalSpec } from "./plan-types.js";
import { RowPlanner } from "./plan-rows.js";
import { EventResolver, RowResolver } from "./resolvers.js";
import { buildScan, type ScanParts } from "./scan-builder.js";
import { statsTerminal, SYSTEM_FIELDS as SYSTEM } from "./stats-scan.js";
import { commandRefs, validateCommands } from "./validate.js";

export class Planner {
  readonly K = new Consts();
  readonly kinds: ValueKind[] = [];
  readonly ctx: PlanContext;
  readonly compiler: ExprCompiler;
  scope = new Map<string, number>();
  /** Names a later definition may not reuse ("Ephemeral field is already defined"). */
  ephemeral = new Set<string>();
  /** Names `fields` may not list again (AWS rejects re-listing a parse-created field). */
  relistForbidden = new Set<string>();
  private readonly ev: EventResolver;
  private readonly parts: ScanParts;
  private order: { code: string; desc: boolean; defaultTs: boolean }[] = [];
  fieldsCols: OutputColumn[] = [];
  displayCols: OutputColumn[] | null = null;
  private readonly parseCols: OutputColumn[] = [];
  statsCols: OutputColumn[] | null = null;
  private parseCount = 0;
  private timeShiftMs = 0;

  /** `offset 1h` as milliseconds; calendar lengths (months…) have no fixed size to shift by. */
  offsetOf(command: Extract<Command, { t: "stats" }>): number {
    if (command.offset === undefined) return 0;
    const ms = fixedPeriodMs(command.offset);
    if (ms === undefined) {
      throw semanticError(
        this.q.text,
        command.start,
        command.end,
        "offset takes a fixed duration such as 30m, 1h or 1d",
      );
    }
    return ms;
  }

  constructor(private readonly q: Query) {
    const query = q.text;
    this.compiler = new ExprCompiler(query, this.K);
    this.ctx = {
      query,
      K: this.K,
      compiler: this.compiler,
      kinds: this.kinds,
      rowFn: (code) => this.rowFn(code),
      itemFn: (code) => this.itemFn(code),
    };
    this.ev = new EventResolver(query, this.kinds, this.scope, this.K);
    this.parts = { stages: [], setup: [], terminal: "", end: "", eventSlots: 0, aggCount: 0 };
  }

  rowFn(code: string): RowFn {
    return new Function("K", "H", "F", `"use strict"; return (R, X) => (${code});`)(this.K.list, H, FUNCTIONS) as RowFn;
  }

  private itemFn(code: string): ItemFn {
    return new Function("K", "H", "F", `"use strict"; return (A) => (${code});`)(this.K.list, H, FUNCTIONS) as ItemFn;
  }

  /** An expression evaluated later on a row, with the names visible here. */
  rowGetter(expr: Expr, afterStats: boolean): { get: RowFn; kind: ValueKind } {
    const resolver = new RowResolver(this.q.text, this.K, this.kinds, new Map(this.scope), afterStats);
    const gen = this.compiler.gen(expr, resolver);
    return { get: this.rowFn(gen.code), kind: gen.kind };
  }

  plan(): Plan {
    const commands = this.q.commands;
    validateCommands(this.q.text, commands);
    const later = laterRefs(commands);
    let index = 0;
    for (; index < commands.length; index++) {
      const command = commands[index] as Command;
      if (command.t === "stats" || command.t === "limit" || command.t === "dedup" || command.t === "unnest") break;
      this.eventCommand(command, later[index] ?? new Set());
    }
    const { terminal, next } = this.terminal(commands, index);
    this.parts.eventSlots = this.kinds.length;
    const rows = new RowPlanner(this, terminal.t === "stats");
    const rowStages: RowStage[] = [];
    for (const command of commands.slice(next)) rowStages.push(...rows.command(command));
    const scan = buildScan(this.parts, this.ev.columns, this.K, terminal.t === "stats" ? terminal.spec.aggs : []);
    const afterStats = rows.afterStats;
    const defaults: OutputColumn[] = [
      { name: "@timestamp", get: (R) => R.t, format: "ts" },
      { name: "@message", get: (R, X) => X.message(R.S as LogStore, R.i), format: "plain" },
      ...this.parseCols,
    ];
    const output = afterStats
      ? (this.displayCols ?? this.statsCols ?? [])
      : (this.displayCols ?? (this.fieldsCols.length > 0 ? this.fieldsCols : defaults));
    return {
      scan,
      eagerColumns: this.ev.columns,
      usesMessage: this.ev.usesMessage,
      terminal,
      rowStages,
      output,
      rawOutput: !afterStats,
      hasLimit: commands.some((c) => c.t === "limit"),
      timeShiftMs: this.timeShiftMs,
      slotKinds: this.kinds,
    };
  }

  private eventCommand(command: Command, later: ReadonlySet<string>): void {
    switch (command.t) {
      case "fields":
        for (const item of command.items) this.fieldsItem(item, later);
        return;
      case "display":
        this.displayCols = command.items.map((item) => this.displayColumn(item, false));
        return;
      case "filter":
        this.parts.stages.push(`if (!H.passes(${this.compiler.gen(command.cond, this.ev).code})) continue;`);
        return;
      case "parse":
        this.eventParse(command, later);
        return;
      case "sort": {
        const keys = command.keys.map((key) => ({
          code: this.ev.field(key.name).code,
          desc: key.desc,
          defaultTs: key.name === "@timestamp" && !this.scope.has(key.name) && key.desc,
        }));
        this.order = [...keys, ...this.order];
        return;
      }
      case "stats":
      case "limit":
      case "dedup":
      case "unnest":
        return;
    }
  }

  displayColumn(item: Item, afterStats: boolean): OutputColumn {
    const { get, kind } = this.rowGetter(item.expr, afterStats);
    return { name: itemName(item), get, format: formatOf(kind) };
  }

  private fieldsItem(item: Item, later: ReadonlySet<string>): void {
    const plainField = item.alias === undefined && item.expr.t === "field" ? item.expr.name : undefined;
    if (plainField !== undefined) {
      if (this.relistForbidden.has(plainField))
        throw ephemeralAlreadyDefined(this.q.text, item.start, item.end, plainField);
      this.addFieldsCol(this.displayColumn(item, false));
      return;
    }
    const name = item.alias ?? item.text;
    if (this.ephemeral.has(name)) throw ephemeralAlreadyDefined(this.q.text, item.aliasStart, item.end, name);
    if (later.has(name)) {
      const gen = this.compiler.gen(item.expr, this.ev);
      const slot = allocate(this.ctx, gen.kind);
      this.parts.stages.push(`e${slot} = ${gen.code};`);
      this.scope.set(name, slot);
      this.addFieldsCol({ name, get: this.rowFn(`R.v[${slot}]`), format: formatOf(gen.kind) });
    } else {
      this.addFieldsCol(this.displayColumn(item, false));
    }
    this.ephemeral.add(name);
    this.relistForbidden.add(name);
  }

  /** After a stats only its results exist: they make the scope, the names taken and the default output. */
  enterStats(stats: CompiledStats): void {
    this.scope = stats.scope;
    this.ephemeral = new Set(stats.scope.keys());
    this.relistForbidden = new Set();
    this.statsCols = [...stats.spec.columns];
    this.displayCols = null;
  }

  addFieldsCol(column: OutputColumn): void {
    const target = this.statsCols ?? this.fieldsCols;
    if (!target.some((c) => c.name === column.name)) target.push(column);
  }

  private eventParse(command: Extract<Command, { t: "parse" }>, later: ReadonlySet<string>): void {
    const pattern = compileParse(this.q.text, command);
    for (const name of pattern.names) {
      if (this.ephemeral.has(name)) throw ephemeralAlreadyDefined(this.q.text, command.start, command.end, name);
    }
    if (pattern.names.some((name) => later.has(name))) {
      const p = this.parseCount++;
      const P = this.K.add(pattern);
      const column =
        this.scope.has(command.source) || SYSTEM.has(command.source) ? undefined : this.ev.column(command.source);
      if (column === undefined) {
        this.parts.stages.push(`m = ${P}.run(${this.ev.field(command.source).code});`);
      } else {
        const read = perDictCode(`c${column}`, `PM${p}`, "m", (v) => `${P}.run(${v})`);
        this.parts.setup.push(read.setup);
        this.parts.stages.push(read.code);
      }
      const lazy = this.lazyParse(command, pattern);
      pattern.names.forEach((name, j) => {
        // Only the names a later command reads are kept per event; the others are worked out for output rows.
        if (!later.has(name)) {
          this.parseCols.push({ name, get: lazy(j), format: "plain" });
          return;
        }
        const slot = allocate(this.ctx, "str");
        this.parts.stages.push(`e${slot} = m === null ? null : m[${j}];`);
        if (column !== undefined) this.ev.byCode.set(slot, `c${column}`);
        this.scope.set(name, slot);
        this.parseCols.push({ name, get: this.rowFn(`R.v[${slot}]`), format: "plain" });
      });
    } else {
      const lazy = this.lazyParse(command, pattern);
      pattern.names.forEach((name, j) => this.parseCols.push({ name, get: lazy(j), format: "plain" }));
    }
    for (const name of pattern.names) {
      this.ephemeral.add(name);
      this.relistForbidden.add(name);
    }
  }

  /** Getters of parse's names that run the pattern on an output row's value (for rows that are shown, not scanned). */
  private lazyParse(command: Extract<Command, { t: "parse" }>, pattern: ParsePattern): (j: number) => RowFn {
    const source = this.rowGetter(
      { t: "field", name: command.source, start: command.start, end: command.end },
      false,
    ).get;
    return (j) => (R, X) => pattern.run(source(R, X))?.[j] ?? null;
  }

  private terminal(commands: readonly Command[], index: number): { terminal: TerminalSpec; next: number } {
    const command = commands[index];
    const order = this.order.length === 1 && this.order[0]?.defaultTs === true ? [] : this.order;
    const desc = order.map((o) => o.desc);
    const slots = Array.from({ length: this.kinds.length }, (_, s) => `e${s}`).join(", ");
    const offer = `S, i, t, ID[i], ${this.kinds.length === 0 ? "null" : `[${slots}]`}`;
    if (command?.t === "stats") {
      const offsetMs = this.offsetOf(command);
      this.compiler.binOffsetMs = offsetMs;
      const stats = compileStats(this.ctx, command, this.ev, this.ephemeral, false);
      this.compiler.binOffsetMs = 0;
      this.timeShiftMs = offsetMs;
      const code = statsTerminal(
        stats.keyCodes,
        stats.keyExprs,
        stats.argGens,
        stats.spec.aggs,
        this.scope,
        this.ev,
        offsetMs,
      );
      this.parts.terminal = code.terminal;
      this.parts.end = code.end;
      this.parts.setup.push(...code.setup);
      this.parts.aggCount = stats.spec.aggs.length;
      this.enterStats(stats);
      return { terminal: { t: "stats", spec: stats.spec }, next: index + 1 };
    }
    if (command?.t === "dedup") {
      const keys = command.names.map((n) => this.ev.field(n.name).code);
      const limit = commands[index + 1];
      const size = limit?.t === "limit" ? limit.n : undefined;
      this.parts.terminal = `TERM.offer(${offer}, [${order.map((o) => o.code).join(", ")}], [${keys.join(", ")}]);`;
      return { terminal: { t: "dedup", size, desc }, next: index + (size === undefined ? 1 : 2) };
    }
    const size = command?.t === "limit" ? command.n : undefined;
    if (order.length === 0) {
      this.parts.terminal = `if (TERM.full && (t < TERM.wt || (t === TERM.wt && ID[i] < TERM.wid))) continue;\nTERM.offer0(${offer});`;
    } else if (order.length === 1) {
      this.parts.terminal = `o0 = ${order[0]?.code}; if (TERM.full && TERM.reject1(o0, t, ID[i])) continue;\nTERM.offer1(${offer}, o0);`;
    } else {
      this.parts.terminal = `oo = [${order.map((o) => o.code).join(", ")}]; if (TERM.full && TERM.rejectN(oo, t, ID[i])) continue;\nTERM.offer(${offer}, oo);`;
    }
    const unbounded = command?.t === "unnest";
    return { terminal: { t: "top", size, desc, unbounded }, next: index + (size === undefined ? 0 : 1) };
  }
}

function laterRefs(commands: readonly Command[]): Set<string>[] {
  const result: Set<string>[] = [];
  let acc = new Set<string>();
  for (let i = commands.length - 1; i >= 0; i--) {
    result[i] = acc;
    acc = new Set([...acc, ...commandRefs(commands[i] as Command)]);
  }
  return result;
}
