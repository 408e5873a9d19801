/**
 * Field discovery, run once per event as it arrives. JSON messages are flattened with dots, array elements by
 * index (`items.0.instanceId`, as AWS documents); at most 200 fields per event, in document order. JSON `null`,
 * `{}` and `[]` give no field (a choice: AWS does not document them). Booleans are kept as the words
 * `true`/`false`. A discovered name that starts with `@` gets a second `@`, as AWS does.
 * In Lambda log groups, START/END/REPORT lines give `@type`, `@requestId`, `@duration`, … and the first embedded
 * JSON fragment of a line is flattened like a JSON message.
 */

export type FieldValue = string | number;
export type Emit = (name: string, value: FieldValue) => void;

export const MAX_FIELDS_PER_EVENT = 200;

/** Joined names are cached so the same nested path is not concatenated again for every event. */
const pathCache = new Map<string, Map<string, string>>();

function childPath(parent: string, key: string): string {
  let children = pathCache.get(parent);
  if (children === undefined) {
    children = new Map();
    pathCache.set(parent, children);
  }
  let path = children.get(key);
  if (path === undefined) {
    path = parent === "" ? (key.startsWith("@") ? `@${key}` : key) : `${parent}.${key}`;
    if (children.size < 10_000) children.set(key, path);
  }
  return path;
}

function walk(value: unknown, path: string, emit: Emit, budget: { left: number }): void {
  if (budget.left <= 0 || value === null || value === undefined) return;
  switch (typeof value) {
    case "string":
    case "number":
      budget.left -= 1;
      emit(path, value);
      return;
    case "boolean":
      budget.left -= 1;
      emit(path, value ? "true" : "false");
      return;
    case "object":
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length && budget.left > 0; i++) walk(value[i], childPath(path, String(i)), emit, budget);
      } else {
        for (const key of Object.keys(value)) {
          if (budget.left <= 0) return;
          walk((value as Record<string, unknown>)[key], childPath(path, key), emit, budget);
        }
      }
      return;
    default:
      return;
  }
}

/** Flattens a JSON object's leaves; returns false if `text` is not a JSON object. */
export function flattenJson(text: string, emit: Emit): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return false;
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return false;
  walk(parsed, "", emit, { left: MAX_FIELDS_PER_EVENT });
  return true;
}

function firstNonBlank(text: string): number {
  let i = 0;
  while (i < text.length && /\s/.test(text[i] as string)) i += 1;
  return i;
}

const REPORT_NUMBERS: readonly [RegExp, string, number][] = [
  [/\bDuration: ([\d.]+) ms/, "@duration", 1],
  [/Billed Duration: ([\d.]+) ms/, "@billedDuration", 1],
  // AWS reports Lambda memory in bytes (its sample queries divide by 1000 twice to get MB).
  [/Memory Size: ([\d.]+) MB/, "@memorySize", 1_000_000],
  [/Max Memory Used: ([\d.]+) MB/, "@maxMemoryUsed", 1_000_000],
  [/Init Duration: ([\d.]+) ms/, "@initDuration", 1],
];

function discoverLambda(message: string, emit: Emit): void {
  const line = /^(START|END|REPORT) RequestId: ([0-9a-fA-F-]+)/.exec(message);
  if (line !== null) {
    emit("@type", line[1] as string);
    emit("@requestId", line[2] as string);
    if (line[1] === "REPORT") {
      for (const [pattern, name, factor] of REPORT_NUMBERS) {
        const match = pattern.exec(message);
        if (match !== null) emit(name, Number(match[1]) * factor);
      }
      const trace = /XRAY TraceId: (\S+)\s+SegmentId: (\S+)/.exec(message);
      if (trace !== null) {
        emit("@xrayTraceId", trace[1] as string);
        emit("@xraySegmentId", trace[2] as string);
      }
    }
    return;
  }
  const brace = message.indexOf("{");
  if (brace >= 0) flattenJson(message.slice(brace).trimEnd(), emit);
}

/** Every field AWS would discover in one message of a log group. */
export function discoverFields(message: string, lambda: boolean, emit: Emit): void {
  const start = firstNonBlank(message);
  if (message.charCodeAt(start) === 123 && flattenJson(start === 0 ? message : message.slice(start), emit)) return;
  if (lambda) discoverLambda(message, emit);
}

export function isLambdaGroup(name: string): boolean {
  return name.startsWith("/aws/lambda/");
}
