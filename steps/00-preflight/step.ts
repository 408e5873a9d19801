/**
 * Step 0 (preflight, also `genai-lab doctor`): the seed's prerequisites checked for real — who am I, can I call the
 * model (lifecycle, inference profile, model access), and which IAM permissions the lab needs.
 */
import { defineStep, json, kv, StepFailure, type TargetInfo as LabTarget } from "genai-lab/kit";
import type { LabAws, LabParams } from "../lab.js";
import { probeModelNote, sandboxTargetNote } from "../lib/invocation-notes.js";
import { firstWords, invokeLine } from "../lib/invoke.js";
import { chooseModel } from "../lib/model-choice.js";
import { effectiveModelId } from "../lib/model.js";
import { attachPolicyLine, learnerPolicy } from "../lib/policies.js";
import { preflightCli, preflightPython } from "../lib/by-hand/preflight.js";
import { bothLanguages } from "../lib/by-hand/shell.js";
import { invokeWithRecovery } from "../lib/recover.js";
import { rememberProbe } from "../lib/timeline.js";

/** The probe: the smallest call that proves model access. */
const PROBE_PROMPT = "Say OK.";
const PROBE_TOKENS = 1;

const policyFor = (ctx: { target: LabTarget; params: LabParams }) =>
  learnerPolicy(ctx.target, {
    group: ctx.params.logGroupName,
    roleName: ctx.params.loggingRoleName,
    dashboard: ctx.params.dashboardName,
  });

export const step = defineStep<LabParams, LabAws>({
  id: "preflight",
  role: "preflight",
  title: { vi: "Kiểm tra trước khi bắt đầu", en: "Preflight checks" },
  values: {
    modelId: (ctx) => effectiveModelId(ctx),
    preflightCli: bothLanguages(preflightCli),
  },
  // genai-lab runs this step itself (it only reads and chooses); the learner's terminal checks the same things.
  yourTurn: { cli: (ctx) => preflightCli(ctx, ctx.lang), python: preflightPython },
  actions: [
    {
      id: "identify",
      title: { vi: "Xác định tài khoản, Region và danh tính", en: "Identify the account, Region and identity" },
      cli: (ctx) => `aws sts get-caller-identity --region ${ctx.target.region}`,
      async run(ctx) {
        const { target } = ctx;
        ctx.report.output(
          kv({ vi: "Danh tính", en: "Identity" }, [
            [{ vi: "Target", en: "Target" }, target.endpoint ? `${target.kind} (${target.endpoint})` : target.kind],
            [{ vi: "Tài khoản", en: "Account" }, target.accountId],
            [{ vi: "Region", en: "Region" }, target.region],
            [{ vi: "Danh tính (ARN)", en: "Identity (ARN)" }, target.principalArn],
          ]),
        );
        if (target.kind === "sandbox") ctx.report.note("info", sandboxTargetNote(target.realModel));
        if (target.region !== ctx.params.region) {
          ctx.report.note("info", {
            vi: `Bài lab mặc định dùng ${ctx.params.region}; lần chạy này dùng ${target.region}.`,
            en: `The lab defaults to ${ctx.params.region}; this run uses ${target.region}.`,
          });
        }
        return {
          summary: { vi: `Đã xác định tài khoản ${target.accountId}`, en: `Account ${target.accountId} identified` },
        };
      },
    },
    {
      id: "choose-model",
      title: { vi: "Kiểm tra vòng đời và cách gọi model", en: "Check the model's lifecycle and how to call it" },
      cli: (ctx) =>
        `aws bedrock get-foundation-model --model-identifier ${ctx.params.modelId} --region ${ctx.target.region}`,
      async run(ctx) {
        const effective = await chooseModel(ctx);
        return { summary: { vi: `Model sẽ dùng: ${effective}`, en: `Model to use: ${effective}` } };
      },
    },
    {
      id: "probe-model",
      title: { vi: "Gọi thử model một lần (1 token)", en: "Call the model once (1 token)" },
      cli: (ctx) => invokeLine(effectiveModelId(ctx), ctx.target.region, PROBE_PROMPT, PROBE_TOKENS),
      billable: true,
      async run(ctx) {
        const call = await invokeWithRecovery(ctx, PROBE_PROMPT, PROBE_TOKENS);
        rememberProbe(ctx, effectiveModelId(ctx), call);
        if (!call.requestId) {
          throw new StepFailure(
            { vi: "Model trả lời nhưng không có request id.", en: "The model answered without a request id." },
            { vi: "Chạy lại với --debug.", en: "Run again with --debug." },
          );
        }
        ctx.report.output(
          kv({ vi: "Lời gọi thử", en: "Probe call" }, [
            [{ vi: "Model", en: "Model" }, effectiveModelId(ctx)],
            [{ vi: "Request id", en: "Request id" }, call.requestId],
            [{ vi: "Độ trễ", en: "Latency" }, `${call.latencyMs} ms`],
            [{ vi: "Trả lời", en: "Answer" }, firstWords(call.answer) || "—"],
          ]),
        );
        const modelNote = probeModelNote(call);
        if (modelNote) ctx.report.note("info", modelNote);
        return { summary: { vi: "Đã gọi được model", en: "Model access confirmed" } };
      },
    },
    {
      id: "print-policy",
      title: { vi: "In IAM policy tối thiểu cho bài lab", en: "Print the least-privilege IAM policy for the lab" },
      cli: (ctx) => attachPolicyLine(ctx.target, policyFor(ctx)),
      async run(ctx) {
        const policy = policyFor(ctx);
        ctx.report.output(
          json(
            {
              vi: "Quyền IAM bài lab cần (gắn vào user/role của bạn)",
              en: "IAM permissions the lab needs (attach to your user/role)",
            },
            policy,
          ),
        );
        return { summary: { vi: "Đã in policy", en: "Policy printed" } };
      },
    },
  ],
  checks: [],
});
