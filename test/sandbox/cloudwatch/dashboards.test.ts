import { describe, expect, it } from "vitest";
import { ACCOUNT, NOW, call, ctx, failure, newService } from "./service.js";

const MODEL = "us.anthropic.claude-3-5-sonnet-20241022-v2:0";

/** A body like the lab's GenAI-Monitoring dashboard. */
const LAB_BODY = {
  start: "-PT6H",
  widgets: [
    {
      type: "metric",
      x: 0,
      y: 0,
      width: 12,
      height: 6,
      properties: {
        title: "Invocations",
        region: "us-east-1",
        view: "timeSeries",
        stat: "Sum",
        period: 300,
        metrics: [["AWS/Bedrock", "Invocations", "ModelId", MODEL, { stat: "Sum", label: "Calls" }]],
      },
    },
    {
      type: "metric",
      x: 12,
      y: 0,
      width: 12,
      height: 6,
      properties: {
        region: "us-east-1",
        metrics: [
          ["AWS/Bedrock", "InputTokenCount", "ModelId", MODEL],
          [".", "OutputTokenCount", ".", "."],
          ["...", { stat: "p90" }],
        ],
      },
    },
    {
      type: "log",
      x: 0,
      y: 6,
      width: 24,
      height: 6,
      properties: {
        region: "us-east-1",
        title: "Tokens per hour",
        view: "table",
        query: "SOURCE '/aws/bedrock/model-invocations' | stats sum(input.inputTokenCount) as totalInput by bin(1h)",
      },
    },
    { type: "text", x: 0, y: 12, width: 24, height: 2, properties: { markdown: "# GenAI monitoring" } },
  ],
};

function put(
  service: ReturnType<typeof newService>["service"],
  name: string,
  body: unknown,
  context = ctx(),
): Record<string, unknown> {
  return call(service, "PutDashboard", { DashboardName: name, DashboardBody: JSON.stringify(body) }, context);
}

describe("dashboards", () => {
  it("stores, gets, lists and deletes a dashboard, globally per account", () => {
    const { service } = newService();
    expect(put(service, "GenAI-Monitoring", LAB_BODY)).toEqual({ DashboardValidationMessages: [] });
    const got = call(service, "GetDashboard", { DashboardName: "GenAI-Monitoring" }, ctx({ region: "eu-central-1" }));
    expect(got).toEqual({
      DashboardArn: `arn:aws:cloudwatch::${ACCOUNT}:dashboard/GenAI-Monitoring`,
      DashboardBody: JSON.stringify(LAB_BODY),
      DashboardName: "GenAI-Monitoring",
    });
    expect(call(service, "ListDashboards", {})).toEqual({
      DashboardEntries: [
        {
          DashboardName: "GenAI-Monitoring",
          DashboardArn: `arn:aws:cloudwatch::${ACCOUNT}:dashboard/GenAI-Monitoring`,
          LastModified: new Date(NOW),
          Size: Buffer.byteLength(JSON.stringify(LAB_BODY)),
        },
      ],
    });
    expect(call(service, "ListDashboards", {}, ctx({ accountId: "210987654321" }))).toEqual({ DashboardEntries: [] });
    expect(call(service, "DeleteDashboards", { DashboardNames: ["GenAI-Monitoring"] })).toEqual({});
    expect(call(service, "ListDashboards", {})).toEqual({ DashboardEntries: [] });
  });

  it("replaces the whole dashboard on put", () => {
    const { service } = newService();
    put(service, "d", LAB_BODY);
    const smaller = { widgets: [] };
    put(service, "d", smaller, ctx({ now: NOW + 60_000 }));
    expect(call(service, "GetDashboard", { DashboardName: "d" }).DashboardBody).toBe(JSON.stringify(smaller));
    const [entry] = call(service, "ListDashboards", {}).DashboardEntries as Record<string, unknown>[];
    expect(entry?.LastModified).toEqual(new Date(NOW + 60_000));
  });

  it("answers a missing dashboard with DashboardNotFoundError (Query code ResourceNotFound, 404)", () => {
    const { service } = newService();
    const error = failure(service, "GetDashboard", { DashboardName: "nope" });
    expect([error.code, error.queryCode, error.status, error.message]).toEqual([
      "DashboardNotFoundError",
      "ResourceNotFound",
      404,
      "Dashboard nope does not exist",
    ]);
  });

  it("deletes all or nothing", () => {
    const { service } = newService();
    put(service, "a", LAB_BODY);
    const error = failure(service, "DeleteDashboards", { DashboardNames: ["a", "missing"] });
    expect([error.code, error.message]).toEqual(["DashboardNotFoundError", "Dashboard missing does not exist"]);
    expect(call(service, "GetDashboard", { DashboardName: "a" }).DashboardName).toBe("a");
  });

  it("lists by prefix and paginates at 1,000", () => {
    const { service } = newService();
    for (let i = 0; i < 1005; i += 1) put(service, `team-${String(i).padStart(4, "0")}`, { widgets: [] });
    put(service, "other", { widgets: [] });
    const first = call(service, "ListDashboards", { DashboardNamePrefix: "team-" });
    expect((first.DashboardEntries as unknown[]).length).toBe(1000);
    const second = call(service, "ListDashboards", { DashboardNamePrefix: "team-", NextToken: first.NextToken });
    expect((second.DashboardEntries as { DashboardName: string }[]).map((e) => e.DashboardName)).toEqual([
      "team-1000",
      "team-1001",
      "team-1002",
      "team-1003",
      "team-1004",
    ]);
    expect(second.NextToken).toBeUndefined();
    expect(failure(service, "ListDashboards", { NextToken: "garbage" }).queryCode).toBe("InvalidParameterValue");
  });

  // A bad name is InvalidParameterValue (recorded by LocalStack: test_cloudwatch.snapshot.json, test_invalid_dashboard_name).
  it.each(["has space", "slash/name", "ünïcode", "a".repeat(256)])("refuses the name %j", (name) => {
    const { service } = newService();
    const error = failure(service, "PutDashboard", { DashboardName: name, DashboardBody: '{"widgets":[]}' });
    expect([error.code, error.queryCode, error.status]).toEqual([
      "InvalidParameterValueException",
      "InvalidParameterValue",
      400,
    ]);
  });

  it("words an invalid name like CloudWatch", () => {
    const { service } = newService();
    expect(failure(service, "PutDashboard", { DashboardName: "GenAI Monitoring", DashboardBody: "{}" }).message).toBe(
      "The value for field DashboardName contains invalid characters. It can only contain alphanumerics, dash (-) and underscore (_).\n",
    );
  });
});

describe("dashboard body validation", () => {
  it("lists every problem in CloudWatch's format, with the structured messages", () => {
    const { service } = newService();
    const body = {
      widgets: [
        { type: "metric", properties: { metrics: [["AWS/Bedrock", "Invocations"]] } },
        { type: "log", width: 25, properties: { query: "stats count(*)", region: "us-east-1" } },
      ],
    };
    const error = failure(service, "PutDashboard", { DashboardName: "d", DashboardBody: JSON.stringify(body) });
    expect(error.message).toBe(
      [
        "The dashboard body is invalid, there are 3 validation errors:",
        "[",
        "  {",
        '    "dataPath": "/widgets/0/properties",',
        '    "message": "Should have required property \'region\'"',
        "  },",
        "  {",
        '    "dataPath": "/widgets/1/width",',
        '    "message": "Should be <= 24"',
        "  },",
        "  {",
        '    "dataPath": "/widgets/1/properties/query",',
        '    "message": "The query must start with SOURCE \'<log group name>\' | followed by the Logs Insights query"',
        "  }",
        "]",
      ].join("\n"),
    );
    expect(error.fields).toEqual({
      dashboardValidationMessages: [
        { DataPath: "/widgets/0/properties", Message: "Should have required property 'region'" },
        { DataPath: "/widgets/1/width", Message: "Should be <= 24" },
        {
          DataPath: "/widgets/1/properties/query",
          Message: "The query must start with SOURCE '<log group name>' | followed by the Logs Insights query",
        },
      ],
    });
  });

  const metric = (properties: Record<string, unknown>): unknown => ({
    widgets: [{ type: "metric", properties: { region: "us-east-1", ...properties } }],
  });
  it.each([
    ["no widgets", {}, "", "Should have required property 'widgets'"],
    ["widgets not a list", { widgets: {} }, "/widgets", "Should be array"],
    [
      "too many widgets",
      { widgets: Array.from({ length: 501 }, () => ({ type: "text", properties: { markdown: "x" } })) },
      "/widgets",
      "Should NOT have more than 500 items",
    ],
    [
      "an unknown type",
      { widgets: [{ type: "chart", properties: {} }] },
      "/widgets/0/type",
      "Should be equal to one of the allowed values",
    ],
    ["a widget without type", { widgets: [{ properties: {} }] }, "/widgets/0", "Should have required property 'type'"],
    [
      "a widget without properties",
      { widgets: [{ type: "metric" }] },
      "/widgets/0",
      "Should have required property 'properties'",
    ],
    [
      "x past the grid",
      { widgets: [{ type: "text", x: 24, properties: { markdown: "x" } }] },
      "/widgets/0/x",
      "Should be <= 23",
    ],
    [
      "a fractional height",
      { widgets: [{ type: "text", height: 2.5, properties: { markdown: "x" } }] },
      "/widgets/0/height",
      "Should be integer",
    ],
    ["a metric widget without metrics", metric({}), "/widgets/0/properties", "Should have required property 'metrics'"],
    ["metrics not a list", metric({ metrics: "Invocations" }), "/widgets/0/properties/metrics", "Should be array"],
    [
      "a row that is not a list",
      metric({ metrics: ["AWS/Bedrock"] }),
      "/widgets/0/properties/metrics/0",
      "Should be array",
    ],
    [
      "a number in a row",
      metric({ metrics: [["AWS/Bedrock", "Invocations", "ModelId", 7]] }),
      "/widgets/0/properties/metrics/0/3",
      'Invalid metric field type, only "String" type is allowed',
    ],
    [
      "dimensions inside the options object",
      metric({ metrics: [["AWS/Bedrock", "Invocations", { stat: "Sum", dimensions: { ModelId: MODEL } }]] }),
      "/widgets/0/properties/metrics/0",
      "Should NOT have more than 2 items",
    ],
    [
      "options before the dimensions",
      metric({ metrics: [["AWS/Bedrock", "Invocations", { stat: "Sum" }, "ModelId", MODEL]] }),
      "/widgets/0/properties/metrics/0",
      "Should NOT have more than 2 items",
    ],
    [
      "a row with only a namespace",
      metric({ metrics: [["AWS/Bedrock"]] }),
      "/widgets/0/properties/metrics/0",
      "Should NOT have fewer than 2 items",
    ],
    [
      "an unknown view",
      metric({ metrics: [["AWS/Bedrock", "Invocations"]], view: "line" }),
      "/widgets/0/properties/view",
      "Should be equal to one of the allowed values",
    ],
    [
      "a log widget without query",
      { widgets: [{ type: "log", properties: { region: "us-east-1" } }] },
      "/widgets/0/properties",
      "Should have required property 'query'",
    ],
    [
      "a log widget without region",
      { widgets: [{ type: "log", properties: { query: "SOURCE 'g' | fields @message" } }] },
      "/widgets/0/properties",
      "Should have required property 'region'",
    ],
    [
      "a text widget without markdown",
      { widgets: [{ type: "text", properties: {} }] },
      "/widgets/0/properties",
      "Should have required property 'markdown'",
    ],
    [
      "an alarm widget without alarms",
      { widgets: [{ type: "alarm", properties: {} }] },
      "/widgets/0/properties",
      "Should have required property 'alarms'",
    ],
    ["a numeric start", { start: -6, widgets: [] }, "/start", "Should be string"],
  ])("refuses %s", (_name, body, dataPath, message) => {
    const { service } = newService();
    const error = failure(service, "PutDashboard", { DashboardName: "d", DashboardBody: JSON.stringify(body) });
    expect(error.code).toBe("DashboardInvalidInputError");
    expect(error.fields.dashboardValidationMessages).toEqual([{ DataPath: dataPath, Message: message }]);
    expect(error.message.startsWith("The dashboard body is invalid, there are 1 validation errors:\n[")).toBe(true);
  });

  it.each(["not json", "[]", '"text"', "null"])("refuses the body %j as not a JSON object", (body) => {
    const { service } = newService();
    const error = failure(service, "PutDashboard", { DashboardName: "d", DashboardBody: body });
    expect([error.code, error.queryCode, error.message]).toEqual([
      "DashboardInvalidInputError",
      "InvalidParameterInput",
      "The field DashboardBody must be a valid JSON object",
    ]);
  });

  it("accepts several SOURCE clauses, metric math rows and alarm-only metric widgets", () => {
    const { service } = newService();
    const body = {
      widgets: [
        { type: "log", properties: { region: "us-east-1", query: "SOURCE 'a' | SOURCE \"b\" | fields @timestamp" } },
        {
          type: "metric",
          properties: { region: "us-east-1", metrics: [[{ expression: "m1 / 60", label: "Per second", id: "e1" }]] },
        },
        {
          type: "metric",
          properties: {
            region: "us-east-1",
            annotations: { alarms: ["arn:aws:cloudwatch:us-east-1:123456789012:alarm:x"] },
          },
        },
      ],
    };
    expect(put(service, "d", body)).toEqual({ DashboardValidationMessages: [] });
  });

  it("accepts unknown properties with soft validation messages, as CloudWatch does", () => {
    const { service } = newService();
    const body = { theme: "dark", widgets: [{ type: "text", title: "x", properties: { markdown: "hi" } }] };
    expect(put(service, "d", body)).toEqual({
      DashboardValidationMessages: [
        { DataPath: "", Message: 'The "theme" property is not expected, will be ignored' },
        {
          DataPath: "/widgets/0",
          Message: 'The "title" property is not expected to be part of a widget definition, will be ignored',
        },
      ],
    });
    expect(call(service, "GetDashboard", { DashboardName: "d" }).DashboardBody).toBe(JSON.stringify(body));
  });
});
