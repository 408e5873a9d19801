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

export function writeSettings(stateDir: string, settings: Settings): void {
  writeFileAtomic(
    settingsPath(stateDir),
    `${JSON.stringify({ formatVersion: SETTINGS_FORMAT_VERSION, ...settings }, null, 2)}\n`,
  );
}
