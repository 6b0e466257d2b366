import type { Figure } from '../figures/figure';
import { roundSignificant } from '../figures/interval';
import { bounds, difference, meets, percentChange, sum } from './arithmetic';
import { DURATION_UNITS } from '../clauses/lexicon';
import { YEAR } from '../clauses/periods';
import { QUALIFIER_ANNUAL_AVERAGE, QUALIFIER_REAL, type Clause, type ClauseFigure } from '../clauses/types';
import { between, clauseOf, isExact, leadOf, type AnalysisContext, type SentenceView } from './context';
import type { ChangeRelation, Interval, UnverifiableRelation } from './types';

const CN_DOWN = /下降|减少|降低|回落|缩小|压减|降至|减至|降到|减到|降|减/;
/** A year named before a level: 由1949年的X增加到1956年的Y. */
const YEAR_OF = `(?:${YEAR}(?:底|末|初)?的?)?`;
/** 由A增至B, 从A提高到B, 由A降至B, 由1949年的A增加到1956年的B. */
const CN_FROM_TO = new RegExp(`^(?:[增加长提高上升扩大降低下减少缩小回落压]{0,4})(?:至|到|为)${YEAR_OF}$`);
const CN_FROM = new RegExp(`[由从]${YEAR_OF}的?$`);
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
  context.sentences.forEach((sentence, index) => {
    if (sentence.figures.length === 0) return;
    const found: ChangeRelation[] = [];
    if (sentence.english) englishChanges(context, sentence, found);
    else if (sentence.figures.length >= 2) chineseChanges(context, sentence, found);
    if (!sentence.english) {
      baseInEarlierSentence(context, index, found);
      movementInEarlierSentence(context, index, found);
      annualFromTotal(sentence, found);
    }
    for (const relation of found) {
      const decided = decide(sentence, relation);
      if (decided.type === 'change') relations.push(decided);
      else unverifiable.push(decided);
    }
  });
  return relations;
}

/** How many sentences back the value compared with may stand (；ends a sentence too). */
const BASE_LOOKBACK = 2;

/**
 * 一九五八年又比一九五七年增加百分之五十，达到六十六万人 after 到了一九五七年已经有四十四万人:
 * a change against a named year whose value is not in the sentence is checked against
 * the value an earlier sentence of the paragraph states for that year, same unit.
 */
function baseInEarlierSentence(context: AnalysisContext, index: number, out: ChangeRelation[]): void {
  const sentence = context.sentences[index]!;
  const { clauses } = sentence.clauses;
  if (clauses.some((c) => c.figures.some((f) => f.role === 'base'))) {
    comparedWithEarlierLevel(context, index, out);
    return;
  }
  for (const clause of clauses) {
    const base = clause.base;
    if (!base || !/^Y\d+$/.test(base.key) || clause.qualifiers & (QUALIFIER_ANNUAL_AVERAGE | QUALIFIER_REAL)) continue;
    const change = clause.figures.find((f) => f.role === 'change' && (f.figure.kind === 'percent' || f.figure.kind === 'multiple') && isExact(f.figure));
    if (!change) continue;
    const after = levelNear(clauses, clause, change.figure, base.key);
    if (!after) continue;
    const before = valueForPeriod(context, index, base.key, after.figure);
    if (!before) continue;
    const relation = checkChange(before, after.figure, change.figure, clause.verb === 'decrease' ? -1 : 1);
    if (relation) out.push(relation);
  }
}

/**
 * The value stated for `period` nearest before the change: in earlier clauses of the
 * sentence, then in the sentences before it. The nearest clause of that period decides:
 * if its value is not exact (七百多万人) or not comparable, there is no value to use.
 */
/**
 * The level a change of the clause leads to: the nearest level before the change in
 * the sentence (…上升到583亿元，比1949年增长79%), else the one after it (…增加50%，达到66万人);
 * never one stated for the year compared with.
 */
function levelNear(clauses: readonly Clause[], clause: Clause, change: Figure, basePeriod: string): ClauseFigure | undefined {
  const levels = clauses
    .filter((c) => c.period?.key !== basePeriod || c === clause)
    .flatMap((c) => c.figures)
    .filter((f) => (f.role === 'level' || f.role === 'target') && f.figure.kind !== 'percent' && isExact(f.figure));
  const before = levels.filter((f) => f.figure.span.start < change.span.start);
  return before.length > 0 ? before[before.length - 1] : levels.find((f) => f.figure.span.start > change.span.start);
}

/**
 * 如果同一九五零年的一百七十亿元作比较，则增长二点八倍: a sentence that compares a value with
 * a stated earlier one but states no level of its own speaks of the level the sentence before
 * it ends with.
 */
function comparedWithEarlierLevel(context: AnalysisContext, index: number, out: ChangeRelation[]): void {
  const sentence = context.sentences[index]!;
  const figures = sentence.clauses.clauses.flatMap((c) => c.figures);
  if (figures.some((f) => f.role === 'level' || f.role === 'target')) return;
  const base = figures.find((f) => f.role === 'base' && isExact(f.figure));
  const changes = (f: ClauseFigure): boolean => {
    const verb = clauseOf(sentence, f.figure)?.verb;
    return verb === 'increase' || verb === 'decrease';
  };
  const change = figures.find((f) => (f.role === 'change' || f.role === 'multiple') && (f.figure.kind === 'percent' || f.figure.kind === 'multiple') && isExact(f.figure) && f.figure.span.start > (base?.figure.span.start ?? Infinity) && changes(f));
  const previous = context.sentences[index - 1];
  if (!base || !change || !previous) return;
  // The level must be the only one of its unit the sentence before states: with two (GDP and revenue), which is meant is unknown.
  const levels = previous.clauses.clauses.flatMap((c) => c.figures).filter((f) => (f.role === 'level' || f.role === 'target') && comparable(base.figure, f.figure));
  if (levels.length !== 1) return;
  const after = levels[0]!;
  const clause = clauseOf(sentence, change.figure);
  const relation = checkChange(base.figure, after.figure, change.figure, clause?.verb === 'decrease' ? -1 : 1);
  if (relation) out.push(relation);
}

/**
 * 1952年职工年平均工资是446元，1956年提高到610元。在四年中间，提高了将近37%: a sentence that
 * states only a change — no metric, no value of its own — speaks of the movement the sentence
 * before it states (a level, then the level it rose or fell to), in the same direction. A stretch
 * of years in it (四年) must be the one between the two levels' periods; when those periods are
 * not both years, it cannot be told which movement is meant.
 */
function movementInEarlierSentence(context: AnalysisContext, index: number, out: ChangeRelation[]): void {
  const sentence = context.sentences[index]!;
  const previous = context.sentences[index - 1];
  const { clauses } = sentence.clauses;
  if (!previous || clauses.some((c) => c.metric !== '' || c.figures.some((f) => f.role !== 'change' && f.role !== 'duration'))) return;
  const changes = clauses.flatMap((c) => c.figures.filter((f) => f.role === 'change').map((f) => ({ clause: c, figure: f.figure })));
  if (changes.length !== 1 || changes[0]!.figure.kind !== 'percent' || changes[0]!.figure.signed) return;
  const { clause, figure: stated } = changes[0]!;
  if ((clause.verb !== 'increase' && clause.verb !== 'decrease') || clause.qualifiers & (QUALIFIER_ANNUAL_AVERAGE | QUALIFIER_REAL)) return;
  const movement = movementOf(previous);
  if (!movement || movement.verb !== clause.verb) return;
  const duration = clauses.flatMap((c) => c.figures).find((f) => f.role === 'duration');
  if (duration) {
    const from = /^Y(\d{4})$/.exec(movement.before.period);
    const to = /^Y(\d{4})$/.exec(movement.after.period);
    if (!from || !to || duration.figure.unit !== '年' || !meets(duration.figure.interval, [Number(to[1]) - Number(from[1]), Number(to[1]) - Number(from[1])])) return;
  }
  const computed = percentChange(movement.before.figure.interval, movement.after.figure.interval);
  if (!computed) return;
  const direction = clause.verb === 'decrease' ? -1 : 1;
  // 将近37% is at most 37: the stated change is compared as far as its words allow.
  const allowed = bounds(stated);
  const signed: Interval = direction > 0 ? allowed : [-allowed[1], -allowed[0]];
  out.push(make(movement.before.figure, movement.after.figure, stated, 'percent', direction, computed, meets(computed, signed)));
}

/** The one movement a sentence states: a level, then the level reached (到/至) by a change verb, in the same metric. */
function movementOf(sentence: SentenceView): { before: { figure: Figure; period: string }; after: { figure: Figure; period: string }; verb: 'increase' | 'decrease' } | undefined {
  const { clauses } = sentence.clauses;
  const targets = clauses.filter((c) => c.figures.some((f) => f.role === 'target'));
  const changes = clauses.flatMap((c) => c.figures).filter((f) => f.role === 'change');
  if (targets.length !== 1 || changes.length > 0) return undefined;
  const target = targets[0]!;
  const after = target.figures.filter((f) => f.role === 'target');
  const levels = clauses.flatMap((c) => c.figures.filter((f) => (f.role === 'level' || f.role === 'base') && f.figure.span.start < after[0]!.figure.span.start).map((f) => ({ f, c })));
  if (after.length !== 1 || levels.length !== 1 || (target.verb !== 'increase' && target.verb !== 'decrease')) return undefined;
  const { f: level, c: levelClause } = levels[0]!;
  if (!comparable(level.figure, after[0]!.figure) || levelClause.metric === '' || (levelClause !== target && target.metric !== levelClause.metric)) return undefined;
  return { before: { figure: level.figure, period: levelClause.period?.key ?? '' }, after: { figure: after[0]!.figure, period: target.period?.key ?? '' }, verb: target.verb };
}

function valueForPeriod(context: AnalysisContext, index: number, period: string, like: Figure): Figure | undefined {
  for (let s = index; s >= Math.max(0, index - BASE_LOOKBACK); s--) {
    const clauses = context.sentences[s]!.clauses.clauses;
    for (let c = clauses.length - 1; c >= 0; c--) {
      const clause = clauses[c]!;
      if (clause.period?.key !== period || (s === index && clause.base?.key === period)) continue;
      // The nearest clause of that period that states a level decides (…四十四万人，即增加一倍多: the change is no level).
      const level = clause.figures.find((f) => f.role === 'level' || f.role === 'target');
      if (!level) continue;
      return comparable(level.figure, like) && onlyLevelOfPeriod(clauses, period, level.figure) ? level.figure : undefined;
    }
  }
  return undefined;
}

/** No other level of the same unit is stated for the period in the sentence (2019年GDP 4000亿元，财政收入300亿元): else which is meant is unknown. */
function onlyLevelOfPeriod(clauses: readonly Clause[], period: string, level: Figure): boolean {
  return !clauses.some((c) => c.period?.key === period && c.figures.some((f) => f.figure !== level && (f.role === 'level' || f.role === 'target') && comparable(f.figure, level)));
}

/**
 * 比一九七八年增长百分之三十二点六，平均每年增长百分之七点三: an annual average stated
 * after the total change of the same metric over years the text states is the
 * compound rate (1 + total)^(1/n) − 1.
 */
function annualFromTotal(sentence: SentenceView, out: ChangeRelation[]): void {
  const { clauses } = sentence.clauses;
  for (let c = 1; c < clauses.length; c++) {
    const clause = clauses[c]!;
    if (!(clause.qualifiers & QUALIFIER_ANNUAL_AVERAGE) || clause.qualifiers & QUALIFIER_REAL) continue;
    const average = clause.figures.find((f) => f.role === 'change' && f.figure.kind === 'percent' && isExact(f.figure));
    if (!average) continue;
    const previous = clauses[c - 1]!;
    const total = previous.figures.find((f) => f.role === 'change' && (f.figure.kind === 'percent' || f.figure.kind === 'multiple') && isExact(f.figure));
    if (!total || previous.qualifiers & (QUALIFIER_ANNUAL_AVERAGE | QUALIFIER_REAL) || !(clause.metricInherited || clause.metric === previous.metric)) continue;
    const years = yearsOf(previous);
    if (!years) continue;
    const factor: Interval = total.figure.kind === 'percent' ? [1 + total.figure.interval[0] / 100, 1 + total.figure.interval[1] / 100] : [1 + total.figure.interval[0], 1 + total.figure.interval[1]];
    if (factor[0] <= 0) continue;
    const direction: 1 | -1 = clause.verb === 'decrease' ? -1 : 1;
    const computed: Interval = [(Math.pow(factor[0], 1 / years) - 1) * 100, (Math.pow(factor[1], 1 / years) - 1) * 100];
    const signed: Interval = direction > 0 ? average.figure.interval : [-average.figure.interval[1], -average.figure.interval[0]];
    out.push({ type: 'change', before: undefined, after: undefined, delta: total.figure, stated: average.figure, measure: 'annual-average', years, direction, operands: [0, 0], computed, consistent: meets(computed, signed) });
  }
}

/** The years a clause's change spans: its own stretch (五年来, 2012年到2017年), or from the year compared with to its own. */
function yearsOf(clause: Clause): number | undefined {
  if (clause.period?.years) return clause.period.years;
  const to = /^Y(\d{4})$/.exec(clause.period?.key ?? '');
  const from = /^Y(\d{4})$/.exec(clause.base?.key ?? '');
  return to && from && Number(to[1]) > Number(from[1]) ? Number(to[1]) - Number(from[1]) : undefined;
}

function decide(sentence: SentenceView, relation: ChangeRelation): ChangeRelation | UnverifiableRelation {
  // Already read as a compound rate from its clauses.
  if (relation.measure === 'annual-average') return relation;
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
      // 四年间增长…: the duration names the stretch, the change comes after it.
      const stated = figures.slice(i + 2, i + 4).find((f) => !(f.kind === 'measure' && DURATION_UNITS.has(f.unit)));
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
          // 比上年增加2.1亿元，下降6.1%: the percent's own verb must go the same way.
          const relation = impliedPercent(before, after, percent, direction, previous, after, CN_DOWN.test(percentVerb[1]!) ? -1 : 1);
          if (relation) out.push(relation);
          i += 2;
        }
      }
    }
  }
}

const EN_CHANGE_VERB = 'rose|increased|grew|gained|climbed|jumped|advanced|fell|declined|decreased|dropped|slipped|edged up|edged down|was up|was down';

/**
 * "Total sales grew 4.2 percent to $18.6 billion from $17.85 billion" and "fell 3.1 percent
 * to A from B": the stated change first, then the level reached, then the one before.
 */
function englishChangeToFrom(text: string, sentence: SentenceView, out: ChangeRelation[]): void {
  const figures = sentence.figures;
  for (let i = 0; i + 2 < figures.length; i++) {
    const [stated, after, before] = [figures[i]!, figures[i + 1]!, figures[i + 2]!];
    const verb = new RegExp(`\\b(${EN_CHANGE_VERB})(?:\\s+by)?\\s+$`, 'i').exec(text.slice(Math.max(sentence.span.start, stated.span.start - 24), stated.span.start));
    if (!verb || !/^,?\s+to\s+$/i.test(between(text, stated, after)) || !/^\s+(?:[a-z ]{0,40}?\s)?from\s+$/i.test(between(text, after, before).replace(/\bin the (?:first|second|third|fourth) quarter\b/i, ' '))) continue;
    if (!comparable(before, after) || !isExact(stated)) continue;
    const relation = checkChange(before, after, stated, EN_DOWN.test(verb[1]!) ? -1 : 1);
    if (relation) out.push(relation);
    i += 2;
  }
}

/** "grew at an average annual rate of 6.0 percent from 2021 to 2026, from $1.83 billion to $2.45 billion". */
function englishAnnualRate(text: string, sentence: SentenceView, out: ChangeRelation[]): void {
  for (const clause of sentence.clauses.clauses) {
    if (!(clause.qualifiers & QUALIFIER_ANNUAL_AVERAGE) || clause.qualifiers & QUALIFIER_REAL) continue;
    const stated = clause.figures.find((f) => f.figure.kind === 'percent' && isExact(f.figure));
    const years = clause.period?.years ?? sentence.clauses.clauses.find((c) => c.period?.years)?.period?.years;
    if (!stated || !years) continue;
    const figures = sentence.figures;
    for (let k = 0; k + 1 < figures.length; k++) {
      const [before, after] = [figures[k]!, figures[k + 1]!];
      if (before.span.start < stated.figure.span.end || !comparable(before, after)) continue;
      if (!/\bfrom\s+$/i.test(text.slice(Math.max(sentence.span.start, before.span.start - 8), before.span.start)) || !/^\s+to\s+$/i.test(between(text, before, after))) continue;
      const relation = annualAverage(before, after, stated.figure, clause.verb === 'decrease' ? -1 : 1, years);
      if (relation) out.push(relation);
      break;
    }
  }
}

function englishChanges(context: AnalysisContext, sentence: SentenceView, out: ChangeRelation[]): void {
  const { text } = context;
  const figures = sentence.figures;
  englishChangeToFrom(text, sentence, out);
  englishAnnualRate(text, sentence, out);
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
function impliedPercent(current: Figure, change: Figure, percent: Figure, direction: 1 | -1, previous: Interval, delta: Figure, percentDirection: 1 | -1 = direction): ChangeRelation | undefined {
  if (previous[0] <= 0) return undefined;
  const computed: Interval = [(change.interval[0] / previous[1]) * 100, (change.interval[1] / previous[0]) * 100];
  const consistent = percentDirection === direction && meets(computed, percent.interval);
  const previousValue = roundSignificant(direction > 0 ? current.value - change.value : current.value + change.value);
  // The relation's direction is the stated percent's: the message compares it with the computed one.
  return { type: 'change', before: undefined, after: current, delta, stated: percent, measure: 'percent', direction: percentDirection, operands: [previousValue, current.value], computed: direction > 0 ? computed : [-computed[1], -computed[0]], consistent };
}

function make(before: Figure, after: Figure, stated: Figure, measure: ChangeRelation['measure'], direction: 1 | -1, computed: Interval, consistent: boolean): ChangeRelation {
  return { type: 'change', before, after, stated, measure, direction, operands: [before.value, after.value], computed, consistent };
}
