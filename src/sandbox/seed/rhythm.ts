/**
 * When seeded calls happen: each app's traffic follows a daily rhythm in its users' local time (UTC+7: the lab's
 * learners and the simulated company are in Vietnam), quieter at weekends, with ten-minute swings on top, and the
 * number of calls in a minute is drawn from a Poisson distribution around that rate.
 *
 *   rhythm     shape (local time)                                           weekend
 *   business   night ~0.05, ramps from 07:00, peaks 10:00 and 15:00, lunch dip  × 0.3
 *   always-on  a floor of 0.45 plus half the business curve                     × 0.7
 *   nightly    only 01:00–02:30 (the eval batch)                               same
 *   office     09:00–12:00 and 13:00–18:00 on weekdays, nothing else            none
 *
 * Each curve is scaled so its mean over a week is 1: `--rate R` is R calls a minute averaged over a week.
 */

export type RhythmName = "business" | "always-on" | "nightly" | "office";

const LOCAL_OFFSET_MS = 7 * 3600_000;
const MINUTE_MS = 60_000;
const WEEK_MINUTES = 7 * 24 * 60;

/** Relative traffic in each local hour of a working day (business apps). */
const BUSINESS_HOURS = [
  0.08, 0.05, 0.04, 0.04, 0.05, 0.1, 0.25, 0.6, 1.1, 1.6, 1.8, 1.7, 1.2, 1.3, 1.7, 1.8, 1.6, 1.2, 0.9, 0.8, 0.7, 0.5,
  0.3, 0.15,
];

function local(ms: number): { hour: number; weekend: boolean } {
  const date = new Date(ms + LOCAL_OFFSET_MS);
  const day = date.getUTCDay();
  return { hour: date.getUTCHours() + date.getUTCMinutes() / 60, weekend: day === 0 || day === 6 };
}

function business(hour: number): number {
  const index = Math.floor(hour);
  const next = (index + 1) % 24;
  const fraction = hour - index;
  return (BUSINESS_HOURS[index] ?? 0) * (1 - fraction) + (BUSINESS_HOURS[next] ?? 0) * fraction;
}

function rawWeight(rhythm: RhythmName, ms: number): number {
  const { hour, weekend } = local(ms);
  switch (rhythm) {
    case "business":
      return business(hour) * (weekend ? 0.3 : 1);
    case "always-on":
      return (0.45 + business(hour) / 2) * (weekend ? 0.7 : 1);
    case "nightly":
      return hour >= 1 && hour < 2.5 ? 1 : 0;
    case "office":
      return !weekend && ((hour >= 9 && hour < 12) || (hour >= 13 && hour < 18)) ? 1 : 0;
  }
}

const MEANS = new Map<RhythmName, number>();

function weeklyMean(rhythm: RhythmName): number {
  let mean = MEANS.get(rhythm);
  if (mean === undefined) {
    let sum = 0;
    const monday = Date.UTC(2026, 0, 5);
    for (let m = 0; m < WEEK_MINUTES; m += 1) sum += rawWeight(rhythm, monday + m * MINUTE_MS);
    mean = sum / WEEK_MINUTES;
    MEANS.set(rhythm, mean);
  }
  return mean;
}

/** Relative traffic at `ms` (mean 1 over a week). */
export function rhythmWeight(rhythm: RhythmName, ms: number): number {
  return rawWeight(rhythm, ms) / weeklyMean(rhythm);
}

/** A ten-minute swing in [0.7, 1.3], the same for the same app and block on every run. */
export function swing(salt: number, ms: number): number {
  let x = (Math.floor(ms / 600_000) ^ Math.imul(salt, 0x9e3779b1)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b) >>> 0;
  return 0.7 + 0.6 * (((x ^ (x >>> 16)) >>> 0) / 4294967296);
}

/** A Poisson draw with mean `lambda` (Knuth below 30, a rounded normal above). */
export function poisson(lambda: number, random: () => number): number {
  if (lambda <= 0) return 0;
  if (lambda < 30) {
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = random();
    while (p > limit) {
      k += 1;
      p *= random();
    }
    return k;
  }
  return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * gaussian(random)));
}

/** A standard normal draw (Box–Muller). */
export function gaussian(random: () => number): number {
  const u = Math.max(random(), Number.EPSILON);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}
