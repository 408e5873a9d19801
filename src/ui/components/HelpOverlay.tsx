/** The `?` overlay: every key binding, grouped by where it applies, generated from key-bindings.ts. */
import { Box, Text } from "ink";
import type { Text as Bilingual } from "../../engine/text.js";
import { useDisplay } from "../app/display.js";
import { helpSections, type Scope } from "../key-bindings.js";
import { S } from "../strings.js";
import { unreachable } from "../theme/status.js";
import { Styled } from "./Styled.js";

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

export function HelpOverlay(props: { width: number }) {
  const { t } = useDisplay();
  const sections = helpSections();
  const keyWidth = 16;
  return (
    <Box flexDirection="column" paddingX={1} width={props.width}>
      <Text wrap="truncate-end">
        <Styled token="text.heading">{t(S.helpTitle)}</Styled> <Styled token="text.muted">· {t(S.helpClose)}</Styled>
      </Text>
      {sections.map((section) => (
        <Box key={section.scope} flexDirection="column">
          <Styled token="text.accent">{t(heading(section.scope))}</Styled>
          {section.lines.map((line) => (
            <Box key={line.keys.join()}>
              <Box width={keyWidth} flexShrink={0}>
                <Text bold>{line.keys.join(" ")}</Text>
              </Box>
              <Box flexShrink={1}>
                <Text wrap="wrap">{t(line.long)}</Text>
              </Box>
            </Box>
          ))}
        </Box>
      ))}
    </Box>
  );
}
