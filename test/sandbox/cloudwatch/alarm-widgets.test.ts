/**
 * Alarm widgets and alarm annotations in a dashboard body (CloudWatch User Guide, "Dashboard Body Structure and
 * Syntax": alarm widget `alarms` — alarm ARNs, up to 100 —, `sortBy`, `states`; metric widget `annotations.alarms`).
 */
import { describe, expect, it } from "vitest";
import { call, failure, newService } from "./service.js";

const ARN = "arn:aws:cloudwatch:us-east-1:123456789012:alarm:GenAI-Throttles";
describe("alarms on a dashboard", () => {
  it("accepts an alarm widget with ARNs, sortBy and states, and alarm annotations on a metric widget", () => {
    const body = {
      widgets: [
        {
          type: "alarm",
          properties: { title: "Alarms", alarms: [ARN], sortBy: "stateUpdatedTimestamp", states: ["ALARM", "OK"] },
        },
        {
          type: "metric",
          properties: {
            region: "us-east-1",
            metrics: [["AWS/Bedrock", "InvocationThrottles"]],
            annotations: { alarms: [ARN] },
          },
        },
      ],
    };
    const { service } = newService();
    expect(call(service, "PutDashboard", { DashboardName: "d", DashboardBody: JSON.stringify(body) })).toEqual({
      DashboardValidationMessages: [],
    });
  });

  it.each([
    [
      "a name instead of an ARN",
      { alarms: ["GenAI-Throttles"] },
      "/widgets/0/properties/alarms/0",
      `Should match pattern "${"^arn:aws[a-z-]*:cloudwatch:[a-z0-9-]+:\\d{12}:alarm:.+$"}"`,
    ],
    ["a number", { alarms: [7] }, "/widgets/0/properties/alarms/0", "Should be string"],
    [
      "more than 100 alarms",
      { alarms: Array.from({ length: 101 }, (_, i) => `${ARN}-${i}`) },
      "/widgets/0/properties/alarms",
      "Should NOT have more than 100 items",
    ],
    [
      "an unknown state",
      { alarms: [ARN], states: ["BROKEN"] },
      "/widgets/0/properties/states/0",
      "Should be equal to one of the allowed values",
    ],
    [
      "an unknown sortBy",
      { alarms: [ARN], sortBy: "name" },
      "/widgets/0/properties/sortBy",
      "Should be equal to one of the allowed values",
    ],
  ])("refuses an alarm widget with %s", (_what, properties, dataPath, message) => {
    const { service } = newService();
    const error = failure(service, "PutDashboard", {
      DashboardName: "d",
      DashboardBody: JSON.stringify({ widgets: [{ type: "alarm", properties }] }),
    });
    expect(error.fields.dashboardValidationMessages).toEqual([{ DataPath: dataPath, Message: message }]);
  });

  it("refuses an alarm annotation that is not an ARN", () => {
    const { service } = newService();
    const body = { widgets: [{ type: "metric", properties: { region: "us-east-1", annotations: { alarms: ["x"] } } }] };
    const error = failure(service, "PutDashboard", { DashboardName: "d", DashboardBody: JSON.stringify(body) });
    expect(error.fields.dashboardValidationMessages).toEqual([
      {
        DataPath: "/widgets/0/properties/annotations/alarms/0",
        Message: expect.stringMatching(/^Should match pattern/),
      },
    ]);
  });
});
