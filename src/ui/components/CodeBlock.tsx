/**
 * A highlighted code block (bash, python, json, sql / Logs Insights) under a label naming its language (a
 * caption, not a line of code). Each line is drawn as written: whole when it fits, else running off the page's edge
 * with a mark in the gutter — never broken, never with a character inserted, so what is copied runs as shown.
 * The caption then says how to get the whole line (`y` prints the step's commands for the terminal to wrap).
 */
import { Box, Text } from "ink";
import { useDisplay } from "../app/display.js";
import { clipSegments, GUTTER, lineWidth, RUNS_OFF, runsOff } from "../markdown/code-wrap.js";
import { highlight, type CodeLanguage, type Segment } from "../markdown/highlight.js";
import { S } from "../strings.js";
import { Styled } from "./Styled.js";

export function CodeBlock(props: { code: string; language: CodeLanguage; title?: string; width: number }) {
  const { s, t } = useDisplay();
  const lines = highlight(s(props.code), props.language);
  const cut = lines.some((segments) => runsOff(segments, props.width));
  const label = [props.title, props.language === "text" ? undefined : props.language, cut ? t(S.codeCut) : undefined]
    .filter(Boolean)
    .join(" · ");
  return (
    <Box flexDirection="column" width={props.width}>
      {label ? (
        <Box marginLeft={GUTTER}>
          <Styled token="text.muted" wrap="truncate-end">{`╶─ ${label} ─╴`}</Styled>
        </Box>
      ) : null}
      {lines.map((segments, i) => (
        <CodeRows key={i} segments={segments} width={props.width} />
      ))}
    </Box>
  );
}

/** One source line in a row of `width` columns: a gutter, then the line, cut at the edge if it is longer. */
export function CodeRows(props: { segments: Segment[]; width: number }) {
  const room = Math.max(1, props.width - GUTTER);
  const cut = runsOff(props.segments, props.width);
  const shown = clipSegments(props.segments, room);
  return (
    <Box width={props.width} flexShrink={0}>
      <Box width={GUTTER} flexShrink={0}>
        {cut ? <Styled token="text.muted">{RUNS_OFF}</Styled> : null}
      </Box>
      <Text wrap="truncate-end">
        {lineWidth(shown) === 0 ? " " : null}
        {shown.map((segment, j) =>
          segment.token ? (
            <Styled key={j} token={segment.token}>
              {segment.text}
            </Styled>
          ) : (
            <Text key={j}>{segment.text}</Text>
          ),
        )}
      </Text>
    </Box>
  );
}
