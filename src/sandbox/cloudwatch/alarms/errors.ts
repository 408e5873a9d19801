/** The alarm operations' own errors (botocore cloudwatch model: code, Query code, status). */
import { AwsError } from "../../errors.js";

/** SetAlarmState on an unknown alarm: HTTP 404 with an empty message (recorded by LocalStack's snapshot tests). */
export function alarmNotFound(): AwsError {
  return new AwsError("ResourceNotFound", "", { status: 404 });
}

/** StateReasonData that is not JSON. */
export function invalidFormat(message: string): AwsError {
  return new AwsError("InvalidFormatFault", message, { queryCode: "InvalidFormat" });
}
