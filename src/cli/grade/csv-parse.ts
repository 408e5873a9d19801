/** Rosters in CSV, read with csv-parse: quoted fields, doubled quotes, CRLF or LF, a UTF-8 BOM. */
import { parse } from "csv-parse/sync";

export interface CsvRow {
  /** 1-based line number where the row starts (for messages). */
  line: number;
  fields: string[];
}

/** Every record, blank lines included (as one empty field), each with the line it starts on. */
export function parseCsv(text: string): CsvRow[] {
  const records = parse(text, {
    bom: true,
    relax_column_count: true,
    record_delimiter: ["\r\n", "\n"],
    info: true,
  }) as unknown as { record: string[]; info: { bytes: number } }[];
  // info.bytes is the UTF-8 offset just past each record: the previous one's is where this one starts.
  const bytes = Buffer.from(text);
  let start = 0;
  let line = 1;
  return records.map(({ record, info }) => {
    const row = { line, fields: record };
    for (let i = start; i < info.bytes; i++) if (bytes[i] === 0x0a) line += 1;
    start = info.bytes;
    return row;
  });
}
