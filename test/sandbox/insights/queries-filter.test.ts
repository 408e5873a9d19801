/** filter (comparisons, and/or/not, in, like, =~, regex flags, absent fields) and the scalar functions. */
import { describe } from "vitest";
import { G, ptr, runCases, type QueryCase } from "./helpers/cases.js";
import { requestId } from "./helpers/fixtures.js";

const count = (n: number, name = "count(*)"): [[string, string]] => [[name, String(n)]];
const rid = (id: number) => ["requestId", requestId(id)] as const;

const filters: QueryCase[] = [
  {
    name: "= on a string field",
    query: 'filter modelId = "amazon.nova-lite-v1:0" | stats count(*)',
    rows: [count(2)],
    stats: [2, 8],
  },
  {
    name: "!= on a string field",
    query: 'filter modelId != "amazon.nova-lite-v1:0" | stats count(*)',
    rows: [count(6)],
  },
  {
    name: ">= on a nested number",
    query: "filter output.outputTokenCount >= 120 | stats count(*)",
    rows: [count(3)],
  },
  {
    name: "or between two comparisons",
    query: "filter input.inputTokenCount < 12 or output.outputTokenCount > 125 | stats count(*) as n",
    rows: [count(4, "n")],
  },
  {
    name: "not with parentheses, and, <=",
    query: 'filter not (operation = "Converse") and input.inputTokenCount <= 13 | stats count(*)',
    rows: [count(3)],
  },
  {
    name: "in [...] with strings",
    query: 'filter output.outputBodyJson.stop_reason in ["max_tokens", "length"] | fields requestId',
    rows: [
      [rid(5), ptr(G.bedrock, 5)],
      [rid(2), ptr(G.bedrock, 2)],
    ],
  },
  {
    name: "not in [...] with numbers",
    query: "filter input.inputTokenCount not in [12, 13, 14] | stats count(*)",
    rows: [count(4)],
  },
  {
    name: 'like "text" is a case-sensitive substring match',
    query: 'filter identity.arn like "bob" | stats count(*)',
    rows: [count(3)],
  },
  {
    name: "like /regex/ with an anchor",
    query: "filter modelId like /^anthropic\\./ | stats count(*)",
    rows: [count(4)],
  },
  { name: "=~ /regex/", query: "filter modelId =~ /claude/ | stats count(*)", rows: [count(6)] },
  {
    name: "a leading (?i) makes a regex case-insensitive",
    query: "filter input.inputBodyJson.messages.0.content like /(?i)amazon BEDROCK/ | stats count(*)",
    rows: [count(2)],
  },
  {
    name: "not like /regex/ over @message",
    query: "filter @message not like /Converse/ | stats count(*)",
    rows: [count(6)],
  },
  {
    name: "ispresent() finds the only record with a cache-read count",
    query: "filter ispresent(input.cacheReadInputTokenCount) | fields requestId",
    rows: [[rid(8), ptr(G.bedrock, 8)]],
  },
  {
    name: "a comparison with an absent field is never true: the seed's top-level field matches nothing (count(*) is 0)",
    query: "filter inputTokenCount > 0 | stats count(*) as n",
    rows: [count(0, "n")],
    stats: [0, 8],
  },
  {
    name: "!= against an absent field is not true either (SQL-style unknown; AWS leaves it open)",
    query: 'filter requestMetadata.team != "support" | stats count(*) as n',
    rows: [count(0, "n")],
  },
  {
    name: "arithmetic inside filter",
    query: "filter output.outputTokenCount / input.inputTokenCount > 9 | fields requestId",
    rows: [
      [rid(5), ptr(G.bedrock, 5)],
      [rid(2), ptr(G.bedrock, 2)],
    ],
  },
  {
    name: "@timestamp compares as epoch milliseconds",
    query: "filter @timestamp >= 1755259200000 | stats count(*)",
    rows: [count(1)],
  },
  {
    name: "filter on @logStream",
    query: 'filter @logStream = "aws/bedrock/modelinvocations" | stats count(*)',
    rows: [count(8)],
  },
  {
    name: "a long text left in the message is still filterable (the scan reads messages)",
    query: "filter output.outputBodyJson.content.0.text like /grounded/ | fields requestId",
    rows: [[rid(2), ptr(G.bedrock, 2)]],
    stats: [1, 8],
  },
  {
    name: "numeric text compares as a number (a parsed value against 1000)",
    query: 'parse @message "latency := *" as latency | filter latency > 1000 | display latency',
    groups: ["/genai-lab/app"],
    rows: [[["latency", "1503"], ptr(G.app, 10)]],
  },
];

const functions: QueryCase[] = [
  {
    name: "strlen, toupper, tolower",
    query: `fields strlen(input.inputBodyJson.messages.0.content) as len, toupper(operation) as op, tolower("US-East-1") as r | filter requestId = "${requestId(1)}"`,
    rows: [[["len", "23"], ["op", "INVOKEMODEL"], ["r", "us-east-1"], ptr(G.bedrock, 1)]],
  },
  {
    name: "concat, substr (from 0), replace",
    query: `fields concat(operation, "/", output.outputBodyJson.stop_reason) as c, substr(modelId, 0, 9) as s, replace(modelId, "anthropic.", "") as r | filter requestId = "${requestId(1)}"`,
    rows: [
      [["c", "InvokeModel/end_turn"], ["s", "anthropic"], ["r", "claude-3-haiku-20240307-v1:0"], ptr(G.bedrock, 1)],
    ],
  },
  {
    name: "trim, ltrim, rtrim with and without a character set (AWS's documented examples)",
    query:
      'fields trim("  x  ") as t, ltrim("xyZfooxyZ", "xyZ") as l, rtrim("xyZfooxyZ", "xyZ") as r, trim("xyZxyfooxyxyZ", "xyZ") as b | limit 1',
    rows: [[["t", "x"], ["l", "fooxyZ"], ["r", "xyZfoo"], ["b", "foo"], ptr(G.bedrock, 8)]],
  },
  {
    name: "strcontains gives 1 or 0, which sum() adds up",
    query: 'fields strcontains(modelId, "claude") as isClaude | stats sum(isClaude) as claudeCalls, count(*) as calls',
    rows: [
      [
        ["claudeCalls", "6"],
        ["calls", "8"],
      ],
    ],
  },
  {
    name: "abs, ceil, floor, round, greatest, least, sqrt",
    query:
      "fields abs(-3) as a, ceil(2.1) as c, floor(2.9) as f, round(2.5) as r, greatest(1, 5, 3) as g, least(4, 2, 9) as l, sqrt(16) as s | limit 1",
    rows: [[["a", "3"], ["c", "3"], ["f", "2"], ["r", "3"], ["g", "5"], ["l", "2"], ["s", "4"], ptr(G.bedrock, 8)]],
  },
  {
    name: "operator precedence: * before +, ^ right-associative, unary minus below ^",
    query: "fields 2 + 3 * 4 as a, (2 + 3) * 4 as b, 2 ^ 3 ^ 2 as c, 10 % 3 as d, -2 ^ 2 as e | limit 1",
    rows: [[["a", "14"], ["b", "20"], ["c", "512"], ["d", "1"], ["e", "-4"], ptr(G.bedrock, 8)]],
  },
  {
    name: "division prints the full double (only aggregates are rounded)",
    query: `fields output.outputTokenCount / input.inputTokenCount as ratio | filter requestId = "${requestId(1)}"`,
    rows: [[["ratio", "7.083333333333333"], ptr(G.bedrock, 1)]],
  },
  {
    name: "division by zero gives an absent value (choice: AWS leaves it open)",
    query: "fields 1 / 0 as x, 1 as one | limit 1",
    rows: [[["one", "1"], ptr(G.bedrock, 8)]],
  },
  {
    name: "datefloor, dateceil, toMillis, fromMillis",
    query: `fields datefloor(@timestamp, 1h) as f, dateceil(@timestamp, 1h) as c, toMillis(@timestamp) as ms, fromMillis(1755248710000) as back | filter requestId = "${requestId(1)}"`,
    rows: [
      [
        ["f", "2025-08-15 09:00:00.000"],
        ["c", "2025-08-15 10:00:00.000"],
        ["ms", "1755248710000"],
        ["back", "2025-08-15 09:05:10.000"],
        ptr(G.bedrock, 1),
      ],
    ],
  },
  {
    name: "bin() in fields floors @timestamp",
    query: `fields bin(5m) as b | filter requestId = "${requestId(3)}"`,
    rows: [[["b", "2025-08-15 09:45:00.000"], ptr(G.bedrock, 3)]],
  },
  {
    name: "ispresent (1/0), isempty (1 when absent), coalesce",
    query:
      'fields ispresent(requestMetadata.team) as p, isempty(requestMetadata.team) as e, coalesce(requestMetadata.team, "none") as team | limit 2',
    rows: [
      [["p", "1"], ["e", "0"], ["team", "support"], ptr(G.bedrock, 8)],
      [["p", "0"], ["e", "1"], ["team", "none"], ptr(G.bedrock, 7)],
    ],
  },
  {
    name: "isblank treats whitespace as blank",
    query: 'fields isblank("   ") as b, isblank("x") as n | limit 1',
    rows: [[["b", "1"], ["n", "0"], ptr(G.bedrock, 8)]],
  },
];

describe("filter", () => runCases(filters));
describe("functions", () => runCases(functions));
