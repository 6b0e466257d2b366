import type { Heading, NumberingStyle, Paragraph, ReportDocument, Section } from '../model';
import { detached } from '../text/spans';
import { matchMarker } from '../parser/numbering';
import { blockIdentity } from '../parser/parse';
import type { HeadingSequenceRelation, SequenceMarker } from './types';

/** A heading's sequence number: its own numbering, or the number inside a Markdown heading (## 4. Sales). */
interface Numbered {
  readonly heading: Heading;
  /** Runs are told apart by this key (a Markdown heading's level is part of it). */
  readonly style: string;
  readonly value: number;
  readonly path: readonly number[];
  readonly marker: SequenceMarker;
}

/** An open run of sibling headings of one numbering style, and the number it expects next. */
interface Run {
  readonly style: string;
  previous: Numbered;
  expected: number;
}

/**
 * Numbered headings among siblings must count up by one: 一、二、四 skips 三,
 * （一）（一） repeats. What is never a skip: a run that restarts at 1 after
 * reaching 2 or more (a new list, whose parent heading may stand unrecognised
 * in running text), a
 * heading that continues an earlier run of its style (the same style used at
 * two levels: 一、 … 一、二、三 … 二、), and a jump over a heading that is
 * written in the text but not recognised as one (a numbered item inside a
 * paragraph) — a heading is judged by the same rule wherever it stands.
 */
export function findHeadingSequences(doc: ReportDocument): HeadingSequenceRelation[] {
  const relations: HeadingSequenceRelation[] = [];
  const items = numberedParagraphs(doc);
  // The numbered paragraphs (一、…；二、…) between `from` and `to`: items of the list that stands there.
  const between = (from: number, to: number): Heading[] => {
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (items[mid]!.span.start < from) lo = mid + 1;
      else hi = mid;
    }
    const found: Heading[] = [];
    for (let k = lo; k < items.length && items[k]!.span.start < to; k++) found.push(items[k]!);
    return found;
  };
  const visit = (sections: readonly Section[], own: readonly Heading[]): void => {
    const runs: Run[] = [];
    for (const item of own) check(doc, item, runs, relations);
    for (const section of sections) {
      check(doc, section.heading, runs, relations);
      const bodyEnd = section.children[0]?.heading.span.start ?? section.span.end;
      visit(section.children, between(section.heading.span.end, bodyEnd));
    }
  };
  visit(doc.sections, between(0, doc.sections[0]?.heading.span.start ?? doc.text.length));
  return relations;
}

/**
 * Paragraphs that open with a numbering marker (一、…；二、… written as paragraphs, not
 * headings): they count in sequence like headings do, a heading being judged by the same
 * rule wherever it stands. Each is given the shape of a heading for the relation.
 */
function numberedParagraphs(doc: ReportDocument): Heading[] {
  const items: Heading[] = [];
  for (const paragraph of doc.paragraphs) {
    if (paragraph.runInHeading) continue;
    const item = numberedItem(doc, paragraph);
    if (item) items.push(item);
  }
  return items;
}

/** What makes a paragraph a numbered item, relative to its start: read once while its block's text stays the same. */
interface NumberedReading {
  readonly style: NumberingStyle;
  readonly value: number;
  readonly path: readonly number[];
  readonly markerLength: number;
  readonly name: string;
}

/** By the parser's identity of a block (blockIdentity): its reading as a numbered item, null for none. */
const numberedReadings = new WeakMap<object, NumberedReading | null>();

function numberedItem(doc: ReportDocument, paragraph: Paragraph): Heading | undefined {
  const key = blockIdentity(doc, paragraph.block);
  let reading = key && numberedReadings.get(key);
  if (reading === undefined) {
    reading = numberedReading(doc, paragraph);
    if (key) numberedReadings.set(key, reading);
  }
  if (!reading) return undefined;
  const start = paragraph.span.start;
  const numbering = { style: reading.style, value: reading.value, path: reading.path, span: { start, end: start + reading.markerLength } };
  // A paragraph starts where its block does, on the block's first line: no search of the line index.
  return { name: reading.name, span: { start, end: start + reading.name.length }, rank: Number.MAX_SAFE_INTEGER, numbering, runIn: false, line: doc.blocks[paragraph.block]!.firstLine, block: paragraph.block };
}

function numberedReading(doc: ReportDocument, paragraph: Paragraph): NumberedReading | null {
  const start = paragraph.span.start;
  // The paragraph's first line, from the line index: searching the text for its end reads the whole paragraph.
  const lineEnd = doc.lines.lineEnd(doc.blocks[paragraph.block]!.firstLine);
  const marker = matchMarker(doc.text, start, Math.min(lineEnd, paragraph.span.end));
  if (!marker || !numberedStyle(marker.style)) return null;
  const name = detached(doc.text.slice(start, Math.min(paragraph.span.end, start + 24)));
  return { style: marker.style, value: marker.value, path: marker.path, markerLength: marker.markerEnd - start, name };
}

function numberedOf(doc: ReportDocument, heading: Heading): Numbered | undefined {
  const numbering = heading.numbering;
  if (!numbering) return undefined;
  if (numberedStyle(numbering.style)) return { heading, style: numbering.style, value: numbering.value, path: numbering.path, marker: { style: numbering.style, span: numbering.span } };
  if (numbering.style !== 'markdown' && numbering.style !== 'setext') return undefined;
  // A Markdown heading numbered in its words: its runs are per level (## 1. … ## 2.), apart from other numbering.
  const inner = matchMarker(doc.text, heading.span.start, heading.span.end + 1);
  if (!inner || !numberedStyle(inner.style)) return undefined;
  return { heading, style: `${numbering.style}${heading.rank}:${inner.style}`, value: inner.value, path: inner.path, marker: { style: inner.style, span: { start: heading.span.start, end: inner.markerEnd } } };
}

function check(doc: ReportDocument, heading: Heading, runs: Run[], out: HeadingSequenceRelation[]): void {
  const numbering = numberedOf(doc, heading);
  if (!numbering) return;
  // The innermost open run of this style with the same dotted prefix.
  let at = -1;
  for (let k = runs.length - 1; k >= 0; k--) {
    if (runs[k]!.style === numbering.style && samePrefix(runs[k]!.previous, numbering)) {
      at = k;
      break;
    }
  }
  // 一 after a run that reached 二 or more starts a new list; 一 right after 一 repeats it.
  if (at < 0 || (numbering.value === 1 && runs[at]!.expected > 2)) {
    runs.push({ style: numbering.style, previous: numbering, expected: numbering.value + 1 });
    return;
  }
  // Continues an outer run: the inner runs of this style end here.
  for (let k = at; k >= 0; k--) {
    const run = runs[k]!;
    if (run.style === numbering.style && run.expected === numbering.value && samePrefix(run.previous, numbering)) {
      runs.length = k + 1;
      run.previous = numbering;
      run.expected = numbering.value + 1;
      return;
    }
  }
  const run = runs[at]!;
  const skippedOverUnrecognised = numbering.value > run.expected && writtenBetween(doc, run.previous.heading, heading, numbering.style, run.expected, numbering.value);
  if (!skippedOverUnrecognised) out.push({ type: 'heading-sequence', heading, previous: run.previous.heading, marker: numbering.marker, previousMarker: run.previous.marker, expected: run.expected, consistent: false });
  // Continue from the number written, so one skip is reported once, not at every later heading.
  run.previous = numbering;
  run.expected = numbering.value + 1;
}

/**
 * Whether a marker of `style` numbered from `from` up to (not including) `to`
 * is written between two headings at the start of a line or a sentence: a
 * heading the parser did not take as one, so the numbering does not skip.
 */
function writtenBetween(doc: ReportDocument, a: Heading, b: Heading, style: string, from: number, to: number): boolean {
  const { text } = doc;
  for (let i = a.span.end; i < b.span.start; i++) {
    const before = text[i - 1];
    if (before !== '\n' && before !== '。' && before !== '；' && before !== '：' && before !== '\u3000' && before !== ' ' && before !== '\t') continue;
    const marker = matchMarker(text, i, Math.min(b.span.start, i + 64));
    if (marker && (marker.style === style || style.endsWith(`:${marker.style}`)) && marker.value >= from && marker.value < to) return true;
  }
  return false;
}

function numberedStyle(style: string): boolean {
  return style !== 'markdown' && style !== 'setext' && style !== 'caps' && style !== 'unnumbered';
}

/** 1.1 and 1.2 are siblings; 1.2 and 2.1 are not. */
function samePrefix(a: Numbered, b: Numbered): boolean {
  const pa = a.path;
  const pb = b.path;
  if (pa.length !== pb.length) return false;
  for (let i = 0; i < pa.length - 1; i++) if (pa[i] !== pb[i]) return false;
  return true;
}
