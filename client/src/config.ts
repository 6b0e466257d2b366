/**
 * Typed access to the `reportLens.*` settings the client itself reads (the
 * server reads the others). Values are read fresh on every call (never cached)
 * and validated, because settings.json is hand-editable and may hold anything.
 */
import * as vscode from 'vscode';

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
