/**
 * `parse <discovered field> … | stats … by <parsed name>`: the scan finds each event's group by the source
 * field's dictionary code. Checked against a reference computation over random events: several source values
 * giving one group, values the pattern does not match, an empty match, numbers, an absent field, and a filter.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createInsightsEngine } from "../../../src/sandbox/insights/index.js";
import { finish, pairs, type Pair } from "./helpers/cases.js";
import { DAY, DAY_MS } from "./helpers/fixtures.js";
import { MemorySource } from "./helpers/memory-source.js";

/** Source values: two roles share sessions, one value ends the session empty, some do not match at all. */
const ARNS: readonly (string | number | null)[] = [
  "arn:aws:sts::111:assumed-role/learner/alice",
  "arn:aws:sts::111:assumed-role/admin/alice",
  "arn:aws:sts::222:assumed-role/learner/bob",
  "arn:aws:sts::111:assumed-role/learner/",
  "arn:aws:iam::111:user/carol",
  "",
  42,
  null,
];
const ROLE_SESSION = /arn:aws:sts::(.*?):assumed-role\/(.*?)\/(.*)/s;

interface Ev {
  offset: number;
  arn: number;
  tokens: number;
}

const eventArb = fc.record({
  offset: fc.integer({ min: 0, max: 86_399_999 }),
  arn: fc.integer({ min: 0, max: ARNS.length - 1 }),
  tokens: fc.integer({ min: 0, max: 500 }),
});

function message(e: Ev): string {
  const arn = ARNS[e.arn];
  return JSON.stringify(arn === null ? { tokens: e.tokens } : { arn, tokens: e.tokens });
}

/** count(*) and sum(tokens) by session, as a hand-written loop would group them (absent session: no pair). */
function reference(events: readonly Ev[], minTokens: number): Pair[][] {
  const groups = new Map<string | null, { n: number; sum: number }>();
  for (const e of events) {
    if (e.tokens < minTokens) continue;
    const arn = ARNS[e.arn];
    const session = arn === null ? null : (ROLE_SESSION.exec(String(arn))?.[3] ?? null);
    const g = groups.get(session) ?? { n: 0, sum: 0 };
    g.n += 1;
    g.sum += e.tokens;
    groups.set(session, g);
  }
  return [...groups.entries()]
    .sort((a, b) => (a[0] === b[0] ? 0 : a[0] === null ? 1 : b[0] === null ? -1 : a[0] < b[0] ? -1 : 1))
    .map(([session, g]) => [
      ...(session === null ? [] : [["session", session] as Pair]),
      ["n", String(g.n)],
      ["tokens", String(g.sum)],
    ]);
}

async function run(events: readonly Ev[], query: string): Promise<Pair[][]> {
  const s = new MemorySource();
  s.createGroup("/parse-group", DAY_MS);
  s.put(
    "/parse-group",
    events.map((e) => ({ timestamp: DAY_MS + e.offset, message: message(e) })),
  );
  const engine = createInsightsEngine(s, () => DAY_MS + 86_400_000);
  return pairs(await finish(engine, { logGroupName: "/parse-group", queryString: query, ...DAY }));
}

const PARSE = 'parse arn "arn:aws:sts::*:assumed-role/*/*" as acct, role, session';

describe("stats by a field parse made from a discovered field", () => {
  it("groups several source values into one session, and unmatched values into the absent group", async () => {
    const events: Ev[] = ARNS.map((_, arn) => ({ offset: arn * 1000, arn, tokens: arn + 1 }));
    const rows = await run(events, `${PARSE} | stats count(*) as n, sum(tokens) as tokens by session`);
    expect(rows).toEqual([
      [
        ["session", ""],
        ["n", "1"],
        ["tokens", "4"],
      ],
      [
        ["session", "alice"],
        ["n", "2"],
        ["tokens", "3"],
      ],
      [
        ["session", "bob"],
        ["n", "1"],
        ["tokens", "3"],
      ],
      [
        ["n", "4"],
        ["tokens", String(5 + 6 + 7 + 8)],
      ],
    ]);
  });

  it("matches a reference loop over random events, with and without a filter", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(eventArb, { maxLength: 60 }),
        fc.integer({ min: 0, max: 500 }),
        async (events, minTokens) => {
          const all = await run(events, `${PARSE} | stats count(*) as n, sum(tokens) as tokens by session`);
          expect(all).toEqual(reference(events, 0));
          const filtered = await run(
            events,
            `${PARSE} | filter tokens >= ${minTokens} | stats count(*) as n, sum(tokens) as tokens by session`,
          );
          expect(filtered).toEqual(reference(events, minTokens));
        },
      ),
      { numRuns: 40 },
    );
  });

  it("groups by a parsed field that is also filtered on", async () => {
    const events: Ev[] = [0, 1, 2, 1, 0, 4].map((arn, k) => ({ offset: k * 1000, arn, tokens: 10 }));
    const rows = await run(
      events,
      `${PARSE} | filter role = "learner" | stats count(*) as n, sum(tokens) as tokens by session`,
    );
    expect(rows).toEqual([
      [
        ["session", "alice"],
        ["n", "2"],
        ["tokens", "20"],
      ],
      [
        ["session", "bob"],
        ["n", "1"],
        ["tokens", "10"],
      ],
    ]);
  });
});
