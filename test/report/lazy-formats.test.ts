/**
 * `genai-lab check` prints one learner's checklist as text: rendering it must not load the other formats, least of
 * all the class matrix's string-width (~20–40 ms of start-up on its own: an Intl.Segmenter and Unicode regexes).
 */
import { describe, expect, it, vi } from "vitest";
import { gradebook, PASS, report } from "./sample.js";

const seen = vi.hoisted(() => ({ stringWidth: false }));
vi.mock("string-width", () => {
  seen.stringWidth = true;
  return { default: (text: string) => text.length };
});

describe("renderReport loads a format only when it is asked for", () => {
  it("renders one learner's text without string-width, and loads it for a class matrix", async () => {
    const { renderReport } = await import("../../src/report/render.js");
    expect(await renderReport(report([PASS, PASS, PASS, PASS]), "text")).toContain("4/4");
    expect(seen.stringWidth).toBe(false);
    await renderReport(gradebook([report([PASS, PASS, PASS, PASS])]), "text");
    expect(seen.stringWidth).toBe(true);
  });
});
