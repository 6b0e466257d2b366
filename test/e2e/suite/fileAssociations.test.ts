import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openFile, restoreEditors, waitFor, waitForDiagnostics, withCode } from './helpers';

// The scratch workspace maps *.txt to `report` in .vscode/settings.json ("files.associations").
describe('files.associations', () => {
  afterEach(restoreEditors);

  it('analyses a .txt file mapped to report: language and outline', async () => {
    const { document } = await openFile('notes.txt');
    assert.equal(document.languageId, 'report');
    const symbols = await waitFor(async () => {
      const result = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
      return result && result.length > 0 ? result : undefined;
    }, 'document symbols of notes.txt');
    assert.equal(symbols[0]?.name, '供水服务工作简报');
    assert.deepEqual(symbols[0]?.children.map((s) => s.name), ['一、总体情况', '二、下一步工作']);
  });

  it('checks figures in the mapped .txt file (760 / 800 stated as 96.0%)', async () => {
    const { document } = await openFile('notes.txt');
    const diagnostics = await waitForDiagnostics(document.uri, (all) => withCode(all, 'rate-mismatch').length > 0, 'a rate-mismatch in notes.txt');
    const [rate] = withCode(diagnostics, 'rate-mismatch');
    assert.equal(rate!.range.start.line, 5);
    assert.equal(document.getText(rate!.range), '96.0%');
  });
});
