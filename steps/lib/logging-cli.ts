/**
 * Step 1 by hand, as text a learner can paste: the body's script writes the role's policy documents with heredocs
 * (the account id read from STS, the Region from a variable) instead of pointing at files that exist nowhere, and
 * the action lines carry their JSON inline. Both are built from the same policy functions the lab itself uses.
 */
import { shq } from "genai-lab/kit";
import { LAB_TAG } from "../lab.js";
import {
  LOGGING_POLICY_NAME,
  loggingPermissionsPolicy,
  loggingTrustPolicy,
  roleArnFor,
  type Scope,
} from "./policies.js";

/** Shell variables in place of the account and Region; an unquoted heredoc expands them. */
const SHELL_SCOPE: Scope = { region: "$REGION", accountId: "$ACCOUNT_ID" };

export interface LoggingNames {
  region: string;
  group: string;
  roleName: string;
  retentionDays: number;
}

export function loggingScript(names: LoggingNames): string {
  const { group, roleName } = names;
  const config = {
    cloudWatchConfig: { logGroupName: group, roleArn: roleArnFor(SHELL_SCOPE.accountId, roleName) },
    textDataDeliveryEnabled: true,
  };
  return [
    `REGION=${names.region}`,
    "ACCOUNT_ID=$(aws sts get-caller-identity --query Account --output text)",
    `aws logs create-log-group --region $REGION --log-group-name ${group} --tags ${LAB_TAG.key}=${LAB_TAG.value}`,
    `aws logs put-retention-policy --region $REGION --log-group-name ${group} --retention-in-days ${names.retentionDays}`,
    "cat > trust.json <<EOF",
    JSON.stringify(loggingTrustPolicy(SHELL_SCOPE), null, 2),
    "EOF",
    "cat > permissions.json <<EOF",
    JSON.stringify(loggingPermissionsPolicy(SHELL_SCOPE, group), null, 2),
    "EOF",
    `aws iam create-role --role-name ${roleName} --assume-role-policy-document file://trust.json`,
    `aws iam put-role-policy --role-name ${roleName} --policy-name ${LOGGING_POLICY_NAME} --policy-document file://permissions.json`,
    "cat > logging.json <<EOF",
    JSON.stringify(config, null, 2),
    "EOF",
    "# A new role takes a while to reach Bedrock (up to about a minute): retry for up to a minute.",
    untilPropagated(
      "aws bedrock put-model-invocation-logging-configuration --region $REGION --logging-config file://logging.json",
    ),
    "aws bedrock get-model-invocation-logging-configuration --region $REGION",
  ].join("\n");
}

/**
 * `command`, retried every 5 s for up to a minute while IAM propagates a new role to Bedrock (AWS answers
 * "Failed to validate permissions…" meanwhile). Ends with the command's failure when it never succeeds, and never
 * `exit`s: pasted into an interactive shell, an exit would close the learner's terminal.
 */
export function untilPropagated(command: string): string {
  return `for attempt in 1 2 3 4 5 6 7 8 9 10 11 12; do ${command} && break || { [ $attempt -lt 12 ] && sleep 5; }; done`;
}

/** The action's line: both documents inline, so the command works when pasted as it is. */
export function createRoleLine(scope: Scope, group: string, roleName: string): string {
  const trust = JSON.stringify(loggingTrustPolicy(scope));
  const permissions = JSON.stringify(loggingPermissionsPolicy(scope, group));
  return (
    `aws iam create-role --role-name ${shq(roleName)} --assume-role-policy-document ${shq(trust)} ` +
    `--tags Key=${LAB_TAG.key},Value=${LAB_TAG.value} && aws iam put-role-policy --role-name ${shq(roleName)} ` +
    `--policy-name ${LOGGING_POLICY_NAME} --policy-document ${shq(permissions)}`
  );
}
