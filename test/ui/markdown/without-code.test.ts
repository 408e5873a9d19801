import { describe, expect, it } from "vitest";
import { withoutCode } from "../../../src/ui/markdown/without-code.js";

describe("a step page without its code (exam mode)", () => {
  it("replaces each code block with a note and keeps every line of prose", () => {
    const page = [
      "Create the group:",
      "",
      "```bash",
      "aws logs create-log-group --log-group-name /aws/bedrock/model-invocations",
      "```",
      "",
      "Then check it is **there**.",
      "",
      "    indented code too",
      "",
    ].join("\n");
    const shown = withoutCode(page, "(exam mode: code hidden)");
    expect(shown).not.toContain("aws logs");
    expect(shown).not.toContain("indented code");
    expect(shown).toContain("Create the group:");
    expect(shown).toContain("Then check it is **there**.");
    expect(shown.match(/_\(exam mode: code hidden\)_/g)).toHaveLength(2);
  });
});
