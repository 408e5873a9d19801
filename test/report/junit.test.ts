import { describe, expect, it } from "vitest";
import { renderJunit } from "../../src/report/junit.js";
import { seal } from "../../src/report/integrity.js";
import { schemaErrors } from "./junit-schema.js";
import { ERROR, FAIL, gradebook, PARTIAL, PASS, report } from "./sample.js";

describe("JUnit report against the Ant/Jenkins JUnit.xsd (windyroad)", () => {
  it("the validator is strict: attributes on <testsuites> and a missing <system-out> are refused", async () => {
    const bad = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="genai-lab" tests="1"><testsuite name="a" package="a" id="0" tests="1" failures="0" errors="0" time="0" timestamp="2026-03-01T10:00:00" hostname="h"><properties/><testcase name="t" classname="c" time="0"/><system-err/></testsuite></testsuites>`;
    const errors = await schemaErrors(bad);
    expect(errors.join("\n")).toMatch(/attribute 'name': The attribute 'name' is not allowed/);
    expect(errors.join("\n")).toMatch(/system-out/);
  });

  it("accepts a report where every item passes", async () => {
    expect(await schemaErrors(renderJunit(seal(report([PASS, PASS, PASS, PASS]))))).toEqual([]);
  });

  it("accepts failures, partial credit and errors, and says expected vs actual + hint", async () => {
    const xml = renderJunit(seal(report([PASS, FAIL, PARTIAL, ERROR], { learner: "Nguyễn Văn An" })));
    expect(await schemaErrors(xml)).toEqual([]);
    expect(xml).toContain(
      `<failure message="expected: ≥ 5 records · actual: 2 of 5 found · hint: Run step 2 &lt;again&gt; &amp; &quot;check&quot;" type="ChecklistItemFailed">`,
    );
    expect(xml).toContain(
      `message="expected: dashboard with data · actual: dashboard without data · partial credit 0.5/1 · hint: Wait for metrics"`,
    );
    expect(xml).toMatch(
      /<error message="Not allowed — User: arn:aws:sts::111122223333:assumed-role\/GenAILabGrader\/x is not authorized to perform: logs:StartQuery" type="AccessDeniedException">/,
    );
    expect(xml).toContain("aws: CloudWatchLogs FilterLogEvents 200 0a1b2c3d-0000-4000-8000-000000000001");
    expect(xml).toMatch(
      /<testsuite name="Nguyễn Văn An" package="monitoring-genai" id="0" tests="4" failures="2" errors="1" skipped="0" time="4\.500" timestamp="2026-03-01T10:00:00" hostname="localhost">/,
    );
    expect(xml).toMatch(/<property name="score" value="1\.5\/4"\/>/);
    expect(xml).toMatch(/<property name="sha256" value="[0-9a-f]{64}"\/>/);
    expect(xml.match(/<testcase /g)).toHaveLength(4);
  });

  it("stays valid with control characters, lone surrogates, quotes and line breaks in the text", async () => {
    const nasty = {
      status: "fail" as const,
      evidence: { expected: "a\u0001b\u001Fc", actual: 'line 1\nline 2\t"quoted" \uD800 \u{1F600}' },
      hint: { vi: "x", en: "]]> <!-- -->" },
    };
    const xml = renderJunit(report([nasty, PASS, PASS, PASS]));
    expect(await schemaErrors(xml)).toEqual([]);
    expect(xml).toContain("actual: line 1&#10;line 2&#9;&quot;quoted&quot;  \u{1F600}");
  });

  it("accepts a class: one testsuite per learner, ids from 0", async () => {
    const book = seal(
      gradebook([
        report([PASS, PASS, PASS, PASS], { learner: "an" }),
        report([PASS, FAIL, FAIL, FAIL], { learner: "binh" }),
        report([ERROR, ERROR, ERROR, ERROR], { learner: "chi" }),
      ]),
    );
    const xml = renderJunit(book);
    expect(await schemaErrors(xml)).toEqual([]);
    expect(
      [...xml.matchAll(/<testsuite name="(\w+)" package="monitoring-genai" id="(\d)"/g)].map((m) => `${m[1]}:${m[2]}`),
    ).toEqual(["an:0", "binh:1", "chi:2"]);
    expect(xml).toContain(`classname="monitoring-genai.binh"`);
  });
});
