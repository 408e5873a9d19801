/** Every user-facing string is bilingual by construction: a missing translation is a type error. */
export type Lang = "vi" | "en";

export interface Text {
  vi: string;
  en: string;
}

export function tr(text: Text, lang: Lang): string {
  return text[lang];
}

/** The same text in both languages: for values that are not prose (ids, numbers, ARNs, code). */
export function same(value: string): Text {
  return { vi: value, en: value };
}

/** Fills `{name}` placeholders in both languages at once. */
export function fill(text: Text, values: Readonly<Record<string, string | number>>): Text {
  const apply = (s: string) =>
    s.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
  return { vi: apply(text.vi), en: apply(text.en) };
}

/** Detects the language from --lang, a saved choice, then LC_ALL / LC_MESSAGES / LANG (vi* → Vietnamese). */
export function detectLang(env: NodeJS.ProcessEnv, ...preferred: (string | undefined)[]): Lang {
  for (const choice of preferred) if (choice === "vi" || choice === "en") return choice;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^vi/i.test(locale) ? "vi" : "en";
}
