import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver-types';
import type { CancellationToken } from '../cancellation';
import type { ReportDocument } from '../model';
import { sharePercent, show } from '../relations/arithmetic';
import { relationsOf } from '../relations/analyze';
import type { ReportSettings } from '../settings';

/**
 * Implied rates: where a part and its whole are stated without a rate
 * (已代办17002件、推动办结15530件), show the rate they imply after the part (91.3%).
 */
export function inlayHints(doc: ReportDocument, range: Range, settings: ReportSettings, token?: CancellationToken): InlayHint[] {
  if (!settings.inlayHints.impliedRates) return [];
  const start = doc.lines.offsetAt(range.start);
  const end = doc.lines.offsetAt(range.end);
  const hints: InlayHint[] = [];
  for (const relation of relationsOf(doc).parts) {
    if (token?.isCancellationRequested) break;
    const rate = sharePercent(relation.part.value, relation.whole.value);
    if (relation.rateStated || !relation.consistent || rate === undefined) continue;
    const at = relation.part.span.end;
    if (at < start || at > end) continue;
    hints.push({
      position: doc.lines.positionAt(at),
      label: `${show(rate, 1)}%`,
      kind: InlayHintKind.Parameter,
      paddingLeft: true,
      tooltip: `${relation.part.text} / ${relation.whole.text} = ${show(rate)}%`,
    });
  }
  return hints;
}
