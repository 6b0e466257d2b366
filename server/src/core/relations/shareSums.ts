import type { Figure } from '../figures/figure';
import { meets, sum } from './arithmetic';
import { clauseOf, type AnalysisContext, type SentenceView } from './context';
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
    if (sentence.english || sentence.figures.length < 2) continue;
    complements(context.text, sentence, relations);
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

function shareSum(shares: readonly Figure[]): ShareSumRelation {
  const computed = sum(shares.map((share) => share.interval));
  return { type: 'share-sum', shares, computed, complete: true, consistent: meets(computed, HUNDRED) };
}
