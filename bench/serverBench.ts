/**
 * Through the real server over stdio: one-character edit → fresh pull
 * diagnostics, hover, and the server's memory with a large report open.
 * Times are wall times seen by the client, JSON-RPC and pipes included.
 */
import type { Position } from 'vscode-languageserver-protocol';
import { getReportLanguageService } from '../server/src/core/languageService';
import { label } from './analysis';
import { reportOf } from './corpus';
import { BenchServer } from './lspClient';
import { bytesOf, MB, Random, statsOf } from './measure';
import type { Results } from './results';

export interface ServerOptions {
  readonly smoke: boolean;
}

/** What a one-character edit inserts: a digit (changes a figure or makes one), a Han character, a comma (splits a clause). */
const INSERTS = ['5', '的', '，'];

export async function benchServer(results: Results, { smoke }: ServerOptions): Promise<void> {
  await editAndHover(results, smoke);
  await memory(results, smoke);
}

async function editAndHover(results: Results, smoke: boolean): Promise<void> {
  const size = smoke ? 0.05 : 1;
  const text = reportOf(size * MB);
  const lines = text.split('\n');
  const uri = 'file:///bench/edit.report';
  const server = await BenchServer.start();
  try {
    let started = performance.now();
    await server.open(uri, text);
    const diagnosticCount = await server.diagnostics(uri);
    results.detail('serverReportBytes', bytesOf(text));
    results.detail('serverOpenToDiagnosticsMs', performance.now() - started);
    results.detail('serverDiagnostics', diagnosticCount);

    // Edits in the middle half of the report: an insertion at a random place, then its removal, and so on,
    // so that the text is back to the original at the end (the hover positions below are computed on it).
    const random = new Random(7);
    const warmUps = smoke ? 1 : 3;
    const runs = smoke ? 6 : 30;
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
    for (let i = 0; i < warmUps + runs || inserted; i++) {
      const timed = i < warmUps + runs;
      const at = inserted ?? middle();
      const change = inserted ? { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' } : { range: { start: at, end: at }, text: random.pick(INSERTS) };
      inserted = inserted ? undefined : at;
      started = performance.now();
      server.change(uri, ++version, [change]).catch(() => undefined); // a failed write fails the request below
      await server.diagnostics(uri, 30_000);
      if (timed && i >= warmUps) samples.push(performance.now() - started);
    }
    const edit = statsOf(samples);
    results.add({ key: 'editToDiagnosticsMedianMs', label: `edit → pull diagnostics, ${label(size)} report, server (median)`, value: edit.median, unit: 'ms', budget: { op: '<=', limit: 20 } });
    results.add({ key: 'editToDiagnosticsP95Ms', label: `edit → pull diagnostics, ${label(size)} report, server (p95)`, value: edit.p95, unit: 'ms' });
    results.detail('editRuns', edit.runs);

    // Hover on figures picked at random over the whole report.
    const doc = getReportLanguageService().parse(text);
    const figures = doc.figures;
    if (figures.length === 0) throw new Error('the report has no figures to hover');
    const hoverRandom = new Random(11);
    const hoverWarmUps = smoke ? 2 : 10;
    const hoverRuns = smoke ? 10 : 100;
    const hoverSamples: number[] = [];
    let answered = 0;
    for (let i = 0; i < hoverWarmUps + hoverRuns; i++) {
      const figure = hoverRandom.pick(figures);
      const position = doc.lines.positionAt((figure.numberSpan.start + figure.numberSpan.end) >> 1);
      started = performance.now();
      const hover = await server.hover(uri, position);
      if (i < hoverWarmUps) continue;
      hoverSamples.push(performance.now() - started);
      if (hover) answered++;
    }
    const hover = statsOf(hoverSamples);
    results.add({ key: 'hoverMedianMs', label: `hover on a figure, ${label(size)} report, server (median)`, value: hover.median, unit: 'ms', budget: { op: '<=', limit: 2 } });
    results.add({ key: 'hoverP95Ms', label: `hover on a figure, ${label(size)} report, server (p95)`, value: hover.p95, unit: 'ms', budget: { op: '<=', limit: 2 } });
    results.detail('hoverRuns', hover.runs);
    results.detail('hoverAnswered', answered);
    const memory = server.memory();
    if (memory) results.detail('serverRssWithEditReportMB', memory.rss / MB);
  } finally {
    await server.stop();
  }
}

async function memory(results: Results, smoke: boolean): Promise<void> {
  const size = smoke ? 0.2 : 10;
  const text = reportOf(size * MB);
  const uri = 'file:///bench/large.report';
  const server = await BenchServer.start();
  try {
    const idle = server.memory();
    if (idle) results.detail('serverRssIdleMB', idle.rss / MB);
    const started = performance.now();
    await server.open(uri, text);
    await server.diagnostics(uri, 300_000);
    results.detail('serverLargeReportBytes', bytesOf(text));
    results.detail('serverLargeOpenToDiagnosticsMs', performance.now() - started);
    const memory = server.memory();
    results.add({ key: 'serverRssMB', label: `server RSS, ${label(size)} report open + diagnostics`, value: memory && memory.rss / MB, unit: 'MB', budget: { op: '<=', limit: 200 } });
    if (memory) results.detail('serverPeakRssMB', memory.peak / MB);
    else results.notes.push('Server memory needs /proc (Linux): not measured here.');
  } finally {
    await server.stop();
  }
}
