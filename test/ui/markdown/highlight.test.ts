import { describe, expect, it } from "vitest";
import { highlight, languageOf } from "../../../src/ui/markdown/highlight.js";

const tokensOf = (code: string, language: Parameters<typeof highlight>[1]) =>
  highlight(code, language)[0]!
    .filter((s) => s.token)
    .map((s) => `${s.token}:${s.text}`);

describe("highlight", () => {
  it("colours bash, python, json and Logs Insights", () => {
    expect(tokensOf(`aws logs start-query --log-group-name "/aws/x" # run it`, "bash")).toEqual([
      "code.keyword:--log-group-name",
      'code.string:"/aws/x"',
      "code.comment:# run it",
    ]);
    expect(tokensOf(`for prompt in prompts: print("hi", 3)`, "python")).toEqual(
      expect.arrayContaining(["code.keyword:for", "code.keyword:in", 'code.string:"hi"', "code.number:3"]),
    );
    expect(tokensOf(`{"stat": "Sum", "period": 300, "ok": true}`, "json")).toEqual(
      expect.arrayContaining(['code.keyword:"stat"', 'code.string:"Sum"', "code.number:300", "code.number:true"]),
    );
    expect(tokensOf(`stats count(*) as n by bin(1h) | sort @timestamp desc`, "sql")).toEqual(
      expect.arrayContaining([
        "code.keyword:stats",
        "code.keyword:count",
        "code.keyword:by",
        "code.number:@timestamp",
        "code.keyword:desc",
      ]),
    );
  });

  it("keeps the text intact and knows the fence names", () => {
    const code = `fields @timestamp\n| limit 20`;
    expect(highlight(code, "sql").map((line) => line.map((s) => s.text).join(""))).toEqual(code.split("\n"));
    expect(highlight("plain", "text")).toEqual([[{ text: "plain" }]]);
    expect(["sh", "py", "jsonc", "logs-insights", "", undefined].map(languageOf)).toEqual([
      "bash",
      "python",
      "json",
      "sql",
      "text",
      "text",
    ]);
  });
});
