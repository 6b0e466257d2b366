/** The workspace pass reads a closed Markdown report as Markdown, as it is read once opened (regression). */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { DidOpenTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { startServer } from '../support/serverProcess';
import { pullWithHovers } from '../support/workspaceHover';

/** A draft sentence in an HTML comment: Markdown reads nothing there, plain text would flag its rate. */
const MARKDOWN = '# 综述\n\n<!-- 第一批参学单位检视出1686个问题，完成问题整改1676个、整改率99.6%。 -->\n\n全年完成投资100亿元。\n';
const PLAIN = '综述\n\n  第一批参学单位检视出1686个问题，完成问题整改1676个、整改率99.6%。\n';

test('a closed .md report in the workspace pass: no figure read inside an HTML comment (its name says Markdown)', async () => {
  const root = mkdtempSync(path.join(tmpdir(), 'report-lens-workspace-md-'));
  writeFileSync(path.join(root, 'report-lens.json'), JSON.stringify({ reports: ['**/*.md', '**/*.report'] }));
  writeFileSync(path.join(root, 'notes.md'), MARKDOWN);
  writeFileSync(path.join(root, 'plain.report'), PLAIN);
  const open = path.join(root, 'open.report');
  writeFileSync(open, '综述\n\n  全年完成投资100亿元。\n');
  const server = await startServer({ rootPath: root, settings: { workspaceDiagnostics: 'workspace' } });
  try {
    const openUri = pathToFileURL(open).href;
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: openUri, languageId: 'report', version: 1, text: '综述\n\n  全年完成投资100亿元。\n' } });
    const notes = pathToFileURL(path.join(root, 'notes.md')).href;
    const plain = pathToFileURL(path.join(root, 'plain.report')).href;
    const run = { server, root, uris: [notes, plain], openUri, dispose: async () => undefined };
    const { reports } = await pullWithHovers(run, 2, { timeoutMs: 30_000, until: (seen) => seen.has(notes) && seen.has(plain) });
    const codes = (uri: string) => {
      const report = reports.get(uri);
      return report?.kind === 'full' ? report.items.map((d) => d.code) : undefined;
    };
    assert.deepEqual(codes(plain), ['rate-mismatch'], 'the pass ran: the plain report has its finding');
    assert.deepEqual(codes(notes), [], 'an HTML comment holds no figure');
  } finally {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  }
});
