import type { DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import type { Figure } from '../figures/figure';
import type { Messages } from '../l10n/messages';
import type { ReportDocument, TextSpan } from '../model';
import { midpoint, show } from '../relations/arithmetic';
import { numberFix, type Fix } from '../relations/fixes';
import type { ReadingRelation } from '../relations/readings';
import type { ImpossiblePercentageRelation, MultipleRelation, SizeWordRelation } from '../relations/types';
import { formatEnUs } from '../text/numberFormat';

export interface ReadingDraft {
  readonly span: TextSpan;
  readonly message: string;
  readonly related: DiagnosticRelatedInformation[];
  readonly fixes: Fix[];
}

type Related = (role: string, span: TextSpan) => DiagnosticRelatedInformation;

/** The message, related figures and quick fix of a size word, multiple or percentage of a count that does not hold. */
export function readingDraft(doc: ReportDocument, r: ReadingRelation, t: Messages, related: Related): ReadingDraft {
  switch (r.type) {
    case 'size-word':
      return sizeWordDraft(doc, r, t, related);
    case 'multiple':
      return multipleDraft(doc, r, t, related);
    case 'impossible-percentage':
      return impossibleDraft(doc, r, t, related);
  }
}

/** A bound written for people: 33.33 for a third, no trailing zeros. */
export function bound(value: number): string {
  return show(value);
}

export function sizeMeaning(r: SizeWordRelation, t: Messages): string {
  return t.sizeMeaning(r.meaning, bound(r.allowed[0]), bound(r.allowed[1]));
}

function sizeWordDraft(doc: ReportDocument, r: SizeWordRelation, t: Messages, related: Related): ReadingDraft {
  const meaning = sizeMeaning(r, t);
  if (r.measure === 'ratio' && r.before) {
    const actual = t.sizeActualRatio(plain(r.before), plain(r.figure), show(midpoint(r.computed)));
    return { span: r.span, message: t.sizeWord(r.word, meaning, actual), related: [related('before', r.before.span), related('after', r.figure.span)], fixes: [] };
  }
  const actual = r.measure === 'change' ? t.sizeActualChange(plain(r.figure)) : t.sizeActualShare(plain(r.figure));
  // A change word can go and leave the change as stated (大幅增长0.4% → 增长0.4%); a share word has no one right replacement.
  const fixes: Fix[] = r.measure === 'change' ? [{ title: t.fixRemove(r.word), edits: [{ range: doc.lines.rangeOf(r.span.start, r.span.end), newText: '' }] }] : [];
  return { span: r.span, message: t.sizeWord(r.word, meaning, actual), related: [related(r.measure === 'change' ? 'change' : 'rate', r.figure.span)], fixes };
}

function multipleDraft(doc: ReportDocument, r: MultipleRelation, t: Messages, related: Related): ReadingDraft {
  const operands = [...(r.before ? [related('before', r.before.span)] : []), ...(r.after ? [related('after', r.after.span)] : [])];
  const ratio = r.computed ? midpoint(r.computed) : undefined;
  if (r.reading === 'decrease-by') {
    const percent = ratio === undefined ? undefined : (1 - ratio) * 100;
    const computed = percent === undefined || percent <= 0 ? '' : `${show(percent, 1)}%`;
    // With the values, the decrease can be written as what it is: 减少了3倍 → 减少了66.7%.
    const fixes: Fix[] = computed ? [{ title: t.fixReplace(r.stated.text, computed), edits: [{ range: doc.lines.rangeOf(r.stated.span.start, r.stated.span.end), newText: computed }] }] : [];
    return { span: r.stated.span, message: t.multipleDecrease(plain(r.stated), computed), related: operands, fixes };
  }
  const before = r.before!;
  const after = r.after!;
  if (r.reading === 'increase-by') {
    const fix = numberFix(doc, r.stated, ratio! - 1, t);
    return { span: r.stated.span, message: t.multipleConfused(plain(r.stated), show(r.stated.value), show(r.stated.value + 1), plain(before), plain(after), show(ratio!), `${show(ratio! - 1)}倍`), related: operands, fixes: fix ? [fix] : [] };
  }
  const fix = numberFix(doc, r.stated, ratio!, t);
  return { span: r.stated.span, message: t.multipleTimes(plain(r.stated), show(r.stated.value), plain(before), plain(after), show(ratio!)), related: operands, fixes: fix ? [fix] : [] };
}

function impossibleDraft(doc: ReportDocument, r: ImpossiblePercentageRelation, t: Messages, related: Related): ReadingDraft {
  const [below, above] = r.neighbours;
  const shown = (n: readonly [number, number] | undefined) => (n ? `${n[0]}/${r.count.value} = ${show(n[1])}%` : '—');
  const target = midpoint(r.computed);
  const nearest = [...r.neighbours].sort((a, b) => Math.abs(a[0] - target) - Math.abs(b[0] - target))[0];
  const fix = nearest ? numberFix(doc, r.rate, nearest[1], t) : undefined;
  return {
    span: r.rate.span,
    // Two decimals, never rounded to a whole: the point is that it is not one.
    message: t.impossiblePercentage(plain(r.rate), plain(r.count), formatEnUs(target, { maximumFractionDigits: 2 }), shown(below), shown(above)),
    related: [related('whole', r.count.span)],
    fixes: fix ? [fix] : [],
  };
}

function plain(figure: Figure): string {
  return figure.text.replace(/\s+/g, ' ');
}

/** The arithmetic of a reading in one line, for hover and `report-lens relations`. */
export function readingArithmetic(r: ReadingRelation): string {
  switch (r.type) {
    case 'size-word': {
      const allowed = r.above ? `> ${bound(r.allowed[0])}` : r.allowed[1] === Infinity ? `≥ ${bound(r.allowed[0])}` : `${bound(r.allowed[0])}–${bound(r.allowed[1])}`;
      if (r.measure === 'ratio' && r.before) return `${r.word}: ×${allowed.replace('–', '–×')}; ${r.before.text} → ${r.figure.text} = ×${show(midpoint(r.computed))}`;
      return `${r.word}: ${r.measure === 'change' ? '|change|' : 'share'} ${allowed}% (${r.figure.text})`;
    }
    case 'multiple': {
      const values = r.before && r.after && r.computed ? `${r.before.text} → ${r.after.text} = ×${show(midpoint(r.computed))}` : '';
      if (r.reading === 'decrease-by') return `${r.stated.text} as a decrease: no valid reading${values ? `; ${values}` : ''}`;
      const times = r.reading === 'increase-by' ? `×${show(r.stated.value + 1)} (increase by ${r.stated.text})` : `×${show(r.stated.value)}`;
      return `${times}; ${values}`;
    }
    case 'impossible-percentage':
      return `${r.rate.text} × ${r.count.text} = ${show(r.computed[0], 3)}–${show(r.computed[1], 3)}${r.consistent ? '' : ': no whole number'}`;
  }
}

/** The part a figure plays in a reading, as a role name of the message table. */
export function readingRole(r: ReadingRelation, figure: Figure): string {
  switch (r.type) {
    case 'size-word':
      return figure === r.before ? 'before' : r.measure === 'ratio' ? 'after' : r.measure === 'change' ? 'change' : 'rate';
    case 'multiple':
      return figure === r.before ? 'before' : figure === r.after ? 'after' : 'change';
    case 'impossible-percentage':
      return figure === r.count ? 'whole' : 'rate';
  }
}
