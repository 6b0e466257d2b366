/**
 * The real language server over stdio, as an editor other than VS Code
 * starts it (`report-lens-language-server --stdio`), and a minimal client.
 *
 * Every server the benchmark starts is registered before anything can fail
 * and killed when the benchmark exits, however it exits (normally, on an
 * error, on Ctrl-C): the benchmark never leaves a server running. If the
 * benchmark itself is killed with SIGKILL, the server sees its stdin close and
 * the parent pid (given in initialize) disappear, and exits by itself.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type DocumentDiagnosticReport,
  type Hover,
  type Position,
  type ProtocolConnection,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { ROOT } from './corpus';

export const SERVER_BIN = path.join(ROOT, 'bin', 'report-lens-language-server.js');
const SERVER_BUNDLE = path.join(ROOT, 'dist', 'server.js');

const running = new Set<ChildProcessWithoutNullStreams>();

/** Extra node options for the servers (`--server-prof=DIR` of the benchmark: a CPU profile of each). */
export const serverNodeOptions: string[] = [];

/** Kills every server still running; safe to call any number of times. */
export function killServers(): void {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  running.clear();
}

process.once('exit', killServers);
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
] as const) {
  process.once(signal, () => {
    killServers();
    process.exit(code);
  });
}

export interface Memory {
  /** Resident set size now, in bytes. */
  readonly rss: number;
  /** Peak resident set size, in bytes. */
  readonly peak: number;
}

export class BenchServer {
  private stopped = false;
  private stderr = '';
  private exited: Promise<void>;

  private constructor(
    readonly child: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
  ) {
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => void (this.stderr = (this.stderr + chunk).slice(-4000)));
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
  }

  static async start(): Promise<BenchServer> {
    if (!existsSync(SERVER_BUNDLE)) throw new Error(`${path.relative(ROOT, SERVER_BUNDLE)} is missing: run \`npm run build\` first (\`npm run bench\` does).`);
    const child = spawn(process.execPath, [...serverNodeOptions, SERVER_BIN, '--stdio'], { cwd: ROOT, stdio: 'pipe' });
    running.add(child);
    child.once('exit', () => running.delete(child));
    // A write after the server died must fail the request, not the benchmark process.
    child.stdin.on('error', () => undefined);
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const server = new BenchServer(child, connection);
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => null);
    connection.onRequest('workspace/inlayHint/refresh', () => null);
    connection.onRequest('window/showMessageRequest', () => null);
    connection.onNotification('window/logMessage', () => undefined);
    connection.onNotification('window/showMessage', () => undefined);
    connection.onNotification('textDocument/publishDiagnostics', () => undefined);
    connection.listen();
    try {
      await server.request(
        connection.sendRequest(InitializeRequest.type, {
          processId: process.pid,
          rootUri: null,
          workspaceFolders: null,
          capabilities: {
            workspace: { configuration: true, workspaceFolders: true, diagnostics: { refreshSupport: true } },
            textDocument: {
              synchronization: { dynamicRegistration: false, didSave: false },
              // Pull diagnostics: the server answers textDocument/diagnostic instead of pushing.
              diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
              hover: { contentFormat: ['markdown', 'plaintext'] },
              documentSymbol: { hierarchicalDocumentSymbolSupport: true },
            },
          },
        }),
        30_000,
        'initialize',
      );
      await connection.sendNotification(InitializedNotification.type, {});
    } catch (error) {
      await server.stop();
      throw error;
    }
    return server;
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** A request that fails (instead of waiting forever) when the server dies or does not answer in time. */
  request<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const died = this.exited.then(() => {
      throw new Error(`the server exited during ${what} (exit ${this.child.exitCode ?? this.child.signalCode}): ${this.stderr.trim().slice(-1000)}`);
    });
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms);
    });
    died.catch(() => undefined);
    return Promise.race([promise, died, late]).finally(() => clearTimeout(timer));
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'report', version, text } });
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    return this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async diagnostics(uri: string, ms = 60_000): Promise<number> {
    const report: DocumentDiagnosticReport = await this.request(this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }), ms, 'textDocument/diagnostic');
    if (report.kind !== 'full') throw new Error(`expected a full diagnostic report, got ${report.kind}`);
    return report.items.length;
  }

  hover(uri: string, position: Position, ms = 30_000): Promise<Hover | null> {
    return this.request(this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }), ms, 'textDocument/hover');
  }

  /** The server process' memory, from /proc (Linux); undefined elsewhere. */
  memory(): Memory | undefined {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = (field: string): number => Number(new RegExp(`^${field}:\\s*(\\d+)\\s*kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
      const rss = kb('VmRSS');
      return Number.isFinite(rss) ? { rss, peak: kb('VmHWM') } : undefined;
    } catch {
      return undefined;
    }
  }

  /** Shutdown and exit as a client would; killed if it does not go within a few seconds. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    try {
      if (this.child.exitCode === null && this.child.signalCode === null) {
        await this.request(this.connection.sendRequest(ShutdownRequest.type), 5000, 'shutdown');
        await this.connection.sendNotification(ExitNotification.type);
        await this.request(this.exited, 5000, 'exit');
      }
    } catch {
      // Killed below.
    } finally {
      this.connection.dispose();
      if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
      running.delete(this.child);
    }
  }
}
