import { formatOf as textFormatOf } from '../core/parser/markdown/detect';
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { messages, toLocale, type Locale } from '../core/l10n/messages';
import { mergeSettings } from '../core/config/projectConfig';
import type { ReviewedSet } from '../core/review/reviewed';
import { findProject, readReviewedFile, reviewedFileOf, reviewedSetFor, type Project, type ReviewedFile } from '../project/configFiles';
import { Glossary, type ReportLanguageService, type TermEntry } from '../core/languageService';
import { builtinEntries } from '../core/terms/builtin';
import { formatOf, glossaryTooLarge, glossaryUnreadable, MAX_GLOSSARY_BYTES, parseGlossary, type GlossaryProblem } from '../core/terms/glossaryFile';
import { CHECK_CODES, resolveSettings, type CheckCode, type CheckSeverity, type ReportSettings } from '../core/settings';
import { checkFormat, UsageError, VALUE_OPTIONS } from './args';
import { isDocx, sentenceAt } from '../docx/extract';
import { docxText, readBounded, ReadError, readReport, TooLargeError } from './readReport';
import { globProblem, globToRegExp, SCAN_LIMITS } from '../workspaceFiles';
import { toSarif, type CheckedFile } from './sarif';

/** What `check` takes beyond the common options: `--locale` and `--severity CODE=LEVEL`. */
export interface CheckOptions {
  /** Undefined: from the environment (LC_ALL, LC_MESSAGES, LANG). */
  readonly locale: Locale | undefined;
  /** Per-check overrides, applied over the defaults. */
  readonly severity: Readonly<Partial<Record<CheckCode, CheckSeverity>>>;
  /** Glossary files given with --glossary (the ones beside the report are found anyway). */
  readonly glossaries?: readonly string[];
  /** Largest report read, in bytes (--max-file-size); reportLens.maxFileSize's default when absent. */
  readonly maxFileSize?: number;
}

const LEVELS: readonly CheckSeverity[] = ['error', 'warning', 'information', 'hint', 'off'];

/**
 * When the command is `check`, takes its own options (`--locale L`, `--severity CODE=LEVEL`,
 * also in `--opt=value` form) out of argv so the common parser sees only what it knows.
 * For any other command argv is returned as it is, and those options stay unknown options.
 */
export function takeCheckOptions(argv: readonly string[]): { argv: string[]; check: CheckOptions } {
  const none: CheckOptions = { locale: undefined, severity: {}, glossaries: [] };
  // `relations` takes --locale too (its reasons are worded in it).
  if (commandOf(argv) !== 'check' && commandOf(argv) !== 'relations') return { argv: [...argv], check: none };
  const rest: string[] = [];
  let locale: Locale | undefined;
  const severity: Partial<Record<CheckCode, CheckSeverity>> = {};
  const glossaries: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    const option = /^(--locale|--severity|--glossary)(?:=(.*))?$/s.exec(arg);
    if (!option) {
      rest.push(arg);
      // Keep an option's value with it so that a value such as `json` is never taken for a file here.
      if (VALUE_OPTIONS.includes(arg) && i + 1 < argv.length) rest.push(argv[++i]!);
      continue;
    }
    const name = option[1]!;
    const value = option[2] ?? argv[++i];
    if (value === undefined) throw new UsageError(`${name} needs a value`);
    if (name === '--locale') locale = parseLocale(value);
    else if (name === '--glossary') glossaries.push(value);
    else {
      const [code, level] = parseSeverity(value);
      severity[code] = level;
    }
  }
  return { argv: rest, check: { locale, severity, glossaries } };
}

/** The first argument that is neither an option nor an option's value. */
function commandOf(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return argv[i + 1];
    if (VALUE_OPTIONS.includes(arg)) i++;
    else if (!arg.startsWith('-') || arg === '-') return arg;
  }
  return undefined;
}

function parseLocale(value: string): Locale {
  const lower = value.toLowerCase();
  if (lower === 'en' || lower === 'zh-cn') return lower;
  throw new UsageError(`unknown locale "${value}" (expected en, zh-cn)`);
}

function parseSeverity(value: string): [CheckCode, CheckSeverity] {
  const match = /^([a-z-]+)=([a-z]+)$/.exec(value.trim());
  if (!match) throw new UsageError(`--severity expects CODE=LEVEL, e.g. heading-sequence=off (got "${value}")`);
  const code = match[1]!;
  const level = match[2]!;
  if (!(CHECK_CODES as readonly string[]).includes(code)) throw new UsageError(`unknown check "${code}" (expected one of ${CHECK_CODES.join(', ')})`);
  if (!(LEVELS as readonly string[]).includes(level)) throw new UsageError(`unknown severity "${level}" (expected ${LEVELS.join(', ')})`);
  return [code as CheckCode, level as CheckSeverity];
}

/** The CLI's locale, like other command-line tools: LC_ALL, then LC_MESSAGES, then LANG (zh* → zh-cn, else en). */
export function localeFromEnv(env: Readonly<Record<string, string | undefined>>): Locale {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value) return toLocale(value);
  }
  return 'en';
}

/** Settings for a report: the defaults, under the project's configuration, under the command line. */
/** The largest file `check` reads at this path: --max-file-size, else the project's report-lens.json, else the default. */
export function maxFileSizeFor(file: string, options: CheckOptions): number {
  if (options.maxFileSize !== undefined) return options.maxFileSize;
  return settingsFor(options, findProject(file === '-' ? process.cwd() : path.dirname(path.resolve(file)))).maxFileSize;
}

export function settingsFor(options: CheckOptions, project?: Project): ReportSettings {
  const fromFlags = { checks: { ...options.severity }, ...(options.maxFileSize !== undefined ? { maxFileSize: options.maxFileSize } : {}) };
  return resolveSettings(mergeSettings(project?.config.settings ?? {}, fromFlags));
}

/**
 * `report-lens check [--format text|json|sarif] [--locale en|zh-cn] [--severity CODE=LEVEL]... FILE...`.
 * Exit status: 2 if a file could not be read (the others are still checked) — this wins —,
 * else 1 if any diagnostic has error severity, else 0.
 */
export function checkCommand(
  service: ReportLanguageService,
  files: readonly string[],
  format: string | undefined,
  options: CheckOptions,
  version: string,
  out: (text: string) => void,
  err: (text: string) => void,
  env: Readonly<Record<string, string | undefined>> = process.env,
): number {
  const chosen = checkFormat(format, ['text', 'json', 'sarif']);
  if (files.length === 0) throw new UsageError('check needs at least one FILE');
  const locale = options.locale ?? localeFromEnv(env);
  const checked: TextFile[] = [];
  const unreadable: { path: string; message: string }[] = [];
  const glossaries = new CliGlossaries(options.glossaries ?? []);
  const projects = new CliProjects(locale, err);
  for (const file of files) {
    const project = projects.of(file);
    const settings = settingsFor(options, project);
    let text: string;
    try {
      text = readReport(file, settings.maxFileSize);
    } catch (error) {
      if (!(error instanceof ReadError)) throw error;
      err(`report-lens: ${error.message}\n`);
      unreadable.push({ path: file, message: error.message });
      continue;
    }
    const uri = fileUri(file);
    const glossary = glossaries.forReport(file, project);
    const reviewed = file === '-' ? undefined : projects.reviewed(project, file);
    const diagnostics = service.diagnostics(service.parse(text, undefined, undefined, textFormatOf(undefined, file)), settings, { locale, uri, glossary, ...(reviewed ? { reviewed } : {}) });
    checked.push({ path: file, uri, diagnostics, ...(isDocx(file) ? { paragraphs: docxText(file).paragraphs } : {}) });
  }
  // A malformed glossary is reported in the glossary itself, like a report.
  for (const problem of glossaries.problemFiles()) checked.push(problem);

  if (chosen === 'json') out(`${JSON.stringify(checked.map(({ path: p, diagnostics }) => ({ path: p, diagnostics })), null, 2)}\n`);
  else if (chosen === 'sarif') out(`${JSON.stringify(toSarif(checked, { version, cwd: process.cwd(), unreadable }), null, 2)}\n`);
  else out(renderText(checked));

  if (unreadable.length > 0) return 2;
  return checked.some((file) => file.diagnostics.some((d) => (d.severity ?? 1) === 1)) ? 1 : 0;
}

/**
 * Each report's project (configuration and reviewed findings), found once per folder; what is wrong
 * with a project's files is told once on stderr and never stops the check: defaults stand in.
 */
class CliProjects {
  private readonly byFolder = new Map<string, Project>();
  private readonly reviewedFiles = new Map<string, ReviewedFile>();
  private readonly told = new Set<string>();

  constructor(
    private readonly locale: Locale,
    private readonly err: (text: string) => void,
  ) {}

  of(file: string): Project {
    const folder = file === '-' ? process.cwd() : path.dirname(path.resolve(file));
    let project = this.byFolder.get(folder);
    if (!project) {
      project = findProject(folder);
      this.byFolder.set(folder, project);
      if (project.configFile && project.problems.length > 0) this.tell(project.configFile, messages(this.locale).badConfig(project.configFile, project.problems.join('; ')));
    }
    return project;
  }

  reviewed(project: Project, file: string): ReviewedSet {
    const where = reviewedFileOf(project);
    let reviewed = this.reviewedFiles.get(where);
    if (!reviewed) {
      reviewed = readReviewedFile(project);
      this.reviewedFiles.set(where, reviewed);
      if (reviewed.problem) this.tell(where, messages(this.locale).badReviewed(where, reviewed.problem));
    }
    return reviewedSetFor(project, reviewed, file);
  }

  private tell(key: string, text: string): void {
    if (this.told.has(key)) return;
    this.told.add(key);
    this.err(`${text}
`);
  }
}

/**
 * Glossaries for the CLI: built-in entries, files given with --glossary, and
 * `*.glossary.{yaml,yml,json,csv}` files beside each report and in its parent folders.
 */
class CliGlossaries {
  private readonly byFolder = new Map<string, Glossary>();
  private readonly parsed = new Map<string, { entries: TermEntry[]; problems: GlossaryProblem[] }>();

  constructor(private readonly explicit: readonly string[]) {}

  forReport(file: string, project?: Project): Glossary {
    const folder = file === '-' ? process.cwd() : path.dirname(path.resolve(file));
    let glossary = this.byFolder.get(folder);
    if (!glossary) {
      const files = [...new Set([...this.explicit.map((f) => path.resolve(f)), ...discoverGlossaries(folder), ...projectGlossaries(project)])];
      const entries = files.flatMap((f) => this.read(f).entries);
      glossary = new Glossary([...entries, ...builtinEntries()]);
      this.byFolder.set(folder, glossary);
    }
    return glossary;
  }

  problemFiles(): CheckedFile[] {
    const files: CheckedFile[] = [];
    for (const [file, { problems }] of this.parsed) {
      if (problems.length === 0) continue;
      const diagnostics: Diagnostic[] = problems.map((problem) => ({
        range: { start: { line: problem.line, character: problem.character }, end: { line: problem.line, character: problem.character } },
        severity: 1,
        code: 'glossary-syntax',
        source: 'report-lens',
        message: problem.message,
      }));
      files.push({ path: path.relative(process.cwd(), file) || file, uri: pathToFileURL(file).href, diagnostics });
    }
    return files;
  }

  private read(file: string): { entries: TermEntry[]; problems: GlossaryProblem[] } {
    let result = this.parsed.get(file);
    if (!result) {
      result = readGlossary(file);
      this.parsed.set(file, result);
    }
    return result;
  }
}

/**
 * The glossary files a project's report-lens.json names with `glossary.files`, under its root (as
 * the server finds them under the workspace folder): regular files only, hidden and build folders
 * skipped, bounded like the server's scan. A malformed glob names none (the CLI's own discovery
 * beside the report still applies).
 */
function projectGlossaries(project: Project | undefined): string[] {
  const glob = project?.configFile ? (project.config.settings['glossary'] as { files?: unknown } | undefined)?.files : undefined;
  if (!project || typeof glob !== 'string' || globProblem(glob)) return [];
  const pattern = globToRegExp(glob);
  const found: string[] = [];
  const walk = (dir: string, depth: number): void => {
    if (depth > SCAN_LIMITS.maxDepth || found.length >= SCAN_LIMITS.maxFiles) return;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') walk(full, depth + 1);
      else if (entry.isFile() && formatOf(entry.name) && pattern.test(path.relative(project.root, full).split(path.sep).join('/'))) found.push(full);
    }
  };
  walk(project.root, 0);
  return found.sort();
}

/** One glossary file: a regular file of at most MAX_GLOSSARY_BYTES, read as such; anything else is a problem of the file. */
function readGlossary(file: string): { entries: TermEntry[]; problems: GlossaryProblem[] } {
  const format = formatOf(file);
  if (!format) return { entries: [], problems: [{ line: 0, character: 0, message: 'Not a glossary file: expected .yaml, .yml, .json or .csv.' }] };
  try {
    return parseGlossary(readBounded(file, MAX_GLOSSARY_BYTES), format, pathToFileURL(file).href);
  } catch (error) {
    return error instanceof TooLargeError ? glossaryTooLarge() : glossaryUnreadable(error);
  }
}

/**
 * Glossary files in `folder` and in each of its parents, nearest first. Only regular files are
 * taken: a FIFO would hang the read and a device never end it. A symlink is followed only to a
 * regular file inside the folder it was found in (as the server, which follows none, keeps to the
 * workspace): `ev.glossary.csv -> /etc/passwd` is not read.
 */
export function discoverGlossaries(folder: string): string[] {
  const found: string[] = [];
  for (let dir = folder, depth = 0; depth < 32; depth++) {
    found.push(...glossariesIn(dir));
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return found;
}

function glossariesIn(dir: string): string[] {
  let entries: Dirent[];
  let real: string;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
    real = realpathSync(dir);
  } catch {
    return []; // an unreadable folder has no glossary for us
  }
  return entries
    .filter((entry) => /\.glossary\.(?:ya?ml|json|csv)$/i.test(entry.name))
    .filter((entry) => entry.isFile() || (entry.isSymbolicLink() && linksInside(path.join(dir, entry.name), real)))
    .map((entry) => path.join(dir, entry.name))
    .sort();
}

/** Whether a symlink leads to a regular file inside `folder` (a real path), at any depth. */
function linksInside(link: string, folder: string): boolean {
  try {
    const target = realpathSync(link);
    return target.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep) && statSync(target).isFile();
  } catch {
    return false; // a dangling link
  }
}

/** The `file://` URL the server would see for this file; stdin (`-`) has none, so it gets an `untitled:` one. */
export function fileUri(file: string): string {
  return file === '-' ? 'untitled:stdin' : pathToFileURL(path.resolve(file)).href;
}

const SEVERITY_NAME: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

/** A checked file as the text format shows it: a Word document also keeps its paragraphs. */
export interface TextFile extends CheckedFile {
  /** Set for a .docx: line N of its extracted text is paragraph N. */
  readonly paragraphs?: readonly string[];
}

/**
 * Compiler style, one line per diagnostic (`path:line:col: error rate-mismatch: message`, 1-based),
 * each related location on an indented `note:` line under it, then a summary line. A Word document
 * has no lines a user could go to: its findings name the paragraph (`report.docx ¶4:`) and quote
 * the sentence on a line of their own.
 */
export function renderText(files: readonly TextFile[]): string {
  const lines: string[] = [];
  const counts = [0, 0, 0, 0, 0];
  for (const file of files) {
    const display = file.path === '-' ? '<stdin>' : file.path;
    for (const d of sortDiagnostics(file.diagnostics)) {
      const severity = d.severity ?? 1;
      counts[severity] = (counts[severity] ?? 0) + 1;
      const code = d.code === undefined ? '' : ` ${String(d.code)}`;
      lines.push(`${place(display, d.range.start, file.paragraphs)}: ${SEVERITY_NAME[severity] ?? 'error'}${code}: ${oneLine(messageText(d.message))}`);
      if (file.paragraphs) lines.push(`    「${sentenceAt(file.paragraphs[d.range.start.line] ?? '', d.range.start.character)}」`);
      for (const related of d.relatedInformation ?? []) {
        const here = related.location.uri === file.uri;
        const start = related.location.range.start;
        lines.push(`    note: ${place(here ? display : relatedPath(related.location.uri), start, here ? file.paragraphs : undefined)}: ${oneLine(related.message)}`);
      }
    }
  }
  const parts = [plural(counts[1]!, 'error'), plural(counts[2]!, 'warning')];
  if (counts[3]) parts.push(plural(counts[3], 'information', 'information'));
  if (counts[4]) parts.push(plural(counts[4], 'hint'));
  lines.push(`${parts.join(', ')} in ${plural(files.length, 'file')}`);
  return `${lines.join('\n')}\n`;
}

/** `path:line:col`, or for a Word document `path ¶paragraph`. */
function place(display: string, start: { line: number; character: number }, paragraphs: readonly string[] | undefined): string {
  return paragraphs ? `${display} ¶${start.line + 1}` : `${display}:${start.line + 1}:${start.character + 1}`;
}

function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function relatedPath(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return path.relative(process.cwd(), fileURLToPath(uri));
  } catch {
    return uri;
  }
}

/** LSP 3.18 allows a MarkupContent message; the server's are plain strings. */
export function messageText(message: Diagnostic['message']): string {
  return typeof message === 'string' ? message : message.value;
}

function oneLine(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ');
}

function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${count} ${count === 1 ? word : pluralWord}`;
}
