import type { Figure } from '../figures/figure';
import { bounds, meets, sum } from './arithmetic';
import { DURATION_UNITS } from '../clauses/lexicon';
import { between, clauseOf, isExact, leadOf, sameUnit, type AnalysisContext, type SentenceView } from './context';
import type { PartRelation, SumRelation } from './types';
import { QUALIFIER_PLAN, type Clause } from '../clauses/types';

/** Words that introduce the parts of a total. */
const CN_PART_MARK = /其中|包括|含|分别为|分别是/;
const EN_PART_MARK = /\b(?:of which|of whom|including|among them)\b/i;
/** The parts are all of the total: 分别为, 合计, 共计, 总计. */
const CN_EXHAUSTIVE = /分别为|分别是|合计|共计|总计/;
/** Totals and completions: 已代办17002件、推动办结15530件 states a part and its whole. */
const CN_WHOLE_VERB = /(受理|代办|发现|排查|检视出|收到|登记|立案|摸排|征集|梳理出|查摆出)[^，。；、]{0,8}$/;
const CN_PART_VERB = /(办结|完成|解决|整改|化解|处置|结案|答复|落实|销号)[^，。；、]{0,8}$/;

export function findPartsAndSums(context: AnalysisContext): { parts: PartRelation[]; sums: SumRelation[] } {
  const parts: PartRelation[] = [];
  const sums: SumRelation[] = [];
  context.sentences.forEach((sentence, index) => {
    markedParts(context, index, parts, sums);
    trailingTotal(context, sentence, sums);
    ofTheWhole(context, sentence, parts, sums);
    completionParts(context, sentence, parts);
    partOfNamedWhole(context, sentence, parts);
    if (!sentence.english) wholeNamedInSentenceBefore(context, index, parts, sums);
    englishColonList(context, sentence, sums);
    if (sentence.english) combinedRevision(context, index, sums);
  });
  return { parts, sums };
}

/** Only amounts add up: shares, growth rates and multiples do not (增长22.5%，其中出口增长20.3%). */
const ADDITIVE = new Set(['count', 'money', 'measure', 'plain']);
/** A figure stated as a change (比上年增加1500亿元) is not the whole that 其中 splits. */
const CHANGE_LEAD = /(增加|增长|减少|下降|提高|降低|上升|扩大|缩小|比上年|同比|较上年|比去年)[^，。；、]{0,4}$/;

/**
 * 全年新开工项目45个，其中先进制造业项目21个、现代服务业项目15个 — and "12,000 jobs, of which 4,000 …".
 * The mark (其中, 包括, of which) opens the clause of the first part, or stands alone as the
 * clause before it; the whole is the nearest amount of the same unit before the mark, in the
 * sentence or — when 其中 opens a sentence, the standard form of a statistical release — in the
 * sentence before it. A whole that is a change or a duration is not what 其中 splits.
 */
function markedParts(context: AnalysisContext, index: number, parts: PartRelation[], sums: SumRelation[]): void {
  const { text } = context;
  const sentence = context.sentences[index]!;
  const figures = sentence.figures;
  for (let w = 0; w < figures.length; w++) {
    const first = figures[w]!;
    const mark = partMark(text, sentence, first);
    if (mark === undefined) continue;
    const english = sentence.english;
    const whole = wholeBefore(context, index, w, mark, first);
    if (!whole) continue;
    // The parts: consecutive figures of the whole's unit after the mark, until another unit or the sentence ends.
    const listed: Figure[] = [];
    for (let p = w; p < figures.length; p++) {
      const part = figures[p]!;
      if (!(english ? compatible(part, whole) : sameUnit(part, whole)) || isDuration(part)) break;
      // A part's own comparison value (比1952年的270亿元) is not another part.
      const role = roleIn(sentence, part);
      if (role === 'base' || role === 'change') break;
      if (p > w && /[；;]|但|而|同比|比上年/.test(between(text, figures[p - 1]!, part))) break;
      listed.push(part);
    }
    if (listed.length === 0 || listed.some((part) => part.signed || part.range !== undefined)) continue;
    // 约二千三百个 of 六千多个: approximate figures still bound each other, but do not add up to a total.
    // A range's upper end bounds the parts; its lower end belongs to the same whole.
    const wholeFrom = whole.range === 'end' ? rangeStartOf(context, index, whole) : undefined;
    if (!isExact(whole) || listed.some((part) => !isExact(part))) {
      for (const part of listed) parts.push({ type: 'part', part, whole, ...(wholeFrom ? { wholeFrom } : {}), consistent: !(bounds(part)[0] > bounds(whole)[1]), rateStated: true });
      w += listed.length - 1;
      continue;
    }
    if (listed.length === 1 && !english) {
      listed.push(...parallelParts(context, index, listed[0]!));
      if (listed.length >= 2) comparedValuesAddUp(context, index, whole, listed, sums);
    }
    // English "including" and "of which" name one part; only Chinese lists after 其中 are sums.
    if (english) listed.splice(1);
    for (const part of listed) parts.push({ type: 'part', part, whole, ...(wholeFrom ? { wholeFrom } : {}), consistent: !(part.interval[0] > whole.interval[1]), rateStated: true });
    if (listed.length >= 2 && whole.range === undefined) {
      const after = text.slice(listed[listed.length - 1]!.span.end, Math.min(sentence.span.end, listed[listed.length - 1]!.span.end + 12));
      const exhaustive = CN_EXHAUSTIVE.test(text.slice(Math.max(whole.span.end, mark), listed[0]!.span.start)) || /^[^，。]{0,4}(合计|共计|总计)/.test(after);
      sums.push(sumRelation(whole, listed, exhaustive));
    }
    w += listed.length - 1;
  }
}

/**
 * 其中出口总额621亿美元，增长18.1%；进口总额534亿美元，增长…: the parts of a 其中 list
 * written as parallel clauses, one per ；. Each part is the level its clause states
 * (not its change or the value it is compared with), of the same unit, and named
 * like the first part (出口总额, 进口总额: parts of one whole are named alike).
 * A release goes on with the next part in a new sentence just as often (其中，工业总产值…。
 * 农业总产值…): across a 。 a part must also speak of the first part's period, so that a
 * later sentence about another year or a plan is not taken for a part.
 */
function parallelParts(context: AnalysisContext, index: number, first: Figure): Figure[] {
  const { text } = context;
  const firstClause = clauseOf(context.sentences[index]!, first);
  const firstMetric = firstClause?.metric ?? '';
  const parts: Figure[] = [];
  let skipped = 0;
  let acrossStop = false;
  for (let s = index; s + 1 < context.sentences.length; s++) {
    if (!/[；;]/.test(text[context.sentences[s]!.span.end - 1] ?? '')) acrossStop = true;
    const next = context.sentences[s + 1]!;
    const level = next.clauses.clauses.flatMap((c) => c.figures).find((f) => f.role === 'level' || f.role === 'target');
    const clause = level && clauseOf(next, level.figure);
    const alike =
      level &&
      clause &&
      sameUnit(level.figure, first) &&
      isExact(level.figure) &&
      !level.figure.signed &&
      sharedEnding(clause.metric, firstMetric) >= 2 &&
      (!acrossStop || samePeriod(clause, firstClause));
    // A part about something else (生铁、钢…的产量) may stand between two parts of the list.
    if (!alike) {
      if (++skipped > MAX_SKIPPED_PARTS) break;
      continue;
    }
    parts.push(level!.figure);
  }
  return parts;
}

/** Both clauses speak of the same period, or of none; a plan is never the same statement as an outcome. */
function samePeriod(a: Clause, b: Clause | undefined): boolean {
  if (!b || (a.qualifiers & QUALIFIER_PLAN) !== (b.qualifiers & QUALIFIER_PLAN)) return false;
  return (a.period?.key ?? '') === (b.period?.key ?? '');
}

/**
 * 总产值达到A，比一九五二年的B增长…。其中，工业总产值达到a1，比一九五二年的b1…；…: when the
 * whole and every part state the value they are compared with, those values are a whole
 * and its parts too.
 */
function comparedValuesAddUp(context: AnalysisContext, index: number, whole: Figure, parts: readonly Figure[], sums: SumRelation[]): void {
  const wholeBase = comparedValueAfter(context, index, whole);
  if (!wholeBase) return;
  const bases: Figure[] = [];
  for (const part of parts) {
    const base = comparedValueAfter(context, index, part);
    if (!base || !sameUnit(base, wholeBase)) return;
    bases.push(base);
  }
  sums.push(sumRelation(wholeBase, bases, false));
}

/** The value compared with (role base) right after `figure` in its sentence, looked for from sentence `index` back. */
function comparedValueAfter(context: AnalysisContext, index: number, figure: Figure): Figure | undefined {
  for (let s = index + 8; s >= Math.max(0, index - 1); s--) {
    const sentence = context.sentences[s];
    if (!sentence || !sentence.figures.includes(figure)) continue;
    const k = sentence.figures.indexOf(figure);
    const next = sentence.figures[k + 1];
    return next && roleIn(sentence, next) === 'base' && sameUnit(next, figure) && isExact(next) ? next : undefined;
  }
  return undefined;
}

/** How many ；-parts about something else a 其中 list may hold between two of its parts. */
const MAX_SKIPPED_PARTS = 2;

function sharedEnding(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/**
 * Where the part mark stands when it introduces `figure`: in the figure's clause before it
 * (其中先进制造业项目21个), or as the whole clause before it (其中，出口为1375亿美元).
 */
function partMark(text: string, sentence: SentenceView, figure: Figure): number | undefined {
  const k = sentence.figures.indexOf(figure);
  const clauses = sentence.clauses.clauses;
  const c = sentence.clauses.clauseOfFigure[k]!;
  const clause = clauses[c]!;
  // Only the first figure of its clause can be introduced by the clause's mark.
  if (k > 0 && sentence.clauses.clauseOfFigure[k - 1] === c) return undefined;
  const lead = text.slice(clause.span.start, figure.span.start);
  const pattern = sentence.english ? EN_PART_MARK : CN_PART_MARK;
  const inLead = pattern.exec(lead);
  if (inLead) return clause.span.start + inLead.index;
  const before = clauses[c - 1];
  if (before && before.figures.length === 0 && /^\s*(?:其中|包括|of which|including)\s*$/i.test(text.slice(before.span.start, before.span.end))) return before.span.start;
  return undefined;
}

/** The whole a part mark at `mark` splits: the nearest same-unit amount before it, in this sentence or the one before. */
function wholeBefore(context: AnalysisContext, index: number, w: number, mark: number, first: Figure): Figure | undefined {
  const { text } = context;
  const sentence = context.sentences[index]!;
  const english = sentence.english;
  const candidates: { figure: Figure; sentence: SentenceView }[] = [];
  for (let k = w - 1; k >= 0; k--) if (sentence.figures[k]!.span.end <= mark) candidates.push({ figure: sentence.figures[k]!, sentence });
  // 其中 opening the sentence: the whole is in the sentence before.
  // 其中 opening the sentence (alone or as 其中，包括…): nothing but the mark before the part.
  const opensSentence = !/\S/.test(text.slice(sentence.span.start, mark).replace(/[\u3000，,]|其中/g, ''));
  const previous = context.sentences[index - 1];
  if (opensSentence && previous) for (let k = previous.figures.length - 1; k >= 0; k--) candidates.push({ figure: previous.figures[k]!, sentence: previous });
  for (const { figure: candidate, sentence: where } of candidates) {
    if (!(english ? compatible(candidate, first) : sameUnit(candidate, first))) continue;
    const role = roleIn(where, candidate);
    // 比一九五二年的827亿元: a value compared with is not the whole; the level stated before it is.
    if (role === 'base') continue;
    if (CHANGE_LEAD.test(leadOf(text, where.span, candidate)) || role === 'change' || isDuration(candidate)) return undefined;
    // The upper end of a range (14.7亿至14.9亿吨，其中…) bounds its parts too.
    // An approximate whole (六千多个, 约5000人) bounds its parts as far as its words allow.
    const bounded = isExact(candidate) || (candidate.qualifier === undefined && candidate.range === 'end') || (candidate.range === undefined && Number.isFinite(bounds(candidate)[1]));
    // 实行劳动改造的占42.3%，其中…占25.6%: shares of one base split like amounts (not 增长22.5%，其中出口增长20.3%).
    const shareOfShare = candidate.kind === 'percent' && role === 'share' && roleIn(sentence, first) === 'share' && plainShare(text, candidate) && plainShare(text, first);
    return bounded && !candidate.signed && (ADDITIVE.has(candidate.kind) || shareOfShare) ? candidate : undefined;
  }
  return undefined;
}

/**
 * 占42.3%: a share whose base is the paragraph's, with nothing named between 占 and the figure.
 * 占其出口的40%, 占全国的30% name another base: a part of one share cannot be compared with it.
 */
function plainShare(text: string, figure: Figure): boolean {
  return /占(?:比|比重|比例)?(?:为|达|达到|是)?$/.test(text.slice(Math.max(0, figure.span.start - 6), figure.span.start));
}

function roleIn(sentence: SentenceView, figure: Figure): string | undefined {
  return clauseOf(sentence, figure)?.figures.find((f) => f.figure === figure)?.role;
}

function isDuration(figure: Figure): boolean {
  return figure.kind === 'measure' && DURATION_UNITS.has(figure.unit);
}

/** The lower end of the range whose upper end is `end`: the figure right before it, in its sentence or the one before. */
function rangeStartOf(context: AnalysisContext, index: number, end: Figure): Figure | undefined {
  for (const sentence of [context.sentences[index], context.sentences[index - 1]]) {
    const k = sentence ? sentence.figures.indexOf(end) : -1;
    if (k > 0 && sentence!.figures[k - 1]!.range === 'start') return sentence!.figures[k - 1];
  }
  return undefined;
}

/** 分别建成站点26个、80个、40个、107个，合计247个: the parts first, then their total. */
function trailingTotal(context: AnalysisContext, sentence: SentenceView, sums: SumRelation[]): void {
  const { text } = context;
  const figures = sentence.figures;
  for (let t = 2; t < figures.length; t++) {
    const total = figures[t]!;
    if (!/(合计|共计|总计|总共)[为达]?$/.test(leadOf(text, sentence.span, total)) || !isExact(total) || !ADDITIVE.has(total.kind)) continue;
    const listed: Figure[] = [];
    for (let p = t - 1; p >= 0; p--) {
      const part = figures[p]!;
      if (!sameUnit(part, total) || !isExact(part) || part.signed) break;
      if (/[；;。]/.test(between(text, part, figures[p + 1]!))) break;
      listed.unshift(part);
    }
    if (listed.length >= 2) sums.push(sumRelation(total, listed, true));
  }
}

/** "Of the 7,727 claims filed, 6,324 were approved": the part follows a whole introduced by "Of the". */
function ofTheWhole(context: AnalysisContext, sentence: SentenceView, parts: PartRelation[], sums: SumRelation[]): void {
  const { text } = context;
  const [whole, part] = sentence.figures;
  if (!whole || !part) return;
  if (!/^\s*Of\s+(?:the\s+)?$/i.test(text.slice(sentence.span.start, whole.span.start))) return;
  if (!compatible(whole, part) || !isExact(whole) || !isExact(part) || /\b(?:of which|including)\b/i.test(between(text, whole, part))) return;
  parts.push({ type: 'part', part, whole, consistent: !(part.interval[0] > whole.interval[1]), rateStated: true });
  // "…, 820 came from services, 310 from construction and 110 from retail trade": a list of parts,
  // each after a comma or a final "and", with words only between them. It may leave parts out.
  const listed = [part];
  for (let k = 2; k < sentence.figures.length; k++) {
    const next = sentence.figures[k]!;
    const gap = between(text, sentence.figures[k - 1]!, next);
    if (!compatible(next, whole) || !isExact(next) || /[\d.;:()]/.test(gap) || !/(?:,|\band)\s+$/.test(gap)) break;
    listed.push(next);
  }
  if (listed.length >= 2 && /\band\s+$/.test(between(text, listed[listed.length - 2]!, listed[listed.length - 1]!))) sums.push(sumRelation(whole, listed, false));
}

/** 这八十亿元中，有三十五亿元…; 在66个行政村中，已有65个…: the whole named before 中, the part after it. */
function partOfNamedWhole(context: AnalysisContext, sentence: SentenceView, parts: PartRelation[]): void {
  const { text } = context;
  const figures = sentence.figures;
  for (let w = 0; w + 1 < figures.length; w++) {
    const whole = figures[w]!;
    if (!/^[\u4e00-\u9fff]{0,6}中[，,]/.test(text.slice(whole.span.end, Math.min(sentence.span.end, whole.span.end + 9)))) continue;
    if (!isExact(whole) || whole.signed || !ADDITIVE.has(whole.kind) || isDuration(whole)) continue;
    const part = figures.slice(w + 1).find((f) => sameUnit(f, whole));
    if (!part || !isExact(part) || part.signed || roleIn(sentence, part) !== 'level') continue;
    parts.push({ type: 'part', part, whole, consistent: !(part.interval[0] > whole.interval[1]), rateStated: false });
  }
}

/** 在增加的工资总额中，… / 在职工总数中，…: a sentence that opens by naming a whole (or its change) and the part of it it speaks of. */
const NAMED_WHOLE_OPENING = /^[\s\u3000]*(?:在|其|这)?((?:增加|新增|增长|减少|下降)的)?([\u4e00-\u9fff]{2,10}?)中[，,]/;

/**
 * 一九五八年的职工工资总额，计划安排为158亿元，比上一年增加5.5亿元。在增加的工资总额中，用于新增
 * 职工的约有3亿元，用于…的有2.5亿元: a sentence that opens with 在X中 speaks of parts of X, and X
 * is named by the metric of the sentence before (增加的 X: that sentence's increase of X, not its
 * level). Read only when exactly one value of the sentence before fits; approximate parts are
 * bounded by their words, and the parts may leave some of the whole out.
 */
function wholeNamedInSentenceBefore(context: AnalysisContext, index: number, parts: PartRelation[], sums: SumRelation[]): void {
  const { text } = context;
  const sentence = context.sentences[index]!;
  const previous = context.sentences[index - 1];
  if (!previous || sentence.figures.length === 0 || previous.figures.length === 0) return;
  // The opening is short: read only the sentence's first characters.
  const m = NAMED_WHOLE_OPENING.exec(text.slice(sentence.span.start, Math.min(sentence.span.end, sentence.span.start + 32)));
  if (!m) return;
  const name = m[2]!;
  const change = m[1] !== undefined;
  const decrease = change && /减少|下降/.test(m[1]!);
  const candidates = previous.clauses.clauses.flatMap((clause) => {
    if (clause.metric === '' || !(clause.metric.endsWith(name) || name.endsWith(clause.metric))) return [];
    if (change && clause.verb !== (decrease ? 'decrease' : 'increase')) return [];
    return clause.figures.filter((f) => (change ? f.role === 'change' : f.role === 'level' || f.role === 'target') && ADDITIVE.has(f.figure.kind) && isExact(f.figure) && !f.figure.signed && !isDuration(f.figure));
  });
  if (candidates.length !== 1) return;
  const whole = candidates[0]!.figure;
  const opening = sentence.span.start + m.index + m[0].length;
  const listed: Figure[] = [];
  for (const figure of sentence.figures) {
    if (figure.span.start < opening) continue;
    if (!sameUnit(figure, whole) || figure.signed || figure.range !== undefined || roleIn(sentence, figure) !== 'level') break;
    listed.push(figure);
  }
  for (const part of listed) parts.push({ type: 'part', part, whole, consistent: !(bounds(part)[0] > whole.interval[1]), rateStated: false });
  if (listed.length >= 2) {
    const computed = sum(listed.map(bounds));
    sums.push({ type: 'sum', total: whole, parts: listed, exhaustive: false, computed, consistent: !(computed[0] > whole.interval[1]) });
  }
}

/** Counted things in English: 12,000 jobs and a bare 4,000 are the same kind of amount. */
function compatible(a: Figure, b: Figure): boolean {
  if (a.kind === b.kind) return a.unit === b.unit || a.kind === 'count';
  return (a.kind === 'plain' && b.kind === 'count') || (a.kind === 'count' && b.kind === 'plain');
}

/** 已代办信访事项17002件、推动办结15530件: the completed part of what was taken on. */
function completionParts(context: AnalysisContext, sentence: SentenceView, parts: PartRelation[]): void {
  const { text } = context;
  const figures = sentence.figures;
  for (let p = 1; p < figures.length; p++) {
    const part = figures[p]!;
    const whole = figures[p - 1]!;
    if (!sameUnit(part, whole) || !isExact(part) || !isExact(whole) || part.kind !== 'count') continue;
    if (!CN_PART_VERB.test(leadOf(text, sentence.span, part)) || !CN_WHOLE_VERB.test(leadOf(text, sentence.span, whole))) continue;
    const gap = between(text, whole, part);
    if (gap.length > 14 || /[。；;]/.test(gap)) continue;
    const next = figures[p + 1];
    const rateStated = next !== undefined && next.kind === 'percent' && between(text, part, next).length <= 8;
    parts.push({ type: 'part', part, whole, consistent: !(part.interval[0] > whole.interval[1]), rateStated });
  }
}

/** "2,400 employers: 1,150 in services, 720 in goods-producing industries and 610 in government." */
function englishColonList(context: AnalysisContext, sentence: SentenceView, sums: SumRelation[]): void {
  const { text } = context;
  const figures = sentence.figures;
  for (let w = 0; w < figures.length - 2; w++) {
    const total = figures[w]!;
    const gap = between(text, total, figures[w + 1]!);
    if (!/^\s*[A-Za-z -]{0,40}:\s*$/.test(gap) || !isExact(total)) continue;
    const listed: Figure[] = [];
    for (let p = w + 1; p < figures.length; p++) {
      const part = figures[p]!;
      if (!(part.kind === total.kind || part.kind === 'plain' || total.kind === 'plain') || !isExact(part)) break;
      listed.push(part);
      const rest = p + 1 < figures.length ? between(text, part, figures[p + 1]!) : '';
      if (p + 1 < figures.length && !/^[^.;:]{0,60}(?:,|\band\b)[^.;:]{0,8}$/.test(rest)) break;
    }
    if (listed.length >= 2) {
      const last = listed[listed.length - 1]!;
      const tail = text.slice(last.span.end, sentence.span.end);
      if (/\band\b/.test(between(text, listed[listed.length - 2]!, last)) && !/\d/.test(tail)) sums.push(sumRelation(total, listed, true));
    }
    w += listed.length;
  }
}

/** "revised down by 32,000" / "revised up by 15,000": a revision and its sign. */
const REVISED_BY = /\brevised\s+(up|down)(?:ward)?\s+by\s+$/i;
/** The months a combined revision covers: "January and February combined is 17,000 lower". */
const COMBINED = /\b([A-Z][a-z]+)\s+and\s+([A-Z][a-z]+)\s+combined\s+(?:is|was|are|were)\s+$/;
const COMBINED_SIGN = /^\s+(higher|lower)\s+than\s+previously\s+reported/i;

/**
 * "…for January was revised down by 32,000 …, and the change for February was revised up by
 * 15,000 … With these revisions, employment in January and February combined is 17,000 lower
 * than previously reported": a combined revision is the sum of the revisions of the months it
 * names, each signed by its direction. Read only when the sentence before states exactly one
 * revision for each month named.
 */
function combinedRevision(context: AnalysisContext, index: number, sums: SumRelation[]): void {
  const { text } = context;
  const sentence = context.sentences[index]!;
  const previous = context.sentences[index - 1];
  for (const total of sentence.figures) {
    const lead = text.slice(sentence.span.start, total.span.start);
    const months = COMBINED.exec(lead);
    const sign = COMBINED_SIGN.exec(text.slice(total.span.end, sentence.span.end));
    if (!months || !sign || !isExact(total) || total.signed) continue;
    // The revisions may stand earlier in this sentence or in the one before.
    const pool = [...(previous?.figures ?? []), ...sentence.figures.filter((f) => f.span.end <= total.span.start)];
    const from = previous ? previous.span.start : sentence.span.start;
    const revisions = pool.filter((f) => REVISED_BY.test(text.slice(Math.max(from, f.span.start - 40), f.span.start)));
    if (revisions.length !== 2 || revisions.some((r) => !isExact(r) || r.signed || !compatible(r, total))) continue;
    // Each revision belongs to one month named, in order.
    const named = revisions.every((r, k) => text.slice(from, r.span.start).lastIndexOf(months[k + 1]!) > (k === 0 ? -1 : text.slice(from, revisions[k - 1]!.span.start).length));
    if (!named) continue;
    const signs = revisions.map((r) => (/down/i.test(REVISED_BY.exec(text.slice(Math.max(from, r.span.start - 40), r.span.start))![1]!) ? -1 : 1) as 1 | -1);
    const totalSign: 1 | -1 = /lower/i.test(sign[1]!) ? -1 : 1;
    const signed = (interval: readonly [number, number], s: 1 | -1): readonly [number, number] => (s > 0 ? interval : [-interval[1], -interval[0]]);
    const computed = sum(revisions.map((r, k) => signed(r.interval, signs[k]!)));
    sums.push({ type: 'sum', total, parts: revisions, exhaustive: true, signs: { parts: signs, total: totalSign }, computed, consistent: meets(computed, signed(total.interval, totalSign)) });
  }
}

export function sumRelation(total: Figure, parts: readonly Figure[], exhaustive: boolean): SumRelation {
  const computed = sum(parts.map((part) => part.interval));
  // Parts that are not all of the total may fall short, never exceed it — unless the first of them
  // already make up the total: that list is complete, and what follows it is another breakdown
  // (其中国有投资2000亿元；民间投资3000亿元；工业投资1500亿元 of 5000亿元).
  const consistent = exhaustive ? meets(computed, total.interval) : !(computed[0] > total.interval[1]) || completeBefore(parts, total);
  return { type: 'sum', total, parts, exhaustive, computed, consistent };
}

function completeBefore(parts: readonly Figure[], total: Figure): boolean {
  for (let k = 2; k < parts.length; k++) if (meets(sum(parts.slice(0, k).map((part) => part.interval)), total.interval)) return true;
  return false;
}
