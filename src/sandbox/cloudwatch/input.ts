/**
 * Readers for operation inputs in AWS JSON 1.0 member names. The protocol layers hand over parsed values; these
 * readers are lenient about representation (numbers may arrive as numeric strings from AWS Query, timestamps as epoch
 * seconds, ISO 8601 strings or Dates, lists possibly still wrapped as `{member: [...]}`) and strict about meaning.
 */
import { invalidValue, missingParameter } from "./errors.js";

export type Input = Record<string, unknown>;

export function isRecord(value: unknown): value is Input {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function describe(value: unknown): string {
  return typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
}

export function badValue(value: unknown, path: string): Error {
  return invalidValue(`The value ${describe(value)} for parameter ${path} is invalid.`);
}

export function optString(input: Input, key: string, path: string = key): string | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw badValue(value, path);
  return value;
}

export function reqString(input: Input, key: string, path: string = key): string {
  const value = optString(input, key, path);
  if (value === undefined || value === "") throw missingParameter(`The parameter ${path} is required.`);
  return value;
}

export function toNumber(value: unknown, path: string): number {
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "") {
    if (value === "NaN") return Number.NaN;
    if (value === "Infinity" || value === "+Infinity") return Number.POSITIVE_INFINITY;
    if (value === "-Infinity") return Number.NEGATIVE_INFINITY;
    const parsed = Number(value);
    if (!Number.isNaN(parsed)) return parsed;
  }
  throw badValue(value, path);
}

export function optNumber(input: Input, key: string, path: string = key): number | undefined {
  const value = input[key];
  return value === undefined || value === null ? undefined : toNumber(value, path);
}

export function optInteger(input: Input, key: string, path: string = key): number | undefined {
  const value = optNumber(input, key, path);
  if (value !== undefined && !Number.isInteger(value)) throw badValue(value, path);
  return value;
}

export function optBoolean(input: Input, key: string, path: string = key): boolean | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === "boolean") return value;
  if (value === "true") return true;
  if (value === "false") return false;
  throw badValue(value, path);
}

export function optList(input: Input, key: string, path: string = key): unknown[] | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value;
  // AWS Query sends an empty list as a bare "Name=" (e.g. MetricStat.Metric.Dimensions=).
  if (value === "") return [];
  if (isRecord(value) && Array.isArray(value.member)) return value.member;
  if (isRecord(value) && Object.keys(value).length === 0) return [];
  throw badValue(value, path);
}

export function optRecord(input: Input, key: string, path: string = key): Input | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) throw badValue(value, path);
  return value;
}

/** Epoch milliseconds from epoch seconds (number or numeric string), an ISO 8601 string or a Date. */
export function toEpochMs(value: unknown, path: string): number {
  let ms: number;
  if (value instanceof Date) ms = value.getTime();
  else if (typeof value === "number") ms = value * 1000;
  else if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value.trim())) ms = Number(value) * 1000;
  else if (typeof value === "string") ms = Date.parse(value);
  else ms = Number.NaN;
  if (!Number.isFinite(ms)) throw badValue(value, path);
  return Math.round(ms);
}

export function optTimestamp(input: Input, key: string, path: string = key): number | undefined {
  const value = input[key];
  return value === undefined || value === null ? undefined : toEpochMs(value, path);
}

export function reqTimestamp(input: Input, key: string, path: string = key): number {
  const value = optTimestamp(input, key, path);
  if (value === undefined) throw missingParameter(`The parameter ${path} is required.`);
  return value;
}

/** Opaque pagination tokens: base64 of `kind:payload`, so a token from another operation is refused. */
export function encodeToken(kind: string, payload: string): string {
  return Buffer.from(`${kind}:${payload}`, "utf8").toString("base64");
}

export function decodeToken(kind: string, token: string): string | undefined {
  const text = Buffer.from(token, "base64").toString("utf8");
  return text.startsWith(`${kind}:`) ? text.slice(kind.length + 1) : undefined;
}

/** The list offset in an optional `NextToken` of `kind` (0 without one); any other token is InvalidParameterValue. */
export function decodeOffsetToken(kind: string, token: string | undefined): number {
  if (token === undefined) return 0;
  const decoded = decodeToken(kind, token);
  if (decoded === undefined || !/^\d+$/.test(decoded))
    throw invalidValue(`The value ${token} for parameter NextToken is invalid.`);
  return Number(decoded);
}
