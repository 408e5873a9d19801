/**
 * Live checking on the page (hands-on, exam): each check of the open step with its latest result — "not yet" and
 * what is missing (the check's own evidence and hint) until it passes — and what happens next: a round running,
 * the next look in a few seconds (`c` looks now), or the step passed and who did it. Each round replaces the last.
 */
import { Box, Text } from "ink";
import type { DoneBy } from "../../engine/contract.js";
import { fill } from "../../engine/text.js";
import { useDisplay } from "../app/display.js";
import type { CheckItem, ChecklistItemView } from "../state/lab-view.js";
import type { LiveView } from "../state/live-view.js";
import { S } from "../strings.js";
import { checkResultLook } from "../theme/status.js";
import { ResultView } from "./Activity.js";
import { Spinner } from "./Spinner.js";
import { Styled } from "./Styled.js";

export interface LiveStatusProps {
  /** The watch of this step, if it has been watched (its latest round). */
  live?: LiveView;
  /** The step's checklist items as last checked (before any live round, e.g. after a restart). */
  items: ChecklistItemView[];
  /** The step passed, and who did it. */
  passed: boolean;
  by?: DoneBy;
  /** Nothing is watched right now though the step is not done: a run or a dialog is on. */
  paused: boolean;
  now: number;
}

type Row = Pick<CheckItem, "id" | "label" | "state" | "result">;

/** The step's checks as the latest round left them (or, before any round, as last checked). */
function rowsOf(props: LiveStatusProps): Row[] {
  const { live } = props;
  const rows: Row[] =
    live && live.items.length > 0
      ? live.items
      : props.items.flatMap((item) =>
          item.result ? [{ id: item.id, label: item.label, state: item.result.status, result: item.result }] : [],
        );
  return rows.filter((row) => row.result || row.state === "running");
}

/** One line per check — ✓, or "not yet" — and what the watch does next; what is missing comes in LiveDetails. */
export function LiveStatus(props: LiveStatusProps) {
  const { t } = useDisplay();
  return (
    <Box flexDirection="column" marginTop={1}>
      {rowsOf(props).map((row) => (
        <Text key={row.id} wrap="truncate-end">
          {row.state === "running" && !row.result ? (
            <Spinner now={props.now} />
          ) : (
            <Styled token={checkResultLook(row.result!.status).token}>
              {checkResultLook(row.result!.status).glyph}
            </Styled>
          )}{" "}
          {row.result?.status === "fail" ? <Styled token="status.failed">{t(S.liveNotYet)} · </Styled> : null}
          {t(row.label)}
        </Text>
      ))}
      <Next {...props} />
    </Box>
  );
}

/**
 * What is missing, per check not passing yet: expected vs actual and the check's hint naming the cause. Under the
 * ways to do the step, so the commands come first on a small screen.
 */
export function LiveDetails(props: LiveStatusProps) {
  const { t } = useDisplay();
  const failing = rowsOf(props).filter((row) => row.result && row.result.status !== "pass");
  if (failing.length === 0 || props.passed) return null;
  return (
    <Box flexDirection="column" marginTop={1}>
      <Styled token="text.accent">── {t(S.liveMissingTitle)} ──</Styled>
      {failing.map((row) => (
        <Box key={row.id} flexDirection="column">
          <Text wrap="truncate-end">
            <Styled token={checkResultLook(row.result!.status).token}>
              {checkResultLook(row.result!.status).glyph}
            </Styled>{" "}
            {t(row.label)}
          </Text>
          <ResultView result={row.result!} />
        </Box>
      ))}
    </Box>
  );
}

/** The line under the checks: what the watch does next. */
function Next(props: LiveStatusProps) {
  const { t } = useDisplay();
  const { live, now } = props;
  if (props.passed) {
    return (
      <Styled token="status.passed" wrap="wrap">
        ✓ {t(S.stepPassed)} · {t(props.by === "runner" ? S.doneByRunner : S.doneByYou)}
      </Styled>
    );
  }
  if (props.paused || !live || live.ended) {
    return (
      <Styled token="text.muted" wrap="wrap">
        {t(props.paused ? S.livePaused : S.liveStart)}
      </Styled>
    );
  }
  if (live.checking) {
    return (
      <Text>
        <Spinner now={now} /> <Styled token="tone.info">{t(S.liveChecking)}</Styled>
      </Text>
    );
  }
  const seconds = live.nextAt === undefined ? 0 : Math.max(0, Math.ceil((live.nextAt - now) / 1000));
  const ago = live.checkedAt === undefined ? undefined : Math.max(0, Math.floor((now - live.checkedAt) / 1000));
  return (
    <Styled token="text.muted" wrap="wrap">
      {ago !== undefined ? `${t(fill(S.liveCheckedAgo, { s: ago }))} · ` : ""}
      {seconds > 0 ? t(fill(S.liveNext, { s: seconds })) : t(S.liveAgain)}
    </Styled>
  );
}
