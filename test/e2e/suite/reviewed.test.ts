import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, describeDiagnostic, fileUri, openFile, restoreEditors, waitForDiagnostics, withCode } from './helpers';

/** A folder of its own with a report-lens.json, so that the other tests' reports keep the defaults. */
const FOLDER = 'project-config';
/** 760 / 800 = 95.0%: the stated 96.0% is a rate-mismatch. */
const REPORT = ['供水服务工作简报', '', '一、总体情况', '', '　　全年共受理群众诉求800件，办结760件，办结率96.0%。', ''].join('\n');
const RATE_LINE = 4;

const encode = (text: string) => new TextEncoder().encode(text);

function rateFindings(all: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
  return withCode(all, 'rate-mismatch').filter((d) => d.range.start.line === RATE_LINE);
}

describe('report-lens.json and Mark as reviewed (issue 14)', () => {
  const folder = () => fileUri(FOLDER);
  before(async () => {
    await vscode.workspace.fs.createDirectory(folder());
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder(), 'report-lens.json'), encode(JSON.stringify({ checks: { 'rate-mismatch': 'warning' } })));
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder(), 'notes.report'), encode(REPORT));
  });
  after(async () => {
    await restoreEditors();
    await vscode.workspace.getConfiguration('reportLens').update('checks.rate-mismatch', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs.delete(folder(), { recursive: true, useTrash: false });
  });

  it('takes the severity from report-lens.json: the default of the VS Code setting does not override it', async () => {
    const { document } = await openFile(`${FOLDER}/notes.report`);
    const all = await waitForDiagnostics(document.uri, (d) => rateFindings(d).length === 1, 'the rate-mismatch');
    assert.equal(rateFindings(all)[0]!.severity, vscode.DiagnosticSeverity.Warning, all.map(describeDiagnostic).join('; '));
  });

  it('a setting the user sets overrides the file, and unsetting it gives the file back', async () => {
    const { document } = await openFile(`${FOLDER}/notes.report`);
    const settings = vscode.workspace.getConfiguration('reportLens');
    await settings.update('checks.rate-mismatch', 'information', vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(document.uri, (d) => rateFindings(d)[0]?.severity === vscode.DiagnosticSeverity.Information, 'information, as set');
    await settings.update('checks.rate-mismatch', undefined, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(document.uri, (d) => rateFindings(d)[0]?.severity === vscode.DiagnosticSeverity.Warning, 'warning again, from the file');
  });

  it('Mark as reviewed records the finding in .report-lens/reviewed.json and the diagnostic goes away', async () => {
    const { document } = await openFile(`${FOLDER}/notes.report`);
    const [diagnostic] = rateFindings(await waitForDiagnostics(document.uri, (d) => rateFindings(d).length === 1, 'the rate-mismatch'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic!.range, vscode.CodeActionKind.QuickFix.value, 10);
    const mark = (actions ?? []).find((a) => /^(Mark as reviewed|标记为已审核)/.test(a.title));
    assert.ok(mark?.edit, `Mark as reviewed is offered; got ${JSON.stringify((actions ?? []).map((a) => a.title))}`);
    // As the light bulb applies it: a refactoring, so files.refactoring.autoSave saves the new file.
    assert.equal(await vscode.workspace.applyEdit(mark.edit, { isRefactoring: true }), true);
    const reviewedUri = vscode.Uri.joinPath(folder(), '.report-lens', 'reviewed.json');
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === reviewedUri.toString());
    assert.ok(!open?.isDirty, 'the reviewed file is saved, so the server (which reads the disk) sees it');
    const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(reviewedUri));
    assert.match(written, /"file": "notes.report"/);
    assert.match(written, /"code": "rate-mismatch"/);
    await waitForDiagnostics(document.uri, (d) => rateFindings(d).length === 0, 'the reviewed finding to go');
    assert.equal(codeOf(diagnostic!), 'rate-mismatch');
  });
});
