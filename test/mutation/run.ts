/**
 * `npm run mutation` — plants inconsistencies into the corpus, runs the checks, prints the catch
 * rate per kind.
 *
 *   node out/test/mutation/run.js [--seed N] [--json] [--verbose]
 *
 * --json prints the scores as JSON (no per-mutation detail unless --verbose); --verbose lists every
 * miss with what was planted and which diagnostics appeared instead, and the collateral diagnostics.
 * Exit status 1 when the overall rate is below test/mutation/floor.json or the mission example is
 * not caught every time; 2 on a usage error.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { readFloor, runSuite, type Outcome, type SuiteReport, type Tally } from './evaluate';

function main(argv: readonly string[]): number {
  let seed: number | undefined;
  let json = false;
  let verbose = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--verbose' || arg === '-v') verbose = true;
    else if (arg === '--seed' && /^\d+$/.test(argv[i + 1] ?? '')) seed = Number(argv[++i]);
    else {
      process.stderr.write(`usage: node out/test/mutation/run.js [--seed N] [--json] [--verbose]\nunknown argument ${arg}\n`);
      return 2;
    }
  }
  const report = runSuite(seed === undefined ? {} : { seed });
  const { overall: floor, goal } = readFloor();
  const ok = report.overall.rate >= floor && report.mission.rate === 1;
  if (json) process.stdout.write(`${JSON.stringify(toJson(report, floor, goal, verbose), null, 2)}\n`);
  else process.stdout.write(render(report, floor, goal, verbose));
  return ok ? 0 : 1;
}

const percent = (t: Tally) => (t.planted === 0 ? '—' : `${(t.rate * 100).toFixed(1)}%`);

function render(report: SuiteReport, floor: number, goal: number, verbose: boolean): string {
  const rows: string[][] = [['kind', 'planted', 'caught', 'rate', 'inserted', 'edited']];
  for (const k of report.kinds) {
    rows.push([k.kind, String(k.planted), String(k.caught), percent(k), `${k.byFamily.insert.caught}/${k.byFamily.insert.planted}`, `${k.byFamily.edit.caught}/${k.byFamily.edit.planted}`]);
  }
  rows.push(['overall', String(report.overall.planted), String(report.overall.caught), percent(report.overall), '', '']);
  rows.push(['mission example', String(report.mission.planted), String(report.mission.caught), percent(report.mission), '', '']);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  const out = [`Mutation suite, seed ${report.seed}: ${report.overall.planted} planted, ${(report.milliseconds / 1000).toFixed(1)} s`, '', line(rows[0]!), ...rows.slice(1, -2).map(line), '', ...rows.slice(-2).map(line), ''];
  out.push(`floor (test/mutation/floor.json): ${(floor * 100).toFixed(0)}% overall, 100% mission example — ${report.overall.rate >= floor && report.mission.rate === 1 ? 'met' : 'NOT MET'}`);
  out.push(`goal (issue 4): ${(goal * 100).toFixed(0)}% overall — ${report.overall.rate >= goal ? 'met' : 'not met yet'}`);
  const collateral = Object.entries(report.collateral).sort((a, b) => b[1] - a[1]);
  out.push(`collateral (new diagnostics of another code): ${collateral.length === 0 ? 'none' : `${collateral.map(([c, n]) => `${c} ${n}`).join(', ')} in ${report.mutationsWithCollateral} mutations`}`);
  const weakest = report.kinds.flatMap((k) => Object.entries(k.templates).map(([id, t]) => ({ id, t }))).filter(({ t }) => t.rate < 1);
  if (weakest.length > 0) out.push(`templates with misses: ${weakest.map(({ id, t }) => `${id} ${t.caught}/${t.planted}`).join(', ')}`);
  const misses = [...report.outcomes, ...report.missionOutcomes].filter((o) => !o.caught);
  if (verbose) {
    out.push('', `Misses (${misses.length}):`);
    for (const o of misses) out.push(...describe(o));
    const withCollateral = report.outcomes.filter((o) => o.collateral.length > 0);
    out.push('', `Collateral (${withCollateral.length} mutations):`);
    for (const o of withCollateral) out.push(`  ${o.mutation.id} ${o.mutation.base}: ${o.collateral.map(short).join('; ')}`);
  } else if (misses.length > 0) out.push(`(${misses.length} misses: run with --verbose to list them)`);
  return `${out.join('\n')}\n`;
}

function short(d: Diagnostic): string {
  return `${String(d.code)} ${d.range.start.line + 1}:${d.range.start.character + 1} ${typeof d.message === 'string' ? d.message : d.message.value}`;
}

function describe(o: Outcome): string[] {
  const m = o.mutation;
  const textLines = m.text.split('\n');
  const lines = [`  ${m.id} [${m.kind}, ${m.family}] ${m.base} — ${m.note}${o.preflagged ? ' (the original is already flagged there)' : ''}`];
  for (const [first, last] of m.lines) for (let l = first; l <= last; l++) lines.push(`      ${l + 1}: ${textLines[l]!.trim().slice(0, 160)}`);
  lines.push(o.fresh.length === 0 ? '      no new diagnostics' : `      new: ${o.fresh.map(short).join('; ')}`);
  return lines;
}

function toJson(report: SuiteReport, floor: number, goal: number, verbose: boolean): unknown {
  const detail = (o: Outcome) => ({ id: o.mutation.id, kind: o.mutation.kind, family: o.mutation.family, base: o.mutation.base, template: o.mutation.template, note: o.mutation.note, lines: o.mutation.lines.map(([a, b]) => [a + 1, b + 1]), caught: o.caught, preflagged: o.preflagged, fresh: o.fresh.map(short) });
  return {
    seed: report.seed,
    floor,
    goal,
    overall: report.overall,
    mission: report.mission,
    kinds: report.kinds,
    collateral: report.collateral,
    mutationsWithCollateral: report.mutationsWithCollateral,
    milliseconds: Math.round(report.milliseconds),
    misses: [...report.outcomes, ...report.missionOutcomes].filter((o) => !o.caught).map(detail),
    ...(verbose ? { mutations: [...report.outcomes, ...report.missionOutcomes].map(detail) } : {}),
  };
}

process.exitCode = main(process.argv.slice(2));
