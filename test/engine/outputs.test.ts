import { describe, expect, it } from "vitest";
import { cellText } from "../../src/engine/outputs.js";

describe("cellText", () => {
  it("shows values as they are, bilingual cells in the current language, and a dash for nothing", () => {
    expect(cellText(42, "vi")).toBe("42");
    expect(cellText("/aws/bedrock/model-invocations", "en")).toBe("/aws/bedrock/model-invocations");
    expect(cellText({ vi: "xoá", en: "delete" }, "vi")).toBe("xoá");
    expect(cellText({ vi: "xoá", en: "delete" }, "en")).toBe("delete");
    expect(cellText(null, "en")).toBe("—");
    expect(cellText(undefined, "vi")).toBe("—");
  });
});
