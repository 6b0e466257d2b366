import { formatOf } from '../core/parser/markdown/detect';
import type { Figure, ReportLanguageService } from '../core/languageService';
import { checkFormat, UsageError } from './args';
import { isDocx } from '../docx/extract';
import { readReport } from './readReport';
import { terminalWidth } from './terminalWidth';
import { formatNumber } from '../core/languageFeatures/hover';

/** The JSON shape of design.md: `{ text, value, unit, kind, noun?, range, interval: [lo, hi] }` (range = LSP Range). */
export interface FigureJson {
  text: string;
  value: number;
  unit: string;
  kind: string;
  noun?: string;
  qualifier?: string;
  signed?: boolean;
  rangeRole?: 'start' | 'end';
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  interval: [number, number];
}

/** `report-lens figures [--format text|json] FILE`: every number found, with what it is. */
export function figuresCommand(service: ReportLanguageService, files: readonly string[], format: string | undefined, write: (text: string) => void, maxFileSize: number): number {
  const chosen = checkFormat(format, ['text', 'json']);
  if (files.length !== 1) throw new UsageError('figures takes exactly one FILE');
  const file = files[0]!;
  const doc = service.parse(readReport(file, maxFileSize), undefined, undefined, formatOf(undefined, file));
  const figures = doc.figures.map((figure) => toJson(figure, doc.lines.rangeOf(figure.span.start, figure.span.end)));
  if (chosen === 'json') write(`${JSON.stringify(figures, null, 2)}\n`);
  else write(renderFigures(file, figures, isDocx(file)));
  return 0;
}

function toJson(figure: Figure, range: FigureJson['range']): FigureJson {
  return {
    text: figure.text,
    value: figure.value,
    unit: figure.unit,
    kind: figure.kind,
    ...(figure.noun ? { noun: figure.noun } : {}),
    ...(figure.qualifier ? { qualifier: figure.qualifier } : {}),
    ...(figure.signed ? { signed: true } : {}),
    ...(figure.range ? { rangeRole: figure.range } : {}),
    range,
    interval: [figure.interval[0], figure.interval[1]],
  };
}

/** A table: position (`¶N` for a Word document's paragraph), text, kind, value, unit, noun, interval. */
export function renderFigures(file: string, figures: readonly FigureJson[], byParagraph = false): string {
  const rows = figures.map((f) => [
    byParagraph ? `¶${f.range.start.line + 1}` : `${f.range.start.line + 1}:${f.range.start.character + 1}`,
    f.text.replace(/\s+/g, ' '),
    f.kind,
    formatNumber(f.value),
    f.unit,
    f.noun ?? '',
    f.interval[0] === f.interval[1] ? '' : `[${formatNumber(f.interval[0])}, ${formatNumber(f.interval[1])}]`,
    f.qualifier ?? '',
  ]);
  const header = ['where', 'text', 'kind', 'value', 'unit', 'noun', 'interval', 'qualifier'];
  const widths = header.map((h, i) => Math.max(terminalWidth(h), ...rows.map((r) => terminalWidth(r[i]!))));
  const line = (cells: string[]) => cells.map((c, i) => c + ' '.repeat(widths[i]! - terminalWidth(c))).join('  ').trimEnd();
  return `${file}: ${figures.length} figures\n${line(header)}\n${rows.map(line).join('\n')}\n`;
}

