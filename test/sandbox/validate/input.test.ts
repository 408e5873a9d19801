/** InputReader's length rules count code points (as AWS does), whether or not the quick bounds decide them. */
import { describe, expect, it } from "vitest";
import { InputReader } from "../../../src/sandbox/validate/input.js";

const check = (value: string, rules: { min?: number; max?: number }): string | undefined => {
  const r = new InputReader({ v: value }, { code: "InvalidParameterException", wire: "json" });
  r.string("v", rules);
  try {
    r.done();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
};

describe("string length rules", () => {
  const smile = "\u{1F600}"; // two UTF-16 units, one code point

  it("counts a surrogate pair as one code point at both bounds", () => {
    expect(check(smile.repeat(3), { max: 3 })).toBeUndefined();
    expect(check(smile.repeat(4), { max: 3 })).toContain("length less than or equal to 3");
    expect(check(smile, { min: 2 })).toContain("length greater than or equal to 2");
    expect(check(smile.repeat(2), { min: 2 })).toBeUndefined();
  });

  it("counts a lone surrogate as one, and plain strings by their length", () => {
    expect(check("\ud800", { min: 1, max: 1 })).toBeUndefined();
    expect(check("\ud800a", { max: 1 })).toContain("less than or equal to 1");
    expect(check("", { min: 1 })).toContain("greater than or equal to 1");
    expect(check("x".repeat(512), { min: 1, max: 512 })).toBeUndefined();
    expect(check("x".repeat(513), { min: 1, max: 512 })).toContain("less than or equal to 512");
  });
});
