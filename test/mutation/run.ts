/**
 * `npm run mutation` — plants slips at sites found by surface patterns of the corpus text, runs the
 * checks, and prints recall per kind × language.
 *
 *   node out/test/mutation/run.js [--seed N] [--json] [--verbose]
 *
 * --json prints the tallies as JSON (with every miss when --verbose); --verbose lists every miss
 * with its sentence and the diagnostics that appeared instead. Exit status 1 when a row is below
 * test/mutation/floor.json or the mission example is missed; 2 on a usage error.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { belowFloors, readFloors, runTextSuite, type Floors, type Outcome, type TextSuiteReport } from './evaluate';
import { renderTable } from './table';

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
  const report = runTextSuite(seed === undefined ? {} : { seed });
  const floors = readFloors();
  const failures = belowFloors(report, floors);
  if (json) process.stdout.write(`${JSON.stringify(toJson(report, floors, failures, verbose), null, 2)}\n`);
  else {
    const out = [renderTable(report, floors), failures.length === 0 ? 'floors (test/mutation/floor.json): met' : `floors NOT MET:\n  ${failures.join('\n  ')}`];
    const misses = [...report.outcomes, ...report.missionOutcomes].filter((o) => !o.caught && !o.preflagged);
    if (verbose) {
      out.push('', `Misses (${misses.length}):`, ...misses.flatMap(describe));
      const preflagged = report.outcomes.filter((o) => o.preflagged);
      out.push('', `Preflagged sites, skipped (${preflagged.length}):`, ...preflagged.map((o) => `  ${o.mutation.id} ${o.mutation.base}: ${sentence(o)}`));
    } else if (misses.length > 0) out.push(`(${misses.length} misses: run with --verbose to list them)`);
    process.stdout.write(`${out.join('\n')}\n`);
  }
  return failures.length === 0 ? 0 : 1;
}

function short(d: Diagnostic): string {
  return `${String(d.code)} ${d.range.start.line + 1}:${d.range.start.character + 1} ${typeof d.message === 'string' ? d.message : d.message.value}`;
}

/** The mutated sentence(s), on one line. */
function sentence(o: Outcome): string {
  return o.mutation.text.slice(o.mutation.span.start, o.mutation.span.end).replace(/\s+/g, ' ').trim();
}

function describe(o: Outcome): string[] {
  const m = o.mutation;
  return [
    `  ${m.id} [${m.kind}/${m.language}, ${m.pattern}] ${m.base} — ${m.note}`,
    `      ${sentence(o)}`,
    o.fresh.length === 0 ? '      no new diagnostics' : `      new: ${o.fresh.map(short).join('; ')}`,
  ];
}

function toJson(report: TextSuiteReport, floors: Floors, failures: readonly string[], verbose: boolean): unknown {
  const detail = (o: Outcome) => ({ id: o.mutation.id, kind: o.mutation.kind, language: o.mutation.language, pattern: o.mutation.pattern, base: o.mutation.base, note: o.mutation.note, sentence: sentence(o), caught: o.caught, preflagged: o.preflagged, fresh: o.fresh.map(short) });
  const all = [...report.outcomes, ...report.missionOutcomes];
  return {
    seed: report.seed,
    maxPerKind: report.maxPerKind,
    rows: report.rows,
    totals: report.totals,
    mission: report.mission,
    collateral: report.collateral,
    floors,
    failures,
    milliseconds: Math.round(report.milliseconds),
    ...(verbose ? { misses: all.filter((o) => !o.caught && !o.preflagged).map(detail) } : {}),
  };
}

process.exitCode = main(process.argv.slice(2));
