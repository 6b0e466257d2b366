/**
 * Every user-visible string of the client, in one place so translators and
 * reviewers see them together. The English text is the lookup key of
 * `vscode.l10n.t`; translations live in l10n/bundle.l10n.<locale>.json, so a
 * change to any English string here must be mirrored in those bundles. Calls
 * are spelled `vscode.l10n.t(...)` literally so @vscode/l10n-dev can find them.
 */
import * as vscode from 'vscode';
import type { DocumentStats } from '../../server/src/customProtocol';
import { statusText } from './statusText';

/** Minutes rounded to one decimal, for messages about the crash window. */
function minutes(ms: number): number {
  return Math.round((ms / 60_000) * 10) / 10;
}

/*
 * The status bar's own words are in statusText.ts (a unit test reads them); they are listed here
 * for @vscode/l10n-dev, which finds only literal vscode.l10n.t calls:
 * vscode.l10n.t('Report Lens: {0} figures · no mismatch'), vscode.l10n.t('Report Lens: {0} figures · 1 mismatch'),
 * vscode.l10n.t('Report Lens: {0} figures · {1} mismatches'), vscode.l10n.t('1 heading out of sequence'),
 * vscode.l10n.t('{0} headings out of sequence').
 */
/** The status bar item of a report: figures found, figure mismatches, headings out of sequence. */
export const statusBar = {
  text: (stats: Pick<DocumentStats, 'figures' | 'mismatches' | 'headings'>): string => statusText(stats, (message, ...args) => vscode.l10n.t(message, ...args)),
  skipped: (): string => vscode.l10n.t('Report Lens: not analysed (larger than reportLens.maxFileSize)'),
  tooltip: (): string => vscode.l10n.t('Figures Report Lens found in this report and the inconsistencies it flags. Click to open the Problems view.'),
};

export const labels = {
  showOutput: (): string => vscode.l10n.t('Show Output'),
  restart: (): string => vscode.l10n.t('Restart'),
};

export const messages = {
  restartedAfterCrash: (): string =>
    vscode.l10n.t('Report Lens: the language server stopped unexpectedly and was restarted.'),
  gaveUpAfterCrashes: (crashes: number, windowMs: number): string =>
    vscode.l10n.t(
      'Report Lens: the language server stopped unexpectedly {0} times within {1} minutes and will not be restarted automatically.',
      crashes,
      minutes(windowMs),
    ),
  shutDownAfterErrors: (): string =>
    vscode.l10n.t('Report Lens: the connection to the language server kept failing, so the server was shut down.'),
  restarting: (): string => vscode.l10n.t('Report Lens: restarting the language server…'),
  restarted: (): string => vscode.l10n.t('Report Lens: language server restarted.'),
  restartFailed: (): string =>
    vscode.l10n.t('Report Lens: the language server could not be restarted. See the output for details.'),
};

/** The Word-document command: what the user sees when a .docx cannot be opened as a report. */
export const wordDocuments = {
  cannotOpen: (file: string, reason: string): string => vscode.l10n.t('Report Lens: cannot open {0} as a report: {1}', file, reason),
  tooLarge: (size: number, limit: number): string =>
    vscode.l10n.t('it is {0} bytes, larger than reportLens.maxFileSize ({1} bytes)', size, limit),
  notZip: (): string => vscode.l10n.t('it is not a Word document (.docx): it is not a zip archive'),
  encrypted: (): string => vscode.l10n.t('it is password-protected (encrypted) or an old binary .doc: remove the password, or save it as .docx, and try again'),
  damaged: (): string => vscode.l10n.t('the file is truncated or damaged (Word may be able to repair it: open it and save it again)'),
  unpacksTooLarge: (): string => vscode.l10n.t('it unpacks to more than 5 × reportLens.maxFileSize, or its text is larger than reportLens.maxFileSize: it is not read, as it may be a zip bomb'),
  notWord: (): string => vscode.l10n.t('it is a zip archive but not a Word document'),
  keptPrevious: (file: string, reason: string): string =>
    vscode.l10n.t('{0} changed but cannot be read now ({1}); its report keeps the text read before.', file, reason),
  wordDocuments: (): string => vscode.l10n.t('Word documents'),
  openLabel: (): string => vscode.l10n.t('Open as Report'),
};

/** Lines for the output channel; localized too, since users read them when reporting problems. */
export const logLines = {
  restartingAfterCrash: (crash: number, windowMs: number): string =>
    vscode.l10n.t('The language server stopped unexpectedly and is being restarted (crash {0} within {1} minutes).', crash, minutes(windowMs)),
  started: (version: string, vscodeVersion: string, where: string, language: string): string =>
    vscode.l10n.t('Report Lens {0} in VS Code {1} ({2}), display language {3}', version, vscodeVersion, where, language),
  languagesChanged: (languages: readonly string[]): string =>
    vscode.l10n.t('Document languages changed to {0}; restarting the language server.', languages.join(', ')),
};
