import { formatOf } from './core/parser/markdown/detect';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ReportDocument, ReportLanguageService, Unchanged } from './core/languageService';

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
  /**
   * Per uri, how much of the text at its start and end the changes since the cached model left
   * alone: the parser then need not compare two versions of a 16 MB text to find the edit.
   */
  private readonly unchanged = new Map<string, { prefix: number; suffix: number }>();
  /**
   * Per uri, whether its text was over a size limit, for one version: every request asks, and counting
   * the UTF-8 bytes of a text between a third of the limit and the limit in characters walks all of it.
   */
  private readonly sizes = new Map<string, { version: number; limit: number; exceeds: boolean }>();

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
    const known: Unchanged | undefined = cached ? this.unchanged.get(document.uri) : undefined;
    const model = this.service.parse(document.getText(), cached?.model, known, formatOf(document.languageId, document.uri));
    this.entries.delete(document.uri);
    this.entries.set(document.uri, { version: document.version, model });
    this.unchanged.set(document.uri, { prefix: Number.MAX_SAFE_INTEGER, suffix: Number.MAX_SAFE_INTEGER });
    while (this.entries.size > this.capacity) this.forget(this.entries.keys().next().value!);
    return model;
  }

  /**
   * A change replaced [start, end) of a text `length` long (offsets in the text just before it).
   * Without a range (the whole text replaced) pass 0, length, length.
   */
  edited(uri: string, start: number, end: number, length: number): void {
    const window = this.unchanged.get(uri);
    if (!window) return;
    window.prefix = Math.min(window.prefix, start);
    window.suffix = Math.min(window.suffix, length - end);
  }

  /** Whether the document's text takes more than `limit` bytes in UTF-8 (answered once per version). */
  tooLarge(document: TextDocument, limit: number): boolean {
    const known = this.sizes.get(document.uri);
    if (known && known.version === document.version && known.limit === limit) return known.exceeds;
    const answer = exceeds(document.getText(), limit);
    this.sizes.set(document.uri, { version: document.version, limit, exceeds: answer });
    return answer;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
    this.unchanged.delete(uri);
    this.sizes.delete(uri);
  }
}

/** Whether `text` takes more than `limit` bytes in UTF-8, without encoding it when the answer is obvious. */
export function exceeds(text: string, limit: number): boolean {
  if (text.length > limit) return true; // every UTF-16 unit takes at least one byte
  if (text.length * 3 <= limit) return false; // and at most three
  return Buffer.byteLength(text, 'utf8') > limit;
}
