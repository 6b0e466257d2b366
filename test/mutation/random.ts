/**
 * Seeded randomness and number helpers for the mutation suite. Everything here is
 * deterministic for a given seed, so a run can be reproduced exactly.
 */

/** mulberry32: a tiny 32-bit generator, good enough to vary test data; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** An integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  /** A number in [lo, hi) spread evenly on a log scale, so small and large magnitudes both occur. */
  logUniform(lo: number, hi: number): number {
    return Math.exp(Math.log(lo) + this.next() * (Math.log(hi) - Math.log(lo)));
  }
  uniform(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  sign(): 1 | -1 {
    return this.next() < 0.5 ? -1 : 1;
  }
  /** `count` distinct items in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]!);
    return out;
  }
}

/** A closed interval [lo, hi]. */
export type Interval = readonly [number, number];

/** Half a unit of the last written digit. */
export function halfUnit(decimals: number): number {
  return 0.5 * 10 ** -decimals;
}

/**
 * The interval a written number stands for. Integers get ±0.5 too: more lenient than the
 * checker (which takes counts as exact), so a planted inconsistency is one under either reading.
 */
export function written(value: number, decimals: number): Interval {
  const h = halfUnit(decimals);
  return [value - h, value + h];
}

/** True when the intervals are apart by more than `gap`. */
export function apart(a: Interval, b: Interval, gap: number): boolean {
  return a[1] + gap < b[0] || b[1] + gap < a[0];
}

export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** Chinese report style: no grouping, fixed decimals (`1686`, `58.2`). */
export function zh(value: number, decimals = 0): string {
  return value.toFixed(decimals);
}

/** English report style: thousands grouped (`2,196`, `1,234.5`). */
export function en(value: number, decimals = 0): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 23 → 二十三 (enough for heading numbers and counts). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`no Chinese numeral for ${n} here`);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

export function englishNumeral(n: number): string {
  const word = WORDS[n];
  if (word === undefined) throw new RangeError(`no English numeral for ${n} here`);
  return word;
}

/**
 * A stated value that is wrong on purpose: `truth` (whose interval is `truthInterval`) moved by
 * at least two units of the last digit, and far enough that the stated interval stays more than a
 * unit away from the true one. Near misses (just past that distance) are as likely as larger slips.
 * Undefined when no such value fits in `bounds`.
 */
export function tryWrongValue(rng: Rng, truthInterval: Interval, truth: number, decimals: number, bounds: Interval = [-Infinity, Infinity]): number | undefined {
  const unit = 10 ** -decimals;
  const base = roundTo(truth, decimals);
  // The fewest units that clear the true interval by more than a unit, whichever way we move.
  const spread = Math.max(base - truthInterval[0], truthInterval[1] - base);
  const least = Math.max(2, Math.ceil(spread / unit + 1.5));
  for (let attempt = 0; attempt < 100; attempt++) {
    const units = least + (rng.chance(0.55) ? rng.int(0, 3) : rng.int(4, 38));
    const candidate = roundTo(base + rng.sign() * units * unit, decimals);
    if (candidate < bounds[0] || candidate > bounds[1]) continue;
    if (apart(written(candidate, decimals), truthInterval, unit)) return candidate;
  }
  return undefined;
}

export function wrongValue(rng: Rng, truthInterval: Interval, truth: number, decimals: number, bounds: Interval = [-Infinity, Infinity]): number {
  const value = tryWrongValue(rng, truthInterval, truth, decimals, bounds);
  if (value === undefined) throw new Error(`no wrong value found near ${truth}`);
  return value;
}
