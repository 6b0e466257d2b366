import type { ReportDocument } from '../model';
import { findChanges } from './changes';
import { findConflicts } from './conflicts';
import { buildContext } from './context';
import { findCounts } from './counts';
import { findHeadingSequences } from './headingSequence';
import { findPartsAndSums } from './partsAndSums';
import { findRates } from './rates';
import type { ChangeRelation, ConflictRelation, CountRelation, HeadingSequenceRelation, PartRelation, RateRelation, Relation, SumRelation } from './types';

export interface Relations {
  readonly rates: readonly RateRelation[];
  readonly parts: readonly PartRelation[];
  readonly sums: readonly SumRelation[];
  readonly changes: readonly ChangeRelation[];
  readonly counts: readonly CountRelation[];
  readonly conflicts: readonly ConflictRelation[];
  readonly headings: readonly HeadingSequenceRelation[];
  readonly all: readonly Relation[];
}

/** Relations are computed once per model: diagnostics, hover and inlay hints share them. */
const cache = new WeakMap<ReportDocument, Relations>();

export function relationsOf(doc: ReportDocument): Relations {
  let relations = cache.get(doc);
  if (!relations) {
    relations = analyze(doc);
    cache.set(doc, relations);
  }
  return relations;
}

function analyze(doc: ReportDocument): Relations {
  const context = buildContext(doc);
  const rates = findRates(context);
  const { parts, sums } = findPartsAndSums(context);
  const changes = findChanges(context);
  const counts = findCounts(context);
  const conflicts = findConflicts(context);
  const headings = findHeadingSequences(doc);
  return { rates, parts, sums, changes, counts, conflicts, headings, all: [...rates, ...parts, ...sums, ...changes, ...counts, ...conflicts, ...headings] };
}
