/**
 * Malformed queries: MalformedQueryException with AWS's own prefix — `unexpected symbol found <token> at line
 * <n> and position <p>` (line from 1, position from 0 within the line, as AWS reports `sort bin(5m)`) — then,
 * our addition, what was expected. Rule violations name the rule and the position.
 */
import { describe } from "vitest";
import { runCases, type QueryCase } from "./helpers/cases.js";

const malformed = (message: string | RegExp) => ({ code: "MalformedQueryException", message });

const syntax: QueryCase[] = [
  {
    name: "an empty query",
    query: "",
    error: malformed(
      "unexpected symbol found <EOF> at line 1 and position 0: expected a command: fields, display, filter, stats, sort, limit, parse, dedup or unnest",
    ),
  },
  {
    name: "a command without arguments",
    query: "fields",
    error: malformed(
      'unexpected symbol found <EOF> at line 1 and position 6: expected an expression: a field, a number, a "string", a function call or (',
    ),
  },
  {
    name: "sort takes field names, not expressions (AWS: unexpected symbol found ( )",
    query: "sort bin(5m)",
    error: malformed(
      "unexpected symbol found ( at line 1 and position 8: expected asc, desc, a comma, | or the end of the query",
    ),
  },
  {
    name: "regex flags after the closing slash are not supported (AWS: unexpected symbol found i)",
    query: "filter modelId like /claude/i",
    error: malformed(/^unexpected symbol found i at line 1 and position 28: expected \| to start the next command/),
  },
  {
    name: "positions count within the line on multi-line queries",
    query: "fields @timestamp\n| filter x >\n| limit 5",
    error: malformed(/^unexpected symbol found \| at line 3 and position 0: expected an expression/),
  },
  {
    name: "a by clause with nothing after it",
    query: "stats count(*) by",
    error: malformed(/^unexpected symbol found <EOF> at line 1 and position 17: /),
  },
  {
    name: "a trailing comma",
    query: "fields a,",
    error: malformed(/^unexpected symbol found <EOF> at line 1 and position 9: /),
  },
  {
    name: "a trailing pipe",
    query: "fields a |",
    error: malformed(/^unexpected symbol found <EOF> at line 1 and position 10: expected a command/),
  },
  {
    name: "two expressions without a comma",
    query: "fields a b",
    error: malformed(/^unexpected symbol found b at line 1 and position 9: /),
  },
  {
    name: "limit needs a positive whole number",
    query: "limit 0",
    error: malformed(
      "unexpected symbol found 0 at line 1 and position 6: expected a whole number of rows greater than 0",
    ),
  },
  {
    name: "limit is at most 100000",
    query: "limit 100001",
    error: malformed("limit can be at most 100000 (at line 1 and position 6)"),
  },
  {
    name: "an unclosed parenthesis",
    query: "filter (a = 1",
    error: malformed(/^unexpected symbol found <EOF> at line 1 and position 13: expected \) to close/),
  },
  {
    name: "in needs a list",
    query: "filter a in 1",
    error: malformed(/^unexpected symbol found 1 at line 1 and position 12: expected \[ to open the list/),
  },
  {
    name: "an unclosed string is a token recognition error",
    query: 'filter modelId = "abc',
    error: malformed(/^token recognition error at: '"abc' at line 1 and position 17: the string is not closed/),
  },
  {
    name: "a character no token starts with (AWS: token recognition error at: '\\')",
    query: "fields replace(x, \\d, y)",
    error: malformed(/^token recognition error at: '\\' at line 1 and position 18/),
  },
  {
    name: "an unknown command",
    query: "fields a | select b",
    error: malformed(/^unexpected symbol found select at line 1 and position 11: expected a command/),
  },
  {
    name: "a real command the sandbox does not run",
    query: "pattern @message",
    error: malformed("the pattern command is not supported by this sandbox (at line 1 and position 0)"),
  },
  {
    name: "SOURCE after another command",
    query: "fields a | SOURCE 'g'",
    error: malformed("SOURCE must come before every other command (at line 1 and position 11)"),
  },
];

const rules: QueryCase[] = [
  {
    name: "an unknown function",
    query: "fields foo(x)",
    error: malformed("foo() is not a Logs Insights function (at line 1 and position 7)"),
  },
  {
    name: "a real function the sandbox does not implement",
    query: "fields jsonStringify(@message)",
    error: malformed(/^jsonStringify\(\) is a Logs Insights function this sandbox does not implement/),
  },
  {
    name: "wrong number of arguments",
    query: "fields substr(modelId)",
    error: malformed("substr() takes 2 to 3 argument(s), not 1 (at line 1 and position 7)"),
  },
  {
    name: "bin() needs a period",
    query: "stats count(*) by bin(5)",
    error: malformed("bin() needs a time period such as 5m or 1h here (at line 1 and position 22)"),
  },
  {
    name: "an aggregate outside stats",
    query: "fields sum(x)",
    error: malformed("sum() is an aggregate function: use it in stats (at line 1 and position 7)"),
  },
  {
    name: "a stats item without an aggregate",
    query: "stats x by y",
    error: malformed(
      "x must be inside an aggregate function such as count(x) or sum(x), or in the by clause (at line 1 and position 6)",
    ),
  },
  {
    name: "at most two stats commands",
    query: "stats count(*) as a | stats count(*) as b | stats count(*)",
    error: malformed("a query can have at most two stats commands (at line 1 and position 44)"),
  },
  {
    name: "limit before stats is refused (choice: AWS documents the rule for two stats only)",
    query: "limit 5 | stats count(*)",
    error: malformed("sort, limit and dedup must come after the stats commands (at line 1 and position 0)"),
  },
  {
    name: "sort between two stats (AWS: sort and limit must come after the second stats)",
    query: "stats count(*) as n by modelId | sort n desc | stats sum(n)",
    error: malformed("sort, limit and dedup must come after the stats commands (at line 1 and position 33)"),
  },
  {
    name: "only limit may follow dedup (AWS: unexpected symbol found sort)",
    query: "dedup modelId | sort @timestamp desc",
    error: malformed(
      "unexpected symbol found sort at line 1 and position 16: expected limit, the only command allowed after dedup",
    ),
  },
  {
    name: "bin() after stats: @timestamp no longer exists",
    query: "stats count(*) as n by modelId | stats sum(n) by bin(1h)",
    error: malformed(/^bin\(\) needs @timestamp, which does not exist after stats/),
  },
  {
    name: "after stats only the fields stats made exist",
    query: "stats count(*) as n by modelId | fields @message",
    error: malformed(
      "@message is not available after stats; only the fields stats produced can be used here: modelId, n (at line 1 and position 40)",
    ),
  },
  {
    name: "an invalid regular expression",
    query: "filter modelId like /[/",
    error: malformed(/^invalid regular expression: .* \(at line 1 and position 20\)$/),
  },
  {
    name: "a glob needs one name per *",
    query: 'parse @message "a*b*" as x',
    error: malformed(
      "the parse pattern has 2 * wildcard(s) but 1 name(s) after as: give one name per * (at line 1 and position 15)",
    ),
  },
  {
    name: "a parse regex needs named groups",
    query: "parse @message /user=(\\w+)/",
    error: malformed(/^a parse regular expression needs named groups/),
  },
  {
    name: "round() takes a number of digits, not a field",
    query: "fields round(x, y)",
    error: malformed("round() needs a number here (at line 1 and position 16)"),
  },
  {
    name: "pct() takes a percentile between 0 and 100",
    query: "stats pct(x, 150)",
    error: malformed("pct() takes a percentile between 0 and 100 (at line 1 and position 6)"),
  },
  {
    name: "a parse name used twice (AWS: Ephemeral field is already defined)",
    query: 'parse @message "user=*," as who | parse @message "method:*," as who',
    groups: ["/genai-lab/app"],
    error: malformed("Ephemeral field is already defined: who"),
  },
  {
    name: "re-listing a parse-created field in fields (AWS: Ephemeral field is already defined)",
    query: 'parse @message "user=*," as who | fields who',
    groups: ["/genai-lab/app"],
    error: malformed("Ephemeral field is already defined: who"),
  },
  {
    name: "a stats alias equal to a parse-created field (AWS: Ephemeral field is already defined)",
    query: 'parse @message "user=*," as who | stats count(*) as who',
    groups: ["/genai-lab/app"],
    error: malformed("Ephemeral field is already defined: who"),
  },
  {
    name: "a time period where an expression belongs",
    query: "fields 5m",
    error: malformed("this can only be an argument of like, =~ or a function (at line 1 and position 7)"),
  },
];

describe("syntax errors", () => runCases(syntax));
describe("rule errors", () => runCases(rules));
