/**
 * What a request costs with nothing to do: the round trip of a hover-sized JSON-RPC request to a
 * process that echoes it (echoServer.ts), over stdio with the same library as the language server.
 * Two processes waking each other on a shared machine: this is the floor under the server's hover
 * and edit times. The benchmark alternates it with the server's requests, so that a slow spell of
 * the host falls on both alike.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

const PARAMS = { textDocument: { uri: 'file:///bench/edit.report' }, position: { line: 1234, character: 56 } };

export class EchoPeer {
  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly connection: MessageConnection,
  ) {}

  static start(): EchoPeer {
    const child = spawn(process.execPath, [path.join(__dirname, 'echoServer.js')], { stdio: 'pipe' });
    child.stdin.on('error', () => undefined);
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.listen();
    return new EchoPeer(child, connection);
  }

  /** One round trip, in ms. */
  async roundTrip(): Promise<number> {
    const started = performance.now();
    await this.connection.sendRequest('echo', PARAMS);
    return performance.now() - started;
  }

  stop(): void {
    this.connection.dispose();
    this.child.kill('SIGKILL');
  }
}
