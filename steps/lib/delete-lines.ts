/**
 * The AWS CLI lines that remove what the lab makes, written once: the cleanup plan's commands (from the ledger,
 * cleanup-plan.ts) and cleanup by hand (the learner's own resources, by-hand/cleanup.ts) are the same lines.
 * Dashboards are global, but `--region` is given anyway, as every other line does.
 */
import { shq } from "genai-lab/kit";
import { LOGGING_POLICY_NAME } from "./policies.js";

export const deleteLine = {
  alarm: (region: string, name: string): string =>
    `aws cloudwatch delete-alarms --region ${region} --alarm-names ${shq(name)}`,
  dashboard: (region: string, name: string): string =>
    `aws cloudwatch delete-dashboards --region ${region} --dashboard-names ${shq(name)}`,
  loggingConfig: (region: string): string =>
    `aws bedrock delete-model-invocation-logging-configuration --region ${region}`,
  rolePolicy: (role: string, policy: string = LOGGING_POLICY_NAME): string =>
    `aws iam delete-role-policy --role-name ${shq(role)} --policy-name ${shq(policy)}`,
  detachPolicy: (role: string, policyArn: string): string =>
    `aws iam detach-role-policy --role-name ${shq(role)} --policy-arn ${shq(policyArn)}`,
  role: (role: string): string => `aws iam delete-role --role-name ${shq(role)}`,
  logGroup: (region: string, group: string): string =>
    `aws logs delete-log-group --region ${region} --log-group-name ${shq(group)}`,
};
