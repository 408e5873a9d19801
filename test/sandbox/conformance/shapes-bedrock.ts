// Generated from botocore 1.43.11 data/bedrock/2023-04-20/service-2.json by test/sandbox/conformance/wire-shapes.test.ts
// (UPDATE_WIRE_SHAPES=1 npx vitest run test/sandbox/conformance/wire-shapes.test.ts). Do not edit by hand.
import type { ServiceShapes } from "../../../src/sandbox/protocol/shape.js";

export const BEDROCK_SHAPES: ServiceShapes = {
  operations: {
    DeleteModelInvocationLoggingConfiguration: {
      output: "DeleteModelInvocationLoggingConfigurationResponse",
      errors: ["AccessDeniedException", "InternalServerException", "ThrottlingException"],
    },
    GetFoundationModel: {
      output: "GetFoundationModelResponse",
      errors: [
        "ResourceNotFoundException",
        "AccessDeniedException",
        "ValidationException",
        "InternalServerException",
        "ThrottlingException",
      ],
    },
    GetInferenceProfile: {
      output: "GetInferenceProfileResponse",
      errors: [
        "ResourceNotFoundException",
        "AccessDeniedException",
        "ValidationException",
        "InternalServerException",
        "ThrottlingException",
      ],
    },
    GetModelInvocationLoggingConfiguration: {
      output: "GetModelInvocationLoggingConfigurationResponse",
      errors: ["AccessDeniedException", "InternalServerException", "ThrottlingException"],
    },
    ListFoundationModels: {
      output: "ListFoundationModelsResponse",
      errors: ["AccessDeniedException", "ValidationException", "InternalServerException", "ThrottlingException"],
    },
    ListInferenceProfiles: {
      output: "ListInferenceProfilesResponse",
      errors: ["AccessDeniedException", "ValidationException", "InternalServerException", "ThrottlingException"],
    },
    PutModelInvocationLoggingConfiguration: {
      output: "PutModelInvocationLoggingConfigurationResponse",
      errors: ["AccessDeniedException", "ValidationException", "InternalServerException", "ThrottlingException"],
    },
  },
  structures: {
    AccessDeniedException: {
      members: {
        message: "string",
      },
      error: {
        code: "AccessDeniedException",
        status: 403,
      },
    },
    CloudWatchConfig: {
      members: {
        logGroupName: "string",
        roleArn: "string",
        largeDataDeliveryS3Config: "S3Config",
      },
      required: ["logGroupName", "roleArn"],
    },
    DeleteModelInvocationLoggingConfigurationResponse: {
      members: {},
    },
    FoundationModelDetails: {
      members: {
        modelArn: "string",
        modelId: "string",
        modelName: "string",
        providerName: "string",
        inputModalities: {
          list: "string",
        },
        outputModalities: {
          list: "string",
        },
        responseStreamingSupported: "boolean",
        customizationsSupported: {
          list: "string",
        },
        inferenceTypesSupported: {
          list: "string",
        },
        modelLifecycle: "FoundationModelLifecycle",
      },
      required: ["modelArn", "modelId"],
    },
    FoundationModelLifecycle: {
      members: {
        status: "string",
        startOfLifeTime: "datetime",
        endOfLifeTime: "datetime",
        legacyTime: "datetime",
        publicExtendedAccessTime: "datetime",
      },
      required: ["status"],
    },
    FoundationModelSummary: {
      members: {
        modelArn: "string",
        modelId: "string",
        modelName: "string",
        providerName: "string",
        inputModalities: {
          list: "string",
        },
        outputModalities: {
          list: "string",
        },
        responseStreamingSupported: "boolean",
        customizationsSupported: {
          list: "string",
        },
        inferenceTypesSupported: {
          list: "string",
        },
        modelLifecycle: "FoundationModelLifecycle",
      },
      required: ["modelArn", "modelId"],
    },
    GetFoundationModelResponse: {
      members: {
        modelDetails: "FoundationModelDetails",
      },
    },
    GetInferenceProfileResponse: {
      members: {
        inferenceProfileName: "string",
        description: "string",
        createdAt: "datetime",
        updatedAt: "datetime",
        inferenceProfileArn: "string",
        models: {
          list: "InferenceProfileModel",
        },
        inferenceProfileId: "string",
        status: "string",
        type: "string",
      },
      required: ["inferenceProfileName", "inferenceProfileArn", "models", "inferenceProfileId", "status", "type"],
    },
    GetModelInvocationLoggingConfigurationResponse: {
      members: {
        loggingConfig: "LoggingConfig",
      },
    },
    InferenceProfileModel: {
      members: {
        modelArn: "string",
      },
    },
    InferenceProfileSummary: {
      members: {
        inferenceProfileName: "string",
        description: "string",
        createdAt: "datetime",
        updatedAt: "datetime",
        inferenceProfileArn: "string",
        models: {
          list: "InferenceProfileModel",
        },
        inferenceProfileId: "string",
        status: "string",
        type: "string",
      },
      required: ["inferenceProfileName", "inferenceProfileArn", "models", "inferenceProfileId", "status", "type"],
    },
    InternalServerException: {
      members: {
        message: "string",
      },
      error: {
        code: "InternalServerException",
        status: 500,
      },
    },
    ListFoundationModelsResponse: {
      members: {
        modelSummaries: {
          list: "FoundationModelSummary",
        },
      },
    },
    ListInferenceProfilesResponse: {
      members: {
        inferenceProfileSummaries: {
          list: "InferenceProfileSummary",
        },
        nextToken: "string",
      },
    },
    LoggingConfig: {
      members: {
        cloudWatchConfig: "CloudWatchConfig",
        s3Config: "S3Config",
        textDataDeliveryEnabled: "boolean",
        imageDataDeliveryEnabled: "boolean",
        embeddingDataDeliveryEnabled: "boolean",
        videoDataDeliveryEnabled: "boolean",
        audioDataDeliveryEnabled: "boolean",
      },
    },
    PutModelInvocationLoggingConfigurationResponse: {
      members: {},
    },
    ResourceNotFoundException: {
      members: {
        message: "string",
      },
      error: {
        code: "ResourceNotFoundException",
        status: 404,
      },
    },
    S3Config: {
      members: {
        bucketName: "string",
        keyPrefix: "string",
      },
      required: ["bucketName"],
    },
    ThrottlingException: {
      members: {
        message: "string",
      },
      error: {
        code: "ThrottlingException",
        status: 429,
      },
    },
    ValidationException: {
      members: {
        message: "string",
      },
      error: {
        code: "ValidationException",
        status: 400,
      },
    },
  },
};
