/** parse (glob and regex), sort (AWS's natural order), limit and dedup, plain-text and Lambda records. */
import { describe } from "vitest";
import { G, ptr, runCases, type Pair, type QueryCase } from "./helpers/cases.js";
import {
  APP_GROUP,
  APP_LINES,
  HAIKU,
  LAMBDA_GROUP,
  LAMBDA_REQUEST_1,
  LAMBDA_REQUEST_2,
  NOVA,
  requestId,
  SONNET_PROFILE,
} from "./helpers/fixtures.js";

const row = (...pairs: Pair[]): Pair[] => pairs;
const rid = (id: number): Pair => ["requestId", requestId(id)];
const appTs = (i: number): Pair => ["@timestamp", `2025-08-15 ${APP_LINES[i]?.[0]}.000`];
const appMessage = (i: number): Pair => ["@message", APP_LINES[i]?.[1] ?? ""];

const parse: QueryCase[] = [
  {
    name: "glob: each * a field, in order",
    query: 'parse @message "user=*, method:*, latency := *" as user, method, latency | display user, method, latency',
    groups: [APP_GROUP],
    rows: [
      row(["user", "alice"], ["method", "converse"], ["latency", "640"], ptr(G.app, 11)),
      row(["user", "bob"], ["method", "invoke"], ["latency", "1503"], ptr(G.app, 10)),
      row(["user", "alice"], ["method", "invoke"], ["latency", "812"], ptr(G.app, 9)),
    ],
  },
  {
    name: "glob + stats: parsed text averages as numbers",
    query:
      'parse @message "user=*, method:*, latency := *" as user, method, latency | stats avg(latency) as avgLatency, count(*) as calls by user',
    groups: [APP_GROUP],
    rows: [
      row(["user", "alice"], ["avgLatency", "726"], ["calls", "2"]),
      row(["user", "bob"], ["avgLatency", "1503"], ["calls", "1"]),
    ],
  },
  {
    name: "regex with named groups, then filter on a parsed field",
    query: 'parse @message /(?<level>INFO|ERROR) user=(?<who>\\w+)/ | filter level = "ERROR" | display who',
    groups: [APP_GROUP],
    rows: [row(["who", "bob"], ptr(G.app, 10))],
    stats: [1, 3],
  },
  {
    name: "parse a discovered JSON field (the caller's role session) and group by it",
    query:
      'parse identity.arn "arn:aws:sts::*:assumed-role/*/*" as acct, role, session | stats count(*) as n, sum(input.inputTokenCount) as tokens by session',
    rows: [
      row(["session", "alice"], ["n", "5"], ["tokens", "67"]),
      row(["session", "bob"], ["n", "3"], ["tokens", "41"]),
    ],
  },
  {
    name: "a value that does not match leaves the parsed fields absent",
    query: 'parse modelId "amazon.*" as family | display family | limit 3',
    rows: [row(ptr(G.bedrock, 8)), row(["family", "nova-lite-v1:0"], ptr(G.bedrock, 7)), row(ptr(G.bedrock, 6))],
  },
  {
    name: "without fields or display, parsed fields follow @timestamp and @message (choice: AWS leaves it open)",
    query: 'parse @message "* * user=*," as time, level, who | limit 2',
    groups: [APP_GROUP],
    rows: [
      row(
        appTs(2),
        appMessage(2),
        ["time", "2025-08-15T10:15:00Z"],
        ["level", "INFO"],
        ["who", "alice"],
        ptr(G.app, 11),
      ),
      row(
        appTs(1),
        appMessage(1),
        ["time", "2025-08-15T09:40:00Z"],
        ["level", "ERROR"],
        ["who", "bob"],
        ptr(G.app, 10),
      ),
    ],
  },
  {
    name: "parse a field a previous parse made (a * followed by text is lazy)",
    query: 'parse @message "user=*," as who | parse who "*e" as stem | display who, stem',
    groups: [APP_GROUP],
    rows: [
      row(["who", "alice"], ["stem", "alic"], ptr(G.app, 11)),
      row(["who", "bob"], ptr(G.app, 10)),
      row(["who", "alice"], ["stem", "alic"], ptr(G.app, 9)),
    ],
  },
  {
    name: "Lambda REPORT lines give @type, @requestId, @duration, @billedDuration, memory in bytes, @initDuration",
    query:
      'filter @type = "REPORT" | fields @requestId, @duration, @billedDuration, @memorySize, @maxMemoryUsed, @initDuration',
    groups: [LAMBDA_GROUP],
    rows: [
      row(
        ["@requestId", LAMBDA_REQUEST_2],
        ["@duration", "986.5"],
        ["@billedDuration", "987"],
        ["@memorySize", "256000000"],
        ["@maxMemoryUsed", "88000000"],
        ptr(G.lambda, 18),
      ),
      row(
        ["@requestId", LAMBDA_REQUEST_1],
        ["@duration", "1534.21"],
        ["@billedDuration", "1535"],
        ["@memorySize", "256000000"],
        ["@maxMemoryUsed", "91000000"],
        ["@initDuration", "412.07"],
        ptr(G.lambda, 15),
      ),
    ],
  },
  {
    name: "a JSON line in a Lambda log is discovered like any JSON message",
    query: 'filter level = "INFO" | fields msg, modelId',
    groups: [LAMBDA_GROUP],
    rows: [row(["msg", "calling bedrock"], ["modelId", HAIKU], ptr(G.lambda, 13))],
  },
  {
    name: "plain text: like on @message",
    query: 'filter @message like "ERROR"',
    groups: [APP_GROUP],
    rows: [row(appTs(1), appMessage(1), ptr(G.app, 10))],
  },
];

const ordering: QueryCase[] = [
  {
    name: "sort by two keys, asc and desc",
    query: "sort operation asc, input.inputTokenCount desc | fields operation, input.inputTokenCount | limit 4",
    rows: [
      row(["operation", "Converse"], ["input.inputTokenCount", "11"], ptr(G.bedrock, 7)),
      row(["operation", "Converse"], ["input.inputTokenCount", "9"], ptr(G.bedrock, 4)),
      row(["operation", "InvokeModel"], ["input.inputTokenCount", "20"], ptr(G.bedrock, 8)),
      row(["operation", "InvokeModel"], ["input.inputTokenCount", "17"], ptr(G.bedrock, 3)),
    ],
  },
  {
    name: "sort without asc/desc is ascending (choice: AWS leaves the default open)",
    query: "sort input.inputTokenCount | fields input.inputTokenCount | limit 2",
    rows: [
      row(["input.inputTokenCount", "9"], ptr(G.bedrock, 4)),
      row(["input.inputTokenCount", "11"], ptr(G.bedrock, 7)),
    ],
  },
  {
    name: "absent sort keys go last, ascending",
    query: "sort requestMetadata.team asc | fields requestId | limit 2",
    rows: [row(rid(8), ptr(G.bedrock, 8)), row(rid(7), ptr(G.bedrock, 7))],
  },
  {
    name: "absent sort keys go last, descending too (choice: AWS leaves it open)",
    query: "sort requestMetadata.team desc | fields requestId | limit 2",
    rows: [row(rid(8), ptr(G.bedrock, 8)), row(rid(7), ptr(G.bedrock, 7))],
  },
  {
    name: "equal timestamps keep the default order (last ingested first)",
    query: "fields @timestamp, @logStream | sort @timestamp asc | limit 3",
    groups: [APP_GROUP, LAMBDA_GROUP],
    rows: [
      row(["@timestamp", "2025-08-15 09:00:00.000"], ["@logStream", "2025/08/15/[$LATEST]abc123"], ptr(G.lambda, 12)),
      row(["@timestamp", "2025-08-15 09:00:01.000"], ["@logStream", "2025/08/15/[$LATEST]abc123"], ptr(G.lambda, 13)),
      row(["@timestamp", "2025-08-15 09:00:02.000"], ["@logStream", "2025/08/15/[$LATEST]abc123"], ptr(G.lambda, 15)),
    ],
  },
  {
    name: "limit alone returns the newest events",
    query: "fields requestId | limit 3",
    rows: [row(rid(8), ptr(G.bedrock, 8)), row(rid(7), ptr(G.bedrock, 7)), row(rid(6), ptr(G.bedrock, 6))],
    stats: [8, 8],
  },
  {
    name: "dedup keeps the first event per value in sort order",
    query: "fields modelId | sort @timestamp desc | dedup modelId",
    rows: [
      row(["modelId", HAIKU], ptr(G.bedrock, 8)),
      row(["modelId", NOVA], ptr(G.bedrock, 7)),
      row(["modelId", SONNET_PROFILE], ptr(G.bedrock, 6)),
    ],
  },
  {
    name: "dedup without sort uses the default newest-first order",
    query: "fields identity.arn | dedup identity.arn",
    rows: [
      row(["identity.arn", "arn:aws:sts::123456789012:assumed-role/genai-lab-learner/alice"], ptr(G.bedrock, 8)),
      row(["identity.arn", "arn:aws:sts::123456789012:assumed-role/genai-lab-learner/bob"], ptr(G.bedrock, 7)),
    ],
  },
  {
    name: "dedup keeps every event whose key is absent",
    query: "fields requestId | dedup requestMetadata.team",
    rows: [8, 7, 6, 5, 4, 3, 2, 1].map((id) => row(rid(id), ptr(G.bedrock, id))),
  },
  {
    name: "dedup then limit",
    query: "fields operation | sort @timestamp asc | dedup operation | limit 1",
    rows: [row(["operation", "InvokeModel"], ptr(G.bedrock, 1))],
  },
];

const afterTerminal: QueryCase[] = [
  {
    name: "fields after limit work on the kept events",
    query: "fields requestId | limit 2 | fields strlen(requestId) as len",
    rows: [row(rid(8), ["len", "36"], ptr(G.bedrock, 8)), row(rid(7), ["len", "36"], ptr(G.bedrock, 7))],
  },
  {
    name: "filter after limit filters the kept events only",
    query: 'fields operation | limit 2 | filter operation = "Converse"',
    rows: [row(["operation", "Converse"], ptr(G.bedrock, 7))],
  },
  {
    name: "parse on stats results",
    query:
      'stats count(*) as n by modelId | parse modelId "*.*-*" as provider, family, rest | display provider, family, n',
    rows: [
      row(["provider", "amazon"], ["family", "nova"], ["n", "2"]),
      row(["provider", "anthropic"], ["family", "claude"], ["n", "4"]),
      row(
        ["provider", "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us"],
        ["family", "anthropic.claude"],
        ["n", "2"],
      ),
    ],
  },
  {
    name: "dedup on stats results keeps the first row per key",
    query: "stats count(*) as n by operation, modelId | dedup operation",
    rows: [
      row(["operation", "Converse"], ["modelId", NOVA], ["n", "2"]),
      row(["operation", "InvokeModel"], ["modelId", HAIKU], ["n", "4"]),
    ],
  },
  {
    name: "sort on stats results is stable",
    query: "stats count(*) as n by modelId | sort n asc | limit 2",
    rows: [row(["modelId", NOVA], ["n", "2"]), row(["modelId", SONNET_PROFILE], ["n", "2"])],
  },
];

describe("parse and record types", () => runCases(parse));
describe("commands after the terminal", () => runCases(afterTerminal));
describe("sort, limit, dedup", () => runCases(ordering));
