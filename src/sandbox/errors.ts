/**
 * An error the sandbox answers with, in whatever wire protocol the request came in.
 * `code` is AWS's error code (e.g. "ResourceNotFoundException"), `status` the HTTP status.
 * `queryCode` is the AWS Query error code where it differs (CloudWatch's query-compatible errors,
 * e.g. DashboardInvalidInputError → "InvalidParameterInput"); `fields` are extra members of the error body.
 */
export class AwsError extends Error {
  readonly code: string;
  readonly status: number;
  readonly queryCode: string | undefined;
  readonly fields: Readonly<Record<string, unknown>>;

  constructor(
    code: string,
    message: string,
    options: { status?: number; queryCode?: string; fields?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = code;
    this.code = code;
    this.status = options.status ?? 400;
    this.queryCode = options.queryCode;
    this.fields = options.fields ?? {};
  }
}
