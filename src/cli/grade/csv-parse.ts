/** Rosters in CSV, read with csv-parse: quoted fields, doubled quotes, CRLF or LF, a UTF-8 BOM. */
import { parse } from "csv-parse/sync";

export interface CsvRow {
  /** 1-based line number where the row starts (for messages). */
  line: number;
  fields: string[];
}

/** Every record, blank lines included (as one empty field), so that line numbers can be counted exactly. */
export function parseCsv(text: string): CsvRow[] {
  const records = parse(text, {
    bom: true,
    relax_column_count: true,
    record_delimiter: ["\r\n", "\n"],
    raw: true,
  }) as { record: string[]; raw: string }[];
  let line = 1;
  return records.map(({ record, raw }) => {
    const row = { line, fields: record };
    // `raw` stops before the record's own line break; a quoted field inside it may hold more.
    line += 1 + (raw.match(/\n/g)?.length ?? 0);
    return row;
  });
}
