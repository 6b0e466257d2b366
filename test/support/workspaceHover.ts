/**
 * A generated workspace of many small reports, a server pulling workspace diagnostics over it, and
 * hovers on an open report meanwhile: what a user with a large archive feels while the Problems view
 * fills. Used by the protocol test (a few hundred files) and by `node out/bench/workspaceHover.js N`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidOpenTextDocumentNotification, HoverRequest, WorkspaceDiagnosticRequest, type WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver-protocol/node';
import { CancellationTokenSource } from 'vscode-languageserver-protocol';
import { startServer, type RunningServer } from './serverProcess';

/** A small report; every third one states a rate its counts disagree with (1676 / 1686 is 99.41%, not 99.6%). */
export function smallReport(i: number): string {
  const rate = i % 3 === 0 ? '99.6%' : '99.4%';
  return `第${i + 1}号工作报告\n\n  一、总体情况\n  全区检视出1686个问题，完成问题整改1676个、整改率${rate}。全年完成投资${100 + i}亿元，同比增长${(i % 9) + 1}%。\n`;
}

export interface WorkspaceHoverRun {
  readonly server: RunningServer;
  readonly root: string;
  /** URIs of the generated reports, in file order. */
  readonly uris: string[];
  readonly openUri: string;
  dispose(): Promise<void>;
}

/** `count` reports in folders of 100, and an open one to hover on; `settings` are the client's reportLens.* answer (kept by reference). */
export async function workspaceOf(count: number, settings: Record<string, unknown>): Promise<WorkspaceHoverRun> {
  const root = mkdtempSync(path.join(tmpdir(), 'report-lens-workspace-'));
  const uris: string[] = [];
  for (let i = 0; i < count; i++) {
    const dir = path.join(root, `folder-${Math.floor(i / 100)}`);
    if (i % 100 === 0) mkdirSync(dir);
    const file = path.join(dir, `report-${i}.report`);
    writeFileSync(file, smallReport(i));
    uris.push(pathToFileURL(file).href);
  }
  const open = path.join(root, 'open.report');
  const text = smallReport(1);
  writeFileSync(open, text);
  const server = await startServer({ rootPath: root, settings });
  const openUri = pathToFileURL(open).href;
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: openUri, languageId: 'report', version: 1, text } });
  // The first hover parses the report and loads the glossaries: measured hovers are the ones after.
  await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: openUri }, position: { line: 3, character: 7 } });
  return {
    server,
    root,
    uris,
    openUri,
    async dispose() {
      await server.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

export interface PullWithHovers {
  /** Every report the pull streamed, by URI (the last report of each). */
  readonly reports: Map<string, WorkspaceDocumentDiagnosticReport>;
  /** Hover latencies during the pull, in ms. */
  readonly hoverMs: number[];
  /** From the request to the last file's report, in ms. */
  readonly passMs: number;
}

/**
 * Sends workspace/diagnostic with a partial-result token and hovers on the open report every
 * `hoverEveryMs` until `expected` files have been reported (or `until` says so, or `timeoutMs`), then cancels the
 * (long-polling) request.
 */
export async function pullWithHovers(run: WorkspaceHoverRun, expected: number, options: { previous?: { uri: string; value: string }[]; hoverEveryMs?: number; timeoutMs?: number; until?: (reports: ReadonlyMap<string, WorkspaceDocumentDiagnosticReport>) => boolean } = {}): Promise<PullWithHovers> {
  const { connection } = run.server;
  const reports = new Map<string, WorkspaceDocumentDiagnosticReport>();
  const token = `workspace-${Date.now()}-${Math.random()}`;
  let lastAt = 0;
  const started = performance.now();
  const progress = connection.onProgress(WorkspaceDiagnosticRequest.partialResult, token, (chunk) => {
    for (const item of chunk.items) reports.set(item.uri, item);
    lastAt = performance.now();
  });
  const cancel = new CancellationTokenSource();
  const request = connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: options.previous ?? [], partialResultToken: token }, cancel.token).catch(() => undefined);
  const hoverMs: number[] = [];
  const deadline = started + (options.timeoutMs ?? 120_000);
  // Hover on the figure 1686 of line 4 (column 7), as a user resting the mouse on it.
  const done = options.until ?? ((seen) => seen.size >= expected);
  while (!done(reports) && performance.now() < deadline) {
    const t = performance.now();
    await connection.sendRequest(HoverRequest.type, { textDocument: { uri: run.openUri }, position: { line: 3, character: 7 } });
    hoverMs.push(performance.now() - t);
    await new Promise((resolve) => setTimeout(resolve, options.hoverEveryMs ?? 20));
  }
  cancel.cancel();
  await request;
  progress.dispose();
  return { reports, hoverMs, passMs: lastAt - started };
}

export function percentile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}
