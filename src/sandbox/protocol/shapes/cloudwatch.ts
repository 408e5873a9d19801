// Generated from botocore 1.43.11 data/cloudwatch/2010-08-01/service-2.json by test/sandbox/conformance/wire-shapes.test.ts
// (UPDATE_WIRE_SHAPES=1 npx vitest run test/sandbox/conformance/wire-shapes.test.ts). Do not edit by hand.
import type { ServiceShapes } from "../shape.js";

export const CLOUDWATCH_SHAPES: ServiceShapes = {
  operations: {
    DeleteAlarms: {
      output: null,
      errors: ["ResourceNotFound"],
    },
    DeleteDashboards: {
      output: "DeleteDashboardsOutput",
      errors: ["InvalidParameterValueException", "InternalServiceFault", "ConflictException"],
    },
    DescribeAlarmHistory: {
      output: "DescribeAlarmHistoryOutput",
      errors: ["InvalidNextToken"],
    },
    DescribeAlarms: {
      output: "DescribeAlarmsOutput",
      errors: ["InvalidNextToken"],
    },
    DescribeAlarmsForMetric: {
      output: "DescribeAlarmsForMetricOutput",
      errors: [],
    },
    DisableAlarmActions: {
      output: null,
      errors: [],
    },
    EnableAlarmActions: {
      output: null,
      errors: [],
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
    PutMetricAlarm: {
      output: null,
      errors: ["LimitExceededFault"],
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
    SetAlarmState: {
      output: null,
      errors: ["ResourceNotFound", "InvalidFormatFault"],
    },
  },
  structures: {
    AlarmHistoryItem: {
      members: {
        AlarmName: "string",
        AlarmContributorId: "string",
        AlarmType: "string",
        Timestamp: "timestamp",
        HistoryItemType: "string",
        HistorySummary: "string",
        HistoryData: "string",
        AlarmContributorAttributes: {
          map: "string",
        },
      },
    },
    AlarmPromQLCriteria: {
      members: {
        Query: "string",
        PendingPeriod: "integer",
        RecoveryPeriod: "integer",
      },
      required: ["Query"],
    },
    CompositeAlarm: {
      members: {
        ActionsEnabled: "boolean",
        AlarmActions: {
          list: "string",
        },
        AlarmArn: "string",
        AlarmConfigurationUpdatedTimestamp: "timestamp",
        AlarmDescription: "string",
        AlarmName: "string",
        AlarmRule: "string",
        InsufficientDataActions: {
          list: "string",
        },
        OKActions: {
          list: "string",
        },
        StateReason: "string",
        StateReasonData: "string",
        StateUpdatedTimestamp: "timestamp",
        StateValue: "string",
        StateTransitionedTimestamp: "timestamp",
        ActionsSuppressedBy: "string",
        ActionsSuppressedReason: "string",
        ActionsSuppressor: "string",
        ActionsSuppressorWaitPeriod: "integer",
        ActionsSuppressorExtensionPeriod: "integer",
      },
    },
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
    DescribeAlarmHistoryOutput: {
      members: {
        AlarmHistoryItems: {
          list: "AlarmHistoryItem",
        },
        NextToken: "string",
      },
    },
    DescribeAlarmsForMetricOutput: {
      members: {
        MetricAlarms: {
          list: "MetricAlarm",
        },
      },
    },
    DescribeAlarmsOutput: {
      members: {
        CompositeAlarms: {
          list: "CompositeAlarm",
        },
        MetricAlarms: {
          list: "MetricAlarm",
        },
        NextToken: "string",
      },
    },
    Dimension: {
      members: {
        Name: "string",
        Value: "string",
      },
      required: ["Name", "Value"],
    },
    EvaluationCriteria: {
      members: {
        PromQLCriteria: "AlarmPromQLCriteria",
      },
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
    InvalidFormatFault: {
      members: {
        message: "string",
      },
      error: {
        code: "InvalidFormat",
        status: 400,
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
    LimitExceededFault: {
      members: {
        message: "string",
      },
      error: {
        code: "LimitExceeded",
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
    MetricAlarm: {
      members: {
        AlarmName: "string",
        AlarmArn: "string",
        AlarmDescription: "string",
        AlarmConfigurationUpdatedTimestamp: "timestamp",
        ActionsEnabled: "boolean",
        OKActions: {
          list: "string",
        },
        AlarmActions: {
          list: "string",
        },
        InsufficientDataActions: {
          list: "string",
        },
        StateValue: "string",
        StateReason: "string",
        StateReasonData: "string",
        StateUpdatedTimestamp: "timestamp",
        MetricName: "string",
        Namespace: "string",
        Statistic: "string",
        Dimensions: {
          list: "Dimension",
        },
        Period: "integer",
        Unit: "string",
        EvaluationPeriods: "integer",
        Threshold: "double",
        ComparisonOperator: "string",
        ExtendedStatistic: "string",
        TreatMissingData: "string",
        EvaluateLowSampleCountPercentile: "string",
        DatapointsToAlarm: "integer",
        Metrics: {
          list: "MetricDataQuery",
        },
        ThresholdMetricId: "string",
        EvaluationState: "string",
        StateTransitionedTimestamp: "timestamp",
        EvaluationCriteria: "EvaluationCriteria",
        EvaluationInterval: "integer",
      },
    },
    MetricDataQuery: {
      members: {
        Id: "string",
        MetricStat: "MetricStat",
        Expression: "string",
        Label: "string",
        ReturnData: "boolean",
        Period: "integer",
        AccountId: "string",
      },
      required: ["Id"],
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
    MetricStat: {
      members: {
        Metric: "Metric",
        Period: "integer",
        Stat: "string",
        Unit: "string",
      },
      required: ["Metric", "Period", "Stat"],
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
    ResourceNotFound: {
      members: {
        message: "string",
      },
      error: {
        code: "ResourceNotFound",
        status: 404,
      },
    },
  },
};
