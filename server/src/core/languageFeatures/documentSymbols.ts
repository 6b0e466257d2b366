import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { ReportDocument, Section } from '../model';
import { documentTables, type Table } from '../tables/readTables';
import type { CancellationToken } from '../cancellation';

/**
 * The outline: the title (when the report has one) holds every section, and
 * each section its sub-sections. `selectionRange` is the heading's own text,
 * so a run-in heading selects its first sentence, never the body after it.
 */
export function documentSymbols(doc: ReportDocument, token?: CancellationToken): DocumentSymbol[] {
  const symbols: DocumentSymbol[] = [];
  for (const section of doc.sections) {
    if (token?.isCancellationRequested) break;
    symbols.push(toSymbol(doc, section));
  }
  for (const table of documentTables(doc)) place(symbols, tableSymbol(doc, table), doc.lines.positionAt(table.span.start).line);
  return symbols;
}

/** A table in the outline: named by its header, under the innermost section that holds it. */
function tableSymbol(doc: ReportDocument, table: Table): DocumentSymbol {
  const columns = (table.header ?? table.rows[0]!).cells.length;
  const named = table.header?.cells.map((cell) => cell.text).filter((text) => text.length > 0).join(' | ') ?? '';
  const name = named.length > 0 ? (named.length > 40 ? `${named.slice(0, 39)}…` : named) : `▦ ${table.rows[0]!.cells[0]!.text.slice(0, 20)}`;
  const range = doc.lines.rangeOf(table.span.start, table.span.end);
  return { name, detail: `${table.rows.length} × ${columns}`, kind: SymbolKind.Array, range, selectionRange: doc.lines.rangeOf(table.span.start, (table.header ?? table.rows[0]!).span.end) };
}

/** Adds `symbol` to the deepest symbol whose range holds `line`, after the children that start before it. */
function place(symbols: DocumentSymbol[], symbol: DocumentSymbol, line: number): void {
  const holder = symbols.find((s) => s.range.start.line <= line && line <= s.range.end.line && s.kind !== SymbolKind.Array);
  if (holder) {
    holder.children ??= [];
    place(holder.children, symbol, line);
    return;
  }
  const at = symbols.findIndex((s) => s.range.start.line > line);
  symbols.splice(at < 0 ? symbols.length : at, 0, symbol);
}

function toSymbol(doc: ReportDocument, section: Section): DocumentSymbol {
  const { heading } = section;
  const symbol: DocumentSymbol = {
    name: heading.name,
    kind: heading.rank === 0 ? SymbolKind.File : SymbolKind.String,
    range: doc.lines.rangeOf(section.span.start, section.span.end),
    selectionRange: doc.lines.rangeOf(heading.span.start, heading.span.end),
    children: section.children.map((child) => toSymbol(doc, child)),
  };
  const detail = heading.rank === 0 ? titleDetail(doc) : undefined;
  if (detail) symbol.detail = detail;
  return symbol;
}

/** The subtitle under the title, or else the metadata values (source · date). */
function titleDetail(doc: ReportDocument): string | undefined {
  const subtitle = doc.title?.subtitle;
  if (subtitle) return doc.text.slice(subtitle.start, subtitle.end).replace(/^[—-]+\s*/, '');
  const values = doc.metadata.map((entry) => entry.value.trim()).filter((value) => value.length > 0);
  return values.length > 0 ? values.join(' · ') : undefined;
}
