/**
 * Charts drawn with block characters: a line chart is a multi-row column plot per series (eighth blocks, so
 * eight levels per row), with its scale and first/last time; a bar chart is one horizontal bar per point.
 */
import { Box, Text } from "ink";
import stringWidth from "string-width";
import type { ChartSeries, Output } from "../../engine/outputs.js";
import { alarmText, alarmToken } from "../app/alarm-text.js";
import { useDisplay } from "../app/display.js";
import { unitLabel } from "../plain/format.js";
import { S } from "../strings.js";
import type { Token } from "../theme/theme.js";
import { Styled } from "./Styled.js";

const LEVELS = " ▁▂▃▄▅▆▇█";
const SERIES_TOKENS: Token[] = ["chart.1", "chart.2", "chart.3", "chart.4"];

export type ChartOutput = Extract<Output, { kind: "chart" }>;

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(1));

/** Averages points into at most `width` buckets. */
export function resample(values: number[], width: number): number[] {
  if (values.length <= width) return values;
  const out: number[] = [];
  for (let i = 0; i < width; i++) {
    const from = Math.floor((i * values.length) / width);
    const to = Math.max(from + 1, Math.floor(((i + 1) * values.length) / width));
    const slice = values.slice(from, to);
    out.push(slice.reduce((a, b) => a + b, 0) / slice.length);
  }
  return out;
}

/** Rows of a column plot, top first. */
export function columnRows(values: number[], height: number, max: number, columnWidth: number): string[] {
  const rows: string[] = [];
  for (let r = 0; r < height; r++) {
    let line = "";
    for (const value of values) {
      const scaled = max > 0 ? Math.round((Math.max(0, value) / max) * height * 8) : 0;
      const level = Math.min(8, Math.max(0, scaled - (height - 1 - r) * 8));
      line += LEVELS[level]!.repeat(columnWidth);
    }
    rows.push(line);
  }
  return rows;
}

function timeLabel(x: number | string | undefined): string {
  if (typeof x === "string") return x;
  if (typeof x !== "number") return "";
  const d = new Date(x);
  return `${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")}`;
}

/** The statistic a series plots: its own `stat`, else the "(Sum)" CloudWatch-style label suffix. */
function statOf(series: ChartSeries): string | undefined {
  return series.stat ?? /\((\w+)\)\s*$/.exec(series.label)?.[1];
}

/** A total means something only for counts and sums (a sum of averages or percentiles does not). */
function totals(series: ChartSeries): boolean {
  const stat = statOf(series);
  return stat === "Sum" || stat === "SampleCount";
}

export function ChartView(props: { chart: ChartOutput; width: number; height?: number }) {
  const { t, lang } = useDisplay();
  const { chart } = props;
  const unit = unitLabel(chart.unit, lang);
  const empty = chart.series.every((s) => s.points.length === 0);
  return (
    <Box flexDirection="column" width={props.width}>
      <Styled token="text.heading" wrap="truncate-end">
        {t(chart.title)}
      </Styled>
      {(chart.alarms ?? []).map((alarm) => (
        // Wrapped, not cut: the state is the point of the line.
        <Styled key={alarm.name} token={alarmToken(alarm)} wrap="wrap">
          {alarmText(alarm, lang)}
        </Styled>
      ))}
      {empty ? <Styled token="text.muted">{t(S.noData)}</Styled> : null}
      {!empty && chart.chart === "line"
        ? chart.series.map((series, i) => (
            <LineSeries
              key={series.label}
              series={series}
              token={SERIES_TOKENS[i % SERIES_TOKENS.length]!}
              width={props.width}
              height={props.height ?? 4}
              unit={unit}
            />
          ))
        : null}
      {!empty && chart.chart === "bar" ? <Bars series={chart.series} width={props.width} unit={unit} /> : null}
    </Box>
  );
}

function LineSeries(props: { series: ChartSeries; token: Token; width: number; height: number; unit: string }) {
  const values = props.series.points.map((p) => p.y);
  const max = Math.max(...values, 0);
  const axis = `${fmt(max)}${props.unit}`;
  const plotWidth = Math.max(4, props.width - stringWidth(axis) - 2);
  const sampled = resample(values, plotWidth);
  const columnWidth = Math.max(1, Math.min(3, Math.floor(plotWidth / Math.max(1, sampled.length))));
  const rows = columnRows(sampled, props.height, max, columnWidth);
  const first = timeLabel(props.series.points[0]?.x);
  const last = timeLabel(props.series.points[props.series.points.length - 1]?.x);
  const total = values.reduce((a, b) => a + b, 0);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Styled token={props.token}>■</Styled> {props.series.label}{" "}
        <Styled token="text.muted">
          min {fmt(Math.min(...values))} · max {fmt(max)}
          {totals(props.series) ? ` · Σ ${fmt(total)}` : ""}
          {props.unit}
        </Styled>
      </Text>
      {rows.map((line, r) => (
        <Text key={r} wrap="truncate-end">
          <Styled token="text.muted">
            {(r === 0 ? axis : r === rows.length - 1 ? "0" : "").padStart(stringWidth(axis))} ┤
          </Styled>
          <Styled token={props.token}>{line}</Styled>
        </Text>
      ))}
      <Text wrap="truncate-end">
        <Styled token="text.muted">
          {" ".repeat(stringWidth(axis) + 2)}
          {first}
          {last && last !== first ? ` … ${last}` : ""}
        </Styled>
      </Text>
    </Box>
  );
}

function Bars(props: { series: ChartSeries[]; width: number; unit: string }) {
  const entries = props.series.flatMap((series, i) =>
    series.points.map((p) => ({
      label: props.series.length > 1 ? `${series.label} ${timeLabel(p.x)}` : timeLabel(p.x) || series.label,
      y: p.y,
      token: SERIES_TOKENS[i % SERIES_TOKENS.length]!,
    })),
  );
  const labelWidth = Math.min(Math.floor(props.width / 3), Math.max(...entries.map((e) => stringWidth(e.label)), 1));
  const max = Math.max(...entries.map((e) => e.y), 0);
  const valueWidth = Math.max(...entries.map((e) => stringWidth(`${fmt(e.y)}${props.unit}`)));
  const barWidth = Math.max(1, props.width - labelWidth - valueWidth - 3);
  return (
    <Box flexDirection="column">
      {entries.map((entry, i) => {
        const eighths = max > 0 ? Math.round((Math.max(0, entry.y) / max) * barWidth * 8) : 0;
        const bar = "█".repeat(Math.floor(eighths / 8)) + (eighths % 8 ? ("▏▎▍▌▋▊▉"[(eighths % 8) - 1] ?? "") : "");
        return (
          <Box key={i}>
            <Box width={labelWidth} flexShrink={0} marginRight={1}>
              <Text wrap="truncate-end">{entry.label}</Text>
            </Box>
            <Styled token={entry.token}>{bar}</Styled>
            <Text> {`${fmt(entry.y)}${props.unit}`}</Text>
          </Box>
        );
      })}
    </Box>
  );
}
