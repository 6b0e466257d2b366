import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import {
  DidChangeConfigurationNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  DocumentSymbolRequest,
  HoverRequest,
  type DocumentSymbol,
  type Hover,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { startServer, waitFor } from '../support/serverProcess';

const REPORT = '报告\n\n一、总体情况\n  检视出1686个问题，完成问题整改1676个、整改率99.6%。推进“智改数转”。\n';

describe('a malformed reportLens.glossary.files glob (issue 12, D3)', () => {
  test('gets one clear message, the default glob is used, and every feature keeps working', async () => {
    const workspace = mkdtempSync(path.join(tmpdir(), 'report-lens-glob-'));
    writeFileSync(path.join(workspace, 'team.glossary.yaml'), '智改数转: 智能化改造和数字化转型。\n');
    const settings: Record<string, unknown> = { glossary: { files: '**/*.{yaml' } };
    const server = await startServer({ rootPath: workspace, settings });
    try {
      const uri = 'file:///virtual/glob.report';
      await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'report', version: 1, text: REPORT } });
      const hoverAt = async (character: number): Promise<string> => {
        const hover = (await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 3, character } })) as Hover | null;
        return hover ? (hover.contents as MarkupContent).value : '';
      };
      const check = async () => {
        const report = await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
        assert.ok(report.kind === 'full' && report.items.some((d) => d.code === 'rate-mismatch'), 'diagnostics still come');
        assert.match(await hoverAt(REPORT.split('\n')[3]!.indexOf('1686') + 1), /1,686/, 'hover on a figure still answers');
        assert.match(await hoverAt(REPORT.split('\n')[3]!.indexOf('智改数转') + 1), /智能化改造和数字化转型/, 'the default glob found the glossary');
        const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
        assert.equal(symbols.length, 1);
      };
      await check();
      await waitFor(() => server.shown.length > 0, 5000, 'the message');
      assert.deepEqual(server.shown.filter((m) => /glossary\.files/.test(m)).length, 1);
      assert.match(server.shown[0]!, /"\*\*\/\*\.\{yaml" is not a valid glob \(a “\{” is not closed\); glossary files are found with "\*\*\/\*\.glossary\.\{yaml,yml,json,csv\}" instead/);
      assert.ok(server.logs.some((line) => line === server.shown[0]));

      // The same setting again: no second message. Another bad glob: its own message, and still working.
      await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
      await check();
      settings['glossary'] = { files: '**/*.yaml}' };
      await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
      await waitFor(() => server.shown.length > 1, 5000, 'the second message');
      assert.match(server.shown[1]!, /"\*\*\/\*\.yaml\}" is not a valid glob \(a “\}” closes no “\{”\)/);
      await check();
      assert.equal(server.shown.length, 2);
      assert.ok(!server.registrations.some((r) => JSON.stringify(r.registerOptions).includes('{yaml"')), 'the client is never asked to watch the bad glob');
    } finally {
      await server.stop();
      rmSync(workspace, { recursive: true, force: true });
    }
  });
});
