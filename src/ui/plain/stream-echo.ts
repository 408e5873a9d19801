/**
 * A model's answer streaming in (a progress event's `stream`), for the plain printer. On a terminal the text is
 * echoed as it grows — the message once, "time to first token" when it lands, then each new piece, indented — and
 * the open line is closed before anything else is written. Without a terminal (a CI log, a pipe) nothing is
 * echoed piece by piece: the whole answer is printed once, when the stream has ended. The answer is Markdown: on a
 * terminal its markers go as it streams and what they mark is styled (stream-markdown.ts: what was printed cannot
 * be drawn again, so lists and code blocks stay as the model wrote them, without their inline markers); printed
 * whole, it is rendered as a step's Markdown is (markdownLines).
 */
import type { StreamProgress } from "../../engine/contract.js";
import { fill, tr, type Lang, type Text } from "../../engine/text.js";
import { S } from "../strings.js";
import { formatDuration } from "./format.js";
import { markdownLines } from "./markdown.js";
import { StreamMarkdown, type Span } from "./stream-markdown.js";
import type { PlainStyle } from "./style.js";

const INDENT = "    ";

/** The text without control characters (a model's reply may hold any), keeping line breaks and tabs. */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- exactly the control characters are what goes
  return text.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, "");
}

/**
 * What of a stream's text may be shown now: while more is coming (`streaming`), a trailing run of digits waits for
 * the next piece. Redaction needs an account id's 12 digits together: a part of one would slip past it unmasked.
 */
export function heldBack(text: string, streaming: boolean): string {
  return streaming ? text.replace(/\d+$/, "") : text;
}

export interface StreamEcho {
  /** A stream event: `message` is its progress message, already in plain prose. */
  update(message: string, stream: StreamProgress): void;
  /** Ends an open line of streamed text (before anything else is written). */
  close(): void;
}

export function createStreamEcho(options: {
  out: { write(chunk: string): unknown };
  live: boolean;
  lang: Lang;
  style: PlainStyle;
  /** Redaction, applied to everything written. */
  clean: (text: string) => string;
}): StreamEcho {
  const { out, lang, style } = options;
  const t = (text: Text) => tr(text, lang);
  const put = (chunk: string) => out.write(options.clean(chunk));
  /** The text echoed so far (live), or undefined when no stream is open. */
  let echoed: string | undefined;
  let timed = false;
  let openLine = false;
  let ended = false;
  let reader = new StreamMarkdown();
  const painted = (span: Span) => (span.kind === "plain" ? span.text : style[span.kind](span.text));
  /** Writes spans of the answer, each line indented (a new line's indent waits for its first character). */
  const write = (spans: Span[]) => {
    for (const span of spans)
      for (const [j, part] of span.text.split("\n").entries()) {
        if (j > 0) {
          put("\n");
          openLine = false;
        }
        if (!part) continue;
        put(`${openLine ? "" : INDENT}${painted({ ...span, text: part })}`);
        openLine = true;
      }
  };

  const close = () => {
    if (openLine) out.write("\n");
    openLine = false;
  };
  const firstToken = (stream: StreamProgress) =>
    style.muted(`${INDENT}${t(fill(S.streamFirstToken, { t: formatDuration(stream.firstTokenMs ?? 0) }))}`);

  const live = (message: string, stream: StreamProgress) => {
    const text = printable(stream.text);
    // A new stream (or the same call again, after a retry): its message first.
    if (echoed === undefined || !text.startsWith(echoed) || ended) {
      close();
      put(`${style.muted(`${INDENT}… ${message}`)}\n`);
      echoed = "";
      timed = false;
      ended = false;
      reader = new StreamMarkdown();
    }
    if (!timed && stream.firstTokenMs !== undefined) {
      close();
      put(`${firstToken(stream)}\n`);
      timed = true;
    }
    const upTo = heldBack(text, stream.totalMs === undefined).length;
    const piece = text.slice(echoed.length, Math.max(echoed.length, upTo));
    if (piece) {
      write(reader.feed(piece));
      echoed += piece;
    }
    if (stream.totalMs !== undefined) {
      write(reader.end());
      close();
      ended = true;
    }
  };

  const whole = (message: string, stream: StreamProgress) => {
    if (stream.totalMs === undefined) return;
    put(`${style.muted(`${INDENT}… ${message}`)}\n`);
    if (stream.firstTokenMs !== undefined) put(`${firstToken(stream)}\n`);
    for (const line of markdownLines(printable(stream.text), style)) put(line ? `${INDENT}${line}\n` : "\n");
  };

  return {
    update: (message, stream) => (options.live ? live(message, stream) : whole(message, stream)),
    close,
  };
}
