/**
 * A step's Markdown as plain lines, for the plain printer (pipes, CI logs, screen readers): no Markdown markers
 * left (`**`, backticks, `[text](url)`), code blocks indented and unwrapped so that they paste, lists and quotes
 * kept readable. The same marked lexer as the TUI reads the source.
 *
 *   "**With the CLI:**\n\n```bash\naws sts get-caller-identity\n```"
 *   → ["With the CLI:", "", "    aws sts get-caller-identity"]
 */
import { marked, type Token, type Tokens } from "marked";
import type { PlainStyle } from "./style.js";

export function markdownLines(source: string, style: PlainStyle): string[] {
  const out: string[] = [];
  for (const token of marked.lexer(source)) {
    const lines = block(token, style);
    if (lines.length === 0) continue;
    if (out.length > 0) out.push("");
    out.push(...lines);
  }
  return out;
}

function block(token: Token, style: PlainStyle): string[] {
  switch (token.type) {
    case "heading":
      return [style.heading(inline((token as Tokens.Heading).tokens))];
    case "paragraph":
      return inline((token as Tokens.Paragraph).tokens).split("\n");
    case "text": {
      const t = token as Tokens.Text;
      return (t.tokens ? inline(t.tokens) : t.text).split("\n");
    }
    case "code":
      return (token as Tokens.Code).text.split("\n").map((line) => style.code(`    ${line}`));
    case "list": {
      const list = token as Tokens.List;
      const start = typeof list.start === "number" ? list.start : 1;
      return list.items.flatMap((item, i) => {
        const marker = list.ordered ? `${start + i}. ` : "- ";
        const inner = item.tokens.flatMap((child) => block(child, style));
        return inner.map((line, j) => (j === 0 ? marker : " ".repeat(marker.length)) + line);
      });
    }
    case "blockquote":
      return (token as Tokens.Blockquote).tokens.flatMap((child) => block(child, style)).map((line) => `│ ${line}`);
    case "table": {
      const table = token as Tokens.Table;
      const row = (cells: Tokens.TableCell[]) => cells.map((cell) => inline(cell.tokens)).join(" | ");
      return [row(table.header), ...table.rows.map(row)];
    }
    case "hr":
      return ["───"];
    default:
      return [];
  }
}

function inline(tokens: Token[] | undefined): string {
  return (tokens ?? [])
    .map((token) => {
      switch (token.type) {
        case "strong":
        case "em":
        case "del":
          return inline((token as Tokens.Strong).tokens);
        case "codespan":
          return unescape((token as Tokens.Codespan).text);
        case "link": {
          const link = token as Tokens.Link;
          const label = inline(link.tokens);
          return label === link.href ? label : `${label} (${link.href})`;
        }
        case "br":
          return "\n";
        case "text": {
          const t = token as Tokens.Text;
          return t.tokens ? inline(t.tokens) : unescape(t.text);
        }
        case "escape":
          return (token as Tokens.Escape).text;
        default:
          return unescape((token as { raw?: string }).raw ?? "");
      }
    })
    .join("");
}

/** marked leaves HTML entities in text tokens (`&quot;`, `&#39;`): the terminal shows characters. */
function unescape(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
