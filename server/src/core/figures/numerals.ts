/**
 * Reading numbers as written in reports: Arabic digits (ASCII or full-width,
 * with , or ， thousands separators and . or ． decimals), Chinese numerals
 * (simplified, traditional and financial forms: 一千六百八十六, 两千零二十三,
 * 壹佰伍拾, 四十五亿四千零四万), and the mixed forms reports use most
 * (1.49万, 3千万, 1,100万, 5万4千6百). Hand-written: one pass, no regular
 * expressions, no backtracking.
 */
import { roundSignificant } from './interval';
import { code, flags } from '../text/chars';

export interface NumeralMatch {
  readonly start: number;
  /** Offset just past the numeral. */
  readonly end: number;
  readonly value: number;
  /** Place value of the last written digit, scale applied: 1.49万 → 100, 1686 → 1, 99.4 → 0.1. */
  readonly lastDigitUnit: number;
  /** Digits after the decimal point, as written. */
  readonly decimals: number;
  /** Whether a scale (十 百 千 万 亿, thousand, million…) follows the last digit. */
  readonly scaled: boolean;
  /** Only Chinese numeral characters, no Arabic digit. */
  readonly chinese: boolean;
  /** A single Chinese digit character (一, 两, 五): in reports usually part of a word. */
  readonly single: boolean;
  /** Chinese digits read one by one (二〇二三), as years are written. */
  readonly digitSequence: boolean;
  /** 多, 余 or 几 was written: "一千多万", "500余万" — more than the value. */
  readonly approximate: boolean;
  /** Thousands separators were written (1,686). */
  readonly grouped: boolean;
  readonly negative: boolean;
  /** A clock time written with 点 (九点三十分): hours in `value`, not a decimal. */
  readonly time?: boolean;
}

const CN_DIGIT: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 貳: 2, 两: 2, 兩: 2, 俩: 2, 倆: 2, 三: 3, 叁: 3, 參: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 陸: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const CN_UNITS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000, 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };
const POINT_1 = code('点');
const POINT_2 = code('點');
const APPROX_DUO = code('多');
const APPROX_YU = code('余');
const JI_1 = code('几');
const JI_2 = code('幾');
const NEGATIVE_1 = code('负');
const NEGATIVE_2 = code('負');
/** 两 counts things and is never a decimal digit (二百点二, not 两百点两). */
const LIANG = flags('两兩俩倆');

/*
 * Lookups by UTF-16 code unit: the scanner asks them of nearly every
 * character, and indexing a string (text[i]) allocates a fresh string for
 * each CJK character that then has to be hashed. Index with `code & 0xffff`:
 * outside the text codeAt gives OUTSIDE (and charCodeAt NaN), which that
 * turns into 0 (NUL, which is neither a digit nor a unit), so every read
 * stays in bounds.
 */
/** The codes of the Chinese digits and of their multipliers (十 百 千 万 亿…), for tables built from them. */
export const CN_DIGIT_CODES: readonly number[] = Object.keys(CN_DIGIT).map(code);
const CN_UNIT_CODES: readonly number[] = Object.keys(CN_UNITS).map(code);
const DIGIT_BY_CODE = new Int8Array(0x10000).fill(-1);
for (const [ch, value] of Object.entries(CN_DIGIT)) DIGIT_BY_CODE[code(ch)] = value;
const UNIT_BY_CODE = new Float64Array(0x10000);
for (const [ch, value] of Object.entries(CN_UNITS)) UNIT_BY_CODE[code(ch)] = value;

/**
 * The UTF-16 code unit at `k`, or OUTSIDE outside the text. Reads just past
 * either end are common (the character after a number that ends a line,
 * before one that starts it). Written as a check they cost a comparison;
 * left to charCodeAt, the first such read deoptimizes the compiled function
 * (the engine assumes reads inside the string until one is not), once for
 * every call site, and on text fed a line at a time the scanner took dozens
 * of passes to settle. OUTSIDE, not the NaN of charCodeAt, so that code
 * units stay small integers in compiled code (a NaN turning up after
 * thousands of integers deoptimizes every function it reaches).
 */
export function codeAt(text: string, k: number): number {
  // OUTSIDE written out: a literal needs no type feedback, where a module binding read only once a
  // line ends (never in one long text) deoptimizes every function codeAt is compiled into.
  return k >= 0 && k < text.length ? text.charCodeAt(k) : 0x10000;
}

/*
 * OUTSIDE, what codeAt reads outside the text, is 0x10000: above every code
 * unit, so that it is equal to none and inside no range, as charCodeAt's NaN;
 * no test here is a bare `c > x`. Tables are indexed with `c & 0xffff`, which
 * makes it (and NaN) 0, the NUL that no table marks.
 */

/** The Chinese digit at `i` (0–9), or -1. */
export function cnDigitAt(text: string, i: number): number {
  return DIGIT_BY_CODE[codeAt(text, i) & 0xffff]!;
}
/** The Chinese unit at `i` (十 → 10 … 亿 → 1e8), or 0. */
export function cnUnitAt(text: string, i: number): number {
  return UNIT_BY_CODE[codeAt(text, i) & 0xffff]!;
}
/** The Chinese unit for a code unit (十 → 10 … 亿 → 1e8), or 0. */
export function cnUnitOf(c: number): number {
  return UNIT_BY_CODE[c & 0xffff]!;
}
export function isCnDigitCode(c: number): boolean {
  return DIGIT_BY_CODE[c & 0xffff]! >= 0;
}

/**
 * Financial (anti-fraud) forms that are also everyday characters: 陆 (land),
 * 拾 (pick up), 伍 (ranks), 肆 (unbridled). Written alone they are words
 * (登陆部队, 拾起); amounts in capitals always have more than one character.
 */
const FINANCIAL_ONLY = flags('壹贰貳叁參肆伍陆陸柒捌玖拾佰仟');
export function isFinancialOnlyCode(c: number): boolean {
  return FINANCIAL_ONLY[c & 0xffff] === 1;
}

/**
 * Two neighbouring digits before a unit (二三十, 七八千, 三五个) give a rough
 * range, "twenty or thirty", not a number: returns true at such a pair.
 */
export function isApproximatePair(text: string, i: number): boolean {
  const a = cnDigitAt(text, i);
  if (a <= 0) return false;
  const b = cnDigitAt(text, i + 1);
  if (b <= 0 || !(b === a + 1 || (a === 3 && b === 5))) return false;
  // Followed by a unit or a scale: a digit sequence (二三四) is not a pair.
  return i + 2 < text.length && (cnUnitAt(text, i + 2) > 0 || cnDigitAt(text, i + 2) < 0);
}

export function digitAt(text: string, i: number): number {
  return digitOf(codeAt(text, i));
}

/** The digit (ASCII or full-width) a code unit is, or -1. */
export function digitOf(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0xff10 && code <= 0xff19) return code - 0xff10;
  return -1;
}

function isDecimalPoint(code: number): boolean {
  return code === 0x2e || code === 0xff0e;
}
/**
 * Thousands separators. A full-width comma groups too: reports typed with a
 * Chinese input method write 共1，686个. Spaces (and the no-break and thin
 * spaces typesetters use) group digits the SI way, 1 234 567; that is
 * decided by the caller, which needs both neighbours.
 */
function isGroupSeparator(code: number): boolean {
  return code === 0x2c || code === 0xff0c;
}
function isSpaceSeparator(code: number): boolean {
  return code === 0x20 || code === 0xa0 || code === 0x2009 || code === 0x202f;
}

/**
 * A space between digit groups (SI style) is a separator only when the
 * number does not touch other digits or a decimal comma, so that lists of
 * small numbers ("1 2 3") and a year followed by a count stay apart.
 */
function spaceGroupOk(text: string, start: number, at: number, end: number): boolean {
  if (start > 0 && (digitAt(text, start - 1) >= 0 || isDecimalPoint(codeAt(text, start - 1)) || codeAt(text, start - 1) === 0x2c)) return false;
  // 1 234,5 (decimal comma) and 1 234/5 are other notations; a comma that ends a clause is fine.
  const after = at + 4;
  if (after < end && (codeAt(text, after) === 0x2c || codeAt(text, after) === 0x2f) && digitAt(text, after + 1) >= 0) return false;
  // Full-width digits are Chinese typesetting, which never groups with spaces.
  return codeAt(text, at - 1) < 0x80 && codeAt(text, at + 1) < 0x80;
}

interface ArabicMatch {
  end: number;
  value: number;
  decimals: number;
  grouped: boolean;
}

/*
 * What the last scanArabic read, taken by the caller right after the call:
 * the scanner reads a number at every digit, and an object per number is
 * garbage the collector then has to chase.
 */
let arabicValue = 0;
let arabicDecimals = 0;
let arabicGrouped = false;

/**
 * 10 ** -k for the decimals a number can have (at most 20), computed with
 * `10 **` as the scanner did before it used a table: the very same doubles
 * (10 ** -5 is 0.000009999999999999999, not 1e-5).
 */
const NEGATIVE_POWERS: readonly number[] = Array.from({ length: 21 }, (_, k) => 10 ** -k);

/** Powers of ten that are exact doubles (up to 1e22). */
const POW10: readonly number[] = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
/**
 * Up to 15 digits the digits as an integer are exact, and dividing by an
 * exact power of ten rounds once, correctly, as Number('99.4') does: the
 * same double, without building the digit string.
 */
const EXACT_DIGITS = 15;

/**
 * Arabic digits at `i`: 1686, 1,686, 1，686, １，６８６, 99.4, .5, 10,000.233.
 * Returns the end (-1 when there is no number) and leaves value, decimals and
 * grouping in arabicValue, arabicDecimals and arabicGrouped.
 */
function scanArabic(text: string, i: number, end: number): number {
  let j = i;
  let mantissa = 0;
  let intDigits = 0;
  // Reads in loops stop at `end`, inside the text for every range the scanner is given.
  while (j < end && intDigits < 20) {
    const d = digitOf(text.charCodeAt(j));
    if (d < 0) break;
    mantissa = mantissa * 10 + d;
    j++;
    intDigits++;
  }
  let count = intDigits;
  let grouped = false;
  // Thousands groups: a separator followed by exactly three digits, after a first group of one to three.
  // One kind of separator per number, so "1, 234" and "1,234 567" do not merge.
  if (intDigits > 0 && intDigits <= 3) {
    let separator = -1;
    let groups = 0;
    while (groups++ < MAX_GROUPS && j + 3 < end + 1 && digitAt(text, j + 1) >= 0 && digitAt(text, j + 2) >= 0 && digitAt(text, j + 3) >= 0 && !(j + 4 < end && digitAt(text, j + 4) >= 0)) {
      const code = text.charCodeAt(j);
      if (!(isGroupSeparator(code) || isSpaceSeparator(code)) || (separator >= 0 && code !== separator)) break;
      if (isSpaceSeparator(code) && !spaceGroupOk(text, i, j, end)) break;
      separator = code;
      mantissa = mantissa * 1000 + digitAt(text, j + 1) * 100 + digitAt(text, j + 2) * 10 + digitAt(text, j + 3);
      count += 3;
      j += 4;
      grouped = true;
    }
  }
  let decimals = 0;
  let point = -1;
  if (j + 1 < end && isDecimalPoint(text.charCodeAt(j)) && digitAt(text, j + 1) >= 0) {
    point = j;
    j++;
    while (j < end && decimals < 20) {
      const d = digitOf(text.charCodeAt(j));
      if (d < 0) break;
      mantissa = mantissa * 10 + d;
      j++;
      decimals++;
    }
    count += decimals;
  }
  if (count === 0) return -1;
  arabicValue = count <= EXACT_DIGITS ? (decimals === 0 ? mantissa : mantissa / POW10[decimals]!) : Number(digitString(text, i, j, point));
  arabicDecimals = decimals;
  arabicGrouped = grouped;
  return j;
}

/** The digits of text[i, j) as Number() reads them: separators dropped, the decimal point as '.'. */
function digitString(text: string, i: number, j: number, point: number): string {
  let digits = '';
  for (let k = i; k < j; k++) {
    const d = digitAt(text, k);
    if (d >= 0) digits += d;
    else if (k === point) digits += '.';
  }
  return digits;
}

/** Arabic digits at `i`: 1686, 1,686, 1，686, １，６８６, 99.4, .5, 10,000.233. */
export function parseArabic(text: string, i: number, end: number): ArabicMatch | undefined {
  const j = scanArabic(text, i, end);
  if (j < 0) return undefined;
  return { end: j, value: arabicValue, decimals: arabicDecimals, grouped: arabicGrouped };
}

/**
 * The longest numeral read, in UTF-16 code units. The longest well-formed Chinese numeral below 10^16
 * (九千九百九十九万…九十九) is 31 characters, Arabic ones stop at 20 digits and 12 decimals, with
 * separators under 60; past this, a run of numeral characters is not one number a report states,
 * and reading it as one would make a figure (and a hover) as long as the input.
 */
export const MAX_NUMERAL_LENGTH = 64;

/**
 * At most this many thousands groups are read (1,000,000,000,000,000,000,000 has seven): past that
 * the value overflows anyway, and without a bound a long run of ",000" was read again from each of
 * its digits.
 */
const MAX_GROUPS = 8;

/**
 * A number at `i`, Chinese, Arabic or mixed. Returns undefined when there is
 * none. Scales bind as Chinese grammar binds them: 亿 multiplies everything
 * before it, 万 everything since the last 亿.
 */
export function parseNumeral(text: string, i: number, end: number): NumeralMatch | undefined {
  const start = i;
  const textEnd = end;
  end = Math.min(end, start + MAX_NUMERAL_LENGTH);
  let negative = false;
  const first = codeAt(text, i);
  if ((first === NEGATIVE_1 || first === NEGATIVE_2) && i + 1 < end && (cnDigitAt(text, i + 1) >= 0 || digitAt(text, i + 1) >= 0)) {
    negative = true;
    i++;
  }
  // Chinese digits one by one (二〇二三, 一九九一): a year, or a discount like 九五折.
  if (cnDigitAt(text, i) >= 0 && cnDigitAt(text, i + 1) >= 0 && cnUnitAt(text, i + 2) === 0 && !isPoint(codeAt(text, i + 2))) {
    let j = i;
    // At most eight digits: their value as an integer is exact, the same as Number() of the digit string.
    let value = 0;
    let count = 0;
    let firstDigit = -1;
    let secondDigit = -1;
    while (j < end && count < 8) {
      const d = cnDigitAt(text, j);
      if (d < 0) break;
      if (count === 0) firstDigit = d;
      else if (count === 1) secondDigit = d;
      value = value * 10 + d;
      count++;
      j++;
    }
    // "两两" and "一一" are words; 〇 only appears in digit sequences.
    if (count === 2 && firstDigit === secondDigit && firstDigit !== 0) return undefined;
    return result(start, j, value, 1, 0, false, true, false, true, false, false, negative);
  }

  let yi = 0;
  let wan = 0;
  let section = 0;
  let pending = 0; // the digit (or Arabic number) waiting for its unit
  let hasPending = false;
  let lastUnit = 0; // unit of the previous element, for 一万三 (= 13000)
  let pendingAfterUnit = false; // the pending digit came right after a unit, no 零 between
  let afterZero = false;
  let decimals = 0;
  let chinese = true;
  let grouped = false;
  let approximate = false;
  let elements = 0;
  let j = i;
  // Unit of the last digit, before later scales multiply it.
  let lastDigitBase = 1;
  let unitsAfterLastDigit = 1;
  // Where the pending digit (or Arabic number) starts, the smallest of 十 百 千 read since the last
  // 万 or 亿 (0: none), and where that group starts: a numeral whose units do not go down (一千一千,
  // 一万一万) is two numerals, and ends before the second.
  let pendingStart = i;
  let lastSmall = 0;
  let groupStart = i;
  // The whole number read so far is wholeSoFar(yi, wan, section, pending, …) below: a function of
  // plain values, not a closure, so that these variables stay in registers.

  while (j < end) {
    const c = text.charCodeAt(j);
    const arabicStart = digitOf(c) >= 0 || (isDecimalPoint(c) && elements === 0 && digitAt(text, j + 1) >= 0 && !(j > 0 && digitAt(text, j - 1) >= 0));
    if (arabicStart) {
      if (hasPending) break; // two numbers in a row: stop before the second
      const arabicEnd = scanArabic(text, j, end);
      if (arabicEnd < 0) break;
      pending = arabicValue;
      hasPending = true;
      pendingStart = j;
      decimals = arabicDecimals;
      grouped ||= arabicGrouped;
      chinese = false;
      lastDigitBase = NEGATIVE_POWERS[arabicDecimals]!;
      unitsAfterLastDigit = 1;
      j = arabicEnd;
      elements++;
      afterZero = false;
      continue;
    }
    const digit = DIGIT_BY_CODE[c & 0xffff]!;
    if (digit >= 0) {
      if (hasPending && !afterZero) break;
      pendingAfterUnit = digit !== 0 && lastUnit > 0 && !afterZero && elements > 0 && cnUnitAt(text, j - 1) > 0;
      afterZero = digit === 0;
      if (digit !== 0) {
        pending = digit;
        hasPending = true;
        pendingStart = j;
        lastDigitBase = 1;
        unitsAfterLastDigit = 1;
      }
      j++;
      elements++;
      continue;
    }
    const unitValue = UNIT_BY_CODE[c & 0xffff]!;
    if (unitValue > 0 && unitValue < 1e4) {
      const small = unitValue;
      // 一千一千: a unit no smaller than the one before it starts another numeral (rare, so re-read).
      if (lastSmall > 0 && small >= lastSmall) return parseNumeral(text, start, hasPending ? pendingStart : j);
      // 十 alone at the start means 一十, and so it does after 零 (一万零十二); 百, 千 alone do not
      // start a number (千万 is also "by all means").
      let multiplier: number;
      if (hasPending) multiplier = pending;
      else if ((elements === 0 || afterZero) && small === 10) multiplier = 1;
      else break;
      section += multiplier * small;
      lastSmall = small;
      if (!hasPending) {
        lastDigitBase = 1;
        unitsAfterLastDigit = 1;
      }
      unitsAfterLastDigit *= small;
      pending = 0;
      hasPending = false;
      lastUnit = small;
      afterZero = false;
      j++;
      elements++;
      continue;
    }
    if ((c === APPROX_DUO || c === APPROX_YU || c === JI_1 || c === JI_2) && elements > 0 && (!afterZero || c === JI_1 || c === JI_2)) {
      // 一千多万, 500余万, 十多万, 一百零几万: approximate, and the scale after it still applies.
      const nextIsScale = j + 1 < end && cnUnitAt(text, j + 1) >= 1e4;
      if (afterZero && !nextIsScale) break;
      approximate = true;
      if (nextIsScale) {
        afterZero = false;
        j++;
        continue;
      }
      break;
    }
    if (unitValue >= 1e4) {
      const big = unitValue;
      // 一万一万, 一亿一亿: a scale that already applies to this numeral starts another one.
      if (repeatsScale(big, section + (hasPending ? pending : 0) + (big === 1e8 ? wan : 0), wan, yi)) return parseNumeral(text, start, groupStart);
      if (!applyBigScale(big, section + (hasPending ? pending : 0), wan, yi)) break;
      wan = scaledWan;
      yi = scaledYi;
      unitsAfterLastDigit *= big;
      section = 0;
      pending = 0;
      hasPending = false;
      lastUnit = big;
      lastSmall = 0;
      afterZero = false;
      j++;
      groupStart = j;
      elements++;
      continue;
    }
    if (isPoint(c) && isDecimalDigitAt(text, j + 1) && decimals === 0) {
      // 十五点七, 两千万点五五四四. Decimal digits are read one by one and 两 is never one of them.
      let k = j + 1;
      let fraction = '';
      while (k < end && isDecimalDigitAt(text, k) && fraction.length < 12) fraction += cnDigitAt(text, k++);
      const after = codeAt(text, k);
      // 一点一滴 and 两点一线 are idioms; 九点三十分 and 八点一刻 are clock times.
      if (after === DRIP || after === XIAN_1 || after === XIAN_2) return undefined;
      const afterUnit = cnUnitAt(text, k);
      const whole = wholeSoFar(yi, wan, section, pending, hasPending, chinese, pendingAfterUnit, lastUnit);
      if (chinese && (after === FEN || after === KE || (afterUnit > 0 && afterUnit < 1e4))) return clockTime(text, start, j, end, whole, negative);
      const value = Number(`${whole}.${fraction}`);
      return result(start, k, negative ? -value : value, roundSignificant(10 ** -fraction.length), fraction.length, false, chinese, false, false, approximate, grouped, negative);
    }
    break;
  }
  // Cut by the length bound with more numeral to come: not a number a report states.
  if (j >= end && end < textEnd && CONTINUES_NUMERAL[codeAt(text, end) & 0xffff] === 1) return undefined;
  if (afterZero) {
    j--; // a trailing 零 belongs to whatever follows, not to this number
    elements--;
  }
  if (elements === 0) return undefined;
  if (chinese && hasPending && pendingAfterUnit && lastUnit >= 100) lastDigitBase = lastUnit / 10;
  const value = roundSignificant(wholeSoFar(yi, wan, section, pending, hasPending, chinese, pendingAfterUnit, lastUnit));
  if (!Number.isFinite(value)) return undefined;
  const single = chinese && elements === 1;
  const unit = hasPending ? lastDigitBase : lastDigitBase * unitsAfterLastDigit;
  return result(start, j, negative ? -value : value, roundSignificant(unit), decimals, !hasPending && unitsAfterLastDigit > 1, chinese, single, false, approximate, grouped, negative);
}

/**
 * The commonest numeral of report text, Arabic digits with at most the scales 万 and 亿 after them
 * (1686, 8.7, 33.5万亿, 1,100万), read in one go: exactly what parseNumeral returns for it, or
 * undefined when the numeral goes on in any other way (a digit, 十 百 千, 多 余 几, 点, 零 …), and
 * then parseNumeral must read it. Starts at an Arabic digit.
 */
export function parseArabicScaled(text: string, i: number, end: number): NumeralMatch | undefined {
  const arabicEnd = scanArabic(text, i, end);
  if (arabicEnd < 0) return undefined;
  const decimals = arabicDecimals;
  let pending = arabicValue;
  let hasPending = true;
  let wan = 0;
  let yi = 0;
  let unitsAfterLastDigit = 1;
  let j = arabicEnd;
  // The scales as parseNumeral's loop applies them (section stays 0: no 十 百 千 here).
  while (j < end) {
    const unitValue = UNIT_BY_CODE[text.charCodeAt(j) & 0xffff]!;
    if (unitValue < 1e4) break;
    if (repeatsScale(unitValue, (hasPending ? pending : 0) + (unitValue === 1e8 ? wan : 0), wan, yi)) return undefined;
    if (!applyBigScale(unitValue, hasPending ? pending : 0, wan, yi)) break;
    wan = scaledWan;
    yi = scaledYi;
    unitsAfterLastDigit *= unitValue;
    pending = 0;
    hasPending = false;
    j++;
  }
  // Whatever parseNumeral's loop would read on with: leave it to parseNumeral.
  if (j < end && CONTINUES_NUMERAL[text.charCodeAt(j) & 0xffff] === 1) return undefined;
  const value = roundSignificant(wholeSoFar(yi, wan, 0, pending, hasPending, false, false, 0));
  if (!Number.isFinite(value)) return undefined;
  const lastDigitBase = NEGATIVE_POWERS[decimals]!;
  const unit = hasPending ? lastDigitBase : lastDigitBase * unitsAfterLastDigit;
  return result(i, j, value, roundSignificant(unit), decimals, !hasPending && unitsAfterLastDigit > 1, false, false, false, false, arabicGrouped, false);
}

/** Characters parseNumeral's loop goes on with after a number: digits of either kind, units, 多 余 几, points. */
const CONTINUES_NUMERAL = new Uint8Array(0x10000);
// Over the codes that can qualify, not every code: a 64K-step loop at start-up runs in the interpreter.
for (const c of [...CN_DIGIT_CODES, ...CN_UNIT_CODES, POINT_1, POINT_2]) {
  if (DIGIT_BY_CODE[c]! >= 0 || UNIT_BY_CODE[c]! > 0 || c === POINT_1 || c === POINT_2) CONTINUES_NUMERAL[c] = 1;
}
for (const [first, last] of [[0x30, 0x39], [0xff10, 0xff19]] as const) for (let c = first; c <= last; c++) if (digitOf(c) >= 0) CONTINUES_NUMERAL[c] = 1;
for (const c of [0x2e, 0xff0e]) if (isDecimalPoint(c)) CONTINUES_NUMERAL[c] = 1;
for (const c of [APPROX_DUO, APPROX_YU, JI_1, JI_2]) CONTINUES_NUMERAL[c] = 1;

let scaledWan = 0;
let scaledYi = 0;

/**
 * Whether 万 (亿) comes again, after an amount, in a numeral that already has one: 一万一万 and
 * 一亿一亿 are two numerals. Right after each other they still multiply (四万万 = 4亿, as written
 * a century ago), and 万亿 is a scale of its own.
 */
function repeatsScale(big: number, amount: number, wan: number, yi: number): boolean {
  return amount > 0 && (big === 1e4 ? wan > 0 : yi > 0);
}

/**
 * 万 or 亿 (`big`) after `amount`, as Chinese grammar binds them: 亿 multiplies everything before it,
 * 万 everything since the last 亿. False when the scale cannot apply there (万 alone is not a number),
 * and the numeral ends before it; otherwise the new totals are left in scaledWan and scaledYi (no
 * object per scale: this runs inside the numeral loops).
 */
function applyBigScale(big: number, amount: number, wan: number, yi: number): boolean {
  if (amount === 0 && wan === 0 && yi === 0) return false;
  if (big === 1e4) {
    if (amount === 0 && yi > 0 && wan === 0) return false;
    scaledWan = (wan + amount) * 1e4;
    scaledYi = yi;
  } else {
    scaledYi = (yi + wan + amount) * 1e8;
    scaledWan = 0;
  }
  return true;
}

/** 一万三 = 13000, 两千四百五 = 2450: a digit right after a unit of 百 or more counts in the unit below it. */
function wholeSoFar(yi: number, wan: number, section: number, pending: number, hasPending: boolean, chinese: boolean, pendingAfterUnit: boolean, lastUnit: number): number {
  const last = !hasPending ? 0 : chinese && pendingAfterUnit && lastUnit >= 100 ? pending * (lastUnit / 10) : pending;
  return yi + wan + section + last;
}

const DRIP = code('滴');
const XIAN_1 = code('线');
const XIAN_2 = code('線');
const FEN = code('分');
const KE = code('刻');
const YI = code('一');
const SAN = code('三');

/**
 * Characters after which a Chinese digit may be more than a lone digit: what
 * continues a numeral (CONTINUES_NUMERAL), and what makes dates, codes,
 * fractions or tenths of it (号月日又分成). After any other, parseNumeral reads the digit
 * alone.
 */
const CONTINUES_DIGIT = CONTINUES_NUMERAL.slice();
for (const ch of '号月日又分成') CONTINUES_DIGIT[code(ch)] = 1;

/**
 * The digit at `i` (1–9) when it is a lone Chinese digit, as in 一些, 进一步,
 * 两岸 — the commonest candidate in Chinese text — or -1. A lone digit is what
 * parseNumeral would read as a single-element numeral that nothing extends.
 */
export function loneCnDigitAt(text: string, i: number): number {
  const digit = DIGIT_BY_CODE[codeAt(text, i) & 0xffff]!;
  return digit > 0 && CONTINUES_DIGIT[codeAt(text, i + 1) & 0xffff] === 0 ? digit : -1;
}

function isPoint(c: number): boolean {
  return c === POINT_1 || c === POINT_2;
}

/** Digits that may follow 点 as decimals: every digit but 两, which only counts things. */
function isDecimalDigitAt(text: string, i: number): boolean {
  return cnDigitAt(text, i) >= 0 && LIANG[codeAt(text, i) & 0xffff] === 0;
}

/** 九点三十分, 八点一刻, 十点二十: a time of day, read through its minutes. */
function clockTime(text: string, start: number, point: number, end: number, hours: number, negative: boolean): NumeralMatch | undefined {
  if (negative || hours > 24 || !Number.isInteger(hours)) return undefined;
  let k = point + 1;
  let minutes = 0;
  const first = codeAt(text, k);
  if (codeAt(text, k + 1) === KE && (first === YI || first === SAN)) {
    minutes = first === YI ? 15 : 45;
    k += 2;
  } else {
    const m = parseNumeral(text, k, Math.min(end, k + 4));
    if (!m || !m.chinese || m.value >= 60 || !Number.isInteger(m.value)) return undefined;
    minutes = m.value;
    k = m.end;
    if (codeAt(text, k) === FEN) k++;
  }
  return { ...result(start, k, roundSignificant(hours + minutes / 60), 1, 0, false, true, false, false, false, false, false), time: true };
}

function result(
  start: number,
  end: number,
  value: number,
  lastDigitUnit: number,
  decimals: number,
  scaled: boolean,
  chinese: boolean,
  single: boolean,
  digitSequence: boolean,
  approximate: boolean,
  grouped: boolean,
  negative: boolean,
): NumeralMatch {
  return { start, end, value, lastDigitUnit, decimals, scaled, chinese, single, digitSequence, approximate, grouped, negative };
}
