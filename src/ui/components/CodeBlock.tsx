/**
 * A highlighted code block (bash, python, json, sql / Logs Insights), indented, under a label naming its
 * language (a caption, not a line of code). Lines that fit are drawn whole; longer ones continue on the next
 * row after a visible ↩, so nothing is silently broken mid-token.
 */
import { Box, Text } from "ink";
import { useDisplay } from "../app/display.js";
import { CONTINUATION, wrapCodeLine } from "../markdown/code-wrap.js";
import { highlight, type CodeLanguage, type Segment } from "../markdown/highlight.js";
import { Styled } from "./Styled.js";

export function CodeBlock(props: { code: string; language: CodeLanguage; title?: string; width: number }) {
  const { s } = useDisplay();
  const lines = highlight(s(props.code), props.language);
  const label = [props.title, props.language === "text" ? undefined : props.language].filter(Boolean).join(" · ");
  const width = Math.max(8, props.width - 2);
  return (
    <Box flexDirection="column" marginLeft={2} width={width}>
      {label ? <Styled token="text.muted" wrap="truncate-end">{`╶─ ${label} ─╴`}</Styled> : null}
      {lines.map((segments, i) => (
        <CodeRows key={i} segments={segments} width={width} />
      ))}
    </Box>
  );
}

/** One source line: whole when it fits, else rows ending in the continuation marker. */
export function CodeRows(props: { segments: Segment[]; width: number }) {
  const rows = wrapCodeLine(props.segments, props.width);
  return (
    <>
      {rows.map((row, r) => (
        <Text key={r} wrap="truncate-end">
          {row.length === 0 ? " " : null}
          {row.map((segment, j) =>
            segment.token ? (
              <Styled key={j} token={segment.token}>
                {segment.text}
              </Styled>
            ) : (
              <Text key={j}>{segment.text}</Text>
            ),
          )}
          {r < rows.length - 1 ? <Styled token="text.muted">{CONTINUATION}</Styled> : null}
        </Text>
      ))}
    </>
  );
}
