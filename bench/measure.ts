/** Timing helpers of the benchmark: samples, medians, percentiles, and a seeded random source. */

export interface Stats {
  readonly median: number;
  readonly p95: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
}

/** Median, p95 (nearest rank), min and max of a list of samples (ms). */
export function statsOf(samples: readonly number[]): Stats {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (q: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, p95: rank(0.95), min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: sorted.length };
}

/** Wall time of `runs` calls of `fn` after `warmUps` calls that are not counted, in ms. */
export function sample(runs: number, fn: (run: number) => unknown, warmUps = 1): Stats {
  for (let i = 0; i < warmUps; i++) fn(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn(i);
    samples.push(performance.now() - started);
  }
  return statsOf(samples);
}

/** Median wall time in ms (see `sample`). */
export function time(runs: number, fn: (run: number) => unknown, warmUps = 1): number {
  return sample(runs, fn, warmUps).median;
}

/**
 * Calls `fn` until `ms` have passed: the engine compiles a function's hot paths
 * in tiers, and a short warm-up measures code that is not optimised yet.
 */
export function warmUp(ms: number, fn: () => unknown): void {
  const until = performance.now() + ms;
  do fn();
  while (performance.now() < until);
}

/**
 * A small deterministic generator (xorshift, 32 bits) so that every run edits
 * and hovers at the same places: numbers from two runs are comparable.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  /** A float in [0, 1). */
  next(): number {
    let x = this.state;
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    this.state = x;
    return x / 0x1_0000_0000;
  }

  /** An integer in [low, high). */
  int(low: number, high: number): number {
    return low + Math.floor(this.next() * (high - low));
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length)]!;
  }
}

export const MB = 1_000_000;

export const bytesOf = (text: string): number => Buffer.byteLength(text, 'utf8');
