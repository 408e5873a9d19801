/**
 * The `?` overlay: what the status glyphs mean (from the status table the views draw with) and every key
 * binding, grouped by where it applies (from key-bindings.ts). Neither list can drift from what is on screen.
 */
import { Box, measureElement, Text, type DOMElement } from "ink";
import { useEffect, useRef } from "react";
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
    case "chooser":
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

/**
 * `height`: the rows it may take; when the list is taller (a short terminal, hands-on's extra keys) it scrolls with
 * PgUp/PgDn (`offset`), its last row saying so. `onMeasure` gets the list's full height.
 */
export function HelpOverlay(props: {
  width: number;
  height?: number;
  offset?: number;
  /** The list's full height as last measured (0 or absent: not yet). */
  rows?: number;
  onMeasure?(rows: number): void;
}) {
  const { t } = useDisplay();
  const inner = useRef<DOMElement>(null);
  const { onMeasure } = props;
  useEffect(() => {
    if (inner.current) onMeasure?.(measureElement(inner.current).height);
  });
  if (props.height === undefined) return <Keys width={props.width} />;
  const height = props.height;
  const full = props.rows ?? 0;
  const scrolls = full > height;
  const viewport = scrolls ? height - 1 : height;
  const offset = Math.min(props.offset ?? 0, Math.max(0, (full ?? 0) - viewport));
  return (
    <Box flexDirection="column" width={props.width} height={props.height} flexShrink={0}>
      <Box height={viewport} overflow="hidden" flexDirection="column" flexShrink={0}>
        <Box ref={inner} flexDirection="column" flexShrink={0} marginTop={-offset}>
          <Keys width={props.width} />
        </Box>
      </Box>
      {scrolls ? (
        <Styled token="text.muted" wrap="truncate-end">
          {" "}
          {t(offset + viewport >= full ? S.helpEnd : S.helpMore)}
        </Styled>
      ) : null}
    </Box>
  );
}

function Keys(props: { width: number }) {
  const { t } = useDisplay();
  const sections = helpSections();
  return (
    <Box flexDirection="column" paddingX={1} width={props.width}>
      <Text wrap="truncate-end">
        <Styled token="text.heading">{t(S.helpTitle)}</Styled> <Styled token="text.muted">· {t(S.helpClose)}</Styled>
      </Text>
      <Legend title={S.stepsPanel} looks={STEP_STATUSES.map(stepLook)} />
      <Legend title={S.helpChecklistLegend} looks={ITEM_STATUSES.map(itemLook)} />
      <Styled token="text.muted" wrap="truncate-end">
        {t(S.runnerLegend)}
      </Styled>
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
