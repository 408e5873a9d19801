// Generated from botocore 1.43.11 data/iam/2010-05-08/service-2.json by test/sandbox/conformance/wire-shapes.test.ts
// (UPDATE_WIRE_SHAPES=1 npx vitest run test/sandbox/conformance/wire-shapes.test.ts). Do not edit by hand.
import type { ServiceShapes } from "../shape.js";

export const IAM_SHAPES: ServiceShapes = {
  operations: {
    CreateRole: {
      output: "CreateRoleResponse",
      errors: [
        "LimitExceededException",
        "InvalidInputException",
        "EntityAlreadyExistsException",
        "MalformedPolicyDocumentException",
        "ConcurrentModificationException",
        "ServiceFailureException",
      ],
    },
    DeleteRole: {
      output: null,
      errors: [
        "NoSuchEntityException",
        "DeleteConflictException",
        "LimitExceededException",
        "UnmodifiableEntityException",
        "ConcurrentModificationException",
        "ServiceFailureException",
      ],
    },
    DeleteRolePolicy: {
      output: null,
      errors: [
        "NoSuchEntityException",
        "LimitExceededException",
        "UnmodifiableEntityException",
        "ServiceFailureException",
      ],
    },
    DeleteUserPolicy: {
      output: null,
      errors: ["NoSuchEntityException", "LimitExceededException", "ServiceFailureException"],
    },
    GetRole: {
      output: "GetRoleResponse",
      errors: ["NoSuchEntityException", "ServiceFailureException"],
    },
    GetRolePolicy: {
      output: "GetRolePolicyResponse",
      errors: ["NoSuchEntityException", "ServiceFailureException"],
    },
    GetUser: {
      output: "GetUserResponse",
      errors: ["NoSuchEntityException", "ServiceFailureException"],
    },
    GetUserPolicy: {
      output: "GetUserPolicyResponse",
      errors: ["NoSuchEntityException", "ServiceFailureException"],
    },
    ListAttachedRolePolicies: {
      output: "ListAttachedRolePoliciesResponse",
      errors: ["NoSuchEntityException", "InvalidInputException", "ServiceFailureException"],
    },
    ListAttachedUserPolicies: {
      output: "ListAttachedUserPoliciesResponse",
      errors: ["NoSuchEntityException", "InvalidInputException", "ServiceFailureException"],
    },
    ListRolePolicies: {
      output: "ListRolePoliciesResponse",
      errors: ["NoSuchEntityException", "ServiceFailureException"],
    },
    ListRoleTags: {
      output: "ListRoleTagsResponse",
      errors: ["NoSuchEntityException", "ServiceFailureException"],
    },
    ListRoles: {
      output: "ListRolesResponse",
      errors: ["ServiceFailureException"],
    },
    ListUserPolicies: {
      output: "ListUserPoliciesResponse",
      errors: ["NoSuchEntityException", "ServiceFailureException"],
    },
    ListUsers: {
      output: "ListUsersResponse",
      errors: ["ServiceFailureException"],
    },
    PutRolePolicy: {
      output: null,
      errors: [
        "LimitExceededException",
        "MalformedPolicyDocumentException",
        "NoSuchEntityException",
        "UnmodifiableEntityException",
        "ServiceFailureException",
      ],
    },
    PutUserPolicy: {
      output: null,
      errors: [
        "LimitExceededException",
        "MalformedPolicyDocumentException",
        "NoSuchEntityException",
        "ServiceFailureException",
      ],
    },
    TagRole: {
      output: null,
      errors: [
        "NoSuchEntityException",
        "LimitExceededException",
        "InvalidInputException",
        "ConcurrentModificationException",
        "ServiceFailureException",
      ],
    },
    UntagRole: {
      output: null,
      errors: ["NoSuchEntityException", "ConcurrentModificationException", "ServiceFailureException"],
    },
    UpdateAssumeRolePolicy: {
      output: null,
      errors: [
        "NoSuchEntityException",
        "MalformedPolicyDocumentException",
        "LimitExceededException",
        "UnmodifiableEntityException",
        "ServiceFailureException",
      ],
    },
  },
  structures: {
    AttachedPermissionsBoundary: {
      members: {
        PermissionsBoundaryType: "string",
        PermissionsBoundaryArn: "string",
      },
    },
    AttachedPolicy: {
      members: {
        PolicyName: "string",
        PolicyArn: "string",
      },
    },
    ConcurrentModificationException: {
      members: {
        message: "string",
      },
      error: {
        code: "ConcurrentModification",
        status: 409,
      },
    },
    CreateRoleResponse: {
      members: {
        Role: "Role",
      },
      required: ["Role"],
    },
    DeleteConflictException: {
      members: {
        message: "string",
      },
      error: {
        code: "DeleteConflict",
        status: 409,
      },
    },
    EntityAlreadyExistsException: {
      members: {
        message: "string",
      },
      error: {
        code: "EntityAlreadyExists",
        status: 409,
      },
    },
    GetRolePolicyResponse: {
      members: {
        RoleName: "string",
        PolicyName: "string",
        PolicyDocument: "string",
      },
      required: ["RoleName", "PolicyName", "PolicyDocument"],
    },
    GetRoleResponse: {
      members: {
        Role: "Role",
      },
      required: ["Role"],
    },
    GetUserPolicyResponse: {
      members: {
        UserName: "string",
        PolicyName: "string",
        PolicyDocument: "string",
      },
      required: ["UserName", "PolicyName", "PolicyDocument"],
    },
    GetUserResponse: {
      members: {
        User: "User",
      },
      required: ["User"],
    },
    InvalidInputException: {
      members: {
        message: "string",
      },
      error: {
        code: "InvalidInput",
        status: 400,
      },
    },
    LimitExceededException: {
      members: {
        message: "string",
      },
      error: {
        code: "LimitExceeded",
        status: 409,
      },
    },
    ListAttachedRolePoliciesResponse: {
      members: {
        AttachedPolicies: {
          list: "AttachedPolicy",
        },
        IsTruncated: "boolean",
        Marker: "string",
      },
    },
    ListAttachedUserPoliciesResponse: {
      members: {
        AttachedPolicies: {
          list: "AttachedPolicy",
        },
        IsTruncated: "boolean",
        Marker: "string",
      },
    },
    ListRolePoliciesResponse: {
      members: {
        PolicyNames: {
          list: "string",
        },
        IsTruncated: "boolean",
        Marker: "string",
      },
      required: ["PolicyNames"],
    },
    ListRoleTagsResponse: {
      members: {
        Tags: {
          list: "Tag",
        },
        IsTruncated: "boolean",
        Marker: "string",
      },
      required: ["Tags"],
    },
    ListRolesResponse: {
      members: {
        Roles: {
          list: "Role",
        },
        IsTruncated: "boolean",
        Marker: "string",
      },
      required: ["Roles"],
    },
    ListUserPoliciesResponse: {
      members: {
        PolicyNames: {
          list: "string",
        },
        IsTruncated: "boolean",
        Marker: "string",
      },
      required: ["PolicyNames"],
    },
    ListUsersResponse: {
      members: {
        Users: {
          list: "User",
        },
        IsTruncated: "boolean",
        Marker: "string",
      },
      required: ["Users"],
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
    NoSuchEntityException: {
      members: {
        message: "string",
      },
      error: {
        code: "NoSuchEntity",
        status: 404,
      },
    },
    Role: {
      members: {
        Path: "string",
        RoleName: "string",
        RoleId: "string",
        Arn: "string",
        CreateDate: "timestamp",
        AssumeRolePolicyDocument: "string",
        Description: "string",
        MaxSessionDuration: "integer",
        PermissionsBoundary: "AttachedPermissionsBoundary",
        Tags: {
          list: "Tag",
        },
        RoleLastUsed: "RoleLastUsed",
      },
      required: ["Path", "RoleName", "RoleId", "Arn", "CreateDate"],
    },
    RoleLastUsed: {
      members: {
        LastUsedDate: "timestamp",
        Region: "string",
      },
    },
    ServiceFailureException: {
      members: {
        message: "string",
      },
      error: {
        code: "ServiceFailure",
        status: 500,
      },
    },
    Tag: {
      members: {
        Key: "string",
        Value: "string",
      },
      required: ["Key", "Value"],
    },
    UnmodifiableEntityException: {
      members: {
        message: "string",
      },
      error: {
        code: "UnmodifiableEntity",
        status: 400,
      },
    },
    User: {
      members: {
        Path: "string",
        UserName: "string",
        UserId: "string",
        Arn: "string",
        CreateDate: "timestamp",
        PasswordLastUsed: "timestamp",
        PermissionsBoundary: "AttachedPermissionsBoundary",
        Tags: {
          list: "Tag",
        },
      },
      required: ["Path", "UserName", "UserId", "Arn", "CreateDate"],
    },
  },
};
