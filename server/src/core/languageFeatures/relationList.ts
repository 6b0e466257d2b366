import { sumText } from './figureText';
import type { Range } from 'vscode-languageserver-types';
import type { Clause } from '../clauses/types';
import {
  QUALIFIER_ANNUAL_AVERAGE,
  QUALIFIER_APPROXIMATE,
  QUALIFIER_CUMULATIVE,
  QUALIFIER_NOMINAL,
  QUALIFIER_OTHER_WHOLE,
  QUALIFIER_PLAN,
  QUALIFIER_REAL,
} from '../clauses/types';
import type { Figure } from '../figures/figure';
import { messages, type Locale } from '../l10n/messages';
import type { ReportDocument, TextSpan } from '../model';
import { clausesAt, relationsOf } from '../relations/analyze';
import { midpoint, partsTerms, partsTotal, show } from '../relations/arithmetic';
import type { Interval, Relation, UnverifiableRelation } from '../relations/types';
import type { CheckCode } from '../settings';
import { codeOf } from './diagnostics';
import { readingArithmetic, readingRole } from './readingDiagnostics';
import { readingFigures } from '../relations/readings';

/** One figure of a relation, with the part it plays. */
export interface RelationFigure {
  readonly role: string;
  readonly text: string;
  readonly value: number;
  readonly interval: readonly [number, number];
  readonly range: Range;
}

/** A clause as the checks read it. */
export interface ClauseEntry {
  readonly text: string;
  readonly metric: string;
  readonly period?: string;
  readonly base?: string;
  readonly verb: string;
  readonly qualifiers: readonly string[];
  readonly figures: readonly { readonly text: string; readonly role: string }[];
}

/** A relation found in a report: the proofreader's checklist (`report-lens relations`). */
export interface RelationEntry {
  /** rate, part, sum, change, count, conflict, heading-sequence, size-word, multiple, impossible-percentage. */
  readonly check: string;
  readonly verdict: 'consistent' | 'mismatch' | 'not-verifiable';
  /** The diagnostic code a mismatch raises. */
  readonly code: CheckCode;
  /** Why it is not verifiable (a stable code) and the same in words. */
  readonly reason?: string;
  readonly reasonText?: string;
  /** Where the stated figure (or phrase, or heading) stands. */
  readonly range: Range;
  /** The arithmetic in words: "1676个 / 1686个 = 99.41% (stated 99.4%)". */
  readonly arithmetic: string;
  /** The interval computed from the operands, and the stated one, where the check compares intervals. */
  readonly computed?: readonly [number, number];
  readonly stated?: readonly [number, number];
  readonly figures: readonly RelationFigure[];
  /** The clauses of the sentence the stated figure stands in. */
  readonly clauses: readonly ClauseEntry[];
}

const QUALIFIER_NAMES: readonly (readonly [number, string])[] = [
  [QUALIFIER_REAL, 'real'],
  [QUALIFIER_NOMINAL, 'nominal'],
  [QUALIFIER_ANNUAL_AVERAGE, 'annual-average'],
  [QUALIFIER_APPROXIMATE, 'approximate'],
  [QUALIFIER_PLAN, 'plan'],
  [QUALIFIER_CUMULATIVE, 'cumulative'],
  [QUALIFIER_OTHER_WHOLE, 'other-whole'],
];

/** Every relation of the report, in document order: checked ones with their verdict, and the not verifiable ones with why. */
export function listRelations(doc: ReportDocument, locale: Locale = 'en'): RelationEntry[] {
  const relations = relationsOf(doc);
  const entries = [...relations.all, ...relations.unverifiable].map((relation) => entryOf(doc, relation, locale));
  return entries.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function entryOf(doc: ReportDocument, relation: Relation | UnverifiableRelation, locale: Locale): RelationEntry {
  const t = messages(locale);
  const figure = (role: string, f: Figure): RelationFigure => ({ role, text: f.text, value: f.value, interval: [f.interval[0], f.interval[1]], range: doc.lines.rangeOf(f.span.start, f.span.end) });
  const base = (span: TextSpan, figures: RelationFigure[], arithmetic: string, computed?: Interval, stated?: Interval) => ({
    range: doc.lines.rangeOf(span.start, span.end),
    figures,
    arithmetic,
    ...(computed ? { computed: [computed[0], computed[1]] as const } : {}),
    ...(stated ? { stated: [stated[0], stated[1]] as const } : {}),
    clauses: clauseEntries(doc, span.start),
  });
  if (relation.type === 'unverifiable') {
    const [stated, ...operands] = relation.figures;
    return {
      check: relation.check,
      verdict: 'not-verifiable',
      code: relation.check === 'rate' ? 'rate-mismatch' : relation.check === 'size-word' ? 'size-word-mismatch' : 'change-mismatch',
      reason: relation.reason,
      reasonText: t.unverifiableReason(relation.reason),
      ...base(stated!.span, [figure(relation.check === 'rate' ? 'rate' : relation.check === 'size-word' ? 'after' : 'change', stated!), ...operands.map((f) => figure('operand', f))], relation.figures.map((f) => f.text).join(' · ')),
    };
  }
  const verdict = relation.consistent ? 'consistent' : 'mismatch';
  const code = codeOf(relation);
  switch (relation.type) {
    case 'rate':
      return { check: 'rate', verdict, code, ...base(relation.rate.span, [figure('numerator', relation.numerator), figure('denominator', relation.denominator), figure('rate', relation.rate)], `${relation.numerator.text} / ${relation.denominator.text} = ${show(midpoint(relation.computed))}% (${relation.rate.text})`, relation.computed, relation.rate.interval) };
    case 'part':
      return { check: 'part', verdict, code, ...base(relation.part.span, [figure('part', relation.part), figure('whole', relation.whole)], `${relation.part.text} ≤ ${relation.whole.text}`) };
    case 'sum':
      return { check: 'sum', verdict, code, ...base(relation.total.span, [figure('total', relation.total), ...relation.parts.map((p) => figure('part', p))], `${partsTerms(relation.parts.map((p) => p.text), relation.signs?.parts)} = ${sumText(doc, relation.total, partsTotal(relation.parts, relation.signs?.parts))} (${relation.signs?.total === -1 ? '−' : ''}${relation.total.text}${relation.exhaustive ? '' : ', at most'})`, relation.computed, relation.total.interval) };
    case 'share-sum':
      return { check: 'share-sum', verdict, code, ...base(relation.shares[0]!.span, relation.shares.map((s) => figure('share', s)), `${relation.shares.map((s) => s.text).join(' + ')} = ${show(relation.shares.reduce((n, s) => n + s.value, 0))}% (${relation.complete ? '100%' : 'at most 100%'})`, relation.computed, [100, 100]) };
    case 'change': {
      const [before, after] = relation.operands;
      const figures = [...(relation.before ? [figure('before', relation.before)] : []), ...(relation.after ? [figure('after', relation.after)] : []), ...(relation.delta ? [figure(relation.before || relation.after ? 'change' : 'total', relation.delta)] : []), figure('change', relation.stated)];
      if (!relation.before && !relation.after && relation.delta) return { check: 'change', verdict, code, ...base(relation.stated.span, figures, `(1 + ${relation.delta.text})^(1/${relation.years}) − 1 = ${show(midpoint(relation.computed))}% a year (${relation.stated.text})`, relation.computed, relation.stated.interval) };
      const unit = relation.measure === 'multiple' ? '×' : relation.measure === 'absolute' ? '' : '%';
      const what = relation.measure === 'annual-average' ? ` a year over ${relation.years} years` : '';
      return { check: 'change', verdict, code, ...base(relation.stated.span, figures, `${show(before)} → ${show(after)}: ${show(midpoint(relation.computed))}${unit}${what} (${relation.stated.text})`, relation.computed, relation.stated.interval) };
    }
    case 'count':
      return { check: 'count', verdict, code, ...base(relation.phrase, [], `${relation.phraseText}: ${relation.stated} stated, ${relation.items.length} listed`) };
    case 'conflict':
      return { check: 'conflict', verdict, code, ...base(relation.second.span, [figure('first', relation.first), figure('second', relation.second)], `${relation.metric}: ${relation.first.text} / ${relation.second.text}`) };
    case 'heading-sequence':
      return { check: 'heading-sequence', verdict, code, ...base(relation.heading.span, [], `${relation.previous.name.slice(0, 12)} → ${relation.heading.name.slice(0, 12)} (expected ${relation.expected})`) };    case 'size-word':
      return { check: 'size-word', verdict, code, ...base(relation.span, readingFigures(relation).map((f) => figure(readingRole(relation, f), f)), readingArithmetic(relation), relation.computed, relation.above ? [relation.allowed[0], 100] : relation.allowed) };
    case 'multiple':
      return { check: 'multiple', verdict, code, ...base(relation.stated.span, readingFigures(relation).map((f) => figure(readingRole(relation, f), f)), readingArithmetic(relation), relation.computed, relation.stated.interval) };
    case 'impossible-percentage':
      return { check: 'impossible-percentage', verdict, code, ...base(relation.rate.span, readingFigures(relation).map((f) => figure(readingRole(relation, f), f)), readingArithmetic(relation), relation.computed) };
  }
}

function clauseEntries(doc: ReportDocument, offset: number): ClauseEntry[] {
  return (clausesAt(doc, offset) ?? []).map((clause) => clauseEntry(doc, clause));
}

function clauseEntry(doc: ReportDocument, clause: Clause): ClauseEntry {
  return {
    text: doc.text.slice(clause.span.start, clause.span.end).trim(),
    metric: clause.metric,
    ...(clause.period ? { period: clause.period.key } : {}),
    ...(clause.base ? { base: clause.base.key } : {}),
    verb: clause.verb,
    qualifiers: QUALIFIER_NAMES.filter(([flag]) => clause.qualifiers & flag).map(([, name]) => name),
    figures: clause.figures.map((f) => ({ text: f.figure.text, role: f.role })),
  };
}
