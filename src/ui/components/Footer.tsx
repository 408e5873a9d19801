/**
 * The key hints under the screen, generated from key-bindings.ts (so they cannot drift from what works). Each
 * "key label" unit stays whole: rows break between units, never inside one. Above them, a one-line note (the
 * run's lock, Ctrl+C's progress, an answer to the last key).
 */
import { Box, Text } from "ink";
import stringWidth from "string-width";
import type { KeyContext, ScreenScope } from "../key-bindings.js";
import { footerItems, type FooterItem } from "../key-hints.js";
import { useDisplay } from "../app/display.js";
import { Styled } from "./Styled.js";

const GAP = 2;

/** Units packed greedily into rows of `width` columns (a unit wider than a row gets a row of its own). */
export function packUnits(widths: number[], width: number): number[][] {
  const rows: number[][] = [];
  let row: number[] = [];
  let used = 0;
  widths.forEach((w, i) => {
    const need = row.length === 0 ? w : used + GAP + w;
    if (row.length > 0 && need > width) {
      rows.push(row);
      row = [];
      used = 0;
    }
    used = row.length === 0 ? w : used + GAP + w;
    row.push(i);
  });
  if (row.length > 0) rows.push(row);
  return rows;
}

/** Rows prose takes at `width` when wrapped at spaces (the note above the keys). */
function proseRows(text: string, width: number): number {
  let rows = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const w = stringWidth(word);
    const need = used === 0 ? w : used + 1 + w;
    if (need > width && used > 0) {
      rows += 1 + Math.floor(Math.max(0, w - 1) / Math.max(1, width));
      used = w % Math.max(1, width);
    } else {
      used = need;
    }
  }
  return rows;
}

const unitText = (item: FooterItem, t: (text: FooterItem["label"]) => string) => `${item.keys} ${t(item.label)}`;

export interface FooterProps {
  scope: ScreenScope;
  context: KeyContext;
  note?: string;
  width: number;
}

/** The key hints of the moment, and how they pack into rows (indices into `items`). */
function layout(
  props: FooterProps,
  t: (text: FooterItem["label"]) => string,
): { items: FooterItem[]; rows: number[][] } {
  const items = footerItems(props.scope, props.context);
  return {
    items,
    rows: packUnits(
      items.map((item) => stringWidth(unitText(item, t))),
      props.width,
    ),
  };
}

/** How many rows the footer takes (the layout sizes the body from it). */
export function footerHeight(props: FooterProps, t: (text: FooterItem["label"]) => string): number {
  return Math.max(1, layout(props, t).rows.length) + (props.note ? proseRows(props.note, props.width) : 0);
}

export function Footer(props: FooterProps) {
  const { t } = useDisplay();
  const { items, rows } = layout(props, t);
  return (
    <Box flexDirection="column" flexShrink={0} width={props.width}>
      {props.note ? (
        <Styled token="status.attention" wrap="wrap">
          {props.note}
        </Styled>
      ) : null}
      {rows.map((row, r) => (
        <Text key={r} wrap="truncate-end">
          {row.map((index, i) => {
            const item = items[index]!;
            return (
              <Text key={`${item.keys}-${index}`}>
                {i > 0 ? " ".repeat(GAP) : ""}
                <Styled token="text.accent">{item.keys}</Styled> <Styled token="text.muted">{t(item.label)}</Styled>
              </Text>
            );
          })}
        </Text>
      ))}
    </Box>
  );
}
