import type { Figure } from '../figures/figure';
import { meets, sum } from './arithmetic';
import { between, clauseOf, type AnalysisContext, type SentenceView } from './context';
import { QUALIFIER_OTHER_WHOLE, QUALIFIER_PLAN } from '../clauses/types';
import type { ShareSumRelation } from './types';

/**
 * The words that make a percentage a share of a whole (比重, 占比, 比例, 所占比重).
 * A share of "X" and a share of "非X" of the same whole are complements: every member
 * of the whole is either X or not, so the two sum to 100%.
 */
const SHARE_WORD = '(?:所占)?(?:比重|占比|比例)';
const COMPLEMENT = new RegExp(`非([\\u4e00-\\u9fff]{2,12}?)${SHARE_WORD}`, 'g');

/** Complementary shares (生产性投资比重…，非生产性投资比重…) in each sentence of a paragraph. */
export function findShareSums(context: AnalysisContext): ShareSumRelation[] {
  const relations: ShareSumRelation[] = [];
  for (const sentence of context.sentences) {
    if (sentence.figures.length < 2) continue;
    if (sentence.english) {
      englishRespectiveShares(context.text, sentence, relations);
      continue;
    }
    complements(context.text, sentence, relations);
    composition(context.text, sentence, relations);
    respectiveShares(context.text, sentence, relations);
  }
  return relations;
}

/**
 * 生产性投资比重由上年的68.6%上升到72.2%，非生产性投资比重相应由31.4%下降为27.8%:
 * the shares of X are the percentages stated for X before 非X is named, the shares of
 * 非X those stated after it; they pair up in order (the value compared with, then the
 * value reached), one pair per period. Shares that do not pair one to one, or that
 * a clause qualifies differently (a plan against an outcome), are not read.
 */
function complements(text: string, sentence: SentenceView, out: ShareSumRelation[]): void {
  const slice = text.slice(sentence.span.start, sentence.span.end);
  COMPLEMENT.lastIndex = 0;
  for (let m = COMPLEMENT.exec(slice); m; m = COMPLEMENT.exec(slice)) {
    const complementAt = sentence.span.start + m.index;
    const own = slice.lastIndexOf(m[1]!, m.index - 1);
    // X itself must be named before 非X, as a share, and not as part of another 非X.
    if (own < 0 || slice[own - 1] === '非' || !new RegExp(`^${SHARE_WORD}`).test(slice.slice(own + m[1]!.length))) continue;
    const ownAt = sentence.span.start + own;
    const shares = (from: number, to: number) => sentence.figures.filter((f) => f.kind === 'percent' && f.span.start >= from && f.span.start < to);
    const first = shares(ownAt, complementAt);
    const second = shares(complementAt, nextMetric(text, sentence, complementAt + m[0].length));
    if (first.length === 0 || first.length !== second.length || first.length > 3) continue;
    if (!alikeClauses(sentence, first, second)) continue;
    first.forEach((share, k) => out.push(shareSum([share, second[k]!])));
  }
}

/** Where the 非X shares end: at the next share word of another metric, or the sentence's end. */
function nextMetric(text: string, sentence: SentenceView, from: number): number {
  const rest = text.slice(from, sentence.span.end);
  const other = new RegExp(`[，,；;][^，,；;]{0,12}${SHARE_WORD}`).exec(rest);
  return other ? from + other.index : sentence.span.end;
}

/** Each pair stands in clauses of the same kind: both plans or both outcomes, and no share of another whole. */
function alikeClauses(sentence: SentenceView, first: readonly Figure[], second: readonly Figure[]): boolean {
  return first.every((share, k) => {
    const a = clauseOf(sentence, share);
    const b = clauseOf(sentence, second[k]!);
    if (!a || !b) return false;
    const reached = (role: string | undefined) => role === 'target';
    const roleA = a.figures.find((f) => f.figure === share)?.role;
    const roleB = b.figures.find((f) => f.figure === second[k])?.role;
    // 由A上升到B: A is the earlier period, B the later one, whichever words introduce A.
    return reached(roleA) === reached(roleB) && (a.qualifiers & QUALIFIER_PLAN) === (b.qualifiers & QUALIFIER_PLAN) && !(a.qualifiers & QUALIFIER_OTHER_WHOLE) && !(b.qualifiers & QUALIFIER_OTHER_WHOLE);
  });
}

const HUNDRED = [100, 100] as const;
/**
 * Shares whose sum falls here are read as parts of one whole written in percent: a slip of a few
 * points stays inside, while a ratio of small numbers (1∶2∶3) or overlapping groups (65% and 70%
 * of the population) fall far outside.
 */
const NEAR_HUNDRED = [90, 110] as const;

/** 三次产业结构为7.1∶39.0∶53.9: a composition written as a ratio. */
const COMPOSITION = /(?:结构|构成)(?:比例)?(?:为|是|调整为|变为|达到)?$/;

/**
 * 三次产业结构为7.1∶39.0∶53.9: the terms of a composition (结构, 构成) are the shares of its parts,
 * all of them, so they make 100. A ratio of small numbers (1∶2∶3) is a proportion, not shares:
 * the terms are read as percentages only when they sum to about 100 (within NEAR_HUNDRED).
 */
function composition(text: string, sentence: SentenceView, out: ShareSumRelation[]): void {
  const figures = sentence.figures;
  for (let k = 0; k + 1 < figures.length; k++) {
    if (!COMPOSITION.test(text.slice(Math.max(sentence.span.start, figures[k]!.span.start - 8), figures[k]!.span.start))) continue;
    const terms = [figures[k]!];
    while (k + terms.length < figures.length && /^\s*[∶:]\s*$/.test(between(text, terms[terms.length - 1]!, figures[k + terms.length]!))) terms.push(figures[k + terms.length]!);
    if (terms.length < 2 || terms.some((t) => t.kind !== 'plain' && t.kind !== 'percent')) continue;
    const total = terms.reduce((n, t) => n + t.value, 0);
    if (total < NEAR_HUNDRED[0] || total > NEAR_HUNDRED[1]) continue;
    out.push(shareSum(terms));
    k += terms.length - 1;
  }
}

/**
 * 分别占地区生产总值的7.1%、39.1%和54.9%: shares of one whole, one per item listed. The items may
 * be some of the whole (其中…) or overlap (城镇人口和劳动年龄人口), so nothing says they make 100;
 * but items listed side by side are meant as distinct parts, and distinct parts never exceed their
 * whole. Only a sum near 100 (within NEAR_HUNDRED) is read: far above, the items overlap by design.
 */
function respectiveShares(text: string, sentence: SentenceView, out: ShareSumRelation[]): void {
  for (const clause of sentence.clauses.clauses) {
    if (clause.verb !== 'respectively' && !/分别占/.test(text.slice(clause.span.start, clause.span.end))) continue;
    const shares = clause.figures.filter((f) => f.role === 'share' && f.figure.kind === 'percent').map((f) => f.figure);
    if (shares.length < 2 || !/分别占/.test(text.slice(clause.span.start, shares[0]!.span.start))) continue;
    let list = true;
    for (let k = 1; k < shares.length && list; k++) list = /^\s*(?:、|和|及|与)\s*$/.test(between(text, shares[k - 1]!, shares[k]!));
    if (!list || clause.qualifiers & QUALIFIER_OTHER_WHOLE) continue;
    const relation = subsetShares(shares);
    if (relation) out.push(relation);
  }
}

/**
 * Shares of one whole that may be some of it (分别占 lists, a share column without a total row):
 * never above 100. Read only near 100 (NEAR_HUNDRED): far above, the groups overlap by design.
 */
export function subsetShares(shares: readonly Figure[]): ShareSumRelation | undefined {
  const computed = sum(shares.map((share) => share.interval));
  if (computed[1] < NEAR_HUNDRED[0] || computed[0] > NEAR_HUNDRED[1]) return undefined;
  return { type: 'share-sum', shares, computed, complete: false, consistent: !(computed[0] > 100) };
}

function shareSum(shares: readonly Figure[]): ShareSumRelation {
  const computed = sum(shares.map((share) => share.interval));
  return { type: 'share-sum', shares, computed, complete: true, consistent: meets(computed, HUNDRED) };
}

/** "accounted for 62.1 percent, 24.3 percent and 13.6 percent of new jobs, respectively" */
const EN_SHARE_VERB = /\b(?:accounted\s+for|made\s+up|represented|comprised)\s+$/i;

/** The English form of 分别占: shares of one whole listed with "respectively", read like it. */
function englishRespectiveShares(text: string, sentence: SentenceView, out: ShareSumRelation[]): void {
  const figures = sentence.figures;
  for (let k = 0; k < figures.length; k++) {
    if (figures[k]!.kind !== 'percent' || !EN_SHARE_VERB.test(text.slice(Math.max(sentence.span.start, figures[k]!.span.start - 20), figures[k]!.span.start))) continue;
    const shares = [figures[k]!];
    while (k + shares.length < figures.length && figures[k + shares.length]!.kind === 'percent' && /^\s*(?:,\s*(?:and\s+)?|and\s+)$/.test(between(text, shares[shares.length - 1]!, figures[k + shares.length]!))) shares.push(figures[k + shares.length]!);
    const last = shares[shares.length - 1]!;
    if (shares.length < 2 || !/^\s+of\s+[^.;]{1,60},?\s+respectively\b/i.test(text.slice(last.span.end, sentence.span.end))) continue;
    const relation = subsetShares(shares);
    if (relation) out.push(relation);
    k += shares.length - 1;
  }
}
