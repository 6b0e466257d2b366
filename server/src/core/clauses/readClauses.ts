import type { Figure } from '../figures/figure';
import type { TextSpan } from '../model';
import { CN_METRIC_LEAD, CN_METRIC_TRAIL, CN_VERBS, DURATION_UNITS, EN_VERBS, QUALIFIER_FLAGS, QUALIFIER_PATTERN } from './lexicon';
import { readPeriods } from './periods';
import { QUALIFIER_PLAN, type Clause, type ClauseFigure, type FigureRole, type Period, type SentenceClauses, type VerbClass } from './types';
import { detached } from '../text/spans';

/** Marks that end a clause (a code-unit table: the loop runs over every character of a sentence). 、 joins the items of one clause and does not. */
const CN_CLAUSE_MARK = new Uint8Array(0x10000);
for (const ch of '，；：（）〔〕【】,;:()\n') CN_CLAUSE_MARK[ch.charCodeAt(0)] = 1;
const EN_CLAUSE_MARK = new Uint8Array(0x10000);
for (const ch of ';:()\n—') EN_CLAUSE_MARK[ch.charCodeAt(0)] = 1;
const COMMA = 0x2c;

/** Words that qualify a whole sentence once said: a plan stays a plan to the sentence's end. */
const SENTENCE_QUALIFIERS = QUALIFIER_PLAN;

const EMPTY: SentenceClauses = { clauses: [], clauseOfFigure: [] };

/**
 * Reads one sentence into clauses: for each, its metric, period, verb class,
 * qualifiers and figures with roles. `figures` are the sentence's quantities
 * in order. The cost is linear in the sentence: one pass for the marks, one
 * lead per figure, and a fixed set of patterns per clause.
 */
export function readSentence(text: string, sentence: TextSpan, figures: readonly Figure[], index: number, english: boolean): SentenceClauses {
  if (figures.length === 0) return EMPTY;
  const spans = clauseSpans(text, sentence, figures, english);
  const clauses: Clause[] = [];
  const clauseOfFigure: number[] = [];
  let f = 0;
  let previous: Clause | undefined;
  for (const span of spans) {
    const own: Figure[] = [];
    while (f < figures.length && figures[f]!.span.start < span.end) {
      own.push(figures[f]!);
      clauseOfFigure.push(clauses.length);
      f++;
    }
    const clause = readClause(text, span, own, index, english, previous);
    clauses.push(clause);
    previous = clause;
  }
  return { clauses, clauseOfFigure };
}

function clauseSpans(text: string, sentence: TextSpan, figures: readonly Figure[], english: boolean): TextSpan[] {
  const spans: TextSpan[] = [];
  const marks = english ? EN_CLAUSE_MARK : CN_CLAUSE_MARK;
  let start = sentence.start;
  let f = 0;
  for (let i = sentence.start; i < sentence.end; i++) {
    // Marks inside a figure (１，６８６) belong to the number.
    while (f < figures.length && figures[f]!.span.end <= i) f++;
    if (f < figures.length && figures[f]!.span.start <= i) {
      i = figures[f]!.span.end - 1;
      continue;
    }
    const code = text.charCodeAt(i);
    // In English a comma ends a clause only when a space follows (1,686 is one number).
    const ends = marks[code] === 1 || (english && code === COMMA && (i + 1 >= text.length || isSpace(text.charCodeAt(i + 1))));
    if (!ends) continue;
    if (i > start) spans.push({ start, end: i });
    start = i + 1;
  }
  if (sentence.end > start) spans.push({ start, end: sentence.end });
  return spans;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d || code === 0x3000;
}

function readClause(text: string, span: TextSpan, figures: readonly Figure[], index: number, english: boolean, previous: Clause | undefined): Clause {
  const own = text.slice(span.start, span.end);
  const periods = readPeriods(own, english);
  let qualifiers = previous ? previous.qualifiers & SENTENCE_QUALIFIERS : 0;
  qualifiers |= qualifiersOf(own);
  const verbs = english ? EN_VERBS : CN_VERBS;
  const roles: ClauseFigure[] = [];
  let verb: VerbClass = 'none';
  let cursor = span.start;
  for (const figure of figures) {
    // 提高了将近37%: the qualifier between the verb and the figure belongs to the figure.
    const gap = english ? text.slice(cursor, figure.span.start) : text.slice(cursor, figure.span.start).replace(CN_TRAILING_QUALIFIER, '');
    const found = verbOf(gap.trimEnd(), verbs);
    if (verb === 'none' && found !== 'none') verb = found;
    roles.push({ figure, role: roleOf(figure, gap, found, english, roles, text.slice(span.start, figure.span.start)) });
    cursor = figure.span.end;
  }
  if (verb === 'none' && figures.length > 0) verb = 'level';
  // A clause without figures names a metric only for the clause after it to inherit: read on demand.
  let metric = figures.length === 0 ? '' : metricOf(text.slice(span.start, figures[0]!.span.start), english, periods.period, periods.base);
  let metricInherited = false;
  if (metric === '' && previous) {
    metric = previous.metric !== '' || previous.figures.length > 0 ? previous.metric : metricOf(text.slice(previous.span.start, previous.span.end), english, previous.period, previous.base);
    metricInherited = true;
  }
  const period: Period | undefined = periods.period ?? previous?.period;
  return { span, sentence: index, metric, metricInherited, period, base: periods.base, verb, qualifiers, figures: roles, english };
}

function metricOf(lead: string, english: boolean, period: Period | undefined, base: Period | undefined): string {
  // Kept with the clause's findings across versions: a copy, not a view into this version's text.
  return detached(english ? englishMetric(lead, EN_VERBS) : chineseMetric(lead, period, base));
}

/** The qualifier flags a clause's words set, in one scan. */
function qualifiersOf(own: string): number {
  let flags = 0;
  QUALIFIER_PATTERN.lastIndex = 0;
  for (let m = QUALIFIER_PATTERN.exec(own); m; m = QUALIFIER_PATTERN.exec(own)) {
    for (let g = 1; g < m.length; g++) {
      if (m[g] !== undefined) {
        flags |= QUALIFIER_FLAGS[g - 1]!;
        break;
      }
    }
  }
  return flags;
}

function verbOf(lead: string, verbs: readonly (readonly [VerbClass, RegExp])[]): VerbClass {
  for (const [verb, pattern] of verbs) if (pattern.test(lead)) return verb;
  return 'none';
}

const CN_BASE_GAP = /(?:由|从|较|比)[^，。；]{0,10}?的?$|(?:由|从)$|(?:同|与)[^，。；]{0,10}的$/;
const CN_TARGET_GAP = /(?:到|至|为)$/;
const EN_BASE_GAP = /\bfrom\s+$/i;
const EN_TARGET_GAP = /\bto\s+$/i;
/** 占全国1786个县的28%: the figure after 占 is the whole of the share that follows. */
const CN_WHOLE_GAP = /占[^，。；\d０-９一二三四五六七八九十百千万亿]{0,8}$/;

function roleOf(figure: Figure, gap: string, verb: VerbClass, english: boolean, earlier: readonly ClauseFigure[], clauseLead: string): FigureRole {
  if (figure.kind === 'measure' && DURATION_UNITS.has(figure.unit)) return 'duration';
  if (figure.kind === 'multiple') return 'multiple';
  const trimmed = gap.trimEnd();
  // 比上年增长7%: a change verb after 比 makes the figure the change; 比上年的994亿元, 由上年的68.6% name the value compared with.
  if (english ? EN_BASE_GAP.test(gap) : CN_BASE_GAP.test(trimmed) && !CN_TRAILING_CHANGE.test(trimmed) && !/[增减降提升]|上升|下降|上涨|下跌/.test(trimmed.slice(-3).replace(/[上下]年|上半年|下半年/g, ''))) return 'base';
  const afterBase = earlier.some((e) => e.role === 'base');
  if (afterBase && (english ? EN_TARGET_GAP.test(gap) : CN_TARGET_GAP.test(trimmed))) return 'target';
  // 上升到583亿元, 降至9人, rose to 3.6 million: the level reached, not the change.
  if ((verb === 'increase' || verb === 'decrease') && (english ? EN_TARGET_GAP.test(gap) : /(?:到|至)$/.test(trimmed))) return 'target';
  if (verb === 'increase' || verb === 'decrease') return 'change';
  if (figure.kind === 'percent' && (verb === 'share' || verb === 'respectively' || (!english && /占/.test(clauseLead)))) return 'share';
  if (!english && figure.kind !== 'percent' && CN_WHOLE_GAP.test(trimmed)) return 'base';
  return 'level';
}

/** A change verb right before the figure, with what may precede it (比上年增长, 同比下降). */
const CN_TRAILING_CHANGE = /(?:比上年|比去年|较上年|较去年|同比|环比)?(?:增长|增加|提高|上升|提升|扩大|上涨|增至|增到|下降|减少|降低|回落|缩小|压减|下跌|下滑|降至|减至|降到|减到|递增|递减)了?(?:到|至|为)?$/;
/** Qualifiers written right before a figure (将近37%, 约3000人): the scanner reads them as the figure's. */
const CN_TRAILING_QUALIFIER = /(?:将近|接近|大约|大概|约|近|逾|超过|不到|不足|不少于|不低于|不超过|至少|最多)$/;

/** A share verb right before the figure: the metric is what it is a share of, not named here. */
const CN_TRAILING_SHARE = /(?:占|占比|比重|比例)(?:为|达|达到|是|约为|已达)?$/;

/** Price bases and averaging said inside the metric's words: qualifiers, not part of the name. */
const CN_METRIC_QUALIFIERS = /按[^，。；]{0,8}计算|扣除价格因素|实际|名义|年均|平均每年|每年平均|即|^全年|^今年|^去年|^上年/g;

/** The metric named before the figure: periods, connectives, verbs and particles removed. */
function chineseMetric(lead: string, period: Period | undefined, base: Period | undefined): string {
  let metric = lead;
  if (period) metric = metric.replace(period.text, '');
  if (base) metric = metric.replace(base.text, '');
  metric = metric.replace(/[“”"‘’《》\s　]/g, '').replace(CN_TRAILING_QUALIFIER, '').replace(CN_METRIC_QUALIFIERS, '');
  metric = metric.replace(CN_TRAILING_CHANGE, '').replace(CN_TRAILING_SHARE, '');
  metric = metric.replace(CN_METRIC_LEAD, '').replace(CN_METRIC_TRAIL, '').replace(/(?:由|从|比|较|同比|环比|全年|年末|年底|年初|末)+$/, '');
  // A metric is a name: at least two Chinese characters, and nothing but them.
  return /^[\u4e00-\u9fff]{2,}$/.test(metric) ? metric : '';
}

function englishMetric(lead: string, verbs: readonly (readonly [VerbClass, RegExp])[]): string {
  let metric = lead;
  for (const [, pattern] of verbs) {
    const m = pattern.exec(metric);
    if (m) {
      metric = metric.slice(0, m.index);
      break;
    }
  }
  metric = metric
    .toLowerCase()
    .replace(/\b(?:in|during|for|over|since)\s+(?:the\s+)?(?:(?:first|second|third|fourth)\s+quarter|january|february|march|april|may|june|july|august|september|october|november|december|(?:19|20)\d\d|month|year)\b.*$/, '')
    .replace(/^\s*(?:(?:and|but|while|whereas|the|also|meanwhile)\s+)+/, '')
    .replace(/\s+/g, ' ')
    .trim();
  // A clause that compares or changes names no level ("down from", "rose to").
  if (/\b(?:up|down|from|to|by|than|rose|fell|increased|decreased|declined|grew|changed|revised|of the)\b/.test(metric)) return '';
  return /[a-z]{3,}/.test(metric) && metric.split(' ').length <= 10 ? metric : '';
}
