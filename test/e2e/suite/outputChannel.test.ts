/** Report Lens: Show Output has something to paste into a bug report from the first use on. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openFile, outputLog, restoreEditors, waitFor } from './helpers';

describe('output channel', () => {
  afterEach(restoreEditors);

  it('logs the version, the server start (pid, Node, settings source) and each glossary load with its entries', async () => {
    const { document } = await openFile('work-report-zh.report');
    // A term hover needs the glossaries loaded.
    await waitFor(async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(0, 1));
      return hovers !== undefined;
    }, 'the server to answer');
    const log = await waitFor(async () => {
      const text = await outputLog();
      return /glossary .*team\.glossary\.yaml.*\d+ entr/.test(text) && /built-in glossary.*\d+ entr/.test(text) ? text : undefined;
    }, 'the glossary lines in the output channel');
    const version = String((vscode.extensions.getExtension('report-lens.report-lens')?.packageJSON as { version?: unknown } | undefined)?.version);
    assert.match(log, new RegExp(`Report Lens ${version.replace(/\./g, '\\.')} `), 'the extension version');
    assert.match(log, /language server .*started: pid \d+, Node v\d+/, 'the server start with pid and Node version');
    assert.match(log, /settings: /, 'where the settings come from');
    console.log(`    output channel:\n${log.split('\n').filter((line) => line.trim()).slice(0, 12).map((line) => `      ${line}`).join('\n')}`);
  });
});
