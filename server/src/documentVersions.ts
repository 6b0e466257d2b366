import type { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

/** What a change replaced: [start, end) of a text `length` long, in offsets of the text just before it. */
export type OnEdit = (uri: string, start: number, end: number, length: number) => void;

/**
 * How TextDocuments creates and updates documents, refusing a change whose version is lower than the
 * document's: versions only go up (LSP), so such a change is stale or out of order, and applying its
 * ranges to newer text would corrupt the document. vscode-languageserver applies it as it comes.
 * Every applied change is told to `onEdit`, so that the parser knows where the text changed.
 */
export function monotonicDocuments(onStale: (uri: string, version: number, current: number) => void, onEdit: OnEdit = () => undefined) {
  return {
    create: (uri: string, languageId: string, version: number, content: string): TextDocument => TextDocument.create(uri, languageId, version, content),
    update(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
      if (version < document.version) {
        onStale(document.uri, version, document.version);
        return document;
      }
      // Each change's range is in the text the changes before it made: apply them one at a time.
      let updated = document;
      for (const change of changes) {
        const length = updated.getText().length;
        if ('range' in change) onEdit(document.uri, updated.offsetAt(change.range.start), updated.offsetAt(change.range.end), length);
        else onEdit(document.uri, 0, length, length);
        updated = TextDocument.update(updated, [change], version);
      }
      return changes.length === 0 ? TextDocument.update(updated, changes, version) : updated;
    },
  };
}
