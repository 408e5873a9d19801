/**
 * The AWS SDK's own view of an operation's output (its bundled Smithy schema), as a tree comparable with the
 * sandbox's shape tables. The SDK folds integer, long and double into one "number" kind, so this checks members,
 * nesting, required members and kinds; botocore-model.ts supplies the exact numeric types.
 */
import { NormalizedSchema } from "@smithy/core/schema";
import type { ServiceShapes, TypeRef } from "../../../src/sandbox/protocol/shape.js";
import { resolve } from "../../../src/sandbox/protocol/shape.js";

export type Kind = "string" | "number" | "boolean" | "timestamp" | "blob" | "document";
export type KindTree = Kind | { list: KindTree } | { map: KindTree } | { struct: string; required: string[] };

type Schema = ReturnType<typeof NormalizedSchema.of>;

function kindOf(s: Schema): Kind {
  if (s.isNumericSchema() || s.isBigIntegerSchema() || s.isBigDecimalSchema()) return "number";
  if (s.isTimestampSchema()) return "timestamp";
  if (s.isBooleanSchema()) return "boolean";
  if (s.isBlobSchema()) return "blob";
  if (s.isDocumentSchema()) return "document";
  return "string";
}

/** Problems found comparing the SDK schema `sdk` with the table's type `type` at `path` (empty when they agree). */
export function compareWithSdk(
  sdk: Schema,
  type: TypeRef,
  table: ServiceShapes,
  path: string,
  seen = new Set<string>(),
): string[] {
  const mine = resolve(table, type);
  if (sdk.isListSchema()) {
    if (mine.kind !== "list") return [`${path}: the SDK has a list, the table ${mine.kind}`];
    return compareWithSdk(sdk.getValueSchema(), mine.member, table, `${path}[]`, seen);
  }
  if (sdk.isMapSchema()) {
    if (mine.kind !== "map") return [`${path}: the SDK has a map, the table ${mine.kind}`];
    return compareWithSdk(sdk.getValueSchema(), mine.value, table, `${path}{}`, seen);
  }
  if (sdk.isStructSchema()) {
    if (mine.kind !== "structure") return [`${path}: the SDK has a structure, the table ${mine.kind}`];
    if (typeof type === "string" && seen.has(type)) return [];
    const inner = new Set(seen);
    if (typeof type === "string") inner.add(type);
    const raw = sdk.getSchema() as unknown[];
    const names: string[] = [];
    const problems: string[] = [];
    for (const [name, member] of sdk.structIterator()) {
      names.push(name);
      // Members newer than the table's model (the SDK may be ahead of botocore) are not emitted by the sandbox.
      const memberType = mine.shape.members[name];
      if (memberType !== undefined)
        problems.push(...compareWithSdk(member, memberType, table, `${path}.${name}`, inner));
    }
    for (const name of Object.keys(mine.shape.members)) {
      if (!names.includes(name)) problems.push(`${path}.${name}: in the table, not in the SDK`);
    }
    const requiredCount = typeof raw[6] === "number" ? raw[6] : 0;
    const sdkRequired = names
      .slice(0, requiredCount)
      .filter((name) => name in mine.shape.members)
      .sort();
    const tableRequired = [...(mine.shape.required ?? [])].sort();
    if (sdkRequired.join() !== tableRequired.join()) {
      problems.push(
        `${path}: required ${tableRequired.join(",") || "none"} in the table, ${sdkRequired.join(",") || "none"} in the SDK`,
      );
    }
    return problems;
  }
  const kind = kindOf(sdk);
  if (mine.kind !== "primitive") return [`${path}: the SDK has ${kind}, the table ${mine.kind}`];
  const expected: Record<string, Kind> = {
    string: "string",
    integer: "number",
    long: "number",
    double: "number",
    float: "number",
    boolean: "boolean",
    timestamp: "timestamp",
    datetime: "timestamp",
    blob: "blob",
  };
  return expected[mine.type] === kind ? [] : [`${path}: the SDK has ${kind}, the table ${mine.type}`];
}

export function sdkOutputSchema(module: Record<string, unknown>, operation: string): Schema | undefined {
  const op = module[`${operation}$`] as unknown[] | undefined;
  return op === undefined ? undefined : NormalizedSchema.of(op[5] as Parameters<typeof NormalizedSchema.of>[0]);
}

export function sdkErrorSchema(module: Record<string, unknown>, name: string): Schema | undefined {
  const error = module[`${name}$`];
  return error === undefined ? undefined : NormalizedSchema.of(error as Parameters<typeof NormalizedSchema.of>[0]);
}
