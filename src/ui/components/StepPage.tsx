/**
 * The selected step's page: its Markdown, the hints asked for, and the activity of its latest run (live while it
 * runs). The page scrolls inside a fixed-height viewport (PgUp/PgDn); while a step runs it follows the newest
 * activity. Ink clips the overflow: nothing is sliced by hand.
 */
import { Box, measureElement, type DOMElement } from "ink";
import { useEffect, useRef } from "react";
import type { DoneBy } from "../../engine/contract.js";
import { fill, type Text as Bilingual } from "../../engine/text.js";
import { learnerWorks } from "../app/hands-on.js";
import { useDisplay } from "../app/display.js";
import type { StepInfo, StepRun } from "../state/lab-view.js";
import { shortTime } from "../state/standing.js";
import { S } from "../strings.js";
import { stepLook, type StepStatus } from "../theme/status.js";
import { ActivityList } from "./Activity.js";
import { Markdown } from "./Markdown.js";
import { PageViewport } from "./PageViewport.js";
import { Styled } from "./Styled.js";
import { Wrap } from "./Wrap.js";
import type { LiveStatusProps } from "./LiveStatus.js";
import { YourTurn, type HandsOnInfo } from "./YourTurn.js";
import { withoutCode } from "../markdown/without-code.js";
import { isByHandStep, isWatchedStep } from "../../engine/contract.js";

export interface StepPageProps {
  step: StepInfo;
  status: StepStatus;
  run?: StepRun;
  /** The checklist pass running right now (after a run, or `c`), or this step's items of the last one. */
  checklistPass?: StepRun;
  /** Whether a run (of anything) is going on. */
  running?: boolean;
  hintsShown: number;
  now: number;
  width: number;
  height: number;
  offset: number;
  /**
   * Following the newest activity: the page's end is laid out at the viewport's bottom in the same frame. (An
   * offset from the last frame's measurement is a frame late: each line a stream added hid the line under it.)
   */
  bottom?: boolean;
  onMeasure(contentHeight: number): void;
  /** The hint (index in the ladder) to bring into view once drawn; `onReveal` gets its first row on the page. */
  reveal?: number;
  onReveal?(row: number): void;
  /** Hands-on and exam mode: Your turn above the page, and the live check of the step (undefined: no checks). */
  handsOn?: HandsOnInfo;
  live?: LiveStatusProps;
  /** Who completed the step last. */
  doneBy?: DoneBy;
}

export function StepPage(props: StepPageProps) {
  const { t, theme } = useDisplay();
  const inner = useRef<DOMElement>(null);
  const hints = useRef<(DOMElement | null)[]>([]);
  const { onMeasure, onReveal, reveal } = props;
  useEffect(() => {
    if (inner.current) onMeasure(measureElement(inner.current).height);
    // The row a revealed hint starts on (its title), from the layout just computed: scroll there.
    const hint = reveal === undefined ? undefined : hints.current[reveal];
    if (hint?.yogaNode && onReveal) onReveal(Math.max(0, hint.yogaNode.getComputedTop()));
  });
  const viewport = Math.max(1, props.height - 3);
  const innerWidth = Math.max(10, props.width - 4);
  const look = stepLook(props.status);
  const { step, handsOn } = props;
  const byHand = learnerWorks(handsOn?.mode);
  const exam = handsOn?.mode === "exam";
  // In exam mode the page keeps its prose but not its code: the commands are the answer.
  const body = exam && isByHandStep(step) ? withoutCode(t(step.body), t(S.codeHidden)) : t(step.body);
  const note = byHand ? roleNote(step.role, exam) : undefined;
  return (
    <Box
      flexDirection="column"
      borderStyle="round"
      {...theme["border.focus"]}
      width={props.width}
      height={props.height}
      paddingX={1}
      flexShrink={0}
    >
      <PageViewport
        height={viewport}
        width={innerWidth}
        offset={props.offset}
        {...(props.bottom ? { bottom: true } : {})}
        ref={inner}
      >
        {/* On a projector the step's title is a full-width bar, readable from the back of the room. */}
        {/* The title names the step's role already ("Preflight checks", "Clean up"): no role tag after it. */}
        <Wrap {...(theme.presenter ? { inverse: true, bold: true } : {})}>
          <Styled token={look.token}>{look.glyph}</Styled>{" "}
          <Styled token="text.heading">{t(fill(S.stepHeading, { n: step.number, title: t(step.title) }))}</Styled>
          <Styled token={look.token}> · {t(look.label)}</Styled>
          {byHand && props.status === "passed" && props.doneBy && isWatchedStep(step) ? (
            <Styled token="text.muted"> · {t(props.doneBy === "runner" ? S.doneByRunner : S.doneByYou)}</Styled>
          ) : null}
        </Wrap>
        {byHand && handsOn && isWatchedStep(step) ? (
          <YourTurn step={step} info={handsOn} live={props.live} width={innerWidth} />
        ) : null}
        {note ? (
          <Box marginTop={1}>
            <Styled token="text.accent" wrap="wrap">
              ▶ {t(note)}
            </Styled>
          </Box>
        ) : null}
        {byHand && isWatchedStep(step) ? (
          <Box marginTop={1}>
            <Styled token="text.accent">── {t(S.aboutStep)} ──</Styled>
          </Box>
        ) : null}
        <Box marginTop={1}>
          <Markdown source={body} width={innerWidth} />
        </Box>
        {step.hints.slice(0, props.hintsShown).map((hint, i) => (
          <Box
            key={i}
            marginTop={1}
            flexDirection="column"
            ref={(node) => {
              hints.current[i] = node;
            }}
          >
            <Styled token="tone.warning">› {t(fill(S.hintTitle, { n: i + 1, total: step.hints.length }))}</Styled>
            {/* A rung may hold a code block (the exact command): Markdown, so it copies whole. */}
            <Markdown source={t(hint)} width={innerWidth} />
          </Box>
        ))}
        {props.run ? (
          <RunSection title={S.lastRun} run={props.run} now={props.now} width={innerWidth} timed />
        ) : byHand ? null : (
          <Box marginTop={1}>
            <Styled token="text.accent">▶ {t(S.runHint)}</Styled>
          </Box>
        )}
        {props.checklistPass ? (
          <RunSection
            title={props.checklistPass.durationMs === undefined && props.running ? S.checklistRun : S.checklistRan}
            run={props.checklistPass}
            now={props.now}
            width={innerWidth}
            timed
          />
        ) : null}
      </PageViewport>
      <ScrollIndicator offset={props.offset} />
    </Box>
  );
}

/** What Enter does on a step the learner does not do by hand (hands-on, exam): the preflight. */
function roleNote(role: StepInfo["role"], exam: boolean): Bilingual | undefined {
  switch (role) {
    case "preflight":
      return exam ? S.examNoDoIt : S.yourTurnPreflight;
    case "cleanup": // done by hand or by Enter: Your turn says both
    case "lab":
    case "bonus": // the bonus investigation is done by hand like a lab step: Your turn says what Enter does
      return undefined;
  }
}

/** A run's actions and checks under a rule naming it (and, once it has ended, when it began). */
function RunSection(props: { title: Bilingual; run: StepRun; now: number; width: number; timed?: boolean }) {
  const { t } = useDisplay();
  const ended = props.run.items.every((item) => item.state !== "running");
  const when = props.timed && ended ? ` · ${shortTime(props.run.startedAt)}` : "";
  return (
    <Box marginTop={1} flexDirection="column">
      <Styled token="text.accent">
        ── {t(props.title)}
        {when} ──
      </Styled>
      <ActivityList items={props.run.items} now={props.now} width={props.width} />
    </Box>
  );
}

function ScrollIndicator(props: { offset: number }) {
  const { t } = useDisplay();
  return (
    <Box justifyContent="flex-end" height={1}>
      <Styled token="text.muted">
        {props.offset > 0 ? `↑ ${props.offset} · ` : ""}PgUp/PgDn · {t(S.keyScroll)}
      </Styled>
    </Box>
  );
}
