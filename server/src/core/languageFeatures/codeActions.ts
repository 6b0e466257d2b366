import { CodeActionKind, type CodeAction, type Diagnostic, type Position, type Range, type WorkspaceEdit } from 'vscode-languageserver-types';
import type { GlossaryFormat } from '../terms/glossaryFile';
import { appendedEntry } from '../terms/glossaryAppend';
import { messages, type Locale } from '../l10n/messages';
import type { DiagnosticData } from './diagnostics';
import { SOURCE } from './diagnostics';
import { withReviewed, type ReviewedEntry } from '../review/reviewed';

/** A file "Add to workspace glossary" may write: a glossary file the workspace loads, or a new one it would load. */
export interface GlossaryTarget {
  readonly uri: string;
  readonly exists: boolean;
  /** End of the existing file, where the stub is appended. */
  readonly end: Position;
  readonly format: GlossaryFormat;
  /** The file's text as it is ('' for a new file): the fix is checked against it before it is offered. */
  readonly text: string;
}

/** The reviewed-findings file Mark as reviewed writes, and the report's name in it. */
export interface ReviewedTarget {
  readonly uri: string;
  readonly exists: boolean;
  /** End of the existing file: the edit replaces its whole text, read-modify-write. */
  readonly end: Position;
  /** The file's text as it is ('' for a new file). */
  readonly text: string;
  /** The file's name for the action's title, relative to the project root. */
  readonly display: string;
  /** The report, relative to the project root, '/'-separated. */
  readonly report: string;
  /** When, as the entry's "at" (a date): optional. */
  readonly at?: string;
}

export interface CodeActionOptions {
  readonly locale: Locale;
  readonly reviewed?: ReviewedTarget;
  /** Where a term may be added, in order of preference: the first that takes it safely is used. */
  readonly glossaryTargets?: readonly GlossaryTarget[];
}

/**
 * Quick fixes for Report Lens diagnostics: each diagnostic carries its fixes
 * in `data` (computed with the check, from the same arithmetic), so a code
 * action request only turns them into workspace edits.
 */
export function codeActions(uri: string, range: Range, diagnostics: readonly Diagnostic[], options: CodeActionOptions = { locale: 'en' }): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== SOURCE || !overlaps(diagnostic.range, range)) continue;
    const addTerm = (diagnostic.data as { addTerm?: unknown } | undefined)?.addTerm;
    const add = typeof addTerm === 'string' ? addToGlossary(addTerm, diagnostic, options.glossaryTargets ?? [], options.locale) : undefined;
    if (add) actions.push(add);
    const review = options.reviewed ? markAsReviewed(diagnostic, options.reviewed, options.locale) : undefined;
    if (review) actions.push(review);
    for (const fix of fixesOf(diagnostic)) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: { changes: { [uri]: fix.edits.map((edit) => ({ range: edit.range, newText: edit.newText })) } },
      });
    }
  }
  return actions;
}

/** Fixes from a diagnostic's data, checked field by field: data comes back from the client as plain JSON. */
function fixesOf(diagnostic: Diagnostic): DiagnosticData['fixes'] {
  const data = diagnostic.data as { fixes?: unknown } | undefined;
  if (!data || !Array.isArray(data.fixes)) return [];
  return (data.fixes as unknown[]).filter(isFix);
}

function isFix(value: unknown): value is DiagnosticData['fixes'][number] {
  const fix = value as { title?: unknown; edits?: unknown } | null;
  if (!fix || typeof fix.title !== 'string' || !Array.isArray(fix.edits)) return false;
  return (fix.edits as unknown[]).every((edit) => {
    const e = edit as { newText?: unknown; range?: unknown } | null;
    return e !== null && typeof e.newText === 'string' && typeof e.range === 'object' && e.range !== null;
  });
}

/**
 * Appends a stub entry to the first target that takes it safely (or creates the new file with it);
 * nothing the user wrote changes. No action when no target does: a fix that corrupts a glossary,
 * or writes where nothing reads, is worse than none.
 */
function addToGlossary(term: string, diagnostic: Diagnostic, targets: readonly GlossaryTarget[], locale: Locale): CodeAction | undefined {
  const t = messages(locale);
  for (const target of targets) {
    const text = appendedEntry(target.text, target.format, target.uri, term, t.glossaryStub());
    if (text === undefined) continue;
    const file = decodeURIComponent(target.uri.slice(target.uri.lastIndexOf('/') + 1));
    const edit: WorkspaceEdit = target.exists
      ? { changes: { [target.uri]: [{ range: { start: target.end, end: target.end }, newText: text }] } }
      : {
          documentChanges: [
            // Never over a file that exists meanwhile: the target was chosen because there was none.
            { kind: 'create', uri: target.uri, options: { overwrite: false, ignoreIfExists: false } },
            { textDocument: { uri: target.uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text }] },
          ],
        };
    return { title: t.addToGlossary(term, file), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit };
  }
  return undefined;
}

/**
 * Records the finding in the reviewed file: the whole file rewritten from what it holds now, with the
 * entry added and nothing the user wrote dropped. A malformed file gets no action (the server tells
 * the user instead): rewriting it would lose what it holds.
 */
function markAsReviewed(diagnostic: Diagnostic, target: ReviewedTarget, locale: Locale): CodeAction | undefined {
  const review = (diagnostic.data as { review?: unknown } | undefined)?.review as { sentence?: unknown; figures?: unknown } | undefined;
  if (typeof diagnostic.code !== 'string' || !review || typeof review.sentence !== 'string' || !Array.isArray(review.figures)) return undefined;
  const figures = (review.figures as unknown[]).filter((f): f is string => typeof f === 'string');
  const entry: ReviewedEntry = { file: target.report, code: diagnostic.code, sentence: review.sentence, figures, ...(target.at ? { at: target.at } : {}) };
  const result = withReviewed(target.text, entry);
  if (!('text' in result)) return undefined;
  const edit: WorkspaceEdit = target.exists
    ? { changes: { [target.uri]: [{ range: { start: { line: 0, character: 0 }, end: target.end }, newText: result.text }] } }
    : {
        documentChanges: [
          { kind: 'create', uri: target.uri, options: { overwrite: false, ignoreIfExists: false } },
          { textDocument: { uri: target.uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: result.text }] },
        ],
      };
  return { title: messages(locale).markAsReviewed(diagnostic.code, target.display), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit };
}

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character <= q.character);
  return before(a.start, b.end) && before(b.start, a.end);
}
