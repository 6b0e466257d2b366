/**
 * Reading and writing numbers as report text writes them, for the mutation suite's site finders.
 * Deliberately independent of the extractor under test (server/src/core/figures): the suite must
 * not ask the code it measures where the numbers are.
 *
 * Styles: ASCII digits (`1686`, `2,196`, `3.64万亿`), full-width digits (`１１１６`, `４．５`) and
 * Chinese numerals (`一千一百八十五`, `百分之九十八点三`, `两亿零七百万`).
 */

export type NumberStyle = 'ascii' | 'full-width' | 'chinese';

export interface WrittenNumber {
  /** Offsets of the number in the text searched (prefix 百分之 and suffixes %, 万, 亿, 多 included). */
  readonly start: number;
  readonly end: number;
  /** The value in the unit that follows it (so `3.64万亿` is 3.64e12 and `百分之六点七` is 6.7). */
  readonly value: number;
  /**
   * The number stands for [value − step/2, value + step/2]: step is a unit of the last decimal written,
   * or for a whole number the place of its last non-zero digit (1200 may be rounded to hundreds);
   * a whole percentage is read to the unit.
   */
  readonly step: number;
  readonly style: NumberStyle;
  /** Decimals written (digits styles and Chinese 点). */
  readonly decimals: number;
  /** Thousands grouped with commas (`2,196`). */
  readonly grouped: boolean;
  /** A percentage (`%`, `％`, `百分之`). */
  readonly percent: boolean;
  /** The scale word written after the digits (`万`, `亿`, `万亿`, `million`), '' for none or for Chinese numerals. */
  readonly scale: string;
  /** 多, 余, 几 after the digits: a lower bound, not a value. */
  readonly open: boolean;
}

const CN_DIGIT: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_SMALL: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const SCALE: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8, 万亿: 1e12, thousand: 1e3, million: 1e6, billion: 1e9 };

const DIGITS = '[0-9０-９]';
const ARABIC = `${DIGITS}+(?:,${DIGITS}{3}(?!${DIGITS}))*(?:[.．]${DIGITS}+)?`;
const CHINESE = '[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?';
const NUMBER = new RegExp(`(百分之)?(?:(${ARABIC})(多|余)?(万亿|万|亿|\\s(?:thousand|million|billion)\\b)?(多|余)?|(${CHINESE})(多|余)?)(\\s?(?:%|％|percent\\b))?`, 'gu');

function asciiDigits(text: string): string {
  return text.replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/** The place of the last non-zero digit of a whole number (1 for 0). */
function lastPlace(n: number): number {
  let place = 1;
  while (n >= place * 10 && Math.round(n / (place * 10)) * place * 10 === n) place *= 10;
  return place;
}

/** The value of a Chinese numeral (`二千零三十亿`, `九十八点三`, `八万亿`), or undefined when it is not one. */
export function readChinese(text: string): { value: number; step: number; decimals: number } | undefined {
  const [integer, fraction] = text.split('点') as [string, string | undefined];
  let yi = 0;
  let wan = 0;
  let section = 0;
  let digit: number | undefined;
  for (const ch of integer) {
    if (ch in CN_DIGIT) {
      if (digit !== undefined && digit !== 0 && CN_DIGIT[ch] !== 0) return undefined; // 一九五四: digits read one by one (a year, a code)
      digit = CN_DIGIT[ch]!;
    } else if (ch in CN_SMALL) {
      section += (digit ?? 1) * CN_SMALL[ch]!;
      digit = undefined;
    } else {
      section += digit ?? 0;
      digit = undefined;
      if (ch === '万') {
        if (section === 0) return undefined;
        wan = section;
      } else {
        if (section === 0 && wan === 0) return undefined;
        yi = (yi + wan * 1e4 + section) * 1e8;
        wan = 0;
      }
      section = 0;
    }
  }
  const value = yi + wan * 1e4 + section + (digit ?? 0);
  if (value === 0 && integer !== '零' && integer !== '〇') return undefined;
  if (fraction === undefined) return { value, step: lastPlace(value), decimals: 0 };
  let frac = 0;
  for (let i = 0; i < fraction.length; i++) frac += CN_DIGIT[fraction[i]!]! * 10 ** -(i + 1);
  return { value: value + frac, step: 10 ** -fraction.length, decimals: fraction.length };
}

/** Every number written in `text`, left to right. Years and other digit-by-digit Chinese strings are left out. */
export function readNumbers(text: string): WrittenNumber[] {
  const out: WrittenNumber[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const [whole, prefix, arabic, open1, scale, open2, chinese, open3, suffix] = m;
    const percent = prefix !== undefined || suffix !== undefined;
    const start = m.index;
    const end = start + whole.length;
    if (arabic !== undefined) {
      const plain = asciiDigits(arabic).replace(/,/g, '');
      const decimals = plain.includes('.') ? plain.split('.')[1]!.length : 0;
      const multiplier = scale ? SCALE[scale.trim()]! : 1;
      const value = Number(plain) * multiplier;
      const step = (decimals > 0 || percent ? 10 ** -decimals : lastPlace(Number(plain))) * multiplier;
      out.push({ start, end, value, step, style: /[０-９]/.test(arabic) ? 'full-width' : 'ascii', decimals, grouped: arabic.includes(','), percent, scale: scale?.trim() ?? '', open: open1 !== undefined || open2 !== undefined });
    } else if (chinese !== undefined) {
      const read = readChinese(chinese);
      if (!read) continue;
      out.push({ start, end, value: read.value, step: percent ? 10 ** -read.decimals : read.step, style: 'chinese', decimals: read.decimals, grouped: false, percent, scale: '', open: open3 !== undefined });
    }
  }
  return out;
}

const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 0 ≤ n < 10000 in Chinese numerals (`二千零三十`, `一百一十`, `十二` when `leading`). */
function chineseSection(n: number, leading: boolean): string {
  const places: [number, string][] = [[1000, '千'], [100, '百'], [10, '十'], [1, '']];
  let out = '';
  let zero = false;
  for (const [place, name] of places) {
    const d = Math.floor(n / place) % 10;
    if (d === 0) {
      if (out !== '') zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += leading && out === '' && place === 10 && d === 1 ? name : CN[d]! + name;
  }
  return out;
}

/** A non-negative integer in Chinese numerals, with 万 and 亿 (`两亿零七百万` is written `二亿零七百万`). */
export function chineseInteger(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`no Chinese numeral for ${n}`);
  if (n === 0) return '零';
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 10000)) groups.push(rest % 10000);
  const names = ['', '万', '亿', '万亿'];
  let out = '';
  let zero = false;
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i]!;
    if (g === 0) {
      zero = out !== '';
      continue;
    }
    if (out !== '' && (zero || g < 1000)) out += '零';
    zero = false;
    out += chineseSection(g, out === '') + names[i]!;
  }
  return out;
}

function fullWidth(text: string): string {
  return text.replace(/[0-9.]/g, (c) => (c === '.' ? '．' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));
}

/**
 * `value` rounded as it would be written in place of `like`: to `like`'s decimals, or for a whole
 * number to two significant digits (or `like`'s step, when finer), and the step it is then read with.
 */
export function roundLike(like: WrittenNumber, value: number): { value: number; step: number } {
  if (like.decimals > 0) {
    const rounded = Math.round(value / like.step) * like.step;
    return { value: rounded, step: like.step };
  }
  const multiplier = like.scale ? SCALE[like.scale]! : 1;
  const unit = Math.max(multiplier, Math.min(like.step, 10 ** (Math.floor(Math.log10(Math.max(Math.abs(value), 1))) - 1)));
  const rounded = Math.round(value / unit) * unit;
  return { value: rounded, step: lastPlace(rounded / multiplier) * multiplier };
}

/**
 * `value` written the way `like` is written: same style, scale word, percent sign and decimals,
 * rounded by roundLike. Text outside the number itself (a 百分之 prefix, % and 多) is kept.
 */
export function rewrite(text: string, like: WrittenNumber, value: number): string {
  const original = text.slice(like.start, like.end);
  const rounded = roundLike(like, value).value;
  if (like.style === 'chinese') {
    const prefix = original.startsWith('百分之') ? 3 : 0;
    const found = /[零〇一二两三四五六七八九十百千万亿点]+/.exec(original.slice(prefix))!;
    const body = { index: found.index + prefix, 0: found[0] };
    const integer = Math.floor(rounded + 1e-9);
    let written = chineseInteger(integer);
    if (like.decimals > 0) {
      const fraction = Math.round((rounded - integer) * 10 ** like.decimals).toString().padStart(like.decimals, '0');
      written += `点${[...fraction].map((d) => CN[Number(d)]!).join('')}`;
    }
    return original.slice(0, body.index) + written + original.slice(body.index + body[0].length);
  }
  const multiplier = like.scale ? SCALE[like.scale]! : 1;
  const plainValue = rounded / multiplier;
  let written = like.grouped
    ? plainValue.toLocaleString('en-US', { minimumFractionDigits: like.decimals, maximumFractionDigits: like.decimals })
    : plainValue.toFixed(like.decimals);
  if (like.style === 'full-width') written = fullWidth(written);
  const digits = new RegExp(ARABIC, 'u').exec(original)!;
  return original.slice(0, digits.index) + written + original.slice(digits.index + digits[0].length);
}

const EN_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** A count as a word: `three` → 3, `Three` → 3, `三` → 3, `两` → 2, `十二` → 12, `4` → 4. */
export function readCount(word: string): number | undefined {
  const en = EN_WORDS.indexOf(word.toLowerCase());
  if (en >= 0) return en;
  if (/^[0-9]+$/.test(word)) return Number(word);
  if (/^[一二两三四五六七八九十]+$/.test(word)) return readChinese(word)?.value;
  return undefined;
}

/** `n` written in the style of the count `like` (`三` → `四`, `两` style for 2, `Three` → `Four`, `3` → `4`). */
export function writeCount(like: string, n: number): string {
  if (/^[0-9]+$/.test(like)) return String(n);
  if (/^[一二两三四五六七八九十]+$/.test(like)) return n === 2 ? '两' : chineseInteger(n);
  const word = EN_WORDS[n];
  if (word === undefined) throw new RangeError(`no English count word for ${n}`);
  return /^[A-Z]/.test(like) ? word[0]!.toUpperCase() + word.slice(1) : word;
}
