/**
 * A restart the extension makes itself (reportLens.languages changed) is no
 * error: no notification, and no error line in the output channel.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { delay, openFile, outputLog, restoreEditors, waitFor } from './helpers';

type Show = (message: string, ...rest: unknown[]) => Thenable<unknown>;

describe('settings change', () => {
  afterEach(restoreEditors);

  it('restarts the server without an error notification when reportLens.languages changes', async () => {
    const { document } = await openFile('work-report-zh.report');
    const symbols = (): Thenable<vscode.DocumentSymbol[] | undefined> => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    await waitFor(async () => ((await symbols())?.length ?? 0) > 0, 'the server to answer');
    const logBefore = (await outputLog()).length;
    // The extension shares this API object (both live in the extension's folder): record what it shows.
    const shown: string[] = [];
    const window = vscode.window as unknown as Record<'showErrorMessage' | 'showWarningMessage', Show>;
    const originals = { error: window.showErrorMessage, warning: window.showWarningMessage };
    window.showErrorMessage = (message, ...rest) => (shown.push(`error: ${message}`), originals.error.call(vscode.window, message, ...rest));
    window.showWarningMessage = (message, ...rest) => (shown.push(`warning: ${message}`), originals.warning.call(vscode.window, message, ...rest));
    const config = vscode.workspace.getConfiguration('reportLens');
    try {
      await config.update('languages', ['report', 'markdown'], vscode.ConfigurationTarget.Workspace);
      await waitFor(async () => (await outputLog()).slice(logBefore).includes('restarting the language server'), 'the restart line in the output channel');
      await waitFor(async () => ((await symbols())?.length ?? 0) > 0, 'the restarted server to answer');
      // The failed notification of the old client comes asynchronously, if at all.
      await delay(1500);
    } finally {
      await config.update('languages', undefined, vscode.ConfigurationTarget.Workspace);
      window.showErrorMessage = originals.error;
      window.showWarningMessage = originals.warning;
    }
    await waitFor(async () => ((await symbols())?.length ?? 0) > 0, 'the server to answer after the setting is reset');
    await delay(1000);
    const log = (await outputLog()).slice(logBefore);
    assert.deepEqual(shown, [], `no notification; the log since the change:\n${log}`);
    assert.doesNotMatch(log, /\[error\]/, `no error in the output channel:\n${log}`);
  });
});
