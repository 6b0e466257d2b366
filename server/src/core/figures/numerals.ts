/**
 * Reading numbers as written in reports: Arabic digits (ASCII or full-width,
 * with , or ， thousands separators and . or ． decimals), Chinese numerals
 * (simplified, traditional and financial forms: 一千六百八十六, 两千零二十三,
 * 壹佰伍拾, 四十五亿四千零四万), and the mixed forms reports use most
 * (1.49万, 3千万, 1,100万, 5万4千6百). Hand-written: one pass, no regular
 * expressions, no backtracking.
 */
import { roundSignificant } from './interval';

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
}

const CN_DIGIT: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 貳: 2, 两: 2, 兩: 2, 俩: 2, 倆: 2, 三: 3, 叁: 3, 參: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 陸: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const CN_SMALL_UNIT: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const CN_BIG_UNIT: Readonly<Record<string, number>> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };
const CN_POINT = new Set(['点', '點']);
const CN_APPROX = new Set(['多', '余', '几', '幾']);
const CN_NEGATIVE = new Set(['负', '負']);

export function isCnDigit(ch: string | undefined): boolean {
  return ch !== undefined && CN_DIGIT[ch] !== undefined;
}
export function isCnUnit(ch: string | undefined): boolean {
  return ch !== undefined && (CN_SMALL_UNIT[ch] !== undefined || CN_BIG_UNIT[ch] !== undefined);
}
export function isCnNumeralChar(ch: string | undefined): boolean {
  return isCnDigit(ch) || isCnUnit(ch);
}

export function digitAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0xff10 && code <= 0xff19) return code - 0xff10;
  return -1;
}

function isDecimalPoint(code: number): boolean {
  return code === 0x2e || code === 0xff0e;
}
function isGroupSeparator(code: number): boolean {
  return code === 0x2c || code === 0xff0c;
}

interface ArabicMatch {
  end: number;
  value: number;
  decimals: number;
  grouped: boolean;
}

/** Arabic digits at `i`: 1686, 1,686, 1，686, １，６８６, 99.4, .5, 10,000.233. */
export function parseArabic(text: string, i: number, end: number): ArabicMatch | undefined {
  let j = i;
  let digits = '';
  let intDigits = 0;
  while (j < end && digitAt(text, j) >= 0 && intDigits < 20) {
    digits += digitAt(text, j);
    j++;
    intDigits++;
  }
  let grouped = false;
  // Thousands groups: a separator followed by exactly three digits, after a first group of one to three.
  if (intDigits > 0 && intDigits <= 3) {
    while (j + 3 < end + 1 && isGroupSeparator(text.charCodeAt(j)) && digitAt(text, j + 1) >= 0 && digitAt(text, j + 2) >= 0 && digitAt(text, j + 3) >= 0 && !(j + 4 < end && digitAt(text, j + 4) >= 0)) {
      digits += `${digitAt(text, j + 1)}${digitAt(text, j + 2)}${digitAt(text, j + 3)}`;
      j += 4;
      grouped = true;
    }
  }
  let decimals = 0;
  if (j + 1 < end && isDecimalPoint(text.charCodeAt(j)) && digitAt(text, j + 1) >= 0) {
    digits += '.';
    j++;
    while (j < end && digitAt(text, j) >= 0 && decimals < 20) {
      digits += digitAt(text, j);
      j++;
      decimals++;
    }
  }
  if (digits.length === 0 || digits === '.') return undefined;
  return { end: j, value: Number(digits), decimals, grouped };
}

/**
 * A number at `i`, Chinese, Arabic or mixed. Returns undefined when there is
 * none. Scales bind as Chinese grammar binds them: 亿 multiplies everything
 * before it, 万 everything since the last 亿.
 */
export function parseNumeral(text: string, i: number, end: number): NumeralMatch | undefined {
  const start = i;
  let negative = false;
  if (CN_NEGATIVE.has(text[i]!) && i + 1 < end && (isCnDigit(text[i + 1]) || digitAt(text, i + 1) >= 0)) {
    negative = true;
    i++;
  }
  // Chinese digits one by one (二〇二三, 一九九一): a year, or a discount like 九五折.
  if (isCnDigit(text[i]) && isCnDigit(text[i + 1]) && !isCnUnit(text[i + 2]) && !CN_POINT.has(text[i + 2] ?? '')) {
    let j = i;
    let digits = '';
    while (j < end && isCnDigit(text[j]) && digits.length < 8) digits += CN_DIGIT[text[j++]!];
    // "两两" and "一一" are words; 〇 only appears in digit sequences.
    if (/^(\d)\1$/.test(digits) && !digits.includes('0')) return undefined;
    return result(start, j, Number(digits), 1, 0, false, true, false, true, false, false, negative);
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

  while (j < end) {
    const ch = text[j]!;
    const arabicStart = digitAt(text, j) >= 0 || (isDecimalPoint(text.charCodeAt(j)) && elements === 0 && digitAt(text, j + 1) >= 0 && !(j > 0 && digitAt(text, j - 1) >= 0));
    if (arabicStart) {
      if (hasPending) break; // two numbers in a row: stop before the second
      const arabic = parseArabic(text, j, end);
      if (!arabic) break;
      pending = arabic.value;
      hasPending = true;
      decimals = arabic.decimals;
      grouped ||= arabic.grouped;
      chinese = false;
      lastDigitBase = 10 ** -arabic.decimals;
      unitsAfterLastDigit = 1;
      j = arabic.end;
      elements++;
      afterZero = false;
      continue;
    }
    const digit = CN_DIGIT[ch];
    if (digit !== undefined) {
      if (hasPending && !afterZero) break;
      pendingAfterUnit = digit !== 0 && lastUnit > 0 && !afterZero && elements > 0 && isCnUnit(text[j - 1]);
      afterZero = digit === 0;
      if (digit !== 0) {
        pending = digit;
        hasPending = true;
        lastDigitBase = 1;
        unitsAfterLastDigit = 1;
      }
      j++;
      elements++;
      continue;
    }
    const small = CN_SMALL_UNIT[ch];
    if (small !== undefined) {
      // 十 alone at the start means 一十; 百, 千 alone do not start a number (千万 is also "by all means").
      const multiplier = hasPending ? pending : elements === 0 && small === 10 ? 1 : undefined;
      if (multiplier === undefined) break;
      section += multiplier * small;
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
    if (CN_APPROX.has(ch) && elements > 0 && !afterZero) {
      // 一千多万, 500余万, 十多万: approximate, and the scale after it still applies.
      const next = text[j + 1];
      approximate = true;
      if (next !== undefined && CN_BIG_UNIT[next] !== undefined) {
        j++;
        continue;
      }
      break;
    }
    const big = CN_BIG_UNIT[ch];
    if (big !== undefined) {
      const amount = section + (hasPending ? pending : 0);
      if (big === 1e4) {
        if (amount === 0 && wan === 0 && yi === 0) break; // 万 alone is not a number
        if (amount === 0 && yi > 0 && wan === 0) break;
        wan = (wan + amount) * 1e4;
      } else {
        if (amount === 0 && wan === 0 && yi === 0) break;
        yi = (yi + wan + amount) * 1e8;
        wan = 0;
      }
      unitsAfterLastDigit *= big;
      section = 0;
      pending = 0;
      hasPending = false;
      lastUnit = big;
      afterZero = false;
      j++;
      elements++;
      continue;
    }
    if (CN_POINT.has(ch) && isCnDigit(text[j + 1]) && decimals === 0) {
      // 十五点七, 两千万点五五四四
      let k = j + 1;
      let fraction = '';
      while (k < end && isCnDigit(text[k]) && fraction.length < 12) fraction += CN_DIGIT[text[k++]!];
      const whole = yi + wan + section + (hasPending ? pending : 0);
      const value = Number(`${whole}.${fraction}`);
      return result(start, k, negative ? -value : value, roundSignificant(10 ** -fraction.length), fraction.length, false, chinese, elements === 1 && chinese, false, approximate, grouped, negative);
    }
    break;
  }
  if (afterZero) {
    j--; // a trailing 零 belongs to whatever follows, not to this number
    elements--;
  }
  if (elements === 0) return undefined;
  // 一万三 = 13000, 两千四百五 = 2450: a digit right after a unit of 百 or more counts in the unit below it.
  if (chinese && hasPending && pendingAfterUnit && lastUnit >= 100) {
    pending *= lastUnit / 10;
    lastDigitBase = lastUnit / 10;
  }
  const value = roundSignificant(yi + wan + section + (hasPending ? pending : 0));
  if (!Number.isFinite(value)) return undefined;
  const single = chinese && elements === 1;
  const unit = hasPending ? lastDigitBase : lastDigitBase * unitsAfterLastDigit;
  return result(start, j, negative ? -value : value, roundSignificant(unit), decimals, !hasPending && unitsAfterLastDigit > 1, chinese, single, false, approximate, grouped, negative);
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
