/**
 * Prose that wraps to its box. Ink wraps with wrap-ansi's `trim: false`, which keeps the space it broke at as
 * the first character of the next line; a transform drops that one space (after any style codes).
 *
 * Ink numbers the lines it hands a transform from the first *visible* one (a page scrolled inside a clipped box
 * starts mid-paragraph), so the index cannot tell a continuation line from the first: every line loses one
 * leading space, and text that really starts with a space is drawn without the transform. The line count is
 * unchanged, so Ink's layout stays right.
 */
import { Text, Transform, type TextProps } from "ink";
import { Children } from "react";

// eslint-disable-next-line no-control-regex -- style codes and OSC 8 links may open a wrapped line
const CONTINUATION_SPACE = /^((?:\u001B\[[0-9;]*m|\u001B\]8;;[^\u0007]*\u0007)*) /;

export function trimContinuation(line: string): string {
  return line.replace(CONTINUATION_SPACE, "$1");
}

export function Wrap(props: Omit<TextProps, "wrap">) {
  const first = Children.toArray(props.children)[0];
  if (typeof first === "string" && first.startsWith(" ")) return <Text {...props} wrap="wrap" />;
  return (
    <Transform transform={trimContinuation}>
      <Text {...props} />
    </Transform>
  );
}
