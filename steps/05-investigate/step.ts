/**
 * Step 5 (bonus, optional): investigate an incident in a realistic, seeded history. The learner answers two questions
 * with their own Logs Insights queries — graded on what the queries returned, never on their text — and sets an
 * alarm that CloudWatch moves to ALARM during the incident. Not part of the four-item checklist: its checks are the
 * lab's bonus items, reported apart. Sandbox only (real AWS has no seeded history).
 */
import { defineStep, shq } from "genai-lab/kit";
import type { LabAws, LabParams } from "../lab.js";
import {
  alarmAction,
  alarmCli,
  answerAction,
  INCIDENT_HOURS,
  INCIDENT_RATE,
  seedAction,
  TENANT_QUERY,
  THROTTLE_QUERY,
} from "../lib/investigation/actions.js";
import { comment } from "../lib/by-hand/shell.js";
import { checkIncidentAlarm, checkThrottleStart, checkTopTenant } from "../lib/investigation/checks.js";

/** The rest is the learner's own work: the block ends with where to go next, in the learner's language. */
const THEN_QUERIES = {
  vi: "rồi các truy vấn của riêng bạn: aws logs start-query … / aws logs get-query-results --query-id …",
  en: "then your own queries: aws logs start-query … / aws logs get-query-results --query-id …",
};
const SEED = `genai-lab sandbox seed --hours ${INCIDENT_HOURS} --rate ${INCIDENT_RATE} --scenario cost-spike`;
const since = "$(( $(date +%s) - 2700 ))";

export const step = defineStep<LabParams, LabAws>({
  id: "investigate",
  role: "bonus",
  title: { vi: "Thêm: điều tra một sự cố", en: "Bonus: investigate an incident" },
  values: { seedCli: () => SEED },
  actions: [
    {
      id: "create-incident",
      title: { vi: "Tạo lịch sử có sự cố (mô phỏng)", en: "Create a history with an incident (simulated)" },
      cli: () => SEED,
      run: seedAction,
    },
    {
      id: "answer-questions",
      title: { vi: "Trả lời hai câu hỏi bằng Logs Insights", en: "Answer the two questions with Logs Insights" },
      cli: (ctx) =>
        [TENANT_QUERY, THROTTLE_QUERY]
          .map(
            (query) =>
              `aws logs start-query --region ${ctx.target.region} --log-group-name ${ctx.params.logGroupName} --start-time ${since} --end-time $(date +%s) --query-string ${shq(query)}`,
          )
          .join("\n"),
      run: answerAction,
    },
    {
      id: "create-alarm",
      title: { vi: "Tạo alarm cho các lời gọi bị throttle", en: "Create an alarm on the throttled calls" },
      cli: (ctx) => alarmCli(ctx.target.region),
      timeoutMs: 200_000,
      run: alarmAction,
    },
  ],
  checks: [
    {
      id: "bonus-top-tenant",
      label: {
        vi: "Thêm: tìm ra tenant gây tăng đột biến token",
        en: "Bonus: the tenant behind the token spike found",
      },
      run: checkTopTenant,
    },
    {
      id: "bonus-throttling-start",
      label: { vi: "Thêm: tìm ra lúc bắt đầu bị throttle", en: "Bonus: when throttling began found" },
      run: checkThrottleStart,
    },
    {
      id: "bonus-incident-alarm",
      label: { vi: "Thêm: alarm báo động trong sự cố", en: "Bonus: an alarm that fires during the incident" },
      run: checkIncidentAlarm,
    },
  ],
  yourTurn: {
    cli: (ctx) => `${SEED}\n${comment(ctx.lang, THEN_QUERIES)}`,
    python: (ctx) =>
      [
        "import boto3, time",
        `logs = boto3.client("logs", region_name="${ctx.target.region}")`,
        `q = logs.start_query(logGroupName="${ctx.params.logGroupName}", startTime=int(time.time()) - 2700, endTime=int(time.time()),`,
        '    queryString="stats sum(input.inputTokenCount + output.outputTokenCount) as tokens by requestMetadata.tenant_id | sort tokens desc")',
        'time.sleep(2); print(logs.get_query_results(queryId=q["queryId"])["results"][:3])',
      ].join("\n"),
  },
  hints: [
    {
      vi: "Mọi thứ cần biết đều nằm trong bản ghi: `requestMetadata.tenant_id`, `input.inputTokenCount`, `output.outputTokenCount`, `errorCode`. Câu hỏi chỉ tính từ lúc sự cố bắt đầu.",
      en: "Everything you need is in the records: `requestMetadata.tenant_id`, `input.inputTokenCount`, `output.outputTokenCount`, `errorCode`. The questions count only since the incident began.",
    },
    {
      vi: 'Logs Insights: đặt khoảng thời gian từ lúc sự cố bắt đầu; `stats sum(...) by requestMetadata.tenant_id | sort ... desc`; `filter errorCode = "ThrottlingException" | sort @timestamp asc`. Alarm: metric AWS/Bedrock InvocationThrottles theo ModelId của profile bị throttle.',
      en: "Logs Insights: set the time range from the incident's start; `stats sum(...) by requestMetadata.tenant_id | sort ... desc`; `filter errorCode = \"ThrottlingException\" | sort @timestamp asc`. Alarm: AWS/Bedrock InvocationThrottles by the throttled profile's ModelId.",
    },
    {
      vi: `Chính xác: \`${TENANT_QUERY}\` và \`${THROTTLE_QUERY}\` (khoảng thời gian: từ lúc sự cố bắt đầu), rồi \`${alarmCli("us-east-1")}\` (đổi Region và tiền tố profile nếu lab của bạn ở Region khác).`,
      en: `Exactly: \`${TENANT_QUERY}\` and \`${THROTTLE_QUERY}\` (time range: since the incident began), then \`${alarmCli("us-east-1")}\` (change the Region and the profile's prefix if your lab is in another Region).`,
    },
  ],
});
