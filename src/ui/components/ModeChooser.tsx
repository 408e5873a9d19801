/**
 * How the lab is taken — hands-on, guided, exam — as a list to choose from: on the welcome card when nothing
 * chose yet (hands-on highlighted), and in the panel `m` opens later. Cheap to draw: the welcome card's first frame
 * has it.
 */
import { Box, Text } from "ink";
import type { Mode } from "../../engine/contract.js";
import type { Text as Bilingual } from "../../engine/text.js";
import { MODE_NAMES } from "../../report/strings.js";
import { useDisplay } from "../app/display.js";
import { MODE_CHOICES } from "../state/ui-state.js";
import { S } from "../strings.js";
import { Styled } from "./Styled.js";

const ABOUT: Record<Mode, Bilingual> = {
  "hands-on": S.modeHandsOnAbout,
  guided: S.modeGuidedAbout,
  exam: S.modeExamAbout,
};

/**
 * The modes, `choice` highlighted; `compact`: one line each (the description gives way at its end); `inline`: the
 * names on one row and the highlighted mode's description whole below it (a 24-row welcome card: as many rows as
 * `compact`, and the learner reads what each mode means as they move through them).
 */
export function ModeList(props: { choice: number; compact?: boolean; inline?: boolean }) {
  const { t } = useDisplay();
  if (props.inline) {
    const chosen = MODE_CHOICES[props.choice] ?? MODE_CHOICES[0]!;
    return (
      <Box flexDirection="column">
        <Box flexWrap="wrap" columnGap={2}>
          {MODE_CHOICES.map((mode, index) => (
            <Box key={mode} flexShrink={0}>
              <Marker on={index === props.choice} />
              <Text bold>{t(MODE_NAMES[mode])}</Text>
            </Box>
          ))}
        </Box>
        <Box height={2} marginLeft={3}>
          <Styled token="text.muted" wrap="wrap">
            {t(ABOUT[chosen])}
          </Styled>
        </Box>
      </Box>
    );
  }
  return (
    <Box flexDirection="column">
      {MODE_CHOICES.map((mode, index) => {
        const on = index === props.choice;
        const name = <Text bold>{t(MODE_NAMES[mode])}</Text>;
        return (
          <Box key={mode} flexShrink={0}>
            <Marker on={on} />
            {props.compact ? (
              <Text wrap="truncate-end">
                {name} <Styled token="text.muted">{t(ABOUT[mode])}</Styled>
              </Text>
            ) : (
              <Box flexDirection="column" flexShrink={1}>
                {name}
                <Styled token="text.muted" wrap="wrap">
                  {t(ABOUT[mode])}
                </Styled>
              </Box>
            )}
          </Box>
        );
      })}
    </Box>
  );
}

/** "▸●" on the highlighted mode, " ○" on the others. */
function Marker(props: { on: boolean }) {
  const { theme } = useDisplay();
  return (
    <Box flexShrink={0} marginRight={1}>
      <Text {...(props.on ? theme["text.selected"] : {})}>
        {props.on ? "▸" : " "}
        <Styled token={props.on ? "status.passed" : "text.muted"}>{props.on ? "●" : "○"}</Styled>
      </Text>
    </Box>
  );
}

/** The `m` panel: the question, the list, and its keys. */
export function ModeChooser(props: { choice: number; width: number; compact?: boolean }) {
  const { t, theme } = useDisplay();
  return (
    <Box flexDirection="column" borderStyle="round" {...theme["border.focus"]} paddingX={1} width={props.width}>
      <Styled token="text.heading" wrap="truncate-end">
        {t(S.modeQuestion)}
      </Styled>
      <Styled token="text.muted" wrap="truncate-end">
        {t(S.modePanelClose)}
      </Styled>
      <Box marginTop={1}>
        <ModeList choice={props.choice} {...(props.compact ? { compact: true } : {})} />
      </Box>
    </Box>
  );
}
