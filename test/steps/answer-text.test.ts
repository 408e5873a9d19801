/** A model's answer in step 2's results table: its Markdown read as text, its lines and words kept. */
import { describe, expect, it } from "vitest";
import { answerText } from "../../steps/lib/answer-text.js";

describe("answerText", () => {
  it("drops bold, code and heading marks, keeps the words and the lines", () => {
    expect(answerText("## Vector search\n**Embedding**: `text-embedding` turns text into vectors.")).toBe(
      "Vector search\nEmbedding: text-embedding turns text into vectors.",
    );
  });

  it("drops the marks an answer cut off at its token limit left unpaired", () => {
    expect(answerText("- Choice of models.\n- **Serverless,")).toBe("- Choice of models.\n- Serverless,");
    expect(answerText("Run `aws logs")).toBe("Run aws logs");
  });

  it("leaves what is not Markdown alone: a # inside a line, a lone *, list dashes", () => {
    expect(answerText("Use #hashtags and 2 * 3\n- one\n- two")).toBe("Use #hashtags and 2 * 3\n- one\n- two");
  });
});
