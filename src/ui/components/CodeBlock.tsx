/** A highlighted code block (bash, python, json, sql / Logs Insights), indented, with its language named. */
import { Box, Text } from "ink";
import { useDisplay } from "../app/display.js";
import { highlight, type CodeLanguage } from "../markdown/highlight.js";
import { Styled } from "./Styled.js";

export function CodeBlock(props: { code: string; language: CodeLanguage; title?: string }) {
  const { s } = useDisplay();
  const lines = highlight(s(props.code), props.language);
  return (
    <Box flexDirection="column" marginLeft={2}>
      <Styled token="text.muted">
        {props.title ? `${props.title} · ` : ""}
        {props.language === "text" ? "" : props.language}
      </Styled>
      {lines.map((segments, i) => (
        <Text key={i} wrap="wrap">
          {segments.length === 0 ? " " : null}
          {segments.map((segment, j) =>
            segment.token ? (
              <Styled key={j} token={segment.token}>
                {segment.text}
              </Styled>
            ) : (
              <Text key={j}>{segment.text}</Text>
            ),
          )}
        </Text>
      ))}
    </Box>
  );
}
