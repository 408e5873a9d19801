/** Shorthands for the outputs steps show (tables, key/value lists, JSON blocks), so step modules read as content. */
import type { Cell, Output, TableColumn } from "../engine/outputs.js";
import type { Text } from "../engine/text.js";

/** Values are data (ids, numbers, ARNs), the same in both languages; only labels are translated. */
export function kv(title: Text, items: [label: Text, value: string][]): Output {
  return { kind: "key-values", title, items: items.map(([label, value]) => ({ label, value })) };
}

/** A value shown as indented JSON, e.g. a policy document or a configuration as AWS reads it back. */
export function json(title: Text, value: unknown): Output {
  return { kind: "code", language: "json", title, code: JSON.stringify(value, null, 2) };
}

export function table(
  title: Text,
  columns: [key: string, label: Text, align?: "left" | "right"][],
  rows: Record<string, Cell>[],
): Output {
  const cols: TableColumn[] = columns.map(([key, label, align]) => (align ? { key, label, align } : { key, label }));
  return { kind: "table", title, columns: cols, rows };
}
