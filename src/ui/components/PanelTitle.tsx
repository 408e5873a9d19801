/** A panel's title with its count: on a narrow panel the title gives way, the count never does. */
import { Box } from "ink";
import { Styled } from "./Styled.js";

export function PanelTitle(props: { title: string; count: string }) {
  return (
    <Box>
      <Box flexShrink={1}>
        <Styled token="text.heading" wrap="truncate-end">
          {props.title}
        </Styled>
      </Box>
      <Box flexShrink={0} marginLeft={1}>
        <Styled token="text.accent">{props.count}</Styled>
      </Box>
    </Box>
  );
}
