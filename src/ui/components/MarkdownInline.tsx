/**
 * Markdown's inline part: emphasis, code spans, links and line breaks, and a paragraph drawn from them. Without
 * clickable links, a link's address would be broken across lines mid-way by the wrapping: the paragraph shows
 * the label with a reference number instead, and lists the addresses under it, each whole or running off the edge
 * (see CodeRows; `y` prints them whole).
 */
import { Box, Text } from "ink";
import type { Token, Tokens } from "marked";
import type { ReactNode } from "react";
import { useDisplay, type Display } from "../app/display.js";
import { hyperlink } from "../terminal/hyperlinks.js";
import { CodeRows } from "./CodeBlock.js";
import { Styled } from "./Styled.js";
import { Wrap } from "./Wrap.js";

/** A paragraph (or a list item's text) with the addresses of its links under it. */
export function Prose(props: { tokens: Token[]; width: number }) {
  const d = useDisplay();
  const notes: string[] = [];
  const body = inline(props.tokens, d, notes);
  if (notes.length === 0) return <Wrap>{body}</Wrap>;
  return (
    <Box flexDirection="column">
      <Wrap>{body}</Wrap>
      {notes.map((url, i) => (
        <CodeRows key={i} segments={[{ text: `[${i + 1}] ${d.s(url)}`, token: "text.muted" }]} width={props.width} />
      ))}
    </Box>
  );
}

/** `notes` collects link addresses (drawn by Prose); without it a link shows its address in parentheses. */
export function inline(tokens: Token[] | undefined, d: Display, notes?: string[]): ReactNode[] {
  return (tokens ?? []).map((token, i) => {
    switch (token.type) {
      case "strong":
        return (
          <Text key={i} bold>
            {inline((token as Tokens.Strong).tokens, d, notes)}
          </Text>
        );
      case "em":
        return (
          <Text key={i} italic>
            {inline((token as Tokens.Em).tokens, d, notes)}
          </Text>
        );
      case "del":
        return (
          <Text key={i} strikethrough>
            {inline((token as Tokens.Del).tokens, d, notes)}
          </Text>
        );
      case "codespan":
        return (
          <Styled key={i} token="text.code">
            {d.s(unescape((token as Tokens.Codespan).text))}
          </Styled>
        );
      case "link": {
        const link = token as Tokens.Link;
        const label = plain(link.tokens);
        if (d.hyperlinks) {
          return (
            <Styled key={i} token="text.link">
              {hyperlink(link.href, d.s(label))}
            </Styled>
          );
        }
        if (notes) {
          const n = notes.push(link.href);
          return (
            <Text key={i}>
              {label === link.href ? null : <Styled token="text.link">{d.s(label)} </Styled>}
              <Styled token="text.muted">[{n}]</Styled>
            </Text>
          );
        }
        return (
          <Text key={i}>
            <Styled token="text.link">{d.s(label)}</Styled>
            {label === link.href ? null : <Styled token="text.muted"> ({d.s(link.href)})</Styled>}
          </Text>
        );
      }
      case "br":
        return <Text key={i}>{"\n"}</Text>;
      case "text": {
        const text = token as Tokens.Text;
        return <Text key={i}>{text.tokens ? inline(text.tokens, d, notes) : d.s(unescape(text.text))}</Text>;
      }
      case "escape":
        return <Text key={i}>{(token as Tokens.Escape).text}</Text>;
      default:
        return <Text key={i}>{"raw" in token && typeof token.raw === "string" ? d.s(token.raw) : ""}</Text>;
    }
  });
}

/** The text of inline tokens without formatting (table cells, link labels). */
export function plain(tokens: Token[] | undefined): string {
  return (tokens ?? [])
    .map((token) => {
      if ("tokens" in token && Array.isArray(token.tokens) && token.tokens.length > 0)
        return plain(token.tokens as Token[]);
      return "text" in token && typeof token.text === "string" ? unescape(token.text) : "";
    })
    .join("");
}

/** marked escapes &, <, >, " and ' in text: the terminal wants them back. */
function unescape(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}
