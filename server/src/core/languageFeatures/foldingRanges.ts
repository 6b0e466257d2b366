import type { FoldingRange } from 'vscode-languageserver-types';
import type { ReportDocument, Section } from '../model';
import type { CancellationToken } from '../cancellation';

/** One folding range per section that spans more than its heading line. */
export function foldingRanges(doc: ReportDocument, token?: CancellationToken, limit = Number.MAX_SAFE_INTEGER): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const visit = (sections: readonly Section[]): void => {
    for (const section of sections) {
      if (ranges.length >= limit || token?.isCancellationRequested) return;
      if (section.lastLine > section.firstLine) ranges.push({ startLine: section.firstLine, endLine: section.lastLine });
      visit(section.children);
    }
  };
  visit(doc.sections);
  return ranges;
}
