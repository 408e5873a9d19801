/**
 * A model's answer streaming in, under its progress message: the text as it grows, with a cursor while more is
 * coming, and under it "waiting for the first token…", then the time to the first token once it has landed (and
 * the whole answer's time once it has ended). The page follows the newest activity, so the end of a long answer
 * and its timing stay in view. The answer is Markdown: while it streams, its markers go and what they mark is
 * styled line by line (stream-markdown.ts: bold, code, headings; a marker cut in two waits for the next piece),
 * and once it has ended it is drawn whole as the page's Markdown is (lists, paragraphs, code blocks). Drawing each
 * partial text as a full Markdown document would reflow the answer at every piece (an open list or code fence
 * changes what everything after it is), hence the two stages.
 */
import { Box, Text } from "ink";
import type { StreamProgress } from "../../engine/contract.js";
import { fill } from "../../engine/text.js";
import { useDisplay } from "../app/display.js";
import { formatDuration } from "../plain/format.js";
import { heldBack, printable } from "../plain/stream-echo.js";
import { streamSpans, type SpanKind } from "../plain/stream-markdown.js";
import { S } from "../strings.js";
import type { Token } from "../theme/theme.js";
import { Markdown } from "./Markdown.js";
import { Styled } from "./Styled.js";

const SPAN_TOKEN: Record<SpanKind, Token> = {
  plain: "text.normal",
  bold: "text.normal",
  code: "text.code",
  heading: "text.heading",
};

export function StreamView(props: { stream: StreamProgress; width: number }) {
  const { t, s } = useDisplay();
  const { stream } = props;
  const timing =
    stream.firstTokenMs === undefined
      ? t(S.streamWaiting)
      : t(fill(S.streamFirstToken, { t: formatDuration(stream.firstTokenMs) })) +
        (stream.totalMs === undefined ? "" : ` · ${t(fill(S.streamTotal, { t: formatDuration(stream.totalMs) }))}`);
  // While more is coming, a trailing run of digits waits for the next piece, as in the plain echo (heldBack).
  const text = heldBack(printable(stream.text), stream.totalMs === undefined);
  // The timing goes under the text: the page follows the newest line, so on a small screen it stays in view.
  return (
    <Box flexDirection="column">
      {text && stream.totalMs !== undefined ? <Markdown source={text} width={props.width} /> : null}
      {text && stream.totalMs === undefined ? (
        <Text wrap="wrap">
          {/* Redacted span by span, after reading the markers: a mask of `*` must not read as bold. */}
          {streamSpans(text).map((span, i) =>
            span.kind === "bold" ? (
              <Text key={i} bold>
                {s(span.text)}
              </Text>
            ) : (
              <Styled key={i} token={SPAN_TOKEN[span.kind]}>
                {s(span.text)}
              </Styled>
            ),
          )}
          ▍
        </Text>
      ) : null}
      <Styled token={stream.firstTokenMs === undefined ? "text.muted" : "status.running"} wrap="wrap">
        {timing}
      </Styled>
    </Box>
  );
}
