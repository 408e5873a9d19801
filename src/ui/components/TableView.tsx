/**
 * A table that uses the room its page has: columns get their natural width when everything fits; otherwise each
 * column first gets what it cannot do without (its longest header word, short cells whole), and the rest of the
 * width goes to the columns that still want more, narrow ones satisfied first. Headers wrap onto a second line
 * rather than being cut ("Input / tokens"); cells that still do not fit are truncated by Ink.
 */
import { Box, Text } from "ink";
import stringWidth from "string-width";
import { Styled } from "./Styled.js";

export interface TableData {
  headers: string[];
  rows: string[][];
  align?: ("left" | "right" | undefined)[];
}

/** A long text column is never squeezed below this (unless the page itself is that narrow). */
const MIN_TEXT = 8;

/** The columns' widths and the gap between them: 2, or 1 when that is what lets every column keep its floor. */
export function tableLayout(data: TableData, width: number): { widths: number[]; gap: number } {
  const wide = columnWidths(data, width, 2);
  if (!floorsMissed(data, wide)) return { widths: wide, gap: 2 };
  return { widths: columnWidths(data, width, 1), gap: 1 };
}

function floors(data: TableData): number[] {
  const cells = data.headers.map((_, i) => Math.max(0, ...data.rows.map((row) => stringWidth(row[i] ?? ""))));
  const natural = data.headers.map((header, i) => Math.max(stringWidth(header), cells[i]!, 1));
  const longestWord = (header: string) => Math.max(1, ...header.split(/\s+/).map((word) => stringWidth(word)));
  return natural.map((w, i) => Math.min(w, Math.max(longestWord(data.headers[i]!), Math.min(cells[i]!, MIN_TEXT))));
}

const floorsMissed = (data: TableData, widths: number[]) => floors(data).some((floor, i) => widths[i]! < floor);

export function columnWidths(data: TableData, width: number, gap = 2): number[] {
  const count = data.headers.length;
  const cells = data.headers.map((_, i) => Math.max(0, ...data.rows.map((row) => stringWidth(row[i] ?? ""))));
  const natural = data.headers.map((header, i) => Math.max(stringWidth(header), cells[i]!, 1));
  const budget = Math.max(count, width - gap * Math.max(0, count - 1));
  if (natural.reduce((a, b) => a + b, 0) <= budget) return natural;
  const floor = floors(data);
  if (floor.reduce((a, b) => a + b, 0) > budget) return shrink(floor, budget);
  // Water-filling: share what is left equally among the columns that want more, capped at what each wants.
  const widths = [...floor];
  let spare = budget - widths.reduce((a, b) => a + b, 0);
  for (;;) {
    const wanting = widths.map((w, i) => (w < natural[i]! ? i : -1)).filter((i) => i >= 0);
    if (spare <= 0 || wanting.length === 0) break;
    const share = Math.max(1, Math.floor(spare / wanting.length));
    for (const i of wanting) {
      const give = Math.min(share, natural[i]! - widths[i]!, spare);
      widths[i]! += give;
      spare -= give;
      if (spare <= 0) break;
    }
  }
  return widths;
}

/** Not even the floors fit: every column gets a fair share of the little there is. */
function shrink(floor: number[], budget: number): number[] {
  const fair = Math.max(1, Math.floor(budget / floor.length));
  const widths = floor.map((w) => Math.min(w, fair));
  let spare = budget - widths.reduce((a, b) => a + b, 0);
  for (let i = 0; i < widths.length && spare > 0; i++) {
    const give = Math.min(spare, floor[i]! - widths[i]!);
    widths[i]! += give;
    spare -= give;
  }
  return widths;
}

export function TableView(props: { data: TableData; width: number; title?: string }) {
  const { widths, gap } = tableLayout(props.data, props.width);
  const cell = (i: number) => ({
    width: widths[i]!,
    marginRight: i < widths.length - 1 ? gap : 0,
    flexShrink: 0,
    justifyContent: props.data.align?.[i] === "right" ? ("flex-end" as const) : ("flex-start" as const),
  });
  return (
    <Box flexDirection="column">
      {props.title ? <Styled token="text.heading" wrap="wrap">{props.title}</Styled> : null}
      <Box>
        {widths.map((_, i) => (
          <Box key={i} {...cell(i)} alignItems="flex-end">
            <Styled token="text.heading" wrap="wrap">
              {props.data.headers[i] ?? ""}
            </Styled>
          </Box>
        ))}
      </Box>
      <Styled token="text.muted" wrap="truncate-end">
        {widths.map((w) => "─".repeat(w)).join(" ".repeat(gap))}
      </Styled>
      {props.data.rows.map((cells, r) => (
        <Box key={r}>
          {widths.map((_, i) => (
            <Box key={i} {...cell(i)}>
              <Text wrap="truncate-end">{cells[i] ?? ""}</Text>
            </Box>
          ))}
        </Box>
      ))}
    </Box>
  );
}
