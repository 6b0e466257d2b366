import { sumText } from './figureText';
import type { Hover, Position } from 'vscode-languageserver-types';
import type { CancellationToken } from '../cancellation';
import { isQuantity, type Figure } from '../figures/figure';
import { messages, type Locale } from '../l10n/messages';
import type { ReportDocument, TextSpan } from '../model';
import { itemAt } from '../text/spans';
import { figuresIn } from '../parser/parse';
import type { Glossary } from '../terms/termIndex';
import { describeTerm, termAt } from './terms';
import { midpoint, partsTerms, partsTotal, sharePercent, show } from '../relations/arithmetic';
import { relationsOfFigure } from '../relations/analyze';
import type { Relation } from '../relations/types';
import { readingArithmetic, readingRole } from './readingDiagnostics';
import { formatEnUs } from '../text/numberFormat';

export interface HoverOptions {
  readonly locale: Locale;
  /** Term definitions; without them only figures hover. */
  readonly glossary?: Glossary;
  readonly uri?: string;
  /** Findings silenced by a reviewed entry, with the figures they involve (reviewedFindings). */
  readonly reviewed?: readonly { readonly code: string; readonly spans: readonly TextSpan[]; readonly entry: { readonly by?: string; readonly at?: string } }[];
}

/** The figure under the cursor, explained: its value in plain numbers, unit, counted noun and precision. */
export function hover(doc: ReportDocument, position: Position, options: HoverOptions = { locale: 'en' }, token?: CancellationToken): Hover | null {
  if (token?.isCancellationRequested) return null;
  const offset = doc.lines.offsetAt(position);
  // Only the figures of the block under the cursor are placed: an edit elsewhere moved the rest.
  const figure = figureAt(figuresIn(doc, offset, offset + 1), offset);
  if (options.glossary) {
    const termOptions = { glossary: options.glossary, uri: options.uri ?? '', locale: options.locale };
    const term = termAt(doc, position, termOptions);
    // A term that contains the figure (两件大事 around 两件) explains more than the figure does.
    if (term?.entry && (!figure || (term.span.start <= figure.span.start && figure.span.end <= term.span.end))) {
      // The report's own items first (五字诀: 深、实、细、准、效), then what the glossary says of the same term.
      const own = describeTerm(doc, term, termOptions);
      const general = term.entry.source.kind === 'document' ? options.glossary.lookup(term.entry.term) ?? options.glossary.lookup(term.name) : undefined;
      const value = own && general && general !== term.entry ? `${own}\n\n---\n\n${describeTerm(doc, { ...term, entry: general }, termOptions) ?? ''}` : own;
      if (value) return { contents: { kind: 'markdown', value }, range: doc.lines.rangeOf(term.span.start, term.span.end) };
    }
  }
  if (!figure) return null;
  return {
    contents: { kind: 'markdown', value: [describeFigure(figure, options.locale), ...relationLines(doc, figure, options.locale), ...reviewedLines(figure, options)].join('\n') },
    range: doc.lines.rangeOf(figure.span.start, figure.span.end),
  };
}

/** A figure whose finding was marked as reviewed says so: its silence is a person's decision, not a passed check. */
function reviewedLines(figure: Figure, options: HoverOptions): string[] {
  const t = messages(options.locale);
  const lines = (options.reviewed ?? [])
    .filter((item) => item.spans.some((span) => span.start === figure.span.start && span.end === figure.span.end))
    .map((item) => `- ${t.reviewedNote(item.code, item.entry.by, item.entry.at)}`);
  return lines.length > 0 ? ['', ...lines] : [];
}

/** Binary search: the figure whose text covers `offset` (figures never overlap). */
export function figureAt(figures: readonly Figure[], offset: number): Figure | undefined {
  return itemAt(figures, offset, (figure) => figure.span);
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

/** How the figure takes part in rates, sums and changes: "numerator of 整改率 99.4%: 1676 / 1686 = 99.41% ✓". */
function relationLines(doc: ReportDocument, figure: Figure, locale: Locale): string[] {
  const t = messages(locale);
  const lines: string[] = [];
  for (const relation of relationsOfFigure(doc, figure)) {
    if (relation.type === 'unverifiable') {
      const formula = relation.figures.map((f) => f.text).join(' · ');
      lines.push(`- ${t.relationLine(t.role(figure === relation.figures[0] ? (relation.check === 'rate' ? 'rate' : relation.check === 'size-word' ? 'after' : 'change') : 'operand'), formula)} — ${t.notVerifiable(t.unverifiableReason(relation.reason))}`);
      continue;
    }
    const line = describeRelation(doc, relation, figure, locale);
    if (line) lines.push(`- ${line} ${relation.consistent ? '✓' : '✗'}`);
  }
  return lines.length > 0 ? ['', `**${t.relationsLabel()}**`, '', ...lines] : [];
}

function describeRelation(doc: ReportDocument, relation: Relation, figure: Figure, locale: Locale): string | undefined {
  const t = messages(locale);
  const role = (name: string) => t.role(name);
  switch (relation.type) {
    case 'rate': {
      const formula = `${relation.numerator.text} / ${relation.denominator.text} = ${show((relation.numerator.value / relation.denominator.value) * 100)}%`;
      const which = figure === relation.numerator ? 'numerator' : figure === relation.denominator ? 'denominator' : figure === relation.rate ? 'rate' : undefined;
      return which && t.relationLine(`${role(which)} · ${relation.label} ${relation.rate.text}`, formula);
    }
    case 'part': {
      if (figure !== relation.part && figure !== relation.whole) return undefined;
      const share = sharePercent(relation.part.value, relation.whole.value);
      return t.relationLine(role(figure === relation.part ? 'part' : 'whole'), `${relation.part.text} / ${relation.whole.text}${share === undefined ? '' : ` = ${show(share)}%`}`);
    }
    case 'sum': {
      if (figure !== relation.total && !relation.parts.includes(figure)) return undefined;
      const total = partsTotal(relation.parts, relation.signs?.parts);
      const stated = relation.signs?.total === -1 ? `−${relation.total.text}` : relation.total.text;
      return t.relationLine(role(figure === relation.total ? 'total' : 'part'), `${partsTerms(relation.parts.map((part) => part.text), relation.signs?.parts)} = ${sumText(doc, relation.total, total)} (${stated})`);
    }
    case 'share-sum':
      if (!relation.shares.includes(figure)) return undefined;
      return t.relationLine(role('share'), `${relation.shares.map((share) => share.text).join(' + ')} = ${show(relation.shares.reduce((n, share) => n + share.value, 0))}% (100%)`);
    case 'change': {
      if (figure !== relation.stated && figure !== relation.before && figure !== relation.after && figure !== relation.delta) return undefined;
      const which = figure === relation.stated ? 'change' : figure === relation.before ? 'before' : figure === relation.after ? 'after' : 'change';
      if (relation.measure === 'annual-average' && !relation.before && relation.delta) return t.relationLine(role(which), t.annualFromTotalLine(relation.delta.text, relation.years ?? 0, `${show(midpoint(relation.computed))}%`, relation.stated.text));
      const [before, after] = relation.operands;
      if (relation.measure === 'annual-average') return t.relationLine(role(which), t.annualLine(show(before), show(after), relation.years ?? 0, `${show(midpoint(relation.computed))}%`, relation.stated.text));
      const computed = relation.measure === 'absolute' ? show(after - before) : `${show(midpoint(relation.computed))}${relation.measure === 'multiple' ? '×' : '%'}`;
      return t.relationLine(role(which), `${show(before)} → ${show(after)}: ${computed} (${relation.stated.text})`);
    }
    case 'size-word':
    case 'multiple':
    case 'impossible-percentage':
      return t.relationLine(role(readingRole(relation, figure)), readingArithmetic(relation));
    case 'conflict':
      if (figure !== relation.first && figure !== relation.second) return undefined;
      return t.relationLine(role(figure === relation.first ? 'first' : 'second'), `${relation.metric} ${relation.first.text} / ${relation.second.text}`);
    default:
      return undefined;
  }
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
      // A bound (4万多亿元) is no rounded value: its reading is the bound itself, not ≈ 4.00万亿.
      const reading = figure.qualifier === 'more-than' || figure.qualifier === 'nearly' ? (figure.value >= 1e4 ? shortReading(figure.value) : undefined) : chineseScaleReading(figure.value);
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
  // 4万多亿, 近2000: the interval is what "more than" or "nearly" leaves open, not a rounding.
  if (figure.qualifier === 'more-than' || figure.qualifier === 'nearly') {
    const range = `${formatNumber(lo)}${suffix} – ${formatNumber(hi)}${suffix}`;
    return `${range} (${figure.qualifier === 'nearly' ? t.nearlyRange(shortReading(hi) + suffix) : t.moreThanRange(shortReading(lo) + suffix, shortReading(hi) + suffix)})`;
  }
  const step = hi - lo;
  return `${formatNumber(lo)}${suffix} – ${formatNumber(hi)}${suffix} (${t.nearestLabel(formatNumber(step) + suffix)})`;
}

/** A bound read the short way, without the zeros of three significant digits: 4万亿, 1,100. */
function shortReading(value: number): string {
  return chineseScaleReading(value)?.replace(/\.?0+(?=[万亿])/, '') ?? formatNumber(value);
}

/** 1097100000000 → 1.10万亿, 14900 → 1.49万; undefined below 10,000. */
export function chineseScaleReading(value: number): string | undefined {
  const abs = Math.abs(value);
  const [unit, name] = abs >= 1e12 ? [1e12, '万亿'] : abs >= 1e8 ? [1e8, '亿'] : abs >= 1e4 ? [1e4, '万'] : [0, ''];
  if (unit === 0) return undefined;
  const scaled = value / unit;
  // Three significant digits (1.10万亿, 28.6万); whole numbers from 1000 up (2860亿), never exponent notation.
  const digits = Math.abs(scaled) >= 1000 ? String(Math.round(scaled)) : scaled.toPrecision(3);
  return `${digits}${name}`;
}

/** Digit grouping with up to 10 decimals and no float noise: 14900 → 14,900; 99.35 → 99.35. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return formatEnUs(value, { maximumFractionDigits: 10, useGrouping: true });
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>()#+!|]/g, (ch) => `\\${ch}`);
}
