/**
 * Step 2's own check (the checklist's log-entries-present, now owned by the step that makes the calls): the
 * learner's calls tick step 2 however they were made — raw signed HTTP as botocore sends it, the JS SDK's streaming
 * calls read to the end — and each near miss of this step fails with its hint: failed calls (named by error code),
 * logging never turned on, nothing seen yet (records take a while: the live check keeps looking), genai-lab's own
 * probe call not taken for the learner's. Watched live (hands-on), the step passes once the delayed records arrive,
 * credited to the learner; run by genai-lab (guided), its check waits for them.
 */
import { ConverseStreamCommand, InvokeModelWithResponseStreamCommand } from "@aws-sdk/client-bedrock-runtime";
import { DeleteRoleCommand, DeleteRolePolicyCommand } from "@aws-sdk/client-iam";
import { describe, expect, it } from "vitest";
import type { LabSession } from "../helpers/lab-session.js";
import { send } from "../sandbox/signing.js";
import {
  CLAUDE,
  converse,
  createGroup,
  gradeTable,
  invokeModel,
  labPerTest,
  loggingByHand,
  type LearnerAws,
  type NearMiss,
  NOVA,
  runCheck,
  type Setup,
  times,
} from "./check-kit.js";
import { run, STEP } from "./util.js";

/** InvokeModel as boto3 sends it: a hand-built POST to /model/{id}/invoke, SigV4-signed for `bedrock`. */
async function rawInvoke(s: LabSession, modelId = CLAUDE, body?: object): Promise<number> {
  const res = await send(s.sandbox, {
    service: "bedrock",
    path: `/model/${encodeURIComponent(modelId)}/invoke`,
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(
      body ?? {
        anthropic_version: "bedrock-2023-05-31",
        max_tokens: 64,
        messages: [{ role: "user", content: "What is Amazon Bedrock?" }],
      },
    ),
  });
  return res.status;
}

async function converseStream(aws: LearnerAws, modelId = NOVA): Promise<void> {
  const out = await aws.bedrockRuntime.send(
    new ConverseStreamCommand({ modelId, messages: [{ role: "user", content: [{ text: "What is RAG?" }] }] }),
  );
  for await (const _event of out.stream ?? []) void _event;
}

async function invokeStream(aws: LearnerAws, modelId = CLAUDE): Promise<void> {
  const body = { anthropic_version: "bedrock-2023-05-31", max_tokens: 64, messages: [{ role: "user", content: "Hi" }] };
  const out = await aws.bedrockRuntime.send(
    new InvokeModelWithResponseStreamCommand({ modelId, contentType: "application/json", body: JSON.stringify(body) }),
  );
  for await (const _event of out.body ?? []) void _event;
}

const correct: [string, Setup][] = [
  [
    "raw signed HTTP, as boto3's invoke_model sends it",
    async (s, aws) => {
      await loggingByHand(s, aws);
      await times(5, async () => expect(await rawInvoke(s)).toBe(200));
    },
  ],
  [
    "the JS SDK's streaming calls, read to the end (ConverseStream ×3, InvokeModelWithResponseStream ×2)",
    async (s, aws) => {
      await loggingByHand(s, aws);
      await times(3, () => converseStream(aws));
      await times(2, () => invokeStream(aws));
    },
  ],
  [
    "a mix of Converse, InvokeModel and a stream on different models",
    async (s, aws) => {
      await loggingByHand(s, aws);
      await times(2, () => converse(aws, "amazon.nova-micro-v1:0"));
      await times(2, () => invokeModel(aws, CLAUDE));
      await converseStream(aws, "us.amazon.nova-pro-v1:0");
    },
  ],
];

/** The body without max_tokens, which the Anthropic body requires: Bedrock answers ValidationException. */
const BAD_BODY = { anthropic_version: "bedrock-2023-05-31", messages: [{ role: "user", content: "Hi" }] };

const nearMisses: NearMiss[] = [
  {
    name: "five calls refused with ValidationException (a body without max_tokens)",
    setup: async (s, aws) => {
      await loggingByHand(s, aws);
      await times(5, async () => expect(await rawInvoke(s, CLAUDE, BAD_BODY)).toBe(400));
    },
    actual: /^0 of 5 found \(and 5 failed calls, not counted\)$/,
    hint: /^Bedrock logged 5 failed calls: ValidationException ×5 \(the model id or the request body was refused: the error message says which\)\. .*does not count\. Fix that, then make 5 more calls/,
    hintVi: /Bedrock đã ghi 5 lời gọi thất bại: ValidationException ×5 .*không được tính/,
  },
  {
    name: "no model access (AccessDeniedException), after three good calls",
    setup: async (s, aws) => {
      await loggingByHand(s, aws);
      await times(3, () => converse(aws));
      s.sandbox.setFaults({ modelAccessDenied: true });
      await times(2, () => converse(aws).catch(() => undefined));
    },
    actual: /^3 of 5 found \(and 2 failed calls, not counted\)$/,
    // Logged, so not an IAM denial (those never reach the model): the hint names model access only.
    hint: /AccessDeniedException ×2 \(the account has no access to this model: request it in the Bedrock console → Model access, or call the model step 0 chose\)\. .*3 of 5 successful so far\. Fix that, then make 2 more calls/,
    hintVi:
      /AccessDeniedException ×2 \(tài khoản chưa được dùng model này: xin quyền ở Bedrock console → Model access.*\)\. .*Mới có 3\/5 lời gọi thành công/,
  },
  {
    name: "the logging role deleted after logging was on: the five calls' records cannot be delivered",
    setup: async (s, aws) => {
      await loggingByHand(s, aws);
      await aws.iam.send(new DeleteRolePolicyCommand({ RoleName: "MyBedrockLogs", PolicyName: "write" }));
      await aws.iam.send(new DeleteRoleCommand({ RoleName: "MyBedrockLogs" }));
      await times(5, () => converse(aws));
    },
    actual: /^0 of 5 found$/,
    // Not "on their way" nor "made before logging was on": the metric says they were dropped, the role is the cause.
    hint: /^Bedrock could not deliver 5 invocation records to CloudWatch Logs \(the AWS\/Bedrock metric ModelInvocationLogsCloudWatchDeliveryFailure counts them\); \/aws\/bedrock\/model-invocations holds 0 of 5: the logging role arn:aws:iam::\d+:role\/MyBedrockLogs must still exist.*Records not delivered are lost: once the role is fixed, make 5 more calls/,
    hintVi:
      /^Bedrock không gửi được 5 bản ghi lời gọi tới CloudWatch Logs .*role ghi log arn:aws:iam::\d+:role\/MyBedrockLogs phải còn tồn tại.*sửa role xong, hãy gọi model thêm 5 lần/,
  },
  {
    name: "logging never turned on: the group is there, the five calls are not logged",
    setup: async (_s, aws) => {
      await createGroup(aws);
      await times(5, () => converse(aws));
    },
    actual: /^0 of 5 found$/,
    hint: /^Bedrock logging is off in us-east-1 .*Turn it on with the group \/aws\/bedrock\/model-invocations \(step 1\), then make 5 more calls/,
    hintVi: /^Logging của Bedrock đang tắt ở us-east-1/,
  },
  {
    name: "nothing called yet: the hint says records take a while and the check keeps looking",
    setup: async (s, aws) => {
      await loggingByHand(s, aws);
    },
    actual: /^0 of 5 found$/,
    hint: /^No call has reached Bedrock in us-east-1 yet .*a few seconds after each call .*genai-lab keeps looking/,
    hintVi: /^Chưa thấy lời gọi nào tới Bedrock ở us-east-1 .*genai-lab vẫn đang theo dõi/,
  },
];

gradeTable("log-entries-present", {
  correct,
  nearMisses,
  onPass: (result) => expect(result.status === "pass" && result.evidence?.requestIds).toHaveLength(5),
});

describe("step 2 with invocation logs delivered late (4 s, as on AWS: seconds to minutes; long enough that a loaded machine still checks before they land)", () => {
  const start = labPerTest({ deliveryDelayMs: 4000 });

  it("the step owns the checklist's log-entries-present, and step 3 no longer does", async () => {
    const [session] = await start();
    const checksOf = (id: string) => session.lab.steps.find(({ step }) => step.id === id)!.step.checks.map((c) => c.id);
    expect(checksOf(STEP.invoke)).toEqual(["log-entries-present"]);
    expect(checksOf(STEP.logs)).toEqual(["insights-returns-results"]);
  });

  it("a live check right after the calls says they are on their way, then the watch ticks the step: done by you", async () => {
    const [session, learner] = await start();
    await loggingByHand(session, learner);
    await times(5, () => converse(learner));
    const early = await runCheck(session, "log-entries-present", { liveCheck: true });
    expect(early.result.status).toBe("fail");
    expect(early.result.status === "fail" && early.result.hint.en).toMatch(
      /Invocations metric counts 5 calls .* may still be on their way\. .*genai-lab keeps looking/,
    );
    const watch = session.runner.watchStep(STEP.invoke, new AbortController().signal);
    const done = await watch.done;
    expect(done.outcome).toBe("passed");
    expect(done.by).toBe("learner");
    expect(
      done.results.map((r) => `${r.id}:${r.result.status}:${r.result.status === "pass" && r.result.doneBy}`),
    ).toEqual(["log-entries-present:pass:learner"]);
  }, 30_000);

  it("genai-lab's own probe call (step 0, before logging was on) is not taken for one of the learner's", async () => {
    const [session, learner] = await start();
    expect((await run(session.runner, [STEP.preflight])).outcome).toBe("passed");
    await loggingByHand(session, learner);
    const hintNow = async () => {
      const { result } = await runCheck(session, "log-entries-present", { liveCheck: true });
      return result.status === "fail" ? result.hint : { en: result.status, vi: result.status };
    };
    const before = await hintNow();
    expect(before.en).toMatch(
      /^No call has reached Bedrock in us-east-1 yet \(no record in \/aws\/bedrock\/model-invocations, and the Invocations metric counts only genai-lab's own probe call from step 0\)\. Records reach the log/,
    );
    expect(before.vi).toMatch(/chỉ đếm lời gọi thử của genai-lab ở bước 0/);
    await times(2, () => converse(learner));
    expect((await hintNow()).en).toMatch(
      /^The AWS\/Bedrock Invocations metric counts 2 calls .*may still be on their way/,
    );
  }, 30_000);

  it("guided: Enter runs the five calls and the step's check waits for their records: done by genai-lab", async () => {
    const [session] = await start();
    const summary = await run(session.runner, [STEP.preflight, STEP.logging, STEP.invoke]);
    expect(summary.outcome).toBe("passed");
    const finished = session.events.flatMap((e) =>
      e.type === "step-finished" && e.stepId === STEP.invoke ? [`${e.outcome}:${e.by}`] : [],
    );
    expect(finished).toEqual(["passed:runner"]);
    const item = summary.checklist.find((i) => i.id === "log-entries-present")!;
    expect(item.result.status === "pass" && item.result.doneBy).toBe("runner");
  }, 60_000);
});
