import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { ReportDocument, Section, Table } from '../model';
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
  return doc.tables.length === 0 ? symbols : withTables(doc, symbols, doc.sections, doc.tables);
}

function toSymbol(doc: ReportDocument, section: Section): DocumentSymbol {
  const { heading } = section;
  const children = section.children.map((child) => toSymbol(doc, child));
  const tables = doc.tables.length === 0 ? [] : doc.tables.filter((table) => table.span.start >= section.span.start && table.span.end <= section.span.end);
  const symbol: DocumentSymbol = {
    name: heading.name,
    kind: heading.rank === 0 ? SymbolKind.File : SymbolKind.String,
    range: doc.lines.rangeOf(section.span.start, section.span.end),
    selectionRange: doc.lines.rangeOf(heading.span.start, heading.span.end),
    children: tables.length === 0 ? children : withTables(doc, children, section.children, tables),
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

/**
 * Tables are listed in the section they stand in, among its sub-sections in text order, named by
 * their header row: the outline is where a reader looks for "the table of revenue by region".
 */
function withTables(doc: ReportDocument, symbols: DocumentSymbol[], sections: readonly Section[], tables: readonly Table[]): DocumentSymbol[] {
  const own = tables.filter((table) => !sections.some((section) => table.span.start >= section.span.start && table.span.end <= section.span.end));
  if (own.length === 0) return symbols;
  const all = [...symbols, ...own.map((table) => tableSymbol(doc, table))];
  return all.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function tableSymbol(doc: ReportDocument, table: Table): DocumentSymbol {
  const header = table.rows[0];
  const cells = header ? header.cells.map((cell) => doc.text.slice(cell.start, cell.end).trim()).filter((name) => name.length > 0) : [];
  const name = cells.length > 0 ? `| ${cells.join(' | ')} |` : '| |';
  const selection = header ? header.span : table.span;
  return { name, kind: SymbolKind.Array, range: doc.lines.rangeOf(table.span.start, table.span.end), selectionRange: doc.lines.rangeOf(selection.start, selection.end), children: [] };
}
