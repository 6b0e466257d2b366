import { format } from 'node:util';
import {
  createConnection,
  createServerPipeTransport,
  createServerSocketTransport,
  IPCMessageReader,
  IPCMessageWriter,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageReader,
  type MessageWriter,
  type NotificationMessage,
} from 'vscode-languageserver/node';
import { FrameGuard } from './frameGuard';
import { IdleCollector } from './idleMemory';
import { LifecycleReader } from './lifecycle';
import { startServer } from './server';

/**
 * Entry point of `report-lens-language-server`. VS Code starts it over IPC
 * (--node-ipc); other editors pass --stdio. The transport is built here rather
 * than by vscode-languageserver so that every message passes the lifecycle
 * check, and stdio frames the framing check, on their way in.
 */
const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe'];
const args = process.argv.slice(2);

if (args.includes('--help') || args.includes('-h') || !args.some((arg) => TRANSPORTS.some((t) => arg === t || arg.startsWith(`${t}=`)))) {
  const out = args.includes('--help') || args.includes('-h') ? process.stdout : process.stderr;
  out.write(
    [
      'Usage: report-lens-language-server --stdio',
      '',
      'The Report Lens language server (LSP 3.17). Transports:',
      '  --stdio            JSON-RPC over standard input and output (Neovim, Helix, Emacs…)',
      '  --node-ipc         Node IPC (used by the VS Code extension)',
      '  --socket=PORT      a TCP socket on localhost',
      '  --pipe=NAME        a named pipe',
      '',
    ].join('\n'),
  );
  process.exitCode = out === process.stdout ? 0 : 2;
} else {
  const [input, writer] = transport(args);
  const idle = IdleCollector.forThisProcess();
  const reader = new LifecycleReader(input, writer, () => idle?.activity());
  // The transport ending is the client gone: exit, cleanly only after a shutdown (what
  // vscode-languageserver does for the streams it creates itself).
  reader.onClose(() => process.exit(reader.shutdownReceived ? 0 : 1));
  startServer(createConnection(ProposedFeatures.all, reader, writer));
}

/** The reader and writer for the transport named on the command line. */
function transport(argv: readonly string[]): [MessageReader, MessageWriter] {
  const value = (name: string): string | undefined => {
    const index = argv.indexOf(name);
    if (index >= 0) return argv[index + 1];
    return argv.find((arg) => arg.startsWith(`${name}=`))?.slice(name.length + 1);
  };
  if (argv.includes('--node-ipc')) return [new IPCMessageReader(process), new IPCMessageWriter(process)];
  const port = value('--socket');
  if (port !== undefined) return createServerSocketTransport(Number(port));
  const pipe = value('--pipe');
  if (pipe !== undefined) return createServerPipeTransport(pipe);
  return stdioTransport();
}

/**
 * stdin through the frame guard; stdout carries only protocol, so console output goes to stderr
 * (vscode-languageserver patches console the same way when it owns stdio).
 */
function stdioTransport(): [MessageReader, MessageWriter] {
  for (const name of ['log', 'info', 'warn', 'error', 'debug'] as const) console[name] = (...data: unknown[]) => void process.stderr.write(`${format(...data)}\n`);
  const writer = new StreamMessageWriter(process.stdout);
  const guard = new FrameGuard((reason) => exitCorrupt(reason, writer));
  process.stdin.pipe(guard);
  return [new StreamMessageReader(guard), writer];
}

/**
 * A corrupt frame: nothing after it can be read reliably, so say why (stderr and the client's log)
 * and exit non-zero, which makes a client restart the server instead of waiting on it forever.
 */
function exitCorrupt(reason: string, writer: MessageWriter): void {
  const message = `Report Lens language server: corrupt message header (${reason}); exiting so that the client restarts the server.`;
  process.stderr.write(`${message}\n`);
  const exit = () => process.exit(1);
  setTimeout(exit, 1000).unref();
  const log: NotificationMessage = { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 1, message } };
  writer.write(log).then(exit, exit);
}
