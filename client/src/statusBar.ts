/**
 * The status bar item of a report: "Report Lens: 42 figures · 1 mismatch".
 * The numbers come from the server (the client analyses nothing); a click
 * opens the Problems view.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DOCUMENT_STATS_METHOD, type DocumentStats, type DocumentStatsParams } from '../../server/src/customProtocol';
import * as config from './config';
import { statusBar } from './l10n';
import { effectiveLanguages } from './serverLauncher';

/** Typing must not send a request per keystroke. */
const UPDATE_DELAY_MS = 400;

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('reportLens.status', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.item.name = 'Report Lens';
    this.item.command = 'workbench.actions.view.problems';
    this.item.tooltip = statusBar.tooltip();
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.languages.onDidChangeDiagnostics((event) => {
        const uri = vscode.window.activeTextEditor?.document.uri.toString();
        if (uri && event.uris.some((changed) => changed.toString() === uri)) this.schedule();
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === vscode.window.activeTextEditor?.document) this.schedule();
      }),
    );
    this.schedule(0);
  }

  private schedule(delay = UPDATE_DELAY_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delay);
  }

  private async update(): Promise<void> {
    const generation = ++this.generation;
    const document = vscode.window.activeTextEditor?.document;
    const client = this.client();
    if (!document || !client || !effectiveLanguages(config.languages()).includes(document.languageId as config.ReportLanguage)) {
      this.item.hide();
      return;
    }
    try {
      const params: DocumentStatsParams = { textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) } };
      const stats = await client.sendRequest<DocumentStats>(DOCUMENT_STATS_METHOD, params);
      if (generation !== this.generation) return; // a newer update is on its way
      this.item.text = stats.skipped ? `$(circle-slash) ${statusBar.skipped()}` : `$(${stats.mismatches + (stats.headings ?? 0) > 0 ? 'warning' : 'check'}) ${statusBar.text(stats)}`;
      this.item.show();
    } catch {
      // The server is restarting or the request was cancelled: the next change updates the item.
      this.item.hide();
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.item.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
