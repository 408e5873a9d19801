/**
 * The time window a dashboard shows: its body's `start` (an ISO 8601 duration before now, e.g. "-PT6H") up to now.
 * The preview reads the same window, so what the terminal draws is what the console would draw.
 */

const UNIT_MS = { W: 7 * 86_400_000, D: 86_400_000, H: 3_600_000, M: 60_000, S: 1000 } as const;

/** "-PT6H" → 6 h in ms; "-P1DT12H", "-PT30M", "-P2W" too. Undefined for anything else (an absolute start time). */
export function relativeStartMs(start: string): number | undefined {
  const match = /^-P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(start.trim());
  if (!match || start.trim() === "-P" || start.trim() === "-PT") return undefined;
  const [, w, d, h, m, s] = match;
  const ms =
    Number(w ?? 0) * UNIT_MS.W +
    Number(d ?? 0) * UNIT_MS.D +
    Number(h ?? 0) * UNIT_MS.H +
    Number(m ?? 0) * UNIT_MS.M +
    Number(s ?? 0) * UNIT_MS.S;
  return ms > 0 ? ms : undefined;
}

/** How far back the dashboard looks: its `start`, or CloudWatch's 3 h default for a start the lab cannot read. */
export function windowMs(start: string): number {
  return relativeStartMs(start) ?? 3 * UNIT_MS.H;
}

/** The dashboard's window at `now`. */
export function dashboardWindow(start: string, now: number): { startMs: number; endMs: number } {
  return { startMs: now - windowMs(start), endMs: now + 1000 };
}

/** The window in whole hours, for the preview's CLI line (`--start-time $(( $(date +%s) - 6 * 3600 ))`). */
export function previewHours(start: string): number {
  return Math.max(1, Math.round(windowMs(start) / UNIT_MS.H));
}

/** "6 h", "30 min", "2 d" — for the preview's note. */
export function windowLabel(ms: number): { vi: string; en: string } {
  if (ms % UNIT_MS.D === 0) return { vi: `${ms / UNIT_MS.D} ngày`, en: `${ms / UNIT_MS.D} d` };
  if (ms % UNIT_MS.H === 0) return { vi: `${ms / UNIT_MS.H} giờ`, en: `${ms / UNIT_MS.H} h` };
  return { vi: `${Math.round(ms / UNIT_MS.M)} phút`, en: `${Math.round(ms / UNIT_MS.M)} min` };
}
