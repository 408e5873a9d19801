/**
 * A step's Markdown without its code blocks (exam mode: the prose stays, the commands — the answer — do not).
 * Each block gives way to a one-line note, so the page still says something was there.
 *
 *   "Create the group:\n\n```bash\naws logs create-log-group …\n```\n"  →  "Create the group:\n\n_(code hidden)_\n\n"
 */
import { marked } from "marked";

export function withoutCode(markdown: string, note: string): string {
  return marked
    .lexer(markdown)
    .map((token) => (token.type === "code" ? `_${note}_\n\n` : token.raw))
    .join("");
}
