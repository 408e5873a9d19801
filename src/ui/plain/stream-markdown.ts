/**
 * A model's answer read as Markdown while it streams in: the markers go (`**`, backticks, `# ` before a heading,
 * `* ` before a list item, which becomes `- `) and what they marked is styled — bold, code, heading — piece by
 * piece, so the text never shows a marker that a later piece would turn into styling. A marker cut in two across
 * pieces (`*` then `*`, `#` then ` `) waits for the next piece, as the digits of an account id do for redaction.
 * Only what can be read line by line is rendered here; once the answer is complete the TUI renders it whole
 * (lists, paragraphs, code blocks) with the page's own Markdown, and the plain printer with markdownLines.
 *
 *   feed("A **bo") → [A ] [bo: bold] · feed("ld** `x`") → [ld: bold] [ ] [x: code]
 */

export type SpanKind = "plain" | "bold" | "code" | "heading";

export interface Span {
  text: string;
  kind: SpanKind;
}

export class StreamMarkdown {
  #pending = "";
  #bold = false;
  #code = false;
  #heading = false;
  #lineStart = true;

  /** The spans of everything fed so far that is settled (a possible marker at the end waits). */
  feed(piece: string): Span[] {
    this.#pending += piece;
    return this.#drain(false);
  }

  /** The rest: the stream has ended, so nothing waits any more. */
  end(): Span[] {
    return this.#drain(true);
  }

  #kind(): SpanKind {
    if (this.#code) return "code";
    if (this.#heading) return "heading";
    return this.#bold ? "bold" : "plain";
  }

  #drain(final: boolean): Span[] {
    const out: Span[] = [];
    const text = this.#pending;
    let buf = "";
    const flush = () => {
      if (!buf) return;
      const kind = this.#kind();
      const last = out[out.length - 1];
      if (last && last.kind === kind) last.text += buf;
      else out.push({ text: buf, kind });
      buf = "";
    };
    let i = 0;
    while (i < text.length) {
      if (this.#lineStart && !this.#code) {
        const rest = text.slice(i);
        const heading = /^#{1,6} /.exec(rest);
        const bullet = /^(\s*)[*+] /.exec(rest);
        // What might still become a marker, at the very end of what came: wait for more.
        if (!final && !heading && !bullet && /^(#{1,6}|\s*[*+])$/.test(rest)) break;
        this.#lineStart = false;
        if (heading) {
          flush();
          this.#heading = true;
          i += heading[0].length;
          continue;
        }
        if (bullet) {
          buf += `${bullet[1]}- `;
          i += bullet[0].length;
          continue;
        }
      }
      const c = text[i]!;
      if (c === "\n") {
        flush();
        this.#heading = false;
        buf = "\n";
        flush();
        this.#lineStart = true;
        i += 1;
      } else if (c === "`") {
        flush();
        this.#code = !this.#code;
        i += 1;
      } else if (c === "*" && !this.#code && text[i + 1] === "*") {
        flush();
        this.#bold = !this.#bold;
        i += 2;
      } else if (c === "*" && !this.#code && i + 1 === text.length && !final) {
        break; // a lone `*` last: the first half of `**`, perhaps
      } else {
        buf += c;
        i += 1;
      }
    }
    flush();
    this.#pending = text.slice(i);
    return out;
  }
}

/** The settled spans of the whole text so far, while more is coming (a possible marker at its end waits). */
export function streamSpans(text: string): Span[] {
  return new StreamMarkdown().feed(text);
}
