import { formatOf } from '../core/parser/markdown/detect';
import { messages, type Locale } from '../core/l10n/messages';
import type { ReportLanguageService } from '../core/languageService';
import type { RelationEntry } from '../core/languageFeatures/relationList';
import { checkFormat, UsageError } from './args';
import { isDocx } from '../docx/extract';
import { readReport } from './readReport';

/**
 * `report-lens relations [--format text|json] [--locale L] FILE`: every relation the
 * checks found — its clauses, the figures with their roles, the arithmetic, the stated
 * and computed intervals and the verdict (consistent, mismatch, or not verifiable and why).
 */
export function relationsCommand(service: ReportLanguageService, files: readonly string[], format: string | undefined, locale: Locale, write: (text: string) => void, maxFileSize: number): number {
  const chosen = checkFormat(format, ['text', 'json']);
  if (files.length !== 1) throw new UsageError('relations takes exactly one FILE');
  const file = files[0]!;
  const entries = service.relations(service.parse(readReport(file, maxFileSize), undefined, undefined, formatOf(undefined, file)), locale);
  if (chosen === 'json') write(`${JSON.stringify(entries, null, 2)}\n`);
  else write(renderRelations(file, entries, locale, isDocx(file)));
  return 0;
}

const VERDICT_MARK: Record<RelationEntry['verdict'], string> = { consistent: '✓', mismatch: '✗', 'not-verifiable': '?' };

/** One entry a line (`path:line:col`, or `path ¶N` for a Word document's paragraph), its clauses under it. */
export function renderRelations(file: string, entries: readonly RelationEntry[], locale: Locale, byParagraph = false): string {
  const t = messages(locale);
  const counts = { consistent: 0, mismatch: 0, 'not-verifiable': 0 };
  const lines: string[] = [];
  for (const entry of entries) {
    counts[entry.verdict]++;
    const start = entry.range.start;
    const where = byParagraph ? `${file} ¶${start.line + 1}` : `${file}:${start.line + 1}:${start.character + 1}`;
    lines.push(`${where}: ${VERDICT_MARK[entry.verdict]} ${entry.check} — ${entry.arithmetic.replace(/\s+/g, ' ')}${entry.reasonText ? ` — ${t.notVerifiable(entry.reasonText)}` : ''}`);
    for (const clause of entry.clauses) {
      const facts = [clause.metric && `metric ${clause.metric}`, clause.period && `period ${clause.period}`, clause.base && `base ${clause.base}`, `verb ${clause.verb}`, ...clause.qualifiers].filter(Boolean).join(', ');
      lines.push(`    「${clause.text.replace(/\s+/g, ' ')}」 ${facts}`);
    }
  }
  lines.push(`${entries.length} relations: ${counts.consistent} consistent, ${counts.mismatch} mismatch, ${counts['not-verifiable']} not verifiable`);
  return `${lines.join('\n')}\n`;
}
