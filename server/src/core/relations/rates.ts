import type { Figure } from '../figures/figure';
import { meets, ratioPercent } from './arithmetic';
import { QUALIFIER_ANNUAL_AVERAGE, QUALIFIER_OTHER_WHOLE } from '../clauses/types';
import { DURATION_UNITS } from '../clauses/lexicon';
import { between, clauseOf, isExact, leadOf, sameUnit, type AnalysisContext, type SentenceView } from './context';
import type { RateRelation, UnverifiableRelation } from './types';

/** Rate words before a stated percentage: 整改率, 完成率, 占比, 比重, 比例, 占. */
const CN_RATE_LEAD = /(率|占比|比重|比例|占)(?:为|达|达到|是|约为|已达)?$/;
/** Rates of change are changes, not shares of a whole. */
const CN_CHANGE_RATE = /(增长|增速|涨幅|降幅|增幅|下降|上升|提高|回落|失业|通胀|赤字|利|税|汇)率/;
const EN_RATE_LEAD = /\b(?:rate|share|proportion|percentage)\s+(?:of|was|at|stood at|reached)?\s*$/i;
/** "4,213 of 4,500 claims", "4,260 of the 6,000 sampled households", "3 out of 4". */
const EN_OF = /^\s+(?:out\s+)?of\s+(?:the\s+)?$/i;
/** Denominators announced as totals: 共, 累计, 检视出, 排查 … */
const CN_TOTAL_MARK = /(共|总|合计|累计|全部|检视出|排查|发现|受理|收到|梳理|查摆出|涉及|登记|代办|确定)/;
/** How far back (in sentences) a denominator may stand, within the same section. */
const LOOKBACK_SENTENCES = 12;

/**
 * A Chinese rate whose denominator is not in its own paragraph: it is looked
 * for in earlier sentences of the section once all paragraphs are known.
 */
export interface PendingRate {
  readonly type: 'pending-rate';
  readonly rate: Figure;
  readonly numerator: Figure;
  readonly label: string;
  /** The numerator's clause up to the numerator: 完成问题整改 in 完成问题整改1676个. */
  readonly numeratorLead: string;
  /** Which sentence of its paragraph the rate stands in. */
  readonly sentence: number;
}

export type RateFinding = RateRelation | PendingRate;

/** Rates within one paragraph; those that need an earlier paragraph come back pending. */
export function findRates(context: AnalysisContext, unverifiable: UnverifiableRelation[]): RateFinding[] {
  const findings: RateFinding[] = [];
  context.sentences.forEach((sentence, index) => {
    sentence.figures.forEach((rate, position) => {
      if (rate.kind !== 'percent' || !isExact(rate) || rate.signed) return;
      const clause = clauseOf(sentence, rate);
      // A share of an annual average is not a share of a total.
      if (clause && clause.qualifiers & QUALIFIER_ANNUAL_AVERAGE) return;
      const finding = shareOfNamedWhole(context, index, rate, position) ?? rateFor(context, index, sentence, rate, position);
      if (!finding) return;
      // 占全国/占有率: a whole outside the paragraph, unless the clause states it.
      if (finding.type === 'rate' && clause && clause.qualifiers & QUALIFIER_OTHER_WHOLE && clauseOf(sentence, finding.denominator) !== clause) {
        unverifiable.push({ type: 'unverifiable', check: 'rate', figures: [rate, finding.numerator], reason: 'other-whole', consistent: true });
        return;
      }
      findings.push(finding);
    });
  });
  return findings;
}

/**
 * 504个县，占全国1786个县的28%; 参加投票的选民共2.78亿人，占登记选民总数的90.5%:
 * the part stands before 占, the whole after it — stated in the clause, or named
 * there (登记选民总数) and stated earlier in the sentence.
 */
function shareOfNamedWhole(context: AnalysisContext, index: number, rate: Figure, position: number): RateRelation | undefined {
  const sentence = context.sentences[index]!;
  if (sentence.english) return undefined;
  const clause = clauseOf(sentence, rate);
  if (!clause) return undefined;
  const lead = context.text.slice(clause.span.start, rate.span.start);
  const named = /^[^占]{0,4}占([^，。；]{0,24}?)的(?:比重|比例)?(?:为|达|达到|是|约为)?$/.exec(lead);
  if (!named) return undefined;
  const inClause = clause.figures.filter((f) => f.figure !== rate && f.figure.span.start < rate.span.start).map((f) => f.figure);
  // The part: the nearest amount before the clause, in this sentence.
  let numerator: Figure | undefined;
  for (let j = position - 1 - inClause.length; j >= 0; j--) {
    const candidate = sentence.figures[j]!;
    if (isOperand(candidate)) {
      numerator = candidate;
      break;
    }
  }
  if (!numerator || !isExact(numerator)) return undefined;
  const stated = inClause.find((f) => isOperand(f) && sameKind(f, numerator!));
  if (stated) return isExact(stated) && stated.value >= numerator.value ? rateRelation(rate, numerator, stated, '占') : undefined;
  // The whole is named: an earlier amount, in this sentence or the one before (；ends a sentence), whose clause names it.
  const name = named[1]!.replace(/总数|总额|总量|总计|全部|的/g, '');
  if (name.length < 2) return undefined;
  for (let s = index; s >= Math.max(0, index - 1); s--) {
    const where = context.sentences[s]!;
    const until = s === index ? where.figures.indexOf(numerator) : where.figures.length;
    for (let j = until - 1; j >= 0; j--) {
      const candidate = where.figures[j]!;
      const metric = clauseOf(where, candidate)?.metric ?? '';
      if (isOperand(candidate) && sameKind(candidate, numerator) && isExact(candidate) && candidate.value >= numerator.value && metric.includes(name)) return rateRelation(rate, numerator, candidate, '占');
    }
  }
  return undefined;
}

/** An amount a rate can be computed from: not a duration (四年 / 五年 is no share), not a rate itself. */
function isOperand(figure: Figure): boolean {
  return isCountLike(figure) && !(figure.kind === 'measure' && DURATION_UNITS.has(figure.unit));
}

function sameKind(a: Figure, b: Figure): boolean {
  return a.kind === b.kind ? a.unit === b.unit || a.kind === 'count' : false;
}

function rateFor(context: AnalysisContext, index: number, sentence: SentenceView, rate: Figure, position: number): RateFinding | undefined {
  const { text } = context;
  const lead = leadOf(text, sentence.span, rate).trim();
  const english = sentence.english;

  // English "N of D (R%)" / "N of the D …, a response rate of R percent".
  if (english) return englishRate(context, index, sentence, rate, position);

  const label = CN_RATE_LEAD.exec(lead);
  if (!label || CN_CHANGE_RATE.test(lead)) return undefined;
  // The numerator stands right before the rate: 完成问题整改1676个、整改率99.4%.
  const numerator = sentence.figures[position - 1];
  if (!numerator || !isOperand(numerator) || !isExact(numerator)) return undefined;
  const gap = between(text, numerator, rate);
  if (gap.length > 16 || /[。；;]/.test(gap)) return undefined;
  const numeratorLead = leadOf(text, sentence.span, numerator);
  const denominator = sameSentenceDenominator(context, sentence, numerator, numeratorLead, position - 1) ?? earlierDenominator(context.sentences, index, numerator, numeratorLead);
  if (denominator) return rateRelation(rate, numerator, denominator, rateLabel(lead));
  // Only a two-character noun named in the clause can find one, and only within the look-back.
  if (numeratorLead.length < 2 || index >= LOOKBACK_SENTENCES) return undefined;
  return { type: 'pending-rate', rate, numerator, label: rateLabel(lead), numeratorLead, sentence: index };
}

/** The sentences of one paragraph and the section (scope) it stands in. */
export interface ScopedSentences {
  readonly scope: number;
  readonly sentences: readonly SentenceView[];
}

/**
 * The denominator of a pending rate in the sentences of earlier paragraphs of
 * its section, and the paragraph it stands in: `paragraphs[at]` holds the rate,
 * whose own paragraph was searched already (its earlier sentences count towards
 * the look-back).
 */
export function pendingDenominator(paragraphs: readonly ScopedSentences[], at: number, pending: PendingRate): { denominator: Figure; paragraph: number } | undefined {
  const scope = paragraphs[at]!.scope;
  let budget = LOOKBACK_SENTENCES - pending.sentence;
  for (let p = at - 1; p >= 0 && budget > 0; p--) {
    const paragraph = paragraphs[p]!;
    if (paragraph.scope !== scope) break;
    const sentences = paragraph.sentences;
    const found = earlierDenominator(sentences, sentences.length, pending.numerator, pending.numeratorLead, budget);
    if (found) return { denominator: found, paragraph: p };
    budget -= sentences.length;
  }
  return undefined;
}

function englishRate(context: AnalysisContext, index: number, sentence: SentenceView, rate: Figure, position: number): RateRelation | undefined {
  const { text } = context;
  const figures = sentence.figures;
  const before = text.slice(Math.max(sentence.span.start, rate.span.start - 40), rate.span.start);
  const parenthetical = /\(\s*$/.test(before) || /,\s*or\s*$/.test(before);
  const rateWord = EN_RATE_LEAD.exec(before);
  // "accounted for 27.4 percent of total sales, or $5.1 billion of $18.6 billion": both operands after the rate.
  const [a, b] = [figures[position + 1], figures[position + 2]];
  if (a && b && /^\s+of\s+[a-z -]{0,40}?,?\s+or\s+$/i.test(between(text, rate, a)) && /^\s+of\s+$/i.test(between(text, a, b)) && isOperand(a) && isOperand(b) && isExact(a) && isExact(b)) {
    return rateRelation(rate, a, b, 'share');
  }
  // "the 603 that reported on time accounted for 37.9 percent of the sample": the whole is stated earlier in the paragraph.
  if (/\b(?:accounted for|made up|represented|comprised)\s+$/i.test(before)) return accountedFor(context, index, sentence, rate, position);
  if (!parenthetical && !rateWord) return undefined;
  // "N of D": the pair nearest before the rate.
  for (let j = position - 1; j >= 1; j--) {
    const d = figures[j]!;
    const n = figures[j - 1]!;
    if (EN_OF.test(between(text, n, d)) && isCountLike(n) && isCountLike(d) && isExact(n) && isExact(d)) {
      return rateRelation(rate, n, d, rateWord ? rateWord[0].trim().split(/\s+/)[0]! : 'share');
    }
  }
  // "Of the D employers …, N responded, a response rate of R" / "…, N were full-time (R)".
  if ((rateWord || parenthetical) && position >= 2) {
    const n = figures[position - 1]!;
    for (let j = position - 2; j >= 0; j--) {
      const d = figures[j]!;
      const lead = text.slice(Math.max(sentence.span.start, d.span.start - 8), d.span.start);
      if (/\bof\s+(?:the\s+)?$/i.test(lead) && isCountLike(n) && isCountLike(d) && isExact(n) && isExact(d) && d.value >= n.value) {
        return rateRelation(rate, n, d, rateWord ? rateWord[0].trim().split(/\s+/)[0]! : 'share');
      }
    }
  }
  return undefined;
}

function accountedFor(context: AnalysisContext, index: number, sentence: SentenceView, rate: Figure, position: number): RateRelation | undefined {
  const numerator = sentence.figures[position - 1];
  if (!numerator || !isCountLike(numerator) || !isExact(numerator)) return undefined;
  const at = position - 1;
  // The nearest earlier amount in this sentence or the one before it in the same paragraph.
  for (let s = index; s >= Math.max(0, index - 1); s--) {
    const view = context.sentences[s]!;
    const figures = s === index ? view.figures.slice(0, at) : view.figures;
    for (let j = figures.length - 1; j >= 0; j--) {
      const d = figures[j]!;
      if (isCountLike(d) && isExact(d) && d.value >= numerator.value && compatible(d, numerator)) return rateRelation(rate, numerator, d, 'share');
    }
  }
  return undefined;
}

function compatible(a: Figure, b: Figure): boolean {
  return a.kind === b.kind ? a.unit === b.unit || a.kind === 'count' : (a.kind === 'plain' || b.kind === 'plain') && a.kind !== 'money' && b.kind !== 'money';
}

function isCountLike(figure: Figure): boolean {
  return figure.kind === 'count' || figure.kind === 'plain' || figure.kind === 'money' || figure.kind === 'measure';
}

/** 共排查问题1200个，已整改1150个，整改率97.5%: a total earlier in the same sentence. */
function sameSentenceDenominator(context: AnalysisContext, sentence: SentenceView, numerator: Figure, numeratorLead: string, index: number): Figure | undefined {
  let fallback: Figure | undefined;
  for (let j = index - 1; j >= 0; j--) {
    const candidate = sentence.figures[j]!;
    if (!sameUnit(candidate, numerator) || !isExact(candidate) || candidate.value < numerator.value) continue;
    if (candidate.noun && numeratorLead.includes(candidate.noun)) return candidate;
    const lead = leadOf(context.text, sentence.span, candidate);
    // 全市66个行政村中，已有65个…: a total marked by 共/累计… or by 中 after its noun.
    const after = context.text.slice(candidate.span.end, Math.min(sentence.span.end, candidate.span.end + 12));
    if (CN_TOTAL_MARK.test(lead) || /^[\u4e00-\u9fff]{0,10}中[，,]/.test(after)) return candidate;
    // Otherwise the nearest earlier amount of the same unit in the same sentence.
    fallback ??= candidate;
  }
  return fallback;
}

/**
 * 检视出6个方面1686个问题 … 完成问题整改1676个、整改率99.4%: the denominator is
 * in an earlier sentence of the section, found by its counted noun (问题)
 * appearing in the numerator's clause. Looks at most `budget` sentences back
 * from `index`.
 */
function earlierDenominator(sentences: readonly SentenceView[], index: number, numerator: Figure, numeratorLead: string, budget = LOOKBACK_SENTENCES): Figure | undefined {
  for (let s = index - 1; s >= Math.max(0, index - budget); s--) {
    const earlier = sentences[s]!;
    for (let j = earlier.figures.length - 1; j >= 0; j--) {
      const candidate = earlier.figures[j]!;
      if (!sameUnit(candidate, numerator) || !isExact(candidate) || candidate.value < numerator.value) continue;
      if (candidate.noun && candidate.noun.length >= 2 && numeratorLead.includes(candidate.noun)) return candidate;
    }
  }
  return undefined;
}

function rateLabel(lead: string): string {
  const match = /[\u4e00-\u9fff]{0,4}(率|占比|比重|比例|占)/.exec(lead.slice(-8));
  return match ? match[0] : lead.slice(-4);
}

export function rateRelation(rate: Figure, numerator: Figure, denominator: Figure, label: string): RateRelation | undefined {
  const computed = ratioPercent(numerator.interval, denominator.interval);
  if (!computed) return undefined;
  return { type: 'rate', rate, numerator, denominator, label, computed, consistent: meets(computed, rate.interval) };
}
