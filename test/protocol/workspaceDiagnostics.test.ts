import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticRequest,
  FileChangeType,
  WorkspaceDiagnosticRequest,
  type DocumentDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { CHECK_ALL_REPORTS_METHOD, WORKSPACE_PROGRESS_METHOD, type CheckAllReportsResult, type WorkspaceProgress } from '../../server/src/customProtocol';
import { waitFor } from '../support/serverProcess';
import { percentile, pullWithHovers, smallReport, workspaceOf, type WorkspaceHoverRun } from '../support/workspaceHover';

const COUNT = 300;

describe('workspace diagnostics (issue 14)', () => {
  let run: WorkspaceHoverRun;
  const settings: Record<string, unknown> = { workspaceDiagnostics: 'workspace' };
  const progress: WorkspaceProgress[] = [];
  let first: Map<string, WorkspaceDocumentDiagnosticReport>;
  before(async () => {
    run = await workspaceOf(COUNT, settings);
    run.server.connection.onNotification(WORKSPACE_PROGRESS_METHOD, (p: WorkspaceProgress) => void progress.push(p));
  });
  after(() => run.dispose());

  const configure = (mode: string) => {
    settings['workspaceDiagnostics'] = mode;
    return run.server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  };

  test(`the server offers workspace diagnostics, and a pull reports every one of ${COUNT} reports never opened, while hovers stay quick`, async () => {
    const capability = run.server.initializeResult.capabilities.diagnosticProvider;
    assert.ok(capability && 'workspaceDiagnostics' in capability && capability.workspaceDiagnostics === true);
    const result = await pullWithHovers(run, COUNT);
    first = result.reports;
    assert.equal(first.size, COUNT, 'every generated report (the open one is the document pull\'s)');
    const withFinding = run.uris.filter((uri) => {
      const report = first.get(uri);
      return report?.kind === 'full' && report.items.some((d) => d.code === 'rate-mismatch');
    });
    assert.equal(withFinding.length, COUNT / 3, 'every third report states a rate its counts disagree with');
    assert.ok(!first.has(run.openUri), 'the open report is left to the document pull');
    // Had the pass held the thread, a hover would wait for all of it.
    const median = percentile(result.hoverMs, 0.5);
    const max = Math.max(...result.hoverMs);
    assert.ok(result.hoverMs.length >= 5, `hovers were answered during the pass (${result.hoverMs.length})`);
    assert.ok(median < 60 && max < Math.max(750, result.passMs / 2), `hover during the pass: median ${median.toFixed(1)} ms, max ${max.toFixed(1)} ms (pass ${result.passMs.toFixed(0)} ms)`);
  });

  test('the next pull answers "unchanged" for what did not change, and re-checks a report changed on disk', async () => {
    const previous = [...first.values()].filter((r) => r.resultId !== undefined).map((r) => ({ uri: r.uri, value: r.resultId! }));
    const changedUri = run.uris[1]!;
    const pulled = pullWithHovers(run, COUNT, { previous, timeoutMs: 30_000, until: (seen) => seen.get(changedUri)?.kind === 'full' });
    // A new finding in a report: saved, the watcher tells the server.
    await new Promise((resolve) => setTimeout(resolve, 300));
    writeFileSync(fileURLToPath(changedUri), smallReport(0));
    await run.server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: changedUri, type: FileChangeType.Changed }] });
    const { reports } = await pulled;
    const kinds = [...reports.values()].map((r) => r.kind);
    assert.ok(kinds.filter((k) => k === 'unchanged').length >= COUNT - 1, 'the others are unchanged');
    const changed = reports.get(changedUri);
    assert.equal(changed?.kind, 'full');
    assert.deepEqual(changed?.kind === 'full' ? changed.items.map((d) => d.code) : [], ['rate-mismatch']);
  });

  test('openFiles: the workspace pull reports nothing and clears what it reported before; off: no findings at all', async () => {
    await configure('openFiles');
    const previous = [...first.values()].map((r) => ({ uri: r.uri, value: r.resultId ?? '' }));
    const { reports } = await pullWithHovers(run, COUNT, { previous, timeoutMs: 30_000 });
    assert.ok([...reports.values()].every((r) => r.kind === 'full' && r.items.length === 0), 'every earlier report cleared');
    const open = async () => {
      const report: DocumentDiagnosticReport = await run.server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: run.openUri } });
      return report.kind === 'full' ? report.items : [];
    };
    assert.equal(await open().then((items) => items.length), 0, 'the open report (99.4% is right) has no finding');
    await configure('off');
    const none = await run.server.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [] });
    assert.deepEqual(none.items, []);
  });

  test('Check All Reports: a workspace pass for the session with progress, even when the setting says openFiles; refused when off', async () => {
    const refused: CheckAllReportsResult = await run.server.connection.sendRequest(CHECK_ALL_REPORTS_METHOD, {});
    assert.equal(refused.started, false);
    await configure('openFiles');
    // As in the editor: the client's workspace pull is already waiting when the command comes.
    const pulled = pullWithHovers(run, COUNT, { timeoutMs: 60_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const result: CheckAllReportsResult = await run.server.connection.sendRequest(CHECK_ALL_REPORTS_METHOD, {});
    assert.equal(result.started, true);
    assert.equal(result.total, COUNT + 1, 'the generated reports and the open one');
    const { reports } = await pulled;
    assert.equal([...reports.values()].filter((r) => r.kind === 'full').length, COUNT);
    await waitFor(() => progress.some((p) => p.pass === result.pass && p.done === p.total && p.total === COUNT + 1), 5000, 'the pass\'s last progress');
  });

  test('Check All Reports on a fresh server whose workspace pull is already waiting: the pass lists the reports (one scan shared by both)', async () => {
    const fresh = await workspaceOf(5, {});
    try {
      const pulled = pullWithHovers(fresh, 5, { timeoutMs: 30_000 });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const result: CheckAllReportsResult = await fresh.server.connection.sendRequest(CHECK_ALL_REPORTS_METHOD, {});
      assert.equal(result.total, 6);
      const { reports } = await pulled;
      assert.deepEqual([...reports.keys()].sort(), [...fresh.uris].sort());
    } finally {
      await fresh.dispose();
    }
  });
});
