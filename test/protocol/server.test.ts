import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  SemanticTokensRangeRequest,
  SemanticTokensRequest,
  TextDocumentSyncKind,
  WorkspaceSymbolRequest,
  type DocumentSymbol,
} from 'vscode-languageserver-protocol/node';
import { flatten, names } from '../support/outline';
import { fixturePath, readFixture, ROOT } from '../support/paths';
import { startServer, withTimeout, SERVER_BIN, type RunningServer } from '../support/serverProcess';

const REPORT = ['报告标题', '', '一、总体情况', '正文第一段。', '', '二、下一步安排', '正文第二段。', ''].join('\n');

describe('language server over stdio', () => {
  let server: RunningServer;
  let workspace: string;

  before(async () => {
    workspace = mkdtempSync(path.join(tmpdir(), 'report-lens-ws-'));
    writeFileSync(path.join(workspace, 'closed.report'), '年度报告\n\n一、财政收支情况\n正文。\n');
    writeFileSync(path.join(workspace, 'notes.txt'), '一、不是报告文件\n');
    server = await startServer({ rootPath: workspace });
  });
  after(async () => {
    await server.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  const open = async (uri: string, text: string, version = 1) =>
    server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'report', version, text } });
  const symbols = (uri: string) => server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }) as Promise<DocumentSymbol[]>;

  test('initialize announces incremental sync, symbols, folding and workspace symbols', () => {
    const { capabilities, serverInfo } = server.initializeResult;
    assert.equal(capabilities.textDocumentSync, TextDocumentSyncKind.Incremental);
    assert.ok(capabilities.documentSymbolProvider);
    assert.equal(capabilities.foldingRangeProvider, true);
    assert.equal(capabilities.workspaceSymbolProvider, true);
    assert.equal(capabilities.hoverProvider, true);
    assert.equal(serverInfo?.name, 'report-lens-language-server');
  });

  test('didOpen then documentSymbol returns the hierarchical outline', async () => {
    await open('file:///virtual/a.report', REPORT);
    const result = await symbols('file:///virtual/a.report');
    assert.deepEqual(names(result), [{ name: '报告标题', children: [{ name: '一、总体情况', children: [] }, { name: '二、下一步安排', children: [] }] }]);
    assert.deepEqual(result[0]!.children![1]!.selectionRange, { start: { line: 5, character: 0 }, end: { line: 5, character: 7 } });
  });

  test('a markdown-language document is read as Markdown: no figure in its code, its table in the outline, edits followed', async () => {
    // No .md in the URI: the language id alone decides.
    const uri = 'file:///virtual/notes-without-extension';
    const text = ['# 季度报告', '', '## 1. 收入', '', '收入增长5%。', '', '```', '代号 4242', '```', '', '| 地区 | 收入 |', '|---|---|', '| 华东 | 60 |', '| 华南 | 40 |', ''].join('\n');
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const hover = (line: number, character: number) => server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
    assert.ok(await hover(4, 5), 'the figure in prose hovers');
    assert.equal(await hover(7, 4), null, 'the number in the code block is no figure');
    const outline = await symbols(uri);
    assert.deepEqual(names(outline), [{ name: '季度报告', children: [{ name: '1. 收入', children: [{ name: '地区 | 收入', children: [] }] }] }]);
    // Closing the fence's first line away turns the code into prose: the model follows the edit.
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 6, character: 0 }, end: { line: 6, character: 3 } }, text: '' }],
    });
    assert.ok(await hover(7, 4), 'now prose, the number hovers');
  });

  test('an incremental didChange updates the outline', async () => {
    const uri = 'file:///virtual/b.report';
    await open(uri, REPORT);
    // Insert a new section before 二、 (line 5) and rename 一、 in one notification.
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [
        { range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: '二、新增部分\n正文。\n\n' },
        { range: { start: { line: 2, character: 2 }, end: { line: 2, character: 6 } }, text: '工作回顾' },
      ],
    });
    const result = await symbols(uri);
    assert.deepEqual(result[0]!.children!.map((s) => [s.name, s.selectionRange.start.line]), [
      ['一、工作回顾', 2],
      ['二、新增部分', 5],
      ['二、下一步安排', 8],
    ]);
  });

  test('foldingRange folds each section', async () => {
    const uri = 'file:///virtual/c.report';
    await open(uri, REPORT);
    const ranges = await server.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    assert.deepEqual(ranges, [
      { startLine: 0, endLine: 6 },
      { startLine: 2, endLine: 3 },
      { startLine: 5, endLine: 6 },
    ]);
  });

  test('hover on a figure explains it; hover elsewhere is null', async () => {
    const uri = 'file:///virtual/hover.report';
    await open(uri, '报告\n\n全区地区生产总值达到10971亿元，同比增长7.3%。\n');
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 13 } });
    assert.ok(hover && typeof hover.contents === 'object' && 'value' in hover.contents);
    assert.match(hover.contents.value, /1,097,100,000,000/);
    assert.deepEqual(hover.range, { start: { line: 2, character: 10 }, end: { line: 2, character: 17 } });
    assert.equal(await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } }), null);
    assert.equal(await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 99, character: 99 } }), null);
  });

  test('semantic tokens colour quantities only, whole, and never a year, date or ordinal', async () => {
    const uri = 'file:///virtual/tokens.report';
    await open(uri, '2016政府工作报告\n\n第一批项目完成投资4万多亿元，2023年3月增长7.3%。\n');
    const legend = server.initializeResult.capabilities.semanticTokensProvider?.legend;
    assert.deepEqual(legend?.tokenTypes, ['number']);
    const tokens = await server.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
    assert.ok(tokens);
    // [deltaLine, deltaStart, length, type, modifiers] per token: 4万多亿元 (approximate money) and 7.3% (percentage).
    const money = 1 << legend!.tokenModifiers.indexOf('money');
    const approximate = 1 << legend!.tokenModifiers.indexOf('approximate');
    const percentage = 1 << legend!.tokenModifiers.indexOf('percentage');
    assert.deepEqual(tokens.data, [2, 9, 5, 0, money | approximate, 0, 15, 4, 0, percentage]);
    const range = await server.connection.sendRequest(SemanticTokensRangeRequest.type, { textDocument: { uri }, range: { start: { line: 2, character: 20 }, end: { line: 2, character: 40 } } });
    assert.deepEqual(range?.data, [2, 24, 4, 0, percentage]);
  });

  test('workspace/symbol finds headings in open documents and in report files on disk', async () => {
    const found = await server.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '财政' });
    assert.ok(Array.isArray(found));
    const hit = found.find((s) => s.name === '一、财政收支情况');
    assert.ok(hit, 'a heading of a closed .report file in the workspace folder is found');
    assert.equal('uri' in hit!.location ? hit!.location.uri : '', pathToFileURL(path.join(workspace, 'closed.report')).toString());
    assert.equal(hit!.containerName, '年度报告');
    const open = await server.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '下一步' });
    assert.ok(open!.some((s) => s.name === '二、下一步安排' && 'uri' in s.location && s.location.uri.startsWith('file:///virtual/')));
    const none = await server.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '不是报告' });
    assert.deepEqual(none, [], '.txt files are not indexed');
  });

  test('requests for unknown or closed documents answer empty, and the server keeps serving', async () => {
    assert.deepEqual(await symbols('file:///virtual/never-opened.report'), []);
    await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: 'file:///virtual/a.report' } });
    assert.deepEqual(await symbols('file:///virtual/a.report'), []);
    assert.equal((await symbols('file:///virtual/c.report')).length, 1);
  });

  test('hostile documents (binary bytes, lone surrogates, a 10 MB single line) get answers, not a crash or a hang', async () => {
    const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString('latin1');
    await open('file:///virtual/binary.report', binary);
    await open('file:///virtual/surrogates.report', '\ud800标题\udc00\n\n一、\ud83d节\n');
    await open('file:///virtual/long.report', '一、' + '很长的一行没有句号'.repeat(1_200_000));
    for (const uri of ['file:///virtual/binary.report', 'file:///virtual/surrogates.report', 'file:///virtual/long.report']) {
      const result = await withTimeout(symbols(uri), 10_000, uri);
      assert.ok(Array.isArray(result));
    }
    // No handler failed: runSafe would have answered with [] and logged it. (The long line, 32 MB in UTF-8,
    // is above maxFileSize: its empty outline is the skip, which has a test of its own.)
    assert.deepEqual(server.logs.filter((line) => line.includes(' failed: ')), []);
    assert.equal((await symbols('file:///virtual/c.report')).length, 1, 'still serving');
  });

  test('the CLI outline --format json prints exactly what the server returns', async () => {
    const file = fixturePath('corpus', 'gov-work-report-2014-zh.txt');
    const text = readFixture('corpus', 'gov-work-report-2014-zh.txt');
    const uri = pathToFileURL(file).toString();
    await open(uri, text);
    const fromServer = await symbols(uri);
    const cli = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'report-lens.js'), 'outline', '--format', 'json', file], { encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stderr);
    assert.deepEqual(JSON.parse(cli.stdout), fromServer);
  });
});

describe('language server settings and limits', () => {
  test('a document over reportLens.maxFileSize is skipped and the user is told once', async () => {
    const server = await startServer({ settings: { maxFileSize: 1000 } });
    try {
      const uri = 'file:///virtual/big.report';
      await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'report', version: 1, text: REPORT + '正文。'.repeat(500) } });
      const first = await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
      const second = await server.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
      assert.deepEqual(first, []);
      assert.deepEqual(second, []);
      assert.equal(server.shown.length, 1, 'one warning, not one per request');
      assert.match(server.shown[0]!, /big\.report.*maxFileSize/);
    } finally {
      await server.stop();
    }
  });

  test('the size verdict is kept per version: a report edited or reopened below the limit is analysed', async () => {
    // 600 characters of Chinese are 1,800 UTF-8 bytes: between a third of the limit and the limit in
    // characters, where only counting the bytes decides.
    const server = await startServer({ settings: { maxFileSize: 1000 } });
    try {
      const uri = 'file:///virtual/size.report';
      const big = REPORT + '正'.repeat(600);
      const outline = async (): Promise<DocumentSymbol[]> => ((await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) ?? []) as DocumentSymbol[];
      await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'report', version: 1, text: big } });
      assert.deepEqual(await outline(), []);
      await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: REPORT }] });
      assert.deepEqual(flatten(await outline()).map((symbol) => symbol.name), ['报告标题', '一、总体情况', '二、下一步安排']);
      await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
      await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'report', version: 2, text: big } });
      assert.deepEqual(await outline(), [], 'reopened at the same version with other text: judged anew');
    } finally {
      await server.stop();
    }
  });

  test('messages follow the client locale (简体中文)', async () => {
    const server = await startServer({ settings: { maxFileSize: 10 }, initializationOptions: { locale: 'zh-cn' } });
    try {
      const uri = 'file:///virtual/big.report';
      await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'report', version: 1, text: REPORT } });
      await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
      assert.match(server.shown[0] ?? '', /未分析 big\.report/);
    } finally {
      await server.stop();
    }
  });

  test('started without a transport it prints usage and exits 2; --help exits 0', () => {
    const bare = spawnSync(process.execPath, [SERVER_BIN], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(bare.status, 2);
    assert.match(bare.stderr, /--stdio/);
    const help = spawnSync(process.execPath, [SERVER_BIN, '--help'], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /report-lens-language-server --stdio/);
  });
});
