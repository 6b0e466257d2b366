import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  CancellationTokenSource,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  DocumentSymbolRequest,
  HoverRequest,
  LSPErrorCodes,
  ResponseError,
  type DocumentSymbol,
} from 'vscode-languageserver-protocol/node';
import { DOCUMENT_STATS_METHOD, type DocumentStats } from '../../server/src/customProtocol';
import { startServer, withTimeout, type RunningServer } from '../support/serverProcess';

const REPORT = '报告标题\n\n一、总体情况\n  检视出6个方面1686个问题，完成问题整改1676个、整改率99.6%。\n\n二、下一步安排\n  正文。\n';

describe('server resilience', () => {
  let server: RunningServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.stop());

  const open = (uri: string, text: string) =>
    server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'report', version: 1, text } });

  test('a request cancelled in flight answers RequestCancelled (or its result), and the server keeps serving', async () => {
    const uri = 'file:///virtual/cancel.report';
    await open(uri, REPORT.repeat(2000));
    const source = new CancellationTokenSource();
    const pending = server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }, source.token);
    source.cancel();
    try {
      await withTimeout(pending, 10_000, 'cancelled request');
    } catch (error) {
      assert.ok(error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled, `unexpected ${String(error)}`);
    }
    const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: 'file:///virtual/cancel.report' } })) as DocumentSymbol[];
    assert.ok(symbols.length > 0, 'still serving');
  });

  test('a flood of 500 didChange notifications is applied in order; the next request sees the final text', async () => {
    const uri = 'file:///virtual/flood.report';
    await open(uri, REPORT);
    for (let version = 2; version <= 501; version++) {
      void server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line: 6, character: 2 }, end: { line: 6, character: 2 } }, text: '新' }],
      });
    }
    const symbols = (await withTimeout(server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), 10_000, 'after flood')) as DocumentSymbol[];
    assert.equal(symbols[0]!.children!.length, 2);
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 3, character: 10 } });
    assert.ok(hover, 'hover still answers');
    assert.equal(symbols[0]!.range.end.character, 2 + 500 + '正文。'.length, 'all 500 insertions arrived');
  });

  test('positions past the end, negative or on lone surrogates never throw', async () => {
    const uri = 'file:///virtual/positions.report';
    await open(uri, '\ud800报告\udc00\n\n一、𠮷\ud83d\n');
    for (const position of [{ line: 99, character: 99 }, { line: 0, character: 999 }, { line: 2, character: 3 }, { line: 2, character: 4 }]) {
      await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
    }
    const outline = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    assert.equal(outline.length, 1, 'the title is in the outline');
    // runSafe answers a failed handler with a fallback and logs it: no such line may appear.
    assert.deepEqual(server.logs.filter((line) => line.includes(' failed: ')), []);
  });

  test('a 5 MB single line is analysed without a hang', async () => {
    const uri = 'file:///virtual/long-line.report';
    await open(uri, '检视出1686个问题，完成整改1676个、整改率99.6%，'.repeat(170_000));
    const report = await withTimeout(server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }), 30_000, '5 MB line');
    assert.ok(report.kind === 'full');
    assert.deepEqual(server.logs.filter((line) => line.includes(' failed: ')), []);
  });

  test('reportLens/documentStats counts figures and mismatches for the status bar', async () => {
    const uri = 'file:///virtual/stats.report';
    await open(uri, REPORT);
    const stats = await server.connection.sendRequest<DocumentStats>(DOCUMENT_STATS_METHOD, { textDocument: { uri } });
    assert.deepEqual(stats, { figures: 4, mismatches: 1, headings: 0, skipped: false });
    const unknown = await server.connection.sendRequest<DocumentStats>(DOCUMENT_STATS_METHOD, { textDocument: { uri: 'file:///virtual/none.report' } });
    assert.deepEqual(unknown, { figures: 0, mismatches: 0, headings: 0, skipped: false });
  });

  test('reportLens/documentStats counts a heading out of sequence apart from figure mismatches (issue 13)', async () => {
    const uri = 'file:///virtual/headings.report';
    await open(uri, '报告\n\n一、总体情况\n\n共排查问题1200个，已整改1150个，整改率95.8%。\n\n二、主要工作\n\n四、下一步\n');
    const stats = await server.connection.sendRequest<DocumentStats>(DOCUMENT_STATS_METHOD, { textDocument: { uri } });
    assert.deepEqual(stats, { figures: 3, mismatches: 0, headings: 1, skipped: false });
  });
});
