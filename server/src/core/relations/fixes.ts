import type { Range } from 'vscode-languageserver-types';
import type { Figure } from '../figures/figure';
import type { Messages } from '../l10n/messages';
import type { ReportDocument } from '../model';
import { formatLike, writtenDecimals } from './arithmetic';
import type { HeadingSequenceRelation } from './types';

/** A quick fix: a title and the edits that make it. A fix changes only the figure it names. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly { readonly range: Range; readonly newText: string }[];
}

const ARABIC = /^[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?/;

/** The digits of a figure as written, and what they become for another value. */
export interface NumberRewrite {
  /** The Arabic digits as written, from the start of the figure's number. */
  readonly digits: string;
  readonly replacement: string;
}

/**
 * The number of `figure` rewritten to `value` at the precision it was written
 * with (99.6 → 99.4, 6,400 → 5,400), keeping its scale and unit; undefined for
 * a Chinese numeral (left for the writer to reword) or when nothing changes.
 */
export function rewriteNumber(doc: ReportDocument, figure: Figure, value: number): NumberRewrite | undefined {
  const numberText = doc.text.slice(figure.numberSpan.start, figure.numberSpan.end);
  const digits = ARABIC.exec(numberText)?.[0];
  if (!digits) return undefined;
  const written = Number(digits.replace(/[,，]/g, '').replace('．', '.').replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
  // The figure's value may carry a scale (万, million) the digits do not: keep it.
  const scale = written === 0 ? 1 : Math.abs(figure.value / (figure.signed && figure.value < 0 ? -written : written));
  const replacement = formatLike(value / (Number.isFinite(scale) && scale > 0 ? scale : 1), writtenDecimals(digits), /[,，]/.test(digits));
  return replacement === digits ? undefined : { digits, replacement };
}

/** The quick fix that rewrites the number of `figure` to `value` (see rewriteNumber). */
export function numberFix(doc: ReportDocument, figure: Figure, value: number, t: Messages): Fix | undefined {
  const rewrite = rewriteNumber(doc, figure, value);
  if (!rewrite) return undefined;
  const start = figure.numberSpan.start;
  return {
    title: t.fixReplace(figure.text, figure.text.replace(rewrite.digits, rewrite.replacement)),
    edits: [{ range: doc.lines.rangeOf(start, start + rewrite.digits.length), newText: rewrite.replacement }],
  };
}

const CN_DIGITS = '零一二三四五六七八九';

/** Renumbers a heading in its own style: （四） → （三）, 4. → 3., IV. → III. */
export function headingFix(doc: ReportDocument, r: HeadingSequenceRelation, t: Messages): Fix | undefined {
  const numbering = r.marker;
  const marker = doc.text.slice(numbering.span.start, numbering.span.end);
  const rewritten = renumber(marker, numbering.style, r.expected);
  if (!rewritten || rewritten === marker) return undefined;
  return {
    title: t.fixReplace(marker, rewritten),
    edits: [{ range: doc.lines.rangeOf(numbering.span.start, numbering.span.end), newText: rewritten }],
  };
}

function renumber(marker: string, style: string, expected: number): string | undefined {
  switch (style) {
    case 'cn-list':
    case 'cn-paren':
    case 'chapter':
    case 'section':
    case 'part':
      return marker.replace(/[零〇一二两三四五六七八九十百]+/, toChinese(expected));
    case 'decimal':
    case 'paren-decimal':
      return marker.replace(/[0-9０-９]+/, (digits) => (/[０-９]/.test(digits) ? toFullWidth(String(expected)) : String(expected)));
    case 'decimal-dotted':
      return marker.replace(/([0-9０-９]+)([.．]?)$/, (_all, _digits, dot: string) => `${expected}${dot}`);
    case 'roman':
      return marker.replace(/[IVXLC]+/, toRoman(expected));
    case 'letter':
      return expected >= 1 && expected <= 26 ? marker.replace(/[A-Z]/, String.fromCharCode(64 + expected)) : undefined;
    case 'circled':
      return expected >= 1 && expected <= 20 ? String.fromCharCode(0x2460 + expected - 1) : undefined;
    default:
      return undefined;
  }
}

export function toChinese(value: number): string {
  if (value <= 0 || value >= 100) return String(value);
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  if (tens === 0) return CN_DIGITS[ones]!;
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones === 0 ? '' : CN_DIGITS[ones]}`;
}

function toRoman(value: number): string {
  const table: [number, string][] = [[100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  let rest = value;
  for (const [n, s] of table) while (rest >= n) (out += s), (rest -= n);
  return out;
}

function toFullWidth(digits: string): string {
  return digits.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
}
