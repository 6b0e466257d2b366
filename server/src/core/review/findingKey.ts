import type { Figure } from '../figures/figure';
import { readingFigures } from '../relations/readings';
import type { ReportDocument, TextSpan } from '../model';
import type { Relation } from '../relations/types';
import { itemAt } from '../text/spans';
import { normaliseSentence, type ReviewKey } from './reviewed';

/** What a finding says, for reviewed findings: its sentence and its figures, whatever their positions. */
export function relationKey(doc: ReportDocument, relation: Relation, anchor: number): ReviewKey {
  return { sentence: sentenceAround(doc, anchor), figures: figuresOf(doc, relation) };
}

/**
 * The sentence holding `offset`, normalised; outside any paragraph (a heading, a list item), the
 * line it stands on, which is the unit such text is written in.
 */
export function sentenceAround(doc: ReportDocument, offset: number): string {
  const paragraph = itemAt(doc.paragraphs, offset, (p) => p.span);
  const sentence = paragraph ? itemAt(paragraph.sentences, offset, (s) => s) : undefined;
  if (sentence) return normaliseSentence(slice(doc, sentence));
  const line = doc.lines.lineAt(offset);
  return normaliseSentence(doc.text.slice(doc.lines.lineStart(line), doc.lines.lineEnd(line)));
}

function slice(doc: ReportDocument, span: TextSpan): string {
  return doc.text.slice(span.start, span.end);
}

/** The figures a relation involves, as written: if any of them changes, the finding is a new one. */
export function figuresOf(doc: ReportDocument, relation: Relation): string[] {
  const text = (figure: Figure | undefined) => (figure ? [normaliseSentence(figure.text)] : []);
  switch (relation.type) {
    case 'rate':
      return [...text(relation.rate), ...text(relation.numerator), ...text(relation.denominator)];
    case 'part':
      return [...text(relation.part), ...text(relation.whole)];
    case 'sum':
      return [...text(relation.total), ...relation.parts.flatMap(text)];
    case 'share-sum':
      return relation.shares.flatMap(text);
    case 'size-word':
      return [normaliseSentence(relation.word), ...readingFigures(relation).flatMap(text)];
    case 'multiple':
    case 'impossible-percentage':
      return readingFigures(relation).flatMap(text);
    case 'change':
      return [...text(relation.stated), ...text(relation.before), ...text(relation.after), ...text(relation.delta)];
    case 'count':
      // The stated count and how many items were found: an item added or dropped is a new finding.
      return [normaliseSentence(slice(doc, relation.numberSpan)), `${relation.items.length}`];
    case 'conflict':
      return [...text(relation.second), ...text(relation.first)];
    case 'heading-sequence':
      return [normaliseSentence(slice(doc, relation.marker.span)), normaliseSentence(slice(doc, relation.previousMarker.span))];
  }
}

/** Where a relation's finding is reported (the diagnostic's start). */
export function anchorOf(relation: Relation): number {
  switch (relation.type) {
    case 'rate':
      return relation.rate.span.start;
    case 'part':
      return relation.part.span.start;
    case 'sum':
      return relation.total.span.start;
    case 'share-sum':
      return relation.shares[0]!.span.start;
    case 'size-word':
      return relation.span.start;
    case 'multiple':
      return relation.stated.span.start;
    case 'impossible-percentage':
      return relation.rate.span.start;
    case 'change':
      return relation.stated.span.start;
    case 'count':
      return relation.phrase.start;
    case 'conflict':
      return relation.second.span.start;
    case 'heading-sequence':
      return relation.marker.span.start;
  }
}
