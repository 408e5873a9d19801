/**
 * The lab screen below the header: the step list and the checklist on the left; on the right the selected
 * step's page, or a confirmation or the details of a failed check. Loaded after the first frame (App imports
 * it lazily): the welcome screen does not wait for Markdown, charts and tables.
 */
import { Box } from "ink";
import type { Text } from "../../engine/text.js";
import type { ControllerState } from "../app/controller.js";
import { stepStatus, type LabView, type StepInfo, type StepRun } from "../state/lab-view.js";
import { completedAndCleaned, labWorkDone, shownChecklist } from "../state/standing.js";
import type { UiState } from "../state/ui-state.js";
import { learnerWorks, stepDone } from "../app/hands-on.js";
import { ChecklistPanel } from "./ChecklistPanel.js";
import { ConfirmDialog } from "./ConfirmDialog.js";
import { DetailsOverlay } from "./DetailsOverlay.js";
import { LabComplete } from "./LabComplete.js";
import type { LiveStatusProps } from "./LiveStatus.js";
import { ModeChooser } from "./ModeChooser.js";
import { StepList } from "./StepList.js";
import { StepPage } from "./StepPage.js";
import type { HandsOnInfo } from "./YourTurn.js";
import { isWatchedStep } from "../../engine/contract.js";

export interface MainScreenProps {
  state: ControllerState;
  view: LabView;
  ui: UiState;
  now: number;
  left: number;
  /** Short terminal: the left column's panels without borders, so that every step and item fits. */
  compact: boolean;
  pageWidth: number;
  bodyHeight: number;
  offset: number;
  /** The page follows the newest activity and is taller than its viewport: its end at the bottom. */
  bottom?: boolean;
  onMeasure(contentHeight: number): void;
  onReveal(row: number): void;
  handsOn: HandsOnInfo;
  /** The lab's ideas of what to try once it is complete (its manifest's notes.next). */
  next?: Text[];
}

export function MainScreen(props: MainScreenProps) {
  const { state, view, ui, left, pageWidth, bodyHeight } = props;
  const selectedStep = view.steps[ui.selected];
  const run = selectedStep ? view.runs[selectedStep.id] : undefined;
  const checklistPass = selectedStep ? passFor(view, selectedStep) : undefined;
  // Hands-on and exam: who did each step is marked (✓* by genai-lab), and the open step is checked live.
  const marks = learnerWorks(props.handsOn.mode);
  const live = selectedStep && marks ? liveProps(props, selectedStep) : undefined;
  const pageBox = { width: pageWidth, height: bodyHeight, overflow: "hidden", alignItems: "flex-start" } as const;
  return (
    <Box height={bodyHeight} flexShrink={0}>
      <Box flexDirection="column" width={left} height={bodyHeight} overflow="hidden" flexShrink={0}>
        <StepList
          rows={view.steps.map((step) => ({
            step,
            status: stepStatus(view, step),
            ...(view.outcomes[step.id] ? { outcome: view.outcomes[step.id] } : {}),
            ...(view.doneBy[step.id] ? { by: view.doneBy[step.id] } : {}),
          }))}
          selected={ui.selected}
          width={left}
          compact={props.compact}
          marks={marks}
        />
        <ChecklistPanel
          items={shownChecklist(view)}
          width={left}
          compact={props.compact}
          marks={marks}
          {...(completedAndCleaned(view) && view.completion ? { completedAt: view.completion.at } : {})}
        />
      </Box>
      {state.confirm ? (
        // Top-aligned, as tall as its text (not stretched to the page's height).
        <Box width={pageWidth} height={bodyHeight} overflow="hidden" alignItems="flex-start">
          <ConfirmDialog request={state.confirm.request} width={pageWidth} />
        </Box>
      ) : ui.overlay?.kind === "details" ? (
        <Box {...pageBox}>
          <DetailsOverlay items={shownChecklist(view)} index={ui.overlay.index} width={pageWidth} />
        </Box>
      ) : ui.overlay?.kind === "mode" ? (
        <Box {...pageBox}>
          <ModeChooser choice={ui.overlay.choice} width={pageWidth} compact={props.compact} />
        </Box>
      ) : ui.overlay?.kind === "complete" && view.completion ? (
        <Box {...pageBox}>
          <LabComplete
            view={view}
            width={pageWidth}
            {...(props.next ? { next: props.next } : {})}
            {...(props.compact ? { compact: true } : {})}
          />
        </Box>
      ) : selectedStep ? (
        <StepPage
          step={selectedStep}
          status={stepStatus(view, selectedStep)}
          {...(run ? { run } : {})}
          {...(checklistPass ? { checklistPass } : {})}
          running={view.running !== undefined}
          hintsShown={Math.max(ui.hintsShown[selectedStep.id] ?? 0, view.hints[selectedStep.id] ?? 0)}
          now={props.now}
          width={pageWidth}
          height={bodyHeight}
          offset={props.offset}
          {...(props.bottom ? { bottom: true } : {})}
          onMeasure={props.onMeasure}
          {...(ui.reveal?.stepId === selectedStep.id ? { reveal: ui.reveal.index } : {})}
          onReveal={props.onReveal}
          handsOn={props.handsOn}
          {...(live ? { live } : {})}
          {...(view.doneBy[selectedStep.id] ? { doneBy: view.doneBy[selectedStep.id] } : {})}
        />
      ) : null}
    </Box>
  );
}

/** The live check of a lab step with checks (undefined for a step without any: nothing to watch). */
function liveProps(props: MainScreenProps, step: StepInfo): LiveStatusProps | undefined {
  const { view, state } = props;
  if (!isWatchedStep(step) || step.checkIds.length === 0) return undefined;
  if (step.role === "cleanup" && !labWorkDone(view) && !view.live) return undefined;
  return {
    ...(view.live?.stepId === step.id ? { live: view.live } : {}),
    items: view.checklist.filter((item) => item.stepId === step.id),
    passed: stepDone(view, step),
    ...(view.doneBy[step.id] ? { by: view.doneBy[step.id] } : {}),
    paused: state.running || state.confirm !== undefined,
    now: props.now,
  };
}

/**
 * The checklist pass a step's page shows: the whole pass while it runs; once finished, the step's own items from
 * the last pass, when that pass is newer than the step's own run (a re-check's results stay on the page).
 */
function passFor(view: LabView, step: StepInfo): StepRun | undefined {
  const pass = view.checklistPass;
  if (!pass) return undefined;
  if (view.running && !view.running.stepId) return pass;
  if (view.running) return undefined;
  const run = view.runs[step.id];
  if (run && run.startedAt > pass.startedAt) return undefined;
  const items = pass.items.filter((item) => step.checkIds.includes(item.id));
  return items.length > 0 ? { ...pass, items } : undefined;
}
