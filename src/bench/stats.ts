/**
 * Summary statistics for latency samples. Percentiles use the nearest-rank method: the reported p99 is a
 * sample that was actually observed, never an interpolation between two — with 20 samples, p99 is the max.
 */

/** Nearest-rank percentile of `samples` (0 < p ≤ 100). NaN for no samples. Does not mutate its input. */
export function percentile(samples: readonly number[], p: number): number {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  if (samples.length === 0) return Number.NaN;
  const sorted = samples.slice().sort((x, y) => x - y);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

/** Median as the nearest-rank 50th percentile (an observed sample). */
export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

export function mean(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  let sum = 0;
  for (const s of samples) sum += s;
  return sum / samples.length;
}

export interface LatencySummary {
  /** How many samples every figure below is based on. */
  readonly n: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

/** Summarises latency samples (milliseconds). */
export function summarize(samples: readonly number[]): LatencySummary {
  return {
    n: samples.length,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    max: samples.length === 0 ? Number.NaN : samples.reduce((m, s) => (s > m ? s : m), -Infinity),
    mean: mean(samples),
  };
}

/** Share of `hits` among `total`, NaN when there is nothing to count. */
export function ratio(hits: number, total: number): number {
  return total === 0 ? Number.NaN : hits / total;
}
