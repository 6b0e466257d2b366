import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openFile, restoreEditors, waitFor } from './helpers';

function labelText(hint: vscode.InlayHint): string {
  return typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('');
}

describe('inlay hints', () => {
  afterEach(restoreEditors);

  it('shows the implied rate after a part stated without one (5187件 of 5230件 ≈ 99.2%)', async () => {
    const { document } = await openFile('news-summary-zh.report');
    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    const hints = await waitFor(async () => {
      const result = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, whole);
      return result && result.length > 0 ? result : undefined;
    }, 'inlay hints in news-summary-zh.report');
    const hint = hints.find((h) => labelText(h).includes('99.2%'));
    assert.ok(hint, `a 99.2% hint is shown; got ${JSON.stringify(hints.map(labelText))}`);
    // Right after “办结5187件”.
    const before = document.lineAt(hint.position.line).text.slice(0, hint.position.character);
    assert.match(before, /办结5187件$/);
  });
});
