/** Character classes shared by the parser and, later, the figure scanner. */

/** The UTF-16 code unit of a one-unit character: `code('第')`. */
export function code(ch: string): number {
  return ch.charCodeAt(0);
}

/** A table with a 1 for each of `chars` (single UTF-16 code units), indexed by code unit. */
export function flags(chars: Iterable<string>): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const ch of chars) table[code(ch)] = 1;
  return table;
}

/** Text as read from a file, without the byte order mark some editors write first. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function isHorizontalSpace(code: number): boolean {
  // space, tab, ideographic space (U+3000), no-break space, BOM (treated as blank at line start)
  return code === 0x20 || code === 0x09 || code === 0x3000 || code === 0xa0 || code === 0xfeff;
}

export function isCjk(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) || // CJK unified ideographs
    (code >= 0x3400 && code <= 0x4dbf) || // extension A
    (code >= 0xf900 && code <= 0xfaff) || // compatibility ideographs
    (code >= 0xd840 && code <= 0xd87f) // high surrogates of the supplementary ideographic plane (𠮷)
  );
}

/** Full-width forms (digits, letters, punctuation) and CJK punctuation. */
export function isWide(code: number): boolean {
  return isCjk(code) || (code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xffef);
}

export function isLatinLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

export function isUpperLatin(code: number): boolean {
  return code >= 0x41 && code <= 0x5a;
}

export function isLowerLatin(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}

/** [0-9A-Za-z]: what a whole-word match of a Latin name must not touch. */
export function isAsciiWordChar(code: number): boolean {
  return isAsciiDigit(code) || isLatinLetter(code);
}

export function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Sentence-final marks of Chinese text: 。！？；… and their ASCII cousins ! ? ; */
export function isSentenceFinal(code: number): boolean {
  return (
    code === 0x3002 /* 。 */ ||
    code === 0xff01 /* ！ */ ||
    code === 0xff1f /* ？ */ ||
    code === 0xff1b /* ； */ ||
    code === 0x2026 /* … */ ||
    code === 0x21 /* ! */ ||
    code === 0x3f /* ? */ ||
    code === 0x3b /* ; */ ||
    code === 0xff0e /* ． */
  );
}

/** Closing quotes and brackets that stay with the sentence they close. */
export function isClosingMark(code: number): boolean {
  return CLOSING_TABLE[code] === 1;
}

/** ” ’ 」 』 ） ) " ' 》 】: the marks isClosingMark takes (tables built from them loop over these, not over every code). */
export const CLOSING_MARKS: readonly number[] = [0x201d, 0x2019, 0x300d, 0x300f, 0xff09, 0x29, 0x22, 0x27, 0x300b, 0x3011];
const CLOSING_TABLE = new Uint8Array(0x10000);
for (const code of CLOSING_MARKS) CLOSING_TABLE[code] = 1;

/**
 * Display weight of a run of text for "is this line short" decisions: a CJK
 * character counts 1, anything narrower counts ½. Stops counting at `cap` so
 * that asking about a 10 MB line costs no more than asking about a short one.
 */
export function displayWeight(text: string, start: number, end: number, cap = Infinity): number {
  let weight = 0;
  for (let i = start; i < end && weight <= cap; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) continue; // low surrogate: counted with its pair
    weight += isWide(code) ? 1 : 0.5;
  }
  return weight;
}

/** Converts full-width ASCII variants (０-９, Ａ-Ｚ, ．) to ASCII; other characters unchanged. */
export function toHalfWidth(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : text[i];
  }
  return out;
}

/** Whether a UTF-16 unit is whitespace as \s and trim() take it. */
export function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}
