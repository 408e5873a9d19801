/** Settings that follow the learner across targets: for now, the chosen language. */
import { readStateFile, writeFileAtomic } from "./atomic-file.js";
import { settingsPath } from "./state-dir.js";
import type { Lang } from "./text.js";

const SETTINGS_FORMAT_VERSION = 1;

export interface Settings {
  language?: Lang;
}

export function readSettings(stateDir: string): Settings {
  const raw = readStateFile(settingsPath(stateDir), SETTINGS_FORMAT_VERSION);
  const language = raw?.language;
  return language === "vi" || language === "en" ? { language } : {};
}

/**
 * Saves settings over what is there. A damaged file, or one from a newer genai-lab, is never overwritten: this
 * throws the same UsageError that reading it would (the caller keeps the choice for the session and says so).
 */
export function writeSettings(stateDir: string, settings: Settings): void {
  const path = settingsPath(stateDir);
  const existing = readStateFile(path, SETTINGS_FORMAT_VERSION) ?? {};
  writeFileAtomic(
    path,
    `${JSON.stringify({ ...existing, ...settings, formatVersion: SETTINGS_FORMAT_VERSION }, null, 2)}\n`,
  );
}
