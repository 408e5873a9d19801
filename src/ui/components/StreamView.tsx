/**
 * A model's answer streaming in, under its progress message: the text as it grows, with a cursor while more is
 * coming, and under it "waiting for the first token…", then the time to the first token once it has landed (and
 * the whole answer's time once it has ended). The page follows the newest activity, so the end of a long answer
 * and its timing stay in view.
 */
import { Box } from "ink";
import type { StreamProgress } from "../../engine/contract.js";
import { fill } from "../../engine/text.js";
import { useDisplay } from "../app/display.js";
import { formatDuration } from "../plain/format.js";
import { printable } from "../plain/stream-echo.js";
import { S } from "../strings.js";
import { Styled } from "./Styled.js";

export function StreamView(props: { stream: StreamProgress }) {
  const { t, s } = useDisplay();
  const { stream } = props;
  const timing =
    stream.firstTokenMs === undefined
      ? t(S.streamWaiting)
      : t(fill(S.streamFirstToken, { t: formatDuration(stream.firstTokenMs) })) +
        (stream.totalMs === undefined ? "" : ` · ${t(fill(S.streamTotal, { t: formatDuration(stream.totalMs) }))}`);
  // While more is coming, a trailing run of digits waits for the next piece (as the plain echo does): redaction
  // needs an account id's 12 digits together, and a part of one would show unmasked.
  const text = stream.totalMs === undefined ? printable(stream.text).replace(/\d+$/, "") : printable(stream.text);
  // The timing goes under the text: the page follows the newest line, so on a small screen it stays in view.
  return (
    <Box flexDirection="column">
      {text ? (
        <Styled token="text.normal" wrap="wrap">
          {s(text)}
          {stream.totalMs === undefined ? "▍" : ""}
        </Styled>
      ) : null}
      <Styled token={stream.firstTokenMs === undefined ? "text.muted" : "status.running"} wrap="wrap">
        {timing}
      </Styled>
    </Box>
  );
}
