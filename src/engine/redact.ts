/**
 * Redaction for projectors and shared reports (`--presenter`, `--redact`): account ids, and therefore the
 * account part of every ARN, are masked. Access keys never appear in output in the first place.
 */
const ACCOUNT = /(?<![\d])\d{12}(?![\d])/g;

export function redactText(text: string): string {
  return text.replace(ACCOUNT, "************");
}

/** Redacts every string inside a JSON-like value. */
export function redactDeep<T>(value: T): T {
  return mapStrings(value, redactText);
}

/** A copy of a JSON-like value with `map` applied to every string in it (keys stay as they are). */
export function mapStrings<T>(value: T, map: (text: string) => string): T {
  if (typeof value === "string") return map(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => mapStrings(item, map)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, map)])) as T;
  }
  return value;
}
