/**
 * English number words: "three", "twenty-one", "one hundred and sixty-one",
 * "two-thirds", "a million", "one and a half", "five and a half million",
 * "two point five". Word by word over a bounded look-ahead, no regular
 * expressions.
 */
import { digitAt } from './numerals';

const UNITS: ReadonlyMap<string, number> = new Map(
  ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'].map((w, i) => [w, i]),
);
const TENS: ReadonlyMap<string, number> = new Map(['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'].map((w, i) => [w, (i + 2) * 10]));
const SCALES: ReadonlyMap<string, number> = new Map([
  ['hundred', 100],
  ['thousand', 1e3],
  ['million', 1e6],
  ['billion', 1e9],
  ['trillion', 1e12],
]);
const DENOMINATORS: ReadonlyMap<string, number> = new Map([
  ['half', 2], ['halves', 2], ['third', 3], ['thirds', 3], ['quarter', 4], ['quarters', 4], ['fourth', 4], ['fourths', 4],
  ['fifth', 5], ['fifths', 5], ['sixth', 6], ['sixths', 6], ['seventh', 7], ['sevenths', 7], ['eighth', 8], ['eighths', 8],
  ['ninth', 9], ['ninths', 9], ['tenth', 10], ['tenths', 10],
]);
/**
 * Words before "half" that make it a period or a part named, not a number:
 * "the first half of 2023", "its half".
 */
const NOT_BEFORE_HALF = new Set(['first', 'second', 'last', 'latter', 'former', 'next', 'the', 'this', 'that', 'each', 'every', 'its', 'their', 'our', 'his', 'her', 'my', 'your', 'one', 'a', 'an', 'and', 'per', 'other']);

export interface EnglishNumber {
  readonly end: number;
  readonly value: number;
  /** A fraction such as two-thirds. */
  readonly fraction: boolean;
  /** Only the word "one" (or "a"): in prose usually not a quantity. */
  readonly justOne: boolean;
  /** The last word was a scale (thousand, million…): the value is rounded to it. */
  readonly lastScale: number;
  /** Digits read after "point". */
  readonly decimals: number;
  /** Denominator of a fraction after "and" (one and a half → 2), 0 when there is none. */
  readonly denominator: number;
}

function isLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

/** The word at `i` (letters only), lower-cased, and where it ends. */
function wordAt(text: string, i: number, end: number): { word: string; end: number } | undefined {
  let j = i;
  while (j < end && j - i < 12 && isLetter(text.charCodeAt(j))) j++;
  if (j === i || (j < end && isLetter(text.charCodeAt(j)))) return undefined;
  return { word: text.slice(i, j).toLowerCase(), end: j };
}

/** The word after the single space at `k`. */
function nextWord(text: string, k: number, end: number): { word: string; end: number } | undefined {
  return text[k] === ' ' ? wordAt(text, k + 1, end) : undefined;
}

/** The word that ends one space before `i`, lower-cased ('' when there is none). */
function previousWord(text: string, i: number): string {
  if (i < 2 || text[i - 1] !== ' ') return '';
  let k = i - 1;
  while (k > 0 && i - 1 - k < 12 && isLetter(text.charCodeAt(k - 1))) k--;
  return text.slice(k, i - 1).toLowerCase();
}

/** Past at most three spaces at `k`. */
function spacesAfter(text: string, k: number, end: number): number {
  let j = k;
  while (j < end && j - k < 3 && text[j] === ' ') j++;
  return j;
}

/** A big scale word after one space: " million". */
function bigScaleAfter(text: string, k: number, end: number): { value: number; end: number } | undefined {
  const w = nextWord(text, k, end);
  const value = w ? SCALES.get(w.word) : undefined;
  return w && value !== undefined && value >= 1e3 ? { value, end: w.end } : undefined;
}

/**
 * "a half", "a fifth of": a fraction after the article. A bare "a third" or
 * "a fifth" is usually an ordinal ("a third party", "a fifth straight
 * month"), so other than "half" it needs "of" or the end of the phrase after it.
 */
function articleFraction(text: string, k: number, end: number): { value: number; end: number; denominator: number } | undefined {
  const w = nextWord(text, k, end);
  if (!w) return undefined;
  const denominator = DENOMINATORS.get(w.word);
  if (denominator === undefined || w.word.endsWith('s')) return undefined;
  if (w.word !== 'half') {
    const after = text.charCodeAt(w.end);
    const endsPhrase = w.end >= end || after === 0x2e || after === 0x2c || after === 0x3b || after === 0x29 || after === 0x3f || after === 0x21;
    if (!endsPhrase && nextWord(text, w.end, end)?.word !== 'of') return undefined;
  }
  return { value: 1 / denominator, end: w.end, denominator };
}

/** "a half", "one third", "three quarters", "five-eighths" at `k`: the part after "and". */
function fractionPhraseAt(text: string, k: number, end: number): { value: number; end: number; denominator: number } | undefined {
  const first = wordAt(text, k, end);
  if (!first) return undefined;
  const numerator = first.word === 'a' || first.word === 'an' ? 1 : UNITS.get(first.word);
  if (numerator === undefined || numerator === 0) return undefined;
  const sep = text[first.end];
  if (sep !== ' ' && sep !== '-') return undefined;
  const second = wordAt(text, first.end + 1, end);
  const denominator = second ? DENOMINATORS.get(second.word) : undefined;
  if (!second || denominator === undefined) return undefined;
  return { value: numerator / denominator, end: second.end, denominator };
}

/** " and a half", " and three quarters" at `k`. */
export function andFractionAt(text: string, k: number, end: number): { value: number; end: number; denominator: number } | undefined {
  if (!text.startsWith(' and ', k)) return undefined;
  return fractionPhraseAt(text, k + 5, end);
}

export function startsEnglishNumber(text: string, i: number, end: number): boolean {
  if (i > 0 && isLetter(text.charCodeAt(i - 1))) return false;
  const w = wordAt(text, i, end);
  if (!w) return false;
  if (UNITS.has(w.word) || TENS.has(w.word)) return true;
  if (w.word === 'a' || w.word === 'an') {
    const next = nextWord(text, w.end, end);
    return next !== undefined && (SCALES.has(next.word) || articleFraction(text, w.end, end) !== undefined);
  }
  if (w.word === 'half') return text[w.end] !== '-' && !NOT_BEFORE_HALF.has(previousWord(text, i));
  if (w.word === 'quarter') return bigScaleAfter(text, w.end, end) !== undefined;
  if (w.word === 'minus' || w.word === 'negative') {
    if (text[w.end] !== ' ') return false;
    // One word of look-ahead, not a recursive call: "minus minus minus …" must stay linear.
    const next = wordAt(text, w.end + 1, end);
    return digitAt(text, w.end + 1) >= 0 || (next !== undefined && (UNITS.has(next.word) || TENS.has(next.word)));
  }
  return false;
}

/** Digits said one by one after "point": "point zero three", "point seventy-one". */
function decimalsAfterPoint(text: string, k: number, end: number): { digits: string; end: number } | undefined {
  let digits = '';
  let at = k;
  let last = k;
  while (at < end && digits.length < 12) {
    const w = wordAt(text, at, end);
    if (!w) break;
    const unit = UNITS.get(w.word);
    const ten = TENS.get(w.word);
    if (unit !== undefined && unit < 10) {
      digits += unit;
      last = w.end;
    } else if (ten !== undefined) {
      const ones = text[w.end] === '-' ? wordAt(text, w.end + 1, end) : undefined;
      const one = ones ? UNITS.get(ones.word) : undefined;
      if (ones && one !== undefined && one > 0 && one < 10) {
        digits += `${ten / 10}${one}`;
        last = ones.end;
      } else {
        digits += `${ten / 10}0`;
        last = w.end;
      }
      break;
    } else break;
    if (text[last] !== ' ') break;
    at = last + 1;
  }
  return digits ? { digits, end: last } : undefined;
}

/** Reads number words at `i`; separators are single spaces, hyphens and "and" after a scale. */
export function parseEnglishNumber(text: string, i: number, end: number): EnglishNumber | undefined {
  const first = wordAt(text, i, end);
  if (!first) return undefined;
  const plain = (endAt: number, value: number, extra: Partial<EnglishNumber> = {}): EnglishNumber => ({ end: endAt, value, fraction: false, justOne: false, lastScale: 1, decimals: 0, denominator: 0, ...extra });

  // "half", "half a million", "quarter million".
  if (first.word === 'half' || first.word === 'quarter') {
    const part = first.word === 'half' ? 0.5 : 0.25;
    const scale = bigScaleAfter(text, first.end, end);
    if (scale) return plain(scale.end, part * scale.value, { lastScale: scale.value });
    return first.word === 'half' ? plain(first.end, 0.5, { fraction: true }) : undefined;
  }

  let total = 0;
  let current = 0;
  let words = 0;
  let j = i;
  let lastEnd = i;
  let lastScale = 1;
  let onlyOne = true;
  let lastWasScale = false;
  let afterAnd = false;
  if (first.word === 'a' || first.word === 'an') {
    const fraction = articleFraction(text, first.end, end);
    if (fraction) return plain(fraction.end, fraction.value, { fraction: true });
    const next = nextWord(text, first.end, end);
    if (!next || !SCALES.has(next.word)) return undefined;
    // "a million": the article counts as one before the scale.
    current = 1;
    words = 1;
    onlyOne = false;
    j = first.end + 1;
  }

  // A whole number and a fraction: "one and a half", "five and a half million", "one million and a half".
  const mixed = (fraction: { value: number; end: number; denominator: number }): EnglishNumber => {
    const scale = bigScaleAfter(text, fraction.end, end);
    if (scale) return plain(scale.end, total + (current + fraction.value) * scale.value, { lastScale: scale.value, denominator: fraction.denominator });
    if (lastWasScale && current === 0 && lastScale >= 1e3) return plain(fraction.end, total + fraction.value * lastScale, { lastScale, denominator: fraction.denominator });
    return plain(fraction.end, total + current + fraction.value, { denominator: fraction.denominator });
  };

  while (j < end) {
    if (afterAnd) {
      const fraction = fractionPhraseAt(text, j, end);
      if (fraction) return mixed(fraction);
    }
    const w = wordAt(text, j, end);
    if (!w) break;
    const unit = UNITS.get(w.word);
    const ten = TENS.get(w.word);
    const scale = SCALES.get(w.word);
    const rest = current % 100;
    if (unit !== undefined && (rest === 0 || (rest >= 20 && rest % 10 === 0 && unit > 0 && unit < 10))) {
      current += unit;
      if (w.word !== 'one') onlyOne = false;
      lastWasScale = false;
    } else if (ten !== undefined && current % 100 === 0) {
      current += ten;
      onlyOne = false;
      lastWasScale = false;
    } else if (scale !== undefined && words > 0) {
      if (scale === 100) current = (current === 0 ? 1 : current) * 100;
      else {
        total += (current === 0 ? 1 : current) * scale;
        current = 0;
      }
      lastScale = scale;
      lastWasScale = true;
      onlyOne = false;
    } else {
      // Two-thirds, three quarters: a numerator and a denominator.
      const denominator = DENOMINATORS.get(w.word);
      if (denominator !== undefined && words > 0 && total === 0 && current > 0 && current < 20) {
        return { end: w.end, value: current / denominator, fraction: true, justOne: false, lastScale: 1, decimals: 0, denominator: 0 };
      }
      break;
    }
    words++;
    lastEnd = w.end;
    // Separator: spaces, a hyphen (fifty-two, and "fifty - two" as text extracted from PDF
    // spaces it), or "and" after a scale word. A few spaces at most, so words far apart stay apart.
    let k = spacesAfter(text, w.end, end);
    if (text[k] === '-') k = spacesAfter(text, k + 1, end);
    else if (k === w.end) break;
    afterAnd = false;
    if (lastWasScale && text.startsWith('and', k) && text[k + 3] === ' ') {
      k = spacesAfter(text, k + 3, end);
      afterAnd = true;
    }
    j = k;
  }
  if (words === 0) return undefined;
  const whole = total + current;
  if (text.startsWith(' point ', lastEnd)) {
    const point = decimalsAfterPoint(text, lastEnd + 7, end);
    if (point) return plain(point.end, Number(`${whole}.${point.digits}`), { decimals: point.digits.length });
  }
  const fraction = andFractionAt(text, lastEnd, end);
  if (fraction) return mixed(fraction);
  return { end: lastEnd, value: whole, fraction: false, justOne: onlyOne, lastScale: lastWasScale ? lastScale : 1, decimals: 0, denominator: 0 };
}
