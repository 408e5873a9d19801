/**
 * A table that uses the room its page has: columns get their natural width when everything fits; otherwise each
 * column first gets what it cannot do without (its longest header word; short cells whole and text columns a
 * readable minimum when there is room), and the rest of the width goes to the columns that still want more,
 * narrow ones satisfied first. Headers wrap between words ("Input / tokens"), never inside one; cells wrap, so a
 * prompt or an answer reads in full. When the header words cannot all fit side by side, or a cell would need more
 * than a few lines, each row opens in full instead: one record per row, "header: value" (RecordsView).
 */
import { Box, Text } from "ink";
import stringWidth from "string-width";
import { Styled } from "./Styled.js";

export interface TableData {
  headers: string[];
  rows: string[][];
  align?: ("left" | "right" | undefined)[];
}

/** A long text column is not squeezed below this while there is room for it. */
const MIN_TEXT = 8;

interface Measures {
  natural: number[];
  /** A header word is never cut (hard); a text column keeps MIN_TEXT when it can (soft). */
  hard: number[];
  soft: number[];
}

function measure(data: TableData): Measures {
  const cells = data.headers.map((_, i) => Math.max(0, ...data.rows.map((row) => stringWidth(row[i] ?? ""))));
  const natural = data.headers.map((header, i) => Math.max(stringWidth(header), cells[i]!, 1));
  const longestWord = (header: string) => Math.max(1, ...header.split(/\s+/).map((word) => stringWidth(word)));
  const hard = natural.map((w, i) => Math.min(w, longestWord(data.headers[i]!)));
  const soft = natural.map((w, i) => Math.max(hard[i]!, Math.min(w, cells[i]!, MIN_TEXT)));
  return { natural, hard, soft };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const budgetOf = (data: TableData, width: number, gap: number) =>
  Math.max(data.headers.length, width - gap * Math.max(0, data.headers.length - 1));

/** The columns' widths and the gap between them: 2, or 1 when the narrower gap is what keeps the floors. */
export function tableLayout(data: TableData, width: number): { widths: number[]; gap: number } {
  const { soft } = measure(data);
  const gap = sum(soft) <= budgetOf(data, width, 2) ? 2 : 1;
  return { widths: columnWidths(data, width, gap), gap };
}

export function columnWidths(data: TableData, width: number, gap = 2): number[] {
  const { natural, hard, soft } = measure(data);
  const budget = budgetOf(data, width, gap);
  if (sum(natural) <= budget) return natural;
  const floor = sum(soft) <= budget ? soft : hard;
  if (sum(floor) > budget) return shrink(floor, budget);
  // Water-filling: share what is left equally among the columns that want more, capped at what each wants.
  const widths = [...floor];
  let spare = budget - sum(widths);
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

/** Not even the header words fit: every column gets a fair share of the little there is. */
function shrink(floor: number[], budget: number): number[] {
  const fair = Math.max(1, Math.floor(budget / floor.length));
  const widths = floor.map((w) => Math.min(w, fair));
  let spare = budget - sum(widths);
  for (let i = 0; i < widths.length && spare > 0; i++) {
    const give = Math.min(spare, floor[i]! - widths[i]!);
    widths[i]! += give;
    spare -= give;
  }
  return widths;
}

/** A cell taller than this in the grid, and the rows are drawn as records instead. */
const MAX_CELL_LINES = 4;

/** Whether the grid can show every header word whole and every cell in a few lines. */
export function fitsAsGrid(data: TableData, width: number): boolean {
  const { hard } = measure(data);
  const { widths, gap } = tableLayout(data, width);
  if (sum(hard) + gap * Math.max(0, hard.length - 1) > width) return false;
  return data.rows.every((row) =>
    row.every((cell, i) => Math.ceil(stringWidth(cell) / Math.max(1, widths[i] ?? 1)) <= MAX_CELL_LINES),
  );
}

export function TableView(props: { data: TableData; width: number; title?: string }) {
  if (!fitsAsGrid(props.data, props.width)) return <RecordsView {...props} />;
  const { widths, gap } = tableLayout(props.data, props.width);
  const cell = (i: number) => ({
    width: widths[i]!,
    marginRight: i < widths.length - 1 ? gap : 0,
    flexShrink: 0,
    justifyContent: props.data.align?.[i] === "right" ? ("flex-end" as const) : ("flex-start" as const),
  });
  return (
    <Box flexDirection="column">
      <TableTitle title={props.title} />
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
              <Text wrap="wrap">{cells[i] ?? ""}</Text>
            </Box>
          ))}
        </Box>
      ))}
    </Box>
  );
}

/**
 * Each row opened in full: "header  value" (the value wraps beside its header), or on a page too narrow for that,
 * the header on its own line and the value under it. A rule numbers the rows.
 */
function RecordsView(props: { data: TableData; width: number; title?: string }) {
  const { headers, rows } = props.data;
  const labelWidth = Math.max(1, ...headers.map((header) => stringWidth(header)));
  const beside = labelWidth + 2 + 16 <= props.width;
  return (
    <Box flexDirection="column">
      <TableTitle title={props.title} />
      {rows.map((cells, r) => (
        <Box key={r} flexDirection="column">
          <Styled token="text.muted" wrap="truncate-end">
            {`── ${r + 1}/${rows.length} ${"─".repeat(Math.max(0, props.width - 8 - String(rows.length).length * 2))}`}
          </Styled>
          {headers.map((header, i) =>
            beside ? (
              <Box key={i}>
                <Box width={labelWidth} flexShrink={0} marginRight={2}>
                  <Styled token="text.heading">{header}</Styled>
                </Box>
                <Box flexShrink={1}>
                  <Text wrap="wrap">{cells[i] ?? ""}</Text>
                </Box>
              </Box>
            ) : (
              <Box key={i} flexDirection="column">
                <Styled token="text.heading" wrap="wrap">
                  {header}
                </Styled>
                <Box marginLeft={2}>
                  <Text wrap="wrap">{cells[i] ?? ""}</Text>
                </Box>
              </Box>
            ),
          )}
        </Box>
      ))}
    </Box>
  );
}

function TableTitle(props: { title: string | undefined }) {
  return props.title ? (
    <Styled token="text.heading" wrap="wrap">
      {props.title}
    </Styled>
  ) : null;
}
