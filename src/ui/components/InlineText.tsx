/**
 * A line of prose from a hint, a problem or a note: `code spans` drawn as code (not with their backticks), and
 * the rest wrapped by <Wrap>. Full Markdown is for step pages; this stays cheap enough for the first frame.
 */
import type { ReactNode } from "react";
import type { Token } from "../theme/theme.js";
import { Styled } from "./Styled.js";
import { Wrap } from "./Wrap.js";

/** Splits on `…` code spans; an unmatched backtick stays as it is. */
function codeSpans(text: string): { text: string; code: boolean }[] {
  const parts: { text: string; code: boolean }[] = [];
  let last = 0;
  for (const match of text.matchAll(/`([^`\n]+)`/g)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index), code: false });
    parts.push({ text: match[1]!, code: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), code: false });
  return parts;
}

function inlineNodes(text: string): ReactNode[] {
  return codeSpans(text).map((part, i) =>
    part.code ? (
      <Styled key={i} token="text.code">
        {part.text}
      </Styled>
    ) : (
      part.text
    ),
  );
}

/** `prefix` (a label, a glyph) comes first, in its own style. */
export function InlineText(props: { text: string; token?: Token; prefix?: ReactNode; bold?: boolean }) {
  const body = inlineNodes(props.text);
  return (
    <Wrap {...(props.bold ? { bold: true } : {})}>
      {props.prefix}
      {props.token ? <Styled token={props.token}>{body}</Styled> : body}
    </Wrap>
  );
}
