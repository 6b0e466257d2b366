/**
 * Report Lens: Check All Reports: asks the server for a workspace diagnostics pass (for the rest of
 * the session) and shows its progress as a notification; the findings land in the Problems view.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CHECK_ALL_REPORTS_METHOD, WORKSPACE_PROGRESS_METHOD, type CheckAllReportsResult, type WorkspaceProgress } from '../../server/src/customProtocol';
import { workspaceCheck } from './l10n';

export async function checkAllReports(client: LanguageClient | undefined): Promise<void> {
  if (!client) {
    void vscode.window.showWarningMessage(workspaceCheck.noServer());
    return;
  }
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: workspaceCheck.title() }, async (progress) => {
    let pass = Number.POSITIVE_INFINITY;
    let shown = 0;
    let finish: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const listener = client.onNotification(WORKSPACE_PROGRESS_METHOD, (p: WorkspaceProgress) => {
      if (p.pass < pass) return; // an earlier pass, or one before the server answered
      const percent = p.total > 0 ? (100 * p.done) / p.total : 100;
      progress.report({ message: workspaceCheck.progress(p.done, p.total), increment: percent - shown });
      shown = percent;
      if (p.done >= p.total) finish();
    });
    try {
      const result = await client.sendRequest<CheckAllReportsResult>(CHECK_ALL_REPORTS_METHOD, {});
      if (!result.started) {
        void vscode.window.showInformationMessage(workspaceCheck.off());
        return;
      }
      if (result.total === 0) {
        void vscode.window.showInformationMessage(workspaceCheck.none());
        return;
      }
      pass = result.pass;
      await finished;
      vscode.window.setStatusBarMessage(`$(check) ${workspaceCheck.done(result.total)}`, 5000);
    } finally {
      listener.dispose();
    }
  });
}
