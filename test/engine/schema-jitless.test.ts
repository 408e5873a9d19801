import { describe, expect, it } from "vitest";
import { z } from "zod";
import { labSchema } from "../../src/engine/schema.js";
import { lab } from "../../steps/lab.js";

describe("lab validation at start-up", () => {
  it("runs zod without its JIT (one-shot parses are cheaper interpreted) and still validates the built-in lab", () => {
    expect(z.config().jitless).toBe(true);
    expect(labSchema.safeParse(lab).success).toBe(true);
    expect(labSchema.safeParse({ ...lab, title: { vi: "", en: "x" } }).success).toBe(false);
  });
});
