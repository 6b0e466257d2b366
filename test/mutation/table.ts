/**
 * The recall table of the text-site mutation suite, as `npm run mutation` prints it (exported so
 * other scripts that run runTextSuite print the same table).
 */
import type { Floors, Tally, TextSuiteReport } from './evaluate';

const percent = (t: Tally) => (t.recall === null ? '—' : `${(t.recall * 100).toFixed(1)}%`);

export function renderTable(report: TextSuiteReport, floors?: Floors): string {
  const header = ['kind', 'lang', 'sites', 'planted', 'preflagged', 'caught', 'recall', ...(floors ? ['floor'] : [])];
  const row = (kind: string, language: string, t: Tally, floor?: number) => [kind, language, String(t.sites), String(t.planted), String(t.preflagged), String(t.caught), percent(t), ...(floors ? [floor === undefined ? '' : floor.toFixed(2)] : [])];
  const rows = report.rows.map((r) => row(r.kind, r.language, r, floors?.recall[r.kind][r.language]));
  const totals = [row('total', 'zh', report.totals.zh), row('total', 'en', report.totals.en), row('total', 'all', report.totals.all), row('mission example', 'zh', report.mission)];
  const all = [header, ...rows, ...totals];
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const line = (r: readonly string[]) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  const collateral = Object.entries(report.collateral).sort((a, b) => b[1] - a[1]);
  return [
    `Mutation suite (text sites), seed ${report.seed}, at most ${report.maxPerKind} sites per kind per document: ${report.totals.all.planted} planted, ${(report.milliseconds / 1000).toFixed(1)} s`,
    '',
    line(header),
    ...rows.map(line),
    '',
    ...totals.map(line),
    '',
    ...(floors ? [`goal: ${floors.goal.toFixed(2)} recall in every row — ${report.rows.filter((r) => r.recall !== null && r.recall < floors.goal).length} rows below it`] : []),
    `collateral (new diagnostics that are not catches): ${collateral.length === 0 ? 'none' : collateral.map(([c, n]) => `${c} ${n}`).join(', ')}`,
  ].join('\n');
}
