/**
 * The figure scanner: finds every number in a stretch of report text and
 * decides what it is — a count of things, money, a percentage, a measure…
 * or a number that is not a quantity (a date, a year, an ordinal, a code).
 *
 * Hand-written for speed and for control over what is NOT a figure: one
 * pass over the text, and only where a digit, a Chinese numeral, a currency
 * sign or an English number word starts does it look around.
 *
 * Speed: the scan runs over every character of every report, so the looks
 * around a candidate compare UTF-16 code units in place. `text[i]` makes a
 * one-character string, `text.slice(…)` plus a regular expression makes a
 * string and a match object, a closure per call makes a context object: on
 * report text, where a candidate comes every few dozen characters, those
 * allocations were most of the time. Single-character tests are look-ups in
 * 64 K tables indexed by code unit; `code & 0xffff` turns what codeAt gives
 * outside the text into 0 (NUL), which no table marks, so reads stay in
 * bounds. Regular expressions remain only on rare paths (dates, clock
 * times, "percent" after a year) and are all anchored and linear.
 */
import type { TextSpan } from '../model';
import { code, flags, isAsciiDigit, isCjk, isLatinLetter } from '../text/chars';
import { andFractionAt, parseEnglishNumber, startsEnglishNumber } from './englishNumbers';
import { NON_QUANTITY_KINDS, type Figure, type FigureKind, type Qualifier, type QuantityKind } from './figure';
import { exactInterval, halfUnitInterval, roundSignificant } from './interval';
import { CN_DIGIT_CODES, cnDigitAt, cnUnitAt, cnUnitOf, codeAt, digitAt, isApproximatePair, isCnDigitCode, isFinancialOnlyCode, loneCnDigitAt, parseArabic, parseArabicScaled, parseNumeral, digitOf, type NumeralMatch } from './numerals';
import { CN_NOUN_STOPS, CN_UNIT_FIRST_CODES, EN_NOT_NOUNS, EN_SCALES, EN_UNIT_LEADING_WORDS, EN_UNIT_LONGEST_WORD, matchCnUnit, matchEnUnitWords, startsCnUnit, startsTwoWordEnUnit, type UnitInfo } from './units';
import { detached } from '../text/spans';

const CURRENCY_SIGNS: readonly string[] = ['$', '€', '£', '¥', '￥'];
/** The currency a sign stands for (undefined for none): ￥ is written as ¥. */
function currencyOf(c: number): string | undefined {
  switch (c) {
    case 0x24:
      return '$';
    case 0x20ac:
      return '€';
    case 0xa3:
      return '£';
    case 0xa5:
    case 0xffe5:
      return '¥';
    default:
      return undefined;
  }
}
const SIGNS: readonly string[] = ['+', '-', '−', '－', '＋'];
const RANGE_CONNECTORS = new Set(['-', '~', '～', '至', '到', '—', '–', '－']);
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
const REFERENCE_WORDS = new Set(['table', 'tables', 'chart', 'charts', 'figure', 'figures', 'fig', 'section', 'sections', 'article', 'articles', 'no', 'nos', 'page', 'pages', 'p', 'pp', 'item', 'items', 'appendix', 'annex', 'version', 'v', 'line', 'lines', 'exhibit', 'box', 'route', 'room', 'grade', 'level', 'phase', 'stage', 'tier', 'chapter', 'part', 'rule', 'schedule', 'form']);
/** Standards named before their number: GB 3095, GB/T 15835, ISO 9001, DB 11. */
const STANDARD_WORDS = new Set(['gb', 'gb/t', 'iso', 'db']);
/** After 成, these characters make a word (成为, 成果 …), not a percentage. */
const CHENG_WORDS = flags('为果效本员立熟长就功绩交品都型份片批套年人材绩色败分像');
const CN_QUALIFIERS_BEFORE: readonly [string, Qualifier][] = [
  ['不少于', 'at-least'], ['不低于', 'at-least'], ['不超过', 'at-most'], ['不高于', 'at-most'], ['大约', 'about'], ['大概', 'about'],
  ['将近', 'nearly'], ['接近', 'nearly'], ['超过', 'more-than'], ['多于', 'more-than'], ['高于', 'more-than'], ['不到', 'less-than'],
  ['不足', 'less-than'], ['低于', 'less-than'], ['少于', 'less-than'], ['至少', 'at-least'], ['最多', 'at-most'], ['约', 'about'],
  ['近', 'nearly'], ['逾', 'more-than'], ['超', 'more-than'],
];
const EN_QUALIFIERS_BEFORE: readonly [string, Qualifier][] = [
  ['more than', 'more-than'], ['less than', 'less-than'], ['fewer than', 'less-than'], ['at least', 'at-least'], ['at most', 'at-most'],
  ['up to', 'at-most'], ['close to', 'nearly'], ['about', 'about'], ['around', 'about'], ['approximately', 'about'], ['roughly', 'about'],
  ['nearly', 'nearly'], ['almost', 'nearly'], ['some', 'about'], ['over', 'more-than'], ['above', 'more-than'], ['under', 'less-than'],
  ['below', 'less-than'], ['exceeding', 'more-than'],
];

const DI = code('第');
const CHENG = code('成');
const BAN = code('半');
const YOU = code('又');
const FEN = code('分');
const ZHI = code('之');
const DUO = code('多');
const YU = code('余');
const JI = code('几');
const HAO = code('号');
const NIAN = code('年');
const YUE = code('月');
const RI = code('日');
const GE = code('个');
const YUAN_JIAO = code('角');
const YUAN_MAO = code('毛');

interface Draft {
  start: number;
  end: number;
  numberStart: number;
  numberEnd: number;
  value: number;
  unit: string;
  kind: FigureKind;
  noun: string | undefined;
  qualifier: Qualifier | undefined;
  /** Place value of the last written digit in the figure's value unit. */
  precision: number;
  /** Whether the stated precision, not the exact value, is what the number means. */
  rounded: boolean;
  signed: boolean;
  /** Part of a range (6.5%-7%): set by linkRange. */
  range: 'start' | 'end' | undefined;
  /**
   * For a figure stated as more than (多, 余, 几, 逾, 超过) or nearly (近) a round number: the place
   * its "more" or "less" stays within (4万多亿 → 1万亿, 十多 → 10, 1000多 → 100); 0 otherwise.
   */
  approx: number;
}

/**
 * Every draft is made here, so that all have the same shape (one hidden class for the engine),
 * and all are one object: a draft lives only until the scan loop has turned it into a figure (or
 * skipped it), and no reader holds one across the making of another, so a figure costs no draft
 * allocation. Callers that need a draft's fields after making another read them first (all
 * arguments are evaluated before makeDraft writes).
 */
function makeDraft(
  start: number,
  end: number,
  numberStart: number,
  numberEnd: number,
  value: number,
  unit: string,
  kind: FigureKind,
  noun: string | undefined,
  qualifier: Qualifier | undefined,
  precision: number,
  rounded: boolean,
  signed: boolean,
): Draft {
  const draft = DRAFT;
  draft.start = start;
  draft.end = end;
  draft.numberStart = numberStart;
  draft.numberEnd = numberEnd;
  draft.value = value;
  draft.unit = unit;
  draft.kind = kind;
  draft.noun = noun;
  draft.qualifier = qualifier;
  draft.precision = precision;
  draft.rounded = rounded;
  draft.signed = signed;
  draft.range = undefined;
  draft.approx = 0;
  return draft;
}

function newDraft(): Draft {
  return { start: 0, end: 0, numberStart: 0, numberEnd: 0, value: 0, unit: '', kind: 'plain', noun: undefined, qualifier: undefined, precision: 1, rounded: false, signed: false, range: undefined, approx: 0 };
}

const DRAFT = newDraft();

/** Every figure in text[start, end), in order. */
export function extractFigures(text: string, start = 0, end = text.length): Figure[] {
  const figures: Figure[] = [];
  // No figure starts outside the text (where charCodeAt gives NaN): the scan stays inside it, and its
  // reads need no check.
  let i = start > 0 ? start : 0;
  const limit = end < text.length ? end : text.length;
  while (i < limit) {
    // Most characters cannot start a figure: one table look-up decides that, in a loop of its own
    // with no call in it, which the engine compiles to a few instructions a character.
    let c = text.charCodeAt(i);
    let startClass = START_CLASS[c];
    while (startClass === 0 && ++i < limit) {
      c = text.charCodeAt(i);
      startClass = START_CLASS[c];
    }
    if (i >= limit) break;
    let draft: Draft | undefined;
    if (startClass === START_LETTER) {
      // Inside a word no figure starts and no web address either: skip the rest of the word.
      const previous = codeAt(text, i - 1);
      if (i > start && isLatinLetter(previous)) {
        i = letterRunEnd(text, i + 1, end);
        continue;
      }
      // Digits in a web address (…?q=30%25) are not figures.
      if ((c === 0x68 || c === 0x77) && !(i > start && isWordChar(previous))) {
        const url = urlEnd(text, i, end);
        if (url > i) {
          i = url;
          continue;
        }
      }
      draft = startsEnglishNumber(text, i, end) ? readEnglishWords(text, i, start, end) : undefined;
      if (!draft) {
        // The letters after this one are inside the word.
        i = letterRunEnd(text, i + 1, end);
        continue;
      }
    } else {
      // A lone Chinese digit with no unit after it (一些, 进一步, 两岸): the commonest candidate of
      // Chinese text, and no figure — readFigure would skip it, as its single-digit rule says.
      if (!mayStartFigure(text, c, i) || (loneCnDigitAt(text, i) > 0 && !startsCnUnit(codeAt(text, i + 1)) && !(i > start && codeAt(text, i - 1) === DI))) {
        i++;
        continue;
      }
      draft = readFigure(text, i, start, end);
      if (!draft) {
        i++;
        continue;
      }
    }
    if (draft.kind !== SKIP) {
      linkRange(text, figures, draft);
      figures.push(toFigure(text, draft));
    }
    i = Math.max(draft.end, i + 1);
  }
  return figures;
}

/** Past the Latin letters from `k`. */
function letterRunEnd(text: string, k: number, end: number): number {
  // Reads stop at `end`, inside the text for every range the scanner is given (outside it, as charCodeAt
  // would give NaN, the loop would stop all the same).
  while (k < end && isLatinLetter(text.charCodeAt(k))) k++;
  return k;
}

function isWordChar(code: number): boolean {
  return isLatinLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x2f /* / */ || code === 0x2e /* . */;
}

/** A word character as \b in a regular expression sees it: [A-Za-z0-9_]. */
function isRegexWordChar(code: number): boolean {
  return isLatinLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x5f;
}

/** Whether the code unit at `at` is the lower-case ASCII letter `lower` in either case. */
function isLetterAt(text: string, at: number, lower: number): boolean {
  const c = codeAt(text, at);
  return c === lower || c === lower - 0x20;
}

/** Whether text[at, at + word.length) is `word` (lower-case ASCII letters and spaces), letters in either case. */
function wordAtIgnoringCase(text: string, at: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    const w = word.charCodeAt(k);
    if (w === 0x20 ? codeAt(text, at + k) !== 0x20 : !isLetterAt(text, at + k, w)) return false;
  }
  return true;
}

/*
 * Word shapes: length, first and last character (letters case folded, and
 * the dot and slash that words before a number may have). A word whose
 * shape no listed word has is in none of the lists, and needs no
 * lower-cased copy to find that out: most words after or before a number
 * ("in", "from", "of") are turned away by one table look-up.
 */
function shapeChar(c: number): number {
  if (isLatinLetter(c)) return (c | 0x20) - 0x60;
  return c === 0x2e ? 27 : c === 0x2f ? 28 : 0;
}
function shapesOf(words: Iterable<string>): Uint8Array {
  const shapes = new Uint8Array(32 * 32 * 32);
  for (const word of words) if (word.length > 0 && word.length < 32) shapes[word.length * 1024 + shapeChar(code(word)) * 32 + shapeChar(word.charCodeAt(word.length - 1))] = 1;
  return shapes;
}
/** Whether some listed word has the shape of text[start, end). */
function hasShape(shapes: Uint8Array, text: string, start: number, end: number): boolean {
  const length = end - start;
  if (length <= 0 || length >= 32) return false;
  return shapes[length * 1024 + shapeChar(text.charCodeAt(start)) * 32 + shapeChar(text.charCodeAt(end - 1))] === 1;
}

/** Where a web address starting at `i` (http://, https://, www.) ends, or `i` when there is none. */
function urlEnd(text: string, i: number, end: number): number {
  // Cheap look first: this is asked at every English word that starts with h or w.
  const second = codeAt(text, i + 1) | 0x20;
  if (second !== 0x74 /* t */ && second !== 0x77 /* w */) return i;
  // http://, https:// or www., letters in either case (the characters after i + 8 do not count).
  if (!(wordAtIgnoringCase(text, i, 'http') && (text.startsWith('://', i + 4) || (isLetterAt(text, i + 4, 0x73) && text.startsWith('://', i + 5)))) && !(wordAtIgnoringCase(text, i, 'www') && codeAt(text, i + 3) === 0x2e)) {
    return i;
  }
  let k = i;
  // Printable ASCII up to a space, a quote or a bracket: CJK text or full-width punctuation ends it too.
  while (k < end) {
    const c = text.charCodeAt(k);
    if (c <= 0x20 || c >= 0x7f || c === 0x22 || c === 0x27 || c === 0x3c || c === 0x3e) break;
    k++;
  }
  return k;
}

/** A dot that starts a number (.5) is not one of an ellipsis (...9) and does not follow a digit. */
function isLeadingDecimalPoint(text: string, i: number): boolean {
  return digitAt(text, i + 1) >= 0 && !(i > 0 && (digitAt(text, i - 1) >= 0 || codeAt(text, i - 1) === 0x2e));
}

/** Whether a figure may start at `i`, a character other than a Latin letter (those go through startsEnglishNumber). */
function mayStartFigure(text: string, code: number, i: number): boolean {
  if ((code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19)) return true;
  if (code < 0x80) {
    if (code === 0x24 /* $ */) return digitAt(text, i + 1) >= 0;
    if (code === 0x2b || code === 0x2d /* + - */) return digitAt(text, i + 1) >= 0 || (codeAt(text, i + 1) === 0x2e && digitAt(text, i + 2) >= 0);
    if (code === 0x2e /* . */) return isLeadingDecimalPoint(text, i);
    return false;
  }
  return MAY_START[code] === 1 || isCnDigitCode(code);
}

/** ½ ¾ …: fractions set as one character. */
const VULGAR_FRACTIONS: Readonly<Record<string, number>> = {
  '½': 1 / 2, '⅓': 1 / 3, '⅔': 2 / 3, '¼': 1 / 4, '¾': 3 / 4, '⅕': 1 / 5, '⅖': 2 / 5, '⅗': 3 / 5, '⅘': 4 / 5,
  '⅙': 1 / 6, '⅚': 5 / 6, '⅛': 1 / 8, '⅜': 3 / 8, '⅝': 5 / 8, '⅞': 7 / 8,
};

/**
 * Non-ASCII characters, other than Chinese digits, at which a figure may
 * start. A table, because this is asked of every character of the document.
 */
const MAY_START = new Uint8Array(0x10000);
const MAY_START_CODES = ['十', '拾', '百', '佰', '千', '仟', '万', '萬', '负', '負', '半', ...CURRENCY_SIGNS, ...SIGNS, ...Object.keys(VULGAR_FRACTIONS)].map((ch) => ch.charCodeAt(0));
for (const c of MAY_START_CODES) if (c >= 0x80) MAY_START[c] = 1;

/**
 * Characters that may start a figure (or a web address to skip): digits,
 * signs, currency signs, Chinese numerals (START_OTHER), and the first
 * letters of English number words (zero … twenty, a million, half, quarter,
 * minus, negative) and of http/www (START_LETTER). Zero for everything else.
 */
const START_OTHER = 1;
const START_LETTER = 2;
const START_CLASS = new Uint8Array(0x10000);
for (let c = 0x30; c <= 0x39; c++) START_CLASS[c] = START_OTHER;
for (let c = 0xff10; c <= 0xff19; c++) START_CLASS[c] = START_OTHER;
for (const ch of '$+-.') START_CLASS[code(ch)] = START_OTHER;
for (const ch of 'aefhmnoqstwzAEFHMNOQSTWZ') START_CLASS[code(ch)] = START_LETTER;
// Over the codes that can qualify, not every code: a 64K-step loop at start-up runs in the interpreter.
for (const c of [...MAY_START_CODES, ...CN_DIGIT_CODES]) if (c >= 0x80 && (MAY_START[c] === 1 || isCnDigitCode(c))) START_CLASS[c] = START_OTHER;

const SKIP = 'skip' as FigureKind;

/**
 * Skipping is the answer at about half of the candidates in Chinese text, so
 * one draft serves for every skip. Whoever gets it reads `end` before the
 * next skip() (the scan loop, readFigure after a rough range, "minus" in
 * readEnglishWords), and a skip is never linked or turned into a figure.
 */
const SKIP_DRAFT: Draft = { ...newDraft(), kind: SKIP };

function skip(end: number): Draft {
  SKIP_DRAFT.start = end;
  SKIP_DRAFT.end = end;
  SKIP_DRAFT.numberStart = end;
  SKIP_DRAFT.numberEnd = end;
  return SKIP_DRAFT;
}

/**
 * Before Arabic digits, the characters after which nothing but the number and its unit matters:
 * non-ASCII (no letter, sign, space or bracket of a code or an English phrase), no digit, no 第.
 */
const QUIET_BEFORE = new Uint8Array(0x10000);
// Every non-ASCII code, then the digits and 第 taken out: the same as asking digitOf of each code, without 64K steps.
QUIET_BEFORE.fill(1, 0x80);
for (let c = 0xff10; c <= 0xff19; c++) if (digitOf(c) >= 0) QUIET_BEFORE[c] = 0;
QUIET_BEFORE[DI] = 0;
/**
 * First characters of the units that may follow Arabic digits with nothing else to decide (the unit
 * itself must match too, and 2023年 is taken as a year before): every unit but those starting with
 * 分 (5分之1 is a fraction) and 日元 (5日 is a day).
 */
const UNIT_NEXT = new Uint8Array(0x10000);
for (const c of CN_UNIT_FIRST_CODES) if (startsCnUnit(c) && c !== FEN && c !== RI) UNIT_NEXT[c] = 1;

/** After a single Chinese digit, what can make it part of a figure other than a unit: 号 月 日 (dates, codes), 又 分 (fractions), 成 (tenths), 多 余 几 (before a unit). */
const SINGLE_DIGIT_FIGURE_AFTER = flags('号月日又分成多余几');

function readFigure(text: string, i: number, blockStart: number, end: number): Draft | undefined {
  // A candidate: i is inside the text.
  const first = text.charCodeAt(i);
  if (isLatinLetter(first)) return readEnglishWords(text, i, blockStart, end);

  // Arabic digits with a unit right after them (1686个, 8.7％, 33.5万亿元), in Chinese text: most
  // figures of a report. Decided as below, without the checks for what such a figure cannot be.
  if (digitOf(first) >= 0 && (i === 0 || QUIET_BEFORE[codeAt(text, i - 1) & 0xffff] === 1)) {
    const numeral = parseArabicScaled(text, i, end);
    // 2023年: a year, as classifyContext would find.
    if (numeral && codeAt(text, numeral.end) === NIAN && numeral.end - i === 4 && numeral.decimals === 0 && !numeral.grouped && !numeral.scaled && numeral.value >= 1000 && numeral.value <= 2100) {
      return nonQuantity(i, numeral.end + 1, i, numeral.end, numeral.value, 'year');
    }
    if (numeral && UNIT_NEXT[codeAt(text, numeral.end) & 0xffff] === 1 && matchCnUnit(text, numeral.end)) {
      const rounded = numeral.decimals > 0 || (numeral.scaled && numeral.lastDigitUnit >= 1e4);
      return unitsAndAfter(text, i, i, numeral.end, numeral.end, numeral, blockStart, end, numeral.value, numeral.lastDigitUnit, rounded, undefined, undefined, false);
    }
  }

  // A lone Chinese digit (一些, 进一步, 两岸, 一个): decided as the single-digit rule below decides
  // it, without reading a numeral first.
  const lone = loneCnDigitAt(text, i);
  if (lone > 0 && !(i > blockStart && codeAt(text, i - 1) === DI)) {
    const unit = matchCnUnit(text, i + 1);
    const skipEnd = singleDigitSkipEnd(text, i + 1, lone, unit, unit ? i + 1 + unit.text.length : i + 1);
    if (skipEnd >= 0) return skip(skipEnd);
  }

  // Dates and times first: their digits would otherwise read as decimals (2023.09.14).
  const dateTime = readDateOrTime(text, i, end);
  if (dateTime) return dateTime;

  let p = i;
  let signed = false;
  let negative = false;
  let currency = currencyOf(first);
  if (currency !== undefined) p++;
  const signCode = codeAt(text, p);
  if (isSignCode(signCode)) {
    if (!isSignPosition(text, p, blockStart)) return undefined;
    signed = true;
    negative = signCode !== 0x2b && signCode !== 0xff0b;
    p++;
    if (currency === undefined) {
      currency = currencyOf(codeAt(text, p));
      if (currency !== undefined) p++;
    }
  }

  // 百分之五, 千分之二点四, 百万分之五: percent, per mille and smaller shares written out.
  const headCode = codeAt(text, p);
  if (cnUnitOf(headCode) >= 100) {
    const per = perBaseAt(text, p, end);
    if (per) return readPerFraction(text, i, per, end, blockStart);
  }

  const vulgar = headCode === 0xbc || headCode === 0xbd || headCode === 0xbe || (headCode >= 0x2153 && headCode <= 0x215e) ? VULGAR_FRACTIONS[text[p]!] : undefined;
  if (vulgar !== undefined) {
    if (p > 0 && isLatinLetter(codeAt(text, p - 1))) return undefined;
    const value = roundSignificant(negative ? -vulgar : vulgar);
    return makeDraft(i, p + 1, i, p + 1, value, '', 'fraction', undefined, undefined, 0, false, signed);
  }
  // 半成 = 5%; 半成品 (semi-finished goods) is a word.
  if (headCode === BAN) {
    if (codeAt(text, p + 1) !== CHENG || CHENG_WORDS[codeAt(text, p + 2) & 0xffff] === 1) return undefined;
    return makeDraft(i, p + 2, p, p + 1, 5, '成', 'percent', undefined, undefined, 5, true, false);
  }
  // 二三十个, 七八千: a rough range, which no check should take for an exact number.
  if (isApproximatePair(text, p)) {
    const rest = readFigure(text, p + 1, blockStart, end);
    return skip(Math.max(rest ? rest.end : p + 2, p + 2));
  }

  const numeral = parseNumeral(text, p, end);
  if (!numeral) return undefined;
  if (numeral.time) return nonQuantity(i, numeral.end, numeral.start, numeral.end, numeral.value, 'time');
  // A single Chinese digit in a word (一些, 两岸, 三农, 一是) or an article (一个, 一年, 一批): the
  // commonest candidates in Chinese text, and no figures. Everything below would skip them too:
  // without 第 before it the digit is no ordinal, and without one of the characters that make
  // dates, codes, fractions or percentages after it, the unit (read only without a currency sign)
  // decides, as further down: none, or a financial form, skips the digit; 一 with a count or a
  // measure skips the digit and its unit.
  if (numeral.chinese && numeral.single && !(i > blockStart && codeAt(text, i - 1) === DI) && SINGLE_DIGIT_FIGURE_AFTER[codeAt(text, numeral.end) & 0xffff] === 0) {
    const unit = currency === undefined ? matchCnUnit(text, numeral.end) : undefined;
    const skipEnd = singleDigitSkipEnd(text, numeral.end, numeral.value, unit, unit ? numeral.end + unit.text.length : numeral.end);
    if (skipEnd >= 0) return skip(skipEnd);
  }
  // 192.168.1.2, 3.2.1, 1.10.4: addresses, section and version numbers, not decimals.
  if (numeral.decimals > 0 && !numeral.chinese && codeAt(text, numeral.end) === 0x2e && digitAt(text, numeral.end + 1) >= 0) {
    let k = numeral.end;
    while (k < end && k - numeral.end < 64) {
      const dot = text.charCodeAt(k) === 0x2e;
      if (!(dot || digitAt(text, k) >= 0) || (dot && digitAt(text, k + 1) < 0)) break;
      k++;
    }
    return nonQuantity(i, k, numeral.start, k, numeral.value, 'code');
  }
  let value = numeral.value;
  if (negative) value = -value;
  let precision = numeral.lastDigitUnit;
  let rounded = numeral.decimals > 0 || (numeral.scaled && numeral.lastDigitUnit >= 1e4);
  let q = numeral.end;
  let numberEnd = numeral.end;
  let qualifier: Qualifier | undefined = numeral.approximate ? 'more-than' : undefined;

  const context = classifyContext(text, i, numeral, blockStart, end);
  if (context) return context;

  const next = codeAt(text, q);
  // 一又二分之一, 3又一千分之23: a whole number and a fraction.
  if (next === YOU) {
    const mixed = readCnFraction(text, q + 1, end);
    if (mixed) {
      const whole = Math.abs(value);
      const total = roundSignificant((whole + mixed.value) * (value < 0 ? -1 : 1));
      return makeDraft(i, mixed.end, i, mixed.end, total, '', 'fraction', undefined, undefined, 0, false, signed);
    }
  }
  // 3/4, 1 3/5, -4/5: a fraction written with a slash.
  const slash = (next === 0x2f || next === 0xff0f || next === 0x20) && !numeral.chinese && numeral.decimals === 0 && !numeral.grouped ? readSlashFraction(text, numeral, end) : undefined;
  if (slash) {
    const total = roundSignificant(negative ? -slash.value : slash.value);
    return makeDraft(i, slash.end, i, slash.end, total, '', 'fraction', undefined, undefined, 0, false, signed);
  }

  // X分之Y: a fraction.
  if (next === FEN && codeAt(text, q + 1) === ZHI) {
    const denominator = numeral.value;
    const numerator = parseNumeral(text, q + 2, end);
    if (!numerator || denominator === 0) return skip(q + 2);
    const fraction = numerator.value / denominator;
    return makeDraft(i, numerator.end, i, numerator.end, roundSignificant(fraction), '', 'fraction', undefined, undefined, 0, false, signed);
  }

  // English scale words after digits: 5.8 million.
  if (!numeral.chinese) {
    const scale = englishScaleAt(text, q, end);
    if (scale) {
      value *= scale.factor;
      precision *= scale.factor;
      rounded = true;
      q = scale.end;
      numberEnd = scale.end;
      // 3 million and a half: the fraction is of the scale.
      const half = scale.factor >= 1e3 ? andFractionAt(text, q, end) : undefined;
      if (half) {
        value = roundSignificant(value + Math.sign(value || 1) * half.value * scale.factor);
        precision = scale.factor / half.denominator;
        q = half.end;
        numberEnd = half.end;
      }
    }
  }

  // 三成 = 30%.
  const atQ = codeAt(text, q);
  if (atQ === CHENG && CHENG_WORDS[codeAt(text, q + 1) & 0xffff] === 0 && Math.abs(numeral.value) <= 10) {
    let endAt = q + 1;
    let extra = 0;
    if (codeAt(text, endAt) === BAN) {
      extra = 5;
      endAt++;
    }
    return makeDraft(i, endAt, p, numberEnd, roundSignificant(value * 10 + extra), '成', 'percent', undefined, qualifier, precision * 10, true, signed);
  }

  return unitsAndAfter(text, i, p, q, numberEnd, numeral, blockStart, end, value, precision, rounded, qualifier, currency, signed);
}

/**
 * The rest of a figure once its number is read: the unit (5000余人, 1686个, 8.7%), the qualifiers
 * around it (左右, 以上, 约, 超过), the counted noun, the coins after 元.
 */
function unitsAndAfter(
  text: string,
  i: number,
  p: number,
  q: number,
  numberEnd: number,
  numeral: NumeralMatch,
  blockStart: number,
  end: number,
  value: number,
  precision: number,
  rounded: boolean,
  qualifier: Qualifier | undefined,
  currency: string | undefined,
  signed: boolean,
): Draft | undefined {
  const atQ = codeAt(text, q);
  // Units: 多/余/几 may stand between the number and its unit (5000余人, 十几个).
  let unitStart = q;
  if ((atQ === DUO || atQ === YU || atQ === JI) && matchCnUnit(text, q + 1)) {
    qualifier = 'more-than';
    unitStart = q + 1;
  }
  let unit: UnitInfo | undefined;
  let unitEnd = unitStart;
  if (currency === undefined) {
    unit = matchCnUnit(text, unitStart);
    if (unit) unitEnd = unitStart + unit.text.length;
    else if (!numeral.chinese) {
      const en = englishUnitAt(text, unitStart, end);
      if (en) {
        unit = en.unit;
        unitEnd = en.end;
      }
    }
  }
  if (!unit && unitStart !== q) unitStart = q;

  let kind: FigureKind = currency ? 'money' : unit ? unit.kind : 'plain';
  if (unit?.factor) {
    value *= unit.factor;
    precision *= unit.factor;
  }
  // Single Chinese numerals are words (一网通办, 四川, 五大任务) unless a unit follows;
  // 一 with a measure word is the article "a", not a quantity.
  if (numeral.chinese && numeral.single) {
    const skipEnd = singleDigitSkipEnd(text, numeral.end, numeral.value, unit, unitEnd);
    if (skipEnd >= 0) return skip(skipEnd);
  }
  // 二三年 and 九五 are read digit by digit: a short year or a code, not a count.
  if (numeral.chinese && numeral.digitSequence && (!unit || unit.text === '年')) return skip(unitEnd);
  if (numeral.chinese && insideQuotedTerm(text, i, unitEnd, blockStart, end)) return skip(unitEnd);
  if (unit?.kind === 'percent' || unit?.kind === 'percentage-point' || unit?.kind === 'multiple') rounded = true;

  let figureEnd = unitEnd;
  const after = qualifierAfter(text, figureEnd);
  if (after) {
    qualifier = after.qualifier;
    // 多 and 余 after the unit are part of the figure (10%多, 三斤多): its value runs on past the unit.
    if (after.qualifier === 'more-than') figureEnd = after.end;
  }
  qualifier ??= qualifierBefore(text, i, blockStart);

  let noun: string | undefined;
  let unitText = currency ?? unit?.text ?? '';
  if (kind === 'count' && unit) noun = cnNounAfter(text, after ? after.end : figureEnd, end);
  // A counted noun cut at 以上/以下 inside its phrase (1.49万名县处级以上领导干部) is only a modifier of it: none.
  if (noun !== undefined && cutInsidePhrase(text, (after ? after.end : figureEnd) + noun.length)) noun = undefined;
  if (kind === 'plain' && !numeral.chinese) {
    const en = englishNounAfter(text, figureEnd, end);
    if (en) {
      kind = 'count';
      noun = en;
    }
  }
  if (currency && !numeral.chinese) {
    const words = englishUnitAt(text, figureEnd, end);
    if (words?.unit.kind === 'money') figureEnd = words.end;
  }
  if (kind === 'money' && unit) unitText = unit.text;
  // 8亿元人民币 names the currency twice; 50元6角3分 adds the small coins.
  if (kind === 'money' && unit?.text === '元' && !after) {
    const tail = yuanTail(text, figureEnd, end, value);
    if (tail) {
      figureEnd = tail.end;
      if (tail.value !== value) {
        value = tail.value;
        precision = 0.01;
        rounded = false;
      }
    }
  }

  // What "more than" or "nearly" leaves open is read after the draft is made (all its arguments are).
  const afterUnit = after !== undefined && after.qualifier === 'more-than';
  const approx =
    (qualifier === 'more-than' || qualifier === 'nearly') && (afterUnit || numeral.approximate || unitStart !== q || cnApproxBefore(text, i, blockStart))
      ? approxPlace(value, precision, !numeral.chinese, afterUnit)
      : 0;
  const draft = makeDraft(i, figureEnd, currency ? p : i, numberEnd, roundSignificant(value), unitText, kind, noun || undefined, qualifier || undefined, precision, rounded, signed);
  draft.approx = approx;
  return draft;
}

/**
 * The place a "more than" or "nearly" stays within. 多 after the unit (10%多, 三斤多) adds less than
 * one of the last written digit. Before the unit, and for 逾/超过/近, it stands for the places
 * after the last non-zero digit: 十多个 → [10, 20), 三十多年 → [30, 40), 4万多亿 → [4万亿, 5万亿). A
 * round number of four or more Arabic digits is read one place finer (1000多人 → [1000, 1100)):
 * in reports 1000多 is what a count just over a thousand is written as; 1900 would be written
 * 1900多 or 近2000.
 */
function approxPlace(value: number, precision: number, arabic: boolean, afterUnit: boolean): number {
  const unit = Math.abs(precision);
  if (afterUnit || !(unit > 0)) return unit;
  const digits = Math.round(Math.abs(value) / unit);
  if (!(digits >= 1) || !Number.isSafeInteger(digits)) return unit;
  let zeros = 1;
  for (let n = digits; n % 10 === 0; n /= 10) zeros *= 10;
  const place = unit * zeros;
  if (!arabic || digits < 1000) return place;
  let leading = 1;
  while (leading * 10 <= digits) leading *= 10;
  return Math.min(place, (unit * leading) / 10);
}

/** 逾, 超过 (超), 近 (将近, 接近) right before a number: the Chinese "more than" and "nearly" of a round number. */
function cnApproxBefore(text: string, i: number, blockStart: number): boolean {
  const before = codeAt(text, i - 1);
  if (i - 1 < blockStart) return false;
  return before === YU_OVER || before === JIN || (before === CHAO) || (before === GUO && i - 2 >= blockStart && codeAt(text, i - 2) === CHAO);
}
const YU_OVER = code('逾');
const JIN = code('近');
const CHAO = code('超');
const GUO = code('过');

/** Whether the counted noun read up to `k` stops at 以上/以下/以内 with the noun phrase going on after it. */
function cutInsidePhrase(text: string, k: number): boolean {
  if (codeAt(text, k) !== YI_BY) return false;
  const second = codeAt(text, k + 1);
  return (second === SHANG || second === XIA || second === NEI) && isCjk(codeAt(text, k + 2)) && NOUN_STOPS[codeAt(text, k + 2) & 0xffff] !== 1;
}

/**
 * The rule for a single Chinese digit (the shortcuts above and in the scan loop decide as it
 * does, earlier): without a unit, or written in a financial form alone (伍, 陆), it is a word —
 * skipped to the digit's end; 一 with a count or a measure word is the article "a" — skipped with
 * its unit. Returns where to skip to, or -1 when the digit and its unit make a figure.
 */
function singleDigitSkipEnd(text: string, digitEnd: number, value: number, unit: UnitInfo | undefined, unitEnd: number): number {
  if (!unit || isFinancialOnlyCode(codeAt(text, digitEnd - 1))) return digitEnd;
  if (Math.abs(value) === 1 && (unit.kind === 'count' || unit.kind === 'measure')) return unitEnd;
  return -1;
}

/** 人民币 after 元, and 角 (colloquially 毛) and 分 after a whole number of 元. */
function yuanTail(text: string, k: number, end: number, value: number): { end: number; value: number } | undefined {
  const start = k;
  if (text.startsWith('人民币', k) || text.startsWith('人民幣', k)) k += 3;
  let total = value;
  if (Number.isInteger(value) && value >= 0) {
    let d = coinDigit(text, k, end);
    const unitCode = codeAt(text, k + 1);
    if (d >= 0 && (unitCode === YUAN_JIAO || unitCode === YUAN_MAO) && (coinsEndHere(text, k + 2, end) || (coinDigit(text, k + 2, end) >= 0 && codeAt(text, k + 3) === FEN))) {
      total += d / 10;
      k += 2;
    }
    d = coinDigit(text, k, end);
    if (d >= 0 && codeAt(text, k + 1) === FEN && coinsEndHere(text, k + 2, end)) {
      total += d / 100;
      k += 2;
    }
  }
  return k > start ? { end: k, value: roundSignificant(total) } : undefined;
}

/** One digit (Arabic or Chinese, not followed by another Arabic digit) counting 角 or 分, or -1. */
function coinDigit(text: string, at: number, end: number): number {
  const d = digitAt(text, at);
  if (d >= 0) return digitAt(text, at + 1) >= 0 ? -1 : d;
  const cn = parseNumeral(text, at, Math.min(end, at + 1));
  return cn && cn.chinese ? cn.value : -1;
}

/** 分 is a common character (分析, 分别): coins end where a word would go on. */
function coinsEndHere(text: string, at: number, end: number): boolean {
  return at >= end || !isCjk(codeAt(text, at));
}

function isSignCode(c: number): boolean {
  return c === 0x2b || c === 0x2d || c === 0x2212 || c === 0xff0d || c === 0xff0b;
}

/** + and - are signs only where a number starts: not in 6.5%-7%, A-1 or 2023-09. */
function isSignPosition(text: string, p: number, blockStart: number): boolean {
  if (p === blockStart) return true;
  const prev = codeAt(text, p - 1);
  return prev === 0x20 || prev === 0x28 /* ( */ || prev === 0x09 || prev === 0x0a || prev === 0x3000 || prev === 0xff08 /* （ */ || prev === 0x3a || prev === 0xff1a || prev === 0xff0c || prev === 0x2c;
}

/*
 * English words after a number are separated from it by one space, or by a
 * line break where a wrapped line puts the unit on the next line: " ", "\n",
 * "\r\n" or "\r". (As the patterns `^(?: |\r?\n|\r)` read it: after "\r\n"
 * the word must start past both characters.)
 */
/** Where the word after the gap at `q` starts, or -1 when no gap is there. */
function afterGap(text: string, q: number, limit: number): number {
  if (q >= limit) return -1;
  const c = text.charCodeAt(q);
  if (c === 0x20 || c === 0x0a) return q + 1;
  if (c === 0x0d) return q + 1 < limit && text.charCodeAt(q + 1) === 0x0a ? q + 2 : q + 1;
  return -1;
}

const EN_SCALE_WORDS: readonly string[] = [...EN_SCALES.keys()];
/** First letters (lower case) of the scale words. */
const EN_SCALE_INITIALS = flags(EN_SCALE_WORDS.map((word) => word[0]!));

/** " hundred", " million" … (any case, a word on its own) within 13 characters of `q`. */
function englishScaleAt(text: string, q: number, end: number): { factor: number; end: number } | undefined {
  const limit = Math.min(end, q + 13, text.length);
  const at = afterGap(text, q, limit);
  if (at < 0) return undefined;
  // Most words after a number start with another letter than a scale word.
  if (EN_SCALE_INITIALS[asciiLower(codeAt(text, at)) & 0xffff] !== 1) return undefined;
  for (const word of EN_SCALE_WORDS) {
    const wordEnd = at + word.length;
    if (wordEnd > limit || !wordAtIgnoringCase(text, at, word)) continue;
    // \b: the word ends at the end of the look-ahead or before a non-word character.
    if (wordEnd < limit && isRegexWordChar(text.charCodeAt(wordEnd))) continue;
    return { factor: EN_SCALES.get(word)!, end: wordEnd };
  }
  return undefined;
}

/** Lower case of an ASCII letter; other code units as they are. */
function asciiLower(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
}

/**
 * Unit abbreviations written against the number (29km, 5kg, 300MW), any
 * case, not followed by a letter within four characters of `k`: km, kg,
 * kwh, kw, mw, gw, tried in that order. Returns the length, or 0.
 */
function attachedUnitLength(text: string, k: number, end: number): number {
  const limit = Math.min(end, k + 4, text.length);
  if (k + 1 >= limit) return 0;
  const a = asciiLower(codeAt(text, k));
  const b = asciiLower(codeAt(text, k + 1));
  if (a === 0x6b) {
    // km, kg
    if ((b === 0x6d || b === 0x67) && noLetterAt(text, k + 2, limit)) return 2;
    if (b === 0x77) {
      // kwh, kw
      if (k + 2 < limit && asciiLower(text.charCodeAt(k + 2)) === 0x68 && noLetterAt(text, k + 3, limit)) return 3;
      if (noLetterAt(text, k + 2, limit)) return 2;
    }
    return 0;
  }
  // mw, gw
  if ((a === 0x6d || a === 0x67) && b === 0x77 && noLetterAt(text, k + 2, limit)) return 2;
  return 0;
}

/** No Latin letter at `at` before `limit` (as a look-ahead that cannot see past `limit`). */
function noLetterAt(text: string, at: number, limit: number): boolean {
  return at >= limit || !isLatinLetter(text.charCodeAt(at));
}

const FOLD: UnitInfo = { text: 'fold', kind: 'multiple' };
const EN_UNIT_LEADING_SHAPES = shapesOf(EN_UNIT_LEADING_WORDS);

function englishUnitAt(text: string, q: number, end: number): { unit: UnitInfo; end: number } | undefined {
  const k = q;
  // Every pattern below starts with a letter, a space, a line break or a hyphen.
  const first = codeAt(text, k);
  if (isLatinLetter(first)) {
    // Against the number only an abbreviation: words need a space before them.
    const length = attachedUnitLength(text, k, end);
    if (length === 0) return undefined;
    const match = matchEnUnitWords(text.slice(k, k + length).toLowerCase(), '');
    return match ? { unit: match.unit, end: k + length } : undefined;
  }
  if (first === 0x2d) {
    // -fold, a word on its own (\b; the characters after k + 6 do not count).
    const ok = text.startsWith('-fold', k) && !(k + 5 < text.length && isRegexWordChar(codeAt(text, k + 5)));
    return ok ? { unit: FOLD, end: k + 5 } : undefined;
  }
  // A gap, then one or two words of letters, within 26 characters of k.
  const limit = Math.min(end, k + 26, text.length);
  const at = afterGap(text, k, limit);
  if (at < 0) return undefined;
  const firstEnd = letterRunEnd(text, at, limit);
  if (firstEnd === at) return undefined;
  // No unit starts with a word longer than this, or of another shape: no need to look it up.
  if (firstEnd - at > EN_UNIT_LONGEST_WORD || !hasShape(EN_UNIT_LEADING_SHAPES, text, at, firstEnd)) return undefined;
  const firstWord = text.slice(at, firstEnd).toLowerCase();
  // The second word is read only after a word that starts a two-word unit (per cent, square miles).
  let secondEnd = firstEnd;
  if (startsTwoWordEnUnit(firstWord) && firstEnd + 1 < limit && text.charCodeAt(firstEnd) === 0x20 && isLatinLetter(text.charCodeAt(firstEnd + 1))) secondEnd = letterRunEnd(text, firstEnd + 1, limit);
  const secondWord = secondEnd > firstEnd ? text.slice(firstEnd + 1, secondEnd).toLowerCase() : '';
  const match = matchEnUnitWords(firstWord, secondWord);
  if (!match) return undefined;
  return { unit: match.unit, end: match.words === 2 ? secondEnd : firstEnd };
}

/** Characters after a count unit that end the counted noun. */
const NOUN_STOPS = flags(CN_NOUN_STOPS);

/**
 * The word after a number and a gap, as the thing counted: a lower-case
 * letter, then 2 to 20 lower-case letters or hyphens ending on a word
 * boundary (as `([a-z][a-z-]{2,20})\b` reads it, backing off from the
 * longest), within 24 characters of `q`.
 */
function englishNounAfter(text: string, q: number, end: number): string | undefined {
  const limit = Math.min(end, q + 24, text.length);
  const at = afterGap(text, q, limit);
  if (at < 0 || at >= limit) return undefined;
  const c = text.charCodeAt(at);
  if (c < 0x61 || c > 0x7a) return undefined;
  let run = 0;
  while (run < 20 && at + 1 + run < limit) {
    const d = text.charCodeAt(at + 1 + run);
    if (!((d >= 0x61 && d <= 0x7a) || d === 0x2d)) break;
    run++;
  }
  for (let n = run; n >= 2; n--) {
    const wordEnd = at + 1 + n;
    const before = isRegexWordChar(text.charCodeAt(wordEnd - 1));
    const afterWord = wordEnd < limit && isRegexWordChar(text.charCodeAt(wordEnd));
    if (before === afterWord) continue;
    const word = text.slice(at, wordEnd);
    if (EN_NOT_NOUNS.has(word) || MONTHS.has(word)) return undefined;
    return word;
  }
  return undefined;
}

function cnNounAfter(text: string, q: number, end: number): string | undefined {
  let k = q;
  while (k < end && k - q < 6) {
    const c = text.charCodeAt(k);
    if (NOUN_STOPS[c & 0xffff] === 1 || !isCjk(c)) break;
    k++;
  }
  return k > q ? text.slice(q, k) : undefined;
}

const ZUO = code('左');
const YOU_RIGHT = code('右');
const SHANG = code('上');
const XIA = code('下');
const YI_BY = code('以');
const NEI = code('内');

/**
 * Qualifiers after a number, told apart by their first character: 左右 and
 * 上下 (about), 以上 (at least), 以下 and 以内 (at most), 多 and 余 (more than).
 */
function qualifierAfter(text: string, q: number): { qualifier: Qualifier; end: number } | undefined {
  const c = codeAt(text, q);
  if (c === ZUO) return codeAt(text, q + 1) === YOU_RIGHT ? { qualifier: 'about', end: q + 2 } : undefined;
  if (c === SHANG) return codeAt(text, q + 1) === XIA ? { qualifier: 'about', end: q + 2 } : undefined;
  if (c === YI_BY) {
    const second = codeAt(text, q + 1);
    if (second === SHANG) return { qualifier: 'at-least', end: q + 2 };
    if (second === XIA || second === NEI) return { qualifier: 'at-most', end: q + 2 };
    return undefined;
  }
  // 多 and 余 qualify only as the last character before punctuation or a noun boundary: 100多个 is handled before units.
  if ((c === DUO || c === YU) && !isCjk(codeAt(text, q + 1))) return { qualifier: 'more-than', end: q + 1 };
  return undefined;
}

/**
 * The Chinese qualifiers by their last character, each list in the order of CN_QUALIFIERS_BEFORE:
 * 到 (as in 达到) and 于 end many words before a number, and only the qualifiers ending in the
 * character before it can match.
 */
const CN_QUALIFIERS_BY_LAST = new Map<number, [string, Qualifier][]>();
for (const entry of CN_QUALIFIERS_BEFORE) {
  const last = entry[0].charCodeAt(entry[0].length - 1);
  const list = CN_QUALIFIERS_BY_LAST.get(last) ?? [];
  list.push(entry);
  CN_QUALIFIERS_BY_LAST.set(last, list);
}
/** Last characters of the Chinese qualifiers before a number: most numbers follow none of them. */
const CN_QUALIFIER_ENDS = new Uint8Array(0x10000);
for (const last of CN_QUALIFIERS_BY_LAST.keys()) CN_QUALIFIER_ENDS[last] = 1;

const NO_PHRASES: readonly [string, Qualifier][] = [];
/** EN_QUALIFIERS_BEFORE by the last letter of the phrase (indexed by ASCII code). */
const EN_QUALIFIERS_BY_LAST_LETTER: readonly (readonly [string, Qualifier][])[] = Array.from({ length: 0x80 }, (_, c) =>
  EN_QUALIFIERS_BEFORE.filter(([phrase]) => phrase.charCodeAt(phrase.length - 1) === c),
);

function qualifierBefore(text: string, i: number, blockStart: number): Qualifier | undefined {
  const before = codeAt(text, i - 1) & 0xffff;
  if (i > blockStart && CN_QUALIFIER_ENDS[before] === 1) {
    for (const [word, qualifier] of CN_QUALIFIERS_BY_LAST.get(before)!) {
      const at = i - word.length;
      if (at >= blockStart && text.startsWith(word, at)) return qualifier;
    }
  }
  if (codeAt(text, i - 1) !== 0x20) return undefined;
  // The phrase and its space end the 16 characters before the number (not before blockStart), either
  // filling them from their start or after a space: " more than ", in any case. Only the phrases
  // ending in the letter before the space can (in their order in EN_QUALIFIERS_BEFORE).
  const last = asciiLower(codeAt(text, i - 2));
  const phrases = last < 0x80 ? EN_QUALIFIERS_BY_LAST_LETTER[last]! : NO_PHRASES;
  const windowStart = Math.max(blockStart, i - 16);
  for (const [phrase, qualifier] of phrases) {
    const at = i - 1 - phrase.length;
    if (at < windowStart) continue;
    if (at > windowStart && codeAt(text, at - 1) !== 0x20) continue;
    if (wordAtIgnoringCase(text, at, phrase)) return qualifier;
  }
  return undefined;
}

const QUOTE_OPENS = flags('“「『');
const QUOTE_CLOSES = flags('”」』');
const JU = code('。');
const DOU = code('，');
const OPEN_DOUBLE = code('“');

/** Inside “…” with other words around it: a slogan such as “两个确立”, not a count. */
function insideQuotedTerm(text: string, start: number, end: number, blockStart: number, blockEnd: number): boolean {
  let open = -1;
  for (let k = start - 1; k >= Math.max(blockStart, start - 12); k--) {
    const c = codeAt(text, k) & 0xffff;
    if (QUOTE_OPENS[c] === 1) {
      open = k;
      break;
    }
    if (QUOTE_CLOSES[c] === 1 || c === JU || c === DOU) return false;
  }
  if (open < 0) return false;
  for (let k = end; k < Math.min(blockEnd, end + 12); k++) {
    const c = codeAt(text, k) & 0xffff;
    if (QUOTE_CLOSES[c] === 1) return k > end || open < start - 1;
    if (c === OPEN_DOUBLE || c === JU) return false;
  }
  return false;
}

const OPEN_ROUND = code('〔');
const CLOSE_ROUND = code('〕');
const OPEN_LENTICULAR = code('【');
const CLOSE_LENTICULAR = code('】');
const YEAR_BEFORE_WORDS = /^ ?(?:percent|per cent|jobs|people|persons|workers)/i;

/**
 * Numbers that are not quantities, judged by what stands around them:
 * 第一批 (ordinal), 2023年 (year), 9月14日 (date), A-1 and COVID-19 (codes),
 * 〔2018〕59号 (a document number), (202) 691-6378 (a phone number).
 */
function classifyContext(text: string, i: number, numeral: NumeralMatch, blockStart: number, end: number): Draft | undefined {
  const q = numeral.end;
  // The character before the number, within the block (-1 at its start), and the one after (NaN at the end of the text).
  const prev = i > blockStart ? codeAt(text, i - 1) : -1;
  const next = codeAt(text, q);
  const chinese = numeral.chinese;
  const plainInteger = !chinese && numeral.decimals === 0 && !numeral.grouped && !numeral.scaled;

  if (prev === DI) return nonQuantity(i - 1, q, numeral.start, numeral.end, numeral.value, 'ordinal');
  if (!chinese && ordinalSuffixAt(text, q)) return nonQuantity(i, q + 2, numeral.start, numeral.end, numeral.value, 'ordinal');
  // Codes: letters or a letter-dash right before (A-1, COVID-19, GB/T 15835), letters right after (5G).
  let wordBefore = '';
  if (!chinese) {
    if (isLatinLetter(prev) || ((prev === 0x2d || prev === 0x2f || prev === 0x2e) && i - 2 >= blockStart && isLatinLetter(codeAt(text, i - 2)))) return nonQuantity(i, q, numeral.start, numeral.end, numeral.value, 'code');
    if (isLatinLetter(next) && !unitAbbreviationAt(text, q)) return nonQuantity(i, skipWordEnd(text, q, end), numeral.start, numeral.end, numeral.value, 'code');
    if (prev === 0x20 && previousWordMayBeListed(text, i - 1, blockStart)) {
      wordBefore = previousWord(text, i - 1, blockStart);
      if (REFERENCE_WORDS.has(wordBefore) || STANDARD_WORDS.has(wordBefore)) return nonQuantity(i, q, numeral.start, numeral.end, numeral.value, 'code');
    }
    // Phone numbers: 691-6378, (202) 691-6378.
    if (next === 0x2d && plainInteger && q - i >= 3 && asciiDigitsAt(text, q + 1, 4) && !isAsciiDigit(codeAt(text, q + 5))) return nonQuantity(i, q + 5, numeral.start, numeral.end, numeral.value, 'code');
    if (prev === 0x28 && next === 0x29 && codeAt(text, q + 1) === 0x20 && asciiDigitsAt(text, q + 2, 3) && codeAt(text, q + 5) === 0x2d && asciiDigitsAt(text, q + 6, 4)) {
      return nonQuantity(i, q, numeral.start, numeral.end, numeral.value, 'code');
    }
    if (prev === OPEN_ROUND || prev === 0x5b || prev === OPEN_LENTICULAR) {
      if (next === CLOSE_ROUND || next === 0x5d || next === CLOSE_LENTICULAR) return nonQuantity(i, q, numeral.start, numeral.end, numeral.value, 'code');
    }
  }
  if (next === HAO && prev !== YUE) return nonQuantity(i, q + 1, numeral.start, numeral.end, numeral.value, 'code');
  // Years: 2023年, 二〇二三年, and bare 1900–2100 in English or before a non-unit.
  const value = numeral.value;
  const yearLike = (plainInteger && q - i === 4) || (chinese && numeral.digitSequence && q - i === 4);
  if (yearLike && value >= 1000 && value <= 2100 && next === NIAN) return nonQuantity(i, q + 1, numeral.start, numeral.end, value, 'year');
  if (yearLike && value >= 1900 && value <= 2100 && !numeral.digitSequence) {
    if (!matchCnUnit(text, q) && !YEAR_BEFORE_WORDS.test(text.slice(q, q + 9)) && next !== 0x25 && next !== DUO && next !== YU) return nonQuantity(i, q, numeral.start, numeral.end, value, 'year');
  }
  // Months and days.
  const integer = (plainInteger || (chinese && !numeral.digitSequence)) && value >= 1 && Number.isInteger(value);
  if (integer && value <= 12 && next === YUE && codeAt(text, i - 1) !== GE) return nonQuantity(i, q + 1, numeral.start, numeral.end, value, 'date');
  if (integer && value <= 31 && (next === RI || next === HAO) && prev === YUE) return nonQuantity(i, q + 1, numeral.start, numeral.end, value, 'date');
  if (integer && value <= 31 && next === RI && !isCjk(codeAt(text, q + 1))) return nonQuantity(i, q + 1, numeral.start, numeral.end, value, 'date');
  // wordBefore was read above under the same condition (not Chinese, a space before), or is '' when it
  // can be no month.
  if (!chinese && prev === 0x20 && MONTHS.has(stripFinalDot(wordBefore))) {
    return nonQuantity(i, q, numeral.start, numeral.end, value, value > 31 ? 'year' : 'date');
  }
  return undefined;
}

/** st, nd, rd, th (any case) at `q`, not followed by a word character (as `^(?:st|nd|rd|th)\b` reads three characters). */
function ordinalSuffixAt(text: string, q: number): boolean {
  const a = asciiLower(codeAt(text, q));
  const b = asciiLower(codeAt(text, q + 1));
  const suffix = (a === 0x73 && b === 0x74) || (a === 0x6e && b === 0x64) || (a === 0x72 && b === 0x64) || (a === 0x74 && b === 0x68);
  return suffix && !isRegexWordChar(codeAt(text, q + 2));
}

/**
 * km, kg, kW, MW, GW, mm, cm (exact case) on their own, or m² followed by a
 * word character, at `q`: as `^(?:km|kg|kW|MW|GW|mm|cm|m²)\b` reads the
 * three characters there. A unit after the number, not a code like 5G.
 */
function unitAbbreviationAt(text: string, q: number): boolean {
  const a = codeAt(text, q);
  const b = codeAt(text, q + 1);
  const after = codeAt(text, q + 2);
  // m² ends on a non-word character, so \b there needs a word character after it.
  if (a === 0x6d && b === 0xb2) return isRegexWordChar(after);
  // km kg kW, MW GW, mm cm
  const pair = (a === 0x6b && (b === 0x6d || b === 0x67 || b === 0x57)) || ((a === 0x4d || a === 0x47) && b === 0x57) || ((a === 0x6d || a === 0x63) && b === 0x6d);
  return pair && !isRegexWordChar(after);
}

/** `count` ASCII digits from `at`. */
function asciiDigitsAt(text: string, at: number, count: number): boolean {
  for (let k = at; k < at + count; k++) if (!isAsciiDigit(codeAt(text, k))) return false;
  return true;
}

function stripFinalDot(word: string): string {
  return word.length > 0 && word.charCodeAt(word.length - 1) === 0x2e ? word.slice(0, -1) : word;
}

function nonQuantity(start: number, end: number, numberStart: number, numberEnd: number, value: number, kind: FigureKind): Draft {
  return makeDraft(start, end, numberStart, numberEnd, value, '', kind, undefined, undefined, 1, false, false);
}

/** Letters, dots and slashes: a word before a number such as "Table", "fig.", "GB/T". */
function isWordBeforePart(c: number): boolean {
  return isLatinLetter(c) || c === 0x2e || c === 0x2f;
}

/** Where the word (letters . /, at most 16 characters) ending at `endExclusive` starts. */
function previousWordStart(text: string, endExclusive: number, blockStart: number): number {
  let k = endExclusive;
  while (k > blockStart && endExclusive - k < 16 && isWordBeforePart(text.charCodeAt(k - 1))) k--;
  return k;
}

/** The word (letters . /) ending at `endExclusive`, lower-cased, without a final dot; '' when there is none. */
function previousWord(text: string, endExclusive: number, blockStart: number): string {
  const k = previousWordStart(text, endExclusive, blockStart);
  if (k === endExclusive) return '';
  return stripFinalDot(text.slice(k, endExclusive).toLowerCase());
}

/** Reference words, standards and months: what classifyContext looks for in the word before a number. */
const WORDS_BEFORE_SHAPES = shapesOf([...REFERENCE_WORDS, ...STANDARD_WORDS, ...MONTHS]);

/**
 * Whether the word before a number may be a reference word, a standard or a
 * month, as classifyContext reads it: none of those ends with a dot, so the
 * word with one final dot stripped can only be a reference word or a
 * standard when it has no second one, and then it is the word with up to
 * two final dots stripped, which must have the shape of a listed word.
 */
function previousWordMayBeListed(text: string, endExclusive: number, blockStart: number): boolean {
  const k = previousWordStart(text, endExclusive, blockStart);
  let core = endExclusive;
  if (core > k && text.charCodeAt(core - 1) === 0x2e) core--;
  if (core > k && text.charCodeAt(core - 1) === 0x2e) core--;
  return hasShape(WORDS_BEFORE_SHAPES, text, k, core);
}

function skipWordEnd(text: string, q: number, end: number): number {
  let k = q;
  while (k < end) {
    const c = text.charCodeAt(k);
    if (!(isLatinLetter(c) || isAsciiDigit(c))) break;
    k++;
  }
  return k;
}

// Anchored, bounded and without the g flag (so exec keeps no state between calls).
const YEAR_FIRST_DATE = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/;
const MONTH_FIRST_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/;
const CLOCK_TIME = /^(\d{1,2})[:：](\d{2})(?![\d:])/;
const AM_PM = /^ ?[ap]\.m\./i;

/** 2023-09-14, 2023/9/14, 2023.09.14, 5/17/2018, 15:36, 8:30 a.m. */
function readDateOrTime(text: string, i: number, end: number): Draft | undefined {
  if (digitAt(text, i) < 0 || (i > 0 && digitAt(text, i - 1) >= 0)) return undefined;
  // Cheap look before the patterns: a separator must follow one, two or four digits.
  let digits = 0;
  while (digits < 5 && digitAt(text, i + digits) >= 0) digits++;
  const separator = codeAt(text, i + digits);
  // Only the one pattern that the digit count and the separator allow: number-dense text (1-1-1-…)
  // reaches here at every number.
  const yearFirst = digits === 4 && (separator === 0x2d || separator === 0x2f || separator === 0x2e);
  const monthFirst = digits <= 2 && separator === 0x2f;
  const clock = digits <= 2 && (separator === 0x3a || separator === 0xff1a);
  if (!yearFirst && !monthFirst && !clock) return undefined;
  const slice = text.slice(i, Math.min(end, i + 16));
  let m = yearFirst ? YEAR_FIRST_DATE.exec(slice) : null;
  if (m && Number(m[3]) >= 1 && Number(m[3]) <= 12) return dateDraft(i, m[0].length, Number(m[1]), 'date');
  m = monthFirst ? MONTH_FIRST_DATE.exec(slice) : null;
  if (m) return dateDraft(i, m[0].length, Number(m[3]), 'date');
  m = clock ? CLOCK_TIME.exec(slice) : null;
  if (m && Number(m[1]) <= 24 && Number(m[2]) < 60) {
    const suffix = AM_PM.exec(text.slice(i + m[0].length, i + m[0].length + 6));
    return dateDraft(i, m[0].length + (suffix ? suffix[0].length : 0), roundSignificant(Number(m[1]) + Number(m[2]) / 60), 'time', m[0].length);
  }
  return undefined;
}

function dateDraft(i: number, length: number, value: number, kind: FigureKind, numberLength = length): Draft {
  return makeDraft(i, i + length, i, i + numberLength, value, '', kind, undefined, undefined, 1, false, false);
}

interface PerBase {
  /** What one part is worth in percent: 百分之 → 1, 千分之 → 0.1, 百万分之 → 0.0001. */
  readonly factor: number;
  /** Offset of the number after 分之. */
  readonly numberAt: number;
  readonly unit: string;
}

/** 百分之, 千分之, 万分之, 百万分之, 亿分之 … at `p`: a share written out in words. */
function perBaseAt(text: string, p: number, end: number): PerBase | undefined {
  if (cnUnitAt(text, p) < 100) return undefined;
  let k = p;
  let base = 1;
  // The scales of a share: 百 佰 千 仟 万 萬 亿 億 (every Chinese unit from 百 up).
  while (k < end && k - p < 3) {
    const scale = cnUnitAt(text, k);
    if (scale < 100) break;
    base *= scale;
    k++;
  }
  if (k === p || base < 100 || codeAt(text, k) !== FEN || codeAt(text, k + 1) !== ZHI) return undefined;
  const unit = base === 100 ? '%' : base === 1000 ? '‰' : base === 1e4 ? '‱' : text.slice(p, k + 2);
  return { factor: 100 / base, numberAt: k + 2, unit };
}

const BAI = code('百');
const BAI_FINANCIAL = code('佰');

/** 百分之九十九点四 → 99.4%; 千分之二点四 → 0.24%; 万分之三 → 0.03%; 百分之百 → 100%. */
function readPerFraction(text: string, start: number, per: PerBase, end: number, blockStart: number): Draft | undefined {
  const at = per.numberAt;
  // 百分之二三十: "twenty or thirty percent", a rough range.
  if (isApproximatePair(text, at)) return skip(parseNumeral(text, at + 1, end)?.end ?? at + 2);
  let numeral = parseNumeral(text, at, end);
  // 百分之百: 百 alone is no number anywhere else.
  const head = codeAt(text, at);
  if (!numeral && per.factor === 1 && (head === BAI || head === BAI_FINANCIAL) && cnDigitAt(text, at + 1) < 0) {
    numeral = { start: at, end: at + 1, value: 100, lastDigitUnit: 1, decimals: 0, scaled: false, chinese: true, single: false, digitSequence: false, approximate: false, grouped: false, negative: false };
  }
  if (!numeral || numeral.time) return undefined;
  // 将近百分之三十七, 约百分之三十, 百分之三十左右: a share written out is qualified like any figure.
  const after = qualifierAfter(text, numeral.end);
  const qualifier = after && after.qualifier !== 'more-than' ? after.qualifier : qualifierBefore(text, start, blockStart);
  const value = roundSignificant(numeral.value * per.factor);
  const precision = numeral.lastDigitUnit * per.factor;
  const draft = makeDraft(start, numeral.end, numeral.start, numeral.end, value, per.unit, 'percent', undefined, qualifier, precision, true, false);
  // 将近百分之三十七 is at most 37, 超过百分之三十 at least 30: what is left open is read as for digits.
  if ((qualifier === 'more-than' || qualifier === 'nearly') && cnApproxBefore(text, start, blockStart)) draft.approx = approxPlace(value, precision, false, false);
  return draft;
}

/** 二分之一 and 3分之1 at `k`, for the part after 又. */
function readCnFraction(text: string, k: number, end: number): { value: number; end: number; precision: number } | undefined {
  const denominator = parseNumeral(text, k, end);
  if (!denominator || denominator.value <= 0 || !text.startsWith('分之', denominator.end)) return undefined;
  const numerator = parseNumeral(text, denominator.end + 2, end);
  if (!numerator || numerator.value < 0) return undefined;
  return { value: numerator.value / denominator.value, end: numerator.end, precision: numerator.lastDigitUnit / denominator.value };
}

function isSlash(c: number): boolean {
  return c === 0x2f || c === 0xff0f;
}

/** A simple fraction of small integers at `at`: 3/4, 11/12 (not 1/2/3, 24/7, 2023/24). */
function simpleFraction(text: string, at: number, end: number): { numerator: number; denominator: number; end: number } | undefined {
  const numerator = parseArabic(text, at, Math.min(end, at + 4));
  if (!numerator || numerator.decimals > 0 || numerator.grouped || numerator.end - at > 3) return undefined;
  if (!isSlash(codeAt(text, numerator.end))) return undefined;
  const denominator = parseArabic(text, numerator.end + 1, Math.min(end, numerator.end + 5));
  if (!denominator || denominator.decimals > 0 || denominator.grouped || denominator.end - numerator.end - 1 > 3 || denominator.value === 0) return undefined;
  // 1/2/3 is a list or a date; 24/7 is "all the time".
  if (isSlash(codeAt(text, denominator.end)) || digitAt(text, denominator.end) >= 0 || (numerator.value === 24 && denominator.value === 7)) return undefined;
  return { numerator: numerator.value, denominator: denominator.value, end: denominator.end };
}

/**
 * 3/4 and the mixed 1 3/5 (one or two spaces). Both parts are small
 * integers: 2023/24 is a season and 5/17/2018 a date, read elsewhere.
 */
function readSlashFraction(text: string, numeral: NumeralMatch, end: number): { value: number; end: number } | undefined {
  const next = codeAt(text, numeral.end);
  // With a space after the number (the common case: "5 jobs") the number is no numerator: its digits
  // read again end at that space, or run on as a group or a decimal, which a numerator may not.
  if (next !== 0x20) {
    const own = simpleFraction(text, numeral.start + (digitAt(text, numeral.start) >= 0 ? 0 : 1), end);
    if (own && own.numerator >= 0) return { value: own.numerator / own.denominator, end: own.end };
  }
  // A whole number, one or two spaces, then a fraction: 1 3/5.
  if (numeral.end - numeral.start > 4 || next !== 0x20) return undefined;
  const at = codeAt(text, numeral.end + 1) === 0x20 ? numeral.end + 2 : numeral.end + 1;
  if (digitAt(text, at) < 0) return undefined;
  const part = simpleFraction(text, at, end);
  if (!part) return undefined;
  return { value: Math.abs(numeral.value) + part.numerator / part.denominator, end: part.end };
}

/** "minus " or "negative " (any case) at `i`: the length, or 0. */
function signWordLength(text: string, i: number): number {
  if (wordAtIgnoringCase(text, i, 'minus ')) return 6;
  if (wordAtIgnoringCase(text, i, 'negative ')) return 9;
  return 0;
}

const DURATION_AFTER = /^-(?:year|month|week|day|hour)/;

function readEnglishWords(text: string, i: number, blockStart: number, end: number, negated = false): Draft | undefined {
  // "minus 5", "negative one": a sign written as a word.
  const signLength = negated ? 0 : signWordLength(text, i);
  if (signLength > 0) {
    const at = i + signLength;
    const inner = digitAt(text, at) >= 0 ? readFigure(text, at, at, end) : readEnglishWords(text, at, blockStart, end, true);
    if (!inner || inner.kind === SKIP || NON_QUANTITY_KINDS.has(inner.kind)) return inner ? skip(inner.end) : undefined;
    return makeDraft(i, inner.end, i, inner.numberEnd, roundSignificant(-inner.value), inner.unit, inner.kind, inner.noun, inner.qualifier, inner.precision, inner.rounded, true);
  }
  const parsed = parseEnglishNumber(text, i, end);
  if (!parsed) return undefined;
  const value = parsed.value;
  const q = parsed.end;
  let kind: QuantityKind = parsed.fraction ? 'fraction' : 'plain';
  let unitText = '';
  let figureEnd = q;
  const unit = englishUnitAt(text, q, end);
  if (unit) {
    kind = unit.unit.kind;
    unitText = unit.unit.text;
    figureEnd = unit.end;
  }
  let noun: string | undefined;
  if (kind === 'plain') {
    noun = englishNounAfter(text, q, end);
    if (noun) kind = 'count';
  }
  // "one" alone is mostly a pronoun or the article ("the one you mentioned"), but not after "minus".
  if (parsed.justOne && kind !== 'percent' && !negated) return skip(q);
  if (codeAt(text, q) === 0x2d && DURATION_AFTER.test(text.slice(q, q + 7))) return skip(q);
  const qualifier = qualifierBefore(text, i, blockStart);
  const precision = parsed.fraction ? 0 : parsed.decimals > 0 ? 10 ** -parsed.decimals : parsed.denominator > 0 ? parsed.lastScale / parsed.denominator : parsed.lastScale;
  const rounded = parsed.fraction || kind === 'percent' || parsed.lastScale >= 1e3 || parsed.decimals > 0;
  return makeDraft(i, figureEnd, i, q, roundSignificant(value), unitText, kind, noun || undefined, qualifier || undefined, precision, rounded, false);
}

/** 6.5%-7%, 5至8个: the first figure takes the second's unit, and both are marked as a range. */
function linkRange(text: string, figures: Figure[], draft: Draft): void {
  // The scan loop links only drafts that become figures (never a skip).
  if (figures.length === 0) return;
  const previous = figures[figures.length - 1]! as { -readonly [K in keyof Figure]: Figure[K] };
  // At most three characters between: most figures are further apart, and then nothing is sliced.
  const gap = draft.start - previous.span.end;
  if (gap <= 0 || gap > 3) return;
  const between = text.slice(previous.span.end, draft.start);
  if (between.length === 0 || between.length > 3 || !RANGE_CONNECTORS.has(between.trim()) && between.trim() !== 'to') return;
  if (previous.kind !== 'plain' && previous.kind !== draft.kind) return;
  if (NON_QUANTITY_KINDS.has(draft.kind)) return;
  const kind = previous.kind === 'plain' ? draft.kind : previous.kind;
  const unit = previous.unit === '' ? draft.unit : previous.unit;
  // In place: the figure is this call's own, made by toFigure just before. Keys keep their order
  // (range, new, goes last), as a copy with the same keys would have them.
  previous.kind = kind;
  previous.unit = unit;
  previous.range = 'start';
  draft.range = 'end';
}

function toFigure(text: string, draft: Draft): Figure {
  const span: TextSpan = { start: draft.start, end: draft.end };
  const interval: readonly [number, number] =
    draft.approx > 0
      ? draft.qualifier === 'nearly'
        ? [roundSignificant(draft.value - draft.approx), draft.value]
        : [draft.value, roundSignificant(draft.value + draft.approx)]
      : draft.rounded && draft.precision > 0
        ? halfUnitInterval(draft.value, Math.abs(draft.precision))
        : exactInterval(draft.value);
  // Optional fields are set only when present (no `undefined` keys), without spreading temporary objects.
  const figure: { -readonly [K in keyof Figure]: Figure[K] } = {
    text: detached(text.slice(draft.start, draft.end)),
    value: draft.value,
    unit: draft.unit,
    kind: draft.kind,
    span,
    numberSpan: { start: draft.numberStart, end: draft.numberEnd },
    interval,
  };
  if (draft.noun) figure.noun = draft.noun;
  if (draft.qualifier) figure.qualifier = draft.qualifier;
  if (draft.signed) figure.signed = true;
  if (draft.range) figure.range = draft.range;
  return figure;
}

