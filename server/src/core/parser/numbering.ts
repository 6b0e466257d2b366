import type { NumberingStyle } from '../model';
import { isHorizontalSpace, isLowerLatin, toHalfWidth } from '../text/chars';

/** A heading marker found at the start of a line. */
export interface MarkerMatch {
  readonly style: NumberingStyle;
  readonly value: number;
  readonly path: readonly number[];
  /** Offset just past the marker. */
  readonly markerEnd: number;
  /** Offset where the heading's words start (marker and following spaces skipped). */
  readonly textStart: number;
}

/**
 * Rank of each numbering style: smaller is higher. Fixed, because Chinese
 * official documents fix the order (GB/T 9704): 一、 above （一） above 1. above （1）.
 */
export const RANK: Readonly<Record<NumberingStyle, number>> = {
  markdown: 0, // plus the ATX level
  setext: 0, // plus 1 or 2
  caps: 2,
  part: 8,
  chapter: 10,
  section: 12,
  unnumbered: 15,
  'cn-list': 20,
  roman: 20,
  'cn-paren': 30,
  letter: 30,
  decimal: 40,
  'decimal-dotted': 40, // plus depth - 1
  'paren-decimal': 50,
  circled: 60,
};

const CN_DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Parses a small Chinese numeral (一 … 九百九十九); undefined when it is not one. */
export function parseChineseNumeral(numeral: string): number | undefined {
  if (numeral.length === 0 || numeral.length > 8) return undefined;
  let total = 0;
  let digit: number | undefined;
  for (const ch of numeral) {
    const d = CN_DIGITS[ch];
    if (d !== undefined) {
      digit = d;
      continue;
    }
    const unit = ch === '十' ? 10 : ch === '百' ? 100 : undefined;
    if (unit === undefined) return undefined;
    total += (digit ?? 1) * unit;
    digit = undefined;
  }
  total += digit ?? 0;
  return total > 0 ? total : undefined;
}

const ROMAN: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

export function parseRoman(numeral: string): number | undefined {
  if (!/^(?:C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/.test(numeral) || numeral.length === 0) return undefined;
  let total = 0;
  for (let i = 0; i < numeral.length; i++) {
    const value = ROMAN[numeral[i]!]!;
    const next = i + 1 < numeral.length ? ROMAN[numeral[i + 1]!]! : 0;
    total += value < next ? -value : value;
  }
  return total;
}

const CIRCLED_FIRST = 0x2460; // ①

// Each pattern is anchored and bounded, and runs on at most the first 48
// characters of a line, so no input can make it backtrack for long.
const CHAPTER = /^第([零〇一二两三四五六七八九十百]{1,6}|[0-9０-９]{1,3})(部分|章|节|篇|编)/;
const CN_LIST = /^([零〇一二两三四五六七八九十百]{1,5})[、，,．]/;
const CN_PAREN = /^[（(]([零〇一二两三四五六七八九十百]{1,5})[)）]/;
const PAREN_DECIMAL = /^[（(]([0-9０-９]{1,3})[)）]/;
const DOTTED = /^([1-9１-９][0-9０-９]{0,2}(?:[.．][0-9０-９]{1,3}){1,4})[.．]?(?=[ \t\u3000])/;
const DECIMAL = /^([0-9０-９]{1,3})(?:[、．]|\.(?![0-9]))/;
const ROMAN_MARKER = /^([IVXLC]{1,7})\.(?=[ \t])/;
const LETTER_MARKER = /^([A-Z])\.(?=[ \t])/;

/** Every character a marker can start with: ①–⑳, 第, Chinese numerals, brackets, digits, capitals. */
const MARKER_START = new Set<number>();
for (let code = CIRCLED_FIRST; code < CIRCLED_FIRST + 20; code++) MARKER_START.add(code);
for (const ch of '第零〇一二两三四五六七八九十百（(0123456789０１２３４５６７８９ABCDEFGHIJKLMNOPQRSTUVWXYZ') MARKER_START.add(ch.charCodeAt(0));

/** Whether a numbering marker can start with this character (most paragraphs start with a word). */
export function mayStartMarker(code: number): boolean {
  return MARKER_START.has(code);
}

/** Recognises a numbering marker at `start`; `end` is the end of the line. */
export function matchMarker(text: string, start: number, end: number): MarkerMatch | undefined {
  // Most lines start with a word: the patterns run only when the first character can begin a marker.
  if (start >= end || !MARKER_START.has(text.charCodeAt(start))) return undefined;
  const head = text.slice(start, Math.min(end, start + 48));
  const code = head.charCodeAt(0);
  if (code >= CIRCLED_FIRST && code < CIRCLED_FIRST + 20) {
    return finish(text, start, end, 'circled', code - CIRCLED_FIRST + 1, 1);
  }
  let m: RegExpExecArray | null;
  if ((m = CHAPTER.exec(head))) {
    const value = parseChineseNumeral(m[1]!) ?? Number(toHalfWidth(m[1]!));
    const style: NumberingStyle = m[2] === '部分' || m[2] === '篇' || m[2] === '编' ? 'part' : m[2] === '章' ? 'chapter' : 'section';
    return finish(text, start, end, style, value, m[0].length, ':：、 \t\u3000');
  }
  if ((m = CN_LIST.exec(head))) {
    const value = parseChineseNumeral(m[1]!);
    // "一、二、三产业" lists numerals, it does not number a heading.
    if (value === undefined || CN_LIST.test(head.slice(m[0].length))) return undefined;
    return finish(text, start, end, 'cn-list', value, m[0].length);
  }
  if ((m = CN_PAREN.exec(head))) {
    const value = parseChineseNumeral(m[1]!);
    return value === undefined ? undefined : finish(text, start, end, 'cn-paren', value, m[0].length);
  }
  if ((m = PAREN_DECIMAL.exec(head))) {
    return finish(text, start, end, 'paren-decimal', Number(toHalfWidth(m[1]!)), m[0].length);
  }
  if ((m = DOTTED.exec(head))) {
    const path = toHalfWidth(m[1]!).split('.').map(Number);
    return finishPath(text, start, end, 'decimal-dotted', path, m[0].length);
  }
  if ((m = DECIMAL.exec(head))) {
    return finish(text, start, end, 'decimal', Number(toHalfWidth(m[1]!)), m[0].length);
  }
  if ((m = ROMAN_MARKER.exec(head))) {
    const value = parseRoman(m[1]!);
    return value === undefined ? undefined : finish(text, start, end, 'roman', value, m[0].length);
  }
  if ((m = LETTER_MARKER.exec(head))) {
    return finish(text, start, end, 'letter', m[1]!.charCodeAt(0) - 64, m[0].length);
  }
  return undefined;
}

function finish(text: string, start: number, end: number, style: NumberingStyle, value: number, length: number, skip = ''): MarkerMatch | undefined {
  return finishPath(text, start, end, style, [value], length, skip);
}

function finishPath(
  text: string,
  start: number,
  end: number,
  style: NumberingStyle,
  path: readonly number[],
  length: number,
  skip = '',
): MarkerMatch | undefined {
  const value = path[path.length - 1]!;
  if (!Number.isFinite(value)) return undefined;
  const markerEnd = start + length;
  let textStart = markerEnd;
  while (textStart < end && (isHorizontalSpace(text.charCodeAt(textStart)) || skip.includes(text[textStart]!))) textStart++;
  // "5.8 million" and "0.1 hour" wrap onto a line start; a heading's words do not start in lower case.
  if (isLowerLatin(text.charCodeAt(textStart))) return undefined;
  return { style, value, path, markerEnd, textStart };
}

/** The rank of a marker; dotted decimals nest by depth (1.1 under 1.). */
export function rankOf(style: NumberingStyle, path: readonly number[]): number {
  return style === 'decimal-dotted' ? RANK[style] + path.length - 1 : RANK[style];
}
