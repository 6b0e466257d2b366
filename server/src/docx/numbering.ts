/**
 * List numbers as Word shows them. Word does not store "一、" or "1.1" in the text: it computes them
 * from numbering.xml (a format and a pattern per list level) while it lays the page out. The checks
 * read heading numbers from the text, so the extracted text has to carry them the same way.
 */
import { DOMParser } from '@xmldom/xmldom';

export interface LevelFormat {
  readonly abstractNumId: string;
  readonly level: number;
  /** w:numFmt, e.g. decimal, chineseCounting, bullet. */
  readonly format: string;
  /** w:lvlText, e.g. "%1、" or "%1.%2"; %N stands for the number of level N (1-based). */
  readonly pattern: string;
  readonly start: number;
  /** w:suff: what Word puts between the number and the text (a tab when absent). */
  readonly suffix: 'tab' | 'space' | 'nothing';
}

export interface Numbering {
  /** The level a paragraph style links to (w:pStyle in a level), by style id. */
  readonly byStyle: ReadonlyMap<string, LevelFormat>;
  /** Every level of every list definition, by abstractNumId and then level (0-based). */
  readonly levels: ReadonlyMap<string, ReadonlyMap<number, LevelFormat>>;
}

/** The list definitions of numbering.xml (empty when it is absent or unreadable). */
export function readNumbering(xml: string | undefined): Numbering {
  const byStyle = new Map<string, LevelFormat>();
  const levels = new Map<string, Map<number, LevelFormat>>();
  if (xml === undefined) return { byStyle, levels };
  const doc = new DOMParser({ errorHandler: () => undefined }).parseFromString(xml, 'text/xml');
  const abstracts = doc.getElementsByTagName('w:abstractNum');
  for (let i = 0; i < abstracts.length; i++) {
    const abstract = abstracts.item(i)!;
    const id = abstract.getAttribute('w:abstractNumId') ?? '';
    const byLevel = new Map<number, LevelFormat>();
    levels.set(id, byLevel);
    const lvls = abstract.getElementsByTagName('w:lvl');
    for (let j = 0; j < lvls.length; j++) {
      const lvl = lvls.item(j)!;
      const suffix = valueOf(lvl, 'w:suff');
      const level: LevelFormat = {
        abstractNumId: id,
        level: Number(lvl.getAttribute('w:ilvl') ?? '0'),
        format: valueOf(lvl, 'w:numFmt') ?? 'decimal',
        pattern: valueOf(lvl, 'w:lvlText') ?? '',
        start: Number(valueOf(lvl, 'w:start') ?? '1'),
        suffix: suffix === 'space' || suffix === 'nothing' ? suffix : 'tab',
      };
      byLevel.set(level.level, level);
      const style = valueOf(lvl, 'w:pStyle');
      if (style !== undefined) byStyle.set(style, level);
    }
  }
  return { byStyle, levels };
}

function valueOf(element: Element, tag: string): string | undefined {
  const found = element.getElementsByTagName(tag).item(0);
  return found?.getAttribute('w:val') ?? undefined;
}

const CHINESE_DIGITS = '零一二三四五六七八九';
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';

/** One number in one of Word's formats; a format not handled here falls back to decimal. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
      return chineseCounting(n);
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? HEAVENLY_STEMS[n - 1]! : String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n);
    case 'decimalFullWidth':
      return String(n).replace(/\d/g, (d) => String.fromCodePoint(0xff10 + Number(d)));
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerLetter':
      return letters(n);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (as Word writes chineseCounting). */
function chineseCounting(n: number): string {
  if (n <= 0 || n >= 1000) return String(n);
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let text = hundreds > 0 ? `${CHINESE_DIGITS[hundreds]}百` : '';
  if (tens > 0) text += `${hundreds === 0 && tens === 1 ? '' : CHINESE_DIGITS[tens]}十`;
  else if (hundreds > 0 && ones > 0) text += '零';
  if (ones > 0) text += CHINESE_DIGITS[ones];
  return text;
}

function letters(n: number): string {
  if (n <= 0) return String(n);
  // Word repeats the letter past z: aa, bb, …
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let text = '';
  for (const [value, symbol] of table) {
    while (n >= value) {
      text += symbol;
      n -= value;
    }
  }
  return text;
}

/** The marker of a level given the current number of each level of its list (index 0 = level 1). */
export function marker(level: LevelFormat, counts: readonly number[], formats: readonly string[]): string {
  return level.pattern.replace(/%([1-9])/g, (_, digit: string) => {
    const index = Number(digit) - 1;
    return formatNumber(counts[index] ?? 1, formats[index] ?? 'decimal');
  });
}
