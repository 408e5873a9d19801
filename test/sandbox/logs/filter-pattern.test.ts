import { describe, expect, it } from "vitest";
import { compileFilterPattern } from "../../../src/sandbox/logs/filter-pattern.js";

const m = (pattern: string, message: string): boolean => compileFilterPattern(pattern)(message);

describe("filter patterns", () => {
  it("treats an empty pattern as match-all", () => {
    expect(m("", "anything")).toBe(true);
    expect(compileFilterPattern(undefined)("x")).toBe(true);
  });

  it("requires every term, case-sensitively", () => {
    expect(m("ERROR bedrock", "ERROR calling bedrock")).toBe(true);
    expect(m("ERROR bedrock", "ERROR calling s3")).toBe(false);
    expect(m("error", "ERROR")).toBe(false);
  });

  it("handles quoted phrases with escapes, exclusions and optional terms", () => {
    expect(m('"a b"', "x a b y")).toBe(true);
    expect(m('"a b"', "a x b")).toBe(false);
    expect(m('"say \\"hi\\""', 'they say "hi"')).toBe(true);
    expect(m("ERROR -health", "ERROR health")).toBe(false);
    expect(m("?WARN ?ERROR", "INFO")).toBe(false);
    expect(m("?WARN ?ERROR", "a WARN")).toBe(true);
    expect(m("app ?WARN ?ERROR", "app ERROR")).toBe(true);
    expect(m("app ?WARN ?ERROR", "db ERROR")).toBe(false);
  });

  it("evaluates JSON selectors, comparisons, wildcards and boolean logic", () => {
    const doc = JSON.stringify({ a: { b: "hello-world", n: 5, t: true, z: null }, arr: [{ x: 1 }, { x: 2 }] });
    expect(m('{ $.a.b = "hello-world" }', doc)).toBe(true);
    expect(m("{ $.a.b = hello* }", doc)).toBe(true);
    expect(m('{ $.a.b != "hello*" }', doc)).toBe(false);
    expect(m("{ $.a.n >= 5 && $.a.n < 6 }", doc)).toBe(true);
    expect(m("{ $.a.n > 5 || $.arr[1].x = 2 }", doc)).toBe(true);
    expect(m("{ ($.a.n > 5 || $.a.n = 4) && $.a.t IS TRUE }", doc)).toBe(false);
    expect(m("{ $.a.z IS NULL }", doc)).toBe(true);
    expect(m("{ $.a.q NOT EXISTS }", doc)).toBe(true);
    expect(m("{ $.a.n = 5 }", "not json")).toBe(false);
    expect(m("{ $.a.missing != 3 }", doc)).toBe(false);
  });

  it("rejects malformed or unsupported patterns with InvalidParameterException", () => {
    for (const bad of ["{ $.a = }", "{ $.a = 1", "{ a = 1 }", '{ $.a < "x" }', '"open', "[a, b]", "{ $. = 1 }"]) {
      expect(() => compileFilterPattern(bad), bad).toThrow(
        expect.objectContaining({ code: "InvalidParameterException" }),
      );
    }
  });
});
