/** The dashboard's `start` read as a window, the way the preview reads it. */
import { describe, expect, it } from "vitest";
import { dashboardWindow, previewHours, relativeStartMs, windowLabel } from "../../steps/lib/dashboard-window.js";

const H = 3_600_000;

describe("dashboard window", () => {
  it("reads relative ISO 8601 durations", () => {
    expect(relativeStartMs("-PT6H")).toBe(6 * H);
    expect(relativeStartMs("-PT30M")).toBe(30 * 60_000);
    expect(relativeStartMs("-P1DT12H")).toBe(36 * H);
    expect(relativeStartMs("-P2W")).toBe(14 * 24 * H);
    for (const bad of ["PT6H", "-P", "-PT", "-PT0H", "2025-08-15T00:00:00Z", "-PT6X"])
      expect(relativeStartMs(bad), bad).toBeUndefined();
  });

  it("ends now and falls back to CloudWatch's 3 hours for a start it cannot read", () => {
    expect(dashboardWindow("-PT6H", 10 * H)).toEqual({ startMs: 4 * H, endMs: 10 * H + 1000 });
    expect(dashboardWindow("2025-08-15T00:00:00Z", 10 * H).startMs).toBe(7 * H);
    expect(previewHours("-PT6H")).toBe(6);
    expect(previewHours("-PT10M")).toBe(1);
  });

  it("names the window in both languages", () => {
    expect(windowLabel(6 * H)).toEqual({ vi: "6 giờ", en: "6 h" });
    expect(windowLabel(48 * H)).toEqual({ vi: "2 ngày", en: "2 d" });
    expect(windowLabel(30 * 60_000)).toEqual({ vi: "30 phút", en: "30 min" });
  });
});
