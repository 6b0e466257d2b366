import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { extension, fileUri, hoverShowing, positionOf, restoreEditors, waitFor, waitForDiagnostics, withCode } from './helpers';

const SCHEME = 'report-lens-docx';
const NAME = 'statistical-bulletin-zh.docx';

/** Opens the example .docx with the command, as a user would from the explorer's context menu. */
async function openAsReport(): Promise<vscode.TextDocument> {
  await vscode.commands.executeCommand('reportLens.openWordDocument', fileUri(NAME));
  const editor = await waitFor(() => {
    const active = vscode.window.activeTextEditor;
    return active?.document.uri.scheme === SCHEME ? active : undefined;
  }, `the virtual document of ${NAME}`);
  await waitFor(() => extension().isActive, 'the extension to activate');
  return editor.document;
}

function names(symbols: readonly vscode.DocumentSymbol[]): string[] {
  return symbols.flatMap((s) => [s.name, ...names(s.children)]);
}

describe('Word document opened as a report', () => {
  afterEach(restoreEditors);

  it('shows the extracted text, read-only, in the report language, with outline, hover and the planted mismatch', async () => {
    const document = await openAsReport();
    assert.equal(document.languageId, 'report');
    assert.equal(document.lineAt(1).text, '一、经济运行', 'Word\'s heading number is in the text');
    assert.equal(document.lineAt(12).text, '城镇居民人均可支配收入\t5.26万元\t4.9%', 'a table row is a line, its cells separated by tabs');
    const symbols = await waitFor(async () => {
      const result = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
      return result && result.length > 0 ? result : undefined;
    }, 'document symbols');
    const listed = names(symbols);
    for (const heading of ['一、经济运行', '（一）工业生产', '（二）项目建设', '二、社会民生']) assert.ok(listed.includes(heading), `${heading} in ${JSON.stringify(listed)}`);
    const diagnostics = await waitForDiagnostics(document.uri, (d) => withCode(d, 'change-mismatch').length === 1, 'the change-mismatch of paragraph 4');
    assert.equal(withCode(diagnostics, 'change-mismatch')[0]!.range.start.line, 3);
    const hover = await hoverShowing(document.uri, positionOf(document, '5.26万元', 2), '52,600');
    assert.match(hover, /5\.26万元/);
    // Typing into it changes nothing: the editor of a content provider's document is read-only.
    const before = document.getText();
    await vscode.commands.executeCommand('type', { text: 'x' });
    assert.equal(document.getText(), before, 'the virtual document is read-only');
    assert.equal(document.isDirty, false);
  });

  it('refreshes when the .docx changes on disk', async () => {
    const document = await openAsReport();
    await waitForDiagnostics(document.uri, (d) => withCode(d, 'change-mismatch').length === 1, 'the mismatch before the change');
    const fixtures = path.join(extension().extensionPath, 'test', 'fixtures', 'docx');
    const original = await vscode.workspace.fs.readFile(fileUri(NAME));
    try {
      await vscode.workspace.fs.writeFile(fileUri(NAME), await vscode.workspace.fs.readFile(vscode.Uri.file(path.join(fixtures, 'report-zh-fixed.docx'))));
      await waitFor(() => document.getText().includes('增长28.1%'), 'the corrected text in the virtual document');
      await waitForDiagnostics(document.uri, (d) => withCode(d, 'change-mismatch').length === 0, 'the mismatch gone after the fix');
    } finally {
      await vscode.workspace.fs.writeFile(fileUri(NAME), original);
    }
  });

  it('a broken .docx is an error message, not an editor', async () => {
    const broken = fileUri('broken.docx');
    await vscode.workspace.fs.writeFile(broken, new TextEncoder().encode('plain text, not a zip'));
    try {
      await vscode.commands.executeCommand('reportLens.openWordDocument', broken);
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.notEqual(vscode.window.activeTextEditor?.document.uri.scheme, SCHEME, 'no virtual document was opened');
    } finally {
      await vscode.workspace.fs.delete(broken);
    }
  });
});
