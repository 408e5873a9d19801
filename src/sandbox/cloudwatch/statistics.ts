/**
 * CloudWatch statistics over one period's data, computed exactly from the stored values.
 *
 * Definitions (written down because AWS documents them only loosely):
 * - Sum, SampleCount, Minimum, Maximum, Average (= Sum / SampleCount) combine every datum, including statistic sets.
 * - pNN (nearest rank over the count-weighted values): the smallest value v such that at least NN% of the samples
 *   are ≤ v; p0 is the minimum, p100 the maximum. `pNN.N` works the same.
 * - TM(a%:b%) (trimmed mean): the count-weighted mean of the samples whose rank position lies in (a%·N, b%·N];
 *   `tmNN` = TM(0%:NN%), IQM = TM(25%:75%).
 * - Percentile-type statistics need raw values: as in AWS they are unavailable for a period that holds a statistic
 *   set with Minimum ≠ Maximum (a set with Minimum = Maximum counts as SampleCount samples of that value) or any
 *   negative value. Unavailable periods yield no datapoint.
 */

export type BasicStat = "Sum" | "Average" | "Minimum" | "Maximum" | "SampleCount";
export type Stat =
  { type: "basic"; name: BasicStat } | { type: "percentile"; p: number } | { type: "trimmed"; lo: number; hi: number };

const BASIC: readonly BasicStat[] = ["Sum", "Average", "Minimum", "Maximum", "SampleCount"];
const NUMBER = "(\\d{1,3}(?:\\.\\d{1,10})?)";

function percent(text: string | undefined, fallback: number): number | undefined {
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  return value >= 0 && value <= 100 ? value : undefined;
}

/** Parses a Stat / ExtendedStatistic string; undefined when CloudWatch would refuse it. */
export function parseStat(text: string): Stat | undefined {
  if ((BASIC as readonly string[]).includes(text)) return { type: "basic", name: text as BasicStat };
  if (text === "IQM") return { type: "trimmed", lo: 25, hi: 75 };
  const p = new RegExp(`^[pP]${NUMBER}$`).exec(text);
  if (p !== null) {
    const value = percent(p[1], -1);
    return value === undefined ? undefined : { type: "percentile", p: value };
  }
  const tm = new RegExp(`^(?:tm|TM)${NUMBER}$`).exec(text);
  if (tm !== null) {
    const hi = percent(tm[1], -1);
    return hi === undefined ? undefined : { type: "trimmed", lo: 0, hi };
  }
  const range = new RegExp(`^(?:tm|TM)\\((?:${NUMBER}%)?:(?:${NUMBER}%)?\\)$`).exec(text);
  if (range !== null) {
    const lo = percent(range[1], 0);
    const hi = percent(range[2], 100);
    return lo === undefined || hi === undefined || lo >= hi ? undefined : { type: "trimmed", lo, hi };
  }
  return undefined;
}

export interface Aggregate {
  sampleCount: number;
  sum: number;
  min: number;
  max: number;
}

export function basicValue(name: BasicStat, aggregate: Aggregate): number {
  switch (name) {
    case "Sum":
      return aggregate.sum;
    case "Average":
      return aggregate.sampleCount === 0 ? 0 : aggregate.sum / aggregate.sampleCount;
    case "Minimum":
      return aggregate.min;
    case "Maximum":
      return aggregate.max;
    case "SampleCount":
      return aggregate.sampleCount;
  }
}

/** Count-weighted samples of one period, sorted by value; `undefined` when percentiles are unavailable. */
export type Samples = [value: number, count: number][];

export function sortSamples(samples: Samples): Samples {
  return samples.filter(([, count]) => count > 0).sort((a, b) => a[0] - b[0]);
}

export function percentile(sorted: Samples, p: number): number | undefined {
  const total = sorted.reduce((sum, [, count]) => sum + count, 0);
  if (total <= 0 || sorted.length === 0) return undefined;
  const target = (p / 100) * total;
  let cumulative = 0;
  for (const [value, count] of sorted) {
    cumulative += count;
    if (cumulative >= target) return value;
  }
  return sorted[sorted.length - 1]?.[0];
}

export function trimmedMean(sorted: Samples, lo: number, hi: number): number | undefined {
  const total = sorted.reduce((sum, [, count]) => sum + count, 0);
  const from = (lo / 100) * total;
  const to = (hi / 100) * total;
  let cumulative = 0;
  let weight = 0;
  let weighted = 0;
  for (const [value, count] of sorted) {
    const overlap = Math.min(cumulative + count, to) - Math.max(cumulative, from);
    if (overlap > 0) {
      weight += overlap;
      weighted += value * overlap;
    }
    cumulative += count;
  }
  return weight > 0 ? weighted / weight : undefined;
}

/** The statistic for one period: from the aggregate when it suffices, else from the samples. */
export function statValue(stat: Stat, aggregate: Aggregate, samples: () => Samples | undefined): number | undefined {
  switch (stat.type) {
    case "basic":
      return basicValue(stat.name, aggregate);
    case "percentile": {
      const sorted = samples();
      return sorted === undefined ? undefined : percentile(sorted, stat.p);
    }
    case "trimmed": {
      const sorted = samples();
      return sorted === undefined ? undefined : trimmedMean(sorted, stat.lo, stat.hi);
    }
  }
}
