/**
 * The step page's window onto its content: a fixed height, the overflow clipped by Ink. Scrolled, the content is
 * offset by `offset` rows; following the newest activity (`bottom`), its end is laid out at the window's bottom in
 * the frame that draws it. (An offset measured from the previous frame is a frame late: each line a streamed answer
 * added hid the line under it, its time to first token.)
 */
import { Box, type DOMElement } from "ink";
import type { ReactNode, Ref } from "react";

export function PageViewport({
  ref,
  ...props
}: {
  height: number;
  width: number;
  offset: number;
  bottom?: boolean;
  /** The content's box, to measure its height. */
  ref?: Ref<DOMElement>;
  children: ReactNode;
}) {
  return (
    <Box
      height={props.height}
      overflow="hidden"
      flexDirection="column"
      justifyContent={props.bottom ? "flex-end" : "flex-start"}
    >
      <Box
        ref={ref}
        flexDirection="column"
        flexShrink={0}
        marginTop={props.bottom ? 0 : -props.offset}
        width={props.width}
      >
        {props.children}
      </Box>
    </Box>
  );
}
