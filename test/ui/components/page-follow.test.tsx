/**
 * Following the newest activity (a streamed answer growing line by line), the page's end is laid out at the
 * bottom of its viewport in the frame that draws it: the offset measured from the previous frame was a frame late,
 * and each new line hid the one under it (the time to first token flickered out of view).
 */
import { Text } from "ink";
import { PageViewport } from "../../../src/ui/components/PageViewport.js";
import { describe, expect, it } from "vitest";
import { render } from "../../helpers/render.js";

const lines = (n: number) => Array.from({ length: n }, (_, i) => <Text key={i}>line {i + 1}</Text>);
const rows = (frame: string) => frame.split("\n").map((line) => line.trim());

describe("the step page following a growing run", () => {
  it("shows the newest line in the same frame, whatever offset the last measurement gave", () => {
    // The offset measured for 10 lines (7) is stale once there are 12: bottom-aligned, lines 10–12 show anyway.
    const frame = render(
      <PageViewport height={3} width={20} offset={7} bottom>
        {lines(12)}
      </PageViewport>,
    ).frame();
    expect(rows(frame)).toEqual(["line 10", "line 11", "line 12"]);
  });

  it("scrolled by hand (not following), the offset places the page", () => {
    const frame = render(
      <PageViewport height={3} width={20} offset={7}>
        {lines(12)}
      </PageViewport>,
    ).frame();
    expect(rows(frame)).toEqual(["line 8", "line 9", "line 10"]);
  });
});
