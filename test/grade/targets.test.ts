import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/cli/grade/csv-parse.js";
import { profilesTargets, roleArnFor, rosterTargets } from "../../src/cli/grade/targets.js";
import { UsageError } from "../../src/engine/usage-error.js";

const dir = mkdtempSync(join(tmpdir(), "genai-lab-roster-"));
function roster(name: string, text: string) {
  writeFileSync(join(dir, name), text);
  return () => rosterTargets(name, dir);
}
function usage(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as UsageError).text.en;
  }
  throw new Error("expected a UsageError");
}

describe("parseCsv (csv-parse, RFC 4180)", () => {
  it("reads quotes, doubled quotes, embedded commas and line breaks, CRLF, a BOM, and keeps line numbers", () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\n\n"multi\nline",z\n')).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["x, y", 'say "hi"'] },
      { line: 3, fields: [""] },
      { line: 4, fields: ["multi\nline", "z"] },
    ]);
    expect(() => parseCsv('a\n"open')).toThrow(/Quote Not Closed: .* at line 2/);
  });
});

describe("rosters", () => {
  it("CSV: a header, one learner per line, comments and blank lines skipped, columns in any order and case", () => {
    const read = roster(
      "class.csv",
      "# spring class\nName,Account_ID,Role,External ID,region\nAn,111111111111,GenAILabGrader,,\n\n" +
        "Bình,222222222222,arn:aws:iam::222222222222:role/ops/Grader,ext-1,eu-west-1\n,333333333333,/graders/GenAILabGrader,,\n",
    );
    const targets = read();
    expect(targets).toEqual([
      { learner: "An", account: "111111111111", role: "GenAILabGrader", source: "class.csv:3" },
      {
        learner: "Bình",
        account: "222222222222",
        role: "arn:aws:iam::222222222222:role/ops/Grader",
        externalId: "ext-1",
        region: "eu-west-1",
        source: "class.csv:5",
      },
      {
        learner: "333333333333",
        account: "333333333333",
        role: "/graders/GenAILabGrader",
        source: "class.csv:6",
      },
    ]);
    expect(targets.map((t) => roleArnFor(t))).toEqual([
      "arn:aws:iam::111111111111:role/GenAILabGrader",
      "arn:aws:iam::222222222222:role/ops/Grader",
      "arn:aws:iam::333333333333:role/graders/GenAILabGrader",
    ]);
    expect(roleArnFor(targets[0]!, "aws-cn")).toBe("arn:aws-cn:iam::111111111111:role/GenAILabGrader");
  });

  it("JSON: an array, or an object whose top-level role/externalId apply to every entry with an account", () => {
    const read = roster(
      "class.json",
      JSON.stringify({
        role: "GenAILabGrader",
        externalId: "course-7",
        accounts: ["111111111111", { account: "222222222222", name: "Bình", role: "Other" }, { profile: "chi" }],
      }),
    );
    expect(read()).toEqual([
      {
        learner: "111111111111",
        account: "111111111111",
        role: "GenAILabGrader",
        externalId: "course-7",
        source: "class.json accounts[0]",
      },
      {
        learner: "Bình",
        account: "222222222222",
        role: "Other",
        externalId: "course-7",
        source: "class.json accounts[1]",
      },
      { learner: "chi", profile: "chi", source: "class.json accounts[2]" },
    ]);
    expect(roster("list.json", '["111111111111"]')).toThrow(/has no role to assume/);
    expect(roster("list2.json", '[{"account": "111111111111", "role": "R", "name": "An"}]')()).toEqual([
      { learner: "An", account: "111111111111", role: "R", source: "list2.json accounts[0]" },
    ]);
  });

  it("names the file, the line and the fix for every mistake", () => {
    expect(usage(roster("a.csv", "account,role\n12345,GenAILabGrader\n"))).toBe(
      'a.csv:2: "12345" is not an account id (12 digits).',
    );
    expect(usage(roster("b.csv", "account\n111111111111\n"))).toMatch(
      /^b\.csv:2: has no role to assume in 111111111111 \(a role column, e\.g\. GenAILabGrader\)\.$/,
    );
    expect(usage(roster("c.csv", "id,role\n111111111111,R\n"))).toMatch(
      /^c\.csv:1: the first line must be a header with an account column/,
    );
    expect(usage(roster("d.csv", "account,role\n111111111111,arn:aws:iam::999999999999:role/R\n"))).toBe(
      "d.csv:2: role arn:aws:iam::999999999999:role/R is in account 999999999999, not 111111111111.",
    );
    expect(usage(roster("e.csv", "account,role\n111111111111,R\n111111111111,R\n"))).toBe(
      "e.csv:3: repeats e.csv:2 (111111111111).",
    );
    expect(usage(roster("f.csv", "account,role\n111111111111,bad role!\n"))).toMatch(/is not an IAM role name or ARN/);
    expect(usage(roster("g.json", "{ nope"))).toMatch(/^g\.json: broken JSON: /);
    expect(usage(roster("h.json", '{"accounts": 3}'))).toMatch(/^h\.json: expected an array of accounts/);
    expect(usage(roster("i.csv", "account,role\n"))).toBe("i.csv: has no rows (at least one account is needed).");
    expect(usage(() => rosterTargets("missing.csv", dir))).toBe(
      "--accounts missing.csv: cannot read the file (ENOENT).",
    );
    expect(usage(roster("j.csv", "account,role,region\n111111111111,R,mars\n"))).toBe(
      'j.csv:2: "mars" is not an AWS Region name.',
    );
  });

  it("--profiles: one learner per profile, no duplicates", () => {
    expect(profilesTargets("an, binh ,chi")).toEqual([
      { learner: "an", profile: "an", source: "--profiles" },
      { learner: "binh", profile: "binh", source: "--profiles" },
      { learner: "chi", profile: "chi", source: "--profiles" },
    ]);
    expect(usage(() => profilesTargets(" , "))).toMatch(/^--profiles: needs at least one profile name/);
    expect(usage(() => profilesTargets("an,an"))).toBe("--profiles: repeats --profiles (an).");
  });
});
