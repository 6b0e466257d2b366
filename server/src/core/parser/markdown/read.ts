import type { Nodes, Parents, Table as MdTable } from 'mdast';
import type { BlockKind, CellAlign, Numbering, TextSpan } from '../../model';
import { LineIndex } from '../../text/lineIndex';
import { trimHeadingEnd, numberedHeading } from '../headings';
import { scanLineAt } from '../lines';
import { RANK } from '../numbering';
import { markdownTree } from './micromark';
import { definitionLines, splitChunks } from './chunks';

/** A block found in the Markdown tree, before figures and sentences are read from it. */
export interface MarkdownBlock {
  readonly kind: BlockKind;
  readonly span: TextSpan;
  readonly firstLine: number;
  readonly lastLine: number;
  /** Where figures and sentences are read from (after a list item's marker, a heading's #s). */
  readonly bodyStart: number;
  readonly heading: MarkdownHeading | undefined;
  /** For a table row: its cells. */
  readonly cells: readonly TextSpan[] | undefined;
  /** For a table row: the index of its table. */
  readonly table: number;
}

export interface MarkdownHeading {
  readonly name: string;
  readonly span: TextSpan;
  readonly rank: number;
  readonly numbering: Numbering | undefined;
  readonly runIn: boolean;
  readonly line: number;
  /** ATX level 1 or setext `===`: the one that can be the report's title. */
  readonly topLevel: boolean;
}

export interface MarkdownTable {
  readonly span: TextSpan;
  readonly firstLine: number;
  readonly lastLine: number;
  readonly align: readonly CellAlign[];
  /** Indexes of the row blocks, header first. */
  readonly rows: number[];
}

export interface MarkdownReading {
  /** The text with non-prose inside blocks blanked out (see ReportDocument.text). */
  readonly text: string;
  readonly lines: LineIndex;
  readonly blocks: readonly MarkdownBlock[];
  readonly tables: readonly MarkdownTable[];
  readonly cache: ChunkCache;
}

/**
 * Reads a Markdown document into blocks, as a reader of the rendered page sees it: headings,
 * paragraphs, list items and table rows are read; code, HTML, front matter and link definitions
 * are not prose and make no block, so no figure or term is ever read in them. Inside the blocks,
 * inline code, inline HTML, link targets, autolinked URLs, images and footnote references are
 * blanked out; a link's text stays, since it is part of the sentence.
 */
export function readMarkdown(source: string, cache?: ChunkCache): MarkdownReading {
  const masks: TextSpan[] = [];
  const found: Found[] = [];
  const definitions = definitionLines(source);
  const next = new Map<string, ChunkReading>();
  for (const chunk of splitChunks(source)) {
    const piece = source.slice(chunk.start, chunk.end);
    const key = definitions ? `${piece}\u0000${definitions}` : piece;
    const reading = next.get(key) ?? cache?.get(key) ?? readChunk(piece, definitions);
    next.set(key, reading);
    for (const mask of reading.masks) masks.push(shiftSpan(mask, chunk.start));
    for (const item of reading.found) found.push(shiftFound(item, chunk.start));
  }
  const text = blank(source, masks);
  const lines = new LineIndex(text);
  const blocks: MarkdownBlock[] = [];
  const tables: MarkdownTable[] = [];
  const lineOf = (offset: number): number => lines.lineAt(offset);
  for (const item of found) {
    if (item.type === 'table') {
      const table: MarkdownTable = { span: item.span, firstLine: lineOf(item.span.start), lastLine: lineOf(Math.max(item.span.start, item.span.end - 1)), align: item.align, rows: [] };
      tables.push(table);
      for (const row of item.rows) {
        table.rows.push(blocks.length);
        blocks.push({ kind: 'table-row', span: row.span, firstLine: lineOf(row.span.start), lastLine: lineOf(row.span.start), bodyStart: row.span.start, heading: undefined, cells: row.cells, table: tables.length - 1 });
      }
      continue;
    }
    const firstLine = lineOf(item.span.start);
    const lastLine = lineOf(Math.max(item.span.start, item.span.end - 1));
    const base = { span: item.span, firstLine, lastLine, cells: undefined, table: -1 };
    if (item.type === 'heading') {
      const heading = markdownHeading(source, text, item.depth, item.words, item.span, firstLine);
      // An empty heading (a lone #) holds no words: nothing is read in it.
      if (heading) blocks.push({ ...base, kind: 'heading', bodyStart: item.span.end, heading });
    } else if (item.type === 'paragraph' && item.topLevel) {
      blocks.push(numberedParagraph(source, text, lines, base, item.span, firstLine, lastLine));
    } else {
      blocks.push({ ...base, kind: item.type === 'item' ? 'list-item' : 'paragraph', bodyStart: item.bodyStart, heading: undefined });
    }
  }
  return { text, lines, blocks, tables, cache: next };
}

/** What one piece of a Markdown text holds, from the piece's start: kept for the next version. */
export interface ChunkReading {
  readonly found: readonly Found[];
  readonly masks: readonly TextSpan[];
}

/** Readings of the pieces of a version, by the piece's text (see splitChunks). */
export type ChunkCache = ReadonlyMap<string, ChunkReading>;

function readChunk(piece: string, definitions: string): ChunkReading {
  const tree = markdownTree(definitions ? `${piece}\n\n${definitions}` : piece);
  const masks: TextSpan[] = [];
  const found: Found[] = [];
  for (const node of tree.children) {
    // The definitions added after the piece are there to be referred to, not read.
    if ((node.position?.start.offset ?? 0) >= piece.length) break;
    collect(node, piece, masks, found, false);
  }
  return { found, masks };
}

function shiftSpan(span: TextSpan, delta: number): TextSpan {
  return delta === 0 ? span : { start: span.start + delta, end: span.end + delta };
}

function shiftFound(item: Found, delta: number): Found {
  if (delta === 0) return item;
  switch (item.type) {
    case 'heading':
      return { ...item, span: shiftSpan(item.span, delta), words: item.words && shiftSpan(item.words, delta) };
    case 'table':
      return { ...item, span: shiftSpan(item.span, delta), rows: item.rows.map((row) => ({ span: shiftSpan(row.span, delta), cells: row.cells.map((cell) => shiftSpan(cell, delta)) })) };
    default:
      return { ...item, span: shiftSpan(item.span, delta), bodyStart: item.bodyStart + delta };
  }
}

type Found =
  | { readonly type: 'heading'; readonly depth: number; readonly span: TextSpan; readonly words: TextSpan | undefined }
  | { readonly type: 'paragraph' | 'item'; readonly span: TextSpan; readonly bodyStart: number; readonly topLevel: boolean }
  | { readonly type: 'table'; readonly span: TextSpan; readonly align: readonly CellAlign[]; readonly rows: readonly { readonly span: TextSpan; readonly cells: readonly TextSpan[] }[] };

function spanOf(node: Nodes): TextSpan | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : { start, end };
}

/** The span from a node's first child to its last: the words of a heading or a link, the text of a cell. */
function childrenSpan(node: Parents): TextSpan | undefined {
  const first = node.children[0];
  const last = node.children[node.children.length - 1];
  const a = first && spanOf(first);
  const b = last && spanOf(last);
  return a && b ? { start: a.start, end: b.end } : undefined;
}

/** Walks the tree in document order, keeping prose blocks and the inline spans that are not prose. */
function collect(node: Nodes, source: string, masks: TextSpan[], found: Found[], inContainer: boolean): void {
  const span = spanOf(node);
  switch (node.type) {
    case 'code':
    case 'html':
    case 'yaml':
    case 'definition':
    case 'thematicBreak':
      return; // not prose: nothing is read in it
    case 'heading':
      if (span) found.push({ type: 'heading', depth: node.depth, span, words: childrenSpan(node) });
      maskInline(node, source, masks);
      return;
    case 'paragraph':
      if (span) found.push({ type: 'paragraph', span, bodyStart: span.start, topLevel: !inContainer });
      maskInline(node, source, masks);
      return;
    case 'table':
      if (span) found.push(tableOf(node, span, source, masks));
      return;
    case 'listItem': {
      const [first, ...rest] = node.children;
      const firstSpan = first && spanOf(first);
      if (first?.type === 'paragraph' && span && firstSpan) {
        found.push({ type: 'item', span: { start: span.start, end: firstSpan.end }, bodyStart: firstSpan.start, topLevel: false });
        maskInline(first, source, masks);
      } else if (first) collect(first, source, masks, found, true);
      for (const child of rest) collect(child, source, masks, found, true);
      return;
    }
    default:
      // Containers (block quotes, lists, footnotes) are walked; other leaves (TOML front matter) are not prose.
      if ('children' in node) for (const child of node.children) collect(child as Nodes, source, masks, found, inContainer || node.type !== 'root');
  }
}

function tableOf(node: MdTable, span: TextSpan, source: string, masks: TextSpan[]): Found {
  const rows: { span: TextSpan; cells: TextSpan[] }[] = [];
  for (const row of node.children) {
    const rowSpan = spanOf(row);
    if (!rowSpan) continue;
    const cells: TextSpan[] = [];
    for (const cell of row.children) {
      const cellSpan = spanOf(cell);
      cells.push(childrenSpan(cell) ?? (cellSpan ? emptyCell(source, cellSpan) : { start: rowSpan.start, end: rowSpan.start }));
      maskInline(cell, source, masks);
    }
    rows.push({ span: rowSpan, cells });
  }
  return { type: 'table', span, align: (node.align ?? []).map((a) => a ?? undefined), rows };
}

/** An empty cell's place: right after its opening pipe. */
function emptyCell(source: string, span: TextSpan): TextSpan {
  const at = source.charCodeAt(span.start) === 0x7c /* | */ ? span.start + 1 : span.start;
  return { start: at, end: at };
}

/** Records the inline spans of a block that are not prose. */
function maskInline(node: Nodes, source: string, masks: TextSpan[]): void {
  if (!('children' in node)) return;
  for (const child of node.children as Nodes[]) {
    const span = spanOf(child);
    if (!span) continue;
    switch (child.type) {
      case 'inlineCode':
      case 'html':
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        masks.push(span);
        break;
      case 'link': {
        // `<https://…>` and a bare URL are all target; `[words](target "title")` keeps its words.
        const opener = source.charCodeAt(span.start);
        const words = opener === 0x5b /* [ */ ? childrenSpan(child) : undefined;
        if (!words) {
          masks.push(span);
          break;
        }
        masks.push({ start: span.start, end: span.start + 1 }, { start: words.end, end: span.end });
        maskInline(child, source, masks);
        break;
      }
      case 'linkReference': {
        const words = childrenSpan(child);
        if (words) masks.push({ start: words.end, end: span.end });
        maskInline(child, source, masks);
        break;
      }
      default:
        maskInline(child, source, masks);
    }
  }
}

/** `source` with every masked character but line breaks turned into a space. */
function blank(source: string, masks: TextSpan[]): string {
  if (masks.length === 0) return source;
  masks.sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const mask of masks) {
    const start = Math.max(mask.start, at);
    if (mask.end <= start) continue;
    parts.push(source.slice(at, start), source.slice(start, mask.end).replace(/[^\r\n]/g, ' '));
    at = mask.end;
  }
  parts.push(source.slice(at));
  return parts.join('');
}

/** A heading's name is its words as written (inline code included); what is read in it, the blanked text. */
function markdownHeading(source: string, text: string, level: number, words: TextSpan | undefined, span: TextSpan, line: number): MarkdownHeading | undefined {
  if (!words) return undefined;
  const end = trimHeadingEnd(source, words.start, words.end);
  if (end <= words.start) return undefined;
  const atx = text.charCodeAt(span.start) === 0x23; /* # */
  // As in plain text: an ATX heading is numbered by its #s (the number in its words is read by
  // heading-sequence), a setext one by nothing.
  const numbering: Numbering | undefined = atx ? { style: 'markdown', value: level, path: [level], span: { start: span.start, end: span.start + level } } : undefined;
  return {
    name: source.slice(words.start, end),
    span: { start: words.start, end },
    rank: (atx ? RANK.markdown : RANK.setext) + level,
    numbering,
    runIn: false,
    line,
    topLevel: level === 1,
  };
}

/**
 * A top-level paragraph that starts with a report's own numbering (一、 （一） 1.1) is a heading as
 * in plain text, alone or run in: Chinese reports keep that numbering when written in Markdown.
 */
function numberedParagraph(source: string, text: string, lines: LineIndex, base: { span: TextSpan; firstLine: number; lastLine: number; cells: undefined; table: number }, span: TextSpan, firstLine: number, lastLine: number): MarkdownBlock {
  const info = scanLineAt(text, lines, firstLine);
  const plain: MarkdownBlock = { ...base, kind: 'paragraph', bodyStart: span.start, heading: undefined };
  if (info.kind !== 'marker' || info.contentStart !== span.start) return plain;
  const raw = { firstLine, lastLine, start: span.start, end: span.end, lead: info.kind, blankBefore: true, blankAfter: true, setextLevel: 0 };
  const draft = numberedHeading(text, raw, info);
  if (!draft) return plain;
  const heading: MarkdownHeading = { name: source.slice(draft.span.start, draft.span.end), span: draft.span, rank: draft.rank, numbering: draft.numbering, runIn: draft.runIn, line: draft.line, topLevel: false };
  return { ...base, kind: draft.runIn ? 'paragraph' : 'heading', bodyStart: draft.bodyStart ?? span.end, heading };
}
