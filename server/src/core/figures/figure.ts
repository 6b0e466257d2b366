import type { TextSpan } from '../model';

/**
 * What a number in a report is. Quantities (count … plain) take part in
 * checks; date, year, time, ordinal and code are numbers that are not
 * quantities and that no check uses.
 */
export type QuantityKind = 'count' | 'money' | 'percent' | 'percentage-point' | 'measure' | 'fraction' | 'multiple' | 'plain';
export type NonQuantityKind = 'date' | 'year' | 'time' | 'ordinal' | 'code';
export type FigureKind = QuantityKind | NonQuantityKind;

export const NON_QUANTITY_KINDS: ReadonlySet<FigureKind> = new Set<FigureKind>(['date', 'year', 'time', 'ordinal', 'code']);

/**
 * A figure that is not stated exactly: "约1.5万" (about), "超过126万亿" (more
 * than), "近百" (nearly), "不足10%" (less than) … Checks must not treat
 * these as exact.
 */
export type Qualifier = 'about' | 'more-than' | 'at-least' | 'less-than' | 'at-most' | 'nearly';

export interface Figure {
  /** The figure as written, unit included: `1.49万名`, `99.4%`, `$33.18`. */
  readonly text: string;
  /**
   * Normalised value: scales resolved (1.49万 → 14900), percent and
   * percentage points in percent units (99.4), money in the currency's base
   * unit (10971亿元 → 1097100000000), measures in the stated unit.
   */
  readonly value: number;
  /** The unit after scale: 个, 元, %, 个百分点, 亩, $, percent, jobs… ('' for a bare number). */
  readonly unit: string;
  readonly kind: FigureKind;
  /** The thing counted, when stated right after the unit: 1686个问题 → 问题, 1,686 issues → issues. */
  readonly noun?: string;
  readonly qualifier?: Qualifier;
  /** Where `text` stands. */
  readonly span: TextSpan;
  /** Only the number (scale included, unit and qualifier excluded): `1.49万` of `1.49万名`. */
  readonly numberSpan: TextSpan;
  /** What the stated precision allows: 99.4% → [99.35, 99.45]; an exact count → [v, v]. */
  readonly interval: readonly [number, number];
  /** True when a + or - sign was written: a change (+39,000), not a level. */
  readonly signed?: boolean;
  /** Part of a range such as 6.5%-7% or 5至8个: which end this figure is. */
  readonly range?: 'start' | 'end';
}

export function isQuantity(figure: Figure): boolean {
  return !NON_QUANTITY_KINDS.has(figure.kind);
}
