/** The reply writers serialise by model shape: doubles stay doubles, maps stay maps, members keep model order. */
import { cbor } from "@smithy/core/cbor";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodeCbor } from "../../../src/sandbox/protocol/cbor.js";
import { writeCbor } from "../../../src/sandbox/protocol/cbor-writer.js";
import { encodeJson } from "../../../src/sandbox/protocol/json.js";
import { queryResponse } from "../../../src/sandbox/protocol/query.js";
import { formatDouble, ShapedOutput } from "../../../src/sandbox/protocol/shape.js";
import type { ServiceShapes } from "../../../src/sandbox/protocol/shape.js";
import { readCbor, readJson } from "../conformance/wire-read.js";

// A miniature of CloudWatch's GetMetricStatistics output (botocore data/cloudwatch/2010-08-01/service-2.json).
const SHAPES: ServiceShapes = {
  operations: {
    Get: { output: "Out", errors: [] },
    Delete: { output: "Empty", errors: [] },
    Put: { output: null, errors: [] },
  },
  structures: {
    Out: { members: { Label: "string", Datapoints: { list: "Point" }, Size: "long" } },
    Point: {
      members: { Timestamp: "timestamp", Sum: "double", Unit: "string", ExtendedStatistics: { map: "double" } },
    },
    Empty: { members: {} },
  },
};
const value = {
  Datapoints: [{ ExtendedStatistics: { p90: 2 }, Unit: "Count", Sum: 5, Timestamp: new Date(Date.UTC(2026, 0, 1)) }],
  Label: "m",
  Size: 240,
};
const shaped = new ShapedOutput(value, "Out", SHAPES);

describe("formatDouble", () => {
  it("keeps '.0' on whole numbers and prints the rest as JavaScript does", () => {
    expect([5, 0, -3, 0.1, 19.416666666666668, 1e21, 1.5e-7].map(formatDouble)).toEqual([
      "5.0",
      "0.0",
      "-3.0",
      "0.1",
      "19.416666666666668",
      "1e+21",
      "1.5e-7",
    ]);
  });
});

describe("JSON writer", () => {
  it("writes double members as doubles and integer members as integers, in model order", () => {
    expect(encodeJson(shaped)).toBe(
      '{"Label":"m","Datapoints":[{"Timestamp":1767225600,"Sum":5.0,"Unit":"Count","ExtendedStatistics":{"p90":2.0}}],"Size":240}',
    );
    const wire = readJson(encodeJson(shaped));
    expect(wire.t === "map" && wire.v.get("Size")?.t).toBe("int");
  });

  it("writes NaN and the infinities as Smithy's strings", () => {
    const out = encodeJson(new ShapedOutput({ Datapoints: [{ Sum: Number.NaN }, { Sum: -Infinity }] }, "Out", SHAPES));
    expect(out).toBe('{"Datapoints":[{"Sum":"NaN"},{"Sum":"-Infinity"}]}');
  });

  it("leaves values without a shape as they are", () => {
    expect(encodeJson({ a: 1, b: new Date(1500), c: null })).toBe('{"a":1,"b":1.5,"c":null}');
  });
});

describe("CBOR writer", () => {
  it("writes a whole double as a float64 and a long as an integer", () => {
    const bytes = encodeCbor(shaped);
    const wire = readCbor(bytes);
    if (wire.t !== "map") throw new Error("not a map");
    const point = (wire.v.get("Datapoints") as { t: "list"; v: { t: "map"; v: Map<string, unknown> }[] }).v[0];
    expect(point?.v.get("Sum")).toEqual({ t: "float", v: 5 });
    expect(wire.v.get("Size")).toEqual({ t: "int", v: 240 });
    expect(Buffer.from(bytes).includes(Buffer.from("fb4014000000000000", "hex"))).toBe(true);
    // And the SDK's own decoder reads the same values back.
    expect(cbor.deserialize(bytes)).toMatchObject({ Label: "m", Size: 240, Datapoints: [{ Sum: 5, Unit: "Count" }] });
  });

  it("round-trips any untyped value through the SDK's decoder", () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: "small" },
        fc.string(),
        fc.boolean(),
        fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.array(tie("value"), { maxLength: 4 }),
        fc.dictionary(fc.string(), tie("value"), { maxKeys: 4 }),
      ),
    })).value;
    fc.assert(
      fc.property(json, (v) => {
        expect(cbor.deserialize(writeCbor(v))).toEqual(JSON.parse(JSON.stringify(v)) ?? v);
      }),
    );
  });
});

describe("Query writer", () => {
  it("writes maps as entry/key/value, doubles with '.0', members in model order", () => {
    expect(queryResponse("Get", "urn:x", shaped, "r1")).toContain(
      "<GetResult><Label>m</Label><Datapoints><member><Timestamp>2026-01-01T00:00:00Z</Timestamp><Sum>5.0</Sum><Unit>Count</Unit>" +
        "<ExtendedStatistics><entry><key>p90</key><value>2.0</value></entry></ExtendedStatistics></member></Datapoints><Size>240</Size></GetResult>",
    );
  });

  it("writes an empty <OpResult/> when the model has an output, and none when it has not", () => {
    expect(queryResponse("Delete", "urn:x", new ShapedOutput({}, "Empty", SHAPES), "r1")).toContain(
      '<DeleteResponse xmlns="urn:x"><DeleteResult/><ResponseMetadata>',
    );
    expect(queryResponse("Put", "urn:x", new ShapedOutput({}, null, SHAPES), "r1")).toContain(
      '<PutResponse xmlns="urn:x"><ResponseMetadata>',
    );
  });
});
