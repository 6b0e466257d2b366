import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { ReportDocument, Section } from '../model';
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
  return symbols;
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
