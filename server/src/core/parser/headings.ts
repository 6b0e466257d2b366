import type { Heading } from '../model';
import { displayWeight, isClosingMark, isHorizontalSpace, isLowerLatin, isUpperLatin } from '../text/chars';
import { isShortLine, type RawBlock } from './blocks';
import type { LineInfo } from './lines';
import { rankOf, RANK } from './numbering';
import { firstSentenceEnd } from './sentences';
import { detached } from '../text/spans';

/** A run-in heading's first sentence may weigh this much (a CJK character weighs 1, Latin ½). */
const RUN_IN_WEIGHT = 50;
/** Unnumbered headings are short: at most this weight. */
const UNNUMBERED_WEIGHT = 40;
const TITLE_WEIGHT = 60;

export type HeadingDraft = Omit<Heading, 'block'> & {
  /** For a run-in heading, where the paragraph's body starts. */
  readonly bodyStart?: number;
};

/** Trailing punctuation not shown in a heading's name: 。；;. ：: and spaces. */
export function trimHeadingEnd(text: string, start: number, end: number): number {
  let i = end;
  while (i > start) {
    const code = text.charCodeAt(i - 1);
    if (isHorizontalSpace(code) || code === 0x3002 || code === 0xff1b || code === 0x3b || code === 0x2e || code === 0xff0e) i--;
    else break;
  }
  return i;
}

function draft(text: string, start: number, end: number, rank: number, info: LineInfo, numbering: Heading['numbering'], runIn = false): HeadingDraft | undefined {
  const nameEnd = trimHeadingEnd(text, start, end);
  if (nameEnd <= start) return undefined;
  return { name: detached(text.slice(start, nameEnd)), span: { start, end: nameEnd }, rank, numbering, runIn, line: info.line };
}

/** `# Heading` → the words, closing #s dropped. */
export function atxHeading(text: string, info: LineInfo): HeadingDraft | undefined {
  let start = info.contentStart + info.level;
  while (start < info.contentEnd && isHorizontalSpace(text.charCodeAt(start))) start++;
  let end = info.contentEnd;
  const closing = /[ \t]#+$/.exec(text.slice(start, end));
  if (closing) end -= closing[0].length;
  return draft(text, start, end, RANK.markdown + info.level, info, { style: 'markdown', value: info.level, path: [info.level], span: { start: info.contentStart, end: info.contentStart + info.level } });
}

export function setextHeading(text: string, block: RawBlock, info: LineInfo): HeadingDraft | undefined {
  return draft(text, info.contentStart, info.contentEnd, RANK.setext + block.setextLevel, info, undefined);
}

/**
 * A numbered line is a heading when it is short and stands alone, or when its
 * first sentence is short and the rest of the paragraph follows it (a run-in
 * heading: `（一）加强宏观调控，促进平稳发展。我们实行…`).
 */
export function numberedHeading(text: string, block: RawBlock, info: LineInfo): HeadingDraft | undefined {
  const marker = info.marker!;
  const rank = rankOf(marker.style, marker.path);
  const numbering = { style: marker.style, value: marker.value, path: marker.path, span: { start: info.contentStart, end: marker.markerEnd } };
  if (block.firstLine === block.lastLine && isShortLine(text, info) && acceptsStandalone(text, info)) {
    const sentenceEnd = firstSentenceEnd(text, marker.textStart, info.contentEnd);
    if (sentenceEnd < 0) return draft(text, info.contentStart, info.contentEnd, rank, info, numbering);
  }
  // Run-in: the first sentence, looked for only near the start so long lines cost nothing extra.
  const searchEnd = Math.min(block.end, marker.textStart + RUN_IN_WEIGHT * 2 + 8);
  const sentenceEnd = firstSentenceEnd(text, marker.textStart, searchEnd);
  if (sentenceEnd < 0 || sentenceEnd >= block.end) return undefined;
  if (displayWeight(text, marker.textStart, sentenceEnd, RUN_IN_WEIGHT) > RUN_IN_WEIGHT) return undefined;
  if (!info.cjk && !latinRunInLooksLikeHeading(text, marker.textStart, sentenceEnd)) return undefined;
  const heading = draft(text, info.contentStart, sentenceEnd, rank, info, numbering, true);
  return heading && { ...heading, bodyStart: sentenceEnd };
}

/** A standalone numbered line in English must not read as a full sentence ending in a period. */
function acceptsStandalone(text: string, info: LineInfo): boolean {
  if (info.cjk) return true;
  return !info.endsSentence || displayWeight(text, info.contentStart, info.contentEnd, 20) <= 20;
}

/** "1. Scope. This release…" — a run-in English heading is a few capitalised words. */
function latinRunInLooksLikeHeading(text: string, start: number, end: number): boolean {
  const words = text.slice(start, end).trim().split(/\s+/);
  return words.length <= 8 && isUpperLatin(text.charCodeAt(start));
}

/** An ALL-CAPS line such as `THE EMPLOYMENT SITUATION -- MARCH 2023`. */
export function isCapsLine(text: string, info: LineInfo): boolean {
  if (info.cjk || !isShortLine(text, info)) return false;
  let upper = 0;
  for (let i = info.contentStart; i < info.contentEnd; i++) {
    const code = text.charCodeAt(i);
    if (isLowerLatin(code)) return false;
    if (isUpperLatin(code)) upper++;
  }
  return upper >= 4;
}

export function capsHeading(text: string, info: LineInfo, rank: number): HeadingDraft | undefined {
  return draft(text, info.contentStart, info.contentEnd, rank, info, undefined);
}

/** The first block can be the report's title: a short line that does not end a sentence. */
export function titleCandidate(text: string, block: RawBlock, info: LineInfo): HeadingDraft | undefined {
  if (block.firstLine !== block.lastLine && block.setextLevel === 0) return undefined;
  if (info.kind === 'atx') return info.level === 1 ? { ...atxHeading(text, info)!, rank: 0 } : undefined;
  if (block.setextLevel === 1) return { ...setextHeading(text, block, info)!, rank: 0 };
  if (info.kind !== 'text' && info.kind !== 'dash') return undefined;
  if (info.endsSentence || info.endsWithColon) return undefined;
  if (displayWeight(text, info.contentStart, info.contentEnd, TITLE_WEIGHT) > TITLE_WEIGHT) return undefined;
  return draft(text, info.contentStart, info.contentEnd, 0, info, undefined);
}

/**
 * Unnumbered section headings, as news summaries use them: a short line, set
 * off by blank lines, without sentence-final punctuation, between paragraphs.
 * `春华秋实，岁物丰成。` ends with 。 and stays a paragraph.
 */
export function unnumberedCandidate(text: string, block: RawBlock, info: LineInfo): HeadingDraft | undefined {
  if (block.firstLine !== block.lastLine || !block.blankBefore || !block.blankAfter) return undefined;
  if (info.kind !== 'text' || info.endsSentence || info.endsWithColon) return undefined;
  const last = text.charCodeAt(info.contentEnd - 1);
  if (last === 0xff0c /* ， */ || last === 0x2c || last === 0x3001 /* 、 */ || isClosingMark(last)) return undefined;
  const weight = displayWeight(text, info.contentStart, info.contentEnd, UNNUMBERED_WEIGHT);
  if (weight > UNNUMBERED_WEIGHT || weight < 3) return undefined;
  return draft(text, info.contentStart, info.contentEnd, RANK.unnumbered, info, undefined);
}
