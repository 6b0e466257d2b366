/**
 * Surface structure of report text for the mutation suite's site finders: paragraphs, sentences,
 * and the unit written after a number. Independent of the parser under test.
 */

export type Language = 'zh' | 'en';

/** Offsets [start, end) in a document's text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * Paragraphs: a Chinese report writes one per line; an English release wraps lines and separates
 * paragraphs with blank lines (so its paragraphs keep their newlines inside).
 */
export function paragraphs(text: string, language: Language): Span[] {
  const out: Span[] = [];
  const re = language === 'zh' ? /[^\n]+/g : /[^\n]+(?:\n[ \t]*[^\s#][^\n]*)*/g;
  for (const m of text.matchAll(re)) if (m[0].trim() !== '') out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** The sentences of a paragraph (each with its closing punctuation; a Chinese ；-clause counts as one). */
export function sentences(text: string, paragraph: Span, language: Language): Span[] {
  const body = text.slice(paragraph.start, paragraph.end);
  const re = language === 'zh' ? /[^。！？；]+[。！？；]*/g : /(?:[^.!?]|[.!?](?!\s+[A-Z(]))+[.!?]*/g;
  const out: Span[] = [];
  for (const m of body.matchAll(re)) if (m[0].trim() !== '') out.push({ start: paragraph.start + m.index, end: paragraph.start + m.index + m[0].length });
  return out;
}

/** The smallest run of `list`'s spans that covers [start, end). */
export function covering(list: readonly Span[], start: number, end: number): Span {
  const first = list.find((s) => s.end > start) ?? list[0]!;
  const last = [...list].reverse().find((s) => s.start < end) ?? first;
  return { start: Math.min(first.start, start), end: Math.max(last.end, end) };
}

/**
 * Units and counters written after a Chinese number, longest first. A part and its whole, or the two
 * operands of a rate, must share one (`700万套 … 470万套`), or the pattern does not apply.
 */
const ZH_UNITS = [
  '亿千瓦时', '万千瓦时', '千瓦时', '万千瓦', '千瓦', '亿美元', '万美元', '美元', '亿元', '万元', '元', '万吨', '吨公里', '吨', '公斤', '千克', '公里', '平方公里', '平方米', '立方米',
  '公顷', '亩', '人次', '万人', '个', '项', '件', '处', '名', '人', '户', '家', '所', '座', '套', '辆', '台', '架', '艘', '条', '种', '次', '起', '批', '位', '张', '部', '篇', '册', '度', '床', '间', '头', '株', '米', '卢布', '新卢布', '担', '斤', '匹', '枚', '颗', '对', '只',
].sort((a, b) => b.length - a.length);

/** The unit written right after offset `at` in Chinese text ('' when none). */
export function zhUnitAt(text: string, at: number): string {
  return ZH_UNITS.find((u) => text.startsWith(u, at)) ?? '';
}

/**
 * The unit of an English number: `$` before it, the scale word after it (`1.6 million`), or the
 * plural noun right after it (`2,400 employers`); '' for none (`2,196 responded`).
 */
export function enUnitAt(text: string, start: number, end: number): string {
  if (text[start - 1] === '$') return '$';
  const word = /^\s+([a-z]+)/.exec(text.slice(end, end + 30))?.[1] ?? '';
  if (['million', 'billion', 'thousand'].includes(word)) return word;
  return /[^s]s$/.test(word) && !['was', 'has', 'is', 'percentages'].includes(word) ? word : '';
}
