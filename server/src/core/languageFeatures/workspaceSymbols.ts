import { SymbolKind, type WorkspaceSymbol } from 'vscode-languageserver-types';
import type { ReportDocument, Section } from '../model';
import type { CancellationToken } from '../cancellation';

export interface IndexedReport {
  readonly uri: string;
  readonly doc: ReportDocument;
}

/**
 * Headings of every given report whose name matches `query`: the query's
 * characters must appear in order (case-insensitive), as VS Code's own
 * symbol search expects; an empty query matches everything.
 */
export function workspaceSymbols(reports: Iterable<IndexedReport>, query: string, token?: CancellationToken, limit = 1000): WorkspaceSymbol[] {
  const needle = query.toLowerCase().replace(/\s+/g, '');
  const results: WorkspaceSymbol[] = [];
  for (const report of reports) {
    if (token?.isCancellationRequested || results.length >= limit) break;
    collect(report, report.doc.sections, undefined, needle, results, limit);
  }
  return results;
}

function collect(report: IndexedReport, sections: readonly Section[], container: string | undefined, needle: string, out: WorkspaceSymbol[], limit: number): void {
  for (const section of sections) {
    if (out.length >= limit) return;
    const { heading } = section;
    if (matchesInOrder(heading.name.toLowerCase(), needle)) {
      const symbol: WorkspaceSymbol = {
        name: heading.name,
        kind: heading.rank === 0 ? SymbolKind.File : SymbolKind.String,
        location: { uri: report.uri, range: report.doc.lines.rangeOf(heading.span.start, heading.span.end) },
      };
      if (container) symbol.containerName = container;
      out.push(symbol);
    }
    collect(report, section.children, heading.name, needle, out, limit);
  }
}

export function matchesInOrder(haystack: string, needle: string): boolean {
  let position = 0;
  for (const ch of needle) {
    position = haystack.indexOf(ch, position);
    if (position < 0) return false;
    position += ch.length;
  }
  return true;
}
