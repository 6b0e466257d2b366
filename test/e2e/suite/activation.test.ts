import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extension, openFile, restoreEditors, waitFor } from './helpers';

describe('activation', () => {
  afterEach(restoreEditors);

  it('is active with a .report file open, in the report language, and its language server answers', async () => {
    console.log(`    (VS Code ${vscode.version}, uiKind ${vscode.UIKind[vscode.env.uiKind]}, remote ${vscode.env.remoteName ?? 'none'}, extension active before opening: ${extension().isActive})`);
    const editor = await openFile('work-report-zh.report');
    assert.equal(editor.document.languageId, 'report', 'a .report file opens in the report language');
    assert.equal(extension().isActive, true);
    // The server is up once it answers a request for this document.
    const symbols = await waitFor(async () => {
      const result = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
      return result && result.length > 0 ? result : undefined;
    }, 'the first document symbols from the language server');
    assert.equal(symbols[0]?.name, '云澜市2025年政府工作报告');
  });
});
