/**
 * Output shapes from AWS's own service models, so a reply carries every member as its model type. The tables in
 * ./shapes/ are generated from botocore's service-2.json and checked against the AWS SDK's schemas by
 * test/sandbox/conformance/wire-shapes.test.ts; nothing in them is written by hand.
 *
 * What the type changes on the wire (one input, what it becomes):
 *   GetMetricStatistics → { Datapoints: [{ Sum: 5, ExtendedStatistics: { p90: 2 } }] }
 *   JSON  {"Datapoints":[{"Sum":5.0,"ExtendedStatistics":{"p90":2.0}}]}       doubles keep their ".0"
 *   CBOR  Sum → 0xfb 4014000000000000                                           a float64, never an integer
 *   Query <Datapoints><member><Sum>5.0</Sum><ExtendedStatistics><entry><key>p90</key><value>2.0</value></entry>…
 */

/** `datetime` is a timestamp the model wants as an ISO 8601 string in JSON (timestampFormat iso8601). */
export type Primitive =
  "string" | "integer" | "long" | "double" | "float" | "boolean" | "timestamp" | "datetime" | "blob";

/** A member's type: a primitive, a list or map of a type, or the name of a structure in the same table. */
export type TypeRef = Primitive | { readonly list: TypeRef } | { readonly map: TypeRef } | string;

export interface StructureShape {
  /** Members in model order (the order AWS writes them). */
  readonly members: Readonly<Record<string, TypeRef>>;
  readonly required?: readonly string[];
  /** Error structures: the AWS Query code and the HTTP status. */
  readonly error?: { readonly code: string; readonly status: number };
}

export interface OperationShape {
  /** The output structure; null when the operation has none (its Query reply then has no <OpResult>). */
  readonly output: string | null;
  /** The errors the model documents for the operation (structure names). */
  readonly errors: readonly string[];
}

export interface ServiceShapes {
  readonly operations: Readonly<Record<string, OperationShape>>;
  readonly structures: Readonly<Record<string, StructureShape>>;
}

export const PRIMITIVES: ReadonlySet<string> = new Set<Primitive>([
  "string",
  "integer",
  "long",
  "double",
  "float",
  "boolean",
  "timestamp",
  "datetime",
  "blob",
]);

/** What a type reference resolves to, for the writers. */
export type Resolved =
  | { kind: "primitive"; type: Primitive }
  | { kind: "list"; member: TypeRef }
  | { kind: "map"; value: TypeRef }
  | { kind: "structure"; shape: StructureShape }
  | { kind: "unknown" };

export function resolve(shapes: ServiceShapes, type: TypeRef | undefined): Resolved {
  if (type === undefined) return { kind: "unknown" };
  if (typeof type !== "string")
    return "list" in type ? { kind: "list", member: type.list } : { kind: "map", value: type.map };
  if (PRIMITIVES.has(type)) return { kind: "primitive", type: type as Primitive };
  const shape = shapes.structures[type];
  return shape === undefined ? { kind: "unknown" } : { kind: "structure", shape };
}

/**
 * A handler's output together with its model shape: what the protocol writers serialise by type. A `null` output
 * shape means the operation has no output at all.
 */
export class ShapedOutput {
  constructor(
    readonly value: unknown,
    readonly type: string | null,
    readonly shapes: ServiceShapes,
  ) {}
}

/** Doubles as AWS writes them in JSON and XML: a whole number keeps ".0" (`5.0`), others print as JavaScript does. */
export function formatDouble(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "-Infinity";
  const text = String(value);
  return Number.isInteger(value) && !/[e.]/.test(text) ? `${text}.0` : text;
}
