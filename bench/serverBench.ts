/**
 * Through the real server over stdio: one-character edit → fresh pull
 * diagnostics at 1, 4 and 16 MB, hover at 16 MB, and the server's memory after
 * 100 edits of the 16 MB report. Times are wall times seen by the client,
 * JSON-RPC and pipes included, after warm-up edits.
 */
import type { Position } from 'vscode-languageserver-protocol';
import { getReportLanguageService } from '../server/src/core/languageService';
import { label } from './analysis';
import { reportOf } from './corpus';
import { BenchServer } from './lspClient';
import { EchoPeer } from './transportFloor';
import { bytesOf, MB, Random, statsOf } from './measure';
import type { Results } from './results';

export interface ServerOptions {
  readonly smoke: boolean;
}

/** What a one-character edit inserts: a digit (changes a figure or makes one), a Han character, a comma (splits a clause). */
const INSERTS = ['5', '的', '，'];

/** Edits timed per size (the protocol: 50 one-character edits), after warm-up ones. */
const TIMED_EDITS = 50;
const WARM_UP_EDITS = 6;
/** How long the benchmark waits after the last edit before reading the memory again: the idle collector's 2 s and its run. */
const SETTLE_MS = 4000;
/** Edits of the largest report before its memory is read. */
const EDITS_BEFORE_MEMORY = 100;

export async function benchServer(results: Results, { smoke }: ServerOptions): Promise<void> {
  const sizes = smoke ? [0.02, 0.05, 0.1] : [1, 4, 16];
  for (const [k, size] of sizes.entries()) await editSize(results, size, smoke, k === sizes.length - 1);
}

/**
 * One report in one server: open, warm-up edits, timed edits; at the largest size also hovers
 * and edits up to EDITS_BEFORE_MEMORY before the server's RSS is read.
 */
async function editSize(results: Results, size: number, smoke: boolean, largest: boolean): Promise<void> {
  const text = reportOf(size * MB);
  const lines = text.split('\n');
  const uri = 'file:///bench/edit.report';
  const server = await BenchServer.start();
  const key = sizeKey(size, smoke);
  try {
    let started = performance.now();
    await server.open(uri, text);
    const diagnosticCount = await server.diagnostics(uri, 300_000);
    results.detail(`server${key}Bytes`, bytesOf(text));
    results.detail(`server${key}OpenToDiagnosticsMs`, performance.now() - started);
    results.detail(`server${key}Diagnostics`, diagnosticCount);

    // Edits in the middle half of the report: an insertion at a random place, then its removal, and so on,
    // so that the text is back to the original after every even edit (the hover positions are computed on it).
    const random = new Random(7);
    const warmUps = smoke ? 2 : WARM_UP_EDITS;
    const runs = smoke ? 6 : TIMED_EDITS;
    const samples: number[] = [];
    let version = 1;
    let inserted: Position | undefined;
    const middle = (): Position => {
      for (;;) {
        const line = random.int(Math.floor(lines.length / 4), Math.max(Math.floor(lines.length / 4) + 1, Math.ceil((3 * lines.length) / 4)));
        const length = lines[line]!.length;
        if (length > 0) return { line, character: random.int(0, length + 1) };
      }
    };
    const edit = async (): Promise<number> => {
      const at = inserted ?? middle();
      const change = inserted ? { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' } : { range: { start: at, end: at }, text: random.pick(INSERTS) };
      inserted = inserted ? undefined : at;
      const begun = performance.now();
      server.change(uri, ++version, [change]).catch(() => undefined); // a failed write fails the request below
      await server.diagnostics(uri, 60_000);
      return performance.now() - begun;
    };
    for (let i = 0; i < warmUps + runs || inserted; i++) {
      const ms = await edit();
      if (i >= warmUps && i < warmUps + runs) samples.push(ms);
    }
    const stats = statsOf(samples);
    const budget = size <= 1 ? 5 : 10;
    results.add({ key: `editToDiagnostics${key}MedianMs`, label: `edit → pull diagnostics, ${label(size)} report, server (median)`, value: stats.median, unit: 'ms', budget: { op: '<=', limit: budget } });
    results.add({ key: `editToDiagnostics${key}P95Ms`, label: `edit → pull diagnostics, ${label(size)} report, server (p95)`, value: stats.p95, unit: 'ms' });
    results.detail(`editRuns${key}`, stats.runs);
    if (!largest) return;

    await hovers(results, server, uri, text, size, smoke);
    // Edit on to EDITS_BEFORE_MEMORY edits in all (and back to the original text), then read the memory.
    const editsBeforeMemory = smoke ? 20 : EDITS_BEFORE_MEMORY;
    for (let done = version - 1; done < editsBeforeMemory || inserted; done++) await edit();
    results.detail('serverEditsBeforeMemory', version - 1);
    const memory = server.memory();
    const limit = (3 * bytesOf(text)) / MB + 100;
    results.add({ key: 'serverRssAfterEditsMB', label: `server RSS right after ${version - 1} edits, ${label(size)} report (budget 3 × size + 100 MB)`, value: memory && memory.rss / MB, unit: 'MB', budget: { op: '<=', limit } });
    // What the server keeps while the user reads: the idle collector (idleMemory.ts) has had its quiet moment.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const settled = server.memory();
    results.add({ key: 'serverRssSettledMB', label: `server RSS ${SETTLE_MS / 1000} s after the last edit, ${label(size)} report`, value: settled && settled.rss / MB, unit: 'MB', budget: { op: '<=', limit } });
    if (memory) results.detail('serverPeakRssMB', memory.peak / MB);
    else results.notes.push('Server memory needs /proc (Linux): not measured here.');
  } finally {
    await server.stop();
  }
}

/** Hover on figures picked at random over the whole report, after warm-up hovers. */
async function hovers(results: Results, server: BenchServer, uri: string, text: string, size: number, smoke: boolean): Promise<void> {
  const doc = getReportLanguageService().parse(text);
  const figures = doc.figures;
  if (figures.length === 0) throw new Error('the report has no figures to hover');
  const hoverRandom = new Random(11);
  const hoverWarmUps = smoke ? 2 : 20;
  const hoverRuns = smoke ? 10 : 200;
  const hoverSamples: number[] = [];
  const echoSamples: number[] = [];
  let answered = 0;
  // The peer: the same round trip to a process with nothing to do, alternated with the hovers.
  const echo = EchoPeer.start();
  try {
    for (let i = 0; i < hoverWarmUps + hoverRuns; i++) {
      const figure = hoverRandom.pick(figures);
      const position = doc.lines.positionAt((figure.numberSpan.start + figure.numberSpan.end) >> 1);
      const started = performance.now();
      const hover = await server.hover(uri, position);
      const hoverMs = performance.now() - started;
      const echoMs = await echo.roundTrip();
      if (i < hoverWarmUps) continue;
      hoverSamples.push(hoverMs);
      echoSamples.push(echoMs);
      if (hover) answered++;
    }
  } finally {
    echo.stop();
  }
  const hover = statsOf(hoverSamples);
  const floor = statsOf(echoSamples);
  results.add({ key: 'hoverMedianMs', label: `hover on a figure, ${label(size)} report, server (median)`, value: hover.median, unit: 'ms', budget: { op: '<=', limit: 1 } });
  results.add({ key: 'hoverP95Ms', label: `hover on a figure, ${label(size)} report, server (p95)`, value: hover.p95, unit: 'ms', budget: { op: '<=', limit: 1 } });
  results.add({ key: 'echoMedianMs', label: 'peer: JSON-RPC round trip to a process that only echoes, same transport (median)', value: floor.median, unit: 'ms' });
  results.add({ key: 'echoP95Ms', label: 'peer: JSON-RPC round trip to a process that only echoes, same transport (p95)', value: floor.p95, unit: 'ms' });
  results.add({ key: 'hoverOverEchoMedianMs', label: 'hover minus echo, what the server itself adds (median of differences)', value: medianDifference(hoverSamples, echoSamples), unit: 'ms' });
  results.detail('hoverRuns', hover.runs);
  results.detail('hoverAnswered', answered);
}

/** The median of the paired differences: what a hover costs beyond the round trip made right after it. */
function medianDifference(a: readonly number[], b: readonly number[]): number {
  return statsOf(a.map((x, k) => x - b[k]!)).median;
}

/** `1MB`, `16MB`; the smoke run's sizes as `Smoke0` … so keys say which run made them. */
function sizeKey(size: number, smoke: boolean): string {
  return smoke ? `${Math.round(size * 1000)}KB` : `${size}MB`;
}
