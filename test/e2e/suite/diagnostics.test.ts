import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, describeDiagnostic, openFile, positionOf, restoreEditors, waitForDiagnostics, withCode } from './helpers';

/** The planted inconsistencies of examples/work-report-zh.report (1-based lines, see examples/README.md). */
const PLANTED: readonly [code: string, line: number][] = [
  ['size-word-mismatch', 16],
  ['sum-mismatch', 18],
  ['change-mismatch', 20],
  ['impossible-percentage', 24],
  ['rate-mismatch', 26],
  ['conflicting-figure', 30],
  ['multiple-mismatch', 32],
  ['part-exceeds-whole', 34],
  ['count-mismatch', 62],
  ['heading-sequence', 66],
];
const CODES = new Set(PLANTED.map(([code]) => code));
const FILE = 'work-report-zh.report';
/** Line 26: 共排查问题1200个，已整改1150个，整改率97.5% — 1150 / 1200 = 95.8%. */
const RATE_LINE = 25;

function rateMismatches(diagnostics: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
  return withCode(diagnostics, 'rate-mismatch').filter((d) => d.range.start.line === RATE_LINE);
}

describe('diagnostics', () => {
  afterEach(restoreEditors);

  it('reports each planted inconsistency of the Chinese work report on its line', async () => {
    const { document } = await openFile(FILE);
    const diagnostics = await waitForDiagnostics(document.uri, (all) => PLANTED.every(([code, line]) => withCode(all, code).some((d) => d.range.start.line === line - 1)), 'the ten planted diagnostics');
    const found = diagnostics.filter((d) => CODES.has(codeOf(d) ?? '')).map((d) => `${codeOf(d)}:${d.range.start.line + 1}`).sort();
    assert.deepEqual(found, PLANTED.map(([code, line]) => `${code}:${line}`).sort(), `no other check fires: ${diagnostics.map(describeDiagnostic).join('; ')}`);
    const [rate] = rateMismatches(diagnostics);
    assert.equal(rate!.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(document.getText(rate!.range), '97.5%', 'the squiggle sits under the stated rate');
    assert.match(rate!.message, /95\.8/, `the message gives the computed rate: ${rate!.message}`);
  });

  it('clears the rate mismatch once an edit states the right rate', async () => {
    const { document } = await openFile(FILE);
    await waitForDiagnostics(document.uri, (all) => rateMismatches(all).length === 1, 'the rate-mismatch on line 26');
    const start = positionOf(document, '整改率97.5%', 3);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(start, start.translate(0, 4)), '95.8');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    assert.match(document.lineAt(RATE_LINE).text, /整改率95\.8%/);
    await waitForDiagnostics(document.uri, (all) => rateMismatches(all).length === 0 && withCode(all, 'sum-mismatch').length > 0, 'the rate-mismatch to clear (other checks still reported)');
  });

  it('offers a quick fix that rewrites the rate, and applying it clears the diagnostic', async () => {
    const { document } = await openFile(FILE);
    const [diagnostic] = rateMismatches(await waitForDiagnostics(document.uri, (all) => rateMismatches(all).length === 1, 'the rate-mismatch on line 26'));
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', document.uri, diagnostic!.range, vscode.CodeActionKind.QuickFix.value, 10);
    const fixes = (actions ?? []).filter((a): a is vscode.CodeAction => 'kind' in a || 'edit' in a).filter((a) => a.kind?.value === vscode.CodeActionKind.QuickFix.value);
    const fix = fixes.find((a) => a.title.includes('95.8'));
    assert.ok(fix, `a quick fix mentioning 95.8 is offered; got: ${JSON.stringify((actions ?? []).map((a) => a.title))}`);
    assert.ok(fix.edit, 'the quick fix carries an edit');
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    assert.equal(document.lineAt(RATE_LINE).text, '　　开展营商环境突出问题专项整治，共排查问题1200个，已整改1150个，整改率95.8%。');
    await waitForDiagnostics(document.uri, (all) => rateMismatches(all).length === 0, 'the rate-mismatch to clear after the quick fix');
  });

  it('drops the rate-mismatch diagnostics when reportLens.checks.rate-mismatch is "off"', async () => {
    const { document } = await openFile(FILE);
    await waitForDiagnostics(document.uri, (all) => rateMismatches(all).length === 1, 'the rate-mismatch on line 26');
    const config = vscode.workspace.getConfiguration('reportLens', document.uri);
    try {
      await config.update('checks.rate-mismatch', 'off', vscode.ConfigurationTarget.Workspace);
      await waitForDiagnostics(document.uri, (all) => withCode(all, 'rate-mismatch').length === 0 && withCode(all, 'sum-mismatch').length > 0, 'the rate-mismatch to disappear (other checks still reported)');
    } finally {
      await config.update('checks.rate-mismatch', undefined, vscode.ConfigurationTarget.Workspace);
    }
    // Back to the default, the diagnostic returns.
    await waitForDiagnostics(document.uri, (all) => rateMismatches(all).length === 1, 'the rate-mismatch to come back with the default setting');
  });
});
