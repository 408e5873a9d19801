/**
 * Code lines cut to a width, by display columns. Commands, JSON, ARNs and URLs must stay copyable: a line that
 * fits is never wrapped, and one that does not is cut into rows that each end in a visible continuation marker
 * (Ink's own wrapping would break mid-token with nothing to show it). This is the one place the TUI cuts text
 * by hand, because the marker has to go where the cut is.
 */
import stringWidth from "string-width";
import { appendSegment, type Segment } from "./highlight.js";

export const CONTINUATION = " ↩";
const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

function segmentsWidth(segments: Segment[]): number {
  return segments.reduce((sum, segment) => sum + stringWidth(segment.text), 0);
}

/** Rows of at most `width` columns; every row but the last leaves room for the marker. */
export function wrapCodeLine(segments: Segment[], width: number): Segment[][] {
  if (segmentsWidth(segments) <= width) return [segments];
  const room = Math.max(1, width - stringWidth(CONTINUATION));
  const rows: Segment[][] = [];
  let row: Segment[] = [];
  let used = 0;
  for (const segment of segments) {
    for (const { segment: grapheme } of segmenter.segment(segment.text)) {
      const w = stringWidth(grapheme);
      if (used + w > room && used > 0) {
        rows.push(row);
        row = [];
        used = 0;
      }
      appendSegment(row, grapheme, segment.token);
      used += w;
    }
  }
  rows.push(row);
  return rows;
}
