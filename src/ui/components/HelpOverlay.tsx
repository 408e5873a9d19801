/**
 * The `?` overlay: what the status glyphs mean (from the status table the views draw with) and every key
 * binding, grouped by where it applies (from key-bindings.ts). Neither list can drift from what is on screen.
 */
import { Box, Text } from "ink";
import type { Text as Bilingual } from "../../engine/text.js";
import { useDisplay } from "../app/display.js";
import type { Scope } from "../key-bindings.js";
import { helpSections } from "../key-hints.js";
import { S } from "../strings.js";
import { ITEM_STATUSES, STEP_STATUSES, itemLook, stepLook, unreachable, type Look } from "../theme/status.js";
import { Styled } from "./Styled.js";
import { Wrap } from "./Wrap.js";

function heading(scope: Scope): Bilingual {
  switch (scope) {
    case "main":
      return S.helpScreenMain;
    case "welcome":
      return S.helpScreenWelcome;
    case "dialog":
    case "overlay":
    case "always":
      return S.helpScreenDialog;
    default:
      return unreachable(scope);
  }
}

const KEY_WIDTH = 16;

/** "Steps: ✓ passed ○ pending …" on one line at 80 columns, in either language (the help fits 80×24). */
function Legend(props: { title: Bilingual; looks: Look[] }) {
  const { t } = useDisplay();
  return (
    <Wrap>
      <Text bold>{t(props.title)}:</Text>
      {props.looks.map((look) => (
        <Text key={look.glyph}>
          {" "}
          <Styled token={look.token}>{look.glyph}</Styled> {t(look.label)}
        </Text>
      ))}
    </Wrap>
  );
}

export function HelpOverlay(props: { width: number }) {
  const { t } = useDisplay();
  const sections = helpSections();
  return (
    <Box flexDirection="column" paddingX={1} width={props.width}>
      <Text wrap="truncate-end">
        <Styled token="text.heading">{t(S.helpTitle)}</Styled> <Styled token="text.muted">· {t(S.helpClose)}</Styled>
      </Text>
      <Legend title={S.stepsPanel} looks={STEP_STATUSES.map(stepLook)} />
      <Legend title={S.helpChecklistLegend} looks={ITEM_STATUSES.map(itemLook)} />
      {sections.map((section) => (
        <Box key={section.scope} flexDirection="column">
          <Styled token="text.accent">{t(heading(section.scope))}</Styled>
          {section.lines.map((line) => (
            <Box key={line.keys.join()}>
              <Box width={KEY_WIDTH} flexShrink={0}>
                <Text bold>{line.keys.join(" ")}</Text>
              </Box>
              <Box flexShrink={1}>
                <Wrap>{t(line.long)}</Wrap>
              </Box>
            </Box>
          ))}
        </Box>
      ))}
    </Box>
  );
}
