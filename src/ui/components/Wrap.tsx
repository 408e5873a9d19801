/**
 * Prose that wraps to its box. Ink wraps with wrap-ansi's `trim: false`, which keeps the space it broke at as
 * the first character of the next line; a transform drops that one space (after any style codes) on every
 * continuation line. The line count is unchanged, so Ink's layout stays right.
 */
import { Text, Transform, type TextProps } from "ink";

// eslint-disable-next-line no-control-regex -- style codes and OSC 8 links may open a wrapped line
const CONTINUATION_SPACE = /^((?:\u001B\[[0-9;]*m|\u001B\]8;;[^\u0007]*\u0007)*) /;

export function trimContinuation(line: string, index: number): string {
  return index === 0 ? line : line.replace(CONTINUATION_SPACE, "$1");
}

export function Wrap(props: Omit<TextProps, "wrap">) {
  return (
    <Transform transform={trimContinuation}>
      <Text {...props} />
    </Transform>
  );
}
