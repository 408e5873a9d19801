/**
 * CloudWatch Logs: every operation the sandbox implements, success shape and documented errors (AWS JSON 1.1).
 * Sources: MODEL = botocore data/logs/2014-03-28/service-2.json; REF = the CloudWatch Logs API Reference page;
 * RECORDED = real AWS responses recorded by LocalStack in tests/aws/services/logs/<file>.snapshot.json (named test).
 */
import type { Case } from "./logs-common.js";
import { constraintCases, GROUP_CASES } from "./logs-groups.js";
import { insightsCases } from "./logs-insights.js";
import { METRIC_FILTER_CASES } from "./logs-metric-filters.js";
import { STREAM_CASES } from "./logs-streams.js";

export const LOGS_CASES: readonly Case[] = [
  ...GROUP_CASES,
  ...STREAM_CASES,
  ...insightsCases(),
  ...constraintCases(),
  ...METRIC_FILTER_CASES,
];

export const LOGS_UNREACHABLE: Readonly<Record<string, string>> = {
  ServiceUnavailableException: "only with simulated faults (--faults 5xx=…, scope=all)",
  OperationAbortedException: "concurrent changes to one resource: the sandbox applies writes one at a time",
  LimitExceededException: "account quotas (log groups, concurrent queries) the sandbox does not impose",
  InvalidSequenceTokenException: "sequence tokens are ignored, as AWS has done since January 2023",
  DataAlreadyAcceptedException: "sequence tokens are ignored, as AWS has done since January 2023",
  UnrecognizedClientException: "answered by the signature check before any operation (see test/sandbox/auth)",
  AccessDeniedException: "the sandbox has no IAM authorisation of CloudWatch Logs calls",
  InvalidOperationException:
    "deletion protection is the only state PutLogGroupDeletionProtection changes; PutMetricFilter's (transformed logs) needs log transformers, which the sandbox lacks",
  TooManyTagsException: "covered by test/sandbox/logs/groups-streams.test.ts (more than 50 tags)",
  MalformedQueryException: "covered by the query-language tests in test/sandbox/insights",
  "DeleteLogStream:ValidationException": "deletion protection guards log groups; the User Guide gives no stream case",
  "DescribeQueries:ResourceNotFoundException": "DescribeQueries belongs to the Logs Insights work (issue 13)",
  "GetQueryResults:InvalidParameterException": "covered: a query id over 256 characters (see GetQueryResults)",
};
