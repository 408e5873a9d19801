/** The key hints under the screen, generated from key-bindings.ts (so they cannot drift from what works). */
import { Box, Text } from "ink";
import { footerItems, type Scope } from "../key-bindings.js";
import { useDisplay } from "../app/display.js";
import { Styled } from "./Styled.js";

export function Footer(props: { scope: Exclude<Scope, "always">; running: boolean; note?: string }) {
  const { t } = useDisplay();
  const items = footerItems(props.scope, props.running);
  return (
    <Box flexDirection="column" flexShrink={0}>
      {props.note ? <Styled token="status.attention">{props.note}</Styled> : null}
      <Text wrap="wrap">
        {items.map((item, i) => (
          <Text key={`${item.keys}-${i}`}>
            {i > 0 ? "  " : ""}
            <Styled token="text.accent">{item.keys}</Styled> <Styled token="text.muted">{t(item.label)}</Styled>
          </Text>
        ))}
      </Text>
    </Box>
  );
}
