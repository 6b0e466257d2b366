import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  CodeActionRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  InlayHintRequest,
  type Diagnostic,
  type DocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { startServer, waitFor, type RunningServer } from '../support/serverProcess';

const MISSION = '某区主题教育综述\n\n  第一批参学单位检视出6个方面1686个问题，确定74个专项整治问题。第一批参学单位完成问题整改1676个、整改率99.6%；已代办信访事项17002件、推动办结15530件。\n';
const items = (report: DocumentDiagnosticReport): Diagnostic[] => (report.kind === 'full' ? report.items : []);

describe('diagnostics over the protocol (pull, LSP 3.17)', () => {
  let server: RunningServer;
  const settings: Record<string, unknown> = {};
  before(async () => {
    server = await startServer({ settings });
  });
  after(() => server.stop());

  const open = (uri: string, text: string) =>
    server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'report', version: 1, text } });
  const pull = (uri: string) => server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });

  test('the server announces a diagnostic provider, code actions and inlay hints', () => {
    const { capabilities } = server.initializeResult;
    assert.ok(capabilities.diagnosticProvider);
    assert.ok(capabilities.codeActionProvider);
    assert.ok(capabilities.inlayHintProvider);
  });

  test('a pulled report gives the rate-mismatch with its arithmetic; an edit that fixes it clears it', async () => {
    const uri = 'file:///virtual/mission.report';
    await open(uri, MISSION);
    const [d] = items(await pull(uri));
    assert.equal(d!.code, 'rate-mismatch');
    assert.equal(d!.message, 'Stated 99.6%, but 1676个 / 1686个 = 99.41%');
    assert.equal(d!.range.start.line, 2);
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: d!.range.start, end: d!.range.end }, text: '99.4%' }],
    });
    assert.deepEqual(items(await pull(uri)), []);
  });

  test('the quick fix is a workspace edit that writes 99.4%', async () => {
    const uri = 'file:///virtual/fix.report';
    await open(uri, MISSION);
    const diagnostics = items(await pull(uri));
    const actions = await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostics[0]!.range, context: { diagnostics } });
    assert.equal(actions?.length, 1);
    const action = actions![0]!;
    assert.ok('edit' in action && action.edit?.changes);
    assert.deepEqual(action.edit!.changes![uri], [{ range: { start: diagnostics[0]!.range.start, end: { line: 2, character: diagnostics[0]!.range.start.character + 4 } }, newText: '99.4' }]);
    assert.equal(action.title, 'Change 99.6% to 99.4%');
  });

  test('inlay hints show the implied rate of 办结 against 代办', async () => {
    const uri = 'file:///virtual/hints.report';
    await open(uri, MISSION);
    const hints = await server.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } } });
    assert.deepEqual(hints?.map((h) => h.label), ['91.3%']);
  });

  test('turning a check off in settings removes its diagnostics (and the server asks the client to refresh)', async () => {
    const uri = 'file:///virtual/settings.report';
    await open(uri, MISSION);
    assert.equal(items(await pull(uri)).length, 1);
    settings['checks'] = { 'rate-mismatch': 'off' };
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await waitFor(() => server.refreshes.includes('diagnostics'), 5000, 'refresh request');
    assert.deepEqual(items(await pull(uri)), []);
    delete settings['checks'];
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  });

  test('300,000 headings separated by lone CRs (3.9 MB): capped diagnostics come back in seconds (issue 12, D6)', async () => {
    const uri = 'file:///virtual/headings.report';
    await open(uri, '一、概况\r'.repeat(300_000));
    const started = Date.now();
    const found = items(await pull(uri));
    const elapsed = Date.now() - started;
    assert.equal(found.length, 201, '200 listed and one summary');
    assert.match(String(found[200]!.message), /^…and 299,799 more heading-sequence findings not listed/);
    assert.ok(elapsed < 20_000, `answered in ${elapsed} ms`);
  });

  test('pull for an unknown document answers an empty report', async () => {
    assert.deepEqual(items(await pull('file:///virtual/unknown.report')), []);
  });
});

describe('diagnostics over the protocol (push fallback)', () => {
  test('a client without pull diagnostics gets publishDiagnostics after open and after each change', async () => {
    const server = await startServer({ pullDiagnostics: false });
    try {
      assert.equal(server.initializeResult.capabilities.diagnosticProvider, undefined);
      const uri = 'file:///virtual/push.report';
      await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'report', version: 1, text: MISSION } });
      await waitFor(() => server.published.some((p) => p.uri === uri && p.diagnostics.length === 1), 5000, 'first publish');
      await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: MISSION.replace('99.6%', '99.4%') }] });
      await waitFor(() => server.published.some((p) => p.uri === uri && p.version === 2 && p.diagnostics.length === 0), 5000, 'second publish');
    } finally {
      await server.stop();
    }
  });
});

