/**
 * `d`: details of a checklist item that did not pass — expected vs actual, the hint, the request ids the
 * judgement rests on (or the failed call's), every AWS call the check made with its request id (as the reports list
 * them), or the problem when the check could not run. `d` again shows the next such item.
 */
import { Box, Text } from "ink";
import { useDisplay } from "../app/display.js";
import type { AwsRequestRecord } from "../../report/model.js";
import { failedItems, type ChecklistItemView } from "../state/lab-view.js";
import { S } from "../strings.js";
import { formatDuration } from "../plain/format.js";
import { checkResultLook } from "../theme/status.js";
import { ResultView } from "./Activity.js";
import { Styled } from "./Styled.js";
import { Wrap } from "./Wrap.js";

/** Every AWS request id an item's result names: the evidence's, then the failed call's. */
function requestIdsOf(item: ChecklistItemView): string[] {
  const result = item.result;
  if (!result || result.status === "pass") return [];
  const ids =
    result.status === "fail"
      ? (result.evidence.requestIds ?? [])
      : result.problem.requestId
        ? [result.problem.requestId]
        : [];
  return [...new Set(ids)];
}

export function DetailsOverlay(props: { items: ChecklistItemView[]; index: number; width: number }) {
  const { t, s, theme } = useDisplay();
  const failed = failedItems(props.items);
  const position = failed.length > 0 ? props.index % failed.length : 0;
  const item = failed[position];
  const result = item?.result;
  const look = result ? checkResultLook(result.status) : undefined;
  const ids = item ? requestIdsOf(item) : [];
  const calls = item?.requests ?? [];
  return (
    <Box flexDirection="column" borderStyle="double" {...theme["border.focus"]} paddingX={1} width={props.width}>
      <Styled token="text.heading">
        {t(S.detailsTitle)}
        {failed.length > 1 ? ` (${position + 1}/${failed.length})` : ""}
      </Styled>
      {!item || !result || !look ? (
        <Wrap>{t(S.detailsNone)}</Wrap>
      ) : (
        <Box flexDirection="column" marginTop={1}>
          <Wrap>
            <Styled token={look.token}>
              {look.glyph} {t(look.label)}
            </Styled>{" "}
            <Text bold>{t(item.label)}</Text>
            {item.durationMs !== undefined ? (
              <Styled token="text.muted"> {formatDuration(item.durationMs)}</Styled>
            ) : null}
          </Wrap>
          <ResultView result={result} withRequestId={false} />
          {result.status === "fail" && result.evidence.details
            ? Object.entries(result.evidence.details).map(([key, value]) => (
                <Box key={key} marginLeft={2}>
                  <Wrap>
                    <Styled token="text.muted">{key}:</Styled> {s(value)}
                  </Wrap>
                </Box>
              ))
            : null}
          {result.status === "error" && result.problem.code ? (
            <Box marginLeft={2}>
              <Styled token="text.muted">
                {t(S.problemCode)}: {result.problem.code}
                {result.problem.httpStatus ? ` (HTTP ${result.problem.httpStatus})` : ""}
              </Styled>
            </Box>
          ) : null}
          {ids.length > 0 || calls.length === 0 ? (
            <Box marginLeft={2}>
              <Wrap>
                <Styled token="text.muted">{t(S.requestId)}:</Styled>{" "}
                {ids.length > 0 ? ids.join(", ") : t(S.detailsNoRequestId)}
              </Wrap>
            </Box>
          ) : null}
          {calls.length > 0 ? <Calls calls={calls} /> : null}
        </Box>
      )}
      <Box marginTop={1}>
        <Styled token="text.muted">{t(S.detailsClose)}</Styled>
      </Box>
    </Box>
  );
}

/** The AWS calls the check made, one per line: the operation, how it ended, and the request id to look it up by. */
function Calls(props: { calls: AwsRequestRecord[] }) {
  const { t } = useDisplay();
  return (
    <Box marginLeft={2} flexDirection="column">
      <Styled token="text.muted">{t(S.detailsCalls)}:</Styled>
      {props.calls.map((call, i) => (
        <Box key={i} marginLeft={2}>
          <Wrap>
            {call.operation}
            <Styled token={call.error ? "status.failed" : "text.muted"}>
              {" "}
              {call.error ?? ""}
              {call.httpStatus ? ` HTTP ${call.httpStatus}` : ""}
            </Styled>{" "}
            {call.requestId ?? t(S.detailsNoResponse)}
          </Wrap>
        </Box>
      ))}
    </Box>
  );
}
