/**
 * The lab complete card: opens by itself when the checklist first reaches all-pass. Time taken, which items the
 * learner did and which genai-lab did, the hints used, the mode, and what to try next (the lab's own ideas, then
 * genai-lab's). Everything on it comes from the completion saved with the progress, so it reads the same later.
 */
import { Box, Text } from "ink";
import type { ReactNode } from "react";
import { fill, type Text as Bilingual } from "../../engine/text.js";
import { MODE_NAMES } from "../../report/strings.js";
import { useDisplay } from "../app/display.js";
import { completionSummary } from "../state/completion-summary.js";
import type { LabView } from "../state/lab-view.js";
import { S } from "../strings.js";
import { MODE_SHORT } from "../strings-hands-on.js";
import { InlineText } from "./InlineText.js";
import { Styled } from "./Styled.js";

function Row(props: { label: Bilingual; children: ReactNode }) {
  const { t } = useDisplay();
  return (
    <Box flexShrink={0}>
      <Box width={16} flexShrink={0}>
        <Styled token="text.muted">{t(props.label)}</Styled>
      </Box>
      <Box flexShrink={1}>
        <Text wrap="wrap">{props.children}</Text>
      </Box>
    </Box>
  );
}

/** `compact` (a short terminal): the counts only — no item names, no ideas for next — so the card fits whole. */
export function LabComplete(props: { view: LabView; width: number; next?: Bilingual[]; compact?: boolean }) {
  const { t, theme } = useDisplay();
  const { view } = props;
  const completion = view.completion;
  const summary = completionSummary(view);
  if (!completion || !summary) return null;
  const label = (id: string) => view.checklist.find((item) => item.id === id)?.label;
  const byRunner = completion.items.filter((item) => item.doneBy === "runner").map((item) => label(item.id));
  const next = [...(props.next ?? []), S.completeNextReport, S.completeNextCleanup, S.completeNextExam];
  return (
    <Box flexDirection="column" borderStyle="double" {...theme["status.passed"]} paddingX={1} width={props.width}>
      <Text wrap="truncate-end">
        <Styled token="status.passed">★ {t(S.completeTitle)}</Styled>
        <Styled token="text.muted">
          {" "}
          · {t(fill(S.completeChecklist, { passed: completion.items.length, items: view.checklist.length }))}
        </Styled>
      </Text>
      <Box flexDirection="column" marginTop={props.compact ? 0 : 1}>
        <Row label={S.completeTime}>{t(summary.time)}</Row>
        <Row label={S.completeByYou}>{t(fill(S.completeOf, { n: summary.you, total: summary.total }))}</Row>
        {byRunner.length > 0 ? (
          <Row label={S.completeByRunner}>
            {t(fill(S.completeOf, { n: byRunner.length, total: summary.total }))}
            {props.compact ? null : (
              <Styled token="text.muted">: {byRunner.map((text) => (text ? t(text) : "")).join(", ")}</Styled>
            )}
          </Row>
        ) : null}
        <Row label={S.completeHints}>{summary.hints}</Row>
        {completion.mode ? (
          <Row label={S.mode}>{t((props.compact ? MODE_SHORT : MODE_NAMES)[completion.mode])}</Row>
        ) : null}
      </Box>
      <Box flexDirection="column" marginTop={1} display={props.compact ? "none" : "flex"}>
        <Styled token="text.accent">{t(S.completeNext)}</Styled>
        {next.map((line, i) => (
          // The bullet in its own column: a wrapped idea lines up under its first word.
          <Box key={i} flexShrink={0}>
            <Box width={2} flexShrink={0}>
              <Styled token="text.accent">•</Styled>
            </Box>
            <Box flexShrink={1}>
              <InlineText text={t(line)} />
            </Box>
          </Box>
        ))}
      </Box>
      <Box marginTop={props.compact ? 0 : 1}>
        <Styled token="text.muted" wrap="truncate-end">
          {t(S.completeClose)}
        </Styled>
      </Box>
    </Box>
  );
}
