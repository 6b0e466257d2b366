/**
 * The figure scanner: finds every number in a stretch of report text and
 * decides what it is — a count of things, money, a percentage, a measure…
 * or a number that is not a quantity (a date, a year, an ordinal, a code).
 *
 * Hand-written for speed and for control over what is NOT a figure: one
 * pass over the text, and only where a digit, a Chinese numeral, a currency
 * sign or an English number word starts does it look around.
 */
import type { TextSpan } from '../model';
import { isCjk, isLatinLetter } from '../text/chars';
import { andFractionAt, parseEnglishNumber, startsEnglishNumber } from './englishNumbers';
import { NON_QUANTITY_KINDS, type Figure, type FigureKind, type Qualifier, type QuantityKind } from './figure';
import { exactInterval, halfUnitInterval, roundSignificant } from './interval';
import { cnUnitAt, digitAt, isApproximatePair, isCnDigit, isCnDigitCode, isFinancialOnly, parseArabic, parseNumeral, type NumeralMatch } from './numerals';
import { CN_NOUN_STOPS, EN_NOT_NOUNS, EN_SCALES, matchCnUnit, matchEnUnit, type UnitInfo } from './units';

const CURRENCY_SIGNS: Readonly<Record<string, string>> = { $: '$', '€': '€', '£': '£', '¥': '¥', '￥': '¥' };
const SIGNS = new Set(['+', '-', '−', '－', '＋']);
const RANGE_CONNECTORS = new Set(['-', '~', '～', '至', '到', '—', '–', '－', '－']);
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
const REFERENCE_WORDS = new Set(['table', 'tables', 'chart', 'charts', 'figure', 'figures', 'fig', 'section', 'sections', 'article', 'articles', 'no', 'nos', 'page', 'pages', 'p', 'pp', 'item', 'items', 'appendix', 'annex', 'version', 'v', 'line', 'lines', 'exhibit', 'box', 'route', 'room', 'grade', 'level', 'phase', 'stage', 'tier', 'chapter', 'part', 'rule', 'schedule', 'form']);
/** After 成, these characters make a word (成为, 成果 …), not a percentage. */
const CHENG_WORDS = new Set('为果效本员立熟长就功绩交品都型份片批套年人材绩色败分像');
const CN_QUALIFIERS_BEFORE: readonly [string, Qualifier][] = [
  ['不少于', 'at-least'], ['不低于', 'at-least'], ['不超过', 'at-most'], ['不高于', 'at-most'], ['大约', 'about'], ['大概', 'about'],
  ['将近', 'nearly'], ['接近', 'nearly'], ['超过', 'more-than'], ['多于', 'more-than'], ['高于', 'more-than'], ['不到', 'less-than'],
  ['不足', 'less-than'], ['低于', 'less-than'], ['少于', 'less-than'], ['至少', 'at-least'], ['最多', 'at-most'], ['约', 'about'],
  ['近', 'nearly'], ['逾', 'more-than'], ['超', 'more-than'],
];
const CN_QUALIFIERS_AFTER: readonly [string, Qualifier][] = [['左右', 'about'], ['上下', 'about'], ['以上', 'at-least'], ['以下', 'at-most'], ['以内', 'at-most'], ['多', 'more-than'], ['余', 'more-than']];
const EN_QUALIFIERS_BEFORE: readonly [string, Qualifier][] = [
  ['more than', 'more-than'], ['less than', 'less-than'], ['fewer than', 'less-than'], ['at least', 'at-least'], ['at most', 'at-most'],
  ['up to', 'at-most'], ['close to', 'nearly'], ['about', 'about'], ['around', 'about'], ['approximately', 'about'], ['roughly', 'about'],
  ['nearly', 'nearly'], ['almost', 'nearly'], ['some', 'about'], ['over', 'more-than'], ['above', 'more-than'], ['under', 'less-than'],
  ['below', 'less-than'], ['exceeding', 'more-than'],
];
const EN_ORDINAL_SUFFIX = /^(?:st|nd|rd|th)\b/i;

interface Draft {
  start: number;
  end: number;
  numberStart: number;
  numberEnd: number;
  value: number;
  unit: string;
  kind: FigureKind;
  noun?: string;
  qualifier?: Qualifier;
  /** Place value of the last written digit in the figure's value unit. */
  precision: number;
  /** Whether the stated precision, not the exact value, is what the number means. */
  rounded: boolean;
  signed: boolean;
}

/** Every figure in text[start, end), in order. */
export function extractFigures(text: string, start = 0, end = text.length): Figure[] {
  const figures: Figure[] = [];
  let i = start;
  while (i < end) {
    const code = text.charCodeAt(i);
    // Most characters cannot start a figure: one table look-up decides that.
    if (START_CLASS[code] === 0) {
      i++;
      continue;
    }
    // Digits in a web address (…?q=30%25) are not figures.
    if ((code === 0x68 || code === 0x77) && !(i > start && isWordChar(text.charCodeAt(i - 1)))) {
      const url = urlEnd(text, i, end);
      if (url > i) {
        i = url;
        continue;
      }
    }
    if (!mayStartFigure(text, code, i, end)) {
      i++;
      continue;
    }
    const draft = readFigure(text, i, start, end);
    if (!draft) {
      i++;
      continue;
    }
    linkRange(text, figures, draft);
    if (draft.kind !== ('skip' as FigureKind)) figures.push(toFigure(text, draft));
    i = Math.max(draft.end, i + 1);
  }
  return figures;
}

function isWordChar(code: number): boolean {
  return isLatinLetter(code) || (code >= 0x30 && code <= 0x39) || code === 0x2f /* / */ || code === 0x2e /* . */;
}

/** Where a web address starting at `i` (http://, https://, www.) ends, or `i` when there is none. */
function urlEnd(text: string, i: number, end: number): number {
  // Cheap look first: this is asked at every English word that starts with h or w.
  const second = text.charCodeAt(i + 1) | 0x20;
  if (second !== 0x74 /* t */ && second !== 0x77 /* w */) return i;
  const head = text.slice(i, i + 8).toLowerCase();
  if (!(head.startsWith('http://') || head.startsWith('https://') || head.startsWith('www.'))) return i;
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
  return digitAt(text, i + 1) >= 0 && !(i > 0 && (digitAt(text, i - 1) >= 0 || text[i - 1] === '.'));
}

function mayStartFigure(text: string, code: number, i: number, end: number): boolean {
  if ((code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19)) return true;
  if (code < 0x80) {
    if (code === 0x24 /* $ */) return digitAt(text, i + 1) >= 0;
    if (code === 0x2b || code === 0x2d /* + - */) return digitAt(text, i + 1) >= 0 || (text[i + 1] === '.' && digitAt(text, i + 2) >= 0);
    if (code === 0x2e /* . */) return isLeadingDecimalPoint(text, i);
    if (isLatinLetter(code)) return startsEnglishNumber(text, i, end);
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
for (const ch of ['十', '拾', '百', '佰', '千', '仟', '万', '萬', '负', '負', '半', ...Object.keys(CURRENCY_SIGNS), ...SIGNS, ...Object.keys(VULGAR_FRACTIONS)]) {
  if (ch.charCodeAt(0) >= 0x80) MAY_START[ch.charCodeAt(0)] = 1;
}

/**
 * Characters that may start a figure (or a web address to skip): digits,
 * signs, currency signs, Chinese numerals, and the first letters of English
 * number words (zero … twenty, a million, half, quarter, minus, negative) and
 * of http/www. Zero for everything else.
 */
const START_CLASS = new Uint8Array(0x10000);
for (let c = 0x30; c <= 0x39; c++) START_CLASS[c] = 1;
for (let c = 0xff10; c <= 0xff19; c++) START_CLASS[c] = 1;
for (const ch of '$+-.aefhmnoqstwzAEFHMNOQSTWZ') START_CLASS[ch.charCodeAt(0)] = 1;
for (let c = 0x80; c < 0x10000; c++) if (MAY_START[c] === 1 || isCnDigitCode(c)) START_CLASS[c] = 1;

const SKIP = 'skip' as FigureKind;

function skip(end: number): Draft {
  return { start: end, end, numberStart: end, numberEnd: end, value: 0, unit: '', kind: SKIP, precision: 1, rounded: false, signed: false };
}

function readFigure(text: string, i: number, blockStart: number, end: number): Draft | undefined {
  const code = text.charCodeAt(i);
  if (isLatinLetter(code)) return readEnglishWords(text, i, blockStart, end);

  // Dates and times first: their digits would otherwise read as decimals (2023.09.14).
  const dateTime = readDateOrTime(text, i, end);
  if (dateTime) return dateTime;

  let p = i;
  let currency: string | undefined;
  let signed = false;
  let negative = false;
  if (code < 0x3000 || code >= 0xff00) {
    const sign = text[p]!;
    if (CURRENCY_SIGNS[sign] !== undefined) {
      currency = CURRENCY_SIGNS[sign];
      p++;
    }
  }
  if (isSignCode(text.charCodeAt(p))) {
    if (!isSignPosition(text, p, blockStart)) return undefined;
    signed = true;
    negative = text[p] !== '+' && text[p] !== '＋';
    p++;
    if (currency === undefined && CURRENCY_SIGNS[text[p]!] !== undefined) {
      currency = CURRENCY_SIGNS[text[p]!];
      p++;
    }
  }

  // 百分之五, 千分之二点四, 百万分之五: percent, per mille and smaller shares written out.
  const per = perBaseAt(text, p, end);
  if (per) return readPerFraction(text, i, per, end);

  const headCode = text.charCodeAt(p);
  const vulgar = headCode === 0xbc || headCode === 0xbd || headCode === 0xbe || (headCode >= 0x2153 && headCode <= 0x215e) ? VULGAR_FRACTIONS[text[p]!] : undefined;
  if (vulgar !== undefined) {
    if (p > 0 && isLatinLetter(text.charCodeAt(p - 1))) return undefined;
    const value = roundSignificant(negative ? -vulgar : vulgar);
    return { start: i, end: p + 1, numberStart: i, numberEnd: p + 1, value, unit: '', kind: 'fraction', precision: 0, rounded: false, signed };
  }
  // 半成 = 5%; 半成品 (semi-finished goods) is a word.
  if (headCode === 0x534a /* 半 */) {
    if (text[p + 1] !== '成' || CHENG_WORDS.has(text[p + 2] ?? '')) return undefined;
    return { start: i, end: p + 2, numberStart: p, numberEnd: p + 1, value: 5, unit: '成', kind: 'percent', precision: 5, rounded: true, signed: false };
  }
  // 二三十个, 七八千: a rough range, which no check should take for an exact number.
  if (isApproximatePair(text, p)) {
    const rest = readFigure(text, p + 1, blockStart, end);
    return skip(Math.max(rest ? rest.end : p + 2, p + 2));
  }

  const numeral = parseNumeral(text, p, end);
  if (!numeral) return undefined;
  if (numeral.time) return nonQuantity(i, numeral.end, numeral, 'time');
  // 192.168.1.2, 3.2.1, 1.10.4: addresses, section and version numbers, not decimals.
  if (numeral.decimals > 0 && !numeral.chinese && text[numeral.end] === '.' && digitAt(text, numeral.end + 1) >= 0) {
    let k = numeral.end;
    while (k < end && k - numeral.end < 64 && (text[k] === '.' || digitAt(text, k) >= 0) && !(text[k] === '.' && digitAt(text, k + 1) < 0)) k++;
    return nonQuantity(i, k, { ...numeral, end: k }, 'code');
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

  // 一又二分之一, 3又一千分之23: a whole number and a fraction.
  if (text[q] === '又') {
    const mixed = readCnFraction(text, q + 1, end);
    if (mixed) {
      const whole = Math.abs(value);
      const total = roundSignificant((whole + mixed.value) * (value < 0 ? -1 : 1));
      return { start: i, end: mixed.end, numberStart: i, numberEnd: mixed.end, value: total, unit: '', kind: 'fraction', precision: 0, rounded: false, signed };
    }
  }
  // 3/4, 1 3/5, -4/5: a fraction written with a slash.
  const slashNext = text.charCodeAt(q);
  const slash = (slashNext === 0x2f || slashNext === 0xff0f || slashNext === 0x20) && !numeral.chinese && numeral.decimals === 0 && !numeral.grouped ? readSlashFraction(text, numeral, end) : undefined;
  if (slash) {
    const total = roundSignificant(negative ? -slash.value : slash.value);
    return { start: i, end: slash.end, numberStart: i, numberEnd: slash.end, value: total, unit: '', kind: 'fraction', precision: 0, rounded: false, signed };
  }

  // X分之Y: a fraction.
  if (text.startsWith('分之', q)) {
    const denominator = numeral.value;
    const numerator = parseNumeral(text, q + 2, end);
    if (!numerator || denominator === 0) return skip(q + 2);
    const fraction = numerator.value / denominator;
    return finish(text, blockStart, { start: i, end: numerator.end, numberStart: i, numberEnd: numerator.end, value: roundSignificant(fraction), unit: '', kind: 'fraction', precision: 0, rounded: false, signed });
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
  if (text[q] === '成' && !CHENG_WORDS.has(text[q + 1] ?? '') && Math.abs(numeral.value) <= 10) {
    let endAt = q + 1;
    let extra = 0;
    if (text[endAt] === '半') {
      extra = 5;
      endAt++;
    }
    return finish(text, blockStart, { start: i, end: endAt, numberStart: p, numberEnd, value: roundSignificant(value * 10 + extra), unit: '成', kind: 'percent', precision: precision * 10, rounded: true, signed, ...(qualifier ? { qualifier } : {}) });
  }

  // Units: 多/余 may stand between the number and its unit (5000余人).
  let unitStart = q;
  if ((text[q] === '多' || text[q] === '余') && matchCnUnit(text, q + 1)) {
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
    if (!unit || isFinancialOnly(text[numeral.end - 1])) return skip(numeral.end);
    if (Math.abs(numeral.value) === 1 && (unit.kind === 'count' || unit.kind === 'measure')) return skip(unitEnd);
  }
  // 二三年 and 九五 are read digit by digit: a short year or a code, not a count.
  if (numeral.chinese && numeral.digitSequence && (!unit || unit.text === '年')) return skip(unitEnd);
  if (numeral.chinese && insideQuotedTerm(text, i, unitEnd, blockStart, end)) return skip(unitEnd);
  if (unit?.kind === 'percent' || unit?.kind === 'percentage-point' || unit?.kind === 'multiple') rounded = true;

  let figureEnd = unitEnd;
  const after = qualifierAfter(text, figureEnd);
  if (after) {
    qualifier = after.qualifier;
  }
  qualifier ??= qualifierBefore(text, i, blockStart);

  let noun: string | undefined;
  let unitText = currency ?? unit?.text ?? '';
  if (kind === 'count' && unit) noun = cnNounAfter(text, after ? after.end : figureEnd, end);
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

  return finish(text, blockStart, {
    start: i,
    end: figureEnd,
    numberStart: currency ? p : i,
    numberEnd,
    value: roundSignificant(value),
    unit: unitText,
    kind,
    ...(noun ? { noun } : {}),
    ...(qualifier ? { qualifier } : {}),
    precision,
    rounded,
    signed,
  });
}

function finish(_text: string, _blockStart: number, draft: Draft): Draft {
  return draft;
}

/** 人民币 after 元, and 角 (colloquially 毛) and 分 after a whole number of 元. */
function yuanTail(text: string, k: number, end: number, value: number): { end: number; value: number } | undefined {
  const start = k;
  if (text.startsWith('人民币', k) || text.startsWith('人民幣', k)) k += 3;
  let total = value;
  const digit = (at: number): number => {
    const d = digitAt(text, at);
    if (d >= 0) return digitAt(text, at + 1) >= 0 ? -1 : d;
    const cn = parseNumeral(text, at, Math.min(end, at + 1));
    return cn && cn.chinese ? cn.value : -1;
  };
  // 分 is a common character (分析, 分别): coins end where a word would go on.
  const endsHere = (at: number): boolean => at >= end || !isCjk(text.charCodeAt(at));
  if (Number.isInteger(value) && value >= 0) {
    let d = digit(k);
    if (d >= 0 && (text[k + 1] === '角' || text[k + 1] === '毛') && (endsHere(k + 2) || (digit(k + 2) >= 0 && text[k + 3] === '分'))) {
      total += d / 10;
      k += 2;
    }
    d = digit(k);
    if (d >= 0 && text[k + 1] === '分' && endsHere(k + 2)) {
      total += d / 100;
      k += 2;
    }
  }
  return k > start ? { end: k, value: roundSignificant(total) } : undefined;
}

function isSignCode(c: number): boolean {
  return c === 0x2b || c === 0x2d || c === 0x2212 || c === 0xff0d || c === 0xff0b;
}

/** + and - are signs only where a number starts: not in 6.5%-7%, A-1 or 2023-09. */
function isSignPosition(text: string, p: number, blockStart: number): boolean {
  if (p === blockStart) return true;
  const prev = text.charCodeAt(p - 1);
  return prev === 0x20 || prev === 0x28 /* ( */ || prev === 0x09 || prev === 0x0a || prev === 0x3000 || prev === 0xff08 /* （ */ || prev === 0x3a || prev === 0xff1a || prev === 0xff0c || prev === 0x2c;
}

/** One space, or a line break where a wrapped line puts the unit on the next line. */
const GAP = String.raw`(?: |\r?\n|\r)`;
const SCALE_AFTER = new RegExp(`^${GAP}(hundred|thousand|million|billion|trillion)\\b`, 'i');
const WORDS_AFTER = new RegExp(`^${GAP}([A-Za-z]+)(?: ([A-Za-z]+))?`);
const NOUN_AFTER = new RegExp(`^${GAP}([a-z][a-z-]{2,20})\\b`);

function englishScaleAt(text: string, q: number, end: number): { factor: number; end: number } | undefined {
  const match = SCALE_AFTER.exec(text.slice(q, Math.min(end, q + 13)));
  if (!match) return undefined;
  return { factor: EN_SCALES.get(match[1]!.toLowerCase())!, end: q + match[0].length };
}

/** Unit abbreviations written against the number (29km, 5kg, 300MW). */
const ATTACHED_UNIT = /^(?:km|kg|kwh|kw|mw|gw)(?![A-Za-z])/i;

function englishUnitAt(text: string, q: number, end: number): { unit: UnitInfo; end: number } | undefined {
  let k = q;
  // Every pattern below starts with a letter, a space, a line break or a hyphen: look before slicing.
  const first = text.charCodeAt(k);
  if (!(isLatinLetter(first) || first === 0x20 || first === 0x0a || first === 0x0d || first === 0x2d)) return undefined;
  const attached = ATTACHED_UNIT.exec(text.slice(k, Math.min(end, k + 4)));
  if (attached) {
    const match = matchEnUnit([attached[0]]);
    if (match) return { unit: match.unit, end: k + attached[0].length };
  }
  if (text[k] === '-' && /^-fold\b/.test(text.slice(k, k + 6))) return { unit: { text: 'fold', kind: 'multiple' }, end: k + 5 };
  const words = WORDS_AFTER.exec(text.slice(k, Math.min(end, k + 26)));
  if (!words) return undefined;
  const gap = words[0].length - words[1]!.length - (words[2] ? words[2].length + 1 : 0);
  const list = [words[1]!, ...(words[2] ? [words[2]] : [])];
  const match = matchEnUnit(list);
  if (!match) return undefined;
  const length = list.slice(0, match.words).join(' ').length;
  return { unit: match.unit, end: k + gap + length };
}

function englishNounAfter(text: string, q: number, end: number): string | undefined {
  const match = NOUN_AFTER.exec(text.slice(q, Math.min(end, q + 24)));
  if (!match) return undefined;
  const word = match[1]!;
  if (EN_NOT_NOUNS.has(word) || MONTHS.has(word)) return undefined;
  return word;
}

function cnNounAfter(text: string, q: number, end: number): string | undefined {
  let k = q;
  while (k < end && k - q < 6) {
    const ch = text[k]!;
    if (CN_NOUN_STOPS.has(ch) || !isCjk(ch.charCodeAt(0))) break;
    k++;
  }
  return k > q ? text.slice(q, k) : undefined;
}

function qualifierAfter(text: string, q: number): { qualifier: Qualifier; end: number } | undefined {
  for (const [word, qualifier] of CN_QUALIFIERS_AFTER) {
    if (!text.startsWith(word, q)) continue;
    // 多 and 余 qualify only as the last character before punctuation or a noun boundary: 100多个 is handled before units.
    if ((word === '多' || word === '余') && isCjk(text.charCodeAt(q + 1))) continue;
    return { qualifier, end: q + word.length };
  }
  return undefined;
}

/** Last characters of the Chinese qualifiers before a number: most numbers follow none of them. */
const CN_QUALIFIER_ENDS = new Set(CN_QUALIFIERS_BEFORE.map(([word]) => word.charCodeAt(word.length - 1)));

function qualifierBefore(text: string, i: number, blockStart: number): Qualifier | undefined {
  if (i > blockStart && CN_QUALIFIER_ENDS.has(text.charCodeAt(i - 1))) for (const [word, qualifier] of CN_QUALIFIERS_BEFORE) {
    const at = i - word.length;
    if (at >= blockStart && text.startsWith(word, at)) return qualifier;
  }
  if (text[i - 1] !== ' ') return undefined;
  const before = text.slice(Math.max(blockStart, i - 16), i).toLowerCase();
  for (const [phrase, qualifier] of EN_QUALIFIERS_BEFORE) {
    if (before.endsWith(` ${phrase} `) || before === `${phrase} `) return qualifier;
  }
  return undefined;
}

/** Inside “…” with other words around it: a slogan such as “两个确立”, not a count. */
function insideQuotedTerm(text: string, start: number, end: number, blockStart: number, blockEnd: number): boolean {
  let open = -1;
  for (let k = start - 1; k >= Math.max(blockStart, start - 12); k--) {
    const ch = text[k];
    if (ch === '“' || ch === '「' || ch === '『') {
      open = k;
      break;
    }
    if (ch === '”' || ch === '」' || ch === '』' || ch === '。' || ch === '，') return false;
  }
  if (open < 0) return false;
  for (let k = end; k < Math.min(blockEnd, end + 12); k++) {
    const ch = text[k];
    if (ch === '”' || ch === '」' || ch === '』') return k > end || open < start - 1;
    if (ch === '“' || ch === '。') return false;
  }
  return false;
}

/**
 * Numbers that are not quantities, judged by what stands around them:
 * 第一批 (ordinal), 2023年 (year), 9月14日 (date), A-1 and COVID-19 (codes),
 * 〔2018〕59号 (a document number), (202) 691-6378 (a phone number).
 */
function classifyContext(text: string, i: number, numeral: NumeralMatch, blockStart: number, end: number): Draft | undefined {
  const q = numeral.end;
  const prev = i > blockStart ? text[i - 1]! : '';
  const next = text[q] ?? '';
  const plainInteger = !numeral.chinese && numeral.decimals === 0 && !numeral.grouped && !numeral.scaled;
  const mk = (kind: FigureKind, endAt: number): Draft => nonQuantity(i, endAt, numeral, kind);

  if (prev === '第') return { ...mk('ordinal', q), start: i - 1 };
  if (!numeral.chinese && EN_ORDINAL_SUFFIX.test(text.slice(q, q + 3))) return mk('ordinal', q + 2);
  // Codes: letters or a letter-dash right before (A-1, COVID-19, GB/T 15835), letters right after (5G).
  if (!numeral.chinese) {
    const prevCode = prev.charCodeAt(0);
    if (prev && (isLatinLetter(prevCode) || ((prev === '-' || prev === '/' || prev === '.') && i - 2 >= blockStart && isLatinLetter(text.charCodeAt(i - 2))))) return mk('code', q);
    if (/^[A-Za-z]/.test(next) && !/^(?:km|kg|kW|MW|GW|mm|cm|m²)\b/.test(text.slice(q, q + 3))) return mk('code', skipWordEnd(text, q, end));
    if (prev === ' ') {
      const word = previousWord(text, i - 1, blockStart);
      if (REFERENCE_WORDS.has(word) || /^(?:gb|gb\/t|iso|db)$/.test(word)) return mk('code', q);
    }
    // Phone numbers: 691-6378, (202) 691-6378.
    if (/^-\d{4}(?!\d)/.test(text.slice(q, q + 6)) && plainInteger && q - i >= 3) return mk('code', q + 5);
    if (prev === '(' && next === ')' && /^\) \d{3}-\d{4}/.test(text.slice(q, q + 11))) return mk('code', q);
    if (prev === '〔' || prev === '[' || prev === '【') {
      if (next === '〕' || next === ']' || next === '】') return mk('code', q);
    }
  }
  if (next === '号' && prev !== '月') return mk('code', q + 1);
  // Years: 2023年, 二〇二三年, and bare 1900–2100 in English or before a non-unit.
  const yearLike = (plainInteger && q - i === 4) || (numeral.chinese && numeral.digitSequence && q - i === 4);
  if (yearLike && numeral.value >= 1000 && numeral.value <= 2100 && next === '年') return mk('year', q + 1);
  if (yearLike && numeral.value >= 1900 && numeral.value <= 2100 && !numeral.digitSequence) {
    if (!matchCnUnit(text, q) && !/^ ?(?:percent|per cent|jobs|people|persons|workers)/i.test(text.slice(q, q + 9)) && next !== '%' && next !== '多' && next !== '余') return mk('year', q);
  }
  // Months and days.
  const integer = (plainInteger || (numeral.chinese && !numeral.digitSequence)) && numeral.value >= 1 && Number.isInteger(numeral.value);
  if (integer && numeral.value <= 12 && next === '月' && text[i - 1] !== '个') return mk('date', q + 1);
  if (integer && numeral.value <= 31 && (next === '日' || next === '号') && prev === '月') return mk('date', q + 1);
  if (integer && numeral.value <= 31 && next === '日' && !isCjk(text.charCodeAt(q + 1))) return mk('date', q + 1);
  if (!numeral.chinese && prev === ' ' && MONTHS.has(previousWord(text, i - 1, blockStart).replace(/\.$/, ''))) {
    return mk(numeral.value > 31 ? 'year' : 'date', q);
  }
  return undefined;
}

function nonQuantity(start: number, end: number, numeral: NumeralMatch, kind: FigureKind): Draft {
  return { start, end, numberStart: numeral.start, numberEnd: numeral.end, value: numeral.value, unit: '', kind, precision: 1, rounded: false, signed: false };
}

function previousWord(text: string, endExclusive: number, blockStart: number): string {
  let k = endExclusive;
  while (k > blockStart && endExclusive - k < 16 && /[A-Za-z./]/.test(text[k - 1]!)) k--;
  return text.slice(k, endExclusive).toLowerCase().replace(/\.$/, '');
}

function skipWordEnd(text: string, q: number, end: number): number {
  let k = q;
  while (k < end && /[A-Za-z0-9]/.test(text[k]!)) k++;
  return k;
}

/** 2023-09-14, 2023/9/14, 2023.09.14, 5/17/2018, 15:36, 8:30 a.m. */
function readDateOrTime(text: string, i: number, end: number): Draft | undefined {
  if (digitAt(text, i) < 0 || (i > 0 && digitAt(text, i - 1) >= 0)) return undefined;
  // Cheap look before the patterns: a separator must follow one, two or four digits.
  let digits = 0;
  while (digits < 5 && digitAt(text, i + digits) >= 0) digits++;
  const separator = text[i + digits];
  // Only the one pattern that the digit count and the separator allow: number-dense text (1-1-1-…)
  // reaches here at every number.
  const yearFirst = digits === 4 && (separator === '-' || separator === '/' || separator === '.');
  const monthFirst = digits <= 2 && separator === '/';
  const clock = digits <= 2 && (separator === ':' || separator === '：');
  if (!yearFirst && !monthFirst && !clock) return undefined;
  const slice = text.slice(i, Math.min(end, i + 16));
  let m = yearFirst ? /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/.exec(slice) : null;
  if (m && Number(m[3]) >= 1 && Number(m[3]) <= 12) return dateDraft(i, m[0].length, Number(m[1]), 'date');
  m = monthFirst ? /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/.exec(slice) : null;
  if (m) return dateDraft(i, m[0].length, Number(m[3]), 'date');
  m = clock ? /^(\d{1,2})[:：](\d{2})(?![\d:])/.exec(slice) : null;
  if (m && Number(m[1]) <= 24 && Number(m[2]) < 60) {
    const suffix = /^ ?[ap]\.m\./i.exec(text.slice(i + m[0].length, i + m[0].length + 6));
    return dateDraft(i, m[0].length + (suffix ? suffix[0].length : 0), roundSignificant(Number(m[1]) + Number(m[2]) / 60), 'time', m[0].length);
  }
  return undefined;
}

function dateDraft(i: number, length: number, value: number, kind: FigureKind, numberLength = length): Draft {
  return { start: i, end: i + length, numberStart: i, numberEnd: i + numberLength, value, unit: '', kind, precision: 1, rounded: false, signed: false };
}

const PER_SCALES: Readonly<Record<string, number>> = { 百: 100, 佰: 100, 千: 1000, 仟: 1000, 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

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
  while (k < end && k - p < 3 && PER_SCALES[text[k]!] !== undefined) base *= PER_SCALES[text[k++]!]!;
  if (k === p || base < 100 || text[k] !== '分' || text[k + 1] !== '之') return undefined;
  const unit = base === 100 ? '%' : base === 1000 ? '‰' : base === 1e4 ? '‱' : text.slice(p, k + 2);
  return { factor: 100 / base, numberAt: k + 2, unit };
}

/** 百分之九十九点四 → 99.4%; 千分之二点四 → 0.24%; 万分之三 → 0.03%; 百分之百 → 100%. */
function readPerFraction(text: string, start: number, per: PerBase, end: number): Draft | undefined {
  const at = per.numberAt;
  // 百分之二三十: "twenty or thirty percent", a rough range.
  if (isApproximatePair(text, at)) return skip(parseNumeral(text, at + 1, end)?.end ?? at + 2);
  let numeral = parseNumeral(text, at, end);
  // 百分之百: 百 alone is no number anywhere else.
  if (!numeral && per.factor === 1 && (text[at] === '百' || text[at] === '佰') && !isCnDigit(text[at + 1])) {
    numeral = { start: at, end: at + 1, value: 100, lastDigitUnit: 1, decimals: 0, scaled: false, chinese: true, single: false, digitSequence: false, approximate: false, grouped: false, negative: false };
  }
  if (!numeral || numeral.time) return undefined;
  return {
    start,
    end: numeral.end,
    numberStart: numeral.start,
    numberEnd: numeral.end,
    value: roundSignificant(numeral.value * per.factor),
    unit: per.unit,
    kind: 'percent',
    precision: numeral.lastDigitUnit * per.factor,
    rounded: true,
    signed: false,
  };
}

/** 二分之一 and 3分之1 at `k`, for the part after 又. */
function readCnFraction(text: string, k: number, end: number): { value: number; end: number; precision: number } | undefined {
  const denominator = parseNumeral(text, k, end);
  if (!denominator || denominator.value <= 0 || !text.startsWith('分之', denominator.end)) return undefined;
  const numerator = parseNumeral(text, denominator.end + 2, end);
  if (!numerator || numerator.value < 0) return undefined;
  return { value: numerator.value / denominator.value, end: numerator.end, precision: numerator.lastDigitUnit / denominator.value };
}

/**
 * 3/4 and the mixed 1 3/5 (one or two spaces). Both parts are small
 * integers: 2023/24 is a season and 5/17/2018 a date, read elsewhere.
 */
function readSlashFraction(text: string, numeral: NumeralMatch, end: number): { value: number; end: number } | undefined {
  const simple = (at: number): { numerator: number; denominator: number; end: number } | undefined => {
    const numerator = parseArabic(text, at, Math.min(end, at + 4));
    if (!numerator || numerator.decimals > 0 || numerator.grouped || numerator.end - at > 3) return undefined;
    const slash = text[numerator.end];
    if (slash !== '/' && slash !== '／') return undefined;
    const denominator = parseArabic(text, numerator.end + 1, Math.min(end, numerator.end + 5));
    if (!denominator || denominator.decimals > 0 || denominator.grouped || denominator.end - numerator.end - 1 > 3 || denominator.value === 0) return undefined;
    // 1/2/3 is a list or a date; 24/7 is "all the time".
    const after = text[denominator.end];
    if (after === '/' || after === '／' || digitAt(text, denominator.end) >= 0 || (numerator.value === 24 && denominator.value === 7)) return undefined;
    return { numerator: numerator.value, denominator: denominator.value, end: denominator.end };
  };
  const own = simple(numeral.start + (digitAt(text, numeral.start) >= 0 ? 0 : 1));
  if (own && own.numerator >= 0) return { value: own.numerator / own.denominator, end: own.end };
  // A whole number, one or two spaces, then a fraction: 1 3/5.
  if (numeral.end - numeral.start > 4 || text[numeral.end] !== ' ') return undefined;
  const at = text[numeral.end + 1] === ' ' ? numeral.end + 2 : numeral.end + 1;
  if (digitAt(text, at) < 0) return undefined;
  const part = simple(at);
  if (!part) return undefined;
  return { value: Math.abs(numeral.value) + part.numerator / part.denominator, end: part.end };
}

function readEnglishWords(text: string, i: number, blockStart: number, end: number, negated = false): Draft | undefined {
  // "minus 5", "negative one": a sign written as a word.
  const sign = /^(?:minus|negative) /i.exec(text.slice(i, i + 9));
  if (sign && !negated) {
    const at = i + sign[0].length;
    const inner = digitAt(text, at) >= 0 ? readFigure(text, at, at, end) : readEnglishWords(text, at, blockStart, end, true);
    if (!inner || inner.kind === SKIP || NON_QUANTITY_KINDS.has(inner.kind)) return inner ? skip(inner.end) : undefined;
    return { ...inner, start: i, numberStart: i, value: roundSignificant(-inner.value), signed: true };
  }
  const parsed = parseEnglishNumber(text, i, end);
  if (!parsed) return undefined;
  let value = parsed.value;
  let q = parsed.end;
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
  if (text[q] === '-' && /^-(?:year|month|week|day|hour)/.test(text.slice(q, q + 7))) return skip(q);
  const qualifier = qualifierBefore(text, i, blockStart);
  return {
    start: i,
    end: figureEnd,
    numberStart: i,
    numberEnd: q,
    value: roundSignificant(value),
    unit: unitText,
    kind,
    ...(noun ? { noun } : {}),
    ...(qualifier ? { qualifier } : {}),
    precision: parsed.fraction ? 0 : parsed.decimals > 0 ? 10 ** -parsed.decimals : parsed.denominator > 0 ? parsed.lastScale / parsed.denominator : parsed.lastScale,
    rounded: parsed.fraction || kind === 'percent' || parsed.lastScale >= 1e3 || parsed.decimals > 0,
    signed: false,
  };
}

/** 6.5%-7%, 5至8个: the first figure takes the second's unit, and both are marked as a range. */
function linkRange(text: string, figures: Figure[], draft: Draft): void {
  const previous = figures[figures.length - 1];
  if (!previous || draft.kind === SKIP) return;
  const between = text.slice(previous.span.end, draft.start);
  if (between.length === 0 || between.length > 3 || !RANGE_CONNECTORS.has(between.trim()) && between.trim() !== 'to') return;
  if (previous.kind !== 'plain' && previous.kind !== draft.kind) return;
  if (draft.kind === 'date' || draft.kind === 'year' || draft.kind === 'time' || draft.kind === 'code' || draft.kind === 'ordinal') return;
  const kind = previous.kind === 'plain' ? draft.kind : previous.kind;
  const unit = previous.unit === '' ? draft.unit : previous.unit;
  figures[figures.length - 1] = { ...previous, kind, unit, range: 'start' };
  (draft as Draft & { range?: 'end' }).range = 'end';
}

function toFigure(text: string, draft: Draft): Figure {
  const span: TextSpan = { start: draft.start, end: draft.end };
  const interval = draft.rounded && draft.precision > 0 ? halfUnitInterval(draft.value, Math.abs(draft.precision)) : exactInterval(draft.value);
  const range = (draft as Draft & { range?: 'start' | 'end' }).range;
  // Optional fields are set only when present (no `undefined` keys), without spreading temporary objects.
  const figure: { -readonly [K in keyof Figure]: Figure[K] } = {
    text: text.slice(draft.start, draft.end),
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
  if (range) figure.range = range;
  return figure;
}

export { parseArabic };
