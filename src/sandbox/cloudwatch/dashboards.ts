/**
 * Dashboards: global per account (not Regional), replaced whole by PutDashboard, listed by name prefix.
 */
import type Database from "better-sqlite3";
import type { CallContext } from "../context.js";
import { validateDashboardBody } from "./dashboard-validate.js";
import { dashboardInvalid, dashboardNotFound, invalidValue, validationError } from "./errors.js";
import { decodeOffsetToken, encodeToken, optList, optString } from "./input.js";
import type { Input } from "./input.js";

const PAGE_SIZE = 1000;
const MAX_BODY_BYTES = 1024 * 1024;
const NAME = /^[A-Za-z0-9_-]+$/;

export function dashboardArn(accountId: string, name: string): string {
  return `arn:aws:cloudwatch::${accountId}:dashboard/${name}`;
}

/**
 * The dashboard calls validate required members the way AWS's front end does ("1 validation error detected: Value
 * null at 'dashboardName' …", ValidationError; recorded in aws/aws-cdk#182), not with the metric calls' MissingParameter.
 */
function required(member: string): Error {
  return validationError(
    `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`,
  );
}

function checkName(name: string | undefined): string {
  if (name === undefined) throw required("dashboardName");
  // A bad name is InvalidParameterValue, not DashboardInvalidInputError (recorded by LocalStack:
  // tests/aws/services/cloudwatch/test_cloudwatch.snapshot.json, test_invalid_dashboard_name, all three protocols).
  if (!NAME.test(name)) {
    throw invalidValue(
      "The value for field DashboardName contains invalid characters. It can only contain alphanumerics, dash (-) and underscore (_).\n",
    );
  }
  if (name.length > 255) throw invalidValue("The value for field DashboardName must be 255 characters or fewer.\n");
  return name;
}

interface DashboardRow {
  name: string;
  body: string;
  lastModified: number;
  size: number;
}

export class Dashboards {
  private readonly upsert: Database.Statement;
  private readonly selectOne: Database.Statement;
  private readonly selectPrefix: Database.Statement;
  private readonly deleteOne: Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.upsert = db.prepare(
      `INSERT INTO cw_dashboards (account_id, name, body, last_modified, size) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (account_id, name) DO UPDATE SET body = excluded.body, last_modified = excluded.last_modified, size = excluded.size`,
    );
    this.selectOne = db.prepare(
      "SELECT name, body, last_modified AS lastModified, size FROM cw_dashboards WHERE account_id = ? AND name = ?",
    );
    this.selectPrefix = db.prepare(
      `SELECT name, last_modified AS lastModified, size FROM cw_dashboards
       WHERE account_id = ? AND substr(name, 1, length(?)) = ? ORDER BY name LIMIT ? OFFSET ?`,
    );
    this.deleteOne = db.prepare("DELETE FROM cw_dashboards WHERE account_id = ? AND name = ?");
  }

  put(input: Input, ctx: CallContext): Record<string, unknown> {
    const name = checkName(optString(input, "DashboardName"));
    const body = optString(input, "DashboardBody");
    if (body === undefined) throw required("dashboardBody");
    const size = Buffer.byteLength(body, "utf8");
    if (size > MAX_BODY_BYTES) throw dashboardInvalid("The dashboard body must not be larger than 1 MB.");
    const { warnings } = validateDashboardBody(body);
    // Stored at second precision, as LastModified comes back.
    this.upsert.run(ctx.accountId, name, body, Math.floor(ctx.now / 1000) * 1000, size);
    return { DashboardValidationMessages: warnings };
  }

  get(input: Input, ctx: CallContext): Record<string, unknown> {
    const name = optString(input, "DashboardName");
    if (name === undefined) throw required("dashboardName");
    const row = this.selectOne.get(ctx.accountId, name) as DashboardRow | undefined;
    if (row === undefined) throw dashboardNotFound(name);
    return { DashboardArn: dashboardArn(ctx.accountId, row.name), DashboardBody: row.body, DashboardName: row.name };
  }

  list(input: Input, ctx: CallContext): Record<string, unknown> {
    const prefix = optString(input, "DashboardNamePrefix") ?? "";
    const offset = decodeOffsetToken("ld", optString(input, "NextToken"));
    const rows = this.selectPrefix.all(ctx.accountId, prefix, prefix, PAGE_SIZE + 1, offset) as Omit<
      DashboardRow,
      "body"
    >[];
    const entries = rows.slice(0, PAGE_SIZE).map((row) => ({
      DashboardName: row.name,
      DashboardArn: dashboardArn(ctx.accountId, row.name),
      LastModified: new Date(row.lastModified),
      Size: row.size,
    }));
    const output: Record<string, unknown> = { DashboardEntries: entries };
    if (rows.length > PAGE_SIZE) output.NextToken = encodeToken("ld", String(offset + PAGE_SIZE));
    return output;
  }

  /** All or nothing: if any name does not exist, nothing is deleted. */
  delete(input: Input, ctx: CallContext): Record<string, unknown> {
    const names = optList(input, "DashboardNames") ?? [];
    if (input.DashboardNames === undefined || input.DashboardNames === null) throw required("dashboardNames");
    const strings = names.map((name) => (typeof name === "string" ? name : String(name)));
    this.db.transaction(() => {
      for (const name of strings)
        if (this.selectOne.get(ctx.accountId, name) === undefined) throw dashboardNotFound(name);
      for (const name of strings) this.deleteOne.run(ctx.accountId, name);
    })();
    return {};
  }
}
