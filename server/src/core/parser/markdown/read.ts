import type { Nodes, Parents, Table as MdTable } from 'mdast';
import type { BlockKind, CellAlign, Heading, Numbering, TextSpan } from '../../model';
import { LineIndex } from '../../text/lineIndex';
import { trimHeadingEnd, numberedHeading } from '../headings';
import { scanLineAt } from '../lines';
import { mayStartMarker, RANK } from '../numbering';
import { markdownTree } from './micromark';
import { definitionsFor, mayDefine, normalLabel, splitPieces, type Piece } from './chunks';
import { detached } from '../../text/spans';

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

/** A heading as the model has it, before its block index is known. */
export interface MarkdownHeading extends Omit<Heading, 'block'> {
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
export function readMarkdown(source: string, cache?: ChunkCache, pieces: readonly Piece[] = splitPieces(source), piecesAlone = false): MarkdownReading {
  const masks: TextSpan[] = [];
  const found: Found[] = [];
  const next: ChunkCache = { readings: new Map(), definitions: new Map() };
  const definitions = definitionsIn(source, pieces, next.definitions, cache?.definitions);
  const readings = readPieces(source, pieces, definitions, next.readings, cache?.readings, piecesAlone);
  for (const [index, piece] of pieces.entries()) {
    const reading = readings[index]!;
    for (const mask of reading.masks) masks.push(shiftSpan(mask, piece.start));
    for (const item of reading.found) found.push(shiftFound(item, piece.start));
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
      if (heading) blocks.push(block(base, 'heading', item.span.end, heading));
    } else if (item.type === 'paragraph' && item.topLevel) {
      blocks.push(numberedParagraph(source, text, lines, base, item.span, firstLine, lastLine));
    } else {
      blocks.push(block(base, item.type === 'item' ? 'list-item' : 'paragraph', item.bodyStart, undefined));
    }
  }
  return { text, lines, blocks, tables, cache: next };
}

/**
 * The reading of the whole text parsed at once, no piece read without the parser: what
 * readMarkdown must always equal (the tests hold it to that).
 */
export function readMarkdownWhole(source: string): MarkdownReading {
  return readMarkdown(source, undefined, [{ start: 0, end: source.length, plainEnd: undefined }]);
}

/** What one piece of a Markdown text holds, from the piece's start: kept for the next version. */
export interface ChunkReading {
  readonly found: readonly Found[];
  readonly masks: readonly TextSpan[];
  /** For a piece that may define labels: each label it defines and a line defining it alone. */
  readonly definitions?: readonly (readonly [string, string])[];
}

/**
 * What was read in the pieces of a version (see splitPieces), for the next version to parse only
 * new pieces: readings by the piece's text and the definitions given to it, the definitions a
 * piece holds by its text (kept apart, so that no key of one can be taken for a key of the other).
 */
export interface ChunkCache {
  readonly readings: Map<string, ChunkReading>;
  readonly definitions: Map<string, ChunkReading>;
}

/**
 * Every link and footnote label defined in the text, with a definition line of its own: a
 * reference reads as one wherever its definition is. The parser says which lines define (a
 * `[x]: y` line in code or an HTML comment does not), piece by piece; kept like the readings.
 */
function definitionsIn(source: string, pieces: readonly Piece[], next: Map<string, ChunkReading>, cache: ReadonlyMap<string, ChunkReading> | undefined): ReadonlyMap<string, string> {
  const keys = pieces.map((piece) => (piece.plainEnd === undefined && mayDefine(source.slice(piece.start, piece.end)) ? source.slice(piece.start, piece.end) : undefined));
  const known = keys.map((key) => (key === undefined ? EMPTY : (next.get(key) ?? cache?.get(key))));
  const unknown = indexesOf(known);
  for (const group of groupsOf(pieces, unknown)) {
    const { nodes } = parseTogether(source, pieces, group, '', false);
    group.forEach((k, j) => (known[k] = { found: [], masks: [], definitions: nodes[j]!.flatMap(definitionLines) }));
  }
  const byLabel = new Map<string, string>();
  known.forEach((reading, k) => {
    if (keys[k] !== undefined) next.set(keys[k], reading!);
    for (const [label, line] of reading!.definitions ?? []) if (!byLabel.has(label)) byLabel.set(label, line);
  });
  return byLabel;
}

const EMPTY: ChunkReading = { found: [], masks: [] };

function indexesOf(known: readonly (ChunkReading | undefined)[]): number[] {
  const indexes: number[] = [];
  known.forEach((reading, k) => {
    if (reading === undefined) indexes.push(k);
  });
  return indexes;
}

/**
 * The top-level nodes of the pieces `which` (in order), by piece, from one parse of the pieces
 * one after the other, with `definitions` before them (or after, `after`): a piece starts after
 * a blank line with nothing open and every piece but the last ends with a blank line, so each
 * reads in this text as in its own (see splitPieces), and one parse of many small pieces costs
 * far less than many parses. No node reaches across a cut, so each lies in one piece. `starts`:
 * where each piece starts in the parsed text.
 */
function parseTogether(source: string, pieces: readonly Piece[], which: readonly number[], definitions: string, after: boolean): { parsed: string; nodes: Nodes[][]; starts: number[] } {
  const parts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let length = 0;
  const add = (part: string): void => {
    parts.push(part);
    length += part.length;
  };
  if (definitions && !after) add(`${definitions}\n\n`);
  which.forEach((k, j) => {
    // Between pieces that are not neighbours, a paragraph of its own: right after indented code the
    // parser reads some lines as if they interrupted it (see splitPieces), and a piece is cut there
    // only when the text before it is not code, which the piece put before it here may be.
    if (j > 0 && pieces[k]!.start !== pieces[which[j - 1]!]!.end) add(SEPARATOR);
    starts.push(length);
    add(source.slice(pieces[k]!.start, pieces[k]!.end));
    ends.push(length);
  });
  if (definitions && after) add(`\n\n${definitions}`);
  const parsed = parts.join('');
  const nodes: Nodes[][] = which.map(() => []);
  let j = 0;
  for (const node of markdownTree(parsed).children) {
    const start = node.position?.start.offset ?? 0;
    if (start < starts[0]!) continue; // definitions put before the pieces
    while (j + 1 < starts.length && start >= starts[j + 1]!) j++;
    if (start >= ends[j]!) continue; // a separator, or the definitions after the pieces
    nodes[j]!.push(node);
  }
  return { parsed, nodes, starts };
}

const SEPARATOR = 'x\n\n';

/**
 * Every piece's reading: the previous version's for a piece it had too, the parser's for the
 * others, read in one parse with the definitions they refer to (`alone`: one parse per piece, as
 * for the tests to compare).
 */
function readPieces(source: string, pieces: readonly Piece[], definitions: ReadonlyMap<string, string>, next: Map<string, ChunkReading>, cache: ReadonlyMap<string, ChunkReading> | undefined, alone: boolean): ChunkReading[] {
  const referred: (string[] | undefined)[] = [];
  const keys = pieces.map((piece) => {
    if (piece.plainEnd !== undefined) {
      referred.push(undefined);
      return undefined;
    }
    const text = source.slice(piece.start, piece.end);
    const lines = definitionsFor(text, definitions);
    referred.push(lines);
    // Unambiguous whatever the text holds: its length first, then it, then the definitions.
    return `${piece.start === 0 ? 1 : 0}${text.length}:${text}${lines.length > 0 ? JSON.stringify(lines) : ''}`;
  });
  const known = pieces.map((piece, k) => (piece.plainEnd !== undefined ? plainReading(piece.plainEnd - piece.start, piece.plainDepth ?? 0) : (next.get(keys[k]!) ?? cache?.get(keys[k]!))));
  const unknown = indexesOf(known);
  const groups = alone ? unknown.map((k) => [k]) : groupsOf(pieces, unknown);
  for (const group of groups) {
    const lines = new Set<string>();
    for (const k of group) for (const line of referred[k] ?? []) lines.add(line);
    // The first piece keeps the start of the text (front matter): definitions go after it, and it
    // is parsed on its own, for a fence left open at the end of the text not to swallow them.
    const firstAlone = lines.size > 0 && group[0] === 0 && group.length > 1;
    for (const part of firstAlone ? [[0], group.slice(1)] : [group]) readGroup(source, pieces, part, referred, known);
  }
  keys.forEach((key, k) => {
    if (key !== undefined) next.set(key, known[k]!);
  });
  return known as ChunkReading[];
}

/**
 * The new pieces in groups of about GROUP characters, each parsed at once: one parse per piece
 * costs the parser's set-up each time, one parse of everything costs more than its share (the
 * parser's work grows faster than its input: 0.25 MB of dense Markdown took 7 s, 1 MB 36 s).
 */
function groupsOf(pieces: readonly Piece[], unknown: readonly number[]): number[][] {
  const groups: number[][] = [];
  let size = 0;
  for (const k of unknown) {
    const length = pieces[k]!.end - pieces[k]!.start;
    if (groups.length === 0 || size + length > GROUP) {
      groups.push([]);
      size = 0;
    }
    groups[groups.length - 1]!.push(k);
    size += length;
  }
  return groups;
}

const GROUP = 4096;

function readGroup(source: string, pieces: readonly Piece[], group: readonly number[], referred: readonly (string[] | undefined)[], known: (ChunkReading | undefined)[]): void {
  const lines = new Set<string>();
  for (const k of group) for (const line of referred[k] ?? []) lines.add(line);
  // Apart from each other, so that none reads as part of another.
  const { parsed, nodes, starts } = parseTogether(source, pieces, group, [...lines].join('\n\n'), group[0] === 0);
  group.forEach((k, j) => {
    const masks: TextSpan[] = [];
    const found: Found[] = [];
    for (const node of nodes[j]!) collect(node, parsed, masks, found, false);
    known[k] = { found: found.map((item) => shiftFound(item, -starts[j]!)), masks: masks.map((mask) => shiftSpan(mask, -starts[j]!)) };
  });
}

/** The definitions of a tree, containers included, each as a line that defines its label alone. */
function definitionLines(node: Nodes): [string, string][] {
  if (node.type === 'definition') return [[normalLabel(node.label ?? node.identifier), `[${node.label ?? node.identifier}]: x`]];
  const own: [string, string][] = node.type === 'footnoteDefinition' ? [[normalLabel(`^${node.label ?? node.identifier}`), `[^${node.label ?? node.identifier}]: x`]] : [];
  if ('children' in node) for (const child of node.children as Nodes[]) own.push(...definitionLines(child));
  return own;
}

/** A plain paragraph or heading at the margin (see Piece.plainEnd): what the tree would give, without the tree. */
function plainReading(end: number, depth: number): ChunkReading {
  if (depth > 0) return { found: [{ type: 'heading', depth, span: { start: 0, end }, words: { start: depth + 1, end } }], masks: [] };
  return { found: [{ type: 'paragraph', span: { start: 0, end }, bodyStart: 0, topLevel: true }], masks: [] };
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
    name: detached(source.slice(words.start, end)),
    span: { start: words.start, end },
    rank: (atx ? RANK.markdown : RANK.setext) + level,
    numbering,
    runIn: false,
    line,
    topLevel: level === 1,
  };
}

/** A block of a paragraph, heading or list item, written out (a spread of `base` per block showed in profiles of edits). */
function block(base: { span: TextSpan; firstLine: number; lastLine: number }, kind: BlockKind, bodyStart: number, heading: MarkdownHeading | undefined): MarkdownBlock {
  return { kind, span: base.span, firstLine: base.firstLine, lastLine: base.lastLine, bodyStart, heading, cells: undefined, table: -1 };
}

/**
 * A top-level paragraph that starts with a report's own numbering (一、 （一） 1.1) is a heading as
 * in plain text, alone or run in: Chinese reports keep that numbering when written in Markdown.
 */
function numberedParagraph(source: string, text: string, lines: LineIndex, base: { span: TextSpan; firstLine: number; lastLine: number; cells: undefined; table: number }, span: TextSpan, firstLine: number, lastLine: number): MarkdownBlock {
  const plain = block(base, 'paragraph', span.start, undefined);
  // The numbering must start the paragraph: most start with a word, and need no line scan.
  if (!mayStartMarker(text.charCodeAt(span.start))) return plain;
  const info = scanLineAt(text, lines, firstLine);
  if (info.kind !== 'marker' || info.contentStart !== span.start) return plain;
  const raw = { firstLine, lastLine, start: span.start, end: span.end, lead: info.kind, blankBefore: true, blankAfter: true, setextLevel: 0 };
  const draft = numberedHeading(text, raw, info);
  if (!draft) return plain;
  const heading: MarkdownHeading = { name: detached(source.slice(draft.span.start, draft.span.end)), span: draft.span, rank: draft.rank, numbering: draft.numbering, runIn: draft.runIn, line: draft.line, topLevel: false };
  return block(base, draft.runIn ? 'paragraph' : 'heading', draft.bodyStart ?? span.end, heading);
}
