// Generated from botocore 1.43.11 data/cloudwatch/2010-08-01/service-2.json by test/sandbox/conformance/wire-shapes.test.ts
// (UPDATE_WIRE_SHAPES=1 npx vitest run test/sandbox/conformance/wire-shapes.test.ts). Do not edit by hand.
import type { ServiceShapes } from "../shape.js";

export const CLOUDWATCH_SHAPES: ServiceShapes = {
  operations: {
    DeleteDashboards: {
      output: "DeleteDashboardsOutput",
      errors: ["InvalidParameterValueException", "InternalServiceFault", "ConflictException"],
    },
    GetDashboard: {
      output: "GetDashboardOutput",
      errors: ["InvalidParameterValueException", "DashboardNotFoundError", "InternalServiceFault"],
    },
    GetMetricData: {
      output: "GetMetricDataOutput",
      errors: ["InvalidNextToken"],
    },
    GetMetricStatistics: {
      output: "GetMetricStatisticsOutput",
      errors: [
        "InvalidParameterValueException",
        "MissingRequiredParameterException",
        "InvalidParameterCombinationException",
        "InternalServiceFault",
      ],
    },
    ListDashboards: {
      output: "ListDashboardsOutput",
      errors: ["InvalidParameterValueException", "InternalServiceFault"],
    },
    ListMetrics: {
      output: "ListMetricsOutput",
      errors: ["InternalServiceFault", "InvalidParameterValueException"],
    },
    PutDashboard: {
      output: "PutDashboardOutput",
      errors: ["DashboardInvalidInputError", "InternalServiceFault", "ConflictException"],
    },
    PutMetricData: {
      output: null,
      errors: [
        "InvalidParameterValueException",
        "MissingRequiredParameterException",
        "InvalidParameterCombinationException",
        "InternalServiceFault",
      ],
    },
  },
  structures: {
    ConflictException: {
      members: {
        Message: "string",
      },
      error: {
        code: "ConflictException",
        status: 409,
      },
    },
    DashboardEntry: {
      members: {
        DashboardName: "string",
        DashboardArn: "string",
        LastModified: "timestamp",
        Size: "long",
      },
    },
    DashboardInvalidInputError: {
      members: {
        message: "string",
        dashboardValidationMessages: {
          list: "DashboardValidationMessage",
        },
      },
      error: {
        code: "InvalidParameterInput",
        status: 400,
      },
    },
    DashboardNotFoundError: {
      members: {
        message: "string",
      },
      error: {
        code: "ResourceNotFound",
        status: 404,
      },
    },
    DashboardValidationMessage: {
      members: {
        DataPath: "string",
        Message: "string",
      },
    },
    Datapoint: {
      members: {
        Timestamp: "timestamp",
        SampleCount: "double",
        Average: "double",
        Sum: "double",
        Minimum: "double",
        Maximum: "double",
        Unit: "string",
        ExtendedStatistics: {
          map: "double",
        },
      },
    },
    DeleteDashboardsOutput: {
      members: {},
    },
    Dimension: {
      members: {
        Name: "string",
        Value: "string",
      },
      required: ["Name", "Value"],
    },
    GetDashboardOutput: {
      members: {
        DashboardArn: "string",
        DashboardBody: "string",
        DashboardName: "string",
      },
    },
    GetMetricDataOutput: {
      members: {
        MetricDataResults: {
          list: "MetricDataResult",
        },
        NextToken: "string",
        Messages: {
          list: "MessageData",
        },
      },
    },
    GetMetricStatisticsOutput: {
      members: {
        Label: "string",
        Datapoints: {
          list: "Datapoint",
        },
      },
    },
    InternalServiceFault: {
      members: {
        Message: "string",
      },
      error: {
        code: "InternalServiceError",
        status: 500,
      },
    },
    InvalidNextToken: {
      members: {
        message: "string",
      },
      error: {
        code: "InvalidNextToken",
        status: 400,
      },
    },
    InvalidParameterCombinationException: {
      members: {
        message: "string",
      },
      error: {
        code: "InvalidParameterCombination",
        status: 400,
      },
    },
    InvalidParameterValueException: {
      members: {
        message: "string",
      },
      error: {
        code: "InvalidParameterValue",
        status: 400,
      },
    },
    ListDashboardsOutput: {
      members: {
        DashboardEntries: {
          list: "DashboardEntry",
        },
        NextToken: "string",
      },
    },
    ListMetricsOutput: {
      members: {
        Metrics: {
          list: "Metric",
        },
        NextToken: "string",
        OwningAccounts: {
          list: "string",
        },
      },
    },
    MessageData: {
      members: {
        Code: "string",
        Value: "string",
      },
    },
    Metric: {
      members: {
        Namespace: "string",
        MetricName: "string",
        Dimensions: {
          list: "Dimension",
        },
      },
    },
    MetricDataResult: {
      members: {
        Id: "string",
        Label: "string",
        Timestamps: {
          list: "timestamp",
        },
        Values: {
          list: "double",
        },
        StatusCode: "string",
        Messages: {
          list: "MessageData",
        },
      },
    },
    MissingRequiredParameterException: {
      members: {
        message: "string",
      },
      error: {
        code: "MissingParameter",
        status: 400,
      },
    },
    PutDashboardOutput: {
      members: {
        DashboardValidationMessages: {
          list: "DashboardValidationMessage",
        },
      },
    },
  },
};
