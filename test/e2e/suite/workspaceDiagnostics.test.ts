import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeDiagnostic, fileUri, openFile, restoreEditors, waitFor, withCode } from './helpers';

const FOLDER = 'workspace-pass';
/** 760 / 800 = 95.0%: the stated 96.0% is a rate-mismatch. */
const REPORT = ['供水服务工作简报', '', '一、总体情况', '', '　　全年共受理群众诉求800件，办结760件，办结率96.0%。', ''].join('\n');
const encode = (text: string) => new TextEncoder().encode(text);

describe('workspace diagnostics (issue 14)', () => {
  const never = () => fileUri(`${FOLDER}/never-opened.report`);
  const settings = () => vscode.workspace.getConfiguration('reportLens');
  const problems = () => vscode.languages.getDiagnostics(never());
  before(async () => {
    await vscode.workspace.fs.createDirectory(fileUri(FOLDER));
    await vscode.workspace.fs.writeFile(never(), encode(REPORT));
    // A report open, so that the server runs (it starts with the first report opened).
    await openFile('work-report-zh.report');
  });
  after(async () => {
    await settings().update('workspaceDiagnostics', undefined, vscode.ConfigurationTarget.Workspace);
    await restoreEditors();
    await vscode.workspace.fs.delete(fileUri(FOLDER), { recursive: true, useTrash: false });
  });

  it('with the default (openFiles), a report never opened has no problems listed', async () => {
    // Long enough for a pass to have listed it had one run.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    assert.deepEqual(problems().map(describeDiagnostic), []);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === never().toString()), 'the file was never opened');
  });

  it('with reportLens.workspaceDiagnostics set to workspace, its finding appears in the Problems view without opening it', async () => {
    await settings().update('workspaceDiagnostics', 'workspace', vscode.ConfigurationTarget.Workspace);
    const found = await waitFor(() => withCode(problems(), 'rate-mismatch')[0], 'the rate-mismatch of the unopened report', 40_000);
    assert.equal(found.range.start.line, 4, describeDiagnostic(found));
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === never().toString()), 'still never opened');
  });

  it('set back to openFiles, the unopened report\'s problems are cleared', async () => {
    await settings().update('workspaceDiagnostics', 'openFiles', vscode.ConfigurationTarget.Workspace);
    await waitFor(() => problems().length === 0, 'the unopened report\'s problems to clear', 40_000);
  });

  it('Report Lens: Check All Reports lists them again for the session', async () => {
    await vscode.commands.executeCommand('reportLens.checkAllReports');
    await waitFor(() => withCode(problems(), 'rate-mismatch').length === 1, 'the rate-mismatch after Check All Reports', 40_000);
  });
});
