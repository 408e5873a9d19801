/**
 * The welcome screen: the lab card (title, goal, duration, exam domain, prerequisites), the target (the sandbox,
 * labelled simulated, or the AWS account/Region/profile detected), the language, and progress so far.
 * Before the session is open it shows what is starting; if it could not open, why and what to do.
 */
import { Box, Text } from "ink";
import type { ReactNode } from "react";
import type { ResolvedMode } from "../../app/lab-session.js";
import { modeLabel } from "../../app/mode-label.js";
import type { LabManifest, TargetInfo, TargetKind } from "../../engine/contract.js";
import type { LabCard as Card } from "../../engine/lab-card.js";
import type { Problem } from "../../engine/problem.js";
import { fill, type Text as Bilingual } from "../../engine/text.js";
import { useDisplay } from "../app/display.js";
import type { Phase } from "../app/controller.js";
import { passedCount, resumeIndex, type LabView } from "../state/lab-view.js";
import { completedAndCleaned, shortTime, shownChecklist } from "../state/standing.js";
import { S } from "../strings.js";
import { modeLocked } from "../app/hands-on.js";
import { completionSummary } from "../state/completion-summary.js";
import { ModeList } from "./ModeChooser.js";
import { ProblemView } from "./ProblemView.js";
import { TargetBadge } from "./Header.js";
import { Spinner } from "./Spinner.js";
import { Styled } from "./Styled.js";
import { Wrap } from "./Wrap.js";
import { isLabStep } from "../../engine/contract.js";

/**
 * `compact`: a short or narrow terminal — one line per row, the prerequisites left out, the Enter prompt kept.
 * `mode`: how the lab is taken once the session is open; when nothing chose it yet the card asks, `modeChoice`
 * highlighted.
 * `card`: the lab's card read before the session: drawn at once, above what is starting.
 */
export function Welcome(props: {
  phase: Phase;
  view?: LabView;
  card?: Card;
  mode?: ResolvedMode;
  modeChoice?: number;
  now: number;
  width: number;
  compact?: boolean;
  /** The mode question one line per mode (the card would not fit with each described in full). */
  shortChoices?: boolean;
}) {
  const { t, theme } = useDisplay();
  const { phase } = props;
  return (
    <Box
      flexDirection="column"
      borderStyle="round"
      {...theme["border.focus"]}
      paddingX={props.compact ? 1 : 2}
      width={props.width}
      flexShrink={0}
    >
      {phase.kind === "connecting" && props.card ? (
        <CardHead card={props.card} compact={props.compact ?? false} />
      ) : null}
      {phase.kind === "connecting" ? (
        <Text>
          <Spinner now={props.now} />{" "}
          {t(fill(S.connecting, { target: t(phase.target === "sandbox" ? S.connectingSandbox : S.connectingAws) }))}
        </Text>
      ) : null}
      {phase.kind === "failed" ? (
        <Failed problem={phase.problem} target={phase.target} heading={phase.heading ?? S.connectFailed} />
      ) : null}
      {phase.kind === "ready" && props.view ? (
        <LabCard
          manifest={phase.session.lab.manifest}
          target={phase.session.target}
          view={props.view}
          compact={props.compact ?? false}
          {...(props.mode ? { mode: props.mode } : {})}
          modeChoice={props.modeChoice ?? 0}
          shortChoices={props.shortChoices ?? false}
        />
      ) : null}
    </Box>
  );
}

function Failed(props: { problem: Problem; target: TargetKind; heading: Bilingual }) {
  const { t } = useDisplay();
  return (
    <Box flexDirection="column">
      <Styled token="tone.error">✗ {t(props.heading)}</Styled>
      <ProblemView problem={props.problem} />
      {/* Off the sandbox, the way back is one key: say so where the learner is reading. */}
      {props.target !== "sandbox" ? (
        <Box marginTop={1}>
          <Styled token="text.accent" wrap="wrap">
            ▶ {t(S.backToSandbox)}
          </Styled>
        </Box>
      ) : null}
    </Box>
  );
}

/** Wrapped prose, or on a compact card one line that gives way at its end. */
function Line(props: { compact: boolean; children: ReactNode }) {
  return props.compact ? <Text wrap="truncate-end">{props.children}</Text> : <Wrap>{props.children}</Wrap>;
}

/** A labelled row; compact rows take a narrower label column (the label itself never wraps). */
function Row(props: { label: string; children: ReactNode; compact?: boolean }) {
  return (
    <Box flexShrink={0}>
      <Box width={props.compact ? 12 : 16} flexShrink={0}>
        <Styled token="text.muted">{props.label}</Styled>
      </Box>
      <Box flexShrink={1} flexDirection="column">
        {props.children}
      </Box>
    </Box>
  );
}

function LabCard(props: {
  manifest: LabManifest;
  target: TargetInfo;
  view: LabView;
  compact: boolean;
  mode?: ResolvedMode;
  modeChoice: number;
  shortChoices: boolean;
}) {
  const { t, s, lang } = useDisplay();
  const { manifest, target, view, compact, mode } = props;
  const asking = mode?.source === "none";
  const lab = view.steps.filter((step) => isLabStep(step));
  const done = lab.filter((step) => view.outcomes[step.id] === "passed").length;
  const passed = passedCount(shownChecklist(view));
  const resume = view.steps[resumeIndex(view)];
  const started = Object.keys(view.outcomes).length > 0;
  const completion = view.completion;
  const values = {
    done,
    total: lab.length,
    passed,
    items: view.checklist.length,
    n: resume?.number ?? 0,
    title: resume ? t(resume.title) : "",
  };
  const progress = !started ? S.welcomeFresh : done === lab.length ? S.welcomeAllDone : S.welcomeResume;
  // Compact enough for 80×24: every row keeps its height (flexShrink 0); nothing is squeezed out.
  return (
    <Box flexDirection="column">
      <CardHead card={manifest} compact={compact} asking={asking} />
      <Row label={t(S.target)} compact={compact}>
        <Line compact={compact}>
          <TargetBadge target={target} />
          <Styled token="text.muted">
            {" "}
            · {target.region} · {t(S.account)} {s(target.accountId)}
          </Styled>
        </Line>
        {target.kind === "sandbox" && (target.realModel || manifest.notes?.sandbox) ? (
          <Styled token="text.muted" wrap={compact ? "truncate-end" : "wrap"}>
            {t(target.realModel ? fill(S.realModelNote, { url: target.realModel }) : manifest.notes!.sandbox!)}
          </Styled>
        ) : null}
      </Row>
      <Row label={t(S.welcomeLanguage)} compact={compact}>
        <Text>
          {t(S.languageName)}{" "}
          <Styled token="text.muted">
            ({lang} · l: {t(S.languageSwitch)})
          </Styled>
        </Text>
      </Row>
      {mode && !asking ? (
        <Row label={t(S.mode)} compact={compact}>
          <Line compact={compact}>
            {t(modeLabel(mode))}{" "}
            <Styled token="text.muted">· {t(modeLocked(mode) ? S.modeLockedNote : S.modeChange)}</Styled>
          </Line>
        </Row>
      ) : null}
      <Row label={t(S.welcomeProgress)} compact={compact}>
        {completion ? (
          <Completed view={view} at={completion.at} compact={compact} />
        ) : (
          <Wrap>{t(fill(progress, values))}</Wrap>
        )}
      </Row>
      {asking ? (
        <Box flexDirection="column" marginTop={compact ? 0 : 1} flexShrink={0}>
          <Styled token="text.heading">{t(S.modeQuestion)}</Styled>
          <ModeList
            choice={props.modeChoice}
            {...(compact ? { compact: true } : props.shortChoices ? { inline: true } : {})}
          />
        </Box>
      ) : null}
      <Styled token="text.accent">▶ {t(started ? S.welcomeContinue : S.welcomeStart)}</Styled>
    </Box>
  );
}

/** What the lab is: its title, goal, duration and exam domain, prerequisites (from the manifest alone). */
/** `asking`: the mode question takes the prerequisites' rows (the card must still fit 80×24). */
function CardHead(props: { card: Card; compact: boolean; asking?: boolean }) {
  const { t } = useDisplay();
  const { card, compact, asking } = props;
  return (
    <>
      <Styled token="text.heading" wrap={compact ? "truncate-end" : "wrap"}>
        {t(card.title)}
      </Styled>
      <Row label={t(S.welcomeGoal)} compact={compact}>
        <Line compact={compact}>{t(card.goal)}</Line>
      </Row>
      <Row label={t(S.welcomeDuration)} compact={compact}>
        <Line compact={compact}>
          {t(fill(S.welcomeMinutes, { n: card.durationMinutes }))} <Styled token="text.muted">·</Styled>{" "}
          {t(S.welcomeDomain)}: {t(card.examDomain)}
        </Line>
      </Row>
      {compact || asking ? null : (
        <Row label={t(S.welcomePrereqs)}>
          <Wrap>{card.prerequisites.map((p) => t(p)).join(" · ")}</Wrap>
        </Row>
      )}
    </>
  );
}

/** A completed lab: when, the checklist as it passed, and — once cleaned up — what cleanup removed. */
function Completed(props: { view: LabView; at: string; compact: boolean }) {
  const { t, s } = useDisplay();
  const { view, compact } = props;
  const items = view.completion?.items.length ?? 0;
  const cleanup = view.steps.find((step) => step.role === "cleanup");
  const cleanedAt = cleanup ? view.finishedAt[cleanup.id] : undefined;
  const cleaned = completedAndCleaned(view) && cleanedAt !== undefined;
  const summary = completionSummary(view);
  // On a compact card each line gives way at its end, and the names of what was removed are left out.
  return (
    <Box flexDirection="column">
      <Line compact={compact}>
        <Styled token="status.passed">✓ </Styled>
        {t(fill(S.welcomeCompleted, { at: shortTime(props.at), passed: items, items }))}
      </Line>
      {summary ? (
        <Styled token="text.muted" wrap={compact ? "truncate-end" : "wrap"}>
          {t(fill(S.welcomeSummary, { ...summary, time: t(summary.time) }))}
        </Styled>
      ) : null}
      {cleaned ? (
        <Line compact={compact}>
          {t(fill(S.welcomeCleaned, { at: shortTime(cleanedAt), count: view.removed.length }))}
          {view.removed.length > 0 && !compact ? (
            <Styled token="text.muted">: {view.removed.map((entry) => s(entry.name)).join(", ")}</Styled>
          ) : null}
        </Line>
      ) : (
        <Styled token="text.muted" wrap={compact ? "truncate-end" : "wrap"}>
          {t(S.welcomeNotCleaned)}
        </Styled>
      )}
    </Box>
  );
}
