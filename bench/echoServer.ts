/**
 * The floor under every server time the benchmark prints: a process that answers each JSON-RPC
 * request at once with its own parameters, over the same stdio transport and library as the
 * language server. Started by transportFloor.ts; never shipped.
 */
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const connection = createMessageConnection(new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
connection.onRequest('echo', (params: unknown) => params);
connection.listen();
