import type { Figure } from '../figures/figure';
import { isExact, type AnalysisContext } from './context';
import { rateRelation } from './rates';
import type { PartRelation, RateRelation } from './types';

/**
 * English releases name a whole once and refer to it paragraphs later: "the number of
 * unemployed persons, at 5.8 million" … "Among the unemployed, the number of permanent
 * job losers increased by 172,000 to 1.6 million" … "These individuals accounted for
 * 18.9 percent of all unemployed persons". A paragraph's named levels and its references
 * to a named whole are found once (and carried across edits); the references are
 * resolved over the section afterwards, against the nearest earlier level whose name
 * holds every word of the reference.
 */

/** A level stated for a named group: "the number of unemployed persons … 5.8 million". */
export interface NamedLevel {
  readonly figure: Figure;
  readonly words: readonly string[];
}

/** A part or a share that names its whole instead of stating it. */
export interface WholeReference {
  readonly words: readonly string[];
  readonly part: Figure;
  /** For "accounted for P percent of all X": the stated share. */
  readonly rate?: Figure;
}

/** Words that say nothing about which group is meant. */
const GENERIC = new Set(['the', 'a', 'an', 'of', 'all', 'those', 'these', 'who', 'that', 'which', 'in', 'to', 'for', 'and', 'or', 'not', 'persons', 'people', 'workers', 'individuals', 'number', 'total', 'also']);

const LEVEL_NAME = /\bnumber of ((?:[a-z][a-z-]*\s+){0,12}?[a-z][a-z-]*)(?=,|\s+(?:\([^)]*\)\s+)?(?:was|were|is|are|increased|decreased|declined|rose|fell|edged|changed|continued|remained|held|at)\b)/gi;
const AMONG = /^\s*Among\s+((?:the|those)\s+[^,]{2,80}),/i;
const SUBSET = /\ba subset of (?:the\s+)?([^,]{2,80}?)(?:\s+who\b|,)/i;
const SHARE_OF = /\b(?:accounted for|made up|represented)\s+$/i;
const SHARE_NAME = /^\s+of\s+(?:all\s+|the\s+)?((?:[a-z][a-z-]*\s*){1,6})/i;

/** Content words, lower case, with a plural -s and a past -ed taken off so that wanted ~ want. */
export function contentWords(phrase: string): string[] {
  return phrase
    .toLowerCase()
    .split(/[^a-z-]+/)
    .filter((w) => w.length > 1 && !GENERIC.has(w))
    .map((w) => w.replace(/(?<=[a-z]{3})(?:ed|s)$/, ''));
}

/** The named levels and the references to a named whole in one paragraph (English sentences only). */
export function findNamedWholes(context: AnalysisContext): { levels: NamedLevel[]; references: WholeReference[] } {
  const levels: NamedLevel[] = [];
  const references: WholeReference[] = [];
  const { text } = context;
  context.sentences.forEach((sentence, index) => {
    if (!sentence.english || sentence.figures.length === 0) return;
    const own = text.slice(sentence.span.start, sentence.span.end).replace(/\s+/g, ' ');
    const level = (figureFrom: number): Figure | undefined => sentence.figures.find((f) => f.span.start >= figureFrom && isExact(f) && f.kind !== 'percent' && !f.signed && !/\bby\s*$/i.test(text.slice(Math.max(sentence.span.start, f.span.start - 4), f.span.start)));
    const among = AMONG.exec(own) ?? SUBSET.exec(own);
    const named: Figure[] = [];
    const slice = text.slice(sentence.span.start, sentence.span.end);
    LEVEL_NAME.lastIndex = 0;
    for (let m = LEVEL_NAME.exec(slice); m; m = LEVEL_NAME.exec(slice)) {
      const figure = level(sentence.span.start + m.index + m[0].length);
      if (!figure || named.includes(figure)) continue;
      named.push(figure);
      levels.push({ figure, words: contentWords(m[1]!) });
    }
    // Every group the sentence counts "among" the whole is a part of it.
    if (among) {
      const parts = named.length > 0 ? named : [level(sentence.span.start)].filter((f): f is Figure => f !== undefined);
      for (const part of parts) references.push({ words: contentWords(among[1]!), part });
    }
    // "These individuals accounted for 18.9 percent of all unemployed persons": the part is the level of the sentence before.
    for (const rate of sentence.figures) {
      if (rate.kind !== 'percent' || !isExact(rate) || !SHARE_OF.test(text.slice(Math.max(sentence.span.start, rate.span.start - 20), rate.span.start))) continue;
      const name = SHARE_NAME.exec(text.slice(rate.span.end, Math.min(sentence.span.end, rate.span.end + 60)));
      const previous = context.sentences[index - 1];
      const part = previous?.english ? [...previous.figures].reverse().find((f) => isExact(f) && f.kind !== 'percent' && !f.signed) : undefined;
      if (name && part && /^\s*(?:These|Those|They)\b/i.test(own)) references.push({ words: contentWords(name[1]!), part, rate });
    }
  });
  return { levels, references };
}

/** How many paragraphs back a named whole is looked for, within the section. */
export const NAMED_WHOLE_PARAGRAPHS = 6;

/**
 * The whole a reference names: among the levels before it, those whose name holds every
 * word of the reference; the one with the fewest other words (the unemployed are not the
 * long-term unemployed), nearest first.
 */
export function resolveWhole(reference: WholeReference, earlier: readonly NamedLevel[]): Figure | undefined {
  if (reference.words.length === 0) return undefined;
  let best: { figure: Figure; extra: number } | undefined;
  for (let k = earlier.length - 1; k >= 0; k--) {
    const level = earlier[k]!;
    if (level.figure === reference.part || level.figure.span.start >= reference.part.span.start) continue;
    if (!reference.words.every((w) => level.words.includes(w))) continue;
    const extra = level.words.filter((w) => !reference.words.includes(w)).length;
    if (!best || extra < best.extra) best = { figure: level.figure, extra };
  }
  return best?.figure;
}

/** The relation a resolved reference states: a share of its whole, or a part no larger than it. */
export function namedWholeRelation(reference: WholeReference, whole: Figure): PartRelation | RateRelation | undefined {
  const sameKind = whole.kind === reference.part.kind || whole.kind === 'plain' || reference.part.kind === 'plain';
  if (!sameKind || !isExact(whole)) return undefined;
  if (reference.rate) return rateRelation(reference.rate, reference.part, whole, 'share');
  return { type: 'part', part: reference.part, whole, consistent: !(reference.part.interval[0] > whole.interval[1]), rateStated: true };
}
