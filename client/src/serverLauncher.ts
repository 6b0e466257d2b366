/**
 * Builds the options that launch the Report Lens language server and connect
 * a client to it. Nothing here starts anything; ServerController does.
 */
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type MessageSignature,
  type DocumentSelector,
  type ErrorHandler,
  type LanguageClientOptions,
  type Middleware,
  type ServerOptions,
} from 'vscode-languageclient/node';
import type { ReportLanguage } from './config';
import { isFailureOfTheStop } from './restartPolicy';
import { DOCX_SCHEME } from './wordDocuments';

/** Also the settings prefix: the library reads `reportLens.trace.server` by this id. */
export const CLIENT_ID = 'reportLens';
export const CLIENT_NAME = 'Report Lens';
/** Relative to the extension root; produced by scripts/bundle.mjs. */
export const SERVER_MODULE = 'dist/server.js';

// Fixed port so that an "attach to server" launch configuration can find it.
const DEBUG_EXEC_ARGV = ['--nolazy', '--inspect=6011'];
const DOCUMENT_SCHEMES = ['file', 'untitled'] as const;
/** Reports, indexed by the server for workspace symbols. Glossary files: the server registers a watcher for the configured glob. */
const WATCHED_GLOBS = ['**/*.report'] as const;

/** Sent as `initialize.params.initializationOptions`; the server must accept exactly this shape. */
export interface ReportLensInitializationOptions {
  /** VS Code display language (`vscode.env.language`, e.g. `en`, `zh-cn`), for the server's own messages. */
  readonly locale: string;
}

export interface ClientParts {
  readonly languages: readonly ReportLanguage[];
  readonly outputChannel: vscode.LogOutputChannel;
  readonly traceOutputChannel: vscode.LogOutputChannel;
  /** Owned by the caller: the library only unhooks its listeners, it never disposes raw watchers. */
  readonly fileWatchers: readonly vscode.FileSystemWatcher[];
  readonly errorHandler: ErrorHandler;
  readonly middleware: Middleware;
}

/** `report` is always served; the setting can only add languages. */
export function effectiveLanguages(configured: readonly ReportLanguage[]): ReportLanguage[] {
  return ['report', ...configured.filter((id) => id !== 'report')];
}

export function createDocumentSelector(configured: readonly ReportLanguage[]): DocumentSelector {
  return [
    ...effectiveLanguages(configured).flatMap((language) => DOCUMENT_SCHEMES.map((scheme) => ({ scheme, language }))),
    // The text of a Word document opened as a report (wordDocuments.ts): always a report.
    { scheme: DOCX_SCHEME, language: 'report' },
  ];
}

export function createServerOptions(serverModule: string): ServerOptions {
  return {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: DEBUG_EXEC_ARGV } },
  };
}

export function createClientOptions(parts: ClientParts): LanguageClientOptions {
  const initializationOptions: ReportLensInitializationOptions = { locale: vscode.env.language };
  return {
    documentSelector: createDocumentSelector(parts.languages),
    outputChannel: parts.outputChannel,
    traceOutputChannel: parts.traceOutputChannel,
    initializationOptions,
    // No `configurationSection`: deprecated in vscode-languageclient 11; see configurationSync.ts.
    synchronize: { fileEvents: [...parts.fileWatchers] },
    errorHandler: parts.errorHandler,
    // Decline the library's retry: initialize against the same process seldom
    // succeeds twice. The failure still reaches the user once, when start()
    // rejects; without this handler the library adds two more notifications.
    initializationFailedHandler: () => false,
    middleware: parts.middleware,
  };
}

export function createLanguageClient(serverModule: string, parts: ClientParts): LanguageClient {
  return new ReportLanguageClient(CLIENT_ID, CLIENT_NAME, createServerOptions(serverModule), createClientOptions(parts));
}

/**
 * A request that a stop catches mid-flight is no failure. The extension stops its own client to
 * restart the server (the document languages changed): a request the editor sent just before
 * (folding ranges, symbols) passes the library's "is it running" check, then finds the connection
 * gone, and the library logs it and shows it to the user as a failed request ("Starting server
 * failed"). A request refused after the stop already gets its default value without a word; one
 * that fails while the client is no longer running gets the same, and so does one that reached the
 * server after the stop's `shutdown`: the server refuses it with InvalidRequest, as the protocol
 * asks, and that refusal is the stop's doing, not a fault to show.
 */
class ReportLanguageClient extends LanguageClient {
  override handleFailedRequest<T>(type: MessageSignature, token: vscode.CancellationToken | undefined, error: unknown, defaultValue: T, showNotification?: boolean, throwOnCancel?: boolean): T {
    if (isFailureOfTheStop(this.isRunning(), error)) return defaultValue;
    return super.handleFailedRequest(type, token, error, defaultValue, showNotification, throwOnCancel);
  }
}

export function createFileWatchers(): vscode.FileSystemWatcher[] {
  return WATCHED_GLOBS.map((glob) => vscode.workspace.createFileSystemWatcher(glob));
}
