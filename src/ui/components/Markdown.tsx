/**
 * A step's Markdown drawn in the terminal: headings, paragraphs with emphasis and code spans, lists, tables,
 * block quotes, rules, highlighted code blocks and links (clickable OSC 8 links where the terminal supports
 * them). Tokens come from marked's lexer; prose wraps with <Wrap>, code keeps its lines (CodeBlock).
 */
import { Box, Text } from "ink";
import { marked, type Token, type Tokens } from "marked";
import { memo, type ReactNode } from "react";
import { useDisplay, type Display } from "../app/display.js";
import { languageOf } from "../markdown/highlight.js";
import { CodeBlock } from "./CodeBlock.js";
import { inline, plain, Prose } from "./MarkdownInline.js";
import { Styled } from "./Styled.js";
import { TableView } from "./TableView.js";
import { Wrap } from "./Wrap.js";

export const Markdown = memo(function Markdown(props: { source: string; width: number }) {
  const display = useDisplay();
  const tokens = marked.lexer(props.source);
  return <Box flexDirection="column">{blocks(tokens, display, props.width)}</Box>;
});

function blocks(tokens: Token[], d: Display, width: number): ReactNode[] {
  const out: ReactNode[] = [];
  tokens.forEach((token, i) => {
    const node = block(token, d, width, i);
    if (node !== null) out.push(node);
  });
  return out;
}

function block(token: Token, d: Display, width: number, key: number): ReactNode {
  switch (token.type) {
    case "heading": {
      const t = token as Tokens.Heading;
      return (
        <Box key={key} marginTop={key === 0 ? 0 : 1}>
          <Styled token={t.depth <= 2 ? "text.heading" : "text.accent"} wrap="wrap">
            {inline(t.tokens, d)}
          </Styled>
        </Box>
      );
    }
    case "paragraph":
      return <Prose key={key} tokens={(token as Tokens.Paragraph).tokens} width={width} />;
    case "text": {
      const t = token as Tokens.Text;
      return t.tokens ? <Prose key={key} tokens={t.tokens} width={width} /> : <Wrap key={key}>{d.s(t.text)}</Wrap>;
    }
    case "list": {
      const list = token as Tokens.List;
      const start = typeof list.start === "number" ? list.start : 1;
      return (
        <Box key={key} flexDirection="column">
          {list.items.map((item, i) => (
            <Box key={i}>
              <Box flexShrink={0} marginRight={1}>
                <Styled token="text.accent">
                  {list.ordered ? `${start + i}.` : item.task ? (item.checked ? "[x]" : "[ ]") : "•"}
                </Styled>
              </Box>
              <Box flexDirection="column" flexShrink={1}>
                {blocks(item.tokens, d, width - 3)}
              </Box>
            </Box>
          ))}
        </Box>
      );
    }
    case "table": {
      const table = token as Tokens.Table;
      const cell = (c: Tokens.TableCell) => d.s(plain(c.tokens));
      return (
        <Box key={key} marginY={0}>
          <TableView
            width={width}
            data={{
              headers: table.header.map(cell),
              rows: table.rows.map((row) => row.map(cell)),
              align: table.align.map((a) => (a === "right" ? "right" : "left")),
            }}
          />
        </Box>
      );
    }
    case "code": {
      const code = token as Tokens.Code;
      return <CodeBlock key={key} code={code.text} language={languageOf(code.lang)} width={width} />;
    }
    case "blockquote":
      return (
        <Box
          key={key}
          flexDirection="column"
          borderStyle="bold"
          borderTop={false}
          borderBottom={false}
          borderRight={false}
          {...d.theme["border.focus"]}
          paddingLeft={1}
        >
          {blocks((token as Tokens.Blockquote).tokens, d, width - 2)}
        </Box>
      );
    case "hr":
      return (
        <Styled key={key} token="text.muted" wrap="truncate-end">
          {"─".repeat(Math.max(1, width))}
        </Styled>
      );
    case "space":
      return <Text key={key}> </Text>;
    case "html":
      return null;
    default:
      return "raw" in token && typeof token.raw === "string" ? <Wrap key={key}>{d.s(token.raw)}</Wrap> : null;
  }
}
