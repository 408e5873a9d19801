/**
 * Commands joined by `|`: leading `SOURCE` commands, then fields / display / filter / stats / sort / limit /
 * parse / dedup. Command and keyword names are case-insensitive; field names are not.
 */
import type { Command, Item, NameRef, Query, SortKey, Source } from "./ast.js";
import { semanticError } from "./errors.js";
import { ExprParser } from "./expr-parser.js";

const COMMANDS = "a command: fields, display, filter, stats, sort, limit, parse, dedup or unnest";
const AFTER_COMMAND = "| to start the next command, or the end of the query";
/** Real Logs Insights commands the sandbox does not run: named in the error rather than called unknown. */
const UNSUPPORTED = new Set([
  "pattern",
  "anomaly",
  "diff",
  "unmask",
  "filterindex",
  "expand",
  "lookup",
  "join",
  "addtotals",
  "relevantfields",
  "head",
  "tail",
]);

export function parseQuery(text: string): Query {
  return new QueryParser(text).parse();
}

class QueryParser extends ExprParser {
  parse(): Query {
    const sources: Source[] = [];
    while (this.isWord("source")) {
      sources.push(this.parseSource());
      if (this.tok.kind === "eof") this.fail(`| and ${COMMANDS} after SOURCE`);
      this.expectOp("|", AFTER_COMMAND);
    }
    const commands: Command[] = [this.parseCommand()];
    while (this.isOp("|")) {
      this.advance();
      commands.push(this.parseCommand());
    }
    if (this.tok.kind !== "eof") this.fail(AFTER_COMMAND);
    return { text: this.query, sources, commands };
  }

  private parseSource(): Source {
    const start = this.advance().start;
    if (this.tok.kind === "string") {
      const group = this.advance();
      return { t: "group", name: group.value, start, end: group.end };
    }
    if (this.isWord("loggroups")) {
      this.advance();
      this.expectOp("(", "( after logGroups");
      const prefixes: string[] = [];
      while (!this.isOp(")")) {
        const key = this.expectName("namePrefix: [...] inside logGroups()");
        if (key.value !== "namePrefix") {
          throw semanticError(
            this.query,
            key.start,
            key.end,
            `the sandbox supports only namePrefix in SOURCE logGroups(), not ${key.value}`,
          );
        }
        this.expectOp(":", ": after namePrefix");
        this.expectOp("[", "[ to open the list of prefixes");
        while (this.current().kind === "string") {
          prefixes.push(this.advance().value);
          if (this.isOp(",")) this.advance();
        }
        this.expectOp("]", "a 'prefix' string or ] to close the list");
        if (this.isOp(",")) this.advance();
      }
      const close = this.advance();
      return { t: "prefix", prefixes, start, end: close.end };
    }
    return this.fail("a 'log group name' in quotes, or logGroups(namePrefix: [...])");
  }

  private parseCommand(): Command {
    const tok = this.tok;
    if (tok.kind !== "ident") return this.fail(COMMANDS);
    const word = tok.value.toLowerCase();
    switch (word) {
      case "fields":
      case "display": {
        this.advance();
        const items = this.parseItems();
        return { t: word, items, start: tok.start, end: this.lastEnd(items) };
      }
      case "filter": {
        this.advance();
        const cond = this.parseExpr();
        return { t: "filter", cond, start: tok.start, end: cond.end };
      }
      case "stats":
        return this.parseStats();
      case "sort":
        return this.parseSort();
      case "limit": {
        this.advance();
        const n = this.tok;
        if (n.kind !== "number" || !Number.isInteger(n.num) || n.num < 1)
          this.fail("a whole number of rows greater than 0");
        this.advance();
        if (n.num > 100_000) throw semanticError(this.query, n.start, n.end, "limit can be at most 100000");
        return { t: "limit", n: n.num, start: tok.start, end: n.end };
      }
      case "parse":
        return this.parseParse();
      case "dedup": {
        this.advance();
        const names = this.parseNames("a field name to deduplicate on");
        return { t: "dedup", names, start: tok.start, end: this.lastEnd(names) };
      }
      case "unnest": {
        // unnest <list field> into <item field> (CWL_QuerySyntax-Unnest).
        this.advance();
        const field = this.expectName("the field holding the list to unnest");
        this.expectWord("into", "into and a name for each item");
        const into = this.expectName("a name for each item after into");
        return {
          t: "unnest",
          field: { name: field.value, start: field.start, end: field.end },
          into: { name: into.value, start: into.start, end: into.end },
          start: tok.start,
          end: into.end,
        };
      }
      case "source":
        throw semanticError(this.query, tok.start, tok.end, "SOURCE must come before every other command");
      default:
        if (UNSUPPORTED.has(word)) {
          throw semanticError(
            this.query,
            tok.start,
            tok.end,
            `the ${tok.value} command is not supported by this sandbox`,
          );
        }
        return this.fail(COMMANDS);
    }
  }

  private lastEnd(list: readonly { end: number }[]): number {
    return list[list.length - 1]?.end ?? this.tok.start;
  }

  private parseItem(): Item {
    const expr = this.parseExpr();
    const item: Item = {
      expr,
      alias: undefined,
      aliasStart: expr.start,
      text: this.query.slice(expr.start, expr.end),
      start: expr.start,
      end: expr.end,
    };
    if (this.isWord("as")) {
      this.advance();
      const alias = this.expectName("a name for the result after as");
      item.alias = alias.value;
      item.aliasStart = alias.start;
      item.end = alias.end;
    }
    return item;
  }

  private parseItems(): Item[] {
    const items = [this.parseItem()];
    while (this.isOp(",")) {
      this.advance();
      items.push(this.parseItem());
    }
    return items;
  }

  private parseNames(expected: string): NameRef[] {
    const names: NameRef[] = [];
    do {
      if (names.length > 0) this.advance();
      const name = this.expectName(expected);
      names.push({ name: name.value, start: name.start, end: name.end });
    } while (this.isOp(","));
    return names;
  }

  private parseStats(): Command {
    const start = this.advance().start;
    const aggs = this.parseItems();
    let by: Item[] = [];
    if (this.isWord("by")) {
      this.advance();
      by = this.parseItems();
    }
    const command: Extract<Command, { t: "stats" }> = {
      t: "stats",
      aggs,
      by,
      start,
      end: this.lastEnd(by.length > 0 ? by : aggs),
    };
    // `stats … by bin(5m) offset 1h` (AWS's time-series functions page): bins shifted by a duration.
    if (this.isWord("offset")) {
      const word = this.advance();
      const amount = this.current();
      if (amount.kind !== "duration" || amount.period === undefined)
        this.fail("a duration such as 1h or 1d after offset");
      this.advance();
      if (!by.some((item) => item.expr.t === "call" && item.expr.name === "bin")) {
        throw semanticError(this.query, word.start, amount.end, "offset shifts the bins of stats … by bin(period)");
      }
      command.offset = amount.period;
      command.end = amount.end;
    }
    return command;
  }

  private parseSort(): Command {
    const start = this.advance().start;
    const keys: SortKey[] = [];
    do {
      if (keys.length > 0) this.advance();
      const name = this.expectName("a field name to sort by (sort takes field names, not expressions)");
      const key: SortKey = { name: name.value, desc: false, start: name.start, end: name.end };
      if (this.isWord("asc") || this.isWord("desc")) {
        const direction = this.advance();
        key.desc = direction.value.toLowerCase() === "desc";
        key.end = direction.end;
      }
      keys.push(key);
    } while (this.isOp(","));
    if (this.tok.kind !== "eof" && !this.isOp("|")) this.fail("asc, desc, a comma, | or the end of the query");
    return { t: "sort", keys, start, end: this.lastEnd(keys) };
  }

  private parseParse(): Command {
    const start = this.advance().start;
    let source = "@message";
    if (this.tok.kind === "ident" || this.tok.kind === "quoted") source = this.advance().value;
    if (this.isOp("/")) {
      const regex = this.takeRegex();
      return {
        t: "parse",
        source,
        mode: "regex",
        pattern: regex.value,
        patternStart: regex.start,
        names: [],
        start,
        end: regex.end,
      };
    }
    if (this.tok.kind !== "string") this.fail('a "glob pattern with *" or a /regular expression/ with named groups');
    const pattern = this.advance();
    const stars = pattern.value.split("*").length - 1;
    let names: NameRef[] = [];
    if (this.isWord("as")) {
      this.advance();
      names = this.parseNames("a name for each * in the pattern");
    }
    if (names.length !== stars) {
      throw semanticError(
        this.query,
        pattern.start,
        this.lastEnd(names.length > 0 ? names : [pattern]),
        `the parse pattern has ${stars} * wildcard(s) but ${names.length} name(s) after as: give one name per *`,
      );
    }
    return {
      t: "parse",
      source,
      mode: "glob",
      pattern: pattern.value,
      patternStart: pattern.start,
      names,
      start,
      end: this.lastEnd(names),
    };
  }
}
