/**
 * Commands after the terminal run on materialised rows, which are few (bounded by N or by the groups):
 * a second stats, filters on aggregates, more fields, sort, limit, dedup.
 */
import type { Command } from "../lang/ast.js";
import { ephemeralAlreadyDefined, semanticError } from "../lang/errors.js";
import { compileParse } from "./parse-pattern.js";
import { formatOf } from "./format.js";
import type { Planner } from "./plan.js";
import { allocate, compileStats } from "./plan-stats.js";
import type { RowStage } from "./plan-types.js";
import { RowResolver } from "./resolvers.js";

export class RowPlanner {
  constructor(
    private readonly p: Planner,
    public afterStats: boolean,
  ) {}

  private field(name: string, start: number, end: number) {
    return this.p.rowGetter({ t: "field", name, start, end }, this.afterStats).get;
  }

  command(command: Command): RowStage[] {
    const p = this.p;
    const query = p.ctx.query;
    switch (command.t) {
      case "filter":
        return [{ t: "filter", fn: p.rowGetter(command.cond, this.afterStats).get }];
      case "display":
        p.displayCols = command.items.map((item) => p.displayColumn(item, this.afterStats));
        return [];
      case "fields": {
        const stages: RowStage[] = [];
        for (const item of command.items) {
          if (item.alias === undefined && item.expr.t === "field") {
            if (p.relistForbidden.has(item.expr.name))
              throw ephemeralAlreadyDefined(query, item.start, item.end, item.expr.name);
            p.addFieldsCol(p.displayColumn(item, this.afterStats));
            continue;
          }
          const name = item.alias ?? item.text;
          if (p.ephemeral.has(name)) throw ephemeralAlreadyDefined(query, item.aliasStart, item.end, name);
          const { get, kind } = p.rowGetter(item.expr, this.afterStats);
          const slot = allocate(p.ctx, kind);
          stages.push({ t: "assign", slot, fn: get });
          p.scope.set(name, slot);
          p.ephemeral.add(name);
          p.relistForbidden.add(name);
          p.addFieldsCol({ name, get: p.rowFn(`R.v[${slot}]`), format: formatOf(kind) });
        }
        return stages;
      }
      case "parse": {
        const pattern = compileParse(query, command);
        const source = this.field(command.source, command.start, command.end);
        const slots = pattern.names.map((name) => {
          if (p.ephemeral.has(name)) throw ephemeralAlreadyDefined(query, command.start, command.end, name);
          const slot = allocate(p.ctx, "str");
          p.scope.set(name, slot);
          p.ephemeral.add(name);
          p.relistForbidden.add(name);
          return slot;
        });
        return [{ t: "parse", pattern, source, slots }];
      }
      case "sort":
        return [
          {
            t: "sort",
            keys: command.keys.map((key) => this.field(key.name, key.start, key.end)),
            desc: command.keys.map((key) => key.desc),
          },
        ];
      case "limit":
        return [{ t: "limit", n: command.n }];
      case "dedup":
        return [{ t: "dedup", keys: command.names.map((n) => this.field(n.name, n.start, n.end)) }];
      case "unnest": {
        const source = this.field(command.field.name, command.field.start, command.field.end);
        const name = command.into.name;
        if (p.ephemeral.has(name)) throw ephemeralAlreadyDefined(query, command.into.start, command.into.end, name);
        const slot = allocate(p.ctx, "any");
        p.scope.set(name, slot);
        p.ephemeral.add(name);
        p.relistForbidden.add(name);
        return [{ t: "unnest", source, slot }];
      }
      case "stats": {
        if (command.offset !== undefined) {
          throw semanticError(query, command.start, command.end, "offset works on the first stats command only");
        }
        const resolver = new RowResolver(query, p.K, p.kinds, new Map(p.scope), this.afterStats);
        const stats = compileStats(p.ctx, command, resolver, p.ephemeral, true);
        p.enterStats(stats);
        this.afterStats = true;
        return [{ t: "stats", spec: stats.spec }];
      }
    }
  }
}
