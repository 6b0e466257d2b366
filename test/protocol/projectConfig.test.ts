import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import {
  CodeActionRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  FileChangeType,
  HoverRequest,
  type CodeAction,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type Hover,
  type MarkupContent,
  type TextDocumentEdit,
} from 'vscode-languageserver-protocol/node';
import { startServer, waitFor, type RunningServer } from '../support/serverProcess';

const MISSION = '某区主题教育综述\n\n  第一批参学单位检视出6个方面1686个问题，确定74个专项整治问题。第一批参学单位完成问题整改1676个、整改率99.6%；已代办信访事项17002件、推动办结15530件。\n';
const items = (report: DocumentDiagnosticReport): Diagnostic[] => (report.kind === 'full' ? report.items : []);

describe('report-lens.json and reviewed findings over the protocol (issue 14)', () => {
  let server: RunningServer;
  let workspace: string;
  let reportUri: string;
  /** What the client answers for reportLens: only what the user set, as the VS Code client sends it. */
  const settings: Record<string, unknown> = {};
  before(async () => {
    workspace = mkdtempSync(path.join(tmpdir(), 'report-lens-config-'));
    mkdirSync(path.join(workspace, 'reports'));
    writeFileSync(path.join(workspace, 'report-lens.json'), JSON.stringify({ checks: { 'rate-mismatch': 'warning' } }));
    const report = path.join(workspace, 'reports', 'mission.report');
    writeFileSync(report, MISSION);
    reportUri = pathToFileURL(report).href;
    server = await startServer({ rootPath: workspace, settings });
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: reportUri, languageId: 'report', version: 1, text: MISSION } });
  });
  after(async () => {
    await server.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  const pull = async () => items(await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: reportUri } }));
  const changed = (file: string, type: FileChangeType = FileChangeType.Changed) =>
    server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(file).href, type }] });

  test('the server watches configuration files and takes the severity from report-lens.json', async () => {
    await waitFor(() => server.registrations.some((r) => JSON.stringify(r.registerOptions).includes('report-lens.json')), 5000, 'the watcher');
    const [d] = await pull();
    assert.equal(d?.code, 'rate-mismatch');
    assert.equal(d?.severity, 2, 'warning, as the file says (the default is error)');
  });

  test('a setting the user set explicitly overrides the file', async () => {
    settings['checks'] = { 'rate-mismatch': 'hint' };
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    assert.equal((await pull())[0]?.severity, 4);
    delete settings['checks'];
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    assert.equal((await pull())[0]?.severity, 2, 'unset again: the file applies');
  });

  test('a changed file is re-read; a malformed one gets one clear message and the defaults, and diagnostics keep coming', async () => {
    const config = path.join(workspace, 'report-lens.json');
    writeFileSync(config, JSON.stringify({ checks: { 'rate-mismatch': 'off' } }));
    await changed(config);
    await waitFor(async () => (await pull()).length === 0, 5000, 'the check turned off by the file');

    writeFileSync(config, '{ "checks": { "rate-mismatch": "off" ');
    await changed(config);
    await waitFor(() => server.shown.some((m) => /report-lens\.json: not valid JSON/.test(m)), 5000, 'the message');
    assert.equal((await pull())[0]?.severity, 1, 'defaults: an error');
    await pull();
    assert.equal(server.shown.filter((m) => /report-lens\.json/.test(m)).length, 1, 'told once');
    await waitFor(() => server.published.some((p) => p.uri === pathToFileURL(config).href && p.diagnostics.length === 1), 5000, 'a diagnostic on the file');

    writeFileSync(config, JSON.stringify({ checks: { 'rate-mismatch': 'warning' } }));
    await changed(config);
    await waitFor(async () => (await pull())[0]?.severity === 2, 5000, 'the fixed file');
  });

  test("Mark as reviewed's edit silences the diagnostic; hover says so; a changed figure brings it back", async () => {
    const diagnostics = await pull();
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: reportUri }, range: diagnostics[0]!.range, context: { diagnostics } })) as CodeAction[];
    const mark = actions.find((a) => /^Mark as reviewed/.test(a.title));
    assert.ok(mark, 'offered on the diagnostic');
    assert.equal(mark.title, 'Mark as reviewed (rate-mismatch, recorded in .report-lens/reviewed.json)');
    // Apply the edit as a client would: create the file, insert the text.
    const [create, insert] = mark.edit!.documentChanges! as [{ kind: 'create'; uri: string }, TextDocumentEdit];
    assert.equal(create.kind, 'create');
    const file = fileURLToPath(create.uri);
    assert.equal(file, path.join(workspace, '.report-lens', 'reviewed.json'));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, (insert.edits[0] as { newText: string }).newText);
    const recorded = JSON.parse(readFileSync(file, 'utf8')) as { reviewed: { file: string; code: string; figures: string[] }[] };
    assert.deepEqual(
      recorded.reviewed.map(({ file: f, code, figures }) => ({ file: f, code, figures })),
      [{ file: 'reports/mission.report', code: 'rate-mismatch', figures: ['99.6%', '1676个', '1686个'] }],
    );
    await changed(file, FileChangeType.Created);
    await waitFor(async () => (await pull()).length === 0, 5000, 'the reviewed finding silenced');

    const line = MISSION.split('\n')[2]!;
    const hover = (await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: reportUri }, position: { line: 2, character: line.indexOf('99.6%') + 1 } })) as Hover;
    assert.match((hover.contents as MarkupContent).value, /Reviewed: the rate-mismatch finding on this figure was marked as reviewed/);

    // An edit elsewhere keeps it silent; a changed figure brings it back.
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: reportUri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '修订：' }],
    });
    assert.deepEqual(await pull(), []);
    const at = line.indexOf('99.6%');
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: reportUri, version: 3 },
      contentChanges: [{ range: { start: { line: 2, character: at }, end: { line: 2, character: at + 4 } }, text: '99.7' }],
    });
    assert.equal((await pull())[0]?.code, 'rate-mismatch');
  });

  test("a Word document's text (report-lens-docx:) takes the .docx's configuration, and Mark as reviewed records the .docx", async () => {
    const docx = path.join(workspace, 'reports', 'bulletin.docx');
    const uri = `report-lens-docx://${pathToFileURL(docx).pathname}.report?file`;
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'report', version: 1, text: MISSION } });
    const diagnostics = items(await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }));
    assert.equal(diagnostics[0]?.code, 'rate-mismatch');
    assert.equal(diagnostics[0]?.severity, 2, "warning, as the .docx's report-lens.json says");
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostics[0]!.range, context: { diagnostics } })) as CodeAction[];
    const mark = actions.find((a) => /^Mark as reviewed/.test(a.title));
    assert.ok(mark, 'offered on the Word document too');
    const reviewed = pathToFileURL(path.join(workspace, '.report-lens', 'reviewed.json')).href;
    const edits = mark.edit!.changes?.[reviewed] ?? mark.edit!.documentChanges?.find((change): change is TextDocumentEdit => 'edits' in change && change.textDocument.uri === reviewed)?.edits;
    assert.ok(edits, `an edit of ${reviewed}: ${JSON.stringify(mark.edit)}`);
    assert.match(edits.map((e) => ('newText' in e ? e.newText : '')).join(''), /"file": "reports\/bulletin\.docx"/, 'named as the CLI names the .docx');
  });
});
