/** What every sandbox operation handler knows about the call it serves. */
export interface CallContext {
  /** The 12-digit account the caller's credentials belong to. */
  accountId: string;
  /** The Region from the request's SigV4 credential scope. */
  region: string;
  /** Also sent back as x-amzn-requestid. */
  requestId: string;
  /** The caller's identity ARN (e.g. arn:aws:iam::123456789012:user/genai-lab-sandbox or an assumed-role ARN). */
  principalArn: string;
  /** GetCallerIdentity's UserId for that principal (AIDA… or AROA…:session); set by the server. */
  userId?: string;
  /** The sandbox clock, epoch milliseconds, read once per request. */
  now: number;
}

/** The documented default credentials: the example pair from AWS's own documentation, never valid on AWS. */
export const SANDBOX_DEFAULTS = {
  accessKeyId: "AKIAIOSFODNN7EXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  accountId: "123456789012",
  region: "us-east-1",
  port: 4566,
  host: "127.0.0.1",
} as const;
