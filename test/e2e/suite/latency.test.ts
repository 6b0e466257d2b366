/**
 * Keystroke → squiggle: how long after one typed character the diagnostics of
 * the document show its effect. A figure printed for the record (issue 13),
 * not a pass/fail timer: the machine and the browser decide too much of it.
 */
import * as assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { delay, openFile, positionOf, restoreEditors, waitFor, waitForDiagnostics, withCode } from './helpers';

/** The line scripts/e2e/workspace.mjs puts second in both latency reports (0-based 1). */
const LINE = 1;
const SAMPLES = 10;

function rateMismatchOnLine(diagnostics: readonly vscode.Diagnostic[]): boolean {
  return withCode(diagnostics, 'rate-mismatch').some((d) => d.range.start.line === LINE);
}

interface Sample {
  /** Keystroke → the document changed in the extension host (the editor's own share). */
  readonly edit: number;
  /** Keystroke → the squiggle's diagnostics are set. */
  readonly total: number;
}

async function measure(name: string): Promise<Sample[]> {
  const editor = await openFile(name);
  const { document } = editor;
  // Settled: the server has read the document (it answers for it) and the first pull is in.
  await waitFor(async () => ((await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri))?.length ?? 0) > 0, 'the server to answer');
  await delay(1000);
  assert.equal(rateMismatchOnLine(vscode.languages.getDiagnostics(document.uri)), false, '95.8% holds before the first keystroke');
  const samples: Sample[] = [];
  // One warm-up keystroke, then SAMPLES measured ones; each flips the last digit 8 ↔ 9.
  for (let i = 0; i <= SAMPLES; i++) {
    const digit = positionOf(document, '整改率95.', 6);
    const typed = document.getText(new vscode.Range(digit, digit.translate(0, 1))) === '8' ? '9' : '8';
    const expectMismatch = typed === '9';
    editor.selection = new vscode.Selection(digit, digit.translate(0, 1));
    const seen = waitForDiagnostics(document.uri, (all) => rateMismatchOnLine(all) === expectMismatch && document.lineAt(LINE).text.includes(`95.${typed}%`), `the squiggle after typing ${typed}`);
    let changed = 0;
    const listener = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === document && changed === 0) changed = performance.now();
    });
    const start = performance.now();
    await vscode.commands.executeCommand('type', { text: typed });
    await seen;
    const end = performance.now();
    listener.dispose();
    if (i > 0) samples.push({ edit: changed - start, total: end - start });
  }
  return samples;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

describe('keystroke → squiggle latency', () => {
  afterEach(restoreEditors);

  for (const [name, label] of [['latency-9k.report', '9 KB'], ['latency-60k.report', '60 KB']] as const) {
    it(`prints the median of ${SAMPLES} keystrokes on a ${label} report`, async function () {
      this.timeout(180_000);
      const samples = await measure(name);
      assert.equal(samples.length, SAMPLES);
      const ms = samples.map((s) => Math.round(s.total));
      const edit = median(samples.map((s) => s.edit));
      const server = median(samples.map((s) => s.total - s.edit));
      console.log(`    latency ${label}: median ${Math.round(median(samples.map((s) => s.total)))} ms keystroke → squiggle (min ${Math.min(...ms)}, max ${Math.max(...ms)}; ${ms.join(' ')}); of which the editor ${Math.round(edit)} ms to the change event, then ${Math.round(server)} ms to the diagnostics`);
    });
  }
});
