/** Text in a theme token's style: the one way views colour things. */
import { Text, type TextProps } from "ink";
import type { ReactNode } from "react";
import { useDisplay } from "../app/display.js";
import type { Token } from "../theme/theme.js";

export function Styled(props: { token: Token; children?: ReactNode; wrap?: TextProps["wrap"] }) {
  const { theme } = useDisplay();
  return (
    <Text {...theme[props.token]} {...(props.wrap ? { wrap: props.wrap } : {})}>
      {props.children}
    </Text>
  );
}
