/**
 * List numbers as Word shows them. Word does not store "一、" or "1.1" in the text: it computes them
 * from numbering.xml (a format and a pattern per list level) while it lays the page out. The checks
 * read heading numbers from the text, so the extracted text has to carry them the same way.
 */
import type * as Xmldom from '@xmldom/xmldom';

/** The XML parser, loaded with the first Word document: a run that reads none (most) does not evaluate it. */
function xmldom(): typeof Xmldom {
  return require('@xmldom/xmldom') as typeof Xmldom;
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
/** Marks a paragraph-style link added by tagLevels, never a style of the document. */
const TAG = 'report-lens:';

export interface LevelFormat {
  /** The list definition (w:abstractNum) the level belongs to, as numbering.xml names it after tagLevels. */
  readonly abstractNumId: string;
  /**
   * Whose count the level advances: its list definition's, which every list using the definition
   * shares (Word counts on across them), or, for a list Word restarted (a startOverride), its own.
   */
  readonly counter: string;
  readonly level: number;
  /** w:numFmt, e.g. decimal, chineseCounting, bullet. */
  readonly format: string;
  /** w:lvlText, e.g. "%1、" or "%1.%2"; %N stands for the number of level N (1-based). */
  readonly pattern: string;
  /** The first number: w:start, or the list's w:startOverride. */
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

/**
 * numbering.xml rewritten so that mammoth's model says which list an item belongs to. mammoth keeps,
 * of an item's level, only whether it is ordered and the paragraph style linked to the level: for a
 * list numbered on its paragraphs nothing would say which definition (so which number format) it
 * follows, nor whether Word restarted it. So each list (w:num) gets a copy of its definition of its
 * own, with every level linked to a made-up style naming the list and the level (a level overridden
 * in the list is taken from the override); levels left without a style in the original definitions
 * get one too. No paragraph has such a style, so nothing else mammoth does changes.
 */
export function tagLevels(xml: string): string {
  const doc = new (xmldom().DOMParser)({ errorHandler: () => undefined }).parseFromString(xml, 'text/xml');
  const definitions = new Map<string, Element>();
  for (const abstract of elements(doc, 'w:abstractNum')) {
    const id = abstract.getAttribute('w:abstractNumId') ?? '';
    definitions.set(id, abstract);
    for (const lvl of elements(abstract, 'w:lvl')) {
      if (elements(lvl, 'w:pStyle').length === 0) link(doc, lvl, `${TAG}a:${id}:${lvl.getAttribute('w:ilvl') ?? '0'}`);
    }
  }
  for (const num of elements(doc, 'w:num')) {
    const numId = num.getAttribute('w:numId') ?? '';
    const reference = elements(num, 'w:abstractNumId')[0];
    const original = definitions.get(reference?.getAttribute('w:val') ?? '');
    // A definition that only points at a numbering style (w:numStyleLink) is resolved by mammoth itself.
    if (!reference || !original || elements(original, 'w:lvl').length === 0) continue;
    const copy = original.cloneNode(true) as Element;
    const copyId = `${TAG}${numId}:${reference.getAttribute('w:val') ?? ''}`;
    copy.setAttribute('w:abstractNumId', copyId);
    for (const override of elements(num, 'w:lvlOverride')) {
      for (const lvl of elements(override, 'w:lvl')) {
        const same = elements(copy, 'w:lvl').find((l) => l.getAttribute('w:ilvl') === lvl.getAttribute('w:ilvl'));
        if (same) copy.replaceChild(lvl.cloneNode(true), same);
      }
    }
    for (const lvl of elements(copy, 'w:lvl')) {
      for (const style of elements(lvl, 'w:pStyle')) lvl.removeChild(style);
      link(doc, lvl, `${TAG}n:${numId}:${lvl.getAttribute('w:ilvl') ?? '0'}`);
    }
    num.parentNode?.insertBefore(copy, num);
    reference.setAttribute('w:val', copyId);
  }
  return new (xmldom().XMLSerializer)().serializeToString(doc);
}

function link(doc: Document, lvl: Element, style: string): void {
  const element = doc.createElementNS(W, 'w:pStyle');
  element.setAttributeNS(W, 'w:val', style);
  lvl.appendChild(element);
}

function elements(parent: Document | Element, tag: string): Element[] {
  const list = parent.getElementsByTagName(tag);
  return Array.from({ length: list.length }, (_, i) => list.item(i)!);
}

/** The list definitions of numbering.xml as tagLevels left it (empty when absent or unreadable). */
export function readNumbering(xml: string | undefined): Numbering {
  const byStyle = new Map<string, LevelFormat>();
  const levels = new Map<string, Map<number, LevelFormat>>();
  if (xml === undefined) return { byStyle, levels };
  const doc = new (xmldom().DOMParser)({ errorHandler: () => undefined }).parseFromString(xml, 'text/xml');
  const restarts = startOverrides(doc);
  for (const abstract of elements(doc, 'w:abstractNum')) {
    const id = abstract.getAttribute('w:abstractNumId') ?? '';
    // A list's own copy (tagLevels) is named report-lens:NUMID:ORIGINALID.
    const copy = id.startsWith(TAG) ? /^[^:]+:([^:]*):(.*)$/.exec(id) : null;
    const overrides = copy ? restarts.get(copy[1]!) : undefined;
    const counter = overrides ? `n:${copy![1]}` : `a:${copy ? copy[2] : id}`;
    const byLevel = new Map<number, LevelFormat>();
    levels.set(id, byLevel);
    for (const lvl of elements(abstract, 'w:lvl')) {
      const suffix = valueOf(lvl, 'w:suff');
      const index = Number(lvl.getAttribute('w:ilvl') ?? '0');
      const level: LevelFormat = {
        abstractNumId: id,
        counter,
        level: index,
        format: valueOf(lvl, 'w:numFmt') ?? 'decimal',
        pattern: valueOf(lvl, 'w:lvlText') ?? '',
        start: overrides?.get(index) ?? Number(valueOf(lvl, 'w:start') ?? '1'),
        suffix: suffix === 'space' || suffix === 'nothing' ? suffix : 'tab',
      };
      byLevel.set(level.level, level);
      const style = valueOf(lvl, 'w:pStyle');
      if (style !== undefined) byStyle.set(style, level);
    }
  }
  return { byStyle, levels };
}

/** The lists Word restarted: numId → level → the number it starts again at. */
function startOverrides(doc: Document): Map<string, Map<number, number>> {
  const restarts = new Map<string, Map<number, number>>();
  for (const num of elements(doc, 'w:num')) {
    for (const override of elements(num, 'w:lvlOverride')) {
      const start = elements(override, 'w:startOverride')[0]?.getAttribute('w:val');
      if (start === undefined || start === null) continue;
      const byLevel = restarts.get(num.getAttribute('w:numId') ?? '') ?? new Map<number, number>();
      byLevel.set(Number(override.getAttribute('w:ilvl') ?? '0'), Number(start));
      restarts.set(num.getAttribute('w:numId') ?? '', byLevel);
    }
  }
  return restarts;
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
