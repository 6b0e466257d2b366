import type { ReportDocument, Table as MarkdownTable, TextSpan } from '../model';
import { isSpace } from '../text/chars';
import { LINE_COLUMNS } from '../parser/lines';
import { linesMarked } from '../parser/parse';

/**
 * Tables written in a report's text, read from its lines: Markdown (GFM) pipe tables, rows whose
 * cells are separated by tabs (what Word's "Convert Table to Text" writes, and how a .docx table
 * is extracted), and columns aligned with runs of ASCII spaces. Only the lines are read — no parser —
 * so every kind of document gets the same tables, and a table costs what its lines cost.
 */
export interface TableCell {
  /** The cell's text without the spaces around it. */
  readonly span: TextSpan;
  readonly text: string;
}

export interface TableRow {
  readonly line: number;
  readonly span: TextSpan;
  readonly cells: readonly TableCell[];
}

export type TableStyle = 'pipe' | 'tab' | 'spaces';

export interface Table {
  readonly span: TextSpan;
  readonly style: TableStyle;
  /** The header: the row above a Markdown delimiter row, or a first row that states no number. */
  readonly header: TableRow | undefined;
  /** The rows under the header. */
  readonly rows: readonly TableRow[];
}

/** A table has at most this many columns and rows read: wider or longer input is not a report's table. */
const MAX_COLUMNS = 40;
const MAX_ROWS = 2000;
/** Aligned with spaces: at least this many rows and cells, so that prose with a double space is not a table. */
const MIN_SPACED_ROWS = 3;
const MIN_SPACED_CELLS = 3;

const DELIMITER_ROW = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const HAS_DIGIT = /[0-9０-９]/;
/** A column label that is a period, not an amount: 2025, 2025年（亿元）, 1—6月, Q3 2026. */
const PERIOD_LABEL = /^(?:(?:19|20)[0-9]{2}(?![0-9])|[0-9]{1,2}[—–-][0-9]{1,2}月|Q[1-4]\b)/;

/** The tables among the lines of [start, end) of `text` (a paragraph, or a whole document). */
export function readTables(text: string, start: number, end: number, firstLine: number): Table[] {
  const tables: Table[] = [];
  let run: { style: TableStyle; width: number; rows: TableRow[]; header: TableRow | undefined; delimiter: boolean } | undefined;
  const close = () => {
    if (run) {
      const table = finish(run.style, run.rows, run.header, run.delimiter);
      if (table) tables.push(table);
    }
    run = undefined;
  };
  let line = firstLine;
  for (let at = start; at < end; line++) {
    let stop = text.indexOf('\n', at);
    if (stop < 0 || stop > end) stop = end;
    const lineEnd = stop > at && text[stop - 1] === '\r' ? stop - 1 : stop;
    const row = readRow(text, at, lineEnd, line);
    if (row && run && row.style === 'pipe' && run.style === 'pipe' && DELIMITER_ROW.test(text.slice(at, lineEnd))) {
      // The delimiter row: the row above it is the header.
      if (run.rows.length === 1 && !run.header) {
        run.header = run.rows.pop();
        run.delimiter = true;
      }
    } else if (row && run && row.style === run.style && row.cells.length === run.width && run.rows.length < MAX_ROWS) {
      run.rows.push(row);
    } else {
      close();
      if (row) run = { style: row.style, width: row.cells.length, rows: [row], header: undefined, delimiter: false };
    }
    at = stop + 1;
  }
  close();
  return tables;
}

function finish(style: TableStyle, rows: TableRow[], header: TableRow | undefined, delimiter: boolean): Table | undefined {
  let body = rows;
  // Without a delimiter row, a first row that states no amount is the header: words, years and periods (指标 | 2024年 | 2025年).
  if (!delimiter && body.length > 0 && body[0]!.cells.every((cell) => !HAS_DIGIT.test(cell.text) || PERIOD_LABEL.test(cell.text))) {
    header = body[0];
    body = body.slice(1);
  }
  const minimum = style === 'spaces' ? MIN_SPACED_ROWS : 2;
  if (body.length < minimum) return undefined;
  // Aligned with spaces: every row states a number, or it is prose after all.
  if (style === 'spaces' && body.some((row) => !row.cells.some((cell) => HAS_DIGIT.test(cell.text)))) return undefined;
  const first = header ?? body[0]!;
  return { span: { start: first.span.start, end: body[body.length - 1]!.span.end }, style, header, rows: body };
}

function readRow(text: string, start: number, end: number, line: number): (TableRow & { style: TableStyle }) | undefined {
  const raw = text.slice(start, end);
  if (raw.trim().length === 0) return undefined;
  const style: TableStyle | undefined = raw.includes('\t') ? 'tab' : /^\s*\|.*\|/.test(raw) ? 'pipe' : /\S {2,}\S/.test(raw.trim()) ? 'spaces' : undefined;
  if (!style) return undefined;
  const cells = splitCells(raw, start, style);
  if (cells.length < 2 || cells.length > MAX_COLUMNS || (style === 'spaces' && cells.length < MIN_SPACED_CELLS)) return undefined;
  return { line, span: { start, end }, cells, style };
}

/** The cells of a row, each trimmed, with its offsets in the text. */
function splitCells(raw: string, offset: number, style: TableStyle): TableCell[] {
  const separator = style === 'tab' ? /\t/g : style === 'pipe' ? /(?<!\\)\|/g : / {2,}/g;
  const pieces: TextSpan[] = [];
  let from = 0;
  for (const m of raw.matchAll(separator)) {
    pieces.push({ start: from, end: m.index! });
    from = m.index! + m[0].length;
  }
  pieces.push({ start: from, end: raw.length });
  // A pipe row's leading and trailing | leave an empty piece at each end.
  if (style === 'pipe') {
    if (raw.slice(pieces[0]!.start, pieces[0]!.end).trim() === '') pieces.shift();
    const last = pieces[pieces.length - 1];
    if (last && raw.slice(last.start, last.end).trim() === '') pieces.pop();
  }
  if (style === 'spaces') {
    // Leading indentation is not an empty first cell.
    while (pieces.length > 0 && raw.slice(pieces[0]!.start, pieces[0]!.end).trim() === '') pieces.shift();
  }
  return pieces.map((piece) => {
    let s = piece.start;
    let e = piece.end;
    while (s < e && /\s/.test(raw[s]!)) s++;
    while (e > s && /\s/.test(raw[e - 1]!)) e--;
    return { span: { start: offset + s, end: offset + e }, text: raw.slice(s, e) };
  });
}

/** Tables are read once per version of a document: the outline and the checks share them. */
const cache = new WeakMap<ReportDocument, readonly Table[]>();

/**
 * Every table of a document. A report's table is a run of lines — one paragraph each to the
 * parser — so the lines that may be rows (a tab, a pipe, a run of spaces between words) are
 * found with native searches over the text first, and only runs of them are read.
 */
export function documentTables(doc: ReportDocument): readonly Table[] {
  let tables = cache.get(doc);
  if (tables) return tables;
  tables = doc.format === 'markdown' ? markdownTables(doc) : lineTables(doc);
  cache.set(doc, tables);
  return tables;
}

/**
 * Markdown's GFM tables are the parser's (a pipe table inside a code block is code); tables
 * written with tabs or aligned columns are read from lines as in text, where the parser saw a
 * paragraph (or a list item) — never in code, HTML or front matter.
 */
function markdownTables(doc: ReportDocument): Table[] {
  const parsed = doc.tables.map((table) => fromMarkdown(doc.text, table)).filter((table): table is Table => table !== undefined);
  const prose = doc.blocks.filter((block) => block.kind === 'paragraph' || block.kind === 'list-item');
  const inProse = (table: Table): boolean => {
    let low = 0;
    let high = prose.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const span = prose[mid]!.span;
      if (span.end < table.span.start) low = mid + 1;
      else if (span.start > table.span.start) high = mid - 1;
      else return table.span.end <= span.end;
    }
    return false;
  };
  const fromLines = lineTables(doc).filter(inProse);
  return fromLines.length === 0 ? parsed : [...parsed, ...fromLines].sort((a, b) => a.span.start - b.span.start);
}

function lineTables(doc: ReportDocument): Table[] {
  const { text } = doc;
  // The parser marked the candidate lines as it read them (an edit re-reads only the lines it touched).
  const lines = linesMarked(doc, LINE_COLUMNS) ?? candidateLines(doc);
  const found: Table[] = [];
  for (let k = 0; k < lines.length; ) {
    let last = k;
    while (last + 1 < lines.length && lines[last + 1] === lines[last]! + 1) last++;
    if (last > k) found.push(...readTables(text, doc.lines.lineStart(lines[k]!), doc.lines.lineEnd(lines[last]!), lines[k]!));
    k = last + 1;
  }
  return found;
}

/** The lines that may be table rows, searched for in the text (see LINE_COLUMNS); exported for the test that the parser marks the same lines. */
export function candidateLines(doc: ReportDocument): number[] {
  const { text } = doc;
  const candidates = new Set<number>();
  const mark = (needle: string) => {
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, doc.lines.lineEnd(doc.lines.lineAt(at)) + 1)) candidates.add(doc.lines.lineAt(at));
  };
  // Full-width spaces are not looked for: Chinese reports indent every paragraph with them, and
  // a table aligned with them alone is rare — marking them would read every line of every version.
  mark('\t');
  mark('|');
  // Two spaces make a column only between words (readRow: \S {2,}\S): reports indented with ASCII
  // spaces would otherwise make every line a candidate, read again at every version.
  for (let at = text.indexOf('  '); at >= 0; ) {
    let end = at + 2;
    while (text.charCodeAt(end) === 0x20) end++;
    if (at > 0 && !isSpace(text.charCodeAt(at - 1)) && end < text.length && !isSpace(text.charCodeAt(end))) {
      const line = doc.lines.lineAt(at);
      candidates.add(line);
      at = text.indexOf('  ', doc.lines.lineEnd(line) + 1);
    } else at = text.indexOf('  ', end);
  }
  return [...candidates].sort((a, b) => a - b);
}

/** A GFM table of the Markdown model as the table checks read it: its first row is the header, and as in text, two rows under it at least. */
function fromMarkdown(text: string, table: MarkdownTable): Table | undefined {
  const toRow = (row: MarkdownTable['rows'][number]): TableRow => ({
    line: row.line,
    span: row.span,
    cells: row.cells.map((cell) => ({ span: cell, text: text.slice(cell.start, cell.end).trim() })),
  });
  const [header, ...rows] = table.rows.map(toRow);
  if (!header || rows.length < 2) return undefined;
  return { span: table.span, style: 'pipe', header, rows };
}
