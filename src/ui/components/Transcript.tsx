/**
 * Finished runs, printed once above the live screen with Ink's <Static> and never redrawn: after quitting, the
 * terminal's scrollback holds a plain record of what was done (steps, actions, checks, the checklist).
 */
import { Box, Static, Text } from "ink";
import { fill } from "../../engine/text.js";
import { useDisplay } from "../app/display.js";
import { passedCount, type FinishedRun, type StepInfo } from "../state/lab-view.js";
import { S } from "../strings.js";
import { formatDuration } from "../plain/format.js";
import { itemResultLook } from "./Activity.js";
import { Styled } from "./Styled.js";

export function Transcript(props: { runs: FinishedRun[]; steps: StepInfo[] }) {
  return <Static items={props.runs}>{(run) => <RunRecord key={run.key} run={run} steps={props.steps} />}</Static>;
}

function RunRecord(props: { run: FinishedRun; steps: StepInfo[] }) {
  const { t } = useDisplay();
  const { run } = props;
  const passed = passedCount(run.checklist);
  return (
    <Box flexDirection="column">
      {run.steps.map(({ stepId, run: stepRun }) => {
        const step = props.steps.find((s) => s.id === stepId);
        return (
          <Box key={stepId} flexDirection="column">
            <Styled token="text.heading">
              ▶ {step ? t(fill(S.stepHeading, { n: step.number, title: t(step.title) })) : stepId}
              {stepRun.durationMs !== undefined ? ` (${formatDuration(stepRun.durationMs)})` : ""}
            </Styled>
            {stepRun.items.map((item, i) => {
              const look = itemResultLook(item);
              if (!look) return null;
              const summary = item.kind === "action" && item.summary ? ` — ${t(item.summary)}` : "";
              return (
                <Text key={i} wrap="truncate-end">
                  {"  "}
                  <Styled token={look.token}>{look.glyph}</Styled>{" "}
                  {item.kind === "action" ? t(item.title) : t(item.label)}
                  {summary}
                </Text>
              );
            })}
          </Box>
        );
      })}
      <Styled token="text.muted">
        {t(S.checklistTitle)}: {t(fill(S.checklistSummary, { passed, total: run.checklist.length }))}
      </Styled>
    </Box>
  );
}
