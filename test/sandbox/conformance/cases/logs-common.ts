/** What the CloudWatch Logs conformance cases share: their sources, set-up helpers and expected errors. */
import { CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand } from "@aws-sdk/client-cloudwatch-logs";
import type { Clients } from "../../helpers.js";
import type { ConformanceCase, ErrorExpectation, Protocolled } from "../runner.js";
import { exactly } from "../runner.js";

export type Case = ConformanceCase<Clients>;
export const MODEL = "botocore data/logs/2014-03-28/service-2.json";
export const REF = (op: string): string =>
  `https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_${op}.html`;
export const RECORDED = (file: string, test: string): string =>
  `recorded AWS response, LocalStack tests/aws/services/logs/${file}.snapshot.json ${test}`;
export const ARN = (name: string): string => `arn:aws:logs:us-east-1:123456789012:log-group:${name}`;

export const group = async (p: Protocolled<Clients>, tag: string): Promise<string> => {
  await p.client.send(new CreateLogGroupCommand({ logGroupName: `/g/${tag}`, tags: { env: "test" } }));
  return `/g/${tag}`;
};
export const stream = async (p: Protocolled<Clients>, tag: string): Promise<string> => {
  await group(p, tag);
  await p.client.send(new CreateLogStreamCommand({ logGroupName: `/g/${tag}`, logStreamName: "s" }));
  return `/g/${tag}`;
};
export const withEvents = async (p: Protocolled<Clients>, tag: string): Promise<string> => {
  await stream(p, tag);
  const now = Date.now();
  await p.client.send(
    new PutLogEventsCommand({
      logGroupName: `/g/${tag}`,
      logStreamName: "s",
      logEvents: [
        { timestamp: now - 2000, message: '{"a":1}' },
        { timestamp: now - 1000, message: '{"a":2}' },
      ],
    }),
  );
  return `/g/${tag}`;
};

export const groupNotFound: { error: ErrorExpectation } = {
  error: {
    code: "ResourceNotFoundException",
    status: 400,
    message: exactly("The specified log group does not exist."),
  },
};
export const streamNotFound: { error: ErrorExpectation } = {
  error: {
    code: "ResourceNotFoundException",
    status: 400,
    message: exactly("The specified log stream does not exist."),
  },
};
export const invalid = (message: string | RegExp): { error: ErrorExpectation } => ({
  error: {
    code: "InvalidParameterException",
    status: 400,
    message: typeof message === "string" ? exactly(message) : message,
  },
});

export const BAD_NAME =
  "1 validation error detected: Value 'bad name' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+";
