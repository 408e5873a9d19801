/**
 * The lab's steps with their status, and how many of the lab's steps have passed. Cleanup is apart from the lab:
 * it is not counted, and a rule saying where it stands sets it off below the others (not on a compact screen). The count follows the
 * steps' last outcomes, so it never drops while a step runs again.
 */
import { Box, Text } from "ink";
import stringWidth from "string-width";
import type { DoneBy } from "../../engine/contract.js";
import { fill } from "../../engine/text.js";
import type { StepOutcome } from "../../engine/events.js";
import { useDisplay } from "../app/display.js";
import type { StepInfo } from "../state/lab-view.js";
import { S } from "../strings.js";
import { stepLook, type StepStatus } from "../theme/status.js";
import { LeftPanel } from "./LeftPanel.js";
import { PanelTitle } from "./PanelTitle.js";
import { Styled } from "./Styled.js";
import { isLabStep } from "../../engine/contract.js";
import { isWatchedStep } from "../../engine/contract.js";

export interface StepRow {
  step: StepInfo;
  status: StepStatus;
  /** The step's last finished outcome (what the count reads). */
  outcome?: StepOutcome;
  /** Who completed it last. */
  by?: DoneBy;
}

/**
 * `marks` (hands-on, exam): a passed step genai-lab did is marked `✓*`, as reports mark its items; the learner's
 * own are plain `✓`.
 */
export function StepList(props: {
  rows: StepRow[];
  selected: number;
  width: number;
  compact?: boolean;
  marks?: boolean;
}) {
  const { t, theme } = useDisplay();
  // The count is the lab's own steps: not cleanup, not the optional bonus. A step counts once passed (a new run
  // does not uncount it), or once verified with the next step's checks.
  const lab = props.rows.filter((row) => isLabStep(row.step));
  const done = lab.filter((row) => row.outcome === "passed" || row.status === "passed").length;
  const firstCleanup = props.rows.findIndex((row) => row.step.role === "cleanup");
  const inner = Math.max(1, props.width - (props.compact ? 1 : 4));
  return (
    <LeftPanel width={props.width} compact={props.compact}>
      <PanelTitle title={t(S.stepsPanel)} count={`${done}/${lab.length}`} />
      {props.rows.map((row, index) => {
        const look = stepLook(row.status);
        const selected = index === props.selected;
        return (
          <Box key={row.step.id} flexDirection="column">
            {/* Compact (60×18): no rule — its row is worth more than the words, which the cleanup row's own
                glyph says already; every step and all four checklist items then fit. */}
            {index === firstCleanup && index > 0 && !props.compact ? (
              <Styled token="text.muted" wrap="truncate-end">
                {rule(t(fill(S.cleanupApart, { status: t(look.label) })), inner)}
              </Styled>
            ) : null}
            <Text wrap="truncate-end" {...(selected ? theme["text.selected"] : {})}>
              <Text>{selected ? "▸" : " "}</Text>
              <Styled token={look.token}>{look.glyph}</Styled>
              {props.marks ? <Styled token="text.muted">{runnerMark(row)}</Styled> : null} {row.step.number}{" "}
              {t(row.step.title)}
            </Text>
          </Box>
        );
      })}
    </LeftPanel>
  );
}

/** "*" after a passed lab step genai-lab did, else a space (the titles stay aligned). */
export function runnerMark(row: StepRow): string {
  return row.status === "passed" && row.by === "runner" && isWatchedStep(row.step) ? "*" : " ";
}

/** "╌╌ cleanup: pending ╌╌╌╌" across the panel. */
function rule(label: string, width: number): string {
  const head = `╌╌ ${label} `;
  return head + "╌".repeat(Math.max(0, width - stringWidth(head)));
}
