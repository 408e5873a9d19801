/**
 * Reads the AWS service models botocore ships (data/<service>/<version>/service-2.json[.gz]) from the machine's
 * python3, and builds the sandbox's output-shape tables (src/sandbox/protocol/shapes/) from them. Tests skip what
 * needs it, with a reason, when python3 or botocore is absent.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import type { ServiceShapes, StructureShape, TypeRef } from "../../../src/sandbox/protocol/shape.js";

interface ModelMember {
  shape: string;
}
interface ModelShape {
  type: string;
  timestampFormat?: string;
  members?: Record<string, ModelMember>;
  required?: string[];
  member?: ModelMember;
  value?: ModelMember;
  xmlOrder?: string[];
  error?: { code?: string; httpStatusCode?: number };
  exception?: boolean;
  fault?: boolean;
}
export interface BotocoreModel {
  version: string;
  path: string;
  operations: Record<string, { output?: { shape: string }; errors?: { shape: string }[] }>;
  shapes: Record<string, ModelShape>;
}

export interface Botocore {
  dir: string;
  version: string;
}

/** botocore's package directory and version, or the reason it cannot be used. */
export function findBotocore(): Botocore | string {
  try {
    const out = execFileSync(
      "python3",
      ["-c", "import botocore,os;print(os.path.dirname(botocore.__file__));print(botocore.__version__)"],
      { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 20_000 },
    ).trim();
    const [dir, version] = out.split("\n");
    if (dir === undefined || version === undefined || !existsSync(join(dir, "data"))) return "botocore has no data/";
    return { dir, version };
  } catch {
    return "python3 with botocore is not installed on this machine";
  }
}

export function loadModel(botocore: Botocore, service: string): BotocoreModel {
  const base = join(botocore.dir, "data", service);
  const version = readdirSync(base).sort().at(-1) ?? "";
  const plain = join(base, version, "service-2.json");
  const text = existsSync(plain)
    ? readFileSync(plain, "utf8")
    : gunzipSync(readFileSync(`${plain}.gz`)).toString("utf8");
  const model = JSON.parse(text) as Omit<BotocoreModel, "version" | "path">;
  return { ...model, version: botocore.version, path: `data/${service}/${version}/service-2.json` };
}

const PRIMITIVE_TYPES: Readonly<Record<string, TypeRef>> = {
  string: "string",
  integer: "integer",
  long: "long",
  double: "double",
  float: "float",
  boolean: "boolean",
  timestamp: "timestamp",
  blob: "blob",
};

/** The table for `operations`: their outputs and documented errors, with every structure they reach. */
export function buildTable(model: BotocoreModel, operations: readonly string[]): ServiceShapes {
  const structures: Record<string, StructureShape> = {};
  const ref = (name: string): TypeRef => {
    const shape = model.shapes[name];
    if (shape === undefined) throw new Error(`${model.path}: no shape ${name}`);
    if (shape.type === "timestamp" && shape.timestampFormat === "iso8601") return "datetime";
    const primitive = PRIMITIVE_TYPES[shape.type];
    if (primitive !== undefined) return primitive;
    if (shape.type === "list") return { list: ref(shape.member?.shape ?? "") };
    if (shape.type === "map") return { map: ref(shape.value?.shape ?? "") };
    if (shape.type !== "structure") throw new Error(`${model.path}: ${name} has type ${shape.type}`);
    if (!(name in structures)) {
      const members: Record<string, TypeRef> = {};
      structures[name] = { members };
      const order = shape.xmlOrder ?? Object.keys(shape.members ?? {});
      for (const member of order) members[member] = ref(shape.members?.[member]?.shape ?? "");
      const entry: { members: Record<string, TypeRef>; required?: string[]; error?: { code: string; status: number } } =
        { members };
      if (shape.required !== undefined && shape.required.length > 0) entry.required = [...shape.required];
      if (shape.exception === true) {
        entry.error = {
          code: shape.error?.code ?? name,
          status: shape.error?.httpStatusCode ?? (shape.fault === true ? 500 : 400),
        };
      }
      structures[name] = entry;
    }
    return name;
  };
  const ops: Record<string, { output: string | null; errors: string[] }> = {};
  for (const op of [...operations].sort()) {
    const spec = model.operations[op];
    if (spec === undefined) throw new Error(`${model.path}: no operation ${op}`);
    const output = spec.output === undefined ? null : (ref(spec.output.shape) as string);
    const errors = (spec.errors ?? []).map((e) => ref(e.shape) as string);
    ops[op] = { output, errors };
  }
  const sorted: Record<string, StructureShape> = {};
  for (const name of Object.keys(structures).sort()) sorted[name] = structures[name] as StructureShape;
  return { operations: ops, structures: sorted };
}

/** The TypeScript source of a table module (formatted by prettier afterwards). */
export function renderTable(
  constName: string,
  table: ServiceShapes,
  model: BotocoreModel,
  shapeModule = "../shape.js",
): string {
  return [
    `// Generated from botocore ${model.version} ${model.path} by test/sandbox/conformance/wire-shapes.test.ts`,
    "// (UPDATE_WIRE_SHAPES=1 npx vitest run test/sandbox/conformance/wire-shapes.test.ts). Do not edit by hand.",
    `import type { ServiceShapes } from "${shapeModule}";`,
    "",
    `export const ${constName}: ServiceShapes = ${JSON.stringify(table, null, 2)};`,
    "",
  ].join("\n");
}
