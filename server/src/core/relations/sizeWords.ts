import { QUALIFIER_PLAN, QUALIFIER_REAL, type Clause, type ClauseFigure } from '../clauses/types';
import type { Figure } from '../figures/figure';
import { meets } from './arithmetic';
import { isExact, type AnalysisContext, type SentenceView } from './context';
import type { Interval, SizeWordRelation, UnverifiableRelation } from './types';

/**
 * Words that state a size, each with the values it allows and why. One table for both
 * languages; every bound is set wide of usage, so that only a clear contradiction is flagged:
 * a word that allows "about twice" allows ×1.8–×2.3, not ×2 exactly.
 */
export interface SizeWord {
  /** The word as a pattern (anchored where it is used). */
  readonly source: string;
  readonly english: boolean;
  /** What the word describes: a percentage change, a share in %, or after / before. */
  readonly measure: SizeWordRelation['measure'];
  /** The values it allows; `above`: any value above `allowed[0]` (过半 is true of 95%). */
  readonly allowed: Interval;
  readonly above?: boolean;
  /** A stable key for the message that says what the word means. */
  readonly meaning: SizeWordRelation['meaning'];
}

const TENTHS = '[一二三四五六七八九]';
const CN_TENTH: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

export const SIZE_WORDS: readonly SizeWord[] = [
  // Changes. A change under 1% is the smallest step statistical series report at all: no reader calls it large.
  { source: '大幅度?|显著|明显|快速|迅速|大大|急剧', english: false, measure: 'change', allowed: [1, Infinity], meaning: 'large-change' },
  { source: 'sharply|substantially|significantly|dramatically|steeply|markedly|strongly', english: true, measure: 'change', allowed: [1, Infinity], meaning: 'large-change' },
  // A change of 10% or more is ten times what 略/小幅/slightly describe in any series (BLS "edged up" is 0.1–0.2%).
  { source: '略有|稍有|略|稍|小幅度?|微|轻微', english: false, measure: 'change', allowed: [0, 10], meaning: 'small-change' },
  { source: 'slightly|modestly|marginally|a little|somewhat', english: true, measure: 'change', allowed: [0, 10], meaning: 'small-change' },
  // Shares. 过半 and more than half say "above 50%": true of any larger share, false of 50% or less.
  // Not 过半年 or 近半个月: half of a span of time is no share.
  { source: '(?:过半数?|超过半数|超过一半|半数以上|一半以上)(?![年月个天日周世])', english: false, measure: 'share', allowed: [50, 100], above: true, meaning: 'share-above' },
  { source: 'more than half|over half', english: true, measure: 'share', allowed: [50, 100], above: true, meaning: 'share-above' },
  // 近半/nearly half: just under half; a share far from it (below 35%, above 52%) is another size.
  { source: '(?:近半数?|接近一半|将近一半|近一半|接近半数)(?![年月个天日周世])', english: false, measure: 'share', allowed: [35, 52], meaning: 'share-near' },
  { source: 'nearly half|almost half|close to half', english: true, measure: 'share', allowed: [35, 52], meaning: 'share-near' },
  // 成 counts tenths: 近三成 is just under 30%, 逾三成/超过三成/三成以上 above it (the bounds are set per word below).
  { source: `(?:近|接近|将近)(${TENTHS})成`, english: false, measure: 'share', allowed: [-7, 1], meaning: 'share-near' },
  { source: `(?:逾|超过|超)(${TENTHS})成|(${TENTHS})成以上|(${TENTHS})成多`, english: false, measure: 'share', allowed: [0, 100], above: true, meaning: 'share-above' },
  { source: '(?:超过|逾)?三分之一以上|超过三分之一|逾三分之一', english: false, measure: 'share', allowed: [100 / 3, 100], above: true, meaning: 'share-above' },
  { source: 'more than (?:a|one) third|over (?:a|one) third', english: true, measure: 'share', allowed: [100 / 3, 100], above: true, meaning: 'share-above' },
  // Ratios. 番 doubles: 翻一番 ×2, 翻两番 ×4 (not ×3); reports round them, so ×1.8–×2.3 and ×3.6–×4.6.
  { source: '翻了?一番多|翻番多', english: false, measure: 'ratio', allowed: [2, 3.6], meaning: 'ratio' },
  { source: '(?:接近|将近|近)翻了?一番|(?:接近|将近|近)翻番', english: false, measure: 'ratio', allowed: [1.6, 2.05], meaning: 'ratio' },
  { source: '翻了?一番|翻了?番', english: false, measure: 'ratio', allowed: [1.8, 2.3], meaning: 'ratio' },
  { source: '翻了?两番多', english: false, measure: 'ratio', allowed: [4, 7.2], meaning: 'ratio' },
  { source: '翻了?两番', english: false, measure: 'ratio', allowed: [3.6, 4.6], meaning: 'ratio' },
  { source: '翻了?三番', english: false, measure: 'ratio', allowed: [7.2, 9.2], meaning: 'ratio' },
  { source: 'more than doubled', english: true, measure: 'ratio', allowed: [2, 3.6], meaning: 'ratio' },
  { source: '(?:nearly|almost) doubled', english: true, measure: 'ratio', allowed: [1.6, 2.05], meaning: 'ratio' },
  { source: 'doubled', english: true, measure: 'ratio', allowed: [1.8, 2.3], meaning: 'ratio' },
  { source: 'more than tripled', english: true, measure: 'ratio', allowed: [3, 4.6], meaning: 'ratio' },
  { source: '(?:nearly|almost) tripled', english: true, measure: 'ratio', allowed: [2.4, 3.05], meaning: 'ratio' },
  { source: 'tripled|trebled', english: true, measure: 'ratio', allowed: [2.7, 3.4], meaning: 'ratio' },
  { source: 'quadrupled', english: true, measure: 'ratio', allowed: [3.6, 4.6], meaning: 'ratio' },
];

const CN_CHANGE_VERB = '增长|增加|提高|上升|提升|上涨|扩大|下降|减少|降低|回落|下跌|下滑|缩小|回升|增|降|涨|跌';
const EN_CHANGE_VERB = 'rose|increased|grew|climbed|jumped|gained|fell|declined|decreased|dropped|slipped|shrank|rising|falling|increasing|decreasing|growing|declining';

/** A change word stands right before the verb that stands right before its figure: 大幅增长0.4%, 比上年略有下降15%. */
function changePattern(word: SizeWord): RegExp {
  return word.english
    ? new RegExp(`\\b(?:(?:${EN_CHANGE_VERB})\\s+(${word.source})|(${word.source})\\s+(?:${EN_CHANGE_VERB})),?\\s+(?:by\\s+)?$`, 'i')
    : new RegExp(`(${word.source})地?(?:${CN_CHANGE_VERB})了?$`);
}

/** A share word glosses the figure right after it: 过半（52.3%）, 近三成，为28.6%, more than half (48.2 percent). */
const CN_SHARE_GAP = /^(?:的?(?:比例|比重|占比|份额)?[，,（(：:]?(?:达到?|为|约为|即|是|占|占比)?|的[\u4e00-\u9fff]{1,8}[（(])$/;
const EN_SHARE_GAP = /^\s*(?:of\s+(?:the\s+|all\s+|these\s+)?[a-z]+(?:\s+[a-z]+)?\s*)?[,(:—–-]?\s*(?:or|at|about)?\s*$/i;

const CHANGE_WORDS = SIZE_WORDS.filter((w) => w.measure === 'change').map((word) => ({ word, pattern: changePattern(word) }));
const SHARE_WORDS = SIZE_WORDS.filter((w) => w.measure === 'share').map((word) => ({ word, pattern: new RegExp(word.english ? `\\b(?:${word.source})\\b` : `(?:${word.source})`, word.english ? 'gi' : 'g') }));
const RATIO_WORDS = SIZE_WORDS.filter((w) => w.measure === 'ratio').map((word) => ({ word, pattern: new RegExp(word.english ? `\\b(?:${word.source})\\b` : `(?:${word.source})`, word.english ? 'gi' : 'g') }));

/** Size words and the figures they describe, in one paragraph. */
export function findSizeWords(context: AnalysisContext, unverifiable: UnverifiableRelation[]): SizeWordRelation[] {
  const out: SizeWordRelation[] = [];
  for (const sentence of context.sentences) {
    if (sentence.figures.length === 0) continue;
    changeWords(context.text, sentence, out);
    shareWords(context.text, sentence, out);
    ratioWords(context.text, sentence, out, unverifiable);
  }
  return out;
}

function changeWords(text: string, sentence: SentenceView, out: SizeWordRelation[]): void {
  let previousEnd = sentence.span.start;
  for (const figure of sentence.figures) {
    const lead = text.slice(Math.max(previousEnd, figure.span.start - 40), figure.span.start);
    previousEnd = figure.span.end;
    // A change in percent, stated exactly: points, amounts and multiples have no size a word can contradict alone.
    if (figure.kind !== 'percent' || !isExact(figure) || figure.signed) continue;
    if (ofARate(text, sentence, figure)) continue;
    for (const { word, pattern } of CHANGE_WORDS) {
      if (word.english !== sentence.english) continue;
      const m = pattern.exec(lead);
      if (!m || (word.meaning === 'large-change' && shortPeriod(text, sentence))) continue;
      const written = (m[1] ?? m[2])!;
      const start = figure.span.start - lead.length + m.index + m[0].indexOf(written);
      // 不明显增长, 未显著提高: a size denied says nothing of the figure.
      if (!sentence.english && /[不未没无]$/.test(text.slice(Math.max(sentence.span.start, start - 1), start))) break;
      const magnitude = figure.interval;
      const consistent = word.allowed[1] === Infinity ? magnitude[1] >= word.allowed[0] : magnitude[0] < word.allowed[1];
      out.push(relation(word, written, start, figure, undefined, magnitude, consistent));
      break;
    }
  }
}

/** Whether a longer word of the table (超过半数, more than doubled) already took this stretch: the table lists longer words first. */
function taken(out: readonly SizeWordRelation[], start: number, end: number): boolean {
  return out.some((r) => r.span.start < end && start < r.span.end);
}

/**
 * A change of a rate or share written in % (不良贷款率下降0.5%) is often meant in percentage points,
 * where 0.5 is large: the size of such a change cannot be told from the figure.
 */
function ofARate(text: string, sentence: SentenceView, figure: Figure): boolean {
  const k = sentence.figures.indexOf(figure);
  const clause = sentence.clauses.clauses[sentence.clauses.clauseOfFigure[k]!];
  // What the change is of: in Chinese the clause names it (or passes it on as its metric); English splits
  // "the participation rate rose sharply, by 0.5 percent" at the comma, so the words since the figure before count.
  const from = !sentence.english && clause ? clause.span.start : k > 0 ? sentence.figures[k - 1]!.span.end : sentence.span.start;
  const lead = text.slice(Math.max(from, figure.span.start - 60), figure.span.start);
  return sentence.english ? /\b(?:rate|ratio|share|percentage|proportion|yield)s?\b/i.test(lead) : /(?:率|比重|比例|占比|份额|增速|增幅|涨幅|降幅)/.test(`${clause?.metric ?? ''}${lead}`);
}

/**
 * A change over a month or a quarter (环比, 比上月, over the month, in March) is a fraction of a
 * year's: 0.8% in a month is a sharp rise in prices. The 1% bound of the large words is for changes
 * over a year or more; a short period makes no large change small, so the small words keep theirs.
 */
function shortPeriod(text: string, sentence: SentenceView): boolean {
  const own = text.slice(sentence.span.start, sentence.span.end);
  return sentence.english
    ? /\b(?:over the (?:month|quarter)|from the (?:previous|prior) (?:month|quarter)|(?:a|one) (?:month|quarter) earlier|month-over-month|month-on-month|quarter-over-quarter|monthly|quarterly|in (?:January|February|March|April|May|June|July|August|September|October|November|December))\b/i.test(own)
    : /环比|比上月|较上月|比上季|较上季/.test(own);
}

function shareWords(text: string, sentence: SentenceView, out: SizeWordRelation[]): void {
  // A share word describes a percentage: without one in the sentence, none of its patterns need run.
  if (!sentence.figures.some((f) => f.kind === 'percent')) return;
  const own = text.slice(sentence.span.start, sentence.span.end);
  for (const { word, pattern } of SHARE_WORDS) {
    if (word.english !== sentence.english) continue;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(own); m; m = pattern.exec(own)) {
      const start = sentence.span.start + m.index;
      const end = start + m[0].length;
      if (taken(out, start, end)) continue;
      // The next figure after the word (a figure inside the word, 三分之一, is the word itself).
      const figure = sentence.figures.find((f) => f.span.start >= end);
      if (!figure || figure.kind !== 'percent' || !isExact(figure) || figure.signed) continue;
      const gap = text.slice(end, figure.span.start).replace(sentence.english ? /^$/ : /\s+/g, '');
      if (!(sentence.english ? EN_SHARE_GAP : CN_SHARE_GAP).test(gap)) continue;
      const role = roleOf(sentence, figure);
      if (role === 'change' || role === 'multiple') continue;
      const allowed = tenthsBounds(word, m) ?? word.allowed;
      const consistent = word.above ? figure.interval[1] > allowed[0] : meets(figure.interval, allowed);
      out.push(relation({ ...word, allowed }, m[0], start, figure, undefined, figure.interval, consistent));
    }
  }
}

/** 近三成 allows 23–31%, 逾三成 anything above 30%: the table's bounds are offsets from the tenths written. */
function tenthsBounds(word: SizeWord, m: RegExpExecArray): Interval | undefined {
  const digit = m.slice(1).find((g) => g !== undefined);
  const tenths = digit ? CN_TENTH[digit] : undefined;
  if (tenths === undefined) return undefined;
  return word.above ? [tenths * 10, 100] : [tenths * 10 + word.allowed[0], tenths * 10 + word.allowed[1]];
}

function roleOf(sentence: SentenceView, figure: Figure): ClauseFigure['role'] | undefined {
  const k = sentence.figures.indexOf(figure);
  const clause = sentence.clauses.clauses[sentence.clauses.clauseOfFigure[k]!];
  return clause?.figures.find((f) => f.figure === figure)?.role;
}

/**
 * 由A增加到B，翻了一番 / 比2015年的A翻了两番 / doubled from A to B: the values before and after
 * are the sentence's one value compared with (由/从/比…的/from) and its one comparable level.
 */
function ratioWords(text: string, sentence: SentenceView, out: SizeWordRelation[], unverifiable: UnverifiableRelation[]): void {
  const { clauses } = sentence.clauses;
  // A ratio word is read against a value compared with (valuesBefore): without one, none of its patterns need run.
  if (!clauses.some((c) => c.figures.some((f) => f.role === 'base'))) return;
  const own = text.slice(sentence.span.start, sentence.span.end);
  for (const { word, pattern } of RATIO_WORDS) {
    if (word.english !== sentence.english) continue;
    pattern.lastIndex = 0;
    const m = pattern.exec(own);
    if (!m) continue;
    const start = sentence.span.start + m.index;
    if (taken(out, start, start + m[0].length)) continue;
    const values = valuesBefore(sentence, start);
    if (!values || !statesTheValues(text, sentence, start, start + m[0].length, values.before, values.after)) continue;
    const { before, after } = values;
    // Real growth removes price changes: nominal values cannot check it (listed, never flagged).
    if (clauses.some((c) => c.qualifiers & QUALIFIER_REAL)) {
      unverifiable.push({ type: 'unverifiable', check: 'size-word', figures: [after, before], reason: 'real-growth', consistent: true });
      continue;
    }
    if (before.interval[0] <= 0) continue;
    const ratio: Interval = [after.interval[0] / before.interval[1], after.interval[1] / before.interval[0]];
    out.push(relation(word, m[0], start, after, before, ratio, meets(ratio, word.allowed)));
  }
}

/**
 * The value compared with and the value reached that a word at `at` speaks of: the sentence's one
 * value compared with (由/从/比…的/from) and its one comparable level or value reached (before the
 * word in Chinese, anywhere in the sentence in English), when the word's clause names no other metric.
 */
export function valuesBefore(sentence: SentenceView, at: number): { before: Figure; after: Figure } | undefined {
  const { clauses, clauseOfFigure } = sentence.clauses;
  const roles = clauses.flatMap((c) => c.figures).filter((f) => sentence.english || f.figure.span.start < at);
  const bases = roles.filter((f) => f.role === 'base' && isExact(f.figure));
  if (bases.length !== 1) return undefined;
  const before = bases[0]!.figure;
  const levels = roles.filter((f) => (f.role === 'level' || f.role === 'target') && f.figure !== before && comparable(before, f.figure));
  if (levels.length !== 1) return undefined;
  const after = levels[0]!.figure;
  // The word speaks of the metric the values measure: its clause names no other (财政收入翻了一番 after GDP values).
  const clause: Clause | undefined = clauses.find((c) => c.span.start <= at && at <= c.span.end);
  const afterClause = clauses[clauseOfFigure[sentence.figures.indexOf(after)]!];
  if (!sentence.english && clause && clause !== afterClause && clause.metric !== '' && !clause.metricInherited && clause.metric !== afterClause?.metric) return undefined;
  return { before, after };
}

/**
 * The ratio word says what the values did: in Chinese it ends its clause (…，翻了一番。 — not
 * 为实现翻两番打下基础 or 翻一番的目标, a goal); in English it stands next to them (doubled from A to B;
 * from A to B, more than doubling), not in another clause of the sentence (while imports doubled).
 */
function statesTheValues(text: string, sentence: SentenceView, start: number, end: number, before: Figure, after: Figure): boolean {
  const clause = sentence.clauses.clauses.find((c) => c.span.start <= start && start < c.span.end);
  if (!clause || clause.qualifiers & QUALIFIER_PLAN) return false;
  if (!sentence.english) return /^[\s。；！]*$/.test(text.slice(end, clause.span.end));
  const first = before.span.start < after.span.start ? before : after;
  const last = first === before ? after : before;
  if (end <= first.span.start) return /^[\s,]*(?:from\s+)?$/i.test(text.slice(end, first.span.start));
  return start >= last.span.end && /^(?:\s+in\s+[^,;]{1,24})?[\s,]*(?:more than\s+|nearly\s+|almost\s+)?$/i.test(text.slice(last.span.end, start));
}

/** Two levels of the same thing, stated exactly: same kind and unit (a bare number pairs with a count). */
function comparable(a: Figure, b: Figure): boolean {
  if (!isExact(a) || !isExact(b)) return false;
  if (a.kind === b.kind && a.unit === b.unit) return a.kind !== 'percent';
  return (a.kind === 'plain' && b.kind === 'count') || (b.kind === 'plain' && a.kind === 'count');
}

function relation(word: SizeWord, written: string, start: number, figure: Figure, before: Figure | undefined, computed: Interval, consistent: boolean): SizeWordRelation {
  return {
    type: 'size-word',
    word: written,
    span: { start, end: start + written.length },
    measure: word.measure,
    meaning: word.meaning,
    allowed: word.allowed,
    ...(word.above ? { above: true } : {}),
    figure,
    ...(before ? { before } : {}),
    computed,
    consistent,
  };
}
