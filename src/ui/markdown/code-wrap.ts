/**
 * Code lines against a width, by display columns. A command must copy whole, so nothing is ever inserted into a
 * line and no line is broken: a line that fits is drawn whole; a longer one runs off the page's edge, marked in
 * the gutter beside it, and `y` prints every command of the step whole for the terminal to wrap.
 *
 * The cut is made here, by hand: Ink's own clipping (overflowX) must not be used inside the page, because Ink
 * applies only the innermost clip — a row clipped sideways would escape the page's vertical clip when scrolled.
 */
import stringWidth from "string-width";
import { appendSegment, type Segment } from "./highlight.js";

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** The gutter before each code row: where a row that runs off the edge is marked (outside the command). */
export const GUTTER = 2;
export const RUNS_OFF = "›";

export function lineWidth(segments: Segment[]): number {
  return segments.reduce((sum, segment) => sum + stringWidth(segment.text), 0);
}

/** Whether a line runs off a row of `width` columns (gutter included). */
export function runsOff(segments: Segment[], width: number): boolean {
  return lineWidth(segments) > Math.max(1, width - GUTTER);
}

/** The first `room` columns of a line (whole graphemes; a wide one that would straddle the edge is left out). */
export function clipSegments(segments: Segment[], room: number): Segment[] {
  if (lineWidth(segments) <= room) return segments;
  const out: Segment[] = [];
  let used = 0;
  for (const segment of segments) {
    for (const { segment: grapheme } of segmenter.segment(segment.text)) {
      const w = stringWidth(grapheme);
      if (used + w > room) return out;
      appendSegment(out, grapheme, segment.token);
      used += w;
    }
  }
  return out;
}
