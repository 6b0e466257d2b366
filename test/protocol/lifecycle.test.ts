/**
 * The LSP lifecycle and the base protocol's framing (issue 12, D7): what vscode-languageserver 11
 * does not enforce by itself, checked against the built server over stdio.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, test } from 'node:test';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  ErrorCodes,
  ExitNotification,
  HoverRequest,
  ResponseError,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type DocumentSymbol,
} from 'vscode-languageserver-protocol/node';
import { ROOT } from '../support/paths';
import { SERVER_BIN, startServer, waitFor, withTimeout } from '../support/serverProcess';

/** The error a request is answered with (fails when it is answered with a result). */
async function errorOf(request: Promise<unknown>): Promise<ResponseError<unknown>> {
  try {
    const result = await withTimeout(request, 5000, 'request');
    assert.fail(`answered with a result: ${JSON.stringify(result)}`);
  } catch (error) {
    assert.ok(error instanceof ResponseError, `unexpected ${String(error)}`);
    return error;
  }
}

describe('LSP lifecycle (issue 12, D7)', () => {
  test('a request before initialize is answered ServerNotInitialized (-32002); initialize still works after it', async () => {
    const child = spawn(process.execPath, [SERVER_BIN, '--stdio'], { cwd: ROOT, stdio: 'pipe' });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.listen();
    try {
      const error = await errorOf(connection.sendRequest(HoverRequest.type, { textDocument: { uri: 'file:///x.report' }, position: { line: 0, character: 0 } }));
      assert.equal(error.code, ErrorCodes.ServerNotInitialized);
      const result = (await withTimeout(connection.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} }), 5000, 'initialize')) as { capabilities: object };
      assert.ok(result.capabilities);
    } finally {
      connection.dispose();
      child.kill('SIGKILL');
    }
  });

  test('after shutdown a request is answered InvalidRequest, and exit then ends the process with 0', async () => {
    const server = await startServer();
    try {
      await server.connection.sendRequest(ShutdownRequest.type);
      const error = await errorOf(server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: 'file:///x.report' }, position: { line: 0, character: 0 } }));
      assert.equal(error.code, ErrorCodes.InvalidRequest);
      const exited = new Promise<number | null>((resolve) => server.process.once('exit', (code) => resolve(code)));
      await server.connection.sendNotification(ExitNotification.type);
      assert.equal(await withTimeout(exited, 5000, 'exit'), 0);
    } finally {
      server.connection.dispose();
      if (server.process.exitCode === null) server.process.kill('SIGKILL');
    }
  });

  test('a didChange with a version lower than the current one is ignored and logged', async () => {
    const server = await startServer();
    try {
      const uri = 'file:///virtual/versions.report';
      const change = (version: number, text: string) =>
        server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
          textDocument: { uri, version },
          contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text }],
        });
      await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'report', version: 5, text: '一、总体情况\n' } });
      await change(6, '新');
      await change(3, '旧');
      const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
      assert.equal(symbols[0]!.range.end.character, '新一、总体情况'.length, 'version 3 was not applied over version 6');
      await waitFor(() => server.logs.some((line) => /Ignored a change to .*versions\.report with version 3, lower than its current version 6/.test(line)), 5000, 'the log line');
    } finally {
      await server.stop();
    }
  });
});

describe('corrupt frame headers (issue 12, D7)', () => {
  const cases: [string, string][] = [
    ['no Content-Length', 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}'],
    ['a negative length', 'Content-Length: -5\r\n\r\n{}'],
    ['a length of 99999999999', 'Content-Length: 99999999999\r\n\r\n{}'],
    ['a junk header line', 'garbage\r\nContent-Length: 2\r\n\r\n{}'],
  ];
  for (const [name, bytes] of cases) {
    test(`${name}: the server logs why and exits non-zero instead of stalling`, async () => {
      const child = spawn(process.execPath, [SERVER_BIN, '--stdio'], { cwd: ROOT, stdio: 'pipe' });
      let stderr = '';
      let stdout = '';
      child.stderr.on('data', (data: Buffer) => void (stderr += data.toString()));
      child.stdout.on('data', (data: Buffer) => void (stdout += data.toString()));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.stdin.write(bytes);
      try {
        const code = await withTimeout(exited, 5000, `exit after ${name}`);
        assert.notEqual(code, 0);
        assert.match(stderr, /corrupt message header/);
        assert.match(stdout, /window\/logMessage.*corrupt message header/, 'the client is told too');
      } finally {
        child.kill('SIGKILL');
      }
    });
  }
});
