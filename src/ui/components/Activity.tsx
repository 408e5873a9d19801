/**
 * The action area: each action and check of a run with its status — a spinner and the elapsed time while it
 * runs, the countdown while it waits for eventually consistent state, the CLI equivalent, its outputs, and how
 * it ended (summary, or the problem and what to do next).
 */
import { Box, Text } from "ink";
import type { CheckResult } from "../../engine/contract.js";
import { fill, type Text as Bilingual } from "../../engine/text.js";
import { useDisplay } from "../app/display.js";
import { formatDuration } from "../plain/format.js";
import type { ActivityItem, ProgressView } from "../state/lab-view.js";
import { S } from "../strings.js";
import { actionLook, checkResultLook, unreachable, type Look } from "../theme/status.js";
import { OutputList } from "./OutputView.js";
import { Spinner } from "./Spinner.js";
import { ProblemView } from "./ProblemView.js";
import { CodeRows } from "./CodeBlock.js";
import { InlineText } from "./InlineText.js";
import { Styled } from "./Styled.js";
import { StreamView } from "./StreamView.js";
import { Wrap } from "./Wrap.js";

/** How a finished action or check looks; undefined while it runs. */
export function itemResultLook(item: ActivityItem): Look | undefined {
  if (item.kind === "action") return item.state === "running" ? undefined : actionLook(item.state);
  return item.state === "running" ? undefined : checkResultLook(item.state);
}

export function ActivityList(props: { items: ActivityItem[]; now: number; width: number }) {
  return (
    <Box flexDirection="column">
      {props.items.map((item, i) => (
        <ActivityRow key={`${item.kind}:${item.id}:${i}`} item={item} now={props.now} width={props.width} />
      ))}
    </Box>
  );
}

function ActivityRow(props: { item: ActivityItem; now: number; width: number }) {
  const { t, s } = useDisplay();
  const { item } = props;
  const running = item.state === "running";
  const title = item.kind === "action" ? t(item.title) : t(item.label);
  const elapsed = running ? props.now - item.startedAt : (item.durationMs ?? 0);
  const look = itemResultLook(item);
  return (
    <Box flexDirection="column" marginTop={1}>
      {/* The title gives way on a narrow page; the time and the result word never do. */}
      <Box>
        <Box flexShrink={0} marginRight={1}>
          {running ? <Spinner now={props.now} /> : <Styled token={look!.token}>{look!.glyph}</Styled>}
        </Box>
        <Box flexShrink={1}>
          <Text wrap="truncate-end">
            {item.kind === "check" ? <Styled token="text.muted">{t(S.checkPrefix)} · </Styled> : null}
            <Text bold>{title}</Text>
          </Text>
        </Box>
        <Box flexShrink={0} marginLeft={1}>
          <Text>
            <Styled token="text.muted">{formatDuration(elapsed)}</Styled>
            {look ? <Styled token={look.token}> {t(look.label)}</Styled> : null}
          </Text>
        </Box>
      </Box>
      {item.kind === "action" && item.cli ? (
        <Box marginLeft={2} flexDirection="column">
          <Styled token="text.muted">{t(S.cliEquivalent)}:</Styled>
          {/* No "$ " before it: what is on the row is exactly what runs when pasted. */}
          {s(item.cli)
            .split("\n")
            .map((line, i) => (
              <CodeRows key={i} segments={[{ text: line, token: "text.code" }]} width={Math.max(8, props.width - 2)} />
            ))}
        </Box>
      ) : null}
      {item.progress ? <ProgressLine progress={item.progress} width={props.width - 2} /> : null}
      {item.outputs.length > 0 ? (
        <Box marginLeft={2}>
          <OutputList outputs={item.outputs} width={props.width - 2} />
        </Box>
      ) : null}
      {item.kind === "action" && item.summary ? (
        <Box marginLeft={2}>
          <InlineText token="tone.success" text={t(item.summary)} />
        </Box>
      ) : null}
      {item.kind === "action" && item.problem && item.state !== "cancelled" ? (
        <ProblemView problem={item.problem} />
      ) : null}
      {item.kind === "check" && item.result ? <ResultView result={item.result} /> : null}
    </Box>
  );
}

function ProgressLine(props: { progress: ProgressView; width: number }) {
  const { t } = useDisplay();
  const { progress } = props;
  const fraction = progress.countdown
    ? 1 - progress.countdown.remainingMs / Math.max(1, progress.countdown.totalMs)
    : progress.fraction;
  const barWidth = Math.max(10, Math.min(30, props.width - 10));
  const filled = fraction === undefined ? 0 : Math.round(Math.min(1, Math.max(0, fraction)) * barWidth);
  return (
    <Box marginLeft={2} flexDirection="column">
      <Styled token="tone.info" wrap="wrap">
        … {t(progress.message)}
      </Styled>
      {progress.stream ? <StreamView stream={progress.stream} width={props.width} /> : null}
      {fraction !== undefined ? (
        <Text>
          <Styled token={progress.countdown ? "status.attention" : "status.running"}>{"█".repeat(filled)}</Styled>
          <Styled token="text.muted">{"░".repeat(barWidth - filled)}</Styled>
          {progress.countdown ? (
            <Styled token="text.muted">
              {" "}
              {t(fill(S.countdownLeft, { s: Math.ceil(progress.countdown.remainingMs / 1000) }))}
            </Styled>
          ) : null}
        </Text>
      ) : null}
    </Box>
  );
}

/** `withRequestId: false` when the caller lists request ids itself (the details panel). */
export function ResultView(props: { result: CheckResult; withRequestId?: boolean }) {
  const { t, s } = useDisplay();
  const { result } = props;
  const str = (v: string | Bilingual) => (typeof v === "string" ? s(v) : t(v));
  switch (result.status) {
    case "pass":
      return null;
    case "fail":
      return (
        <Box marginLeft={2} flexDirection="column">
          <Wrap>
            <Styled token="text.muted">{t(S.expected)}:</Styled> {str(result.evidence.expected)}
          </Wrap>
          <Wrap>
            <Styled token="text.muted">{t(S.actual)}:</Styled> {str(result.evidence.actual)}
          </Wrap>
          <InlineText prefix={<Styled token="text.accent">{t(S.hint)}: </Styled>} text={t(result.hint)} />
        </Box>
      );
    case "error":
      return <ProblemView problem={result.problem} withRequestId={props.withRequestId ?? true} />;
    default:
      return unreachable(result);
  }
}
