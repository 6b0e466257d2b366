import type { Figure } from '../figures/figure';
import { roundSignificant } from '../figures/interval';
import { difference, meets, percentChange, sum } from './arithmetic';
import { YEAR } from '../clauses/periods';
import { QUALIFIER_ANNUAL_AVERAGE, QUALIFIER_REAL } from '../clauses/types';
import { between, clauseOf, isExact, leadOf, type AnalysisContext, type SentenceView } from './context';
import type { ChangeRelation, Interval, UnverifiableRelation } from './types';

const CN_DOWN = /下降|减少|降低|回落|缩小|压减|降至|减至|降到|减到|降|减/;
/** A year named before a level: 由1949年的X增加到1956年的Y. */
const YEAR_OF = `(?:${YEAR}(?:底|末|初)?的?)?`;
/** 由A增至B, 从A提高到B, 由A降至B, 由1949年的A增加到1956年的B. */
const CN_FROM_TO = new RegExp(`^(?:[增加长提高上升扩大降低下减少缩小回落压]{0,4})(?:至|到|为)${YEAR_OF}$`);
const CN_FROM = new RegExp(`[由从]${YEAR_OF}$`);
const CN_CHANGE_VERB = /(增加|增长|提高|上升|提升|扩大|下降|减少|降低|回落|缩小|压减)了?$/;
/** The period a value is compared with: 上年, 上一年, 去年, 1952年, 一九五七年 (末, 底, 同期). */
const CN_BASE_PERIOD = `(?:上一?年|去年|前一年|${YEAR})(?:末|底|同期)?`;
/** 比上年减少4人, 同比增长7.3%, 比上一年增加三十亿元. */
const CN_COMPARED = new RegExp(`(?:比|较)${CN_BASE_PERIOD}|同比`);
/** 较上年的994.1亿元, 比一九五二年的二百七十亿元: the next figure is the value compared with. */
const CN_OF_BASE = new RegExp(`(?:较|比|同)${CN_BASE_PERIOD}的?$`);
const EN_DOWN = /\b(fell|declined|decreased|dropped|lost|down|revised down|edged down)\b/i;

/**
 * Before/after values and a stated change. What the stated change's clause
 * says decides whether it can be checked against the values: real growth
 * (按可比价格, in real terms) cannot be checked against nominal levels, and
 * an annual average is a compound rate over the years the text states — not
 * verifiable when it states none.
 */
export function findChanges(context: AnalysisContext, unverifiable: UnverifiableRelation[]): ChangeRelation[] {
  const relations: ChangeRelation[] = [];
  for (const sentence of context.sentences) {
    if (sentence.figures.length < 2) continue;
    const found: ChangeRelation[] = [];
    if (sentence.english) englishChanges(context, sentence, found);
    else chineseChanges(context, sentence, found);
    for (const relation of found) {
      const decided = decide(sentence, relation);
      if (decided.type === 'change') relations.push(decided);
      else unverifiable.push(decided);
    }
  }
  return relations;
}

function decide(sentence: SentenceView, relation: ChangeRelation): ChangeRelation | UnverifiableRelation {
  const clause = clauseOf(sentence, relation.stated);
  const qualifiers = clause?.qualifiers ?? 0;
  const figures = [relation.stated, ...(relation.before ? [relation.before] : []), ...(relation.after ? [relation.after] : [])];
  if (qualifiers & QUALIFIER_REAL) return { type: 'unverifiable', check: 'change', figures, reason: 'real-growth', consistent: true };
  if (!(qualifiers & QUALIFIER_ANNUAL_AVERAGE)) return relation;
  const years = clause?.period?.years;
  if (!years || !relation.before || !relation.after || relation.stated.kind !== 'percent') return { type: 'unverifiable', check: 'change', figures, reason: 'annual-average-period', consistent: true };
  return annualAverage(relation.before, relation.after, relation.stated, relation.direction, years) ?? { type: 'unverifiable', check: 'change', figures, reason: 'annual-average-period', consistent: true };
}

/** 由2012年的X增加到2017年的Y，年均增长r%: (Y / X)^(1/n) − 1, with intervals throughout. */
function annualAverage(before: Figure, after: Figure, stated: Figure, direction: 1 | -1, years: number): ChangeRelation | undefined {
  const [b0, b1] = before.interval;
  const [a0, a1] = after.interval;
  if (b0 <= 0 || a0 < 0) return undefined;
  const computed: Interval = [(Math.pow(a0 / b1, 1 / years) - 1) * 100, (Math.pow(a1 / b0, 1 / years) - 1) * 100];
  const signed: Interval = direction > 0 ? stated.interval : [-stated.interval[1], -stated.interval[0]];
  return { type: 'change', before, after, stated, measure: 'annual-average', years, direction, operands: [before.value, after.value], computed, consistent: meets(computed, signed) };
}

function chineseChanges(context: AnalysisContext, sentence: SentenceView, out: ChangeRelation[]): void {
  const { text } = context;
  const figures = sentence.figures;
  for (let i = 0; i + 1 < figures.length; i++) {
    const before = figures[i]!;
    const after = figures[i + 1]!;
    const lead = leadOf(text, sentence.span, before);
    const gap = between(text, before, after);
    // 由A增至B …, 增长Y% / 增加X
    if (CN_FROM.test(lead) && CN_FROM_TO.test(gap) && comparable(before, after)) {
      const direction = CN_DOWN.test(gap) ? -1 : 1;
      const stated = figures[i + 2];
      if (stated && isExact(stated)) {
        const verbGap = between(text, after, stated);
        const verb = CN_CHANGE_VERB.exec(verbGap.replace(/[，,、\s]/g, ''));
        if (verb && verbGap.length <= 10) {
          const statedDirection = CN_DOWN.test(verb[1]!) ? -1 : 1;
          const relation = checkChange(before, after, stated, statedDirection === direction ? direction : statedDirection);
          if (relation) out.push(relation);
        }
      }
      i++;
      continue;
    }
    // 全年进出口总额1051.8亿元，较上年的994.1亿元增长5.5%: the second figure is the previous value.
    const ofLastYear = CN_OF_BASE.test(gap.replace(/[，,\s]/g, ''));
    const stated = figures[i + 2];
    if (ofLastYear && stated && isExact(stated) && comparable(before, after)) {
      const verbGap = between(text, after, stated);
      const verb = CN_CHANGE_VERB.exec(verbGap.replace(/[，,、\s]/g, ''));
      if (verb && verbGap.length <= 8) {
        const relation = checkChange(after, before, stated, CN_DOWN.test(verb[1]!) ? -1 : 1);
        if (relation) out.push(relation);
        i += 2;
        continue;
      }
    }
    // 现为9人，比上年减少4人，下降25%: the previous value is implied.
    const compared = CN_COMPARED.exec(gap);
    if (compared && after.kind === before.kind && after.unit === before.unit && isExact(before) && isExact(after)) {
      const verb = CN_CHANGE_VERB.exec(gap.slice(compared.index + compared[0].length).replace(/[，,\s了]/g, '') + '');
      const percent = figures[i + 2];
      if (verb && percent && percent.kind === 'percent' && isExact(percent)) {
        const direction = CN_DOWN.test(verb[1]!) ? -1 : 1;
        const percentGap = between(text, after, percent);
        const percentVerb = CN_CHANGE_VERB.exec(percentGap.replace(/[，,、\s]/g, ''));
        if (percentVerb && percentGap.length <= 8) {
          // previous = current − direction × change
          const previous: Interval = direction > 0 ? difference(before.interval, after.interval) : sum([before.interval, after.interval]);
          const relation = impliedPercent(before, after, percent, direction, previous, after);
          if (relation) out.push(relation);
          i += 2;
        }
      }
    }
  }
}

function englishChanges(context: AnalysisContext, sentence: SentenceView, out: ChangeRelation[]): void {
  const { text } = context;
  const figures = sentence.figures;
  for (let i = 0; i < figures.length; i++) {
    const first = figures[i]!;
    const lead = text.slice(Math.max(sentence.span.start, first.span.start - 24), first.span.start);
    // "rose from 115,851 to 146,444, an increase of 26.6 percent" / "declined from 3.7 percent to 3.5 percent …, a decrease of 0.2 percentage point"
    const fromVerb = /\b(rose|increased|grew|gained|climbed|jumped|fell|declined|decreased|dropped|edged up|edged down)\s+from\s+$/i.exec(lead);
    const to = figures[i + 1];
    const stated = figures[i + 2];
    if (fromVerb && to && stated && /^\s+to\s+$/i.test(between(text, first, to)) && comparable(first, to)) {
      const tail = between(text, to, stated);
      const phrase = /(?:,|\s)\s*(?:an?\s+)?(increase|decrease|rise|decline|drop|gain|fall|up|down)(?:\s+of)?\s+$/i.exec(tail);
      if (phrase && tail.length <= 48) {
        const direction: 1 | -1 = /decrease|decline|drop|fall|down/i.test(phrase[1]!) ? -1 : EN_DOWN.test(fromVerb[1]!) ? -1 : 1;
        const relation = checkChange(first, to, stated, direction);
        if (relation) out.push(relation);
      }
      i += 1;
      continue;
    }
    const byVerb = /\b(rose|increased|grew|gained|climbed|fell|declined|decreased|dropped|revised up|revised down|edged up|edged down|was revised up|was revised down)\s+by\s+$/i.exec(lead);
    if (!byVerb) {
      // "down 4.8 percent from 3,310": current value earlier in the sentence.
      const upDown = /\b(up|down)\s+$/i.exec(lead);
      const from = figures[i + 1];
      if (upDown && first.kind === 'percent' && from && /^\s+from\s+$/i.test(between(text, first, from)) && i >= 1) {
        const current = nearestComparable(figures, i - 1, from);
        if (current) {
          const relation = checkChange(from, current, first, upDown[1]!.toLowerCase() === 'down' ? -1 : 1);
          if (relation) out.push(relation);
        }
      }
      continue;
    }
    const direction: 1 | -1 = EN_DOWN.test(byVerb[1]!) ? -1 : 1;
    const delta = first;
    const a = figures[i + 1];
    const b = figures[i + 2];
    // "rose by D, from A to B" / "revised down by D, from +A to +B"
    if (a && b && /^,?\s+from\s+$/i.test(between(text, delta, a)) && /^\s+to\s+$/i.test(between(text, a, b)) && comparable(a, b)) {
      const relation = checkChange(a, b, delta, direction);
      if (relation) out.push(relation);
      i += 2;
      continue;
    }
    // "rose by 14 cents, or 0.4 percent, to $33.18": previous = after − change.
    const percent = figures[i + 1];
    const after = figures[i + 2];
    if (percent && after && percent.kind === 'percent' && /^,?\s+or\s+$/i.test(between(text, delta, percent)) && /^,?\s+to\s+$/i.test(between(text, percent, after))) {
      const change = inUnitOf(delta, after);
      if (change) {
        const previous: Interval = direction > 0 ? difference(after.interval, change) : sum([after.interval, change]);
        const relation = impliedPercent(after, { ...delta, value: (change[0] + change[1]) / 2, interval: change }, percent, direction, previous, delta);
        if (relation) out.push(relation);
      }
      i += 2;
    }
  }
}

function nearestComparable(figures: readonly Figure[], from: number, like: Figure): Figure | undefined {
  for (let j = from; j >= 0; j--) if (comparable(figures[j]!, like)) return figures[j];
  return undefined;
}

/** Two levels of the same thing: same kind and unit (a bare number may pair with a counted one). */
function comparable(a: Figure, b: Figure): boolean {
  if (!isExact(a) || !isExact(b)) return false;
  if (a.kind === b.kind && a.unit === b.unit) return true;
  return (a.kind === 'plain' && (b.kind === 'count' || b.kind === 'plain')) || (b.kind === 'plain' && a.kind === 'count');
}

/** A change stated in cents against levels in dollars is converted; other unit mismatches are not compared. */
function inUnitOf(change: Figure, level: Figure): Interval | undefined {
  if (change.unit === 'cents' && level.unit === '$') return [change.interval[0] / 100, change.interval[1] / 100];
  if (change.kind === level.kind && change.unit === level.unit) return change.interval;
  if (change.kind === 'plain' || level.kind === 'plain') return change.interval;
  return undefined;
}

function checkChange(before: Figure, after: Figure, stated: Figure, direction: 1 | -1): ChangeRelation | undefined {
  const signed = (interval: Interval): Interval => (direction > 0 ? interval : [-interval[1], -interval[0]]);
  if (stated.kind === 'percent') {
    const computed = percentChange(before.interval, after.interval);
    if (!computed) return undefined;
    return make(before, after, stated, 'percent', direction, computed, meets(computed, signed(stated.interval)));
  }
  if (stated.kind === 'multiple') {
    const computed = percentChange(before.interval, after.interval);
    if (!computed) return undefined;
    const asMultiple: Interval = [computed[0] / 100, computed[1] / 100];
    return make(before, after, stated, 'multiple', direction, asMultiple, meets(asMultiple, signed(stated.interval)));
  }
  const change = inUnitOf(stated, after);
  const percentPoints = stated.kind === 'percentage-point' && before.kind === 'percent' && after.kind === 'percent';
  if (!change && !percentPoints) return undefined;
  const computed = difference(after.interval, before.interval);
  return make(before, after, stated, 'absolute', direction, computed, meets(computed, signed(change ?? stated.interval)));
}

/** The previous value is derived (current − change); the stated percent is checked against change / previous. */
function impliedPercent(current: Figure, change: Figure, percent: Figure, direction: 1 | -1, previous: Interval, delta: Figure): ChangeRelation | undefined {
  if (previous[0] <= 0) return undefined;
  const computed: Interval = [(change.interval[0] / previous[1]) * 100, (change.interval[1] / previous[0]) * 100];
  const consistent = meets(computed, percent.interval);
  const previousValue = roundSignificant(direction > 0 ? current.value - change.value : current.value + change.value);
  return { type: 'change', before: undefined, after: current, delta, stated: percent, measure: 'percent', direction, operands: [previousValue, current.value], computed: direction > 0 ? computed : [-computed[1], -computed[0]], consistent };
}

function make(before: Figure, after: Figure, stated: Figure, measure: ChangeRelation['measure'], direction: 1 | -1, computed: Interval, consistent: boolean): ChangeRelation {
  return { type: 'change', before, after, stated, measure, direction, operands: [before.value, after.value], computed, consistent };
}
