/** English number words: "three", "twenty-one", "one hundred and sixty-one", "two-thirds". */

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

export interface EnglishNumber {
  readonly end: number;
  readonly value: number;
  /** A fraction such as two-thirds. */
  readonly fraction: boolean;
  /** Only the word "one" (or "a"): in prose usually not a quantity. */
  readonly justOne: boolean;
  /** The last word was a scale (thousand, million…): the value is rounded to it. */
  readonly lastScale: number;
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

export function startsEnglishNumber(text: string, i: number, end: number): boolean {
  if (i > 0 && isLetter(text.charCodeAt(i - 1))) return false;
  const w = wordAt(text, i, end);
  return w !== undefined && (UNITS.has(w.word) || TENS.has(w.word));
}

/** Reads number words at `i`; separators are single spaces, hyphens and "and" after a scale. */
export function parseEnglishNumber(text: string, i: number, end: number): EnglishNumber | undefined {
  let total = 0;
  let current = 0;
  let words = 0;
  let j = i;
  let lastEnd = i;
  let lastScale = 1;
  let onlyOne = true;
  let lastWasScale = false;
  while (j < end) {
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
        return { end: w.end, value: current / denominator, fraction: true, justOne: false, lastScale: 1 };
      }
      break;
    }
    words++;
    lastEnd = w.end;
    // Separator: a space, a hyphen, or " and " after a scale word.
    let k = w.end;
    if (text[k] === '-' || text[k] === ' ') k++;
    if (lastWasScale && text.startsWith('and ', k)) k += 4;
    j = k;
  }
  if (words === 0) return undefined;
  return { end: lastEnd, value: total + current, fraction: false, justOne: onlyOne, lastScale: lastWasScale ? lastScale : 1 };
}
