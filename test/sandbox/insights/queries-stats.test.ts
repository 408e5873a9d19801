/** stats: every aggregate, grouping (fields, expressions, bin units, absent keys), two stats, and what follows stats. */
import { describe } from "vitest";
import { runCases, type Pair, type QueryCase } from "./helpers/cases.js";
import {
  APP_GROUP,
  at,
  BEDROCK_GROUP,
  HAIKU,
  LAMBDA_GROUP,
  NOVA,
  requestId,
  SONNET_PROFILE,
} from "./helpers/fixtures.js";

const alice = "arn:aws:sts::123456789012:assumed-role/genai-lab-learner/alice";
const bob = "arn:aws:sts::123456789012:assumed-role/genai-lab-learner/bob";
const day = (hms: string): string => `2025-08-15 ${hms}.000`;
const row = (...pairs: Pair[]): Pair[] => pairs;

const aggregates: QueryCase[] = [
  {
    name: "count(*), count() and count(field)",
    query: "stats count(*), count(), count(requestMetadata.team)",
    rows: [row(["count(*)", "8"], ["count()", "8"], ["count(requestMetadata.team)", "1"])],
  },
  {
    name: "count_distinct (exact here; AWS approximates only at high cardinality)",
    query: "stats count_distinct(modelId), count_distinct(identity.arn)",
    rows: [row(["count_distinct(modelId)", "3"], ["count_distinct(identity.arn)", "2"])],
  },
  {
    name: "sum, avg, min, max of the nested input token count",
    query:
      "stats sum(input.inputTokenCount), avg(input.inputTokenCount), min(input.inputTokenCount), max(input.inputTokenCount)",
    rows: [
      row(
        ["sum(input.inputTokenCount)", "108"],
        ["avg(input.inputTokenCount)", "13.5"],
        ["min(input.inputTokenCount)", "9"],
        ["max(input.inputTokenCount)", "20"],
      ),
    ],
  },
  {
    name: "numeric aggregates print rounded to four decimals (AWS prints min()/max() that way)",
    query: "stats avg(input.inputTokenCount) as a by identity.arn",
    rows: [row(["identity.arn", alice], ["a", "13.4"]), row(["identity.arn", bob], ["a", "13.6667"])],
  },
  {
    name: "stddev is the sample standard deviation (choice: AWS does not say which)",
    query: "stats stddev(input.inputTokenCount) as sd",
    rows: [row(["sd", "3.5051"])],
  },
  {
    name: "pct is the nearest-rank percentile (choice: AWS does not say which)",
    query:
      "stats pct(output.outputTokenCount, 50), pct(output.outputTokenCount, 90), pct(output.outputTokenCount, 100)",
    rows: [
      row(
        ["pct(output.outputTokenCount, 50)", "101"],
        ["pct(output.outputTokenCount, 90)", "128"],
        ["pct(output.outputTokenCount, 100)", "128"],
      ),
    ],
  },
  {
    name: "earliest/latest pick by @timestamp and print the raw value (for @timestamp: epoch milliseconds, as AWS does)",
    query: "stats earliest(requestId), latest(requestId), earliest(@timestamp), latest(@timestamp)",
    rows: [
      row(
        ["earliest(requestId)", requestId(1)],
        ["latest(requestId)", requestId(8)],
        ["earliest(@timestamp)", String(at("09:05:10"))],
        ["latest(@timestamp)", String(at("12:00:00"))],
      ),
    ],
  },
  {
    name: "sortsFirst/sortsLast use the sort order",
    query: "stats sortsFirst(modelId), sortsLast(modelId)",
    rows: [row(["sortsFirst(modelId)", NOVA], ["sortsLast(modelId)", SONNET_PROFILE])],
  },
  {
    name: "min/max of strings",
    query: "stats min(operation), max(operation)",
    rows: [row(["min(operation)", "Converse"], ["max(operation)", "InvokeModel"])],
  },
  {
    name: "an expression over aggregates",
    query: "stats sum(output.outputTokenCount) / sum(input.inputTokenCount) as ratio",
    rows: [row(["ratio", "7.25"])],
  },
];

const grouping: QueryCase[] = [
  {
    name: "by a field: tokens per model (groups ordered by key when unsorted; AWS leaves the order open)",
    query: "stats sum(input.inputTokenCount), sum(output.outputTokenCount) by modelId",
    rows: [
      row(["modelId", NOVA], ["sum(input.inputTokenCount)", "20"], ["sum(output.outputTokenCount)", "111"]),
      row(["modelId", HAIKU], ["sum(input.inputTokenCount)", "59"], ["sum(output.outputTokenCount)", "451"]),
      row(["modelId", SONNET_PROFILE], ["sum(input.inputTokenCount)", "29"], ["sum(output.outputTokenCount)", "221"]),
    ],
  },
  {
    name: "by two fields",
    query: "stats count(*) as n by identity.arn, operation",
    rows: [
      row(["identity.arn", alice], ["operation", "Converse"], ["n", "1"]),
      row(["identity.arn", alice], ["operation", "InvokeModel"], ["n", "4"]),
      row(["identity.arn", bob], ["operation", "Converse"], ["n", "1"]),
      row(["identity.arn", bob], ["operation", "InvokeModel"], ["n", "2"]),
    ],
  },
  {
    name: "by an aliased expression (time buckets newest first)",
    query: "stats sum(output.outputTokenCount) as out by datefloor(@timestamp, 2h) as window",
    rows: [
      row(["window", day("12:00:00")], ["out", "110"]),
      row(["window", day("10:00:00")], ["out", "340"]),
      row(["window", day("08:00:00")], ["out", "333"]),
    ],
  },
  {
    name: "bin(30m)",
    query: "stats count(*) by bin(30m)",
    rows: ["12:00:00", "11:30:00", "11:00:00", "10:30:00", "10:00:00", "09:30:00", "09:00:00"].map((t) =>
      row(["bin(30m)", day(t)], ["count(*)", t === "09:00:00" ? "2" : "1"]),
    ),
  },
  {
    name: "bin(1d)",
    query: "stats count(*) by bin(1d)",
    rows: [row(["bin(1d)", day("00:00:00")], ["count(*)", "8"])],
  },
  {
    name: "bin(2hrs): long unit names take a plural s",
    query: "stats count(*) by bin(2hrs)",
    rows: [
      row(["bin(2hrs)", day("12:00:00")], ["count(*)", "1"]),
      row(["bin(2hrs)", day("10:00:00")], ["count(*)", "4"]),
      row(["bin(2hrs)", day("08:00:00")], ["count(*)", "3"]),
    ],
  },
  {
    name: "no match with a by clause: no rows",
    query: 'filter modelId = "nope" | stats count(*) by modelId',
    rows: [],
    stats: [0, 8],
  },
  {
    name: "no match without a by clause: one row, count(*) 0",
    query: 'filter modelId = "nope" | stats count(*)',
    rows: [row(["count(*)", "0"])],
  },
  {
    name: "grouping by an absent field puts those events in one group whose row lacks the key",
    query: "stats count(*) by requestMetadata.team",
    rows: [row(["requestMetadata.team", "support"], ["count(*)", "1"]), row(["count(*)", "7"])],
  },
  {
    name: "count(field) over a group that never has the field is absent, not 0 (as AWS returns it)",
    query: "stats count(requestMetadata.team) as teams, count(*) as n by operation",
    rows: [row(["operation", "Converse"], ["n", "2"]), row(["operation", "InvokeModel"], ["teams", "1"], ["n", "6"])],
  },
];

const afterStats: QueryCase[] = [
  {
    name: "sort and limit after stats",
    query: "stats sum(output.outputTokenCount) as out by modelId | sort out desc | limit 2",
    rows: [row(["modelId", HAIKU], ["out", "451"]), row(["modelId", SONNET_PROFILE], ["out", "221"])],
  },
  {
    name: "a sort before a single stats is accepted and changes nothing (choice: AWS leaves it open)",
    query: "sort @timestamp desc | stats count(*) as n by operation",
    rows: [row(["operation", "Converse"], ["n", "2"]), row(["operation", "InvokeModel"], ["n", "6"])],
  },
  {
    name: "filter on an aggregate",
    query: "stats count(*) as n by modelId | filter n > 2",
    rows: [row(["modelId", HAIKU], ["n", "4"])],
  },
  {
    name: "two stats: peak, low and mean of hourly output tokens",
    query:
      "stats sum(output.outputTokenCount) as out by bin(1h) | stats max(out) as peak, min(out) as low, avg(out) as mean",
    rows: [row(["peak", "333"], ["low", "110"], ["mean", "195.75"])],
  },
  {
    name: "two stats: @timestamp carried as max(@timestamp), bucketed with dateceil",
    query: "stats count(*) as n, max(@timestamp) as last by modelId | stats sum(n) as calls by dateceil(last, 1h)",
    rows: [row(["dateceil(last, 1h)", day("12:00:00")], ["calls", "8"])],
  },
  {
    name: "fields after stats adds a column",
    query:
      "stats sum(input.inputTokenCount) as i, sum(output.outputTokenCount) as o by operation | fields i + o as total",
    rows: [
      row(["operation", "Converse"], ["i", "20"], ["o", "111"], ["total", "131"]),
      row(["operation", "InvokeModel"], ["i", "88"], ["o", "672"], ["total", "760"]),
    ],
  },
  {
    name: "display after stats picks columns",
    query: "stats count(*) as n by modelId | display n",
    rows: [row(["n", "2"]), row(["n", "4"]), row(["n", "2"])],
  },
  {
    name: "Lambda: billed duration per hour from REPORT lines",
    query: 'filter @type = "REPORT" | stats avg(@billedDuration) as billed by bin(1h)',
    groups: [LAMBDA_GROUP],
    rows: [row(["bin(1h)", day("10:00:00")], ["billed", "987"]), row(["bin(1h)", day("09:00:00")], ["billed", "1535"])],
    stats: [2, 7],
  },
  {
    name: "Lambda: AWS's memory sample query (@memorySize and @maxMemoryUsed are bytes)",
    query:
      'filter @type = "REPORT" | stats max(@memorySize / 1000 / 1000) as provisonedMemoryMB, min(@maxMemoryUsed / 1000 / 1000) as smallestMemoryRequestMB, avg(@maxMemoryUsed / 1000 / 1000) as avgMemoryUsedMB',
    groups: [LAMBDA_GROUP],
    rows: [row(["provisonedMemoryMB", "256"], ["smallestMemoryRequestMB", "88"], ["avgMemoryUsedMB", "89.5"])],
  },
  {
    name: "across all three groups, by @log",
    query: "stats count(*) by @log",
    groups: [BEDROCK_GROUP, APP_GROUP, LAMBDA_GROUP],
    rows: [
      row(["@log", `123456789012:${BEDROCK_GROUP}`], ["count(*)", "8"]),
      row(["@log", `123456789012:${LAMBDA_GROUP}`], ["count(*)", "7"]),
      row(["@log", `123456789012:${APP_GROUP}`], ["count(*)", "3"]),
    ],
    stats: [18, 18],
  },
];

const ranges: QueryCase[] = [
  {
    name: "StartQuery's range is epoch seconds: 10:00:00–10:59:59 holds two invocations",
    query: "stats count(*)",
    range: { startTime: at("10:00:00") / 1000, endTime: at("10:59:59") / 1000 },
    rows: [row(["count(*)", "2"])],
    stats: [2, 2],
  },
  {
    name: "endTime is inclusive of its whole second; startTime = endTime selects that second",
    query: "stats count(*)",
    range: { startTime: at("09:05:10") / 1000, endTime: at("09:05:10") / 1000 },
    rows: [row(["count(*)", "1"])],
  },
  {
    name: "an empty range: no raw rows and zero statistics",
    query: "fields @timestamp",
    range: { startTime: at("13:00:00") / 1000, endTime: at("14:00:00") / 1000 },
    rows: [],
    stats: [0, 0],
  },
  {
    name: "StartQuery's limit caps raw rows",
    query: "fields requestId",
    limit: 2,
    rows: [
      row(["requestId", requestId(8)], ["@ptr", "Z2xhYjE6MTo4"]),
      row(["requestId", requestId(7)], ["@ptr", "Z2xhYjE6MTo3"]),
    ],
  },
  {
    name: "the smaller of the query's limit and StartQuery's limit wins",
    query: "fields requestId | limit 5",
    limit: 1,
    rows: [row(["requestId", requestId(8)], ["@ptr", "Z2xhYjE6MTo4"])],
  },
  {
    name: "StartQuery's limit caps stats rows too",
    query: "stats count(*) by requestId",
    limit: 2,
    rows: [row(["requestId", requestId(1)], ["count(*)", "1"]), row(["requestId", requestId(2)], ["count(*)", "1"])],
  },
];

describe("aggregates", () => runCases(aggregates));
describe("grouping", () => runCases(grouping));
describe("after stats", () => runCases(afterStats));
describe("time range and limits", () => runCases(ranges));
