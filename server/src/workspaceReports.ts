import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { IndexedReport, ReportDocument, ReportLanguageService } from './core/languageService';

interface FileEntry {
  mtimeMs: number;
  size: number;
  model: ReportDocument | undefined;
}

/** Bounds that keep a huge or odd workspace from stalling symbol search. */
const MAX_FILES = 5_000;
const MAX_DEPTH = 12;
const MAX_FILE_BYTES = 5_000_000;
const SKIPPED_DIRS = new Set(['node_modules', 'out', 'dist']);

/**
 * The report files of the workspace folders, parsed lazily and re-parsed
 * only when their modification time changes. Open documents are served by
 * the caller from the editor's text, which is newer than the disk's.
 */
export class WorkspaceReports {
  private folders: string[] = [];
  private files: Map<string, FileEntry> | undefined;

  constructor(
    private readonly service: ReportLanguageService,
    private readonly extensions: readonly string[] = ['.report'],
  ) {}

  setFolders(uris: readonly string[]): void {
    this.folders = uris.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
    this.files = undefined;
  }

  /** A watched file was created, changed or deleted: rescan on the next query. */
  invalidate(): void {
    this.files = undefined;
  }

  async reports(skip: ReadonlySet<string>): Promise<IndexedReport[]> {
    const files = (this.files ??= await this.scan());
    const reports: IndexedReport[] = [];
    for (const [uri, entry] of files) {
      if (skip.has(uri)) continue;
      const model = await this.load(uri, entry);
      if (model) reports.push({ uri, doc: model });
    }
    return reports;
  }

  private async load(uri: string, entry: FileEntry): Promise<ReportDocument | undefined> {
    try {
      const file = fileURLToPath(uri);
      const stat = await fs.stat(file);
      if (stat.size > MAX_FILE_BYTES) return undefined;
      if (!entry.model || stat.mtimeMs !== entry.mtimeMs || stat.size !== entry.size) {
        const text = await fs.readFile(file, 'utf8');
        entry.model = this.service.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
        entry.mtimeMs = stat.mtimeMs;
        entry.size = stat.size;
      }
      return entry.model;
    } catch {
      return undefined; // deleted or unreadable since the scan: not an error worth a log line
    }
  }

  private async scan(): Promise<Map<string, FileEntry>> {
    const files = new Map<string, FileEntry>();
    const walk = async (dir: string, depth: number): Promise<void> => {
      if (depth > MAX_DEPTH || files.size >= MAX_FILES) return;
      let entries;
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        if (files.size >= MAX_FILES) return;
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (!entry.name.startsWith('.') && !SKIPPED_DIRS.has(entry.name)) await walk(full, depth + 1);
        } else if (entry.isFile() && this.extensions.some((ext) => entry.name.endsWith(ext))) {
          files.set(pathToFileURL(full).toString(), { mtimeMs: -1, size: -1, model: undefined });
        }
      }
    };
    for (const folder of this.folders) await walk(folder, 0);
    return files;
  }
}
