import { parseNumeral } from '../figures/numerals';
import type { Period } from './types';
import { detached } from '../text/spans';

/**
 * The period a clause speaks of, read from its words. Two statements of one
 * metric for different periods (6月 and 上半年, 2015 and 2020, this year's
 * target and last year's outcome) never conflict, and a stretch of years is
 * what turns an annual average into a checkable compound rate.
 */

const NUMBER = '[0-9０-９]{1,4}|[〇○零一二两三四五六七八九十]{1,4}';
/** A year as reports write it: 2023年, ２０２３年, 一九五七年. */
export const YEAR = '(?:[12][0-9]{3}|[１２][０-９]{3}|[一二][〇○零一二三四五六七八九]{3})年';
/** 由2012年…到2017年, 从1949年到1956年, 2012年至2017年, 1986年同1978年相比. */
const CN_SPAN = new RegExp(`(${YEAR})(?:的[^，。；]{0,30}?)?(?:到|至|—|–|-|~)(${YEAR})|(${YEAR})(?:同|与|和|比)(${YEAR})相?比`);
const CN_YEAR = new RegExp(YEAR, 'g');
/** N年来, N年内, N年间, 前N年, 近N年, 过去N年: a stretch ending now. */
const CN_YEARS_STRETCH = new RegExp(`(?:前|近|过去|最近)?(${NUMBER})(?:个)?年(?:来|内|间|中|里|期间)`);
/** “十五”期间, 第一个五年计划, “七五”时期: a five-year plan. */
const CN_FIVE_YEAR_PLAN = /“?[一二三四五六七八九十]{1,3}五”?(?:计划)?(?:期间|时期)|第[一二三四五六七八九十]{1,3}个五年计划/;
const CN_MONTHS = new RegExp(`(${NUMBER})(?:月份?)?(?:—|–|-|~|至|到)(${NUMBER})月(?:份)?`);
const CN_MONTH = new RegExp(`(?<![0-9０-９〇○零一二三四五六七八九十])(${NUMBER})月(?:份)?(?![0-9０-９一二三四五六七八九十]+日)`);
const CN_QUARTER = /(前三季度|前两季度|第?[一二三四1-4]季度)/;
const CN_HALF = /(上半年|下半年)/;
const CN_RELATIVE: readonly (readonly [RegExp, string])[] = [
  [/今年|本年度|本年/, 'this-year'],
  [/去年|上年|上一年/, 'last-year'],
  [/明年|下一年/, 'next-year'],
  [/前年/, 'year-before-last'],
];
/** A period right after these words is what the clause compares with, not its own period. */
const CN_BASE_BEFORE = /(?:比|较|同|与|和|对比|相对于)$/;

const EN_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const EN_SPAN = /\bfrom\s+((?:19|20)\d\d)\s+(?:to|through|until)\s+((?:19|20)\d\d)\b|\bbetween\s+((?:19|20)\d\d)\s+and\s+((?:19|20)\d\d)\b/i;
const EN_QUARTER = /\b(first|second|third|fourth)\s+quarter\b|\bQ([1-4])\b/i;
const EN_MONTH = new RegExp(`\\b(?:in|during|for|of)\\s+(${EN_MONTHS.join('|')})\\b`, 'i');
const EN_YEAR = /\b(?:in|during|for|of)\s+((?:19|20)\d\d)\b/i;
const EN_BASE = /\b(?:than|from|since|over)\s+(?:a\s+year\s+(?:earlier|ago)|the\s+(?:prior|previous)\s+(?:year|month|quarter)|((?:19|20)\d\d))|\b(?:a\s+year\s+(?:earlier|ago)|year[- ]over[- ]year)/i;
const EN_OVER = /\bover\s+the\s+(month|year|quarter)\b/i;

/** Reads a Chinese or Arabic year (2023, ２０２３, 一九五七) from the text of a YEAR match. */
function yearOf(match: string): number | undefined {
  const digits = match.replace(/年$/, '');
  return parseNumeral(digits, 0, digits.length)?.value;
}

function small(text: string): number | undefined {
  return parseNumeral(text, 0, text.length)?.value;
}

export interface ReadPeriods {
  readonly period: Period | undefined;
  readonly base: Period | undefined;
}

/** The clause's own period and the period it compares with, from the clause's text. */
export function readPeriods(text: string, english: boolean): ReadPeriods {
  const read = english ? englishPeriods(text) : chinesePeriods(text);
  // Periods are kept with the clause's findings across versions: copies, not views into this version's text.
  return read.period || read.base ? { period: owned(read.period), base: owned(read.base) } : read;
}

function owned(period: Period | undefined): Period | undefined {
  return period && { ...period, text: detached(period.text) };
}

/** Characters every Chinese period expression holds: a clause without any has no period (most clauses). */
const CN_PERIOD_CHARS = /[年月季期]/;
const NONE: ReadPeriods = { period: undefined, base: undefined };

function chinesePeriods(text: string): ReadPeriods {
  if (!CN_PERIOD_CHARS.test(text)) return NONE;
  // Each pattern below holds one of these characters: a clause without it skips the pattern (most do).
  const hasYear = text.includes('年');
  const span = hasYear ? CN_SPAN.exec(text) : null;
  if (span) {
    const from = yearOf(span[1] ?? span[4]!);
    const to = yearOf(span[2] ?? span[3]!);
    if (from !== undefined && to !== undefined && to > from) {
      const base = span[3] ? { text: span[4]!, key: `Y${from}` } : undefined;
      return { period: { text: span[0], key: `Y${from}-${to}`, years: to - from }, base };
    }
  }
  let period: Period | undefined;
  let base: Period | undefined;
  const take = (found: Period, at: number): void => {
    if (CN_BASE_BEFORE.test(text.slice(Math.max(0, at - 4), at))) base ??= found;
    else period ??= found;
  };
  CN_YEAR.lastIndex = 0;
  for (let m = hasYear ? CN_YEAR.exec(text) : null; m; m = CN_YEAR.exec(text)) {
    const year = yearOf(m[0]);
    if (year !== undefined && year >= 1900 && year <= 2100) take({ text: m[0], key: `Y${year}` }, m.index);
  }
  const stretch = hasYear ? CN_YEARS_STRETCH.exec(text) : null;
  if (stretch) {
    const years = small(stretch[1]!);
    if (years !== undefined && years > 0 && years <= 100) take({ text: stretch[0], key: `years:${years}`, years }, stretch.index);
  }
  const plan = text.includes('五') ? CN_FIVE_YEAR_PLAN.exec(text) : null;
  if (plan) take({ text: plan[0], key: `plan:${plan[0].replace(/[“”]/g, '')}`, years: 5 }, plan.index);
  const hasMonth = text.includes('月');
  const months = hasMonth ? CN_MONTHS.exec(text) : null;
  if (months) take({ text: months[0], key: `M${small(months[1]!)}-${small(months[2]!)}` }, months.index);
  else if (hasMonth) {
    const month = CN_MONTH.exec(text);
    if (month) take({ text: month[0], key: `M${small(month[1]!)}` }, month.index);
  }
  const quarter = text.includes('季') ? CN_QUARTER.exec(text) : null;
  if (quarter) take({ text: quarter[0], key: `Q:${quarter[0].replace(/^第/, '')}` }, quarter.index);
  if (!hasYear) return { period, base };
  const half = CN_HALF.exec(text);
  if (half) take({ text: half[0], key: half[0] === '上半年' ? 'H1' : 'H2' }, half.index);
  for (const [pattern, key] of CN_RELATIVE) {
    const m = pattern.exec(text);
    if (m) take({ text: m[0], key }, m.index);
  }
  return { period, base };
}

function englishPeriods(text: string): ReadPeriods {
  let base: Period | undefined;
  const baseMatch = EN_BASE.exec(text);
  if (baseMatch) base = { text: baseMatch[0], key: baseMatch[1] ? `Y${baseMatch[1]}` : 'previous' };
  const span = EN_SPAN.exec(text);
  if (span) {
    const from = Number(span[1] ?? span[3]);
    const to = Number(span[2] ?? span[4]);
    if (to > from) return { period: { text: span[0], key: `Y${from}-${to}`, years: to - from }, base };
  }
  const quarter = EN_QUARTER.exec(text);
  if (quarter) {
    const n = quarter[2] ? Number(quarter[2]) : ['first', 'second', 'third', 'fourth'].indexOf(quarter[1]!.toLowerCase()) + 1;
    return { period: { text: quarter[0], key: `Q:${n}` }, base };
  }
  const month = EN_MONTH.exec(text);
  if (month) return { period: { text: month[0], key: `M${EN_MONTHS.indexOf(month[1]!.toLowerCase()) + 1}` }, base };
  const year = EN_YEAR.exec(text);
  if (year && !(baseMatch && baseMatch[1] === year[1])) return { period: { text: year[0], key: `Y${year[1]}` }, base };
  const over = EN_OVER.exec(text);
  if (over) return { period: { text: over[0], key: `over:${over[1]!.toLowerCase()}` }, base };
  return { period: undefined, base };
}
