/** Shared helpers of the editor tests: opening examples, waiting on the language server, restoring state. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'report-lens.report-lens';

/** How long to wait for the language server to answer or publish, per step. */
export const SERVER_TIMEOUT_MS = 20_000;

export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need the scratch workspace (a copy of examples/) to be open');
  return folder;
}

export function fileUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, name);
}

export function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded (is extensionDevelopmentPath the repository root?)`);
  return ext;
}

/** Opens a workspace file in an editor, as a user double-clicking it would, and waits for activation. */
export async function openFile(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fileUri(name));
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  await waitFor(() => extension().isActive, `the extension to activate on ${name}`);
  return editor;
}

/** Polls `probe` until it returns a truthy value or the timeout expires. */
export async function waitFor<T>(probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, what: string, timeoutMs = SERVER_TIMEOUT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const reason = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${reason}`);
    }
    await delay(200);
  }
}

/**
 * Waits until the diagnostics of `uri` satisfy `accept`. The server answers
 * pull requests, so the diagnostics arrive some time after an open or an edit:
 * re-check on every `onDidChangeDiagnostics` for this uri and on a short timer.
 */
export function waitForDiagnostics(uri: vscode.Uri, accept: (diagnostics: readonly vscode.Diagnostic[]) => boolean, what: string, timeoutMs = SERVER_TIMEOUT_MS): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const current = vscode.languages.getDiagnostics(uri);
      if (!accept(current)) return false;
      finish();
      resolve(current);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setInterval(check, 250);
    const timeout = setTimeout(() => {
      finish();
      const seen = vscode.languages.getDiagnostics(uri).map(describeDiagnostic);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; diagnostics now: ${JSON.stringify(seen)}`));
    }, timeoutMs);
    function finish(): void {
      subscription.dispose();
      clearInterval(timer);
      clearTimeout(timeout);
    }
    check();
  });
}

export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function withCode(diagnostics: readonly vscode.Diagnostic[], code: string): vscode.Diagnostic[] {
  return diagnostics.filter((d) => codeOf(d) === code);
}

export function describeDiagnostic(d: vscode.Diagnostic): string {
  return `${codeOf(d) ?? '?'}@${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`;
}

/** The text a user sees in a hover: every markdown / plain part joined. */
export function hoverText(hovers: readonly vscode.Hover[] | undefined): string {
  const parts: string[] = [];
  for (const hover of hovers ?? []) {
    for (const content of hover.contents) {
      if (typeof content === 'string') parts.push(content);
      else parts.push(content.value);
    }
  }
  return parts.join('\n');
}

export async function hoverAt(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hoverText(hovers);
}

/** The hover text at `position` once it contains `expected` (the server may still be starting or loading glossaries). */
export function hoverShowing(uri: vscode.Uri, position: vscode.Position, expected: string, timeoutMs?: number): Promise<string> {
  return waitFor(async () => {
    const value = await hoverAt(uri, position);
    return value.includes(expected) ? value : undefined;
  }, `a hover showing “${expected}”`, timeoutMs);
}

/** The position of the `occurrence`-th match of `needle` in the document, plus `offset` characters. */
export function positionOf(document: vscode.TextDocument, needle: string, offset = 0, occurrence = 1): vscode.Position {
  let index = -1;
  for (let i = 0; i < occurrence; i++) {
    index = document.getText().indexOf(needle, index + 1);
    assert.notEqual(index, -1, `“${needle}” (occurrence ${occurrence}) is not in ${document.uri.path}`);
  }
  return document.positionAt(index + offset);
}

/** Undoes unsaved edits and closes every editor, so that each test starts from the files on disk. */
export async function restoreEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (!document.isDirty || document.uri.scheme === 'output') continue;
    await vscode.window.showTextDocument(document, { preview: false });
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The text of the *Report Lens* output channel so far. A log output channel writes a file in the
 * extension's log folder, which the extension exports (`logUri`); the file name is VS Code's choice,
 * so any `Report Lens.log` below that folder's parent is read (the trace channel excluded).
 */
export async function outputLog(): Promise<string> {
  const ext = extension();
  if (!ext.isActive) await ext.activate();
  const api = ext.exports as { logUri?: vscode.Uri } | undefined;
  assert.ok(api?.logUri, 'the extension exports its logUri');
  const files = await findFiles(vscode.Uri.joinPath(api.logUri, '..'), (name) => name.endsWith('Report Lens.log'), 3);
  const texts = await Promise.all(files.map(async (file) => new TextDecoder().decode(await vscode.workspace.fs.readFile(file))));
  return texts.join('\n');
}

async function findFiles(folder: vscode.Uri, accept: (name: string) => boolean, depth: number): Promise<vscode.Uri[]> {
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(folder);
  } catch {
    return [];
  }
  const found: vscode.Uri[] = [];
  for (const [name, type] of entries) {
    const uri = vscode.Uri.joinPath(folder, name);
    if (type === vscode.FileType.File && accept(name)) found.push(uri);
    else if (type === vscode.FileType.Directory && depth > 0) found.push(...(await findFiles(uri, accept, depth - 1)));
  }
  return found;
}
