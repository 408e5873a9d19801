/**
 * The sandbox's output-shape tables (src/sandbox/protocol/shapes/) against AWS's models: regenerated from botocore's
 * service-2.json when python3 has botocore (skipped otherwise), and always compared with the schemas the AWS SDK
 * packages in node_modules carry. Regenerate: UPDATE_WIRE_SHAPES=1 npx vitest run test/sandbox/conformance/wire-shapes.test.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import * as bedrockSdk from "@aws-sdk/client-bedrock";
import * as cloudwatchSdk from "@aws-sdk/client-cloudwatch";
import * as logsSdk from "@aws-sdk/client-cloudwatch-logs";
import * as iamSdk from "@aws-sdk/client-iam";
import * as stsSdk from "@aws-sdk/client-sts";
import { describe, expect, it } from "vitest";
import { createSandboxCore } from "../../../src/sandbox/core.js";
import { DEFAULT_FAULTS } from "../../../src/sandbox/faults/config.js";
import type { ServiceShapes } from "../../../src/sandbox/protocol/shape.js";
import { SERVICE_SHAPES } from "../../../src/sandbox/protocol/shapes/index.js";
import type { ServiceName } from "../../../src/sandbox/protocol/types.js";
import { openDatabase } from "../../../src/sandbox/storage/db.js";
import { buildTable, findBotocore, loadModel, renderTable } from "./botocore-model.js";
import { compareWithSdk, sdkErrorSchema, sdkOutputSchema } from "./sdk-schema.js";
import { BEDROCK_SHAPES } from "./shapes-bedrock.js";

interface TableFile {
  service: Exclude<ServiceName, "bedrock-runtime">;
  botocoreName: string;
  constName: string;
  file: string;
  sdk: Record<string, unknown>;
  /** Where the table lives (REST-JSON Bedrock's is only for the conformance suite: its replies are written by routes). */
  path?: string;
  table?: ServiceShapes;
}

const FILES: readonly TableFile[] = [
  {
    service: "monitoring",
    botocoreName: "cloudwatch",
    constName: "CLOUDWATCH_SHAPES",
    file: "cloudwatch",
    sdk: cloudwatchSdk,
  },
  { service: "logs", botocoreName: "logs", constName: "LOGS_SHAPES", file: "logs", sdk: logsSdk },
  { service: "iam", botocoreName: "iam", constName: "IAM_SHAPES", file: "iam", sdk: iamSdk },
  { service: "sts", botocoreName: "sts", constName: "STS_SHAPES", file: "sts", sdk: stsSdk },
  {
    service: "bedrock",
    botocoreName: "bedrock",
    constName: "BEDROCK_SHAPES",
    file: "bedrock",
    sdk: bedrockSdk,
    path: new URL("./shapes-bedrock.ts", import.meta.url).pathname,
    table: BEDROCK_SHAPES,
  },
];

const pathOf = (f: TableFile): string =>
  f.path ?? new URL(`../../../src/sandbox/protocol/shapes/${f.file}.ts`, import.meta.url).pathname;

/** The operations each service's handlers implement (the tables must cover exactly these). */
function implementedOperations(): Record<string, string[]> {
  const db = openDatabase(":memory:");
  const core = createSandboxCore({
    db,
    credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "x" },
    accountId: "123456789012",
    faults: DEFAULT_FAULTS,
    deliveryDelayMs: 0,
    now: Date.now,
    onError: () => undefined,
    info: () => ({}),
  });
  const out: Record<string, string[]> = {};
  for (const [service, ops] of Object.entries(core.rpc)) out[service] = Object.keys(ops ?? {}).sort();
  out.bedrock = (core.rest.bedrock ?? []).map((route) => route.operation).sort();
  db.close();
  return out;
}

const implemented = implementedOperations();
const botocore = findBotocore();
const table = (f: TableFile): ServiceShapes => f.table ?? (SERVICE_SHAPES[f.service] as ServiceShapes);

describe("output-shape tables", () => {
  it.each(FILES)("$file: one entry per implemented operation", (f) => {
    expect(Object.keys(table(f).operations).sort()).toEqual(implemented[f.service]);
  });

  describe.skipIf(typeof botocore === "string")(
    `against botocore's models${typeof botocore === "string" ? ` (skipped: ${botocore})` : ""}`,
    () => {
      it.each(FILES)("$file: generated from the model", (f) => {
        if (typeof botocore === "string") return;
        const model = loadModel(botocore, f.botocoreName);
        const generated = buildTable(model, implemented[f.service] ?? []);
        if (process.env.UPDATE_WIRE_SHAPES === "1") {
          const shapeModule = f.path === undefined ? "../shape.js" : "../../../src/sandbox/protocol/shape.js";
          writeFileSync(pathOf(f), renderTable(f.constName, generated, model, shapeModule));
          return;
        }
        const header = /Generated from botocore (\S+)/.exec(readFileSync(pathOf(f), "utf8"))?.[1];
        if (header === botocore.version) {
          expect(table(f)).toEqual(generated);
          return;
        }
        // Another botocore: every member the table declares must still have the model's type.
        for (const [name, structure] of Object.entries(table(f).structures)) {
          for (const [member, type] of Object.entries(structure.members)) {
            expect(generated.structures[name]?.members[member] ?? type, `${name}.${member}`).toEqual(type);
          }
        }
      });
    },
  );

  describe("against the AWS SDK's schemas", () => {
    it.each(FILES)("$file: members, nesting, kinds and required members agree", (f) => {
      const problems: string[] = [];
      for (const [op, spec] of Object.entries(table(f).operations)) {
        const sdk = sdkOutputSchema(f.sdk, op);
        if (sdk === undefined) {
          problems.push(`${op}: the SDK has no such operation`);
          continue;
        }
        if (spec.output === null) {
          if (sdk.isStructSchema() && [...sdk.structIterator()].length > 0)
            problems.push(`${op}: the SDK has an output`);
          continue;
        }
        problems.push(...compareWithSdk(sdk, spec.output, table(f), op));
        for (const error of spec.errors) {
          const schema = sdkErrorSchema(f.sdk, error);
          if (schema === undefined) problems.push(`${op}: the SDK has no error ${error}`);
          else problems.push(...compareWithSdk(schema, error, table(f), error));
        }
      }
      expect(problems).toEqual([]);
    });
  });
});
