/**
 * `Y` (and `y` where the clipboard may not take them): the step's commands, printed above a screen of three lines — not drawn by Ink inside the page, where every
 * row is cut to the page's width between borders — so the terminal wraps long lines itself and a mouse selection
 * copies each command whole, as it will run. Any key brings the lab back; the commands stay in the scrollback.
 */
import { Box, useStdout } from "ink";
import { useEffect } from "react";
import { fill, type Text } from "../../engine/text.js";
import { useDisplay } from "../app/display.js";
import { S } from "../strings.js";
import { Styled } from "./Styled.js";

/** Longer than Ink's render throttle (about 34 ms), so the short screen is on the terminal before the write. */
const AFTER_FRAME_MS = 120;

/** `note`: whether the lines also went to the clipboard, or why they could not (above the way back). */
export function CopyView(props: { lines: string[]; step: number; note?: Text }) {
  const { t, s } = useDisplay();
  const { write } = useStdout();
  const { lines } = props;
  useEffect(() => {
    // Written once the short screen is up: Ink clears it, writes these lines, and draws it again under them.
    const timer = setTimeout(() => write(`\n${lines.map((line) => s(line)).join("\n")}\n\n`), AFTER_FRAME_MS);
    return () => clearTimeout(timer);
  }, [lines, write, s]);
  return (
    <Box flexDirection="column">
      <Styled token="text.accent" wrap="wrap">
        ▲ {t(fill(lines.length > 0 ? S.copyAbove : S.copyNone, { n: props.step }))}
      </Styled>
      {props.note ? (
        <Styled token="status.attention" wrap="wrap">
          {t(props.note)}
        </Styled>
      ) : null}
      <Styled token="text.muted" wrap="wrap">
        {t(S.copyBack)}
      </Styled>
    </Box>
  );
}
