/**
 * How the lab is taken — hands-on, guided or exam — resolved the way the language is: --mode, else
 * GENAI_LAB_MODE (an instructor sets it for a room), else the mode saved for this lab and target, else nothing
 * chosen yet (the TUI asks a new learner; `run` performs steps as it always has; `check` reports null).
 */
import { MODES, type Mode } from "../engine/contract.js";
import { UsageError } from "../engine/usage-error.js";
import type { ResolvedMode } from "../app/lab-session.js";
import { MODE_ENV } from "../app/mode-label.js";
import type { Flags } from "./args.js";

export { MODE_ENV, modeLabel, modeOrigin } from "../app/mode-label.js";

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
