/**
 * Prose for plain lines: the Markdown a step, hint or note is written in, read as text. `code spans` lose their
 * backticks, **strong** and _emphasis_ their marks, and a [link](url) reads "link (url)". Code blocks and CLI
 * lines never go through here: they are printed exactly as written.
 */

const CODE_SPAN = /`([^`\n]+)`/g;
const STRONG = /\*\*([^*\n]+)\*\*/g;
const EMPHASIS = /(^|[\s(])_([^_\n]+)_(?=$|[\s.,;:!?)])/g;
const LINK = /\[([^\]\n]+)\]\(([^)\s]+)\)/g;

export function plainProse(text: string): string {
  // Code spans first, so that what is inside one (a `**` in a query, say) is never read as Markdown.
  const spans: string[] = [];
  const held = text.replace(CODE_SPAN, (_match, code: string) => `\u0000${spans.push(code) - 1}\u0000`);
  const prose = held
    .replace(LINK, (_match, label: string, url: string) => `${label} (${url})`)
    .replace(STRONG, "$1")
    .replace(EMPHASIS, "$1$2");
  // eslint-disable-next-line no-control-regex -- the placeholders put in above
  return prose.replace(/\u0000(\d+)\u0000/g, (_match, i: string) => spans[Number(i)] ?? "");
}
