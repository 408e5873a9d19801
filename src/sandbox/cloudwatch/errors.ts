/**
 * CloudWatch's errors. CloudWatch is "query compatible": over AWS JSON 1.0 the error type is the Smithy shape name
 * (`code`), while the AWS Query protocol and the `x-amzn-query-error` header carry the older code (`queryCode`),
 * which is also what current SDKs surface as the error name. Codes and statuses from botocore's cloudwatch model.
 */
import { AwsError } from "../errors.js";

export interface DashboardValidationMessage {
  DataPath: string;
  Message: string;
}

export function invalidValue(message: string): AwsError {
  return new AwsError("InvalidParameterValueException", message, { queryCode: "InvalidParameterValue" });
}

export function missingParameter(message: string): AwsError {
  return new AwsError("MissingRequiredParameterException", message, { queryCode: "MissingParameter" });
}

export function invalidCombination(message: string): AwsError {
  return new AwsError("InvalidParameterCombinationException", message, { queryCode: "InvalidParameterCombination" });
}

/**
 * A request-validation error (no modelled shape): `ValidationError` over AWS Query and in `x-amzn-query-error`,
 * `ValidationException` as the JSON/CBOR type — as CloudWatch's front end answers (recorded by LocalStack:
 * test_cloudwatch.snapshot.json, test_exception_serializing_with_no_shape_in_spec), HTTP 400.
 */
export function validationError(message: string): AwsError {
  return new AwsError("ValidationException", message, { queryCode: "ValidationError" });
}

export function invalidNextToken(): AwsError {
  return new AwsError("InvalidNextToken", "The service couldn't process the NextToken provided.");
}

/** PutDashboard's refusal; `messages` become the error's `dashboardValidationMessages` member. */
export function dashboardInvalid(message: string, messages: readonly DashboardValidationMessage[] = []): AwsError {
  return new AwsError("DashboardInvalidInputError", message, {
    queryCode: "InvalidParameterInput",
    fields: { dashboardValidationMessages: messages.map((item) => ({ ...item })) },
  });
}

export function dashboardNotFound(name: string): AwsError {
  return new AwsError("DashboardNotFoundError", `Dashboard ${name} does not exist`, {
    status: 404,
    queryCode: "ResourceNotFound",
  });
}
