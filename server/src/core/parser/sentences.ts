import type { TextSpan } from '../model';
import { CLOSING_MARKS, isClosingMark, isHorizontalSpace, isUpperLatin } from '../text/chars';

/**
 * Character classes by code, for the per-character loop (a typed-array lookup
 * instead of Set lookups: sentence splitting touches every character of a report).
 */
const CJK_FINAL_MARK = 1;
const LATIN_FINAL_MARK = 2;
const DOT = 3;
const CLOSING = 4;
const CLASS = new Uint8Array(0x10000);
for (const code of [0x3002 /* 。 */, 0xff01 /* ！ */, 0xff1f /* ？ */, 0xff1b /* ； */, 0x2026 /* … */]) CLASS[code] = CJK_FINAL_MARK;
for (const code of [0x21 /* ! */, 0x3f /* ? */, 0x3b /* ; */]) CLASS[code] = LATIN_FINAL_MARK;
CLASS[0x2e] = DOT;
// Over the marks themselves, not every code: a 64K-step loop at start-up runs in the interpreter, several ms each.
for (const code of CLOSING_MARKS) if (CLASS[code] === 0) CLASS[code] = CLOSING;
/** Words after which a period does not end a sentence. */
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'no', 'nos', 'vs', 'etc', 'e.g', 'i.e', 'a.m', 'p.m', 'u.s', 'st', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'fig', 'approx', 'inc', 'corp', 'ltd', 'co']);

function isSpace(code: number): boolean {
  return isHorizontalSpace(code) || code === 10 || code === 13;
}

/**
 * Splits text into sentences at 。！？；… and at . ! ? ; followed by a space.
 * A period inside a number (3.5), after an initial (U.S.) or after a common
 * abbreviation does not end a sentence. Closing quotes stay with their sentence.
 */
export function splitSentences(text: string, start: number, end: number): TextSpan[] {
  const sentences: TextSpan[] = [];
  let sentenceStart = skipSpace(text, start, end);
  while (sentenceStart < end) {
    const boundary = sentenceBoundary(text, sentenceStart, end);
    if (boundary < 0) break;
    sentences.push({ start: sentenceStart, end: boundary });
    sentenceStart = skipSpace(text, boundary, end);
  }
  const last = trimSpaceEnd(text, sentenceStart, end);
  if (last > sentenceStart) sentences.push({ start: sentenceStart, end: last });
  return sentences;
}

/** End (exclusive, final mark and closing quotes included) of the sentence starting at `from`; -1 if it runs to `end`. */
function sentenceBoundary(text: string, from: number, end: number): number {
  for (let i = from; i < end; i++) {
    const kind = CLASS[text.charCodeAt(i)]!;
    if (kind === 0 || kind === CLOSING) continue;
    if (kind === CJK_FINAL_MARK) return consumeTrailing(text, i + 1, end);
    if (kind === LATIN_FINAL_MARK || endsLatinSentence(text, from, i, end)) {
      const after = consumeTrailing(text, i + 1, end);
      if (after >= end || isSpace(text.charCodeAt(after))) return after;
    }
  }
  return -1;
}

/** Skips repeated final marks (……, ！？) and closing quotes or brackets. */
function consumeTrailing(text: string, from: number, end: number): number {
  let i = from;
  while (i < end) {
    const kind = CLASS[text.charCodeAt(i)]!;
    if (kind === CJK_FINAL_MARK || kind === LATIN_FINAL_MARK || kind === CLOSING) i++;
    else break;
  }
  return i;
}

function endsLatinSentence(text: string, sentenceStart: number, dot: number, end: number): boolean {
  const next = dot + 1 < end ? text.charCodeAt(dot + 1) : -1;
  if (next !== -1 && !isSpace(next) && !isClosingMark(next)) return false; // 3.5, U.S., www.bls.gov
  let wordStart = dot;
  const limit = Math.max(sentenceStart, dot - 12); // abbreviations are short; bounds the scan on hostile text
  while (wordStart > limit && !isSpace(text.charCodeAt(wordStart - 1)) && text.charCodeAt(wordStart - 1) !== 0x28) wordStart--;
  const word = text.slice(wordStart, dot);
  if (word.length === 1 && isUpperLatin(word.charCodeAt(0))) return false; // an initial
  return !ABBREVIATIONS.has(word.toLowerCase());
}

function skipSpace(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  return i;
}

function trimSpaceEnd(text: string, start: number, end: number): number {
  let i = end;
  while (i > start && isSpace(text.charCodeAt(i - 1))) i--;
  return i;
}

/** End of the first sentence in [start, end) (its final mark included); -1 when the text holds one sentence only. */
export function firstSentenceEnd(text: string, start: number, end: number): number {
  const boundary = sentenceBoundary(text, skipSpace(text, start, end), end);
  if (boundary < 0 || boundary >= trimSpaceEnd(text, start, end)) return -1;
  return boundary;
}
