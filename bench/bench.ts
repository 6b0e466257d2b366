/**
 * `npm run bench`: every number of the performance budgets (design.md,
 * issue 7), measured in one run on this machine, printed as a table with the
 * budgets (`--json`: as JSON).
 *
 *   --smoke   tiny inputs and few runs, every measurement exercised (the
 *             server ones too); budgets are shown but not judged. CI runs this.
 *   --json    JSON instead of the table.
 *   --server-only  only the server (edits, hover, memory) and the CLI
 *             against autocorrect.
 *   --folder-only  only `report-lens check` on the corpus' 38 national
 *             reports (budget: 1.5 s on 2 cores).
 *   --server-prof=DIR  write a CPU profile of each language server started
 *             (node --cpu-prof) into DIR, to see where server time goes.
 *
 * Inputs are made from the corpus (see corpus.ts). The server measurements
 * start the built server (dist/server.js) over stdio, so build first
 * (`npm run bench` does); no server outlives the benchmark.
 */
import * as os from 'node:os';
import { benchAnalysis } from './analysis';
import { benchCheck } from './checkVsAutocorrect';
import { benchFigures } from './figures';
import { killServers, serverNodeOptions } from './lspClient';
import { statsOf } from './measure';
import { Results, json, summary, table } from './results';
import { benchServer } from './serverBench';
import { benchTerms } from './terms';
import { benchFolderCheck } from './folderCheck';
import { spawnSync } from 'node:child_process';

const FIGURES_ONLY = '--figures-only';
/** Only the server and CLI measurements (edits, hover, memory, check vs autocorrect): what a change to the incremental analysis needs. */
const SERVER_ONLY = '--server-only';
const TERMS_ONLY = '--terms-only';
/** Only the folder check (the CLI on the corpus' 38 national reports), printed as the full bench prints it. */
const FOLDER_ONLY = '--folder-only';

interface ChildOutput {
  metrics: Results['metrics'];
  details: Results['details'];
  notes: string[];
  peerVersion?: string | undefined;
  examples?: string[];
}

/**
 * A component bench (figures and the peer side by side; term matching) in
 * processes of its own: in this process the heap and compiled code left by the
 * server and analysis benches slowed our scanner by up to half (the peer far
 * less) and term matching by 15–30%, which measured the process, not the code.
 * And in several: on this shared machine a whole process can run a third
 * slower than the next one with the same code, so each metric is the median
 * over the processes (each process' value is kept as a detail).
 */
function inFreshProcesses(flag: string, results: Results, smoke: boolean): ChildOutput {
  const outputs = Array.from({ length: smoke ? 1 : PROCESSES }, () => runChild(flag, smoke));
  const first = outputs[0]!;
  for (const metric of first.metrics) {
    const values = outputs.map((output) => output.metrics.find((m) => m.key === metric.key)?.value).filter((value): value is number => value !== undefined);
    results.add({ ...metric, value: values.length > 0 ? statsOf(values).median : undefined });
    if (outputs.length > 1 && values.length > 0) results.detail(`${metric.key}PerProcess`, values.map((value) => value.toFixed(2)).join(' '));
  }
  // Details (sizes, counts, the peer's throughput…) as the first process measured them.
  Object.assign(results.details, first.details);
  results.notes.push(...first.notes);
  return first;
}

const PROCESSES = 3;

function runChild(flag: string, smoke: boolean): ChildOutput {
  const child = spawnSync(process.execPath, [__filename, flag, ...(smoke ? ['--smoke'] : [])], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`${flag} bench failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as ChildOutput;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => arg !== '--smoke' && arg !== '--json' && arg !== FIGURES_ONLY && arg !== TERMS_ONLY && arg !== SERVER_ONLY && arg !== FOLDER_ONLY && !arg.startsWith('--server-prof='));
  if (unknown.length > 0) {
    process.stderr.write(`bench: unknown option ${unknown.join(' ')} (options: --smoke, --json, --server-only, --folder-only, --server-prof=DIR)\n`);
    process.exitCode = 2;
    return;
  }
  for (const arg of args) if (arg.startsWith('--server-prof=')) serverNodeOptions.push('--cpu-prof', `--cpu-prof-dir=${arg.slice('--server-prof='.length)}`);
  const smoke = args.includes('--smoke');
  const asJson = args.includes('--json');
  if (args.includes(FIGURES_ONLY)) {
    // A child process of inFreshProcesses: measure, print JSON, done.
    const results = new Results();
    const extra = benchFigures(results, { smoke });
    process.stdout.write(JSON.stringify({ metrics: results.metrics, details: results.details, notes: results.notes, ...extra }));
    return;
  }
  if (args.includes(TERMS_ONLY)) {
    const results = new Results();
    benchTerms(results, { smoke });
    process.stdout.write(JSON.stringify({ metrics: results.metrics, details: results.details, notes: results.notes }));
    return;
  }
  const results = new Results();
  const loadBefore = os.loadavg()[0]!;
  const started = performance.now();
  const progress = (what: string): void => {
    if (!asJson) process.stderr.write(`  … ${what} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  };

  const folderOnly = args.includes(FOLDER_ONLY);
  // The server first, while this process' heap is small: its collector must not pause during timed requests.
  if (!folderOnly) {
    progress('server: edit → diagnostics at three sizes, hover, memory after edits');
    await benchServer(results, { smoke });
    progress('check vs autocorrect (whole processes)');
    benchCheck(results, { smoke });
  }
  progress('check on a folder of reports (whole processes)');
  benchFolderCheck(results, { smoke });
  let peerVersion: string | undefined;
  let examples: string[] = [];
  if (!args.includes(SERVER_ONLY) && !folderOnly) {
    progress('full analysis');
    benchAnalysis(results, { smoke });
    progress('figures and the peer (in fresh processes)');
    ({ peerVersion, examples = [] } = inFreshProcesses(FIGURES_ONLY, results, smoke));
    progress('terms (in fresh processes)');
    inFreshProcesses(TERMS_ONLY, results, smoke);
  }
  const seconds = (performance.now() - started) / 1000;

  // Other work on the machine skews every number: the load average says how busy it was.
  const machine = { node: process.version, platform: `${os.platform()} ${os.arch()}`, cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', loadBefore, loadAfter: os.loadavg()[0]! };
  const order = ['analysisThroughputMBps', 'analysis1MBms', ...['1MB', '4MB', '16MB', '20KB', '50KB', '100KB'].flatMap((size) => [`editToDiagnostics${size}MedianMs`, `editToDiagnostics${size}P95Ms`]), 'hoverMedianMs', 'hoverP95Ms', 'echoMedianMs', 'echoP95Ms', 'hoverOverEchoMedianMs', 'serverRssAfterEditsMB', 'serverRssSettledMB', 'checkVsAutocorrectRatio', 'figuresMBps', 'figuresSpeedupVsPeer'];
  results.metrics.sort((a, b) => rank(order, a.key) - rank(order, b.key));
  if (asJson) {
    process.stdout.write(`${json(results, { benchmark: 'report-lens', smoke, seconds, ...machine }, smoke)}\n`);
    return;
  }
  const { met, missed, judged } = summary(results);
  const out: string[] = [
    `Report Lens benchmark${smoke ? ' (smoke run: tiny inputs, budgets not judged)' : ''} — node ${machine.node}, ${machine.platform}, ${machine.cpus} × ${machine.cpu}, load average ${loadBefore.toFixed(2)} → ${machine.loadAfter.toFixed(2)}`,
    '',
    table(results, smoke),
    '',
    smoke ? `Smoke run done in ${seconds.toFixed(1)} s.` : `Budgets met: ${met} of ${judged}, in ${seconds.toFixed(1)} s.${missed.length > 0 ? ' Not met:' : ''}`,
    ...(smoke ? [] : missed.map((label) => `  ✗ ${label}`)),
    '',
    'Details:',
    ...Object.entries(results.details).map(([key, value]) => `  ${key.padEnd(34)} ${typeof value === 'number' ? formatDetail(value) : value}`),
  ];
  if (peerVersion !== undefined && examples.length > 0) out.push('', 'Where the figure tools differ on report text (no gold standard):', ...examples.map((x) => `  ${x}`));
  for (const note of results.notes) out.push('', note);
  process.stdout.write(`${out.join('\n')}\n`);
}

function rank(order: readonly string[], key: string): number {
  const k = order.indexOf(key);
  return k < 0 ? order.length : k;
}

function formatDetail(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(Math.abs(value) >= 100 ? 0 : 2);
}

main().then(
  () => killServers(),
  (error: unknown) => {
    killServers();
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
