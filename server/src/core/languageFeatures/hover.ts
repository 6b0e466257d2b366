import type { Hover, Position } from 'vscode-languageserver-types';
import type { CancellationToken } from '../cancellation';
import { isQuantity, type Figure } from '../figures/figure';
import { messages, type Locale } from '../l10n/messages';
import type { ReportDocument } from '../model';

export interface HoverOptions {
  readonly locale: Locale;
}

/** The figure under the cursor, explained: its value in plain numbers, unit, counted noun and precision. */
export function hover(doc: ReportDocument, position: Position, options: HoverOptions = { locale: 'en' }, token?: CancellationToken): Hover | null {
  if (token?.isCancellationRequested) return null;
  const offset = doc.lines.offsetAt(position);
  const figure = figureAt(doc.figures, offset);
  if (!figure) return null;
  return {
    contents: { kind: 'markdown', value: describeFigure(figure, options.locale) },
    range: doc.lines.rangeOf(figure.span.start, figure.span.end),
  };
}

/** Binary search: the figure whose text covers `offset` (figures never overlap). */
export function figureAt(figures: readonly Figure[], offset: number): Figure | undefined {
  let low = 0;
  let high = figures.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const figure = figures[mid]!;
    if (offset < figure.span.start) high = mid - 1;
    else if (offset >= figure.span.end) low = mid + 1;
    else return figure;
  }
  return undefined;
}

export function describeFigure(figure: Figure, locale: Locale): string {
  const t = messages(locale);
  const lines = [`**${escapeMarkdown(figure.text)}** — ${t.kindName(figure.kind)}`, ''];
  if (!isQuantity(figure)) {
    lines.push(t.notQuantity());
    return lines.join('\n');
  }
  lines.push(`- ${t.valueLabel()}: ${valueLine(figure)}`);
  if (figure.noun) lines.push(`- ${t.countedLabel()}: ${escapeMarkdown(figure.noun)}`);
  lines.push(`- ${t.intervalLabel()}: ${intervalLine(figure, locale)}`);
  if (figure.qualifier) lines.push(`- ${t.qualifierLabel()}: ${t.qualifierName(figure.qualifier)} — ${t.qualifierNote()}`);
  if (figure.range) lines.push(`- ${t.rangeLabel(figure.range)}`);
  if (figure.signed) lines.push(`- ${t.signedNote()}`);
  return lines.join('\n');
}

function valueLine(figure: Figure): string {
  const value = `**${formatNumber(figure.value)}**`;
  switch (figure.kind) {
    case 'percent':
      return `${value}%`;
    case 'percentage-point':
      return `${value} ${figure.unit === 'percentage points' || figure.unit === 'percentage point' ? 'percentage points' : '个百分点'}`;
    case 'multiple':
      return `${value} ×`;
    case 'fraction':
      return `${value} (${formatNumber(figure.value * 100)}%)`;
    case 'money': {
      const unit = figure.unit === '$' ? '' : ` ${figure.unit}`;
      const prefix = figure.unit === '$' ? '$' : '';
      const reading = chineseScaleReading(figure.value);
      return `${prefix}${value}${unit}${reading ? ` ≈ ${reading}${figure.unit === '$' ? '美元' : figure.unit}` : ''}`;
    }
    default: {
      const unit = figure.unit ? ` ${figure.unit}` : '';
      const reading = chineseScaleReading(figure.value);
      return `${value}${unit}${reading ? ` (${reading})` : ''}`;
    }
  }
}

function intervalLine(figure: Figure, locale: Locale): string {
  const t = messages(locale);
  const [lo, hi] = figure.interval;
  if (lo === hi) return t.exactLabel();
  const suffix = figure.kind === 'percent' ? '%' : '';
  const step = hi - lo;
  return `${formatNumber(lo)}${suffix} – ${formatNumber(hi)}${suffix} (${t.nearestLabel(formatNumber(step) + suffix)})`;
}

/** 1097100000000 → 1.10万亿, 14900 → 1.49万; undefined below 10,000. */
export function chineseScaleReading(value: number): string | undefined {
  const abs = Math.abs(value);
  if (abs >= 1e12) return `${(value / 1e12).toPrecision(3)}万亿`;
  if (abs >= 1e8) return `${(value / 1e8).toPrecision(3)}亿`;
  if (abs >= 1e4) return `${(value / 1e4).toPrecision(3)}万`;
  return undefined;
}

/** Digit grouping with up to 10 decimals and no float noise: 14900 → 14,900; 99.35 → 99.35. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return value.toLocaleString('en-US', { maximumFractionDigits: 10, useGrouping: true });
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>()#+!|]/g, (ch) => `\\${ch}`);
}
