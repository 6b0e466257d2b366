import type { Block, BlockKind, Heading, MetadataEntry, Paragraph, ReportDocument, Section, Table, TextFormat, TextSpan, Title } from '../model';
import { extractFigures } from '../figures/scanner';
import { isQuantity, type Figure } from '../figures/figure';
import { LineIndex } from '../text/lineIndex';
import { correspondingBlocks, linkVersions, unchangedBetween, type Unchanged } from '../versions';
import { groupBlocks, type RawBlock } from './blocks';
import { atxHeading, capsHeading, isCapsLine, numberedHeading, setextHeading, titleCandidate, unnumberedCandidate, type HeadingDraft } from './headings';
import { METADATA, placedInfo, scanLines, scanLinesEdited, type LineInfo, type LineTable } from './lines';
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

  // Sized once: grown by push, arrays of every block were copied a dozen times per version.
  const blocks: Block[] = new Array(raw.length);
  const headings: Heading[] = [];
  /** Each block's heading (undefined for most), by block index. */
  const headingOf: (Heading | undefined)[] = new Array(raw.length);
  const metadata: MetadataEntry[] = [];
  let title: Title | undefined;
  // Blocks before the edit that read alike keep their objects (their block, heading and paragraph): an edit costs no copy of what precedes it.
  const keep = previous && unchanged ? new PrefixReuse(previous, unchanged.prefix) : undefined;
  raw.forEach((block, index) => {
    const { kind, heading: draft } = classes[index]!;
    const kept = keep?.block(block, kind, index);
    blocks[index] = kept ?? { kind, span: { start: block.start, end: block.end }, firstLine: block.firstLine, lastLine: block.lastLine, blankBefore: block.blankBefore, blankAfter: block.blankAfter };
    const keptHeading = kept && draft ? keep!.heading(draft, index) : undefined;
    const heading = keptHeading ?? (draft && toHeading(draft, index));
    headingOf[index] = heading;
    if (heading) headings.push(heading);
    if (kind === 'title' && heading) title = { heading, subtitle: undefined };
    if (kind === 'subtitle' && title) title = { ...title, subtitle: { start: block.start, end: block.end } };
    if (kind === 'metadata') metadata.push(metadataEntry(text, placedInfo(infos, block.firstLine)));
  });
  const carried = previous ? { previous, from: correspondingBlocks(previous.text, previous.blocks, text, blocks, unchanged) } : undefined;
  const beforeBlocks = previous ? tableOf(previous) : undefined;
  const table: BlockData[] = new Array(blocks.length);
  const paragraphs: Paragraph[] = [];
  blocks.forEach((block, index) => {
    const old = carried && beforeBlocks ? carried.from[index]! : -1;
    const reused = old >= 0 ? beforeBlocks![old] : undefined;
    const delta = old >= 0 ? block.span.start - carried!.previous.blocks[old]!.span.start : 0;
    const heading = headingOf[index];
    const data = blockData(text, block, heading, classes[index]!.heading, reused, delta);
    table[index] = data;
    if (data.sentences) paragraphs.push((data === reused && keep?.paragraph(block, index, heading)) || paragraph(block, index, heading, data));
  });
  const sections = buildSections(headings, blocks);
  const doc = new ReportModel({ text, format: 'text', lines, blocks, title, metadata, headings, paragraphs, sections, tables: NO_TABLES }, table);
  lineTables.set(doc, infos);
  if (detected) detectedPlain.add(doc);
  linkVersions(doc, carried);
  return doc;
}

/**
 * The previous version's objects for the blocks that lie wholly before an edit: a block kept only
 * when everything it records is the same (span, lines, blank lines around it, kind), a heading only
 * when its draft reads the same, a paragraph only when its block, heading and data objects are the
 * kept ones. Walked in block order alongside the new version.
 */
class PrefixReuse {
  #heading = 0;
  #paragraph = 0;

  constructor(
    private readonly previous: ReportDocument,
    private readonly prefix: number,
  ) {}

  block(raw: RawBlock, kind: BlockKind, index: number): Block | undefined {
    if (raw.end >= this.prefix) return undefined;
    const old = this.previous.blocks[index];
    if (!old || old.kind !== kind || old.span.start !== raw.start || old.span.end !== raw.end || old.firstLine !== raw.firstLine || old.lastLine !== raw.lastLine) return undefined;
    return old.blankBefore === raw.blankBefore && old.blankAfter === raw.blankAfter ? old : undefined;
  }

  heading(draft: HeadingDraft, index: number): Heading | undefined {
    const headings = this.previous.headings;
    while (this.#heading < headings.length && headings[this.#heading]!.block < index) this.#heading++;
    const old = headings[this.#heading];
    return old && old.block === index && sameHeading(old, draft) ? old : undefined;
  }

  paragraph(block: Block, index: number, heading: Heading | undefined): Paragraph | undefined {
    if (block !== this.previous.blocks[index]) return undefined;
    const paragraphs = this.previous.paragraphs;
    while (this.#paragraph < paragraphs.length && paragraphs[this.#paragraph]!.block < index) this.#paragraph++;
    const old = paragraphs[this.#paragraph];
    return old && old.block === index && old.runInHeading === heading ? old : undefined;
  }
}

function sameHeading(heading: Heading, draft: HeadingDraft): boolean {
  if (heading.name !== draft.name || heading.rank !== draft.rank || heading.runIn !== draft.runIn || heading.line !== draft.line) return false;
  if (heading.span.start !== draft.span.start || heading.span.end !== draft.span.end) return false;
  const a = heading.numbering;
  const b = draft.numbering;
  if (!a || !b) return a === b;
  return a.style === b.style && a.value === b.value && a.span.start === b.span.start && a.span.end === b.span.end && a.path.length === b.path.length && a.path.every((v, k) => v === b.path[k]);
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
  const beforeBlocks = before && tableOf(before);
  const carried = before ? { previous: before, from: correspondingBlocks(before.text, before.blocks, text, blocks) } : undefined;
  const paragraphs: Paragraph[] = [];
  const table: BlockData[] = new Array(found.length);
  found.forEach((item, index) => {
    const old = carried && beforeBlocks ? carried.from[index]! : -1;
    const reused = old >= 0 ? beforeBlocks![old] : undefined;
    const delta = old >= 0 ? blocks[index]!.span.start - carried!.previous.blocks[old]!.span.start : 0;
    const heading = headingOf[index];
    const data = markdownBlockData(text, item, heading, reused, delta);
    table[index] = data;
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
  const doc = new ReportModel({ text, format: 'markdown', lines, blocks, title, metadata: [], headings, paragraphs, sections, tables }, table);
  chunkCaches.set(doc, reading.cache);
  linkVersions(doc, carried);
  return doc;
}

function markdownBlockData(text: string, item: MarkdownBlock, heading: Heading | undefined, reused: BlockData | undefined, delta: number): BlockData {
  const { start, end } = item.span;
  if (item.cells) {
    // A row is read cell by cell: the pipes between cells are no part of any figure.
    if (reused && reused.sentences === undefined && reused.scanOffset === CELLS) return delta === 0 ? reused : dataOf(CELLS, moved(reused, delta), 0, undefined, 0);
    const figures: Figure[] = [];
    for (const cell of item.cells) for (const figure of extractFigures(text, cell.start, cell.end)) figures.push(figure);
    return dataOf(CELLS, found(figures), 0, undefined, 0);
  }
  // A heading's own number (## or 一、) is numbering, and a list item's marker is no figure.
  const scanFrom = heading?.numbering ? heading.numbering.span.end : item.kind === 'list-item' ? item.bodyStart : start;
  const scanOffset = scanFrom - start;
  const figures = reused && reused.scanOffset === scanOffset ? moved(reused, delta) : found(extractFigures(text, scanFrom, end));
  const bodyOffset = item.bodyStart - start;
  const isParagraph = item.kind === 'paragraph' || item.kind === 'list-item';
  if (!isParagraph) return dataOf(scanOffset, figures, bodyOffset, undefined, 0);
  if (reused?.sentences && reused.bodyOffset === bodyOffset) return dataOf(scanOffset, figures, bodyOffset, reused.sentences, reused.sentencesDelta + delta);
  return dataOf(scanOffset, figures, bodyOffset, splitSentences(text, item.bodyStart, end), 0);
}

/** Built field by field, not spread: this runs for every block of every version. */
function dataOf(scanOffset: number, figures: BlockFigures, bodyOffset: number, sentences: readonly TextSpan[] | undefined, sentencesDelta: number): BlockData {
  return { scanOffset, figures: figures.figures, figuresDelta: figures.figuresDelta, quantities: figures.quantities, placed: undefined, bodyOffset, sentences, sentencesDelta };
}

/** The data of a block that moved by `delta` and reads alike: its figures and sentences carried, placed later. */
function movedData(reused: BlockData, delta: number, bodyOffset: number, sentences: readonly TextSpan[] | undefined, sentencesDelta: number): BlockData {
  return { scanOffset: reused.scanOffset, figures: reused.figures, figuresDelta: reused.figuresDelta + delta, quantities: reused.quantities, placed: undefined, bodyOffset, sentences, sentencesDelta };
}

/** A block's figures as just found: in place, counted once. */
function found(figures: readonly Figure[]): BlockFigures {
  let quantities = 0;
  for (let k = 0; k < figures.length; k++) if (isQuantity(figures[k]!)) quantities++;
  return { figures, figuresDelta: 0, quantities };
}

/** The figures of a block that moved by `delta`: the same objects, placed later (see figuresOfBlock). */
function moved(reused: BlockData, delta: number): BlockFigures {
  return { figures: reused.figures, figuresDelta: reused.figuresDelta + delta, quantities: reused.quantities };
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
interface BlockFigures {
  /** The block's figures where they were found… */
  readonly figures: readonly Figure[];
  /** …how far the block has moved since (they are moved only when asked for, see figuresOfBlock)… */
  readonly figuresDelta: number;
  /** …and how many of them are quantities (the status bar's count, made without placing them). */
  readonly quantities: number;
}

interface BlockData extends BlockFigures {
  /** The figures placed where the block stands (figuresDelta applied), made on first use. */
  placed: readonly Figure[] | undefined;
  /** Where figures were looked for, from the block's start: a heading's own number (一、, 1.) is numbering, not a figure. */
  readonly scanOffset: number;
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
  // Most paragraphs have no run-in heading: their body is their span, one object fewer per paragraph an edit moved.
  const body = data.bodyOffset === 0 ? block.span : { start: block.span.start + data.bodyOffset, end: block.span.end };
  return new ParagraphNode(block.span, body, index, runInHeading, data.sentences!, data.sentencesDelta);
}

/** Each model's line infos, for the next version to keep those of the lines an edit did not touch. */
const lineTables = new WeakMap<ReportDocument, LineTable>();

// The fields of a ReportDocument, merged into the class below (set by Object.assign in its constructor).
interface ReportModel extends Omit<ReportDocument, 'figures'> {}
/**
 * A parsed version of a report. The figures of a block an edit moved are placed where the block
 * now stands only when something asks for them (a hover, the visible range's tokens, a relation
 * that is reported): an edit near the start of a long report would otherwise copy every figure
 * after it, at every version, and keep those copies alive as long as the version.
 */
class ReportModel implements ReportDocument {
  readonly table: readonly BlockData[];
  #figures: readonly Figure[] | undefined;

  constructor(fields: Omit<ReportDocument, 'figures'>, table: readonly BlockData[]) {
    Object.assign(this, fields);
    this.table = table;
  }

  get figures(): readonly Figure[] {
    if (this.#figures) return this.#figures;
    const figures: Figure[] = [];
    for (let k = 0; k < this.table.length; k++) {
      const block = figuresOfBlock(this, k);
      for (let f = 0; f < block.length; f++) figures.push(block[f]!);
    }
    return (this.#figures = figures);
  }
}

function tableOf(doc: ReportDocument): readonly BlockData[] | undefined {
  return doc instanceof ReportModel ? doc.table : undefined;
}

/**
 * The parser's reading of one block: its figures as found and how far they have moved. A block an
 * edit did not move keeps its reading object, so two versions with the same reading share the same
 * placed figures (the relations carried from one to the other name the same objects).
 */
export type BlockReading = BlockFigures;

export function readingOfBlock(doc: ReportDocument, index: number): BlockReading {
  return tableOf(doc)?.[index] ?? EMPTY_READING;
}

/** A reading's figures where the block now stands, made once per reading. */
export function placedFigures(reading: BlockReading): readonly Figure[] {
  if (reading.figuresDelta === 0) return reading.figures;
  const data = reading as BlockData;
  if (data.placed) return data.placed;
  const delta = reading.figuresDelta;
  return (data.placed = reading.figures.map((figure) => shift(figure, delta)));
}

/** The figures of block `index`, placed in this version: the same objects every time they are asked for. */
export function figuresOfBlock(doc: ReportDocument, index: number): readonly Figure[] {
  return placedFigures(readingOfBlock(doc, index));
}

/**
 * The lines that carry `mark` (LINE_COLUMNS, LINE_COMMENT), in order, read from the line infos an
 * edit carried over; undefined for a model that keeps none (Markdown), whose text is to be searched.
 */
export function linesMarked(doc: ReportDocument, mark: number): number[] | undefined {
  const infos = lineTables.get(doc)?.infos;
  if (!infos) return undefined;
  const out: number[] = [];
  for (let line = 0; line < infos.length; line++) if (infos[line]!.marks & mark) out.push(line);
  return out;
}

/**
 * An object that stays the same from version to version exactly while block `index` reads the same
 * text (the array of its figures as found): a key for what is read from a block's text alone.
 * Undefined for a model the parser did not make.
 */
export function blockIdentity(doc: ReportDocument, index: number): object | undefined {
  return tableOf(doc)?.[index]?.figures;
}

/** How many figures of the document are quantities, counted without placing any. */
export function quantityCount(doc: ReportDocument): number {
  const table = tableOf(doc);
  let count = 0;
  if (table) for (let k = 0; k < table.length; k++) count += table[k]!.quantities;
  return count;
}

/** The figures that end after `from` and start before `to`, in document order; only their blocks' figures are placed. */
export function figuresIn(doc: ReportDocument, from: number, to: number): Figure[] {
  const blocks = doc.blocks;
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (blocks[mid]!.span.end <= from) lo = mid + 1;
    else hi = mid;
  }
  const out: Figure[] = [];
  for (let b = lo; b < blocks.length && blocks[b]!.span.start < to; b++) {
    const figures = figuresOfBlock(doc, b);
    for (let k = 0; k < figures.length; k++) {
      const figure = figures[k]!;
      if (figure.span.end > from && figure.span.start < to) out.push(figure);
    }
  }
  return out;
}

const NO_FIGURES: readonly Figure[] = [];
const EMPTY_READING: BlockReading = { figures: NO_FIGURES, figuresDelta: 0, quantities: 0 };

function blockData(text: string, block: Block, heading: Heading | undefined, draft: HeadingDraft | undefined, reused: BlockData | undefined, delta: number): BlockData {
  const { start, end } = block.span;
  const scanOffset = block.kind === 'rule' ? end - start : heading?.numbering ? heading.numbering.span.end - start : 0;
  const isParagraph = block.kind === 'paragraph' || block.kind === 'list-item';
  const bodyOffset = (draft?.bodyStart ?? start) - start;
  // A block that did not move and reads alike keeps its data object: one object fewer per block and version.
  if (reused && delta === 0 && reused.scanOffset === scanOffset && reused.bodyOffset === bodyOffset && (reused.sentences !== undefined) === isParagraph) return reused;
  if (reused && reused.scanOffset === scanOffset) {
    // The common case after an edit (a block that moved and reads alike): one object, nothing read.
    if (!isParagraph) return movedData(reused, delta, bodyOffset, undefined, 0);
    if (reused.sentences && reused.bodyOffset === bodyOffset) return movedData(reused, delta, bodyOffset, reused.sentences, reused.sentencesDelta + delta);
  }
  const figures = reused && reused.scanOffset === scanOffset ? moved(reused, delta) : found(extractFigures(text, start + scanOffset, end));
  if (!isParagraph) return dataOf(scanOffset, figures, bodyOffset, undefined, 0);
  if (reused?.sentences && reused.bodyOffset === bodyOffset) return dataOf(scanOffset, figures, bodyOffset, reused.sentences, reused.sentencesDelta + delta);
  return dataOf(scanOffset, figures, bodyOffset, splitSentences(text, start + bodyOffset, end), 0);
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

function classify(text: string, raw: readonly RawBlock[], infos: LineTable): Classified[] {
  const classes: Classified[] = new Array(raw.length);
  for (let i = 0; i < raw.length; i++) classes[i] = classifyBlock(text, raw[i]!, infos);
  markTitle(text, raw, infos, classes);
  const structured = classes.some((c) => c.heading !== undefined && c.kind !== 'title');
  if (!structured) markUnnumbered(text, raw, infos, classes);
  return classes;
}

/**
 * The classes of blocks that are no heading, shared: most blocks are plain paragraphs, and an edit
 * classifies every block again. Never changed in place (markTitle and markUnnumbered replace them).
 */
const PARAGRAPH: Classified = Object.freeze({ kind: 'paragraph' });
const LIST_ITEM: Classified = Object.freeze({ kind: 'list-item' });
const RULE: Classified = Object.freeze({ kind: 'rule' });
const METADATA_BLOCK: Classified = Object.freeze({ kind: 'metadata' });

/** A block's class; its first line's info is placed (a copy, for a block that moved) only where a heading reads it. */
function classifyBlock(text: string, block: RawBlock, infos: LineTable): Classified {
  switch (block.lead) {
    case 'metadata':
      return METADATA_BLOCK;
    case 'rule':
    case 'setext-underline':
      return RULE;
    case 'atx': {
      const heading = atxHeading(text, placedInfo(infos, block.firstLine));
      return heading ? { kind: 'heading', heading } : PARAGRAPH;
    }
    case 'bullet':
      return LIST_ITEM;
    case 'marker': {
      if (block.setextLevel > 0) return { kind: 'heading', heading: setextHeading(text, block, placedInfo(infos, block.firstLine)) };
      const heading = block.firstLine === block.lastLine ? numberedLineHeading(text, block, infos) : numberedHeading(text, block, placedInfo(infos, block.firstLine));
      return heading ? { kind: heading.runIn ? 'paragraph' : 'heading', heading } : PARAGRAPH;
    }
    default: {
      if (block.setextLevel > 0) return { kind: 'heading', heading: setextHeading(text, block, placedInfo(infos, block.firstLine)) };
      if (block.firstLine === block.lastLine && block.blankBefore && block.blankAfter) {
        const info = placedInfo(infos, block.firstLine);
        if (isCapsLine(text, info)) return { kind: 'heading', heading: capsHeading(text, info, RANK.caps) };
      }
      return PARAGRAPH;
    }
  }
}

/** What numberedHeading made of a line, by its info: where the line was scanned (see numberedLineHeading). */
const lineHeadings = new WeakMap<LineInfo, HeadingDraft | typeof NOT_A_HEADING>();
const NOT_A_HEADING = 0;

/**
 * numberedHeading for a block of one numbered line, read once per line text. A line's info object
 * is carried from version to version exactly while the line's text is the same (see
 * scanLinesEdited), and what a one-line block is depends on its line's text alone: so the heading
 * found when the info was new stands, moved with the line. Every edit classifies every block, and
 * the numbered lines of a long report were a tenth of an edit's time.
 */
function numberedLineHeading(text: string, block: RawBlock, infos: LineTable): HeadingDraft | undefined {
  const line = block.firstLine;
  const born = infos.infos[line]!;
  const shift = infos.shifts[line]!;
  const lineDelta = line - born.line;
  let known = lineHeadings.get(born);
  if (known === undefined) {
    const draft = numberedHeading(text, block, placedInfo(infos, line));
    known = draft ? movedDraft(draft, -shift, -lineDelta) : NOT_A_HEADING;
    lineHeadings.set(born, known);
  }
  if (known === NOT_A_HEADING) return undefined;
  return shift === 0 && lineDelta === 0 ? known : movedDraft(known, shift, lineDelta);
}

/** A heading draft of a line that moved by `delta` characters and `lineDelta` lines. */
function movedDraft(draft: HeadingDraft, delta: number, lineDelta: number): HeadingDraft {
  const numbering = draft.numbering && { ...draft.numbering, span: { start: draft.numbering.span.start + delta, end: draft.numbering.span.end + delta } };
  const moved: { -readonly [K in keyof HeadingDraft]: HeadingDraft[K] } = { name: draft.name, span: { start: draft.span.start + delta, end: draft.span.end + delta }, rank: draft.rank, numbering, runIn: draft.runIn, line: draft.line + lineDelta };
  if (draft.bodyStart !== undefined) moved.bodyStart = draft.bodyStart + delta;
  return moved;
}

/** The first block may be the title, and a `——…` line right under it its subtitle. */
function markTitle(text: string, raw: readonly RawBlock[], infos: LineTable, classes: Classified[]): void {
  const first = raw.findIndex((block) => block.lead !== 'rule');
  if (first < 0) return;
  const block = raw[first]!;
  const info = placedInfo(infos, block.firstLine);
  if (info.kind === 'atx' && raw.some((other, i) => i !== first && other.lead === 'atx' && infos.infos[other.firstLine]!.level === 1)) return;
  const heading = titleCandidate(text, block, info);
  if (!heading) return;
  classes[first] = { kind: 'title', heading };
  const next = raw[first + 1];
  if (next && next.lead === 'dash' && next.firstLine === next.lastLine) classes[first + 1] = { kind: 'subtitle' };
}

function markUnnumbered(text: string, raw: readonly RawBlock[], infos: LineTable, classes: Classified[]): void {
  for (let i = 1; i < raw.length - 1; i++) {
    if (classes[i]!.kind !== 'paragraph' || !isBody(classes[i - 1]!) || classes[i + 1]!.kind !== 'paragraph') continue;
    const heading = unnumberedCandidate(text, raw[i]!, placedInfo(infos, raw[i]!.firstLine));
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
