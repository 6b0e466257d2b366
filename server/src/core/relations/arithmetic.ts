import { roundSignificant } from '../figures/interval';
import type { Figure } from '../figures/figure';
import type { Interval } from './types';
import { formatEnUs } from '../text/numberFormat';

/**
 * Interval arithmetic over stated figures (the statcheck idea): a check
 * flags only when the interval computed from the operands cannot meet the
 * interval of the stated value. Rounding can then never raise an alarm.
 */
export function ratioPercent(numerator: Interval, denominator: Interval): Interval | undefined {
  if (denominator[0] <= 0 || numerator[0] < 0) return undefined;
  return [(numerator[0] / denominator[1]) * 100, (numerator[1] / denominator[0]) * 100];
}

export function sum(intervals: readonly Interval[]): Interval {
  let lo = 0;
  let hi = 0;
  for (const [a, b] of intervals) {
    lo += a;
    hi += b;
  }
  return [roundSignificant(lo), roundSignificant(hi)];
}

export function difference(after: Interval, before: Interval): Interval {
  return [roundSignificant(after[0] - before[1]), roundSignificant(after[1] - before[0])];
}

/** (after / before − 1) × 100 */
export function percentChange(before: Interval, after: Interval): Interval | undefined {
  if (before[0] <= 0 || after[0] < 0) return undefined;
  return [(after[0] / before[1] - 1) * 100, (after[1] / before[0] - 1) * 100];
}

/**
 * Whether two intervals meet. A tiny relative tolerance absorbs binary
 * floating point (0.1 + 0.2): the check is about what was written, not about ULPs.
 */
export function meets(a: Interval, b: Interval): boolean {
  const tolerance = 1e-9 * Math.max(1, Math.abs(a[0]), Math.abs(a[1]), Math.abs(b[0]), Math.abs(b[1]));
  return a[0] <= b[1] + tolerance && b[0] <= a[1] + tolerance;
}

/** part / whole × 100 from stated values, for display; undefined for a whole of zero or less. */
export function sharePercent(part: number, whole: number): number | undefined {
  return whole > 0 ? (part / whole) * 100 : undefined;
}

/** The sum of the stated values of the parts of a sum, each with its sign when the parts are signed. */
export function partsTotal(parts: readonly { readonly value: number }[], signs?: readonly (1 | -1)[]): number {
  return parts.reduce((total, part, k) => total + (signs?.[k] ?? 1) * part.value, 0);
}

/** The parts as a sum is written: 1,150 + 720 + 610, or with signs −32,000 + 15,000. */
export function partsTerms(texts: readonly string[], signs?: readonly (1 | -1)[]): string {
  return texts.map((text, k) => (k === 0 ? (signs?.[k] === -1 ? `−${text}` : text) : `${signs?.[k] === -1 ? '−' : '+'} ${text}`)).join(' ');
}

export function midpoint(interval: Interval): number {
  return (interval[0] + interval[1]) / 2;
}

/** Digits after the decimal point in a figure's number as written (99.4 → 1, 1,686 → 0). */
export function writtenDecimals(numberText: string): number {
  const match = /[.．]([0-9０-９]+)/.exec(numberText);
  return match ? match[1]!.length : 0;
}

/** A value with `decimals` places and digit grouping like the original (1,686 stays grouped). */
export function formatLike(value: number, decimals: number, grouped: boolean): string {
  return formatEnUs(value, { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: grouped });
}

/** Plain display of a computed value: two decimals for percentages, digit grouping for large numbers. */
export function show(value: number, decimals = 2): string {
  const rounded = Math.abs(value) >= 1000 ? Math.round(value) : value;
  return formatEnUs(rounded, { maximumFractionDigits: decimals });
}

/**
 * What a qualified figure allows, for comparisons that only need an order (a part
 * never above its whole). 约/左右/about is never read tighter than a tenth either
 * way; 多/余 and 超过 without a stated step are open above; 近/nearly is at most
 * the figure; 不到/不超过 at most it.
 */
export function bounds(figure: Figure): Interval {
  const [low, high] = figure.interval;
  switch (figure.qualifier) {
    case undefined:
      return figure.interval;
    case 'about':
      return [roundSignificant(low * 0.9), roundSignificant(high * 1.1)];
    case 'more-than':
    case 'at-least':
      return [low, high > low ? high : Infinity];
    case 'nearly':
      return [high > low ? low : roundSignificant(high * 0.9), high];
    case 'less-than':
    case 'at-most':
      return [0, high];
  }
}
