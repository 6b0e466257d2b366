import { formatOf } from './core/parser/markdown/detect';
import { promises as fs } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { IndexedReport, ReportDocument, ReportLanguageService } from './core/languageService';

interface FileEntry {
  mtimeMs: number;
  size: number;
  model: ReportDocument | undefined;
}

import { findFiles, globProblem, globToRegExp } from './workspaceFiles';
import { withoutBom } from './core/text/chars';

/** Larger report files are left out of workspace symbols (they are still analysed when opened). */
const MAX_FILE_BYTES = 5_000_000;

/**
 * The report files of the workspace folders, parsed lazily and re-parsed
 * only when their modification time changes. Open documents are served by
 * the caller from the editor's text, which is newer than the disk's.
 */
export class WorkspaceReports {
  private folders: string[] = [];
  private entries = new Map<string, FileEntry>();
  /** The file list must be read again (a folder or a watched file changed); parsed models are kept. */
  private stale = true;
  private scanning: Promise<void> = Promise.resolve();

  /**
   * @param reportGlobs per workspace folder, the `reports` globs of its report-lens.json (undefined: the
   *   default, files ending in one of `extensions`)
   */
  constructor(
    private readonly service: ReportLanguageService,
    private readonly extensions: readonly string[] = ['.report'],
    private readonly reportGlobs: (folder: string) => readonly string[] | undefined = () => undefined,
  ) {}

  setFolders(uris: readonly string[]): void {
    this.folders = uris.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
    this.stale = true;
  }

  /**
   * A watched file was created, changed or deleted: list the files again on the next query. A saved
   * report is re-parsed there because its modification time changed; the others keep their models.
   */
  invalidate(): void {
    this.stale = true;
  }

  async reports(skip: ReadonlySet<string>): Promise<IndexedReport[]> {
    await this.fresh();
    const files = this.entries;
    const reports: IndexedReport[] = [];
    for (const [uri, entry] of files) {
      if (skip.has(uri)) continue;
      const model = await this.load(uri, entry);
      if (model) reports.push({ uri, doc: model });
    }
    return reports;
  }

  /** The report files' URIs (the list is read again when stale; nothing is parsed). */
  async files(): Promise<string[]> {
    await this.fresh();
    return [...this.entries.keys()];
  }

  /**
   * Lists the files again if stale. Callers at the same time share one scan: a second caller must
   * not take the old list while the first one's scan is still running.
   */
  private fresh(): Promise<void> {
    if (this.stale) {
      this.stale = false;
      this.scanning = this.scan(this.entries).then((entries) => {
        this.entries = entries;
      });
    }
    return this.scanning;
  }

  private async load(uri: string, entry: FileEntry): Promise<ReportDocument | undefined> {
    try {
      const file = fileURLToPath(uri);
      const stat = await fs.stat(file);
      if (stat.size > MAX_FILE_BYTES) return undefined;
      if (!entry.model || stat.mtimeMs !== entry.mtimeMs || stat.size !== entry.size) {
        const text = await fs.readFile(file, 'utf8');
        entry.model = this.service.parse(withoutBom(text), undefined, undefined, formatOf(undefined, file));
        entry.mtimeMs = stat.mtimeMs;
        entry.size = stat.size;
      }
      return entry.model;
    } catch {
      return undefined; // deleted or unreadable since the scan: not an error worth a log line
    }
  }

  private acceptor(folder: string): (relative: string) => boolean {
    const globs = (this.reportGlobs(folder) ?? []).filter((glob) => !globProblem(glob)).map(globToRegExp);
    if (globs.length > 0) return (relative) => globs.some((glob) => glob.test(relative));
    return (relative) => this.extensions.some((ext) => relative.endsWith(ext));
  }

  private async scan(previous: ReadonlyMap<string, FileEntry>): Promise<Map<string, FileEntry>> {
    const files = new Map<string, FileEntry>();
    const paths: string[] = [];
    for (const folder of this.folders) paths.push(...(await findFiles([folder], this.acceptor(folder))));
    for (const file of paths) {
      const uri = pathToFileURL(file).toString();
      files.set(uri, previous.get(uri) ?? { mtimeMs: -1, size: -1, model: undefined });
    }
    return files;
  }
}
