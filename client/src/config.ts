/**
 * Typed access to the `reportLens.*` settings declared in package.json, one
 * function per setting. Values are read fresh on every call (never cached) and
 * validated, because settings.json is hand-editable and may hold anything.
 */
import * as vscode from 'vscode';

export const SECTION = 'reportLens';

export const REPORT_LANGUAGES = ['report', 'plaintext', 'markdown'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

export const TRACE_LEVELS = ['off', 'messages', 'verbose'] as const;
export type TraceLevel = (typeof TRACE_LEVELS)[number];

const DEFAULT_LANGUAGES: readonly ReportLanguage[] = ['report'];
const DEFAULT_MAX_FILE_SIZE = 20_000_000;
const DEFAULT_TRACE: TraceLevel = 'off';

function section(scope?: vscode.ConfigurationScope): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SECTION, scope);
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

/** `reportLens.maxFileSize` in bytes. Resource-scoped, hence the optional scope. */
export function maxFileSize(scope?: vscode.ConfigurationScope): number {
  const raw = section(scope).get<unknown>('maxFileSize', DEFAULT_MAX_FILE_SIZE);
  return typeof raw === 'number' && Number.isFinite(raw) && raw >= 0 ? raw : DEFAULT_MAX_FILE_SIZE;
}

/**
 * `reportLens.trace.server`. vscode-languageclient reads this setting itself
 * (keyed by the client id); exposed here for completeness and diagnostics.
 */
export function traceServer(): TraceLevel {
  const raw = section().get<unknown>('trace.server', DEFAULT_TRACE);
  return TRACE_LEVELS.find((level) => level === raw) ?? DEFAULT_TRACE;
}

export function affectsAnySetting(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(SECTION);
}

export function affectsLanguages(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(`${SECTION}.languages`);
}
