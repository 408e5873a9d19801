/**
 * Below a minimum size the layout cannot be drawn without garbling it: say so, in both languages (the learner
 * may not have chosen one yet), with the size needed. Only q and Ctrl+C work until the terminal grows.
 */
import { Box } from "ink";
import { fill } from "../../engine/text.js";
import { S } from "../strings.js";
import { Styled } from "./Styled.js";

export const MIN_COLUMNS = 60;
export const MIN_ROWS = 18;

export function TooSmall(props: { columns: number; rows: number }) {
  const values = { columns: props.columns, rows: props.rows, minColumns: MIN_COLUMNS, minRows: MIN_ROWS };
  const text = fill(S.tooSmall, values);
  return (
    // One row short of the terminal, as the full screen is: Ink then ends the frame with a newline, and the
    // shell prompt after quitting starts on a line of its own.
    <Box flexDirection="column" width={props.columns} height={Math.max(1, props.rows - 1)} overflow="hidden">
      <Styled token="tone.warning" wrap="wrap">
        {text.vi}
      </Styled>
      <Styled token="tone.warning" wrap="wrap">
        {text.en}
      </Styled>
    </Box>
  );
}
