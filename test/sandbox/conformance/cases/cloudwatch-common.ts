/** What the CloudWatch conformance cases share: their sources and the metric-writing helper. */
import { PutMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import type { MetricDatum } from "@aws-sdk/client-cloudwatch";
import type { Clients } from "../../helpers.js";
import type { ConformanceCase, ErrorExpectation, Protocolled } from "../runner.js";
import { exactly } from "../runner.js";

export type Case = ConformanceCase<Clients>;
export const MODEL = "botocore data/cloudwatch/2010-08-01/service-2.json";
export const REF = (op: string): string =>
  `https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_${op}.html`;
export const RECORDED = (test: string): string =>
  `recorded AWS response, LocalStack tests/aws/services/cloudwatch/test_cloudwatch.snapshot.json ${test}`;

export const minutesAgo = (n: number): Date => new Date(Date.now() - n * 60_000);

export async function put(p: Protocolled<Clients>, namespace: string, data: MetricDatum[]): Promise<void> {
  await p.client.send(new PutMetricDataCommand({ Namespace: namespace, MetricData: data }));
}

/** CloudWatch's query-compatible error: the Query code clients see, the JSON/CBOR type, an exact message if given. */
export function cwError(code: string, type: string, message?: string): { error: ErrorExpectation } {
  return { error: { code, type, status: 400, ...(message === undefined ? {} : { message: exactly(message) }) } };
}
