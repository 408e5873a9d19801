/** An alarm drawn beside a chart (TUI and plain output alike): "⚑ name: ALARM · threshold 5", and its colour. */
import type { ChartAlarm } from "../../engine/outputs.js";
import type { Lang } from "../../engine/text.js";
import type { Token } from "../theme/theme.js";

export function alarmText(alarm: ChartAlarm, lang: Lang): string {
  const threshold =
    alarm.threshold === undefined ? "" : ` · ${lang === "vi" ? "ngưỡng" : "threshold"} ${alarm.threshold}`;
  const state = alarm.state === "missing" ? (lang === "vi" ? "không tìm thấy" : "not found") : alarm.state;
  return `⚑ ${alarm.name}: ${state}${threshold}`;
}

/** ALARM in the failure colour, OK in the pass colour, anything else (INSUFFICIENT_DATA, missing) muted. */
export function alarmToken(alarm: ChartAlarm): Token {
  return alarm.state === "ALARM" ? "status.failed" : alarm.state === "OK" ? "status.passed" : "text.muted";
}
