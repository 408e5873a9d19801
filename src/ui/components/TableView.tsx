/**
 * A table that fits its width: columns get their natural width when there is room, otherwise they shrink in
 * proportion and Ink truncates the cells (never sliced by hand).
 */
import { Box, Text } from "ink";
import stringWidth from "string-width";
import { Styled } from "./Styled.js";

export interface TableData {
  headers: string[];
  rows: string[][];
  align?: ("left" | "right" | undefined)[];
}

export function columnWidths(data: TableData, width: number, gap = 2): number[] {
  const cells = data.headers.map((_, i) => Math.max(0, ...data.rows.map((row) => stringWidth(row[i] ?? ""))));
  const natural = data.headers.map((header, i) => Math.max(stringWidth(header), cells[i]!, 1));
  const budget0 = Math.max(data.headers.length, width - gap * Math.max(0, data.headers.length - 1));
  if (natural.reduce((a, b) => a + b, 0) > budget0) {
    // Short of room, a long header gives way to its cells (Ink truncates it): "Input tokens" over "14".
    natural.forEach((w, i) => (natural[i] = Math.max(cells[i]!, Math.min(w, 6), 1)));
  }
  const budget = Math.max(data.headers.length, width - gap * Math.max(0, data.headers.length - 1));
  const total = natural.reduce((a, b) => a + b, 0);
  if (total <= budget) return natural;
  // Shrink the wide columns first: every column keeps at least min(natural, fair share).
  const fair = Math.floor(budget / natural.length);
  const fixed = natural.map((w) => Math.min(w, fair));
  const spare = budget - fixed.reduce((a, b) => a + b, 0);
  const wants = natural.map((w, i) => w - fixed[i]!);
  const wanting = wants.reduce((a, b) => a + b, 0);
  return fixed.map((w, i) => {
    const extra = wanting === 0 ? 0 : Math.min(wants[i]!, Math.floor((spare * wants[i]!) / wanting));
    return Math.max(1, w + extra);
  });
}

export function TableView(props: { data: TableData; width: number; title?: string }) {
  const widths = columnWidths(props.data, props.width);
  const row = (cells: string[], header: boolean, key: string) => (
    <Box key={key}>
      {widths.map((w, i) => (
        <Box key={i} width={w} marginRight={i < widths.length - 1 ? 2 : 0} flexShrink={0} justifyContent={props.data.align?.[i] === "right" ? "flex-end" : "flex-start"}>
          {header ? (
            <Styled token="text.heading" wrap="truncate-end">
              {cells[i] ?? ""}
            </Styled>
          ) : (
            <Text wrap="truncate-end">{cells[i] ?? ""}</Text>
          )}
        </Box>
      ))}
    </Box>
  );
  return (
    <Box flexDirection="column">
      {props.title ? <Styled token="text.heading">{props.title}</Styled> : null}
      {row(props.data.headers, true, "h")}
      <Styled token="text.muted" wrap="truncate-end">
        {widths.map((w) => "─".repeat(w)).join("  ")}
      </Styled>
      {props.data.rows.map((cells, i) => row(cells, false, String(i)))}
    </Box>
  );
}
