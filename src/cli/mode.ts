/**
 * How the lab is taken — hands-on, guided or exam — resolved the way the language is: --mode, else
 * GENAI_LAB_MODE (an instructor sets it for a room), else the mode saved for this lab and target, else nothing
 * chosen yet (the TUI asks a new learner; `run` performs steps as it always has; `check` reports null).
 */
import { MODES, type Mode } from "../engine/contract.js";
import type { Text } from "../engine/text.js";
import { UsageError } from "../engine/usage-error.js";
import { MODE_NAMES } from "../report/strings.js";
import type { ModeSource, ResolvedMode } from "../app/lab-session.js";
import type { Flags } from "./args.js";

export const MODE_ENV = "GENAI_LAB_MODE";

export type { ModeSource, ResolvedMode } from "../app/lab-session.js";

export function resolveMode(flags: Flags, env: NodeJS.ProcessEnv, saved: Mode | undefined): ResolvedMode {
  if (flags.mode !== undefined) return { mode: flags.mode as Mode, source: "flag" };
  const fromEnv = env[MODE_ENV]?.trim();
  if (fromEnv) {
    if (!(MODES as readonly string[]).includes(fromEnv)) {
      throw new UsageError({
        vi: `${MODE_ENV}: giá trị "${fromEnv}" không hợp lệ. Chọn một trong: ${MODES.join(", ")}.`,
        en: `${MODE_ENV}: "${fromEnv}" is not valid. Choose one of: ${MODES.join(", ")}.`,
      });
    }
    return { mode: fromEnv as Mode, source: "env" };
  }
  return saved ? { mode: saved, source: "saved" } : { mode: undefined, source: "none" };
}

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
