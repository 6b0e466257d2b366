import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  InitializeRequest,
  InitializedNotification,
  ExitNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type InitializeParams,
  type InitializeResult,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { ROOT } from './paths';

/** The built language server, started over stdio exactly as Neovim or Helix would start it. */
export interface RunningServer {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcessWithoutNullStreams;
  readonly initializeResult: InitializeResult;
  /** Everything the server logged with window/logMessage. */
  readonly logs: string[];
  /** Messages shown to the user (window/showMessage and window/showMessageRequest). */
  readonly shown: string[];
  /** textDocument/publishDiagnostics notifications, in order (push mode). */
  readonly published: { uri: string; version?: number; diagnostics: unknown[] }[];
  /** Requests the server sent to refresh diagnostics or inlay hints. */
  readonly refreshes: string[];
  /** Capabilities the server registered with client/registerCapability. */
  readonly registrations: { method: string; registerOptions?: unknown }[];
  stop(): Promise<void>;
}

export const SERVER_BIN = path.join(ROOT, 'bin', 'report-lens-language-server.js');

export interface ServerOptions {
  rootPath?: string;
  initializationOptions?: unknown;
  /** What workspace/configuration answers for section reportLens. */
  settings?: Record<string, unknown>;
  /** Announce LSP 3.17 pull diagnostics (default) or only push. */
  pullDiagnostics?: boolean;
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const child = spawn(process.execPath, [SERVER_BIN, '--stdio'], { cwd: ROOT, stdio: 'pipe' });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const logs: string[] = [];
  const shown: string[] = [];
  const published: RunningServer['published'] = [];
  const refreshes: string[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (params: RunningServer['published'][number]) => void published.push(params));
  connection.onRequest('workspace/diagnostic/refresh', () => {
    refreshes.push('diagnostics');
    return null;
  });
  connection.onRequest('workspace/inlayHint/refresh', () => {
    refreshes.push('inlayHints');
    return null;
  });
  connection.onNotification('window/logMessage', (params: { message: string }) => void logs.push(params.message));
  connection.onNotification('window/showMessage', (params: { message: string }) => void shown.push(params.message));
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map(() => options.settings ?? {}));
  const registrations: RunningServer['registrations'] = [];
  connection.onRequest('client/registerCapability', (params: { registrations: RunningServer['registrations'] }) => {
    registrations.push(...params.registrations);
    return null;
  });
  connection.onRequest('window/showMessageRequest', (params: { message: string }) => {
    shown.push(params.message);
    return null;
  });
  connection.listen();
  const rootUri = options.rootPath ? pathToFileURL(options.rootPath).toString() : null;
  const params: InitializeParams = {
    processId: process.pid,
    rootUri,
    workspaceFolders: rootUri ? [{ uri: rootUri, name: 'workspace' }] : null,
    capabilities: {
      workspace: {
        configuration: true,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
        workspaceFolders: true,
        diagnostics: { refreshSupport: true },
        inlayHint: { refreshSupport: true },
      },
      textDocument: {
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        foldingRange: { rangeLimit: 5000 },
        ...(options.pullDiagnostics === false ? {} : { diagnostic: { dynamicRegistration: false } }),
        publishDiagnostics: { relatedInformation: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
        inlayHint: {},
      },
    },
    initializationOptions: options.initializationOptions,
  };
  const initializeResult = await connection.sendRequest(InitializeRequest.type, params);
  await connection.sendNotification(InitializedNotification.type, {});
  let stopped = false;
  return {
    connection,
    process: child,
    initializeResult,
    logs,
    shown,
    published,
    refreshes,
    registrations,
    async stop() {
      if (stopped) return;
      stopped = true;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      try {
        await withTimeout(connection.sendRequest(ShutdownRequest.type), 5000);
        await connection.sendNotification(ExitNotification.type);
        await withTimeout(exited, 5000);
      } finally {
        connection.dispose();
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    },
  };
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what = 'operation'): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    }),
  ]);
}

/** Polls `condition` until it holds; fails after `ms` (the polling stops with it). */
export async function waitFor(condition: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what}: not seen within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
