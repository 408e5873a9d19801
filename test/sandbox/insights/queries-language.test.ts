/**
 * The parts of the Logs Insights language added from AWS's current reference, one table per page. Each case
 * names the page its expectation comes from (docs.aws.amazon.com/AmazonCloudWatch/latest/logs/<page>.html);
 * where a page leaves a detail open, the case says which choice the sandbox made.
 */
import { describe } from "vitest";
import { createInsightsEngine } from "../../../src/sandbox/insights/index.js";
import { runCases, type QueryCase } from "./helpers/cases.js";
import { at, DAY_MS } from "./helpers/fixtures.js";
import { MemorySource } from "./helpers/memory-source.js";

const FLOW = "/vpc/flow";
const METRICS = "/app/metrics";
const TRACES = "/app/traces";

/** VPC-flow-like records (the examples page queries srcAddr/dstAddr) and a latency series for time bins. */
function languageEngine() {
  const source = new MemorySource();
  source.createGroup(FLOW, DAY_MS);
  source.put(FLOW, [
    { timestamp: at("08:00:00"), message: '{"srcAddr":"192.0.2.10","dstAddr":"10.0.0.5","bytes":100}' },
    { timestamp: at("08:01:00"), message: '{"srcAddr":"192.0.2.200","dstAddr":"10.0.0.6","bytes":300}' },
    { timestamp: at("08:02:00"), message: '{"srcAddr":"198.51.100.7","dstAddr":"10.0.0.5","bytes":50}' },
    { timestamp: at("08:03:00"), message: '{"srcAddr":"2001:db8::1","dstAddr":"10.0.0.7","bytes":70}' },
    { timestamp: at("08:04:00"), message: '{"srcAddr":"not-an-ip","dstAddr":"10.0.0.5","bytes":1}' },
  ]);
  source.createGroup(METRICS, DAY_MS);
  source.put(METRICS, [
    { timestamp: at("09:01:00"), message: '{"latency":10}' },
    { timestamp: at("09:02:00"), message: '{"latency":30}' },
    { timestamp: at("09:07:00"), message: '{"other":1}' },
    { timestamp: at("10:01:00"), message: '{"latency":5}' },
    { timestamp: at("10:06:00"), message: '{"latency":7}' },
  ]);
  source.createGroup(TRACES, DAY_MS);
  source.put(TRACES, [
    { timestamp: at("11:00:00"), message: '{"events":[{"name":"exception"},{"name":"user action"}]}' },
    {
      timestamp: at("11:01:00"),
      message: JSON.stringify({
        accounts: [
          { accountId: "111", type: "internal" },
          { accountId: "222", type: "external" },
        ],
        trimmedData: JSON.stringify([
          { accountId: "111", droppedSpans: 4 },
          { accountId: "222", droppedSpans: 9 },
          { accountId: "111", droppedSpans: 1 },
        ]),
      }),
    },
    { timestamp: at("11:02:00"), message: "plain text, not JSON" },
  ]);
  return createInsightsEngine(source, () => DAY_MS + 86_400_000);
}

const flow = (c: QueryCase): QueryCase => ({ ...c, groups: [FLOW] });
const traces = (c: QueryCase): QueryCase => ({ ...c, groups: [TRACES] });
const metrics = (c: QueryCase): QueryCase => ({ ...c, groups: [METRICS] });

// CWL_QuerySyntax-operations-functions, "IP address string functions"; CWL_QuerySyntax-examples (VPC flow logs).
const ipCases: QueryCase[] = [
  flow({
    name: "isIpv4InSubnet keeps v4 addresses inside the CIDR (the examples page's VPC query)",
    query: 'filter isIpv4InSubnet(srcAddr, "192.0.2.0/24") | stats sum(bytes) as bytesTransferred by dstAddr',
    rows: [
      [
        ["dstAddr", "10.0.0.5"],
        ["bytesTransferred", "100"],
      ],
      [
        ["dstAddr", "10.0.0.6"],
        ["bytesTransferred", "300"],
      ],
    ],
  }),
  flow({
    name: "isValidIp / isValidIpV4 / isValidIpV6 print as 1 or 0 (booleans print that way, as ispresent's do)",
    query:
      "fields srcAddr, isValidIp(srcAddr) as any, isValidIpV4(srcAddr) as v4, isValidIpV6(srcAddr) as v6 | sort @timestamp asc",
    rows: [
      ["192.0.2.10", "1", "1", "0"],
      ["192.0.2.200", "1", "1", "0"],
      ["198.51.100.7", "1", "1", "0"],
      ["2001:db8::1", "1", "0", "1"],
      ["not-an-ip", "0", "0", "0"],
    ].map(([src, any, v4, v6], i) => [
      ["srcAddr", src as string],
      ["any", any as string],
      ["v4", v4 as string],
      ["v6", v6 as string],
      ["@ptr", ptrOf(i + 1)],
    ]),
  }),
  flow({
    name: "isIpInSubnet takes either family; isIpv6InSubnet only v6",
    query:
      'filter isIpInSubnet(srcAddr, "2001:db8::/32") or isIpInSubnet(srcAddr, "198.51.100.0/24") | stats count(*) as n, sum(isIpv6InSubnet(srcAddr, "2001:db8::/32")) as v6',
    rows: [
      [
        ["n", "2"],
        ["v6", "1"],
      ],
    ],
  }),
  flow({
    name: "a subnet that is not CIDR matches nothing (the page leaves it open: the sandbox's choice)",
    query: 'filter isIpInSubnet(srcAddr, "192.0.2.0/99") | stats count(*)',
    rows: [[["count(*)", "0"]]],
  }),
];

// CWL_QuerySyntax-timeseries-functions: count_over_time, sum_over_time, and `offset` after stats … by bin().
const timeSeries: QueryCase[] = [
  metrics({
    name: "count_over_time counts events with the field per bin; sum_over_time sums it",
    query: "stats count_over_time(latency) as n, sum_over_time(latency) as total by bin(1h)",
    rows: [
      [
        ["bin(1h)", "2025-08-15 10:00:00.000"],
        ["n", "2"],
        ["total", "12"],
      ],
      [
        ["bin(1h)", "2025-08-15 09:00:00.000"],
        ["n", "2"],
        ["total", "40"],
      ],
    ],
  }),
  metrics({
    name: "offset 1h shows, under each bin, the same period one hour earlier (time-shifted comparison)",
    query: "stats sum(latency) as total by bin(1h) offset 1h",
    range: { startTime: at("10:00:00") / 1000, endTime: at("10:59:59") / 1000 },
    rows: [
      [
        ["bin(1h)", "2025-08-15 10:00:00.000"],
        ["total", "40"],
      ],
    ],
  }),
  metrics({
    name: "offset without bin() in by is refused",
    query: "stats count(*) by latency offset 1h",
    error: { code: "MalformedQueryException", message: /offset shifts the bins of stats … by bin\(period\)/ },
  }),
  metrics({
    name: "offset takes a duration",
    query: "stats count(*) by bin(5m) offset 3",
    error: { code: "MalformedQueryException", message: /a duration such as 1h or 1d after offset/ },
  }),
  metrics({
    name: "rate() and histogram(): documented without their exact output, refused by name rather than guessed",
    query: "stats rate(latency, 5m) by bin(5m)",
    error: {
      code: "MalformedQueryException",
      message: /rate\(\) is a Logs Insights function this sandbox does not implement/,
    },
  }),
];

// CWL_QuerySyntax: the ML and data-protection commands have no documented result the sandbox could reproduce.
const refused: QueryCase[] = ["pattern @message", "anomaly", "diff", "unmask(@message)", "filterIndex x = 1"].map(
  (query) =>
    flow({
      name: `${query.split(/[ (]/)[0] ?? query} is refused by name`,
      query: `fields @message | ${query}`,
      error: { code: "MalformedQueryException", message: /command is not supported by this sandbox/ },
    }),
);

// The `!` spelling of `not` (issue 13's "not/! forms"; the Boolean operators section lists and, or, not).
const negation: QueryCase[] = [
  flow({
    name: "!ispresent(x) is not ispresent(x)",
    query: "filter !ispresent(srcAddr) or not isValidIp(srcAddr) | stats count(*)",
    rows: [[["count(*)", "1"]]],
  }),
];

// CWL_QuerySyntax-Unnest (its three example queries) and the Structure types section (MAP, LIST from jsonParse).
const structures: QueryCase[] = [
  traces({
    name: "unnest makes one record per list item; the item's keys read with dots (the page's first example)",
    query: "fields jsonParse(@message) as json_message | unnest json_message.events into event | display event.name",
    rows: [
      [
        ["event.name", "exception"],
        ["@ptr", ptrOf(3, 11)],
      ],
      [
        ["event.name", "user action"],
        ["@ptr", ptrOf(3, 11)],
      ],
    ],
  }),
  traces({
    name: "unnest, then filter the items (the page's second example)",
    query:
      'fields jsonParse(@message) as js | unnest js.accounts into account | filter account.type = "internal" | display account.accountId',
    rows: [
      [
        ["account.accountId", "111"],
        ["@ptr", ptrOf(3, 12)],
      ],
    ],
  }),
  traces({
    name: "unnest a list parsed from a field's JSON text, then aggregate the items (the page's third example)",
    query:
      "fields jsonParse(trimmedData) as accounts | unnest accounts into account | stats sum(account.droppedSpans) as n by account.accountId | sort n desc | limit 10",
    rows: [
      [
        ["account.accountId", "222"],
        ["n", "9"],
      ],
      [
        ["account.accountId", "111"],
        ["n", "5"],
      ],
    ],
  }),
  traces({
    name: "a MAP or LIST prints as JSON; text that is not JSON parses to nothing (absent)",
    query: "fields jsonParse(@message) as js | display js.events.1, js | sort @timestamp asc",
    rows: [
      [
        ["js.events.1", '{"name":"user action"}'],
        ["js", '{"events":[{"name":"exception"},{"name":"user action"}]}'],
        ["@ptr", ptrOf(3, 11)],
      ],
      [
        [
          "js",
          '{"accounts":[{"accountId":"111","type":"internal"},{"accountId":"222","type":"external"}],"trimmedData":"[{\\"accountId\\":\\"111\\",\\"droppedSpans\\":4},{\\"accountId\\":\\"222\\",\\"droppedSpans\\":9},{\\"accountId\\":\\"111\\",\\"droppedSpans\\":1}]"}',
        ],
        ["@ptr", ptrOf(3, 12)],
      ],
      [["@ptr", ptrOf(3, 13)]],
    ],
  }),
  traces({
    name: "a value that is not a LIST unnests as a list of one (the page: MAP, string and numbers)",
    query: "fields jsonParse(@message) as js | unnest js.events.0 into e | display e.name",
    rows: [
      [
        ["e.name", "exception"],
        ["@ptr", ptrOf(3, 11)],
      ],
    ],
  }),
];

/** The @ptr of an event: group ids count from 1 in creation order, event ids across all groups. */
function ptrOf(groupId: number, eventId?: number): string {
  const [group, event] = eventId === undefined ? [1, groupId] : [groupId, eventId];
  return Buffer.from(`glab1:${group}:${event}`, "utf8").toString("base64");
}

const engine = languageEngine();
describe("IP address functions", () => runCases(ipCases, engine));
describe("time-series functions and offset", () => runCases(timeSeries, engine));
describe("commands the sandbox refuses by name", () => runCases(refused, engine));
describe("negation", () => runCases(negation, engine));
describe("jsonParse and unnest", () => runCases(structures, engine));
