/**
 * Field discovery, run once per event as it arrives. JSON messages are flattened with dots, array elements by
 * index (`items.0.instanceId`, as AWS documents); at most 200 fields per event, in document order. JSON `null`,
 * `{}` and `[]` give no field (a choice: AWS does not document them). Booleans are kept as the words
 * `true`/`false`. A discovered name that starts with `@` gets a second `@`, as AWS does.
 * In Lambda log groups, START/END/REPORT lines give `@type`, `@requestId`, `@duration`, … and the first embedded
 * JSON fragment of a line is flattened like a JSON message.
 *
 * Paths are interned as a tree of nodes shared by every log group, so flattening a million records does not
 * join the same dotted names a million times, and a store can keep its columns by node id.
 */

export type FieldValue = string | number;
export type Emit = (name: string, value: FieldValue) => void;

export interface PathNode {
  /** Stable index for consumers' lookup tables; -1 once the tree is full (then look up by `path`). */
  readonly id: number;
  readonly path: string;
  children: Map<string, PathNode> | undefined;
  items: PathNode[] | undefined;
}
export type NodeEmit = (node: PathNode, value: FieldValue) => void;

const MAX_FIELDS_PER_EVENT = 200;
/** Distinct paths kept in the tree; beyond this (pathological key sets) nodes are made per use. */
const MAX_NODES = 200_000;
let nodeCount = 0;

function makeNode(path: string): PathNode {
  const id = nodeCount < MAX_NODES ? nodeCount++ : -1;
  return { id, path, children: undefined, items: undefined };
}

const ROOT = makeNode("");
const named = new Map<string, PathNode>();

function child(parent: PathNode, key: string): PathNode {
  let node = parent.children?.get(key);
  if (node === undefined) {
    node = makeNode(parent === ROOT ? (key.startsWith("@") ? `@${key}` : key) : `${parent.path}.${key}`);
    if (node.id >= 0) (parent.children ??= new Map()).set(key, node);
  }
  return node;
}

function item(parent: PathNode, index: number): PathNode {
  let node = parent.items?.[index];
  if (node === undefined) {
    node = makeNode(`${parent.path}.${index}`);
    if (node.id >= 0) {
      const items = (parent.items ??= []);
      while (items.length < index) items.push(makeNode(`${parent.path}.${items.length}`));
      items[index] = node;
    }
  }
  return node;
}

/** The node of a field named outright (Lambda's `@duration`, …). */
function namedNode(path: string): PathNode {
  let node = named.get(path);
  if (node === undefined) {
    node = makeNode(path);
    if (node.id >= 0) named.set(path, node);
  }
  return node;
}

function walk(value: unknown, node: PathNode, emit: NodeEmit, budget: { left: number }): void {
  if (value === null || value === undefined) return;
  switch (typeof value) {
    case "string":
    case "number":
      budget.left -= 1;
      emit(node, value);
      return;
    case "boolean":
      budget.left -= 1;
      emit(node, value ? "true" : "false");
      return;
    case "object":
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length && budget.left > 0; i++) walk(value[i], item(node, i), emit, budget);
      } else {
        const record = value as Record<string, unknown>;
        for (const key in record) {
          if (budget.left <= 0) return;
          walk(record[key], child(node, key), emit, budget);
        }
      }
      return;
    default:
      return;
  }
}

/** Flattens a JSON object's leaves; returns false if `text` is not a JSON object. */
function flattenJson(text: string, emit: NodeEmit): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return false;
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return false;
  walk(parsed, ROOT, emit, { left: MAX_FIELDS_PER_EVENT });
  return true;
}

const REPORT_NUMBERS: readonly [RegExp, string, number][] = [
  [/\bDuration: ([\d.]+) ms/, "@duration", 1],
  [/Billed Duration: ([\d.]+) ms/, "@billedDuration", 1],
  // AWS reports Lambda memory in bytes (its sample queries divide by 1000 twice to get MB).
  [/Memory Size: ([\d.]+) MB/, "@memorySize", 1_000_000],
  [/Max Memory Used: ([\d.]+) MB/, "@maxMemoryUsed", 1_000_000],
  [/Init Duration: ([\d.]+) ms/, "@initDuration", 1],
];

function discoverLambda(message: string, emit: NodeEmit): void {
  const line = /^(START|END|REPORT) RequestId: ([0-9a-fA-F-]+)/.exec(message);
  if (line !== null) {
    emit(namedNode("@type"), line[1] as string);
    emit(namedNode("@requestId"), line[2] as string);
    if (line[1] === "REPORT") {
      for (const [pattern, name, factor] of REPORT_NUMBERS) {
        const match = pattern.exec(message);
        if (match !== null) emit(namedNode(name), Number(match[1]) * factor);
      }
      const trace = /XRAY TraceId: (\S+)\s+SegmentId: (\S+)/.exec(message);
      if (trace !== null) {
        emit(namedNode("@xrayTraceId"), trace[1] as string);
        emit(namedNode("@xraySegmentId"), trace[2] as string);
      }
    }
    return;
  }
  const brace = message.indexOf("{");
  if (brace >= 0) flattenJson(message.slice(brace).trimEnd(), emit);
}

function firstNonBlank(text: string): number {
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
    i += 1;
  }
  return i;
}

/** Every field AWS would discover in one message, as path nodes. */
export function discoverNodes(message: string, lambda: boolean, emit: NodeEmit): void {
  const start = firstNonBlank(message);
  if (message.charCodeAt(start) === 123 && flattenJson(start === 0 ? message : message.slice(start), emit)) return;
  if (lambda) discoverLambda(message, emit);
}

/** Every field AWS would discover in one message, by name. */
export function discoverFields(message: string, lambda: boolean, emit: Emit): void {
  discoverNodes(message, lambda, (node, value) => emit(node.path, value));
}

export function isLambdaGroup(name: string): boolean {
  return name.startsWith("/aws/lambda/");
}
