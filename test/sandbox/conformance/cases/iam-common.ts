/** What the IAM conformance cases share: sources, set-up helpers and expected errors. */
import { CreateRoleCommand, PutRolePolicyCommand, PutUserPolicyCommand } from "@aws-sdk/client-iam";
import type { Clients } from "../../helpers.js";
import { LOGGING_TRUST, loggingPolicy } from "../../helpers.js";
import type { ConformanceCase, ErrorExpectation, Protocolled } from "../runner.js";

export type Case = ConformanceCase<Clients>;
export const MODEL = "botocore data/iam/2010-05-08/service-2.json";
export const REF = (op: string): string => `https://docs.aws.amazon.com/IAM/latest/APIReference/API_${op}.html`;
export const RECORDED = (test: string): string =>
  `recorded AWS response, LocalStack tests/aws/services/iam/test_iam.snapshot.json ${test}`;
export const USER = "genai-lab-sandbox";
export const POLICY = loggingPolicy("/aws/bedrock/model-invocations");

export const role = async (p: Protocolled<Clients>, tag: string): Promise<string> => {
  await p.client.send(
    new CreateRoleCommand({
      RoleName: `r-${tag}`,
      AssumeRolePolicyDocument: LOGGING_TRUST,
      Tags: [{ Key: "k", Value: "v" }],
    }),
  );
  return `r-${tag}`;
};
export const roleWithPolicy = async (p: Protocolled<Clients>, tag: string): Promise<string> => {
  await role(p, tag);
  await p.client.send(new PutRolePolicyCommand({ RoleName: `r-${tag}`, PolicyName: "logs", PolicyDocument: POLICY }));
  return `r-${tag}`;
};
export const userPolicy = async (p: Protocolled<Clients>, tag: string): Promise<void> => {
  await p.client.send(new PutUserPolicyCommand({ UserName: USER, PolicyName: `p-${tag}`, PolicyDocument: POLICY }));
};

export const noSuchRole = (name: RegExp): { error: ErrorExpectation } => ({
  error: {
    code: "NoSuchEntity",
    sdkName: "NoSuchEntityException",
    status: 404,
    message: new RegExp(`^The role with name ${name.source} cannot be found\\.$`),
  },
});
export const noSuch = (message: RegExp): { error: ErrorExpectation } => ({
  error: { code: "NoSuchEntity", sdkName: "NoSuchEntityException", status: 404, message },
});

export { noOutput } from "../runner.js";
