import { readSentence } from '../clauses/readClauses';
import type { Clause, SentenceClauses } from '../clauses/types';
import { isQuantity, type Figure } from '../figures/figure';
import type { Paragraph, TextSpan } from '../model';
import { flags } from '../text/chars';

/** A sentence with the quantities stated in it, and where it sits. */
export interface SentenceView {
  readonly span: TextSpan;
  readonly figures: readonly Figure[];
  /** No Chinese character in it: English rules apply. */
  readonly english: boolean;
  /** Which marks the sentence holds (MARK_*): patterns that need a mark skip sentences without it. */
  readonly marks: number;
  /** What each clause of the sentence says: read once, shared by every check. */
  readonly clauses: SentenceClauses;
}

/** The clause a figure of the sentence stands in. */
export function clauseOf(sentence: SentenceView, figure: Figure): Clause | undefined {
  const k = sentence.figures.indexOf(figure);
  return k < 0 ? undefined : sentence.clauses.clauses[sentence.clauses.clauseOfFigure[k]!];
}

export const MARK_ENUMERATION = 1; // 、
export const MARK_QUOTE = 2; // “ or "
export const MARK_COLON = 4; // ： or :
export const MARK_NAMELY = 8; // 即
export const MARK_ASCII_COLON = 16; // :
export const MARK_THIS = 32; // 这
export const MARK_FIRST_ITEM = 64; // 一是, 一方面, 第一

/** One pass over a sentence's characters: is it Chinese, and which marks does it hold. */
function scanSentence(text: string, start: number, end: number): { english: boolean; marks: number } {
  let han = false;
  let marks = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if (code === 0x3a) marks |= MARK_COLON | MARK_ASCII_COLON;
      else if (code === 0x22) marks |= MARK_QUOTE;
    } else if (code >= 0x4e00 && code <= 0x9fff) {
      han = true;
      if (code === 0x5373) marks |= MARK_NAMELY;
      else if (code === 0x8fd9) marks |= MARK_THIS;
      else if ((code === 0x4e00 && (text.charCodeAt(i + 1) === 0x662f || text.charCodeAt(i + 1) === 0x65b9)) || (code === 0x7b2c && text.charCodeAt(i + 1) === 0x4e00)) marks |= MARK_FIRST_ITEM;
    } else if (code === 0x3001) marks |= MARK_ENUMERATION;
    else if (code === 0x201c) marks |= MARK_QUOTE;
    else if (code === 0xff1a) marks |= MARK_COLON;
  }
  return { english: !han, marks };
}

/** One paragraph's sentences: checks within a paragraph see nothing else, so their findings can be carried across edits. */
export interface AnalysisContext {
  readonly text: string;
  readonly sentences: readonly SentenceView[];
}

/**
 * A sentence stating more figures than this is a table or hostile input, not
 * prose: checks skip it, which keeps every per-sentence search bounded.
 */
export const MAX_FIGURES_PER_SENTENCE = 200;

const NO_FIGURES: readonly Figure[] = [];

/** Groups a paragraph's quantities by sentence in one pass over both sorted lists. */
export function paragraphContext(text: string, paragraph: Paragraph, blockFigures: readonly Figure[]): AnalysisContext {
  const sentences: SentenceView[] = [];
  let f = 0;
  for (const span of paragraph.sentences) {
    while (f < blockFigures.length && blockFigures[f]!.span.start < span.start) f++;
    // Most sentences state no quantity: they share one empty list (the findings are kept per version).
    let inside: Figure[] | undefined;
    let g = f;
    while (g < blockFigures.length && blockFigures[g]!.span.start < span.end) {
      if (isQuantity(blockFigures[g]!)) (inside ??= []).push(blockFigures[g]!);
      g++;
    }
    const { english, marks } = scanSentence(text, span.start, span.end);
    const figures = inside === undefined || inside.length > MAX_FIGURES_PER_SENTENCE ? NO_FIGURES : inside;
    sentences.push({ span, figures, english, marks, clauses: readSentence(text, span, figures, sentences.length, english) });
  }
  return { text, sentences };
}

/** A code-unit table, not a Set of strings: clauseStart walks back over every character of a clause, for many figures. */
const CLAUSE_DELIMITERS = flags('，,；;：:、。！？!?（）()\n');

/** Where the clause holding `position` starts: after the last comma, semicolon, 、 or colon. */
export function clauseStart(text: string, sentence: TextSpan, position: number): number {
  let k = position;
  while (k > sentence.start && CLAUSE_DELIMITERS[text.charCodeAt(k - 1)] !== 1) k--;
  return k;
}

/** The text of the clause before a figure: 完成问题整改 in 完成问题整改1676个. */
export function leadOf(text: string, sentence: TextSpan, figure: Figure): string {
  return text.slice(clauseStart(text, sentence, figure.span.start), figure.span.start);
}

export function between(text: string, a: Figure | TextSpan, b: Figure | TextSpan): string {
  const end = 'span' in a ? a.span.end : a.end;
  const start = 'span' in b ? b.span.start : b.start;
  return start > end ? text.slice(end, start) : '';
}

export function sameUnit(a: Figure, b: Figure): boolean {
  return a.kind === b.kind && a.unit === b.unit;
}

/** A figure that checks may treat as stated exactly: no 约/超过/about, not one end of a range. */
export function isExact(figure: Figure): boolean {
  return figure.qualifier === undefined && figure.range === undefined;
}
