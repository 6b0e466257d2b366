import type { Block, BlockKind, Heading, MetadataEntry, Paragraph, ReportDocument, Section, TextSpan, Title } from '../model';
import { extractFigures } from '../figures/scanner';
import type { Figure } from '../figures/figure';
import { LineIndex } from '../text/lineIndex';
import { linkVersions } from '../versions';
import { groupBlocks, type RawBlock } from './blocks';
import { atxHeading, capsHeading, isCapsLine, numberedHeading, setextHeading, titleCandidate, unnumberedCandidate, type HeadingDraft } from './headings';
import { METADATA, scanLines, type LineInfo } from './lines';
import { RANK } from './numbering';
import { splitSentences } from './sentences';

interface Classified {
  kind: BlockKind;
  heading?: HeadingDraft | undefined;
}

/**
 * Parses report text into its model. Pure and linear in the text's length:
 * every pattern runs on a bounded prefix of a line, and every line is looked
 * at a fixed number of times, so a 10 MB single line costs what 10 MB of
 * short lines cost.
 */
export function parse(text: string, previous?: ReportDocument): ReportDocument {
  const lines = new LineIndex(text);
  const infos = scanLines(text, lines);
  const raw = groupBlocks(text, infos);
  const classes = classify(text, raw, infos);

  const blocks: Block[] = [];
  const headings: Heading[] = [];
  const paragraphs: Paragraph[] = [];
  const metadata: MetadataEntry[] = [];
  let title: Title | undefined;
  raw.forEach((block, index) => {
    const { kind, heading: draft } = classes[index]!;
    blocks.push({ kind, span: { start: block.start, end: block.end }, firstLine: block.firstLine, lastLine: block.lastLine, blankBefore: block.blankBefore, blankAfter: block.blankAfter });
    const heading = draft && toHeading(draft, index);
    if (heading) headings.push(heading);
    if (kind === 'title' && heading) title = { heading, subtitle: undefined };
    if (kind === 'subtitle' && title) title = { ...title, subtitle: { start: block.start, end: block.end } };
    if (kind === 'metadata') metadata.push(metadataEntry(text, infos[block.firstLine]!));
    if (kind === 'paragraph' || kind === 'list-item') {
      const bodyStart = draft?.bodyStart ?? block.start;
      paragraphs.push({
        span: { start: block.start, end: block.end },
        body: { start: bodyStart, end: block.end },
        sentences: splitSentences(text, bodyStart, block.end),
        block: index,
        runInHeading: heading,
      });
    }
  });
  const sections = buildSections(headings, blocks);
  const cache = new Map<string, CachedFigures>();
  const figures = blockFigures(text, blocks, headings, cache, previous ? figureCaches.get(previous) : undefined);
  const doc: ReportDocument = { text, lines, blocks, title, metadata, headings, paragraphs, sections, figures };
  figureCaches.set(doc, cache);
  linkVersions(doc, previous);
  return doc;
}

/**
 * Figures of each block, relative to the block's start, keyed by the block's
 * text: the next version of the document reuses them for every block an edit
 * did not touch, so an edit re-scans only the paragraphs it changed.
 */
const figureCaches = new WeakMap<ReportDocument, Map<string, CachedFigures>>();

interface CachedFigures {
  /** Where the block started when its figures were found: reuse shifts them by the difference. */
  readonly start: number;
  readonly figures: readonly Figure[];
}

/** Blocks larger than this are not cached: a huge single-line block is re-scanned, not copied. */
const MAX_CACHED_BLOCK = 64_000;

/** Figures block by block; a heading's own number (一、, 1.) is numbering, not a figure. */
function blockFigures(text: string, blocks: readonly Block[], headings: readonly Heading[], cache: Map<string, CachedFigures>, previous: Map<string, CachedFigures> | undefined): Figure[] {
  const figures: Figure[] = [];
  let next = 0;
  blocks.forEach((block, index) => {
    if (block.kind === 'rule') return;
    let start = block.span.start;
    while (next < headings.length && headings[next]!.block < index) next++;
    const heading = headings[next];
    if (heading && heading.block === index && heading.numbering) start = heading.numbering.span.end;
    if (block.span.end - block.span.start > MAX_CACHED_BLOCK) {
      for (const figure of extractFigures(text, start, block.span.end)) figures.push(figure);
      return;
    }
    // The key includes the scan start: the same text as a heading skips its numbering.
    const key = `${start - block.span.start}\u0000${text.slice(block.span.start, block.span.end)}`;
    const found = previous?.get(key) ?? cache.get(key);
    const delta = found ? block.span.start - found.start : 0;
    const blockFigures = found ? (delta === 0 ? found.figures : found.figures.map((figure) => shift(figure, delta))) : extractFigures(text, start, block.span.end);
    cache.set(key, { start: block.span.start, figures: blockFigures });
    for (const figure of blockFigures) figures.push(figure);
  });
  return figures;
}

function shift(figure: Figure, delta: number): Figure {
  return {
    ...figure,
    span: { start: figure.span.start + delta, end: figure.span.end + delta },
    numberSpan: { start: figure.numberSpan.start + delta, end: figure.numberSpan.end + delta },
  };
}

function toHeading(draft: HeadingDraft, block: number): Heading {
  const { bodyStart: _bodyStart, ...heading } = draft;
  return { ...heading, block };
}

function classify(text: string, raw: readonly RawBlock[], infos: readonly LineInfo[]): Classified[] {
  const classes: Classified[] = raw.map((block) => classifyBlock(text, block, infos[block.firstLine]!));
  markTitle(text, raw, infos, classes);
  const structured = classes.some((c) => c.heading !== undefined && c.kind !== 'title');
  if (!structured) markUnnumbered(text, raw, infos, classes);
  return classes;
}

function classifyBlock(text: string, block: RawBlock, info: LineInfo): Classified {
  switch (block.lead) {
    case 'metadata':
      return { kind: 'metadata' };
    case 'rule':
    case 'setext-underline':
      return { kind: 'rule' };
    case 'atx': {
      const heading = atxHeading(text, info);
      return { kind: heading ? 'heading' : 'paragraph', heading };
    }
    case 'bullet':
      return { kind: 'list-item' };
    case 'marker': {
      if (block.setextLevel > 0) return { kind: 'heading', heading: setextHeading(text, block, info) };
      const heading = numberedHeading(text, block, info);
      return { kind: heading && !heading.runIn ? 'heading' : 'paragraph', heading };
    }
    default: {
      if (block.setextLevel > 0) return { kind: 'heading', heading: setextHeading(text, block, info) };
      if (block.firstLine === block.lastLine && block.blankBefore && block.blankAfter && isCapsLine(text, info)) {
        return { kind: 'heading', heading: capsHeading(text, info, RANK.caps) };
      }
      return { kind: 'paragraph' };
    }
  }
}

/** The first block may be the title, and a `——…` line right under it its subtitle. */
function markTitle(text: string, raw: readonly RawBlock[], infos: readonly LineInfo[], classes: Classified[]): void {
  const first = raw.findIndex((block) => block.lead !== 'rule');
  if (first < 0) return;
  const block = raw[first]!;
  const info = infos[block.firstLine]!;
  if (info.kind === 'atx' && raw.some((other, i) => i !== first && other.lead === 'atx' && infos[other.firstLine]!.level === 1)) return;
  const heading = titleCandidate(text, block, info);
  if (!heading) return;
  classes[first] = { kind: 'title', heading };
  const next = raw[first + 1];
  if (next && next.lead === 'dash' && next.firstLine === next.lastLine) classes[first + 1] = { kind: 'subtitle' };
}

function markUnnumbered(text: string, raw: readonly RawBlock[], infos: readonly LineInfo[], classes: Classified[]): void {
  for (let i = 1; i < raw.length - 1; i++) {
    if (classes[i]!.kind !== 'paragraph' || !isBody(classes[i - 1]!) || classes[i + 1]!.kind !== 'paragraph') continue;
    const heading = unnumberedCandidate(text, raw[i]!, infos[raw[i]!.firstLine]!);
    if (heading) classes[i] = { kind: 'heading', heading };
  }
}

function isBody(c: Classified): boolean {
  return c.kind === 'paragraph' || c.kind === 'list-item' || c.kind === 'metadata';
}

function metadataEntry(text: string, info: LineInfo): MetadataEntry {
  const line = text.slice(info.contentStart, info.contentEnd);
  const match = METADATA.exec(line)!;
  const key = match[1]!;
  const keyStart = info.contentStart + match[0].indexOf(key);
  const valueStart = info.contentStart + match[0].length;
  return {
    key,
    value: text.slice(valueStart, info.contentEnd),
    keySpan: { start: keyStart, end: keyStart + key.length },
    valueSpan: { start: valueStart, end: info.contentEnd },
    line: info.line,
  };
}

interface OpenSection {
  heading: Heading;
  children: Section[];
}

/** Nests headings by rank: a heading closes every open section of the same or a lower rank. */
function buildSections(headings: readonly Heading[], blocks: readonly Block[]): Section[] {
  const roots: Section[] = [];
  const stack: OpenSection[] = [];
  const close = (open: OpenSection, endBlock: number): void => {
    const section = makeSection(open, blocks, endBlock);
    const parent = stack[stack.length - 1];
    (parent ? parent.children : roots).push(section);
  };
  for (const heading of headings) {
    while (stack.length > 0 && stack[stack.length - 1]!.heading.rank >= heading.rank) close(stack.pop()!, heading.block - 1);
    stack.push({ heading, children: [] });
  }
  while (stack.length > 0) close(stack.pop()!, blocks.length - 1);
  return roots;
}

function makeSection(open: OpenSection, blocks: readonly Block[], endBlock: number): Section {
  const first = blocks[open.heading.block]!;
  const last = blocks[Math.max(endBlock, open.heading.block)]!;
  const span: TextSpan = { start: first.span.start, end: last.span.end };
  return { heading: open.heading, span, firstLine: first.firstLine, lastLine: last.lastLine, children: open.children };
}
