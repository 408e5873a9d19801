/** CloudWatch dashboards: PutDashboard, GetDashboard, ListDashboards, DeleteDashboards (sources: see cloudwatch.ts). */
import { PutDashboardCommand } from "@aws-sdk/client-cloudwatch";
import { expect } from "vitest";
import type { Clients } from "../../helpers.js";
import type { Protocolled } from "../runner.js";
import type { Case } from "./cloudwatch-common.js";
import { cwError, MODEL, RECORDED, REF } from "./cloudwatch-common.js";

const BODY = JSON.stringify({
  widgets: [
    {
      type: "metric",
      x: 0,
      y: 0,
      width: 6,
      height: 6,
      properties: { metrics: [["AWS/EC2", "CPUUtilization", "InstanceId", "i-12345678"]], region: "us-east-1" },
    },
  ],
});

async function dashboard(p: Protocolled<Clients>, tag: string): Promise<string> {
  await p.client.send(new PutDashboardCommand({ DashboardName: `d-${tag}`, DashboardBody: BODY }));
  return `d-${tag}`;
}

export const DASHBOARD_CASES: readonly Case[] = [
  {
    op: "PutDashboard",
    name: "stores a dashboard and answers no validation messages",
    source: `${MODEL} PutDashboardOutput; ${REF("PutDashboard")}`,
    input: (tag) => ({ DashboardName: `d-${tag}`, DashboardBody: BODY }),
    expect: (out) => expect(out.DashboardValidationMessages).toEqual([]),
  },
  {
    op: "PutDashboard",
    name: "an invalid name is InvalidParameterValue",
    source: RECORDED("test_invalid_dashboard_name"),
    input: () => ({ DashboardName: "Test Dashboard!", DashboardBody: BODY }),
    expect: cwError(
      "InvalidParameterValue",
      "InvalidParameterValueException",
      "The value for field DashboardName contains invalid characters. It can only contain alphanumerics, dash (-) and underscore (_).\n",
    ),
  },
  {
    op: "PutDashboard",
    name: "an invalid body is DashboardInvalidInputError (InvalidParameterInput)",
    source: `${MODEL} DashboardInvalidInputError (code InvalidParameterInput, 400); ${REF("PutDashboard")}`,
    input: (tag) => ({ DashboardName: `d-${tag}`, DashboardBody: '{"widgets":[{"type":"metric"}]}' }),
    expect: {
      error: {
        code: "InvalidParameterInput",
        type: "DashboardInvalidInputError",
        status: 400,
        message: /^The dashboard body is invalid, there are 1 validation errors:/,
      },
    },
  },
  {
    op: "PutDashboard",
    name: "a missing body is a ValidationError in the front end's words",
    source: "recorded in aws/aws-cdk#182 (Value null at 'dashboardName' … Error Code: ValidationError)",
    input: (tag) => ({ DashboardName: `d-${tag}` }),
    expect: cwError(
      "ValidationError",
      "ValidationException",
      "1 validation error detected: Value null at 'dashboardBody' failed to satisfy constraint: Member must not be null",
    ),
  },
  {
    op: "GetDashboard",
    name: "answers the body, name and ARN",
    source: RECORDED("test_dashboard_lifecycle"),
    setup: dashboard,
    input: (tag) => ({ DashboardName: `d-${tag}` }),
    expect: (out, { tag }) => {
      expect(out.DashboardName).toBe(`d-${tag}`);
      expect(out.DashboardArn).toBe(`arn:aws:cloudwatch::123456789012:dashboard/d-${tag}`);
      expect(JSON.parse(out.DashboardBody as string)).toEqual(JSON.parse(BODY));
    },
  },
  {
    op: "GetDashboard",
    name: "a missing dashboard is ResourceNotFound (404)",
    source: `${MODEL} DashboardNotFoundError; message recorded in hashicorp/terraform-provider-aws#25548`,
    input: (tag) => ({ DashboardName: `none-${tag}` }),
    expect: {
      error: {
        code: "ResourceNotFound",
        type: "DashboardNotFoundError",
        sdkName: "ResourceNotFound",
        status: 404,
        message: /^Dashboard none-\S+ does not exist$/,
      },
    },
  },
  {
    op: "ListDashboards",
    name: "lists entries with ARN, last-modified time and size",
    source: RECORDED("test_dashboard_lifecycle"),
    setup: dashboard,
    input: (tag) => ({ DashboardNamePrefix: `d-${tag}` }),
    expect: (out, { tag }) => {
      expect(out.DashboardEntries).toEqual([
        {
          DashboardName: `d-${tag}`,
          DashboardArn: `arn:aws:cloudwatch::123456789012:dashboard/d-${tag}`,
          LastModified: expect.any(Date),
          Size: BODY.length,
        },
      ]);
    },
  },
  {
    op: "ListDashboards",
    name: "a foreign NextToken is InvalidParameterValue",
    source: `${MODEL} ListDashboards errors`,
    input: () => ({ NextToken: "not-a-token" }),
    expect: cwError("InvalidParameterValue", "InvalidParameterValueException"),
  },
  {
    op: "DeleteDashboards",
    name: "deletes (the Query reply holds an empty <DeleteDashboardsResult/>)",
    source: `${MODEL} DeleteDashboardsOutput (resultWrapper DeleteDashboardsResult); ${RECORDED("test_dashboard_lifecycle")}`,
    setup: dashboard,
    input: (tag) => ({ DashboardNames: [`d-${tag}`] }),
    expect: async (out, p) => {
      expect(out.$metadata).toMatchObject({ httpStatusCode: 200 });
      const body = p.replies[p.replies.length - 1]?.body.toString("utf8") ?? "";
      if (p.protocol === "query") expect(body).toContain("<DeleteDashboardsResult/>");
    },
  },
  {
    op: "DeleteDashboards",
    name: "a missing dashboard is ResourceNotFound (404) and nothing is deleted",
    source: REF("DeleteDashboards"),
    setup: dashboard,
    input: (tag) => ({ DashboardNames: [`d-${tag}`, `none-${tag}`] }),
    expect: {
      error: { code: "ResourceNotFound", type: "DashboardNotFoundError", sdkName: "ResourceNotFound", status: 404 },
    },
  },
];
