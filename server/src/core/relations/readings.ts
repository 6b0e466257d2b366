import type { Figure } from '../figures/figure';
import type { TextSpan } from '../model';
import type { AnalysisContext } from './context';
import { findImpossiblePercentages } from './impossiblePercentages';
import { findMultiples } from './multiples';
import type { RateFinding } from './rates';
import { findSizeWords } from './sizeWords';
import type { ChangeRelation, ImpossiblePercentageRelation, MultipleRelation, SizeWordRelation, UnverifiableRelation } from './types';

/** How the words of a clause read its figures: size words, multiples in 倍, percentages of a count. */
export type ReadingRelation = SizeWordRelation | MultipleRelation | ImpossiblePercentageRelation;

/**
 * The reading checks of one paragraph. A stated increase by N倍 that the values show to be the
 * ×N reading is a multiple-mismatch, not a change-mismatch: it leaves the changes (the rest are returned).
 */
export function findReadings(context: AnalysisContext, changes: readonly ChangeRelation[], rates: readonly RateFinding[], unverifiable: UnverifiableRelation[]): { readings: ReadingRelation[]; changes: readonly ChangeRelation[] } {
  const multiples = findMultiples(context, changes);
  // A pending rate may still find no denominator: only a rate with both operands is checked exactly instead.
  const rated = new Set<Figure>(rates.flatMap((r) => (r.type === 'rate' ? [r.rate] : [])));
  return { readings: [...findSizeWords(context, unverifiable), ...multiples.multiples, ...findImpossiblePercentages(context, rated)], changes: multiples.changes };
}

/** A reading found in an earlier version, with its figures and spans where they stand now. */
export function moveReading(r: ReadingRelation, current: (figure: Figure) => Figure, move: (span: TextSpan) => TextSpan): ReadingRelation {
  switch (r.type) {
    case 'size-word':
      return { ...r, span: move(r.span), figure: current(r.figure), ...(r.before ? { before: current(r.before) } : {}) };
    case 'multiple':
      return { ...r, stated: current(r.stated), before: r.before && current(r.before), after: r.after && current(r.after) };
    case 'impossible-percentage':
      return { ...r, rate: current(r.rate), count: current(r.count) };
  }
}

/** The figures a reading links (the stated one last, as hover lists them). */
export function readingFigures(r: ReadingRelation): readonly Figure[] {
  switch (r.type) {
    case 'size-word':
      return r.before ? [r.before, r.figure] : [r.figure];
    case 'multiple':
      return [...(r.before ? [r.before] : []), ...(r.after ? [r.after] : []), r.stated];
    case 'impossible-percentage':
      return [r.count, r.rate];
  }
}
