import {
  AccessDeniedException,
  BedrockRuntimeClient,
  InvokeModelCommand,
  ModelTimeoutException,
  ResourceNotFoundException,
  ServiceUnavailableException,
  ThrottlingException,
  ValidationException,
} from "@aws-sdk/client-bedrock-runtime";
import { mockClient } from "aws-sdk-client-mock";
import { describe, expect, it } from "vitest";
import { classifyAwsError as genericClassify } from "../../src/aws/classify.js";
// The built-in lab's classifier: its own error kinds (steps/lib/error-kinds.ts), then genai-lab's generic ones.
import { classify as classifyAwsError } from "../../steps/lib/error-kinds.js";
import { StepFailure, type ProblemKind } from "../../src/engine/problem.js";
import { same } from "../../src/engine/text.js";

const meta = (httpStatusCode: number) => ({ $metadata: { httpStatusCode, requestId: "req-123" } });

function sdkError(name: string, message: string, status: number, fault: "client" | "server" = "client") {
  return Object.assign(new Error(message), { name, $fault: fault, ...meta(status) });
}

const ON_DEMAND =
  "Invocation of model ID anthropic.claude-3-5-sonnet-20241022-v2:0 with on-demand throughput isn’t supported. Retry your request with the ID or ARN of an inference profile that contains this model.";

const cases: [string, unknown, ProblemKind, boolean][] = [
  [
    "missing credentials",
    Object.assign(new Error("Could not load credentials from any providers"), { name: "CredentialsProviderError" }),
    "credentials",
    false,
  ],
  [
    "expired token",
    sdkError("ExpiredTokenException", "The security token included in the request is expired", 403),
    "credentials",
    false,
  ],
  [
    "unknown key",
    sdkError("UnrecognizedClientException", "The security token included in the request is invalid.", 403),
    "credentials",
    false,
  ],
  [
    "model access",
    new AccessDeniedException({
      message: "You don't have access to the model with the specified model ID.",
      ...meta(403),
    }),
    "model-access",
    false,
  ],
  [
    "IAM permission",
    new AccessDeniedException({
      message: "User: arn:aws:iam::1:user/x is not authorized to perform: bedrock:InvokeModel on resource: …",
      ...meta(403),
    }),
    "iam-permission",
    false,
  ],
  [
    "on-demand profile needed",
    new ValidationException({ message: ON_DEMAND, ...meta(400) }),
    "on-demand-unsupported",
    false,
  ],
  [
    "on-demand with ASCII apostrophe",
    new ValidationException({ message: ON_DEMAND.replace("’", "'"), ...meta(400) }),
    "on-demand-unsupported",
    false,
  ],
  [
    "invalid model id",
    new ValidationException({ message: "The provided model identifier is invalid.", ...meta(400) }),
    "invalid-model",
    false,
  ],
  [
    "legacy model",
    new ResourceNotFoundException({
      message:
        "Access denied. This Model is marked by provider as Legacy and you have not been actively using the model in the last 30 days. Please upgrade to an active model on Amazon Bedrock",
      ...meta(404),
    }),
    "legacy-model",
    false,
  ],
  [
    "logging role",
    sdkError(
      "ValidationException",
      "Failed to validate permissions for log group: /aws/bedrock/model-invocations, with role: arn:aws:iam::123456789012:role/x. Verify the IAM role permissions are correct.",
      400,
    ),
    "logging-role",
    true,
  ],
  [
    "not found",
    sdkError("ResourceNotFoundException", "The specified log group does not exist.", 400),
    "not-found",
    false,
  ],
  [
    "IAM no such entity",
    sdkError("NoSuchEntityException", "The role with name x cannot be found.", 404),
    "not-found",
    false,
  ],
  [
    "throttling",
    new ThrottlingException({ message: "Too many requests, please wait before trying again.", ...meta(429) }),
    "throttled",
    true,
  ],
  [
    "service unavailable",
    new ServiceUnavailableException({ message: "Service Unavailable", ...meta(503) }),
    "unavailable",
    true,
  ],
  ["model timeout", new ModelTimeoutException({ message: "Model has timed out", ...meta(408) }), "model-timeout", true],
  [
    "connection refused",
    Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" }),
    "network",
    true,
  ],
  [
    "DNS failure",
    Object.assign(new Error("getaddrinfo ENOTFOUND bedrock.example"), { code: "ENOTFOUND" }),
    "network",
    true,
  ],
  [
    "request timeout",
    Object.assign(new Error("Connection timed out after 5000 ms"), { name: "TimeoutError" }),
    "timeout",
    true,
  ],
  [
    "dashboard body rejected",
    sdkError("DashboardInvalidInputError", "The dashboard body is invalid, there are 1 validation errors: …", 400),
    "validation",
    false,
  ],
  ["other validation", sdkError("ValidationException", "1 validation error detected", 400), "validation", false],
  ["other AWS error", sdkError("ConflictException", "busy", 409), "aws", false],
  [
    "an HTML page instead of AWS",
    Object.assign(new SyntaxError("Unexpected token '<', \"<html><bod\"... is not valid JSON"), {
      $metadata: { httpStatusCode: 200 },
    }),
    "not-aws",
    false,
  ],
  [
    "a deserialization failure",
    Object.assign(
      new Error(
        "Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.",
      ),
      { name: "Error", $metadata: { httpStatusCode: 200 } },
    ),
    "not-aws",
    false,
  ],
  ["cancelled", Object.assign(new Error("aborted"), { name: "AbortError" }), "cancelled", true],
  ["a bug", new TypeError("x is undefined"), "internal", false],
];

describe("classifyAwsError", () => {
  it.each(cases)("%s", (_name, error, kind, retryable) => {
    const problem = classifyAwsError(error);
    expect(problem.kind).toBe(kind);
    expect(problem.retryable).toBe(retryable);
    // Both languages, both parts, and never the same text in the two languages.
    for (const text of [problem.title, problem.next]) {
      expect(text.vi.length).toBeGreaterThan(5);
      expect(text.en.length).toBeGreaterThan(5);
      expect(text.vi).not.toBe(text.en);
    }
  });

  it("tells no credentials found (nothing sent) from credentials AWS refused", () => {
    const none = classifyAwsError(
      Object.assign(new Error("Could not load credentials from any providers"), { name: "CredentialsProviderError" }),
    );
    expect(none.title.en).toBe("No AWS credentials were found, so no call was made to AWS.");
    const refused = classifyAwsError(
      sdkError("UnrecognizedClientException", "The security token included in the request is invalid.", 403),
    );
    expect(refused.title.en).toMatch(/^AWS did not accept the credentials \(UnrecognizedClientException\)/);
  });

  it("keeps the code, status and request id, and suggests the inference profile by name", () => {
    const problem = classifyAwsError(new ValidationException({ message: ON_DEMAND, ...meta(400) }));
    expect(problem).toMatchObject({ code: "ValidationException", httpStatus: 400, requestId: "req-123" });
    expect(problem.next.en).toContain("us.anthropic.claude-3-5-sonnet-20241022-v2:0");
  });

  it("names the missing IAM action", () => {
    const problem = classifyAwsError(
      new AccessDeniedException({
        message: "User: u is not authorized to perform: logs:CreateLogGroup on resource: r",
        ...meta(403),
      }),
    );
    expect(problem.title.en).toContain("(logs:CreateLogGroup)");
  });

  it("keeps a non-AWS answer's text out of the problem", () => {
    const problem = classifyAwsError(
      Object.assign(new SyntaxError("Unexpected token '<', \"<html><body>secret\""), {
        $metadata: { httpStatusCode: 200 },
      }),
    );
    expect(JSON.stringify(problem)).not.toContain("<html>");
    expect(problem.message).toBeUndefined();
  });

  it("never carries the raw response body", () => {
    const error = Object.assign(sdkError("ValidationException", "bad", 400), { $responseBodyText: "SECRET-BODY" });
    expect(JSON.stringify(classifyAwsError(error))).not.toContain("SECRET-BODY");
  });

  it("explains a StepFailure in its own words", () => {
    const failure = new StepFailure({ vi: "Hỏng", en: "Broken" }, { vi: "Sửa", en: "Fix" }, "legacy-model");
    expect(classifyAwsError(failure)).toMatchObject({ kind: "legacy-model", title: { en: "Broken" } });
  });

  it("classifies what a real SDK client throws (mocked client)", async () => {
    const mock = mockClient(BedrockRuntimeClient);
    mock.on(InvokeModelCommand).rejects(new ThrottlingException({ message: "slow down", ...meta(429) }));
    const client = new BedrockRuntimeClient({
      region: "us-east-1",
      credentials: { accessKeyId: "a", secretAccessKey: "b" },
    });
    const error = await client.send(new InvokeModelCommand({ modelId: "m", body: "{}" })).catch((e: unknown) => e);
    expect(classifyAwsError(error).kind).toBe("throttled");
    mock.restore();
  });
});

describe("what genai-lab knows without a lab", () => {
  it("classifies by generic kinds only: a Bedrock-specific message is the lab's to explain", () => {
    const legacy = new ValidationException({
      message: "This model version has reached the end of its life. Access was marked by provider as Legacy.",
      ...meta(400),
    });
    expect(classifyAwsError(legacy).kind).toBe("legacy-model");
    expect(genericClassify(legacy).kind).toBe("validation");
    expect(
      genericClassify(legacy, [
        { kind: "mine", match: () => true, explain: () => ({ title: same("t"), next: same("n") }) },
      ]).kind,
    ).toBe("mine");
  });
});
