/** The frame of a left-column panel (the step list, the checklist): bordered, or bare on a compact screen. */
import { Box } from "ink";
import type { ReactNode } from "react";
import { useDisplay } from "../app/display.js";

export function LeftPanel(props: { width: number; compact?: boolean | undefined; children: ReactNode }) {
  const { theme } = useDisplay();
  return (
    <Box
      flexDirection="column"
      // Both layouts name the same padding edges: a paddingLeft left behind by the compact one (set to 0 when it goes)
      // would win over paddingX in Yoga, and the panel came back from a 60×18 resize one column off.
      {...(props.compact
        ? { paddingLeft: 1, paddingRight: 0 }
        : { borderStyle: "round", ...theme["border.normal"], paddingLeft: 1, paddingRight: 1 })}
      width={props.width}
      flexShrink={0}
    >
      {props.children}
    </Box>
  );
}
