import type { Figure } from '../figures/figure';
import type { ReportDocument } from '../model';
import { show } from '../relations/arithmetic';
import { rewriteNumber } from '../relations/fixes';

/** A figure as written, on one line (a unit wrapped onto the next line keeps a plain space). */
export function plain(figure: Figure): string {
  return figure.text.replace(/\s+/g, ' ');
}

/** `value` written the way `figure` is written: same scale and unit (235.9亿元 → 523.1亿元, $33.18 → $33.04). */
export function restate(doc: ReportDocument, figure: Figure, value: number): string {
  // The same value: the figure as written (also for a Chinese numeral, which is never rewritten).
  if (Math.abs(value - figure.value) <= 1e-9 * Math.max(1, Math.abs(value))) return plain(figure);
  const rewrite = rewriteNumber(doc, figure, value);
  if (rewrite) return plain(figure).replace(rewrite.digits, rewrite.replacement);
  if (plain(figure).includes(show(value))) return plain(figure);
  // A Chinese numeral's scale and unit, so that 一千三百八十七亿四千万元 is restated as 1,387.4亿元, not in yuan.
  const scale = /亿/.test(figure.text) ? 1e8 : /万/.test(figure.text) ? 1e4 : 1;
  return `${show(value / scale)}${scale === 1e8 ? '亿' : scale === 1e4 ? '万' : ''}${figure.kind === 'percent' ? '%' : figure.unit}`;
}

/** A computed sum written like its stated total (1,185个, 2050亿元), with a sign when it is negative. */
export function sumText(doc: ReportDocument, total: Figure, value: number): string {
  return value < 0 ? `−${restate(doc, total, -value)}` : restate(doc, total, value);
}
