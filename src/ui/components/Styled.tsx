/** Text in a theme token's style: the one way views colour things. `wrap="wrap"` wraps as prose (see Wrap). */
import { Text, type TextProps } from "ink";
import type { ReactNode } from "react";
import { useDisplay } from "../app/display.js";
import type { Token } from "../theme/theme.js";
import { Wrap } from "./Wrap.js";

export function Styled(props: { token: Token; children?: ReactNode; wrap?: TextProps["wrap"] }) {
  const { theme } = useDisplay();
  if (props.wrap === "wrap") return <Wrap {...theme[props.token]}>{props.children}</Wrap>;
  return (
    <Text {...theme[props.token]} {...(props.wrap ? { wrap: props.wrap } : {})}>
      {props.children}
    </Text>
  );
}
