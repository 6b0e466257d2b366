import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { DiagnosticData } from './diagnostics';
import { SOURCE } from './diagnostics';

/**
 * Quick fixes for Report Lens diagnostics: each diagnostic carries its fixes
 * in `data` (computed with the check, from the same arithmetic), so a code
 * action request only turns them into workspace edits.
 */
export function codeActions(uri: string, range: Range, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== SOURCE || !overlaps(diagnostic.range, range)) continue;
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

function overlaps(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character <= q.character);
  return before(a.start, b.end) && before(b.start, a.end);
}
