/**
 * English number words: "three", "twenty-one", "one hundred and sixty-one",
 * "two-thirds", "a million", "one and a half", "five and a half million",
 * "two point five". Word by word over a bounded look-ahead, no regular
 * expressions.
 */
import { isLatinLetter } from '../text/chars';
import { codeAt, digitAt } from './numerals';
import { EN_SCALES } from './units';

/*
 * Words are looked up by a number made of their letters (five bits a letter,
 * case folded) instead of a lower-cased copy: the scanner asks at the start
 * of every English word whether a number starts there, and slicing and
 * lower-casing each word was most of the cost of reading English text.
 * Ten letters fit exactly in a double; every word below is shorter, so a
 * longer word gets no key (-1) and matches nothing.
 */
const MAX_KEY_LETTERS = 10;

function keyOf(word: string): number {
  let key = 0;
  for (let k = 0; k < word.length; k++) key = key * 32 + ((word.charCodeAt(k) | 0x20) - 0x60);
  return key;
}

/** The key of the letters text[i, j), or -1 when the word is too long to be any listed word. */
function keyAt(text: string, i: number, j: number): number {
  if (j - i > MAX_KEY_LETTERS) return -1;
  let key = 0;
  for (let k = i; k < j; k++) key = key * 32 + ((text.charCodeAt(k) | 0x20) - 0x60);
  return key;
}

const keyed = <T>(entries: readonly (readonly [string, T])[]): ReadonlyMap<number, T> => new Map(entries.map(([word, value]) => [keyOf(word), value]));

const UNIT_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TEN_WORDS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const UNITS: ReadonlyMap<number, number> = keyed(UNIT_WORDS.map((w, i) => [w, i] as const));
const TENS: ReadonlyMap<number, number> = keyed(TEN_WORDS.map((w, i) => [w, (i + 2) * 10] as const));
const SCALES: ReadonlyMap<number, number> = keyed([...EN_SCALES]);
const DENOMINATORS: ReadonlyMap<number, number> = keyed([
  ['half', 2], ['halves', 2], ['third', 3], ['thirds', 3], ['quarter', 4], ['quarters', 4], ['fourth', 4], ['fourths', 4],
  ['fifth', 5], ['fifths', 5], ['sixth', 6], ['sixths', 6], ['seventh', 7], ['sevenths', 7], ['eighth', 8], ['eighths', 8],
  ['ninth', 9], ['ninths', 9], ['tenth', 10], ['tenths', 10],
]);
const K_A = keyOf('a');
const K_AN = keyOf('an');
const K_ONE = keyOf('one');
const K_OF = keyOf('of');
const K_HALF = keyOf('half');
const K_QUARTER = keyOf('quarter');

/** What a word can do at the start of a number; words not listed start none. */
const START_NUMBER = 1;
const START_ARTICLE = 2;
const START_HALF = 3;
const START_QUARTER = 4;
const START_SIGN = 5;
const START_WORDS: readonly (readonly [string, number])[] = [
  ...[...UNIT_WORDS, ...TEN_WORDS].map((word) => [word, START_NUMBER] as const),
  ['a', START_ARTICLE],
  ['an', START_ARTICLE],
  ['half', START_HALF],
  ['quarter', START_QUARTER],
  ['minus', START_SIGN],
  ['negative', START_SIGN],
];
const STARTS: ReadonlyMap<number, number> = keyed(START_WORDS);

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

/** A word: its key (see keyAt) and where it ends. */
interface Word {
  readonly key: number;
  readonly end: number;
}

/** The word at `i` (letters only, at most twelve) and where it ends. */
function wordAt(text: string, i: number, end: number): Word | undefined {
  const j = wordEnd(text, i, end);
  return j < 0 ? undefined : { key: keyAt(text, i, j), end: j };
}

/** Where the word at `i` ends, or -1 when there is none (no letter, or more than twelve letters). */
function wordEnd(text: string, i: number, end: number): number {
  let j = i;
  // Reads stop at `end`, inside the text for every range the scanner is given.
  while (j < end && j - i < 12 && isLatinLetter(text.charCodeAt(j))) j++;
  if (j === i || (j < end && isLatinLetter(text.charCodeAt(j)))) return -1;
  return j;
}

/** The word after the single space at `k`. */
function nextWord(text: string, k: number, end: number): Word | undefined {
  return codeAt(text, k) === 0x20 ? wordAt(text, k + 1, end) : undefined;
}

/** The word that ends one space before `i`, lower-cased ('' when there is none). */
function previousWord(text: string, i: number): string {
  if (i < 2 || codeAt(text, i - 1) !== 0x20) return '';
  let k = i - 1;
  while (k > 0 && i - 1 - k < 12 && isLatinLetter(text.charCodeAt(k - 1))) k--;
  return text.slice(k, i - 1).toLowerCase();
}

/** Past at most three spaces at `k`. */
function spacesAfter(text: string, k: number, end: number): number {
  let j = k;
  while (j < end && j - k < 3 && text.charCodeAt(j) === 0x20) j++;
  return j;
}

/** A big scale word after one space: " million". */
function bigScaleAfter(text: string, k: number, end: number): { value: number; end: number } | undefined {
  const w = nextWord(text, k, end);
  const value = w ? SCALES.get(w.key) : undefined;
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
  const denominator = DENOMINATORS.get(w.key);
  // A plural (thirds) is no fraction after "a": the word's last letter, case folded, is s.
  if (denominator === undefined || (codeAt(text, w.end - 1) | 0x20) === 0x73) return undefined;
  if (w.key !== K_HALF) {
    const after = codeAt(text, w.end);
    const endsPhrase = w.end >= end || after === 0x2e || after === 0x2c || after === 0x3b || after === 0x29 || after === 0x3f || after === 0x21;
    if (!endsPhrase && nextWord(text, w.end, end)?.key !== K_OF) return undefined;
  }
  return { value: 1 / denominator, end: w.end, denominator };
}

/** "a half", "one third", "three quarters", "five-eighths" at `k`: the part after "and". */
function fractionPhraseAt(text: string, k: number, end: number): { value: number; end: number; denominator: number } | undefined {
  const first = wordAt(text, k, end);
  if (!first) return undefined;
  const numerator = first.key === K_A || first.key === K_AN ? 1 : UNITS.get(first.key);
  if (numerator === undefined || numerator === 0) return undefined;
  const sep = codeAt(text, first.end);
  if (sep !== 0x20 && sep !== 0x2d) return undefined;
  const second = wordAt(text, first.end + 1, end);
  const denominator = second ? DENOMINATORS.get(second.key) : undefined;
  if (!second || denominator === undefined) return undefined;
  return { value: numerator / denominator, end: second.end, denominator };
}

/** " and a half", " and three quarters" at `k`. */
export function andFractionAt(text: string, k: number, end: number): { value: number; end: number; denominator: number } | undefined {
  if (!text.startsWith(' and ', k)) return undefined;
  return fractionPhraseAt(text, k + 5, end);
}

/**
 * The first three letters (or fewer, of a shorter word) of the words in
 * STARTS, by key: keys of one, two and three letters do not overlap
 * (1–26, 33–858, from 1057), and all are below 32^3.
 */
const START_PREFIXES = new Uint8Array(32 * 32 * 32);

/** The key of the letters at `i`, at most three, before `end` (0 when there is none). */
function prefixKeyAt(text: string, i: number, end: number): number {
  let key = 0;
  for (let k = i; k < i + 3 && k < end; k++) {
    const c = text.charCodeAt(k);
    if (!isLatinLetter(c)) break;
    key = key * 32 + ((c | 0x20) - 0x60);
  }
  return key;
}
for (const [word] of START_WORDS) START_PREFIXES[keyOf(word.slice(0, 3))] = 1;

/**
 * Asked at the start of every English word whose first letter may start a
 * number: the first three letters turn most words away ("the", "and",
 * "for"), one look-up decides the rest.
 */
export function startsEnglishNumber(text: string, i: number, end: number): boolean {
  if (i > 0 && isLatinLetter(codeAt(text, i - 1))) return false;
  // Before reading the word to its end: the first three letters, or the whole word when it is shorter.
  if (START_PREFIXES[prefixKeyAt(text, i, end)] === 0) return false;
  const wEnd = wordEnd(text, i, end);
  if (wEnd < 0) return false;
  const start = STARTS.get(keyAt(text, i, wEnd));
  if (start === undefined) return false;
  if (start === START_NUMBER) return true;
  if (start === START_ARTICLE) {
    const next = nextWord(text, wEnd, end);
    return next !== undefined && (SCALES.has(next.key) || articleFraction(text, wEnd, end) !== undefined);
  }
  if (start === START_HALF) return codeAt(text, wEnd) !== 0x2d && !NOT_BEFORE_HALF.has(previousWord(text, i));
  if (start === START_QUARTER) return bigScaleAfter(text, wEnd, end) !== undefined;
  // minus, negative
  if (codeAt(text, wEnd) !== 0x20) return false;
  // One word of look-ahead, not a recursive call: "minus minus minus …" must stay linear.
  const next = wordAt(text, wEnd + 1, end);
  return digitAt(text, wEnd + 1) >= 0 || (next !== undefined && (UNITS.has(next.key) || TENS.has(next.key)));
}

/** Digits said one by one after "point": "point zero three", "point seventy-one". */
function decimalsAfterPoint(text: string, k: number, end: number): { digits: string; end: number } | undefined {
  let digits = '';
  let at = k;
  let last = k;
  while (at < end && digits.length < 12) {
    const w = wordAt(text, at, end);
    if (!w) break;
    const unit = UNITS.get(w.key);
    const ten = TENS.get(w.key);
    if (unit !== undefined && unit < 10) {
      digits += unit;
      last = w.end;
    } else if (ten !== undefined) {
      const ones = codeAt(text, w.end) === 0x2d ? wordAt(text, w.end + 1, end) : undefined;
      const one = ones ? UNITS.get(ones.key) : undefined;
      if (ones && one !== undefined && one > 0 && one < 10) {
        digits += `${ten / 10}${one}`;
        last = ones.end;
      } else {
        digits += `${ten / 10}0`;
        last = w.end;
      }
      break;
    } else break;
    if (codeAt(text, last) !== 0x20) break;
    at = last + 1;
  }
  return digits ? { digits, end: last } : undefined;
}

function plain(end: number, value: number, fraction: boolean, lastScale: number, decimals: number, denominator: number): EnglishNumber {
  return { end, value, fraction, justOne: false, lastScale, decimals, denominator };
}

/** A whole number and a fraction: "one and a half", "five and a half million", "one million and a half". */
function mixed(
  text: string,
  end: number,
  total: number,
  current: number,
  lastWasScale: boolean,
  lastScale: number,
  fraction: { value: number; end: number; denominator: number },
): EnglishNumber {
  const scale = bigScaleAfter(text, fraction.end, end);
  if (scale) return plain(scale.end, total + (current + fraction.value) * scale.value, false, scale.value, 0, fraction.denominator);
  if (lastWasScale && current === 0 && lastScale >= 1e3) return plain(fraction.end, total + fraction.value * lastScale, false, lastScale, 0, fraction.denominator);
  return plain(fraction.end, total + current + fraction.value, false, 1, 0, fraction.denominator);
}

/** Reads number words at `i`; separators are single spaces, hyphens and "and" after a scale. */
export function parseEnglishNumber(text: string, i: number, end: number): EnglishNumber | undefined {
  const first = wordAt(text, i, end);
  if (!first) return undefined;

  // "half", "half a million", "quarter million".
  if (first.key === K_HALF || first.key === K_QUARTER) {
    const part = first.key === K_HALF ? 0.5 : 0.25;
    const scale = bigScaleAfter(text, first.end, end);
    if (scale) return plain(scale.end, part * scale.value, false, scale.value, 0, 0);
    return first.key === K_HALF ? plain(first.end, 0.5, true, 1, 0, 0) : undefined;
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
  /** A number word was read since the last scale of a thousand or more, and the group that scale made. */
  let spoken = false;
  let group = 0;
  if (first.key === K_A || first.key === K_AN) {
    const fraction = articleFraction(text, first.end, end);
    if (fraction) return plain(fraction.end, fraction.value, true, 1, 0, 0);
    const next = nextWord(text, first.end, end);
    if (!next || !SCALES.has(next.key)) return undefined;
    // "a million": the article counts as one before the scale.
    current = 1;
    spoken = true;
    words = 1;
    onlyOne = false;
    j = first.end + 1;
  }

  while (j < end) {
    if (afterAnd) {
      const fraction = fractionPhraseAt(text, j, end);
      if (fraction) return mixed(text, end, total, current, lastWasScale, lastScale, fraction);
    }
    const w = wordAt(text, j, end);
    if (!w) break;
    const unit = UNITS.get(w.key);
    const ten = TENS.get(w.key);
    const scale = SCALES.get(w.key);
    const rest = current % 100;
    if (unit !== undefined && (rest === 0 || (rest >= 20 && rest % 10 === 0 && unit > 0 && unit < 10))) {
      current += unit;
      spoken = true;
      if (w.key !== K_ONE) onlyOne = false;
      lastWasScale = false;
    } else if (ten !== undefined && current % 100 === 0) {
      current += ten;
      spoken = true;
      onlyOne = false;
      lastWasScale = false;
    } else if (scale !== undefined && words > 0) {
      // No number word before the scale counts as one ("hundred thousand"); "zero million" is zero.
      const amount = current === 0 && !spoken ? 1 : current;
      if (lastWasScale && current === 0 && scale > lastScale && lastScale >= 1e3) {
        // A scale of a scale multiplies the group before it: "five thousand million" = 5 × 10⁹.
        total += group * (scale - 1);
        group *= scale;
      } else if (scale === 100) current = amount * 100;
      else {
        group = amount * scale;
        total += group;
        current = 0;
        spoken = false;
      }
      lastScale = scale;
      lastWasScale = true;
      onlyOne = false;
    } else {
      // Two-thirds, three quarters: a numerator and a denominator.
      const denominator = DENOMINATORS.get(w.key);
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
    if (codeAt(text, k) === 0x2d) k = spacesAfter(text, k + 1, end);
    else if (k === w.end) break;
    afterAnd = false;
    if (lastWasScale && text.startsWith('and', k) && codeAt(text, k + 3) === 0x20) {
      k = spacesAfter(text, k + 3, end);
      afterAnd = true;
    }
    j = k;
  }
  if (words === 0) return undefined;
  const whole = total + current;
  if (text.startsWith(' point ', lastEnd)) {
    const point = decimalsAfterPoint(text, lastEnd + 7, end);
    if (point) return plain(point.end, Number(`${whole}.${point.digits}`), false, 1, point.digits.length, 0);
  }
  const fraction = andFractionAt(text, lastEnd, end);
  if (fraction) return mixed(text, end, total, current, lastWasScale, lastScale, fraction);
  return { end: lastEnd, value: whole, fraction: false, justOne: onlyOne, lastScale: lastWasScale ? lastScale : 1, decimals: 0, denominator: 0 };
}
