import type { Block, BlockKind, Heading, MetadataEntry, Paragraph, ReportDocument, Section, Table, TextFormat, TextSpan, Title } from '../model';
import { extractFigures } from '../figures/scanner';
import type { Figure } from '../figures/figure';
import { LineIndex } from '../text/lineIndex';
import { correspondingBlocks, linkVersions, unchangedBetween, type Unchanged } from '../versions';
import { groupBlocks, type RawBlock } from './blocks';
import { atxHeading, capsHeading, isCapsLine, numberedHeading, setextHeading, titleCandidate, unnumberedCandidate, type HeadingDraft } from './headings';
import { METADATA, scanLines, scanLinesEdited, type LineInfo } from './lines';
import { RANK } from './numbering';
import { splitSentences } from './sentences';
import { readMarkdown, type ChunkCache, type MarkdownBlock } from './markdown/read';
import { looksLikeMarkdown, looksLikeMarkdownAfterEdit } from './markdown/detect';

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
export function parse(text: string, previous?: ReportDocument, known?: Unchanged, format?: TextFormat): ReportDocument {
  if (format === 'markdown') return parseMarkdown(text, previous);
  // A Markdown model's blocks and text are not the plain reader's: nothing of it is carried over.
  const plainBefore = previous?.format === 'text' ? previous : undefined;
  const unchanged = plainBefore ? unchangedBetween(plainBefore.text, text, known) : undefined;
  if (format === undefined && isMarkdown(text, plainBefore, unchanged)) return parseMarkdown(text, previous);
  return parsePlain(text, plainBefore, unchanged, format === undefined);
}

/** Documents whose format was left to the text and that did not look like Markdown. */
const detectedPlain = new WeakSet<ReportDocument>();

function isMarkdown(text: string, previous: ReportDocument | undefined, unchanged: Unchanged | undefined): boolean {
  return previous && unchanged && detectedPlain.has(previous) ? looksLikeMarkdownAfterEdit(text, unchanged.prefix, unchanged.suffix) : looksLikeMarkdown(text);
}

function parsePlain(text: string, previous: ReportDocument | undefined, unchanged: Unchanged | undefined, detected = true): ReportDocument {
  const before = previous && lineTables.get(previous);
  const lines = previous && unchanged ? LineIndex.edited(previous.lines, text, unchanged.prefix, unchanged.suffix) : new LineIndex(text);
  const infos = before && unchanged ? scanLinesEdited(text, lines, before, previous!.text.length, unchanged.prefix, unchanged.suffix) : scanLines(text, lines);
  const raw = groupBlocks(text, infos);
  const classes = classify(text, raw, infos);

  const blocks: Block[] = [];
  const headings: Heading[] = [];
  /** Each block's heading (undefined for most), by block index. */
  const headingOf: (Heading | undefined)[] = [];
  const metadata: MetadataEntry[] = [];
  let title: Title | undefined;
  raw.forEach((block, index) => {
    const { kind, heading: draft } = classes[index]!;
    blocks.push({ kind, span: { start: block.start, end: block.end }, firstLine: block.firstLine, lastLine: block.lastLine, blankBefore: block.blankBefore, blankAfter: block.blankAfter });
    const heading = draft && toHeading(draft, index);
    headingOf.push(heading);
    if (heading) headings.push(heading);
    if (kind === 'title' && heading) title = { heading, subtitle: undefined };
    if (kind === 'subtitle' && title) title = { ...title, subtitle: { start: block.start, end: block.end } };
    if (kind === 'metadata') metadata.push(metadataEntry(text, infos[block.firstLine]!));
  });
  const carried = previous ? { previous, from: correspondingBlocks(previous.text, previous.blocks, text, blocks, unchanged) } : undefined;
  const beforeBlocks = previous ? blockTables.get(previous) : undefined;
  const table: BlockData[] = new Array(blocks.length);
  const paragraphs: Paragraph[] = [];
  blocks.forEach((block, index) => {
    const old = carried && beforeBlocks ? carried.from[index]! : -1;
    const reused = old >= 0 ? beforeBlocks![old] : undefined;
    const delta = old >= 0 ? block.span.start - carried!.previous.blocks[old]!.span.start : 0;
    const heading = headingOf[index];
    const data = blockData(text, block, heading, classes[index]!.heading, reused, delta);
    table[index] = data;
    if (data.sentences) paragraphs.push(paragraph(block, index, heading, data));
  });
  const figures: Figure[] = [];
  for (let k = 0; k < table.length; k++) {
    const blockFigures = table[k]!.figures;
    for (let f = 0; f < blockFigures.length; f++) figures.push(blockFigures[f]!);
  }
  const sections = buildSections(headings, blocks);
  const doc: ReportDocument = { text, format: 'text', lines, blocks, title, metadata, headings, paragraphs, sections, figures, tables: NO_TABLES };
  blockTables.set(doc, table);
  lineTables.set(doc, infos);
  if (detected) detectedPlain.add(doc);
  linkVersions(doc, carried);
  return doc;
}

const NO_TABLES: readonly Table[] = [];
/** Each Markdown model's readings of its pieces, for the next version to parse only the pieces an edit touched. */
const chunkCaches = new WeakMap<ReportDocument, ChunkCache>();

/**
 * Markdown: the CommonMark + GFM tree is built piece by piece (see chunks.ts), and only pieces
 * whose text changed since the previous version are parsed again; the figures and sentences of
 * every block are then read as in plain text.
 */
function parseMarkdown(source: string, previous: ReportDocument | undefined): ReportDocument {
  const reading = readMarkdown(source, previous && chunkCaches.get(previous));
  const { text, lines } = reading;
  const found = reading.blocks;
  const titleIndex = found[0]?.heading?.topLevel && !found.some((block, i) => i > 0 && block.heading?.topLevel) ? 0 : -1;
  const blocks: Block[] = [];
  const headingOf: (Heading | undefined)[] = [];
  const headings: Heading[] = [];
  let title: Title | undefined;
  found.forEach((item, index) => {
    const kind: BlockKind = index === titleIndex ? 'title' : item.kind;
    const block: Block = {
      kind,
      span: item.span,
      firstLine: item.firstLine,
      lastLine: item.lastLine,
      blankBefore: item.firstLine === 0 || isBlankLine(text, lines, item.firstLine - 1),
      blankAfter: item.lastLine + 1 >= lines.lineCount || isBlankLine(text, lines, item.lastLine + 1),
    };
    blocks.push(block);
    const heading = item.heading && { name: item.heading.name, span: item.heading.span, rank: index === titleIndex ? 0 : item.heading.rank, numbering: item.heading.numbering, runIn: item.heading.runIn, line: item.heading.line, block: index };
    headingOf.push(heading);
    if (heading) headings.push(heading);
    if (heading && kind === 'title') title = { heading, subtitle: undefined };
  });
  // As in plain text: the figures and sentences of every block an edit did not touch are carried
  // over. Compared in the text as read, not as written: a backtick typed far away may hide text here.
  const before = previous?.format === 'markdown' ? previous : undefined;
  const beforeBlocks = before && blockTables.get(before);
  const carried = before ? { previous: before, from: correspondingBlocks(before.text, before.blocks, text, blocks) } : undefined;
  const paragraphs: Paragraph[] = [];
  const figures: Figure[] = [];
  const table: BlockData[] = new Array(found.length);
  found.forEach((item, index) => {
    const old = carried && beforeBlocks ? carried.from[index]! : -1;
    const reused = old >= 0 ? beforeBlocks![old] : undefined;
    const delta = old >= 0 ? blocks[index]!.span.start - carried!.previous.blocks[old]!.span.start : 0;
    const heading = headingOf[index];
    const data = markdownBlockData(text, item, heading, reused, delta);
    table[index] = data;
    for (const figure of data.figures) figures.push(figure);
    if (data.sentences) paragraphs.push(paragraph(blocks[index]!, index, heading?.runIn ? heading : undefined, data));
  });
  const tables: Table[] = reading.tables.map((t) => ({
    span: t.span,
    firstLine: t.firstLine,
    lastLine: t.lastLine,
    align: t.align,
    rows: t.rows.map((index) => ({ span: found[index]!.span, line: found[index]!.firstLine, block: index, cells: found[index]!.cells ?? [] })),
  }));
  const sections = buildSections(headings, blocks);
  const doc: ReportDocument = { text, format: 'markdown', lines, blocks, title, metadata: [], headings, paragraphs, sections, figures, tables };
  blockTables.set(doc, table);
  chunkCaches.set(doc, reading.cache);
  linkVersions(doc, carried);
  return doc;
}

function markdownBlockData(text: string, item: MarkdownBlock, heading: Heading | undefined, reused: BlockData | undefined, delta: number): BlockData {
  const { start, end } = item.span;
  const carry = (figures: readonly Figure[]): readonly Figure[] => (delta === 0 ? figures : figures.map((figure) => shift(figure, delta)));
  if (item.cells) {
    // A row is read cell by cell: the pipes between cells are no part of any figure.
    if (reused && reused.sentences === undefined && reused.scanOffset === CELLS) return { ...reused, figures: carry(reused.figures) };
    const figures: Figure[] = [];
    for (const cell of item.cells) for (const figure of extractFigures(text, cell.start, cell.end)) figures.push(figure);
    return { scanOffset: CELLS, figures, bodyOffset: 0, sentences: undefined, sentencesDelta: 0 };
  }
  // A heading's own number (## or 一、) is numbering, and a list item's marker is no figure.
  const scanFrom = heading?.numbering ? heading.numbering.span.end : item.kind === 'list-item' ? item.bodyStart : start;
  const scanOffset = scanFrom - start;
  const figures = reused && reused.scanOffset === scanOffset ? carry(reused.figures) : extractFigures(text, scanFrom, end);
  const bodyOffset = item.bodyStart - start;
  const isParagraph = item.kind === 'paragraph' || item.kind === 'list-item';
  if (!isParagraph) return { scanOffset, figures, bodyOffset, sentences: undefined, sentencesDelta: 0 };
  if (reused?.sentences && reused.bodyOffset === bodyOffset) return { scanOffset, figures, bodyOffset, sentences: reused.sentences, sentencesDelta: reused.sentencesDelta + delta };
  return { scanOffset, figures, bodyOffset, sentences: splitSentences(text, item.bodyStart, end), sentencesDelta: 0 };
}

/** The scan offset recorded for a table row, whose figures are read cell by cell: no block's own offset. */
const CELLS = -1;

function isBlankLine(text: string, lines: LineIndex, line: number): boolean {
  for (let i = lines.lineStart(line), end = lines.lineEnd(line); i < end; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x20 && code !== 0x09 && code !== 0x3000 && code !== 0x0d) return false;
  }
  return true;
}

/**
 * What the parser found in one block, kept per model so that the next version
 * reuses it for every block an edit did not touch (see versions.ts): an edit
 * re-scans only the paragraphs it changed.
 */
interface BlockData {
  /** Where figures were looked for, from the block's start: a heading's own number (一、, 1.) is numbering, not a figure. */
  readonly scanOffset: number;
  readonly figures: readonly Figure[];
  /** Where the body starts, from the block's start (after a run-in heading). */
  readonly bodyOffset: number;
  /** Sentences of the body, for paragraphs and list items only, where they were found… */
  readonly sentences: readonly TextSpan[] | undefined;
  /** …and how far the block has moved since. */
  readonly sentencesDelta: number;
}

/**
 * Sentences of a paragraph that moved are moved only when asked for: the
 * checks keep what they found in them, so most never are.
 */
class ParagraphNode implements Paragraph {
  readonly #found: readonly TextSpan[];
  readonly #delta: number;
  #sentences: readonly TextSpan[] | undefined;

  constructor(
    readonly span: TextSpan,
    readonly body: TextSpan,
    readonly block: number,
    readonly runInHeading: Heading | undefined,
    found: readonly TextSpan[],
    delta: number,
  ) {
    this.#found = found;
    this.#delta = delta;
    this.#sentences = delta === 0 ? found : undefined;
  }

  get sentences(): readonly TextSpan[] {
    const delta = this.#delta;
    return (this.#sentences ??= this.#found.map((span) => ({ start: span.start + delta, end: span.end + delta })));
  }
}

function paragraph(block: Block, index: number, runInHeading: Heading | undefined, data: BlockData): Paragraph {
  const body = { start: block.span.start + data.bodyOffset, end: block.span.end };
  return new ParagraphNode(block.span, body, index, runInHeading, data.sentences!, data.sentencesDelta);
}

const blockTables = new WeakMap<ReportDocument, readonly BlockData[]>();
/** Each model's line infos, for the next version to keep those of the lines an edit did not touch. */
const lineTables = new WeakMap<ReportDocument, readonly LineInfo[]>();

/** The figures of each block of a model, in block order (empty for rules). */
export function figuresByBlock(doc: ReportDocument): readonly (readonly Figure[])[] {
  let figures = blockFigures.get(doc);
  if (!figures) blockFigures.set(doc, (figures = (blockTables.get(doc) ?? []).map((data) => data.figures)));
  return figures;
}

/** Made once per model: relations, terms and tables each ask for it at every version. */
const blockFigures = new WeakMap<ReportDocument, readonly (readonly Figure[])[]>();

function blockData(text: string, block: Block, heading: Heading | undefined, draft: HeadingDraft | undefined, reused: BlockData | undefined, delta: number): BlockData {
  const { start, end } = block.span;
  const scanOffset = block.kind === 'rule' ? end - start : heading?.numbering ? heading.numbering.span.end - start : 0;
  const isParagraph = block.kind === 'paragraph' || block.kind === 'list-item';
  const bodyOffset = (draft?.bodyStart ?? start) - start;
  // A block that did not move and reads alike keeps its data object: one object fewer per block and version.
  if (reused && delta === 0 && reused.scanOffset === scanOffset && reused.bodyOffset === bodyOffset && (reused.sentences !== undefined) === isParagraph) return reused;
  const figures =
    reused && reused.scanOffset === scanOffset ? (delta === 0 ? reused.figures : reused.figures.map((figure) => shift(figure, delta))) : extractFigures(text, start + scanOffset, end);
  if (!isParagraph) return { scanOffset, figures, bodyOffset, sentences: undefined, sentencesDelta: 0 };
  if (reused?.sentences && reused.bodyOffset === bodyOffset) return { scanOffset, figures, bodyOffset, sentences: reused.sentences, sentencesDelta: reused.sentencesDelta + delta };
  return { scanOffset, figures, bodyOffset, sentences: splitSentences(text, start + bodyOffset, end), sentencesDelta: 0 };
}

/**
 * A figure of a block that moved. Built field by field as toFigure builds it, not spread: figures
 * come in a dozen shapes (their optional fields), and a spread over that many falls to the engine's
 * slow generic copy, which cost more than the rest of the parse of an edit.
 */
function shift(figure: Figure, delta: number): Figure {
  const moved: { -readonly [K in keyof Figure]: Figure[K] } = {
    text: figure.text,
    value: figure.value,
    unit: figure.unit,
    kind: figure.kind,
    span: { start: figure.span.start + delta, end: figure.span.end + delta },
    numberSpan: { start: figure.numberSpan.start + delta, end: figure.numberSpan.end + delta },
    interval: figure.interval,
  };
  if (figure.noun !== undefined) moved.noun = figure.noun;
  if (figure.qualifier !== undefined) moved.qualifier = figure.qualifier;
  if (figure.signed !== undefined) moved.signed = figure.signed;
  if (figure.range !== undefined) moved.range = figure.range;
  return moved;
}

function toHeading(draft: HeadingDraft, block: number): Heading {
  return { name: draft.name, span: draft.span, rank: draft.rank, numbering: draft.numbering, runIn: draft.runIn, line: draft.line, block };
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
