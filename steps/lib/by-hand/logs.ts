/**
 * Step 3 by hand: wait (bounded) until the calls' records have arrived in the log group, then run the corrected
 * Logs Insights query and read its results. FilterLogEvents takes epoch milliseconds, StartQuery epoch seconds;
 * the query id is kept in a shell variable (no `<queryId>` to fill in), and the wait for Complete is bounded.
 */
import { shq, type Lang } from "genai-lab/kit";
import { FIXED_QUERY, oneLine } from "../queries.js";
import { comment, py, type ByHandCtx } from "./shell.js";

/** How far back the learner's commands look: the check counts the last 24 hours. */
const DAY_S = 86_400;

export function logsCli(ctx: ByHandCtx, lang: Lang = "en"): string {
  const { region } = ctx.target;
  const group = shq(ctx.params.logGroupName);
  // The original lab has five prompts, and the check wants as many records.
  const needed = ctx.params.prompts.length;
  const filter =
    `aws logs filter-log-events --region ${region} --log-group-name ${group} ` +
    `--start-time $(( ($(date +%s) - ${DAY_S}) * 1000 )) --query 'length(events)' --output text`;
  return [
    comment(lang, {
      vi: "Bản ghi tới vài giây sau mỗi lời gọi: xem lại mỗi 5 giây, tối đa 2 phút.",
      en: "Records arrive seconds after each call: look every 5 s, for up to 2 minutes.",
    }),
    `for attempt in $(seq 1 24); do COUNT=$(${filter}); [ "$COUNT" -ge ${needed} ] 2>/dev/null && break; sleep 5; done; echo "records: $COUNT"`,
    `QUERY_ID=$(aws logs start-query --region ${region} --log-group-name ${group} ` +
      `--start-time $(( $(date +%s) - ${DAY_S} )) --end-time $(date +%s) ` +
      `--query-string ${shq(oneLine(FIXED_QUERY))} --query queryId --output text)`,
    `for attempt in $(seq 1 30); do STATUS=$(aws logs get-query-results --region ${region} --query-id "$QUERY_ID" --query status --output text); [ "$STATUS" = Complete ] && break; sleep 2; done; echo "query $QUERY_ID: $STATUS"`,
    `aws logs get-query-results --region ${region} --query-id "$QUERY_ID" --query 'results[*][?field != \`@ptr\`].value' --output text`,
  ].join("\n");
}

export function logsPython(ctx: ByHandCtx): string {
  return [
    "import boto3, time",
    "",
    `logs = boto3.client("logs", region_name=${py(ctx.target.region)})`,
    `group = ${py(ctx.params.logGroupName)}`,
    `events = logs.filter_log_events(logGroupName=group, startTime=int((time.time() - ${DAY_S}) * 1000))["events"]`,
    'print(len(events), "records")',
    "now = int(time.time())",
    `query = logs.start_query(logGroupName=group, startTime=now - ${DAY_S}, endTime=now,`,
    `                         queryString=${py(FIXED_QUERY)})`,
    'while (result := logs.get_query_results(queryId=query["queryId"]))["status"] in ("Scheduled", "Running"):',
    "    time.sleep(1)",
    'for row in result["results"]:',
    '    print({field["field"]: field["value"] for field in row if field["field"] != "@ptr"})',
  ].join("\n");
}
