/**
 * The TUI's root: reads the session controller, keeps the interface state, sizes the layout to the terminal
 * (one row short of its height, so Ink only ever redraws in place), and routes every key through the one
 * input hook. Finished runs go to the <Static> transcript above; everything else is the live screen.
 */
import { Box, useApp } from "ink";
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from "react";
import type { TuiController } from "../app/controller.js";
import { createDisplay, DisplayContext } from "../app/display.js";
import { keyContextOf, scopeOf, useAppInput } from "../hooks/use-app-input.js";
import { useControllerState } from "../hooks/use-controller.js";
import { useNow } from "../hooks/use-now.js";
import { useTerminalSize } from "../hooks/use-terminal-size.js";
import { useUiState } from "../hooks/use-ui-state.js";
import type { UiAction } from "../state/ui-state.js";
import { passedCount } from "../state/lab-view.js";
import { shownChecklist } from "../state/standing.js";
import { S } from "../strings.js";
import type { Theme } from "../theme/theme.js";
import { NO_CLIPBOARD, type Clipboard } from "../terminal/clipboard.js";
import { wayShown } from "../hooks/hands-on-keys.js";
import { ConfirmDialog } from "./ConfirmDialog.js";
import { ModeChooser } from "./ModeChooser.js";
import { CopyView } from "./CopyView.js";
import { Footer, footerHeight, type FooterProps } from "./Footer.js";
import { Header } from "./Header.js";
import { HelpOverlay } from "./HelpOverlay.js";
import { MIN_COLUMNS, MIN_ROWS, TooSmall } from "./TooSmall.js";
import { Welcome } from "./Welcome.js";

/** Body rows the bordered step list and checklist need (6 steps, the cleanup rule, 4 items, titles, borders). */
const COMPACT_BELOW = 17;

// Everything past the welcome screen loads after the first frame (see MainScreen.tsx).
const MainScreen = lazy(async () => ({ default: (await import("./MainScreen.js")).MainScreen }));
const Transcript = lazy(async () => ({ default: (await import("./Transcript.js")).Transcript }));

/** Starts loading the lab screen's modules (call once the first frame is drawn). */
export function preloadMainScreen(): Promise<unknown> {
  return Promise.all([import("./MainScreen.js"), import("./Transcript.js")]);
}

/**
 * The lab complete card opens by itself the moment the checklist first reaches all-pass in this session (the
 * progress records the completion then); a lab completed before the TUI opened says so on the welcome card.
 */
function useCompletionCard(
  view: { completion?: unknown } | undefined,
  onLabScreen: boolean,
  dispatch: (action: UiAction) => void,
): void {
  const seen = useRef<"none" | "incomplete" | "complete">("none");
  const completed = view?.completion !== undefined;
  useEffect(() => {
    if (!view) return;
    // Only over the lab screen (the welcome card shows the completion itself; an overlay it cannot draw would
    // swallow its keys).
    if (completed && seen.current === "incomplete" && onLabScreen)
      dispatch({ type: "open", overlay: { kind: "complete" } });
    seen.current = completed ? "complete" : "incomplete";
  }, [view, completed, onLabScreen, dispatch]);
}

export interface AppProps {
  controller: TuiController;
  theme: Theme;
  redact: boolean;
  hyperlinks: boolean;
  /** Fixes the size instead of following the terminal (tests render at exactly 80×24). */
  size?: { columns: number; rows: number };
  /** Where `y` copies to (the terminal's clipboard through OSC 52); nowhere by default. */
  clipboard?: Clipboard;
}

export function App(props: AppProps) {
  const { controller } = props;
  const state = useControllerState(controller);
  const terminal = useTerminalSize();
  const { columns, rows } = props.size ?? terminal;
  const uiStore = useUiState();
  const ui = uiStore.state;
  const busy = state.running || state.phase.kind === "connecting";
  const live = state.view?.live;
  // A live watch only needs its countdown and spinner once a second: the screen stays calm while the learner reads.
  const now = useNow(busy || (live !== undefined && live.ended === undefined), busy ? 100 : 1000);
  const { exit } = useApp();
  const [contentHeight, setContentHeight] = useState(0);
  const [helpRows, setHelpRows] = useState(0);
  const measured = useRef(0);

  const display = useMemo(
    () =>
      createDisplay({
        lang: state.lang,
        theme: props.theme,
        redact: props.redact,
        hyperlinks: props.hyperlinks,
        columns,
        rows,
      }),
    [state.lang, props.theme, props.redact, props.hyperlinks, columns, rows],
  );

  useEffect(() => {
    if (state.exitCode !== undefined) exit();
  }, [state.exitCode, exit]);

  const scope = scopeOf(state, ui);
  const view = state.view;
  const main = scope !== "welcome" && ui.screen === "main" && view !== undefined;
  const footerNote = state.cancelling
    ? display.t(S.cancelling)
    : ui.flash
      ? display.t(ui.flash)
      : state.running
        ? display.t(S.locked)
        : undefined;
  const footer: FooterProps = {
    scope,
    context: keyContextOf(state, ui),
    width: columns,
    ...(footerNote ? { note: footerNote } : {}),
  };
  const tooSmall = columns < MIN_COLUMNS || rows < MIN_ROWS;
  // The help lists every key itself: its footer would only repeat it, and the rows are worth more at 80×24.
  const helpOpen = ui.overlay?.kind === "help" && !state.confirm;
  // One row short of the terminal: Ink then redraws in place and the shell prompt gets its own line on exit.
  const height = Math.max(1, rows - 1);
  const bodyHeight = Math.max(6, height - 1 - footerHeight(footer, display.t));
  const left = Math.min(44, Math.max(28, Math.floor(columns * 0.34)));
  // Below this the left column's bordered panels do not fit (the checklist would lose its last items): they are
  // drawn without borders instead, and the welcome card drops to one line per row (its Enter prompt stays).
  const compact = bodyHeight < COMPACT_BELOW;
  const pageWidth = Math.max(20, columns - left);

  const viewport = Math.max(1, bodyHeight - 3);
  const max = Math.max(0, contentHeight - viewport);
  const offset = ui.follow ? max : Math.min(ui.scroll, max);
  // The help takes every row under the header (no footer), and scrolls where its list is taller.
  const helpHeight = Math.max(1, height - 1);
  const helpMax = Math.max(0, helpRows - (helpHeight - 1));
  const helpOffset = Math.min(ui.overlay?.kind === "help" ? (ui.overlay.offset ?? 0) : 0, helpMax);
  const scroll = helpOpen
    ? { offset: helpOffset, max: helpMax, page: helpHeight - 1 }
    : { offset, max, page: viewport };
  useAppInput(controller, uiStore, scroll, props.clipboard ?? NO_CLIPBOARD, tooSmall);

  const session = state.phase.kind === "ready" ? state.phase.session : undefined;
  const passed = view ? passedCount(shownChecklist(view)) : 0;

  const overlay = ui.overlay;
  const copying = overlay?.kind === "copy" ? view?.steps.find((step) => step.id === overlay.stepId) : undefined;
  // The step whose checks may run live: the one on the page, with nothing over it.
  const focused = main && !overlay && !tooSmall ? view?.steps[ui.selected]?.id : undefined;
  useEffect(() => controller.focus(focused), [controller, focused]);
  useCompletionCard(view, ui.screen === "main", uiStore.dispatch);

  // First in every layout below, so it stays mounted across them: a remounted <Static> would print every finished
  // run again (a copy screen closed, a terminal grown back to size).
  const transcript = view ? (
    <Suspense fallback={null}>
      <Transcript runs={view.finished} steps={view.steps} />
    </Suspense>
  ) : null;

  if (copying && overlay?.kind === "copy" && !tooSmall) {
    // A short screen under the printed commands, so they stay on the terminal's screen to be selected.
    return (
      <DisplayContext.Provider value={display}>
        {transcript}
        <Box flexDirection="column" width={columns}>
          <CopyView lines={overlay.lines} step={copying.number} {...(overlay.note ? { note: overlay.note } : {})} />
        </Box>
      </DisplayContext.Provider>
    );
  }

  if (tooSmall) {
    return (
      <DisplayContext.Provider value={display}>
        {transcript}
        <TooSmall columns={columns} rows={rows} />
      </DisplayContext.Provider>
    );
  }

  return (
    <DisplayContext.Provider value={display}>
      {transcript}
      <Box flexDirection="column" width={columns} height={height}>
        <Header
          {...(session ? { title: session.lab.manifest.title, target: session.target } : {})}
          {...(!session && state.card ? { title: state.card.title } : {})}
          {...(view ? { progress: `✓ ${passed}/${view.checklist.length}` } : {})}
          {...(state.mode?.mode ? { mode: state.mode.mode } : {})}
        />
        {helpOpen ? (
          <Box height={helpHeight} overflow="hidden" flexShrink={0}>
            <HelpOverlay
              width={columns}
              height={helpHeight}
              offset={helpOffset}
              rows={helpRows}
              onMeasure={(rows) => {
                if (rows !== helpRows) setHelpRows(rows);
              }}
            />
          </Box>
        ) : !main ? (
          // Top-aligned: on a very short terminal the card is cut at the bottom, never drawn over itself.
          <Box flexGrow={1} flexDirection="column" alignItems="center" overflow="hidden">
            {state.confirm ? (
              <ConfirmDialog request={state.confirm.request} width={Math.min(columns, 76)} />
            ) : overlay?.kind === "mode" ? (
              <ModeChooser choice={overlay.choice} width={Math.min(columns, 76)} compact={compact} />
            ) : (
              <Welcome
                phase={state.phase}
                {...(view ? { view } : {})}
                {...(state.mode ? { mode: state.mode } : {})}
                modeChoice={ui.modeChoice}
                {...(state.card ? { card: state.card } : {})}
                now={now}
                width={Math.min(columns, 90)}
                compact={compact || columns < 72}
                shortChoices={rows < 34}
              />
            )}
          </Box>
        ) : (
          <Suspense fallback={null}>
            <MainScreen
              state={state}
              view={view}
              ui={ui}
              now={now}
              left={left}
              compact={compact}
              pageWidth={pageWidth}
              bodyHeight={bodyHeight}
              offset={offset}
              {...(ui.follow && max > 0 ? { bottom: true } : {})}
              {...(session?.lab.manifest.notes?.next ? { next: session.lab.manifest.notes.next } : {})}
              handsOn={{
                ...(state.mode?.mode ? { mode: state.mode.mode } : {}),
                way: wayShown({ state, ui }),
                target: session?.target.kind ?? "sandbox",
                ...(session?.servedEndpoint ? { endpoint: session.servedEndpoint } : {}),
                ...(session?.envCommand ? { envCommand: session.envCommand } : {}),
              }}
              onMeasure={(h) => {
                if (h !== measured.current) {
                  measured.current = h;
                  setContentHeight(h);
                }
              }}
              onReveal={(row) => uiStore.dispatch({ type: "revealed", row })}
            />
          </Suspense>
        )}
        {helpOpen ? null : <Footer {...footer} />}
      </Box>
    </DisplayContext.Provider>
  );
}
