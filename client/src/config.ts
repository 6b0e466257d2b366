/**
 * Typed access to the `reportLens.*` settings the client itself reads (the
 * server reads the others). Values are read fresh on every call (never cached)
 * and validated, because settings.json is hand-editable and may hold anything.
 */
import * as vscode from 'vscode';
import { explicitSettings } from './explicitSettings';

export const SECTION = 'reportLens';

export const REPORT_LANGUAGES = ['report', 'plaintext', 'markdown'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

const DEFAULT_LANGUAGES: readonly ReportLanguage[] = ['report'];

function section(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SECTION);
}

/** `reportLens.languages`: the known ids listed, deduplicated, in the order package.json declares them. */
export function languages(): ReportLanguage[] {
  const raw = section().get<unknown>('languages', DEFAULT_LANGUAGES);
  if (!Array.isArray(raw)) {
    return [...DEFAULT_LANGUAGES];
  }
  const listed: readonly unknown[] = raw;
  return REPORT_LANGUAGES.filter((id) => listed.includes(id));
}

export function affectsAnySetting(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(SECTION);
}

/** Keys of the section the server reads, set by activate from package.json. */
let serverKeys: readonly string[] = [];

export function setSectionKeys(keys: readonly string[]): void {
  serverKeys = keys;
}

/**
 * What the user set for `scopeUri` (a document or folder), without defaults: the answer to the
 * server's `workspace/configuration`, which lays it over the project's report-lens.json.
 */
export function explicitSection(scopeUri: string | undefined): Record<string, unknown> {
  const resource = scopeUri ? vscode.Uri.parse(scopeUri) : undefined;
  // An open document's language: settings in a "[markdown]" or "[report]" block apply to it.
  const document = scopeUri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === resource!.toString()) : undefined;
  const configuration = vscode.workspace.getConfiguration(SECTION, document ? { uri: resource, languageId: document.languageId } : resource);
  return explicitSettings(serverKeys, (key) => configuration.inspect(key));
}
