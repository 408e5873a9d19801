/**
 * Every query of the seed lab, as AWS answers it over real invocation records: the seed names top-level
 * `inputTokenCount`/`outputTokenCount`, which Bedrock nests under input./output., so those columns come back
 * empty — missing fields are simply left out of each row. Plus the dashboard's `SOURCE '<group>' | …` form,
 * and the output columns of fields / display.
 */
import { describe } from "vitest";
import { G, ptr, runCases, type Pair, type QueryCase } from "./helpers/cases.js";
import {
  APP_GROUP,
  BEDROCK_GROUP,
  BEDROCK_STREAM,
  HAIKU,
  INVOCATIONS,
  invocationRecord,
  LAMBDA_GROUP,
  LONG_COMPLETION,
  NOVA,
  requestId,
  SONNET_PROFILE,
} from "./helpers/fixtures.js";

const ts = (hms: string): Pair => ["@timestamp", `2025-08-15 ${hms}.000`];
const bin = (hms: string, name = "bin(1h)"): Pair => [name, `2025-08-15 ${hms}.000`];
const message = (id: number): Pair => [
  "@message",
  invocationRecord(INVOCATIONS[id - 1] as (typeof INVOCATIONS)[number], id),
];
const MODEL_BY_ID = [HAIKU, HAIKU, SONNET_PROFILE, NOVA, HAIKU, SONNET_PROFILE, NOVA, HAIKU];
const TIME_BY_ID = ["09:05:10", "09:20:30", "09:45:00", "10:02:15", "10:30:45", "11:10:00", "11:55:59", "12:00:00"];
const IN_BY_ID = [12, 14, 17, 9, 13, 12, 11, 20];
const OUT_BY_ID = [85, 128, 120, 64, 128, 101, 47, 110];
const newestFirst = [8, 7, 6, 5, 4, 3, 2, 1];

const seed: QueryCase[] = [
  {
    name: "seed step 3: top-level inputTokenCount/outputTokenCount do not exist, so rows carry only @timestamp and modelId",
    query: "fields @timestamp, modelId, inputTokenCount, outputTokenCount\n| sort @timestamp desc\n| limit 20",
    rows: newestFirst.map((id) => [
      ts(TIME_BY_ID[id - 1] as string),
      ["modelId", MODEL_BY_ID[id - 1] as string],
      ptr(G.bedrock, id),
    ]),
    stats: [8, 8],
  },
  {
    name: "seed widget 1: invocations per hour, newest bucket first",
    query: "fields @timestamp\n| stats count() as invocations by bin(1h)",
    rows: [
      [bin("12:00:00"), ["invocations", "1"]],
      [bin("11:00:00"), ["invocations", "2"]],
      [bin("10:00:00"), ["invocations", "2"]],
      [bin("09:00:00"), ["invocations", "3"]],
    ],
    stats: [8, 8],
  },
  {
    name: "seed widget 2: sums of the missing top-level token fields are absent, so each row holds only its bucket",
    query:
      "fields @timestamp, inputTokenCount, outputTokenCount\n| stats sum(inputTokenCount) as totalInput, sum(outputTokenCount) as totalOutput by bin(1h)",
    rows: [[bin("12:00:00")], [bin("11:00:00")], [bin("10:00:00")], [bin("09:00:00")]],
  },
  {
    name: "seed widget 3 on the Bedrock group: @duration exists only in Lambda logs, so latency columns are absent",
    query:
      "fields @timestamp, @duration\n| stats avg(@duration) as avgLatency, max(@duration) as maxLatency by bin(1h)",
    rows: [[bin("12:00:00")], [bin("11:00:00")], [bin("10:00:00")], [bin("09:00:00")]],
  },
  {
    name: "seed widget 3 on a Lambda group: @duration comes from REPORT lines",
    query:
      "fields @timestamp, @duration\n| stats avg(@duration) as avgLatency, max(@duration) as maxLatency by bin(1h)",
    groups: [LAMBDA_GROUP],
    rows: [
      [bin("10:00:00"), ["avgLatency", "986.5"], ["maxLatency", "986.5"]],
      [bin("09:00:00"), ["avgLatency", "1534.21"], ["maxLatency", "1534.21"]],
    ],
    stats: [7, 7],
  },
  {
    name: "seed step 3 corrected: the nested token counts",
    query:
      "fields @timestamp, modelId, input.inputTokenCount, output.outputTokenCount | sort @timestamp desc | limit 20",
    rows: newestFirst.map((id) => [
      ts(TIME_BY_ID[id - 1] as string),
      ["modelId", MODEL_BY_ID[id - 1] as string],
      ["input.inputTokenCount", String(IN_BY_ID[id - 1])],
      ["output.outputTokenCount", String(OUT_BY_ID[id - 1])],
      ptr(G.bedrock, id),
    ]),
  },
  {
    name: "seed widget 2 corrected: token totals per hour",
    query: "stats sum(input.inputTokenCount) as totalInput, sum(output.outputTokenCount) as totalOutput by bin(1h)",
    rows: [
      [bin("12:00:00"), ["totalInput", "20"], ["totalOutput", "110"]],
      [bin("11:00:00"), ["totalInput", "23"], ["totalOutput", "148"]],
      [bin("10:00:00"), ["totalInput", "22"], ["totalOutput", "192"]],
      [bin("09:00:00"), ["totalInput", "43"], ["totalOutput", "333"]],
    ],
  },
];

const source: QueryCase[] = [
  {
    name: "dashboard form: SOURCE '<group>' | stats … needs no log group in the request",
    query: `SOURCE '${BEDROCK_GROUP}' | stats count(*) as invocations by bin(1h)`,
    rows: [
      [bin("12:00:00"), ["invocations", "1"]],
      [bin("11:00:00"), ["invocations", "2"]],
      [bin("10:00:00"), ["invocations", "2"]],
      [bin("09:00:00"), ["invocations", "3"]],
    ],
  },
  {
    name: "several SOURCE commands query several groups; @log tells them apart",
    query: `SOURCE '${BEDROCK_GROUP}' | SOURCE '${APP_GROUP}' | stats count(*) by @log`,
    rows: [
      [
        ["@log", `123456789012:${BEDROCK_GROUP}`],
        ["count(*)", "8"],
      ],
      [
        ["@log", `123456789012:${APP_GROUP}`],
        ["count(*)", "3"],
      ],
    ],
    stats: [11, 11],
  },
  {
    name: "SOURCE logGroups(namePrefix: [...]) selects every group with the prefix",
    query: "SOURCE logGroups(namePrefix: ['/aws/']) | stats count(*) by @log",
    rows: [
      [
        ["@log", `123456789012:${BEDROCK_GROUP}`],
        ["count(*)", "8"],
      ],
      [
        ["@log", `123456789012:${LAMBDA_GROUP}`],
        ["count(*)", "7"],
      ],
    ],
  },
  {
    name: "SOURCE naming a group that does not exist is ResourceNotFoundException",
    query: "SOURCE '/aws/bedrock/nope' | stats count(*)",
    error: {
      code: "ResourceNotFoundException",
      message: "Log group '/aws/bedrock/nope' does not exist for account ID '123456789012'",
    },
  },
];

const columns: QueryCase[] = [
  {
    name: "without fields or display a raw row shows @timestamp and @message (and @ptr)",
    query: 'filter operation = "Converse"',
    rows: [
      [ts("11:55:59"), message(7), ptr(G.bedrock, 7)],
      [ts("10:02:15"), message(4), ptr(G.bedrock, 4)],
    ],
    stats: [2, 8],
  },
  {
    name: "fields with aliases and arithmetic, sorted by the alias",
    query:
      "fields modelId as model, input.inputTokenCount + output.outputTokenCount as total | sort total desc | limit 3",
    rows: [
      [["model", HAIKU], ["total", "142"], ptr(G.bedrock, 2)],
      [["model", HAIKU], ["total", "141"], ptr(G.bedrock, 5)],
      [["model", SONNET_PROFILE], ["total", "137"], ptr(G.bedrock, 3)],
    ],
  },
  {
    name: "the last display decides the columns",
    query: "fields modelId, operation | display operation | limit 2",
    rows: [
      [["operation", "InvokeModel"], ptr(G.bedrock, 8)],
      [["operation", "Converse"], ptr(G.bedrock, 7)],
    ],
  },
  {
    name: "display takes expressions with aliases; booleans print as 1 and 0",
    query: "display modelId, output.outputTokenCount > 100 as long | limit 3",
    rows: [
      [["modelId", HAIKU], ["long", "1"], ptr(G.bedrock, 8)],
      [["modelId", NOVA], ["long", "0"], ptr(G.bedrock, 7)],
      [["modelId", SONNET_PROFILE], ["long", "1"], ptr(G.bedrock, 6)],
    ],
  },
  {
    name: "several fields commands show the union of their fields",
    query: "fields modelId | fields operation | limit 1",
    rows: [[["modelId", HAIKU], ["operation", "InvokeModel"], ptr(G.bedrock, 8)]],
  },
  {
    name: "backtick-quoted names",
    query: "fields `input.inputTokenCount`, `region` | limit 1",
    rows: [[["input.inputTokenCount", "20"], ["region", "us-east-1"], ptr(G.bedrock, 8)]],
  },
  {
    name: "JSON arrays flatten by index (messages.0.content, content.0.text)",
    query:
      'fields output.outputBodyJson.content.0.text, input.inputBodyJson.messages.0.content | filter operation = "InvokeModel" | limit 1',
    rows: [
      [
        ["output.outputBodyJson.content.0.text", "Refunds are possible within 30 days."],
        ["input.inputBodyJson.messages.0.content", "Summarise our refund policy."],
        ptr(G.bedrock, 8),
      ],
    ],
  },
  {
    name: "Converse bodies flatten through nested arrays and objects",
    query:
      'fields input.inputBodyJson.messages.0.content.0.text, output.outputBodyJson.metrics.latencyMs | filter operation = "Converse"',
    rows: [
      [
        ["input.inputBodyJson.messages.0.content.0.text", "Explain RAG in simple terms."],
        ["output.outputBodyJson.metrics.latencyMs", "812"],
        ptr(G.bedrock, 7),
      ],
      [
        ["input.inputBodyJson.messages.0.content.0.text", "What is prompt engineering?"],
        ["output.outputBodyJson.metrics.latencyMs", "530"],
        ptr(G.bedrock, 4),
      ],
    ],
  },
  {
    name: "a JSON null gives no field (choice: AWS does not document null values)",
    query: "fields output.outputBodyJson.stop_sequence, output.outputBodyJson.stop_reason | limit 1",
    rows: [[["output.outputBodyJson.stop_reason", "end_turn"], ptr(G.bedrock, 8)]],
  },
  {
    name: "a long completion text is read back from the message for output rows",
    query: `fields output.outputBodyJson.content.0.text | filter requestId = "${requestId(2)}"`,
    rows: [[["output.outputBodyJson.content.0.text", LONG_COMPLETION], ptr(G.bedrock, 2)]],
  },
  {
    name: "system fields @log, @logStream and @ingestionTime",
    query: "fields @log, @logStream, @ingestionTime | limit 1",
    rows: [
      [
        ["@log", `123456789012:${BEDROCK_GROUP}`],
        ["@logStream", BEDROCK_STREAM],
        ["@ingestionTime", "2025-08-15 12:00:05.000"],
        ptr(G.bedrock, 8),
      ],
    ],
  },
  {
    name: "an unaliased expression column is named by its text",
    query: "fields abs(input.inputTokenCount - output.outputTokenCount) | limit 1",
    rows: [[["abs(input.inputTokenCount - output.outputTokenCount)", "90"], ptr(G.bedrock, 8)]],
  },
];

const language: QueryCase[] = [
  {
    name: "# starts a comment to the end of the line (AWS's own example comments out a command)",
    query: 'fields @timestamp, operation # the columns\n    # | filter operation = "Converse"\n    | limit 1',
    rows: [[ts("12:00:00"), ["operation", "InvokeModel"], ptr(G.bedrock, 8)]],
  },
  {
    name: "commands, keywords and function names are case-insensitive (AWS's examples write FIELDS, STATS, BIN)",
    query:
      "FIELDS strlen(operation) AS len | FILTER len > 8 AND NOT ispresent(requestMetadata.team) | STATS COUNT(*) AS n BY BIN(1d)",
    rows: [
      [
        ["BIN(1d)", "2025-08-15 00:00:00.000"],
        ["n", "5"],
      ],
    ],
  },
  {
    name: "an unaliased stats column can be sorted by its name in backticks",
    query: "stats count(*) by modelId | sort `count(*)` desc | limit 1",
    rows: [
      [
        ["modelId", HAIKU],
        ["count(*)", "4"],
      ],
    ],
  },
  {
    name: "SOURCE adds to the groups named in the request",
    query: `SOURCE '${APP_GROUP}' | stats count(*) by @log`,
    rows: [
      [
        ["@log", `123456789012:${APP_GROUP}`],
        ["count(*)", "3"],
      ],
    ],
  },
];

describe("seed lab queries", () => runCases(seed));
describe("language details", () => runCases(language));
describe("SOURCE (dashboard log widgets)", () => runCases(source));
describe("fields and display", () => runCases(columns));
