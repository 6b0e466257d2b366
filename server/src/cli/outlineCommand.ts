import { formatOf } from '../core/parser/markdown/detect';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import type { ReportLanguageService } from '../core/languageService';
import { checkFormat, UsageError } from './args';
import { isDocx } from '../docx/extract';
import { readReport } from './readReport';

/** `report-lens outline [--format text|json] FILE`: the server's DocumentSymbol[] for one file. */
export function outlineCommand(service: ReportLanguageService, files: readonly string[], format: string | undefined, write: (text: string) => void, maxFileSize: number): number {
  const chosen = checkFormat(format, ['text', 'json']);
  if (files.length !== 1) throw new UsageError('outline takes exactly one FILE');
  const file = files[0]!;
  const symbols = service.documentSymbols(service.parse(readReport(file, maxFileSize), undefined, undefined, formatOf(undefined, file)));
  if (chosen === 'json') write(`${JSON.stringify(symbols, null, 2)}\n`);
  else write(renderOutline(file, symbols, isDocx(file)));
  return 0;
}

/** A readable tree: `12:5  （一）加强宏观调控` indented by depth (`¶12` for a Word document's paragraph). */
export function renderOutline(file: string, symbols: readonly DocumentSymbol[], byParagraph = false): string {
  const lines = [file];
  const visit = (list: readonly DocumentSymbol[], depth: number): void => {
    for (const symbol of list) {
      const start = symbol.selectionRange.start;
      const where = byParagraph ? `¶${start.line + 1}` : `${start.line + 1}:${start.character + 1}`;
      const detail = symbol.detail ? `  — ${symbol.detail}` : '';
      lines.push(`${where.padStart(8)}  ${'  '.repeat(depth)}${symbol.name}${detail}`);
      visit(symbol.children ?? [], depth + 1);
    }
  };
  visit(symbols, 0);
  if (symbols.length === 0) lines.push('        (no headings found)');
  return `${lines.join('\n')}\n`;
}
