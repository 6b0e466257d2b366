/**
 * The words of the status bar item, apart from vscode so that a unit test can
 * read them: figure mismatches are counted on their own, heading problems
 * beside them, so "1 mismatch" never counts a heading numbered 一、二、四.
 * `t` is `vscode.l10n.t` in the extension (the English text is the key).
 */
import type { DocumentStats } from '../../server/src/customProtocol';

export type Translate = (message: string, ...args: (string | number)[]) => string;

export function statusText(stats: Pick<DocumentStats, 'figures' | 'mismatches' | 'headings'>, t: Translate): string {
  const figures =
    stats.mismatches === 0
      ? t('Report Lens: {0} figures · no mismatch', stats.figures)
      : stats.mismatches === 1
        ? t('Report Lens: {0} figures · 1 mismatch', stats.figures)
        : t('Report Lens: {0} figures · {1} mismatches', stats.figures, stats.mismatches);
  const headings = stats.headings ?? 0;
  if (headings === 0) return figures;
  return `${figures} · ${headings === 1 ? t('1 heading out of sequence') : t('{0} headings out of sequence', headings)}`;
}
