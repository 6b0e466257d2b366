import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ReportDocument, ReportLanguageService } from './core/languageService';

interface Entry {
  readonly version: number;
  readonly model: ReportDocument;
}

/**
 * Parsed models keyed by uri and version: every request on the same version
 * shares one parse. Models of closed documents are dropped; a small bound
 * keeps memory flat if a client never closes anything.
 */
export class DocumentModels {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly service: ReportLanguageService,
    private readonly capacity = 32,
  ) {}

  get(document: TextDocument): ReportDocument {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version) {
      // Re-insert so that Map order is least-recently-used first.
      this.entries.delete(document.uri);
      this.entries.set(document.uri, cached);
      return cached.model;
    }
    // The previous version's model lets unchanged paragraphs keep their figures.
    const model = this.service.parse(document.getText(), cached?.model);
    this.entries.delete(document.uri);
    this.entries.set(document.uri, { version: document.version, model });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return model;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}
