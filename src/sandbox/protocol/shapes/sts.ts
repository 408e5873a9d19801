// Generated from botocore 1.43.11 data/sts/2011-06-15/service-2.json by test/sandbox/conformance/wire-shapes.test.ts
// (UPDATE_WIRE_SHAPES=1 npx vitest run test/sandbox/conformance/wire-shapes.test.ts). Do not edit by hand.
import type { ServiceShapes } from "../shape.js";

export const STS_SHAPES: ServiceShapes = {
  operations: {
    AssumeRole: {
      output: "AssumeRoleResponse",
      errors: [
        "MalformedPolicyDocumentException",
        "PackedPolicyTooLargeException",
        "RegionDisabledException",
        "ExpiredTokenException",
      ],
    },
    GetCallerIdentity: {
      output: "GetCallerIdentityResponse",
      errors: [],
    },
  },
  structures: {
    AssumeRoleResponse: {
      members: {
        Credentials: "Credentials",
        AssumedRoleUser: "AssumedRoleUser",
        PackedPolicySize: "integer",
        SourceIdentity: "string",
      },
    },
    AssumedRoleUser: {
      members: {
        AssumedRoleId: "string",
        Arn: "string",
      },
      required: ["AssumedRoleId", "Arn"],
    },
    Credentials: {
      members: {
        AccessKeyId: "string",
        SecretAccessKey: "string",
        SessionToken: "string",
        Expiration: "timestamp",
      },
      required: ["AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration"],
    },
    ExpiredTokenException: {
      members: {
        message: "string",
      },
      error: {
        code: "ExpiredTokenException",
        status: 400,
      },
    },
    GetCallerIdentityResponse: {
      members: {
        UserId: "string",
        Account: "string",
        Arn: "string",
      },
    },
    MalformedPolicyDocumentException: {
      members: {
        message: "string",
      },
      error: {
        code: "MalformedPolicyDocument",
        status: 400,
      },
    },
    PackedPolicyTooLargeException: {
      members: {
        message: "string",
      },
      error: {
        code: "PackedPolicyTooLarge",
        status: 400,
      },
    },
    RegionDisabledException: {
      members: {
        message: "string",
      },
      error: {
        code: "RegionDisabledException",
        status: 403,
      },
    },
  },
};
