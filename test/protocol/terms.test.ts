import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  CompletionRequest,
  DefinitionRequest,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  FileChangeType,
  HoverRequest,
  type Hover,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { startServer, waitFor, type RunningServer } from '../support/serverProcess';

describe('terms over the protocol, with a workspace glossary', () => {
  let server: RunningServer;
  let workspace: string;
  let glossaryFile: string;
  const report = '报告\n\n推进“智改数转”，实施数字化转型改造，开展中央生态环境保护督察（以下简称“中央督察”）。中央督察进驻。\n';
  const uri = 'file:///virtual/terms.report';

  before(async () => {
    workspace = mkdtempSync(path.join(tmpdir(), 'report-lens-terms-'));
    glossaryFile = path.join(workspace, 'team.glossary.yaml');
    writeFileSync(glossaryFile, '亩均论英雄: 以单位土地产出评价企业。\n智改数转:\n  definition: 第一版定义。\n  aliases: [数字化转型改造]\n');
    writeFileSync(path.join(workspace, 'broken.glossary.yaml'), '好条目: 定义\n坏条目: [未闭合\n');
    server = await startServer({ rootPath: workspace });
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'report', version: 1, text: report } });
  });
  after(async () => {
    await server.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  const hoverAt = async (needle: string): Promise<string> => {
    const character = report.split('\n')[2]!.indexOf(needle) + 1;
    const hover = (await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character } })) as Hover | null;
    return hover ? (hover.contents as MarkupContent).value : '';
  };

  test('a workspace glossary entry hovers on its term and on its alias', async () => {
    assert.match(await hoverAt('智改数转'), /第一版定义[\s\S]*team\.glossary\.yaml, line 2/);
    assert.match(await hoverAt('数字化转型改造'), /第一版定义/);
  });

  test('editing the glossary file updates hover without a restart', async () => {
    writeFileSync(glossaryFile, '智改数转:\n  definition: 第二版定义。\n  aliases: [数字化转型改造]\n');
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(glossaryFile).toString(), type: FileChangeType.Changed }] });
    await waitFor(async () => /第二版定义/.test(await hoverAt('智改数转')), 5000, 'reloaded glossary');
  });

  test('a malformed glossary file gets diagnostics with line numbers, and the other sources keep working', async () => {
    const brokenUri = pathToFileURL(path.join(workspace, 'broken.glossary.yaml')).toString();
    await waitFor(async () => server.published.some((p) => p.uri === brokenUri && p.diagnostics.length > 0), 5000, 'glossary diagnostics');
    const published = server.published.filter((p) => p.uri === brokenUri).at(-1)!;
    // The unclosed list opens on the file's second line (0-based 1); the YAML reader also reports where it
    // ran out of text, the line after. Nothing points at the good entry on line 0.
    assert.deepEqual((published.diagnostics as { range: { start: { line: number } } }[]).map((d) => d.range.start.line).sort(), [1, 2]);
    // The file's good entry is loaded, and the other sources keep working.
    const goodUri = 'file:///virtual/good-entry.report';
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: goodUri, languageId: 'report', version: 1, text: '报告\n\n这是好条目。\n' } });
    const good = (await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: goodUri }, position: { line: 2, character: 3 } })) as Hover | null;
    assert.match(good ? (good.contents as MarkupContent).value : '', /broken\.glossary\.yaml, line 1/);
    assert.match(await hoverAt('中央督察进驻'), /中央生态环境保护督察/);
  });

  test('the client is asked to watch the configured glossary glob', () => {
    assert.ok(server.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles' && JSON.stringify(r.registerOptions).includes('**/*.glossary.{yaml,yml,json,csv}')));
  });

  test('go to definition jumps to （以下简称“中央督察”）', async () => {
    const character = report.split('\n')[2]!.indexOf('中央督察进驻') + 1;
    const result = await server.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line: 2, character } });
    assert.ok(Array.isArray(result) && result.length === 1);
    const location = result[0] as { uri: string; range: { start: { line: number; character: number } } };
    assert.equal(location.uri, uri);
    assert.equal(location.range.start.character, report.split('\n')[2]!.indexOf('中央督察”'));
  });

  test('completion after an opening quote lists glossary terms', async () => {
    const completionUri = 'file:///virtual/completion.report';
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: completionUri, languageId: 'report', version: 1, text: '报告\n\n推进“智\n' } });
    const result = await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: completionUri }, position: { line: 2, character: 4 } });
    const items = Array.isArray(result) ? result : (result?.items ?? []);
    assert.ok(items.some((item) => item.label === '智改数转'));
  });
});

