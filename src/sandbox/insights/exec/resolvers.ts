/**
 * How a field name reads, depending on where an expression runs. Inside the event loop: an ephemeral field
 * is a local `e<slot>`, a system field an array of the store, a discovered field a column read specialised
 * for numbers and dictionary strings. On materialised rows: `R.v[slot]`, or a read of the row's event.
 * After `stats` only the names stats defined exist (AWS rejects other references there too).
 */
import type { Expr } from "../lang/ast.js";
import type { ValueKind } from "../lang/catalog.js";
import { semanticError } from "../lang/errors.js";
import { nonNumberRead, type Consts, type Gen, type Resolver } from "./codegen.js";

type Call = Extract<Expr, { t: "call" }>;

/**
 * `js.events.0` where `js` (or `js.events`) is an ephemeral field: the longest such prefix and the keys after it.
 * A MAP from jsonParse() or an unnest item is walked this way; a discovered field named with dots is not touched.
 */
export function ephemeralPath(
  name: string,
  scope: ReadonlyMap<string, number>,
): { slot: number; keys: string[] } | undefined {
  const parts = name.split(".");
  for (let k = parts.length - 1; k >= 1; k--) {
    const slot = scope.get(parts.slice(0, k).join("."));
    if (slot !== undefined) return { slot, keys: parts.slice(k) };
  }
  return undefined;
}

function aggregateOutsideStats(query: string, call: Call): Error {
  return semanticError(query, call.start, call.end, `${call.name}() is an aggregate function: use it in stats`);
}

export class EventResolver implements Resolver {
  /** Discovered fields the loop reads, by column index. */
  readonly columns: string[] = [];
  private readonly columnIndex = new Map<string, number>();
  usesMessage = false;
  /**
   * Ephemeral slots whose value is a function of one column's dictionary code (a `parse` of a discovered field):
   * slot → that column's local (`c<n>`). Stats grouping by such a slot finds the group by the code.
   */
  readonly byCode = new Map<number, string>();

  constructor(
    private readonly query: string,
    private readonly kinds: ValueKind[],
    public scope: Map<string, number>,
    private readonly K: Consts,
  ) {}

  column(name: string): number {
    let index = this.columnIndex.get(name);
    if (index === undefined) {
      index = this.columns.length;
      this.columns.push(name);
      this.columnIndex.set(name, index);
    }
    return index;
  }

  field(name: string): Gen {
    const slot = this.scope.get(name);
    if (slot !== undefined) return { code: `e${slot}`, kind: this.kinds[slot] ?? "any" };
    const walk = ephemeralPath(name, this.scope);
    if (walk !== undefined) return { code: `H.path(e${walk.slot}, ${this.K.add(walk.keys)})`, kind: "any" };
    switch (name) {
      case "@timestamp":
        return { code: "TS[i]", kind: "ts" };
      case "@ingestionTime":
        return { code: "IT[i]", kind: "ts" };
      case "@logStream":
        return { code: "SN[SC[i]]", kind: "str" };
      case "@log":
        return { code: "LOG", kind: "str" };
      case "@message":
        this.usesMessage = true;
        return { code: "H.msg(X, S, i)", kind: "str" };
      case "@ptr":
        return { code: "H.ptr(S, i)", kind: "str" };
      default: {
        const c = `c${this.column(name)}`;
        return { code: `((k = ${c}c[i]) === 1 ? ${c}n[i] : ${nonNumberRead(c)})`, kind: "any", col: c };
      }
    }
  }

  timestamp(): Gen {
    return { code: "TS[i]", kind: "ts" };
  }

  aggregate(call: Call): Gen {
    throw aggregateOutsideStats(this.query, call);
  }
}

export class RowResolver implements Resolver {
  constructor(
    private readonly query: string,
    private readonly K: Consts,
    private readonly kinds: ValueKind[],
    private readonly scope: ReadonlyMap<string, number>,
    /** Rows made by stats carry no event: only the names in scope exist. */
    private readonly afterStats: boolean,
  ) {}

  field(name: string, node: Expr): Gen {
    const slot = this.scope.get(name);
    if (slot !== undefined) return { code: `R.v[${slot}]`, kind: this.kinds[slot] ?? "any" };
    const walk = ephemeralPath(name, this.scope);
    if (walk !== undefined) return { code: `H.path(R.v[${walk.slot}], ${this.K.add(walk.keys)})`, kind: "any" };
    if (this.afterStats) {
      const known = [...this.scope.keys()].join(", ");
      throw semanticError(
        this.query,
        node.start,
        node.end,
        `${name} is not available after stats; only the fields stats produced can be used here: ${known}`,
      );
    }
    switch (name) {
      case "@timestamp":
        return { code: "R.t", kind: "ts" };
      case "@ingestionTime":
        return { code: "R.S.ingest[R.i]", kind: "ts" };
      case "@logStream":
        return { code: "R.S.streamNames[R.S.streams[R.i]]", kind: "str" };
      case "@log":
        return { code: "R.S.label", kind: "str" };
      case "@message":
        return { code: "X.message(R.S, R.i)", kind: "str" };
      case "@ptr":
        return { code: "H.ptr(R.S, R.i)", kind: "str" };
      default:
        return { code: `X.field(R.S, R.i, ${this.K.add(name)})`, kind: "any" };
    }
  }

  timestamp(node: Expr): Gen {
    if (this.afterStats) {
      throw semanticError(
        this.query,
        node.start,
        node.end,
        "bin() needs @timestamp, which does not exist after stats: carry it through the first stats, e.g. max(@timestamp) as @t, and use dateceil(@t, 5m)",
      );
    }
    return { code: "R.t", kind: "ts" };
  }

  aggregate(call: Call): Gen {
    throw aggregateOutsideStats(this.query, call);
  }
}
