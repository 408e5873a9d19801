/**
 * A finished run made small enough to keep on disk: long tables and code blocks are cut (with a note saying how
 * much), and if the run is still too big, its outputs give way to a note. Live-only fields (progress) are dropped.
 *
 *   table of 500 rows  → its first 40 rows + "(460 more rows not kept)"
 *   code of 900 lines  → its first 120 lines + "… (780 more lines not kept)"
 */
import type { Output } from "../../engine/outputs.js";
import type { ActivityItem, StepRun } from "./lab-view-types.js";

const MAX_ROWS = 40;
const MAX_CODE_LINES = 120;
/** Per run, as JSON: a lab step's outputs fit easily; a runaway one must not make the file grow without end. */
export const MAX_RUN_BYTES = 64 * 1024;

function trimmed(count: number): Output {
  return {
    kind: "note",
    tone: "info",
    text: {
      vi: `(${count} dòng nữa không được lưu lại; chạy lại bước này để xem đủ)`,
      en: `(${count} more rows not kept; run the step again to see them all)`,
    },
  };
}

function boundOutput(output: Output): Output[] {
  if (output.kind === "table" && output.rows.length > MAX_ROWS)
    return [{ ...output, rows: output.rows.slice(0, MAX_ROWS) }, trimmed(output.rows.length - MAX_ROWS)];
  if (output.kind === "code") {
    const lines = output.code.split("\n");
    if (lines.length > MAX_CODE_LINES)
      return [{ ...output, code: lines.slice(0, MAX_CODE_LINES).join("\n") }, trimmed(lines.length - MAX_CODE_LINES)];
  }
  return [output];
}

function boundItem(item: ActivityItem): ActivityItem {
  const kept = { ...item, outputs: item.outputs.flatMap(boundOutput) };
  delete kept.progress;
  return kept;
}

export function boundRun(run: StepRun): StepRun {
  const items = run.items.filter((item) => item.state !== "running").map(boundItem);
  const bounded = { ...run, items };
  if (JSON.stringify(bounded).length <= MAX_RUN_BYTES) return bounded;
  const note: Output = {
    kind: "note",
    tone: "info",
    text: {
      vi: "(đầu ra quá dài nên không được lưu lại; chạy lại bước này để xem)",
      en: "(the output was too long to keep; run the step again to see it)",
    },
  };
  return { ...bounded, items: items.map((item) => ({ ...item, outputs: item.outputs.length > 0 ? [note] : [] })) };
}
