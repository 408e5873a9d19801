/** bytesScanned of rows scanned without a range test: held as runs of rows, counted once, exactly. */
import { describe, expect, it } from "vitest";
import { LogStore } from "../../../src/sandbox/insights/data/store.js";
import { CoveredBytes } from "../../../src/sandbox/insights/exec/covered-bytes.js";
import type { LogGroupRef } from "../../../src/sandbox/insights/source.js";

function storeOf(id: number, messages: string[]): LogStore {
  const ref: LogGroupRef = {
    id,
    name: `/g${id}`,
    accountId: "123456789012",
    region: "us-east-1",
    arn: `arn:aws:logs:us-east-1:123456789012:log-group:/g${id}`,
    createdAt: 0,
  };
  const store = new LogStore(ref);
  store.feed(messages.map((message, i) => ({ id: i + 1, logStream: "s", timestamp: i, ingestionTime: i, message })));
  return store;
}

// Lengths that differ row by row (and multi-byte text), so a wrong range gives a wrong sum.
const messages = Array.from({ length: 40 }, (_, i) => `${"x".repeat(i * 7 + 1)} Tiếng Việt ${i}`);
const bytesOf = (from: number, to: number): number =>
  messages.slice(from, to).reduce((sum, m) => sum + Buffer.byteLength(m, "utf8"), 0);

describe("CoveredBytes", () => {
  it("contiguous slices of every row add up to the store's total", () => {
    const S = storeOf(1, messages);
    const covered = new CoveredBytes();
    covered.add(S, 0, 3);
    expect(covered.total()).toBe(bytesOf(0, 3));
    covered.add(S, 3, 29);
    expect(covered.total()).toBe(bytesOf(0, 29));
    covered.add(S, 29, 40);
    expect(covered.total()).toBe(bytesOf(0, 40));
    expect(covered.total()).toBe(S.totalBytes);
  });

  it("a run of most rows, a short one, gaps and a second store are each counted exactly", () => {
    const S = storeOf(1, messages);
    const T = storeOf(2, messages.slice(0, 10));
    const covered = new CoveredBytes();
    covered.add(S, 2, 37); // most of the store: counted from the rows outside it
    covered.add(S, 38, 40); // not contiguous: the first run ends
    covered.add(T, 0, 4);
    covered.add(T, 4, 6);
    expect(covered.total()).toBe(bytesOf(2, 37) + bytesOf(38, 40) + bytesOf(0, 6));
  });

  it("counts nothing before any row is added", () => {
    expect(new CoveredBytes().total()).toBe(0);
  });
});
