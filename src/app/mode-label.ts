/** How a mode and what chose it read in messages, for the CLI and the TUI alike. */
import type { Text } from "../engine/text.js";
import { MODE_NAMES } from "../report/strings.js";
import type { ModeSource, ResolvedMode } from "./lab-session.js";

/** The variable an instructor sets for a room (read by the CLI's mode resolution). */
export const MODE_ENV = "GENAI_LAB_MODE";

/** Where the mode came from, for messages: "(GENAI_LAB_MODE)", "(saved for this lab)". */
export function modeOrigin(source: ModeSource): Text {
  switch (source) {
    case "flag":
      return { vi: "(--mode)", en: "(--mode)" };
    case "env":
      return { vi: `(${MODE_ENV})`, en: `(${MODE_ENV})` };
    case "saved":
      return { vi: "(đã lưu cho bài lab này)", en: "(saved for this lab)" };
    case "none":
      return { vi: "(chưa chọn)", en: "(not chosen)" };
  }
}

/** "exam (GENAI_LAB_MODE)" / "thi (exam) (GENAI_LAB_MODE)". */
export function modeLabel(resolved: ResolvedMode): Text {
  const name = resolved.mode ? MODE_NAMES[resolved.mode] : { vi: "chưa chọn", en: "not chosen" };
  if (!resolved.mode) return name;
  const origin = modeOrigin(resolved.source);
  return { vi: `${name.vi} ${origin.vi}`, en: `${name.en} ${origin.en}` };
}
