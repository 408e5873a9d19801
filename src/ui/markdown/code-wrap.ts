/**
 * Code lines against a width, by display columns. A command must copy whole, so nothing is ever inserted into a
 * line and no line is broken: a line that fits is drawn whole; a longer one runs off the page's edge (clipped by
 * Ink), marked in the gutter beside it, and `y` prints every command of the step whole for the terminal to wrap.
 */
import stringWidth from "string-width";
import type { Segment } from "./highlight.js";

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
