/**
 * Word documents as reports: a read-only virtual document holding the text of a .docx, in the
 * `report` language, so the language server gives it an outline, hovers and diagnostics like any
 * report. The text is extracted here, in the extension host, by the same module the CLI uses, so the
 * editor and `report-lens check report.docx` see the same lines; the server only ever sees text.
 */
import * as vscode from 'vscode';
import { DocxError, extractDocx, type DocxProblem } from '../../server/src/docx/extract';
import { wordDocuments as text } from './l10n';
import { DOCX_SCHEME } from '../../server/src/customProtocol';

// The scheme of the virtual documents (shared with the server); the language client's document selector includes it.
export { DOCX_SCHEME };
export const OPEN_WORD_DOCUMENT_COMMAND = 'reportLens.openWordDocument';

/** Word saves in several steps (a temporary file, a rename): wait for them to settle. */
const REFRESH_DELAY_MS = 300;
const DEFAULT_MAX_FILE_SIZE = 20_000_000;

/**
 * The virtual document of a .docx: same place, `.report` added to the path (so the editor gives it
 * the report language, also when it restores the editor after a reload), the source's scheme kept
 * in the query.
 */
export function virtualUri(source: vscode.Uri): vscode.Uri {
  return source.with({ scheme: DOCX_SCHEME, path: `${source.path}.report`, query: source.scheme });
}

export function sourceUri(virtual: vscode.Uri): vscode.Uri {
  return virtual.with({ scheme: virtual.query || 'file', path: virtual.path.replace(/\.report$/, ''), query: '' });
}

export class WordDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  /** One watcher per open virtual document, by its URI; dropped when the document closes. */
  private readonly watchers = new Map<string, vscode.Disposable>();
  /** The last text extracted, shown again while a save in progress leaves the file unreadable. */
  private readonly lastGood = new Map<string, string>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.subscriptions = [
      vscode.workspace.registerTextDocumentContentProvider(DOCX_SCHEME, this),
      vscode.commands.registerCommand(OPEN_WORD_DOCUMENT_COMMAND, (uri?: vscode.Uri) => this.open(uri)),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)),
    ];
  }

  /** The command: the .docx clicked in the explorer, else the one picked in a dialog. */
  async open(uri?: vscode.Uri): Promise<void> {
    const source = uri ?? (await pickDocx());
    if (!source) return;
    try {
      // Read once here so that a bad file is an error message, not an editor that fails to open.
      await this.extract(source);
      const document = await vscode.workspace.openTextDocument(virtualUri(source));
      const ready = document.languageId === 'report' ? document : await vscode.languages.setTextDocumentLanguage(document, 'report');
      await vscode.window.showTextDocument(ready, { preview: false });
    } catch (error) {
      void vscode.window.showErrorMessage(text.cannotOpen(vscode.workspace.asRelativePath(source), describe(error)));
    }
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    this.watch(uri);
    const key = uri.toString();
    try {
      const extracted = await this.extract(sourceUri(uri));
      this.lastGood.set(key, extracted);
      return extracted;
    } catch (error) {
      const previous = this.lastGood.get(key);
      if (previous === undefined) throw error;
      this.log.warn(text.keptPrevious(sourceUri(uri).fsPath, describe(error)));
      return previous;
    }
  }

  dispose(): void {
    for (const watcher of this.watchers.values()) watcher.dispose();
    this.watchers.clear();
    this.changed.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private async extract(source: vscode.Uri): Promise<string> {
    const limit = maxFileSize(source);
    // The size first: a 200 MB file is refused before a byte of it is read.
    const { size } = await vscode.workspace.fs.stat(source);
    if (size > limit) throw new Error(text.tooLarge(size, limit));
    return (await extractDocx(await vscode.workspace.fs.readFile(source), limit)).text;
  }

  private watch(virtual: vscode.Uri): void {
    const key = virtual.toString();
    if (this.watchers.has(key)) return;
    const source = sourceUri(virtual);
    const folder = vscode.Uri.joinPath(source, '..');
    const name = source.path.slice(source.path.lastIndexOf('/') + 1);
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, name));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => this.changed.fire(virtual), REFRESH_DELAY_MS);
    };
    this.watchers.set(key, vscode.Disposable.from(watcher, watcher.onDidChange(refresh), watcher.onDidCreate(refresh), { dispose: () => clearTimeout(timer) }));
  }

  private forget(uri: vscode.Uri): void {
    if (uri.scheme !== DOCX_SCHEME) return;
    const key = uri.toString();
    this.watchers.get(key)?.dispose();
    this.watchers.delete(key);
    this.lastGood.delete(key);
  }
}

async function pickDocx(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { [text.wordDocuments()]: ['docx'] }, openLabel: text.openLabel() });
  return picked?.[0];
}

/** `reportLens.maxFileSize` for that file, as the server reads it for a report. */
function maxFileSize(source: vscode.Uri): number {
  const value = vscode.workspace.getConfiguration('reportLens', source).get<unknown>('maxFileSize');
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : DEFAULT_MAX_FILE_SIZE;
}

const PROBLEM_TEXT: Record<DocxProblem, (() => string) | undefined> = {
  'not-zip': text.notZip,
  encrypted: text.encrypted,
  damaged: text.damaged,
  'too-large': text.unpacksTooLarge,
  'not-word': text.notWord,
  // The shared reader's own words (mammoth's reason, in English): nothing better to say.
  unsupported: undefined,
};

/** The reason in the user's language where there is a translation. */
function describe(error: unknown): string {
  if (error instanceof DocxError) return PROBLEM_TEXT[error.problem]?.() ?? error.message;
  return error instanceof Error ? error.message : String(error);
}
