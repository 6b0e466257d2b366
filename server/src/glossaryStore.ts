import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Position } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS, Glossary, type GlossaryTarget, type TermEntry } from './core/languageService';
import { builtinEntries } from './core/terms/builtin';
import { formatOf, glossaryTooLarge, glossaryUnreadable, MAX_GLOSSARY_BYTES, parseGlossary, type GlossaryProblem } from './core/terms/glossaryFile';
import { findFiles, globProblem, globToRegExp } from './workspaceFiles';


export interface GlossaryFileReport {
  readonly uri: string;
  readonly problems: readonly GlossaryProblem[];
}

/**
 * The glossary the server uses: built-in entries plus the workspace's glossary
 * files, re-read when a watched glossary file changes. A malformed file keeps
 * its good entries and reports its problems; the other sources keep working.
 */
export class GlossaryStore {
  private folders: string[] = [];
  private glob = DEFAULT_SETTINGS.glossary.files;
  private files: string[] = [];
  private loading: Promise<Glossary> | undefined;
  private version = 0;

  /**
   * @param log told one line per glossary source at every load (file and entry count, then the
   *   built-in glossary), so that the output channel shows what a hover can draw on
   */
  constructor(
    private readonly onReports: (reports: readonly GlossaryFileReport[]) => void,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  setFolders(uris: readonly string[]): void {
    this.folders = uris.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
    this.invalidate();
  }

  /**
   * The glob of resolved settings. A malformed one (an unclosed `{`) would make every glossary
   * load throw, and with it every request that needs the glossary: the default glob is used instead,
   * and what is wrong with the configured one is returned for the server to tell the user.
   */
  setGlob(glob: string): string | undefined {
    const problem = globProblem(glob);
    const usable = problem ? DEFAULT_SETTINGS.glossary.files : glob;
    if (usable !== this.glob) {
      this.glob = usable;
      this.invalidate();
    }
    return problem;
  }

  /** The glob in use: the configured one, or the default when that one is malformed. */
  get activeGlob(): string {
    return this.glob;
  }

  /** A glossary file was created, changed or deleted. */
  invalidate(): void {
    this.loading = undefined;
  }

  isGlossaryFile(uri: string): boolean {
    return uri.startsWith('file:') && formatOf(uri) !== undefined && globToRegExp(this.glob).test(this.relative(fileURLToPath(uri)));
  }

  get(): Promise<Glossary> {
    return (this.loading ??= this.load());
  }

  /**
   * Where "Add to workspace glossary" may write, in order: the loaded YAML and CSV glossaries (the
   * quick fix checks each against its text and takes the first that stays valid), then a new file
   * the glob loads, when there is none at that path yet. No new file when the glob loads none
   * that can be named (`glossaries/**` + `/*.csv` gives glossaries/terms.csv).
   */
  async targets(): Promise<GlossaryTarget[]> {
    await this.get();
    const targets: GlossaryTarget[] = [];
    for (const file of this.files) {
      const format = formatOf(file);
      if (!format || format === 'json') continue;
      const text = await readText(file);
      if (text === undefined) continue;
      targets.push({ uri: pathToFileURL(file).toString(), exists: true, end: endOf(text), format, text });
    }
    const created = await this.newFile();
    if (created) targets.push({ uri: pathToFileURL(created).toString(), exists: false, end: { line: 0, character: 0 }, format: formatOf(created)!, text: '' });
    return targets;
  }

  /** A path in the first folder that the glob loads and where no file is yet. */
  private async newFile(): Promise<string | undefined> {
    const folder = this.folders[0];
    if (!folder) return undefined;
    const pattern = globToRegExp(this.glob);
    for (const relative of ['terms.glossary.yaml', exampleOf(this.glob)]) {
      const format = formatOf(relative);
      // JSON is left out: the fix writes YAML and CSV only (no append keeps a JSON object valid).
      if (!pattern.test(relative) || !format || format === 'json') continue;
      const file = path.join(folder, ...relative.split('/'));
      const exists = await fs.lstat(file).then(() => true, () => false);
      if (!exists) return file;
    }
    return undefined;
  }

  private relative(file: string): string {
    for (const folder of this.folders) {
      const relative = path.relative(folder, file);
      if (!relative.startsWith('..')) return relative.split(path.sep).join('/');
    }
    return path.basename(file);
  }

  private async load(): Promise<Glossary> {
    const pattern = globToRegExp(this.glob);
    this.files = (await findFiles(this.folders, (relative) => pattern.test(relative) && formatOf(relative) !== undefined)).sort();
    const entries: TermEntry[] = [];
    const reports: GlossaryFileReport[] = [];
    for (const file of this.files) {
      const uri = pathToFileURL(file).toString();
      const { entries: found, problems } = await readGlossaryFile(file, uri);
      entries.push(...found);
      reports.push({ uri, problems });
      this.log(`glossary ${this.relative(file)}: ${entriesText(found.length)}${problems.length > 0 ? `, ${problems.length} problem${problems.length === 1 ? '' : 's'}` : ''}`);
    }
    this.onReports(reports);
    const builtin = builtinEntries();
    this.log(`built-in glossary: ${entriesText(builtin.length)}${this.files.length === 0 ? ` (no workspace glossary matches ${this.glob})` : ''}`);
    return new Glossary([...entries, ...builtin], ++this.version);
  }
}

function entriesText(n: number): string {
  return `${n} entr${n === 1 ? 'y' : 'ies'}`;
}

/** The text of a glossary file as the quick fix appends to it, or undefined when it cannot be read (or is too large to load). */
async function readText(file: string): Promise<string | undefined> {
  try {
    const stat = await fs.stat(file);
    return stat.isFile() && stat.size <= MAX_GLOSSARY_BYTES ? await fs.readFile(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

/** Where an edit appends to `text`: its last position. */
function endOf(text: string): Position {
  const lines = text.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1]!.length };
}

/**
 * A path the glob matches, made by taking the simplest choice at each wildcard: no folders for
 * `**`, "terms" for `*`, the first alternative of `{a,b}`.
 */
export function exampleOf(glob: string): string {
  return glob
    .replace(/\*\*\//g, '')
    .replace(/\{([^{},]*)[^{}]*\}/g, '$1')
    .replace(/\*+/g, 'terms')
    .replace(/\?/g, 'x');
}

/** Reads and parses one glossary file; unreadable or oversized files become a problem, not an exception. */
export async function readGlossaryFile(file: string, uri: string): Promise<{ entries: TermEntry[]; problems: GlossaryProblem[] }> {
  const format = formatOf(file);
  if (!format) return { entries: [], problems: [] };
  try {
    const stat = await fs.stat(file);
    if (stat.size > MAX_GLOSSARY_BYTES) return glossaryTooLarge();
    return parseGlossary(await fs.readFile(file, 'utf8'), format, uri);
  } catch (error) {
    return glossaryUnreadable(error);
  }
}
