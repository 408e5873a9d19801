import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../src/report/canonical.js";
import { checkIntegrity, seal } from "../../src/report/integrity.js";
import { FAIL, gradebook, PASS, report } from "./sample.js";

const KEY = Buffer.from("instructor key for course 2026");
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tampering reaches into arbitrary fields on purpose
type Loose = any;
const reparse = (doc: object) => JSON.parse(JSON.stringify(doc)) as Loose;

describe("canonical JSON (RFC 8785)", () => {
  it("sorts keys by UTF-16 code units and drops whitespace", () => {
    expect(canonicalJson({ b: 1, a: [true, null, "x"], "€": 0, "\u00e9": 2, A: { z: 1, y: -0.5 } })).toBe(
      '{"A":{"y":-0.5,"z":1},"a":[true,null,"x"],"b":1,"é":2,"€":0}',
    );
    // RFC 8785 §3.2.3's own example of UTF-16 ordering: a surrogate pair sorts below U+FB33.
    expect(canonicalJson({ "\uFB33": 1, "\u{1F600}": 2 })).toBe('{"\u{1F600}":2,"\uFB33":1}');
    expect(canonicalJson({ n: 1e21, m: 0.1 + 0.2, s: "\u2028\n" })).toBe(
      '{"m":0.30000000000000004,"n":1e+21,"s":"\u2028\\n"}',
    );
  });

  it("gives the same bytes for any key order, and parses back to the same value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        const shuffled = JSON.parse(
          JSON.stringify(value, (_k, v: unknown) =>
            v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
          ),
        ) as unknown;
        expect(canonicalJson(shuffled)).toBe(text);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
    );
  });

  it("refuses what JSON cannot hold", () => {
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(/NaN/);
    expect(() => canonicalJson({ x: () => 1 })).toThrow(/function/);
  });
});

describe("sealed reports", () => {
  it("a sealed report verifies after a JSON round trip and re-indentation", () => {
    const sealed = seal(report([PASS, FAIL, PASS, PASS]));
    expect(sealed.integrity).toMatchObject({ canonicalization: "RFC8785", algorithm: "SHA-256" });
    expect(sealed.integrity.digest).toMatch(/^[0-9a-f]{64}$/);
    const reindented = JSON.parse(JSON.stringify(sealed, null, 7)) as Record<string, unknown>;
    expect(checkIntegrity(reindented)).toEqual({ ok: true, signature: "absent" });
  });

  it("detects a tampered report: a failed item turned into a pass, a score raised, an item removed", () => {
    const sealed = reparse(seal(report([PASS, FAIL, PASS, PASS])));
    const edits: ((doc: Loose) => void)[] = [
      (d) => (d.items[1].status = "pass"),
      (d) => (d.summary.score = 4),
      (d) => d.items.splice(1, 1),
      (d) => (d.target.account = "999999999999"),
      (d) => (d.items[1].requests[0].requestId = "0a1b2c3d-0000-4000-8000-000000000002"),
    ];
    for (const edit of edits) {
      const copy = structuredClone(sealed);
      edit(copy);
      expect(checkIntegrity(copy)).toEqual({ ok: false, reason: "digest-mismatch" });
    }
    const unsealed = structuredClone(sealed);
    delete unsealed.integrity;
    expect(checkIntegrity(unsealed)).toEqual({ ok: false, reason: "no-integrity" });
  });

  it("a bare digest does not stop a forger who recomputes it; the instructor's HMAC does", () => {
    const signed = reparse(seal(report([PASS, FAIL, PASS, PASS]), KEY));
    expect(checkIntegrity(signed, KEY)).toEqual({ ok: true, signature: "verified" });
    expect(checkIntegrity(signed)).toEqual({ ok: true, signature: "unchecked" });

    const forged = structuredClone(signed) as Loose;
    forged.items[1].status = "pass";
    const resealed = reparse(seal(forged)); // a new, correct digest — but no key
    expect(checkIntegrity(resealed)).toEqual({ ok: true, signature: "absent" });
    expect(checkIntegrity(resealed, KEY)).toEqual({ ok: false, reason: "unsigned" });
    forged.integrity = { ...resealed.integrity, signature: signed.integrity.signature };
    expect(checkIntegrity(forged, KEY)).toEqual({ ok: false, reason: "signature-mismatch" });
    expect(checkIntegrity(reparse(seal(forged, Buffer.from("another key"))), KEY)).toEqual({
      ok: false,
      reason: "wrong-key",
    });
  });

  it("seals a class: the gradebook and each learner's report verify on their own", () => {
    const book = reparse(
      seal(
        gradebook([
          seal(report([PASS, PASS, PASS, PASS], { learner: "an" })),
          seal(report([FAIL, FAIL, FAIL, FAIL], { learner: "binh" })),
        ]),
      ),
    );
    expect(checkIntegrity(book)).toEqual({ ok: true, signature: "absent" });
    for (const target of book.targets as Record<string, unknown>[]) expect(checkIntegrity(target).ok).toBe(true);
  });
});
