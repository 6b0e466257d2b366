import type { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * How TextDocuments creates and updates documents, refusing a change whose version is lower than the
 * document's: versions only go up (LSP), so such a change is stale or out of order, and applying its
 * ranges to newer text would corrupt the document. vscode-languageserver applies it as it comes.
 */
export function monotonicDocuments(onStale: (uri: string, version: number, current: number) => void) {
  return {
    create: (uri: string, languageId: string, version: number, content: string): TextDocument => TextDocument.create(uri, languageId, version, content),
    update(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
      if (version < document.version) {
        onStale(document.uri, version, document.version);
        return document;
      }
      return TextDocument.update(document, changes, version);
    },
  };
}
