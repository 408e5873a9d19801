// Generated from botocore 1.43.11 data/logs/2014-03-28/service-2.json by test/sandbox/conformance/wire-shapes.test.ts
// (UPDATE_WIRE_SHAPES=1 npx vitest run test/sandbox/conformance/wire-shapes.test.ts). Do not edit by hand.
import type { ServiceShapes } from "../shape.js";

export const LOGS_SHAPES: ServiceShapes = {
  operations: {
    CreateLogGroup: {
      output: null,
      errors: [
        "InvalidParameterException",
        "ResourceAlreadyExistsException",
        "LimitExceededException",
        "OperationAbortedException",
        "ServiceUnavailableException",
      ],
    },
    CreateLogStream: {
      output: null,
      errors: [
        "InvalidParameterException",
        "ResourceAlreadyExistsException",
        "ResourceNotFoundException",
        "ServiceUnavailableException",
      ],
    },
    DeleteLogGroup: {
      output: null,
      errors: [
        "InvalidParameterException",
        "ResourceNotFoundException",
        "OperationAbortedException",
        "ServiceUnavailableException",
        "ValidationException",
      ],
    },
    DeleteLogStream: {
      output: null,
      errors: [
        "InvalidParameterException",
        "ResourceNotFoundException",
        "OperationAbortedException",
        "ServiceUnavailableException",
        "ValidationException",
      ],
    },
    DeleteMetricFilter: {
      output: null,
      errors: [
        "InvalidParameterException",
        "ResourceNotFoundException",
        "OperationAbortedException",
        "ServiceUnavailableException",
      ],
    },
    DeleteRetentionPolicy: {
      output: null,
      errors: [
        "InvalidParameterException",
        "ResourceNotFoundException",
        "OperationAbortedException",
        "ServiceUnavailableException",
      ],
    },
    DescribeLogGroups: {
      output: "DescribeLogGroupsResponse",
      errors: ["InvalidParameterException", "ServiceUnavailableException"],
    },
    DescribeLogStreams: {
      output: "DescribeLogStreamsResponse",
      errors: ["InvalidParameterException", "ResourceNotFoundException", "ServiceUnavailableException"],
    },
    DescribeMetricFilters: {
      output: "DescribeMetricFiltersResponse",
      errors: ["InvalidParameterException", "ResourceNotFoundException", "ServiceUnavailableException"],
    },
    DescribeQueries: {
      output: "DescribeQueriesResponse",
      errors: ["InvalidParameterException", "ResourceNotFoundException", "ServiceUnavailableException"],
    },
    FilterLogEvents: {
      output: "FilterLogEventsResponse",
      errors: ["InvalidParameterException", "ResourceNotFoundException", "ServiceUnavailableException"],
    },
    GetLogEvents: {
      output: "GetLogEventsResponse",
      errors: ["InvalidParameterException", "ResourceNotFoundException", "ServiceUnavailableException"],
    },
    GetLogRecord: {
      output: "GetLogRecordResponse",
      errors: [
        "InvalidParameterException",
        "LimitExceededException",
        "ResourceNotFoundException",
        "ServiceUnavailableException",
      ],
    },
    GetQueryResults: {
      output: "GetQueryResultsResponse",
      errors: ["InvalidParameterException", "ResourceNotFoundException", "ServiceUnavailableException"],
    },
    ListTagsForResource: {
      output: "ListTagsForResourceResponse",
      errors: ["InvalidParameterException", "ResourceNotFoundException", "ServiceUnavailableException"],
    },
    ListTagsLogGroup: {
      output: "ListTagsLogGroupResponse",
      errors: ["ResourceNotFoundException", "ServiceUnavailableException"],
    },
    PutLogEvents: {
      output: "PutLogEventsResponse",
      errors: [
        "InvalidParameterException",
        "InvalidSequenceTokenException",
        "DataAlreadyAcceptedException",
        "ResourceNotFoundException",
        "ServiceUnavailableException",
        "UnrecognizedClientException",
      ],
    },
    PutLogGroupDeletionProtection: {
      output: null,
      errors: [
        "InvalidParameterException",
        "ResourceNotFoundException",
        "AccessDeniedException",
        "OperationAbortedException",
        "ServiceUnavailableException",
        "InvalidOperationException",
      ],
    },
    PutMetricFilter: {
      output: null,
      errors: [
        "InvalidParameterException",
        "ResourceNotFoundException",
        "OperationAbortedException",
        "LimitExceededException",
        "ServiceUnavailableException",
        "InvalidOperationException",
      ],
    },
    PutRetentionPolicy: {
      output: null,
      errors: [
        "InvalidParameterException",
        "ResourceNotFoundException",
        "OperationAbortedException",
        "ServiceUnavailableException",
      ],
    },
    StartQuery: {
      output: "StartQueryResponse",
      errors: [
        "MalformedQueryException",
        "InvalidParameterException",
        "LimitExceededException",
        "ResourceNotFoundException",
        "ServiceUnavailableException",
      ],
    },
    StopQuery: {
      output: "StopQueryResponse",
      errors: ["InvalidParameterException", "ResourceNotFoundException", "ServiceUnavailableException"],
    },
    TagLogGroup: {
      output: null,
      errors: ["ResourceNotFoundException", "InvalidParameterException"],
    },
    TagResource: {
      output: null,
      errors: [
        "InvalidParameterException",
        "ResourceNotFoundException",
        "ServiceUnavailableException",
        "TooManyTagsException",
      ],
    },
    TestMetricFilter: {
      output: "TestMetricFilterResponse",
      errors: ["InvalidParameterException", "ServiceUnavailableException"],
    },
    UntagLogGroup: {
      output: null,
      errors: ["ResourceNotFoundException"],
    },
    UntagResource: {
      output: null,
      errors: ["InvalidParameterException", "ResourceNotFoundException", "ServiceUnavailableException"],
    },
  },
  structures: {
    AccessDeniedException: {
      members: {},
      error: {
        code: "AccessDeniedException",
        status: 400,
      },
    },
    DataAlreadyAcceptedException: {
      members: {
        expectedSequenceToken: "string",
      },
      error: {
        code: "DataAlreadyAcceptedException",
        status: 400,
      },
    },
    DescribeLogGroupsResponse: {
      members: {
        logGroups: {
          list: "LogGroup",
        },
        nextToken: "string",
      },
    },
    DescribeLogStreamsResponse: {
      members: {
        logStreams: {
          list: "LogStream",
        },
        nextToken: "string",
      },
    },
    DescribeMetricFiltersResponse: {
      members: {
        metricFilters: {
          list: "MetricFilter",
        },
        nextToken: "string",
      },
    },
    DescribeQueriesResponse: {
      members: {
        queries: {
          list: "QueryInfo",
        },
        nextToken: "string",
      },
    },
    FilterLogEventsResponse: {
      members: {
        events: {
          list: "FilteredLogEvent",
        },
        searchedLogStreams: {
          list: "SearchedLogStream",
        },
        nextToken: "string",
      },
    },
    FilteredLogEvent: {
      members: {
        logStreamName: "string",
        timestamp: "long",
        message: "string",
        ingestionTime: "long",
        eventId: "string",
      },
    },
    GetLogEventsResponse: {
      members: {
        events: {
          list: "OutputLogEvent",
        },
        nextForwardToken: "string",
        nextBackwardToken: "string",
      },
    },
    GetLogRecordResponse: {
      members: {
        logRecord: {
          map: "string",
        },
      },
    },
    GetQueryResultsResponse: {
      members: {
        queryLanguage: "string",
        results: {
          list: {
            list: "ResultField",
          },
        },
        statistics: "QueryStatistics",
        status: "string",
        encryptionKey: "string",
        nextToken: "string",
      },
    },
    InvalidOperationException: {
      members: {},
      error: {
        code: "InvalidOperationException",
        status: 400,
      },
    },
    InvalidParameterException: {
      members: {},
      error: {
        code: "InvalidParameterException",
        status: 400,
      },
    },
    InvalidSequenceTokenException: {
      members: {
        expectedSequenceToken: "string",
      },
      error: {
        code: "InvalidSequenceTokenException",
        status: 400,
      },
    },
    LimitExceededException: {
      members: {},
      error: {
        code: "LimitExceededException",
        status: 400,
      },
    },
    ListTagsForResourceResponse: {
      members: {
        tags: {
          map: "string",
        },
      },
    },
    ListTagsLogGroupResponse: {
      members: {
        tags: {
          map: "string",
        },
      },
    },
    LogGroup: {
      members: {
        logGroupName: "string",
        creationTime: "long",
        retentionInDays: "integer",
        metricFilterCount: "integer",
        arn: "string",
        storedBytes: "long",
        kmsKeyId: "string",
        dataProtectionStatus: "string",
        inheritedProperties: {
          list: "string",
        },
        logGroupClass: "string",
        logGroupArn: "string",
        deletionProtectionEnabled: "boolean",
        bearerTokenAuthenticationEnabled: "boolean",
      },
    },
    LogStream: {
      members: {
        logStreamName: "string",
        creationTime: "long",
        firstEventTimestamp: "long",
        lastEventTimestamp: "long",
        lastIngestionTime: "long",
        uploadSequenceToken: "string",
        arn: "string",
        storedBytes: "long",
      },
    },
    MalformedQueryException: {
      members: {
        queryCompileError: "QueryCompileError",
      },
      error: {
        code: "MalformedQueryException",
        status: 400,
      },
    },
    MetricFilter: {
      members: {
        filterName: "string",
        filterPattern: "string",
        metricTransformations: {
          list: "MetricTransformation",
        },
        creationTime: "long",
        logGroupName: "string",
        applyOnTransformedLogs: "boolean",
        fieldSelectionCriteria: "string",
        emitSystemFieldDimensions: {
          list: "string",
        },
      },
    },
    MetricFilterMatchRecord: {
      members: {
        eventNumber: "long",
        eventMessage: "string",
        extractedValues: {
          map: "string",
        },
      },
    },
    MetricTransformation: {
      members: {
        metricName: "string",
        metricNamespace: "string",
        metricValue: "string",
        defaultValue: "double",
        dimensions: {
          map: "string",
        },
        unit: "string",
      },
      required: ["metricName", "metricNamespace", "metricValue"],
    },
    OperationAbortedException: {
      members: {},
      error: {
        code: "OperationAbortedException",
        status: 400,
      },
    },
    OutputLogEvent: {
      members: {
        timestamp: "long",
        message: "string",
        ingestionTime: "long",
      },
    },
    PutLogEventsResponse: {
      members: {
        nextSequenceToken: "string",
        rejectedLogEventsInfo: "RejectedLogEventsInfo",
        rejectedEntityInfo: "RejectedEntityInfo",
      },
    },
    QueryCompileError: {
      members: {
        location: "QueryCompileErrorLocation",
        message: "string",
      },
    },
    QueryCompileErrorLocation: {
      members: {
        startCharOffset: "integer",
        endCharOffset: "integer",
      },
    },
    QueryInfo: {
      members: {
        queryLanguage: "string",
        queryId: "string",
        queryString: "string",
        status: "string",
        createTime: "long",
        logGroupName: "string",
        queryDuration: "long",
        bytesScanned: "double",
        userIdentity: "string",
      },
    },
    QueryStatistics: {
      members: {
        recordsMatched: "double",
        recordsScanned: "double",
        estimatedRecordsSkipped: "double",
        bytesScanned: "double",
        estimatedBytesSkipped: "double",
        logGroupsScanned: "double",
      },
    },
    RejectedEntityInfo: {
      members: {
        errorType: "string",
      },
      required: ["errorType"],
    },
    RejectedLogEventsInfo: {
      members: {
        tooNewLogEventStartIndex: "integer",
        tooOldLogEventEndIndex: "integer",
        expiredLogEventEndIndex: "integer",
      },
    },
    ResourceAlreadyExistsException: {
      members: {},
      error: {
        code: "ResourceAlreadyExistsException",
        status: 400,
      },
    },
    ResourceNotFoundException: {
      members: {},
      error: {
        code: "ResourceNotFoundException",
        status: 400,
      },
    },
    ResultField: {
      members: {
        field: "string",
        value: "string",
      },
    },
    SearchedLogStream: {
      members: {
        logStreamName: "string",
        searchedCompletely: "boolean",
      },
    },
    ServiceUnavailableException: {
      members: {},
      error: {
        code: "ServiceUnavailableException",
        status: 500,
      },
    },
    StartQueryResponse: {
      members: {
        queryId: "string",
      },
    },
    StopQueryResponse: {
      members: {
        success: "boolean",
      },
    },
    TestMetricFilterResponse: {
      members: {
        matches: {
          list: "MetricFilterMatchRecord",
        },
      },
    },
    TooManyTagsException: {
      members: {
        message: "string",
        resourceName: "string",
      },
      error: {
        code: "TooManyTagsException",
        status: 400,
      },
    },
    UnrecognizedClientException: {
      members: {},
      error: {
        code: "UnrecognizedClientException",
        status: 400,
      },
    },
    ValidationException: {
      members: {},
      error: {
        code: "ValidationException",
        status: 400,
      },
    },
  },
};
