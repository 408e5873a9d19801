import {
  CreateRoleCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  ListRolePoliciesCommand,
  ListRoleTagsCommand,
  PutRolePolicyCommand,
  TagRoleCommand,
  UntagRoleCommand,
} from "@aws-sdk/client-iam";
import { describe, expect, it } from "vitest";
import { LOGGING_TRUST, loggingPolicy, rejection, sandboxForFile } from "../helpers.js";
import { formHeaders, send } from "../signing.js";

const { sandbox, c } = await sandboxForFile();

describe("IAM roles", () => {
  it("creates a role and returns the trust policy URL-encoded, like IAM", async () => {
    const r = await c.iam.send(
      new CreateRoleCommand({
        RoleName: "BedrockLogging",
        AssumeRolePolicyDocument: LOGGING_TRUST,
        Description: "lab",
        Tags: [{ Key: "lab", Value: "genai" }],
      }),
    );
    // CreateRole answers no MaxSessionDuration (recorded by LocalStack: test_iam.snapshot.json, test_create_describe_role).
    expect(r.Role).toMatchObject({
      RoleName: "BedrockLogging",
      Path: "/",
      Arn: "arn:aws:iam::123456789012:role/BedrockLogging",
      Description: "lab",
    });
    expect(r.Role?.MaxSessionDuration).toBeUndefined();
    expect(r.Role?.RoleId).toMatch(/^AROA[A-Z2-7]{17}$/);
    expect(r.Role?.CreateDate).toBeInstanceOf(Date);
    expect(r.Role?.AssumeRolePolicyDocument).toBe(encodeURIComponent(LOGGING_TRUST));
    expect(decodeURIComponent(r.Role!.AssumeRolePolicyDocument!)).toBe(LOGGING_TRUST);
    const got = await c.iam.send(new GetRoleCommand({ RoleName: "bedrocklogging" }));
    expect(got.Role?.RoleName).toBe("BedrockLogging");
    expect(got.Role?.Tags).toEqual([{ Key: "lab", Value: "genai" }]);
    expect(
      await rejection(
        c.iam.send(new CreateRoleCommand({ RoleName: "BEDROCKLOGGING", AssumeRolePolicyDocument: LOGGING_TRUST })),
      ),
    ).toEqual({
      name: "EntityAlreadyExistsException",
      message: "Role with name BEDROCKLOGGING already exists.",
      status: 409,
    });
  });

  it("puts, lists, gets (URL-encoded) and deletes inline policies; DeleteRole conflicts while any remain", async () => {
    await c.iam.send(
      new CreateRoleCommand({
        RoleName: "WithPolicy",
        Path: "/service-role/",
        AssumeRolePolicyDocument: LOGGING_TRUST,
      }),
    );
    const policy = loggingPolicy("/aws/bedrock/model-invocations");
    await c.iam.send(new PutRolePolicyCommand({ RoleName: "WithPolicy", PolicyName: "logs", PolicyDocument: policy }));
    expect((await c.iam.send(new ListRolePoliciesCommand({ RoleName: "WithPolicy" }))).PolicyNames).toEqual(["logs"]);
    const got = await c.iam.send(new GetRolePolicyCommand({ RoleName: "WithPolicy", PolicyName: "logs" }));
    expect(got).toMatchObject({
      RoleName: "WithPolicy",
      PolicyName: "logs",
      PolicyDocument: encodeURIComponent(policy),
    });
    expect(await rejection(c.iam.send(new DeleteRoleCommand({ RoleName: "WithPolicy" })))).toEqual({
      name: "DeleteConflictException",
      message: "Cannot delete entity, must delete policies first.",
      status: 409,
    });
    await c.iam.send(new DeleteRolePolicyCommand({ RoleName: "WithPolicy", PolicyName: "logs" }));
    expect(
      (await rejection(c.iam.send(new DeleteRolePolicyCommand({ RoleName: "WithPolicy", PolicyName: "logs" }))))
        .message,
    ).toBe("The role policy with name logs cannot be found.");
    await c.iam.send(new DeleteRoleCommand({ RoleName: "WithPolicy" }));
    expect(await rejection(c.iam.send(new GetRoleCommand({ RoleName: "WithPolicy" })))).toEqual({
      name: "NoSuchEntityException",
      message: "The role with name WithPolicy cannot be found.",
      status: 404,
    });
  });

  it("tags and untags", async () => {
    await c.iam.send(new CreateRoleCommand({ RoleName: "Tagged", AssumeRolePolicyDocument: LOGGING_TRUST }));
    await c.iam.send(
      new TagRoleCommand({
        RoleName: "Tagged",
        Tags: [
          { Key: "a", Value: "1" },
          { Key: "b", Value: "2" },
        ],
      }),
    );
    await c.iam.send(new TagRoleCommand({ RoleName: "Tagged", Tags: [{ Key: "a", Value: "3" }] }));
    expect((await c.iam.send(new ListRoleTagsCommand({ RoleName: "Tagged" }))).Tags).toEqual([
      { Key: "a", Value: "3" },
      { Key: "b", Value: "2" },
    ]);
    await c.iam.send(new UntagRoleCommand({ RoleName: "Tagged", TagKeys: ["a"] }));
    expect((await c.iam.send(new ListRoleTagsCommand({ RoleName: "Tagged" }))).Tags).toEqual([
      { Key: "b", Value: "2" },
    ]);
  });

  it("validates input like IAM (ValidationError, MalformedPolicyDocument)", async () => {
    expect(
      await rejection(
        c.iam.send(new CreateRoleCommand({ RoleName: "bad name", AssumeRolePolicyDocument: LOGGING_TRUST })),
      ),
    ).toEqual({
      name: "ValidationError",
      message:
        "1 validation error detected: Value 'bad name' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
      status: 400,
    });
    expect(
      await rejection(c.iam.send(new CreateRoleCommand({ RoleName: "r1", AssumeRolePolicyDocument: "{not json" }))),
    ).toMatchObject({
      name: "MalformedPolicyDocumentException",
      message: "This policy contains invalid Json",
    });
    expect(
      (
        await rejection(
          c.iam.send(
            new CreateRoleCommand({ RoleName: "r1", AssumeRolePolicyDocument: LOGGING_TRUST, MaxSessionDuration: 60 }),
          ),
        )
      ).message,
    ).toMatch(
      /at 'maxSessionDuration' failed to satisfy constraint: Member must have value greater than or equal to 3600/,
    );
    expect(
      (
        await rejection(
          c.iam.send(
            new PutRolePolicyCommand({
              RoleName: "Tagged",
              PolicyName: "p",
              PolicyDocument: JSON.stringify({ Statement: [{ Effect: "Allow", Action: "s3:*" }] }),
            }),
          ),
        )
      ).message,
    ).toBe("Policy statement must contain resources.");
    expect(
      (
        await rejection(
          c.iam.send(
            new PutRolePolicyCommand({ RoleName: "Nobody", PolicyName: "p", PolicyDocument: loggingPolicy("/g") }),
          ),
        )
      ).name,
    ).toBe("NoSuchEntityException");
  });

  it("answers Query errors in IAM's ErrorResponse shape, and unknown actions with InvalidAction", async () => {
    const r = await send(sandbox, {
      service: "iam",
      headers: formHeaders,
      body: "Action=GetRole&Version=2010-05-08&RoleName=Ghost",
    });
    expect(r.status).toBe(404);
    expect(r.text).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<ErrorResponse xmlns="https:\/\/iam.amazonaws.com\/doc\/2010-05-08\/"><Error><Type>Sender<\/Type><Code>NoSuchEntity<\/Code><Message>The role with name Ghost cannot be found.<\/Message><\/Error><RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>/,
    );
    const unknown = await send(sandbox, {
      service: "iam",
      headers: formHeaders,
      body: "Action=CreateUser&Version=2010-05-08&UserName=u",
    });
    expect(unknown.status).toBe(400);
    expect(unknown.text).toContain(
      "<Code>InvalidAction</Code><Message>Could not find operation CreateUser for version 2010-05-08</Message>",
    );
  });
});
