/**
 * IAM (AWS Query): the role and user calls the sandbox implements, success shape and documented errors.
 * Sources: MODEL = botocore data/iam/2010-05-08/service-2.json; REF = the IAM API Reference page; RECORDED = real AWS
 * responses recorded by LocalStack in tests/aws/services/iam/test_iam.snapshot.json (named test); QUOTA = IAM's
 * quotas page (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html).
 */
import type { Case } from "./iam-common.js";
import { IAM_ERROR_CASES } from "./iam-errors.js";
import { ROLE_CASES } from "./iam-roles.js";
import { USER_CASES } from "./iam-users.js";

export const IAM_CASES: readonly Case[] = [...ROLE_CASES, ...USER_CASES];
export { IAM_ERROR_CASES };

export const IAM_UNREACHABLE: Readonly<Record<string, string>> = {
  ServiceFailureException: "a server fault: the sandbox answers its own bugs with InternalFailure (500)",
  ConcurrentModificationException: "the sandbox applies writes one at a time",
  UnmodifiableEntityException: "service-linked roles do not exist in the sandbox",
  InvalidInputException:
    "IAM's semantic input checks beyond the member constraints (ValidationError) are not simulated",
  "DeleteRole:LimitExceededException": "IAM's rate-of-change limits are not simulated",
  "DeleteRolePolicy:LimitExceededException": "IAM's rate-of-change limits are not simulated",
  "DeleteUserPolicy:LimitExceededException": "IAM's rate-of-change limits are not simulated",
};
