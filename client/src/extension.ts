/**
 * Entry point: wiring only. The client is deliberately thin; all analysis
 * happens in the language server (dist/server.js).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import * as config from './config';
import { createErrorHandler } from './errorHandler';
import { messages } from './l10n';
import { RestartPolicy } from './restartPolicy';
import { ServerController } from './serverController';
import { StatusBar } from './statusBar';
import { CLIENT_NAME, SERVER_MODULE, createFileWatchers, createLanguageClient } from './serverLauncher';

const RESTART_COMMAND = 'reportLens.restartServer';
const SHOW_OUTPUT_COMMAND = 'reportLens.showOutput';
const STATUS_MESSAGE_MS = 3000;

let server: ServerController | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
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
    new StatusBar(() => controller.runningClient),
    vscode.commands.registerCommand(SHOW_OUTPUT_COMMAND, () => output.show()),
    vscode.commands.registerCommand(RESTART_COMMAND, () => restartServer(controller, policy)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (config.affectsAnySetting(event)) {
        controller.onSettingsChanged().catch(ignoreReportedFailure);
      }
    }),
  );

  // Awaited so that activation completes with the server up (integration tests
  // can rely on it), but a failed start must not fail activation: the restart
  // and output commands have to keep working.
  await controller.start().catch(ignoreReportedFailure);
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
