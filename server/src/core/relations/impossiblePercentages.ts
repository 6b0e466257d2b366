import { QUALIFIER_ANNUAL_AVERAGE, type Clause } from '../clauses/types';
import type { Figure } from '../figures/figure';
import { isExact, type AnalysisContext, type SentenceView } from './context';
import type { ImpossiblePercentageRelation, Interval } from './types';

/**
 * The GRIM test: a percentage of a whole-number count is k / count for some whole k, so at its
 * printed precision it must contain one of those values. Only a percentage the clauses tie to the
 * count is tested — the count is what was surveyed or counted (调查1200户, Of 40 respondents) and the
 * percentage is the next thing said of it — and only when the precision is fine enough for the test
 * to say anything (count × step < 100%: 83.47% of 1,200, not 83.5% of 1,200).
 */
export function findImpossiblePercentages(context: AnalysisContext, rated: ReadonlySet<Figure>): ImpossiblePercentageRelation[] {
  const out: ImpossiblePercentageRelation[] = [];
  for (const sentence of context.sentences) {
    for (const rate of sentence.figures) {
      // A rate with its numerator is checked against it exactly (rate-mismatch).
      if (rate.kind !== 'percent' || !isExact(rate) || rate.signed || rated.has(rate) || rate.value > 100) continue;
      const count = tiedCount(context.text, sentence, rate);
      if (count && ofTheCounted(context.text, sentence, rate, count)) {
        const relation = grim(rate, count);
        if (relation) out.push(relation);
      }
    }
  }
  return out;
}

/**
 * What was surveyed, sampled or inspected: the count is the whole its percentages are of. Not
 * 参加/覆盖/回收 (参加培训1200人，参与率83%): there the count is the part, and the whole is not stated.
 */
const CN_SURVEYED = /(?:调查|抽查|抽样|抽取|抽检|检查|检测|访问|走访|访谈|问卷|受访|随机|测评|评议|参评|共有)/;
/**
 * A proportion of the units surveyed (满意率, 合格率), or a bare percentage of them (其中37.5%…):
 * not a ratio of amounts (利润率), a change (增长率) or a rate whose whole is another count (覆盖率, 回收率).
 */
const CN_PROPORTION = /(?:满意|合格|达标|知晓|应答|支持|及格|通过|好评|认可|赞成|同意|优良|优秀)率(?:为|达|达到|是)?$|^(?:其中)?有?$/;
const EN_OF_COUNT = /^\s*(?:of|among|out of)\s+(?:the\s+|these\s+|all\s+)?$/i;
const EN_PERCENT_OF = /^\s+of\s+(?:the\s+|these\s+|all\s+)?$/i;

function tiedCount(text: string, sentence: SentenceView, rate: Figure): Figure | undefined {
  const { clauses, clauseOfFigure } = sentence.clauses;
  const k = sentence.figures.indexOf(rate);
  const c = clauseOfFigure[k]!;
  const clause = clauses[c]!;
  if (clause.verb === 'increase' || clause.verb === 'decrease' || clause.qualifiers & QUALIFIER_ANNUAL_AVERAGE) return undefined;
  const lead = text.slice(clause.span.start, rate.span.start).replace(/\s+/g, sentence.english ? ' ' : '');
  if (sentence.english) {
    // "37.3% of the 40 respondents"
    const next = sentence.figures[k + 1];
    if (next && clauseOfFigure[k + 1] === c && EN_PERCENT_OF.test(text.slice(rate.span.end, next.span.start)) && isCount(next)) return next;
    // "Of the 40 respondents, 37.3% …": the percentage opens the next clause.
    if (lead.trim() !== '' || c === 0) return undefined;
    return countOpening(text, clauses[c - 1]!, (before) => EN_OF_COUNT.test(before));
  }
  // 在200名受访者中，有37.25%… / 调查1200户，满意率83.47%: the percentage's clause says nothing else before it.
  if (!CN_PROPORTION.test(lead.replace(/^(?:在|对)?/, '')) || c === 0) return undefined;
  const previous = clauses[c - 1]!;
  if (previous.figures.length !== 1) return undefined;
  const count = previous.figures[0]!.figure;
  const words = text.slice(previous.span.start, previous.span.end);
  return isCount(count) && (CN_SURVEYED.test(words) || /中$/.test(words.trim())) ? count : undefined;
}

/**
 * 共有中小学120所，其中85.5%的学生…: a percentage that names what it is a share of (…的学生, of their
 * income) is a share of that, not of the count, unless the count's own clause names it too.
 */
function ofTheCounted(text: string, sentence: SentenceView, rate: Figure, count: Figure): boolean {
  const after = text.slice(rate.span.end, Math.min(sentence.span.end, rate.span.end + 12));
  const countClause = sentence.clauses.clauses[sentence.clauses.clauseOfFigure[sentence.figures.indexOf(count)]!];
  const countWords = countClause ? text.slice(countClause.span.start, countClause.span.end) : '';
  // "37.3% of the 40 respondents" names the count itself; "37.3% of their income", after "Of the 40 respondents", does not.
  if (sentence.english) return countClause === sentence.clauses.clauses[sentence.clauses.clauseOfFigure[sentence.figures.indexOf(rate)]!] || !/^\s+of\b/i.test(after);
  const noun = /^的([\u4e00-\u9fff]{1,4})/.exec(after);
  return !noun || [...Array(noun[1]!.length).keys()].some((n) => n >= 1 && countWords.includes(noun[1]!.slice(0, n + 1)));
}

/** The clause's one figure, a count, with only `lead` before it (Of the …). */
function countOpening(text: string, clause: Clause, lead: (before: string) => boolean): Figure | undefined {
  if (clause.figures.length !== 1) return undefined;
  const count = clause.figures[0]!.figure;
  return isCount(count) && lead(text.slice(clause.span.start, count.span.start)) ? count : undefined;
}

/** Counters of occasions, not of things surveyed: 开展调查12次 says how often, not of how many. */
const OCCASIONS: ReadonlySet<string> = new Set(['次', '场', '轮', '期', '遍', '回', '趟', '届', 'times', 'rounds']);

/** A whole number of things, written exactly (not 1.2万户, which stands for 11,500–12,500). */
function isCount(figure: Figure): boolean {
  return (figure.kind === 'count' || figure.kind === 'plain') && !OCCASIONS.has(figure.unit) && isExact(figure) && figure.interval[0] === figure.interval[1] && Number.isInteger(figure.value) && figure.value >= 2;
}

/** Floating point slack: k / n × 100 at an interval's edge still counts as inside it. */
const EPSILON = 1e-9;

export function grim(rate: Figure, count: Figure): ImpossiblePercentageRelation | undefined {
  const n = count.value;
  const [lo, hi] = rate.interval;
  // Coarser than one unit of the count: every printed value is reachable, the test says nothing.
  if ((n * (hi - lo)) / 100 >= 1) return undefined;
  const computed: Interval = [(n * lo) / 100, (n * hi) / 100];
  const first = Math.ceil(computed[0] - EPSILON);
  const consistent = first <= computed[1] + EPSILON && first <= n;
  const below = Math.floor(computed[0]);
  const neighbours = [below, below + 1].filter((v) => v >= 0 && v <= n).map((v) => [v, (v / n) * 100] as const);
  return { type: 'impossible-percentage', rate, count, computed, neighbours, consistent };
}
