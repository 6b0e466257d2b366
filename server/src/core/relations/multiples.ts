import { readPeriods } from '../clauses/periods';
import { QUALIFIER_ANNUAL_AVERAGE, QUALIFIER_REAL } from '../clauses/types';
import { valuesBefore } from './sizeWords';
import type { Figure } from '../figures/figure';
import { meets } from './arithmetic';
import { clauseOf, isExact, type AnalysisContext, type SentenceView } from './context';
import type { ChangeRelation, Interval, MultipleRelation } from './types';

/**
 * 倍 read as Chinese grammar has it: 增长N倍 (增加了N倍) adds N times the base, ×(N+1); 是/为/等于…的N倍
 * and 增长到N倍 are ×N. Mixing the two readings is a classic error of report writing, so a stated
 * increase by N倍 whose values give ×N is reported as that confusion (not as a plain change mismatch).
 * 下降/减少N倍 has no reading: a quantity falls by at most all of it.
 */
export function findMultiples(context: AnalysisContext, changes: readonly ChangeRelation[]): { multiples: MultipleRelation[]; changes: readonly ChangeRelation[] } {
  const multiples: MultipleRelation[] = [];
  const taken = new Set<ChangeRelation>();
  for (const change of changes) {
    const read = confusedIncrease(change) ?? decreaseBy(change);
    if (!read) continue;
    multiples.push(read);
    taken.add(change);
  }
  // A multiple the change reader already checks (or handed over above) is not read twice. Made when
  // the first multiple turns up: most paragraphs have none, and this runs for every paragraph.
  let read: Set<Figure> | undefined;
  for (const sentence of context.sentences) {
    for (const figure of sentence.figures) {
      if (figure.kind !== 'multiple') continue;
      read ??= new Set<Figure>([...changes.map((c) => c.stated), ...multiples.map((m) => m.stated)]);
      if (read.has(figure)) continue;
      const found = decreaseWithoutValues(context.text, sentence, figure) ?? timesOf(context.text, sentence, figure) ?? increaseBy(context.text, sentence, figure);
      if (found) multiples.push(found);
    }
  }
  return { multiples, changes: taken.size === 0 ? changes : changes.filter((c) => !taken.has(c)) };
}

/** after / before over the values' intervals. */
function ratioOf(before: Figure, after: Figure): Interval | undefined {
  return before.interval[0] > 0 ? [after.interval[0] / before.interval[1], after.interval[1] / before.interval[0]] : undefined;
}

/** 由50亿元增加到100亿元，增长了2倍: the values give ×2, which is 增长1倍; 2倍 is the ratio, not the increase. */
function confusedIncrease(change: ChangeRelation): MultipleRelation | undefined {
  if (change.measure !== 'multiple' || change.consistent || change.direction < 0 || !change.before || !change.after) return undefined;
  const ratio = ratioOf(change.before, change.after);
  if (!ratio || !meets(ratio, change.stated.interval)) return undefined;
  return { type: 'multiple', stated: change.stated, reading: 'increase-by', before: change.before, after: change.after, computed: ratio, consistent: false };
}

/** 由60亿元减少到20亿元，减少了3倍: the values show the decrease in percent. */
function decreaseBy(change: ChangeRelation): MultipleRelation | undefined {
  if (change.measure !== 'multiple' || change.direction > 0 || change.stated.unit !== '倍') return undefined;
  const ratio = change.before && change.after ? ratioOf(change.before, change.after) : undefined;
  return { type: 'multiple', stated: change.stated, reading: 'decrease-by', before: change.before, after: change.after, computed: ratio, consistent: false };
}

const CN_INCREASE_BEFORE = /(?:增长|增加|提高|上升|扩大)了?$/;

/**
 * 由每人每年120元提高到200元，增长了1.7倍, where the change reader found no relation: the values the
 * clauses give the sentence (valuesBefore). Reported only as the ×N confusion; a consistent one is listed.
 */
function increaseBy(text: string, sentence: SentenceView, figure: Figure): MultipleRelation | undefined {
  if (sentence.english || figure.unit !== '倍' || !isExact(figure) || !CN_INCREASE_BEFORE.test(text.slice(Math.max(sentence.span.start, figure.span.start - 4), figure.span.start))) return undefined;
  const clause = clauseOf(sentence, figure);
  if (!clause || clause.qualifiers & (QUALIFIER_REAL | QUALIFIER_ANNUAL_AVERAGE)) return undefined;
  const values = valuesBefore(sentence, figure.span.start);
  const ratio = values && ratioOf(values.before, values.after);
  if (!values || !ratio) return undefined;
  const growth: Interval = [ratio[0] - 1, ratio[1] - 1];
  if (meets(growth, figure.interval)) return { type: 'multiple', stated: figure, reading: 'increase-by', before: values.before, after: values.after, computed: ratio, consistent: true };
  return meets(ratio, figure.interval) ? { type: 'multiple', stated: figure, reading: 'increase-by', before: values.before, after: values.after, computed: ratio, consistent: false } : undefined;
}

const CN_DECREASE_BEFORE = /(?:下降|减少|降低|缩小|压缩|压减|减)了?$/;
const EN_TIMES_LESS = /^\s+(?:less|smaller|lower|fewer)\b/i;

/** 产量减少了3倍, three times less: stated without values, still no decrease a quantity can have. */
function decreaseWithoutValues(text: string, sentence: SentenceView, figure: Figure): MultipleRelation | undefined {
  const invalid = sentence.english ? EN_TIMES_LESS.test(text.slice(figure.span.end, figure.span.end + 12)) : figure.unit === '倍' && CN_DECREASE_BEFORE.test(text.slice(Math.max(sentence.span.start, figure.span.start - 4), figure.span.start));
  if (!invalid) return undefined;
  return { type: 'multiple', stated: figure, reading: 'decrease-by', before: undefined, after: undefined, computed: undefined, consistent: false };
}

/** 是/为/等于/相当于/达到/增长到…的N倍: the words between name what is compared with. */
const CN_TIMES_LEAD = /(?:是|为|等于|相当于|达到|增长到|增加到|提高到|上升到|扩大到|增至|提高至|上升至|扩大至)([^，。；、]{0,16})的$/;
/** 增长到3倍, 扩大至2倍: the multiple reached, with nothing named between (增长到2019年的3倍 is CN_TIMES_LEAD's). */
const CN_REACHED = /(?:增长|增加|提高|扩大|上升)(?:到|至)$/;
const EN_TIMES_AFTER = /^\s+(?:as\s+(?:much|many|large|high|big|great)\s+as\s+|the\s+|that\s+of\s+)(?:the\s+|in\s+)?$/i;

/**
 * ×N against values: the value compared with stands inside 是…的 (为2019年30亿元的两倍) or is the
 * sentence's one level of the period named there (是上年的3倍 … 上年为20亿元); the value reached is
 * the sentence's one other comparable level.
 */
function timesOf(text: string, sentence: SentenceView, figure: Figure): MultipleRelation | undefined {
  // Real growth removes price changes: a multiple at comparable prices cannot be checked against nominal values.
  if (!isExact(figure) || sentence.clauses.clauses.some((c) => c.qualifiers & QUALIFIER_REAL)) return undefined;
  const values = sentence.english ? englishTimes(text, sentence, figure) : chineseTimes(text, sentence, figure);
  const ratio = values && ratioOf(values.before, values.after);
  if (!values || !ratio) return undefined;
  return { type: 'multiple', stated: figure, reading: 'times', before: values.before, after: values.after, computed: ratio, consistent: meets(ratio, figure.interval) };
}

/** "$12 billion, three times the $6 billion of 2019": the value after "times the", and the one comparable level before. */
function englishTimes(text: string, sentence: SentenceView, figure: Figure): { before: Figure; after: Figure } | undefined {
  const figures = sentence.figures;
  const k = figures.indexOf(figure);
  const next = figures[k + 1];
  if (!next || !EN_TIMES_AFTER.test(text.slice(figure.span.end, next.span.start))) return undefined;
  const after = onlyComparable(figures.slice(0, k), next);
  return after && { before: next, after };
}

function chineseTimes(text: string, sentence: SentenceView, figure: Figure): { before: Figure; after: Figure } | undefined {
  const figures = sentence.figures;
  const window = text.slice(Math.max(sentence.span.start, figure.span.start - 24), figure.span.start);
  // 由50亿元增长到150亿元，即增长到3倍: reached ×N of the sentence's value compared with.
  if (CN_REACHED.test(window)) return valuesBefore(sentence, figure.span.start);
  const lead = CN_TIMES_LEAD.exec(window);
  if (!lead) return undefined;
  const named = figure.span.start - lead[0].length + lead[0].indexOf(lead[1]!);
  const inside = figures.filter((f) => f.span.start >= named && f.span.end <= figure.span.start);
  if (inside.length === 1) {
    const before = inside[0]!;
    const after = onlyComparable(figures.slice(0, figures.indexOf(before)), before, true);
    return after && { before, after };
  }
  if (inside.length > 0) return undefined;
  const compared = readPeriods(lead[1]!, false).period;
  return compared && levelsOfPeriods(text, sentence, figure, compared.key);
}

/** 是上年的3倍，上年为20亿元，今年为60亿元: the one level stated for the year compared with, and the one other level. */
function levelsOfPeriods(text: string, sentence: SentenceView, figure: Figure, compared: string): { before: Figure; after: Figure } | undefined {
  const figures = sentence.figures;
  const own = sentence.clauses.clauseOfFigure[figures.indexOf(figure)]!;
  // Periods said in the clause itself: the reader lets later clauses inherit 上年 from 是上年的3倍.
  const ownPeriod = (f: Figure) => {
    const clause = clauseOf(sentence, f);
    return clause && clause !== clauseOf(sentence, figure) ? readPeriods(text.slice(clause.span.start, f.span.start), false).period?.key : undefined;
  };
  const levels = figures.filter((f) => f !== figure && f.kind !== 'multiple' && f.kind !== 'percent' && isExact(f));
  const ofPeriod = levels.filter((f) => ownPeriod(f) === compared);
  if (ofPeriod.length !== 1) return undefined;
  const before = ofPeriod[0]!;
  // The value reached: in the multiple's clause or the one before it, or stated for a period of its own.
  const near = (f: Figure) => {
    const at = sentence.clauses.clauseOfFigure[figures.indexOf(f)]!;
    const period = ownPeriod(f);
    return at === own || at === own - 1 || (period !== undefined && period !== compared);
  };
  const after = onlyComparable(levels.filter((f) => f !== before && near(f)), before);
  return after && { before, after };
}

/** The one value among `candidates` comparable with `like` (same kind and unit); `nearest`: the last one, if the nearest. */
function onlyComparable(candidates: readonly Figure[], like: Figure, nearest = false): Figure | undefined {
  const same = candidates.filter((f) => isExact(f) && f.kind === like.kind && f.unit === like.unit && f.kind !== 'multiple' && f.kind !== 'percent');
  if (nearest) return same.length > 0 && candidates[candidates.length - 1] === same[same.length - 1] ? same[same.length - 1] : undefined;
  return same.length === 1 ? same[0] : undefined;
}
