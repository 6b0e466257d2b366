/**
 * Entry point: wiring only. The client is deliberately thin; all analysis
 * happens in the language server (dist/server.js).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import * as config from './config';
import { sectionKeys } from './explicitSettings';
import { createErrorHandler } from './errorHandler';
import { logLines, messages } from './l10n';
import { RestartPolicy } from './restartPolicy';
import { ServerController } from './serverController';
import { StatusBar } from './statusBar';
import { DOCX_SCHEME, WordDocuments } from './wordDocuments';
import { CLIENT_NAME, SERVER_MODULE, createFileWatchers, createLanguageClient, effectiveLanguages } from './serverLauncher';

const RESTART_COMMAND = 'reportLens.restartServer';
const SHOW_OUTPUT_COMMAND = 'reportLens.showOutput';
const STATUS_MESSAGE_MS = 3000;

let server: ServerController | undefined;

/** What the extension exports: where its logs are, for troubleshooting tools and the editor tests. */
export interface ReportLensApi {
  readonly logUri: vscode.Uri;
}

export async function activate(context: vscode.ExtensionContext): Promise<ReportLensApi> {
  const output = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  // The first line a user pastes into a bug report: which extension, in which editor.
  const version = String((context.extension.packageJSON as { version?: unknown }).version ?? '?');
  config.setSectionKeys(sectionKeys(context.extension.packageJSON, config.SECTION));
  const where = vscode.env.remoteName ? `${vscode.env.appHost}, remote ${vscode.env.remoteName}` : vscode.env.appHost;
  output.info(logLines.started(version, vscode.version, where, vscode.env.language));
  // vscode-languageclient 11 traces the protocol only while the trace channel's
  // log level is Trace (`reportLens.trace.server` just picks the detail); a
  // channel of its own keeps the main log readable while tracing.
  const trace = vscode.window.createOutputChannel(`${CLIENT_NAME} Trace`, { log: true });
  const fileWatchers = createFileWatchers();
  context.subscriptions.push(output, trace, ...fileWatchers);

  // One policy per session: the crash budget and the one-time notice span client instances.
  const policy = new RestartPolicy();
  const serverModule = context.asAbsolutePath(SERVER_MODULE);
  const recovery = {
    showOutput: () => output.show(true),
    restart: () => void vscode.commands.executeCommand(RESTART_COMMAND),
  };
  server = new ServerController((languages, middleware) => {
    const client: LanguageClient = createLanguageClient(serverModule, {
      languages,
      middleware,
      outputChannel: output,
      traceOutputChannel: trace,
      fileWatchers,
      errorHandler: createErrorHandler(policy, recovery, () => client.isRunning()),
    });
    return client;
  }, output);
  const controller = server;

  context.subscriptions.push(
    new WordDocuments(output),
    new StatusBar(() => controller.runningClient),
    vscode.commands.registerCommand(SHOW_OUTPUT_COMMAND, () => output.show()),
    vscode.commands.registerCommand(RESTART_COMMAND, () => restartServer(controller, policy)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!config.affectsAnySetting(event)) return;
      // Not started yet: the new languages may now cover an open document.
      if (!started && anyReportOpen()) void startOnce();
      else controller.onSettingsChanged().catch(ignoreReportedFailure);
    }),
  );

  // The extension also activates for plain-text and Markdown files (reportLens.languages may
  // ask for them): the server starts only once a document it analyses is open.
  let started = false;
  const startOnce = async (): Promise<void> => {
    if (started) return;
    started = true;
    // A failed start must not fail activation: the restart and output commands have to keep working.
    await controller.start().catch(ignoreReportedFailure);
  };
  if (anyReportOpen()) {
    // Awaited so that activation completes with the server up (editor tests rely on it).
    await startOnce();
  } else {
    const waiting = vscode.workspace.onDidOpenTextDocument((document) => {
      if (!isAnalysed(document)) return;
      waiting.dispose();
      void startOnce();
    });
    context.subscriptions.push(waiting);
  }
  return { logUri: context.logUri };
}

function isAnalysed(document: vscode.TextDocument): boolean {
  if (document.uri.scheme === DOCX_SCHEME) return true;
  return effectiveLanguages(config.languages()).includes(document.languageId as config.ReportLanguage);
}

function anyReportOpen(): boolean {
  return vscode.workspace.textDocuments.some(isAnalysed);
}

export function deactivate(): Thenable<void> | undefined {
  const stopping = server?.dispose();
  server = undefined;
  return stopping;
}

async function restartServer(controller: ServerController, policy: RestartPolicy): Promise<void> {
  // A deliberate restart earns a fresh crash budget.
  policy.reset();
  const progress = vscode.window.setStatusBarMessage(`$(sync~spin) ${messages.restarting()}`);
  try {
    await controller.restart();
    progress.dispose();
    vscode.window.setStatusBarMessage(`$(check) ${messages.restarted()}`, STATUS_MESSAGE_MS);
  } catch {
    progress.dispose();
    vscode.window.setStatusBarMessage(`$(error) ${messages.restartFailed()}`, 2 * STATUS_MESSAGE_MS);
  }
}

/** vscode-languageclient has already logged the failure and notified the user. */
function ignoreReportedFailure(): void {}
