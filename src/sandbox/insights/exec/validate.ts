/**
 * Rules on the order of commands, as AWS documents them: at most two `stats`; with two, `sort` and `limit`
 * only after the second; nothing but `limit` after `dedup` (AWS answers `unexpected symbol found sort` for
 * `dedup … | sort …`). Our choices where AWS is silent: a `sort` before a single stats is accepted and changes
 * nothing; `limit` or `dedup` before any stats is refused (it would aggregate an arbitrary subset).
 */
import type { Command, Expr } from "../lang/ast.js";
import { semanticError, unexpectedSymbol } from "../lang/errors.js";

function keywordEnd(query: string, start: number): number {
  const match = /^[A-Za-z]+/.exec(query.slice(start));
  return start + (match?.[0].length ?? 1);
}

export function validateCommands(query: string, commands: readonly Command[]): void {
  let stats = 0;
  let ordered: Command | undefined;
  let afterDedup = false;
  for (const command of commands) {
    const end = keywordEnd(query, command.start);
    if (afterDedup && command.t !== "limit") {
      throw unexpectedSymbol(
        query,
        command.start,
        end,
        query.slice(command.start, end),
        "limit, the only command allowed after dedup",
      );
    }
    switch (command.t) {
      case "stats":
        stats += 1;
        if (stats > 2) throw semanticError(query, command.start, end, "a query can have at most two stats commands");
        if (ordered !== undefined) {
          throw semanticError(
            query,
            ordered.start,
            keywordEnd(query, ordered.start),
            "sort, limit and dedup must come after the stats commands",
          );
        }
        break;
      case "sort":
        if (stats > 0) ordered ??= command;
        break;
      case "limit":
        ordered ??= command;
        break;
      case "dedup":
        ordered ??= command;
        afterDedup = true;
        break;
      case "fields":
      case "display":
      case "filter":
      case "parse":
      case "unnest":
        break;
    }
  }
}

/** A name and, for `a.b.c`, the names it may walk from (`a`, `a.b`): an ephemeral MAP read through a path. */
function addRef(name: string, into: Set<string>): void {
  into.add(name);
  for (let dot = name.indexOf("."); dot > 0; dot = name.indexOf(".", dot + 1)) into.add(name.slice(0, dot));
}

function exprRefs(e: Expr, into: Set<string>): void {
  switch (e.t) {
    case "field":
      addRef(e.name, into);
      return;
    case "call":
      for (const arg of e.args) exprRefs(arg, into);
      return;
    case "neg":
    case "not":
      exprRefs(e.x, into);
      return;
    case "binary":
      exprRefs(e.l, into);
      exprRefs(e.r, into);
      return;
    case "like":
      exprRefs(e.x, into);
      return;
    case "in":
      exprRefs(e.x, into);
      for (const item of e.list) exprRefs(item, into);
      return;
    case "num":
    case "str":
    case "regex":
    case "period":
    case "star":
      return;
  }
}

/** Every name a command reads. */
export function commandRefs(command: Command): Set<string> {
  const refs = new Set<string>();
  switch (command.t) {
    case "fields":
    case "display":
      for (const item of command.items) exprRefs(item.expr, refs);
      break;
    case "filter":
      exprRefs(command.cond, refs);
      break;
    case "stats":
      for (const item of [...command.aggs, ...command.by]) exprRefs(item.expr, refs);
      break;
    case "sort":
      for (const key of command.keys) addRef(key.name, refs);
      break;
    case "dedup":
      for (const name of command.names) addRef(name.name, refs);
      break;
    case "parse":
      addRef(command.source, refs);
      break;
    case "unnest":
      addRef(command.field.name, refs);
      break;
    case "limit":
      break;
  }
  return refs;
}
