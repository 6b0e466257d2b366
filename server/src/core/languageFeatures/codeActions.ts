import { CodeActionKind, type CodeAction, type Diagnostic, type Position, type Range, type WorkspaceEdit } from 'vscode-languageserver-types';
import { messages, type Locale } from '../l10n/messages';
import type { DiagnosticData } from './diagnostics';
import { SOURCE } from './diagnostics';

/** Where "Add to workspace glossary" writes: the first glossary file, or a new terms.glossary.yaml. */
export interface GlossaryTarget {
  readonly uri: string;
  readonly exists: boolean;
  /** End of the existing file, where the stub is appended. */
  readonly end: Position;
  /** The existing file does not end with a line break. */
  readonly needsNewline: boolean;
  readonly format: 'yaml' | 'json' | 'csv';
}

export interface CodeActionOptions {
  readonly locale: Locale;
  readonly glossaryTarget?: GlossaryTarget;
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
    if (typeof addTerm === 'string' && options.glossaryTarget && options.glossaryTarget.format !== 'json') {
      actions.push(addToGlossary(addTerm, diagnostic, options.glossaryTarget, options.locale));
    }
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

/** Appends a stub entry (or creates terms.glossary.yaml with it); nothing else in the file changes. */
function addToGlossary(term: string, diagnostic: Diagnostic, target: GlossaryTarget, locale: Locale): CodeAction {
  const t = messages(locale);
  const stub = target.format === 'csv' ? `${csvField(term)},${csvField(t.glossaryStub())},\n` : `${yamlKey(term)}: ${JSON.stringify(t.glossaryStub())}\n`;
  const text = (target.needsNewline ? '\n' : '') + stub;
  const file = decodeURIComponent(target.uri.slice(target.uri.lastIndexOf('/') + 1));
  const edit: WorkspaceEdit = target.exists
    ? { changes: { [target.uri]: [{ range: { start: target.end, end: target.end }, newText: text }] } }
    : {
        documentChanges: [
          { kind: 'create', uri: target.uri, options: { ignoreIfExists: true } },
          { textDocument: { uri: target.uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: stub }] },
        ],
      };
  return { title: t.addToGlossary(term, file), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit };
}

/** A YAML key that stays a plain string whatever the term holds. */
function yamlKey(term: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u.test(term) && !/^(true|false|null|yes|no|on|off|~)$/i.test(term) ? term : JSON.stringify(term);
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character <= q.character);
  return before(a.start, b.end) && before(b.start, a.end);
}
