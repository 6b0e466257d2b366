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
import { availableParallelism } from 'node:os';
import { readBaseline, type Baseline } from './baseline';
import { collectFiles, type Collected } from './collectFiles';
import { checkOnWorkers } from './workerPool';

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
  /** A previous JSON or SARIF run (--baseline): only findings not in it are reported. */
  readonly baseline?: string;
  /** Worker threads (--jobs); one per core when absent; 1 checks on the main thread. */
  readonly jobs?: number;
  /** Show progress on stderr (set when stderr is a terminal). */
  readonly progress?: boolean;
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
  let baseline: string | undefined;
  let jobs: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    const option = /^(--locale|--severity|--glossary|--baseline|--jobs)(?:=(.*))?$/s.exec(arg);
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
    else if (name === '--baseline') baseline = value;
    else if (name === '--jobs') jobs = parseJobs(value);
    else {
      const [code, level] = parseSeverity(value);
      severity[code] = level;
    }
  }
  return { argv: rest, check: { locale, severity, glossaries, ...(baseline !== undefined ? { baseline } : {}), ...(jobs !== undefined ? { jobs } : {}) } };
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

function parseJobs(value: string): number {
  if (!/^\d{1,4}$/.test(value) || Number(value) < 1) throw new UsageError(`--jobs expects a number of worker threads, 1 or more (got "${value}")`);
  return Number(value);
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

/** The largest file `check` reads at this path: --max-file-size, else the project's report-lens.json, else the default. */
export function maxFileSizeFor(file: string, options: CheckOptions): number {
  if (options.maxFileSize !== undefined) return options.maxFileSize;
  return settingsFor(options, findProject(file === '-' ? process.cwd() : path.dirname(path.resolve(file)))).maxFileSize;
}

/** Settings for a report: the defaults, under the project's configuration, under the command line. */
export function settingsFor(options: CheckOptions, project?: Project): ReportSettings {
  const fromFlags = { checks: { ...options.severity }, ...(options.maxFileSize !== undefined ? { maxFileSize: options.maxFileSize } : {}) };
  return resolveSettings(mergeSettings(project?.config.settings ?? {}, fromFlags));
}

/**
 * `report-lens check [--format text|json|sarif] [--locale en|zh-cn] [--severity CODE=LEVEL]... [--baseline FILE] DIR|GLOB|FILE...`,
 * on this thread (the sync form, for tests and single files). Exit status: see finishCheck.
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
  collected?: Collected,
): number {
  return checkPrepared(service, prepareCheck(files, format, options, env, err, collected), options, version, out, err);
}

function checkPrepared(service: ReportLanguageService, run: PreparedCheck, options: CheckOptions, version: string, out: (text: string) => void, err: (text: string) => void): number {
  const checker = new FileChecker(service, options, run.locale, err);
  const progress = new Progress(options.progress === true, run.files.length, err);
  const results = run.files.map((file, i) => {
    const result = checker.check(file);
    progress.done(i, file);
    return result;
  });
  progress.clear();
  return finishCheck(run, results, checker.glossaryProblemFiles(), version, out, err);
}

/**
 * The same as checkCommand, with the files checked on worker threads (one per core, at most one per
 * file) when there is more than one: a folder of reports is checked in the time of its share per core.
 */
export async function checkCommandParallel(
  service: ReportLanguageService,
  files: readonly string[],
  format: string | undefined,
  options: CheckOptions,
  version: string,
  out: (text: string) => void,
  err: (text: string) => void,
  env: Readonly<Record<string, string | undefined>> = process.env,
  collected?: Collected,
): Promise<number> {
  const run = prepareCheck(files, format, options, env, err, collected);
  const jobs = Math.min(options.jobs ?? defaultJobs(run.files), run.files.length);
  if (jobs <= 1 || run.files.includes('-')) return checkPrepared(service, run, options, version, out, err);
  const progress = new Progress(options.progress === true, run.files.length, err);
  const { results, glossaryProblems } = await checkOnWorkers(run.files, jobs, { options, locale: run.locale }, err, (i, file) => progress.done(i, file), (tell) => new FileChecker(service, options, run.locale, tell));
  progress.clear();
  return finishCheck(run, results, glossaryProblems, version, out, err);
}

/**
 * How much report text one more thread must have to pay for itself. A worker loads and warms up
 * the whole bundle and builds the glossary, and on 2 cores it competes with the collector and the
 * compiler: measured on the corpus' 38 national reports (2.5 MB), two threads took 1.7–1.8 s and
 * one 1.4–1.5 s. So a thread per core only from about 4 MB per thread.
 */
const BYTES_PER_THREAD = 4_000_000;

/** One thread per core when there is enough text for each; `--jobs` overrides. */
function defaultJobs(files: readonly string[]): number {
  let bytes = 0;
  for (const file of files) {
    try {
      bytes += file === '-' ? 0 : statSync(file).size;
    } catch {
      // An unreadable file is reported when it is checked.
    }
  }
  return Math.max(1, Math.min(availableParallelism(), Math.floor(bytes / BYTES_PER_THREAD)));
}

interface PreparedCheck {
  readonly format: string;
  readonly locale: Locale;
  readonly files: string[];
  readonly empty: string[];
  readonly baseline: Baseline | undefined;
}

/** `collected`: what collectFiles(args) gave, when the caller walked the folders and globs already. */
function prepareCheck(args: readonly string[], format: string | undefined, options: CheckOptions, env: Readonly<Record<string, string | undefined>>, err: (text: string) => void, collected?: Collected): PreparedCheck {
  const chosen = checkFormat(format, ['text', 'json', 'sarif']);
  if (args.length === 0) throw new UsageError('check needs at least one FILE, DIR or GLOB');
  const baseline = options.baseline === undefined ? undefined : readBaseline(options.baseline, process.cwd());
  const { files, empty } = collected ?? collectFiles(args);
  for (const arg of empty) err(`report-lens: no reports in ${arg}\n`);
  return { format: chosen, locale: options.locale ?? localeFromEnv(env), files, empty, baseline };
}

/**
 * Writes the output and returns the exit status: 2 if a file could not be read or an argument named
 * no report (the other files are still checked) — this wins —, else 1 if any diagnostic not in the
 * baseline has error severity, else 0. Findings in the baseline are not shown.
 */
function finishCheck(run: PreparedCheck, results: readonly FileResult[], glossaryProblems: readonly CheckedFile[], version: string, out: (text: string) => void, err: (text: string) => void): number {
  let checked: TextFile[] = [];
  const unreadable: { path: string; message: string }[] = [];
  for (const result of results) {
    if ('checked' in result) checked.push(result.checked);
    else unreadable.push(result.unreadable);
  }
  // A malformed glossary is reported in the glossary itself, like a report.
  checked.push(...glossaryProblems);
  if (run.baseline) {
    const { files, known } = run.baseline.filter(checked, process.cwd());
    checked = files;
    if (known > 0) err(`report-lens: ${known} finding${known === 1 ? '' : 's'} in the baseline not shown\n`);
  }

  if (run.format === 'json') out(`${JSON.stringify(checked.map(({ path: p, diagnostics }) => ({ path: p, diagnostics })), null, 2)}\n`);
  else if (run.format === 'sarif') out(`${JSON.stringify(toSarif(checked, { version, cwd: process.cwd(), unreadable }), null, 2)}\n`);
  else out(renderText(checked, { table: checked.length > 1 }));

  if (unreadable.length > 0 || run.empty.length > 0) return 2;
  return checked.some((file) => file.diagnostics.some((d) => (d.severity ?? 1) === 1)) ? 1 : 0;
}

/** One file's outcome: its diagnostics, or why it could not be read. Plain data: it crosses threads. */
export type FileResult = { readonly checked: TextFile } | { readonly unreadable: { path: string; message: string } };

/** Checks one file after another with what they share (projects, glossaries) read once. */
export class FileChecker {
  private readonly glossaries: CliGlossaries;
  private readonly projects: CliProjects;

  constructor(
    private readonly service: ReportLanguageService,
    private readonly options: CheckOptions,
    private readonly locale: Locale,
    private readonly err: (text: string) => void,
  ) {
    this.glossaries = new CliGlossaries(options.glossaries ?? []);
    this.projects = new CliProjects(locale, err);
  }

  check(file: string): FileResult {
    const project = this.projects.of(file);
    const settings = settingsFor(this.options, project);
    let text: string;
    try {
      text = readReport(file, settings.maxFileSize);
    } catch (error) {
      if (!(error instanceof ReadError)) throw error;
      this.err(`report-lens: ${error.message}\n`);
      return { unreadable: { path: file, message: error.message } };
    }
    const uri = fileUri(file);
    const glossary = this.glossaries.forReport(file, project);
    const reviewed = file === '-' ? undefined : this.projects.reviewed(project, file);
    const diagnostics = this.service.diagnostics(this.service.parse(text, undefined, undefined, textFormatOf(undefined, file)), settings, { locale: this.locale, uri, glossary, once: true, ...(reviewed ? { reviewed } : {}) });
    return { checked: { path: file, uri, diagnostics, ...(isDocx(file) ? { paragraphs: docxText(file).paragraphs } : {}) } };
  }

  glossaryProblemFiles(): CheckedFile[] {
    return this.glossaries.problemFiles();
  }
}

/** Progress on stderr, on one line rewritten in place: only for a terminal (a CI log would fill with it). */
class Progress {
  private count = 0;
  private lastDraw = 0;

  constructor(
    private readonly enabled: boolean,
    private readonly total: number,
    private readonly err: (text: string) => void,
  ) {}

  done(_index: number, file: string): void {
    if (!this.enabled) return;
    this.count++;
    const now = Date.now();
    // A redraw per file would cost more than a small file's check: a few per second are enough to read.
    if (now - this.lastDraw < 80 && this.count < this.total) return;
    this.lastDraw = now;
    this.err(`\r\x1b[K[${this.count}/${this.total}] ${file}`);
  }

  clear(): void {
    if (this.enabled && this.count > 0) this.err('\r\x1b[K');
  }
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
  /**
   * Glossaries by the files they are made of: folders with the same glossary files (most often none)
   * share one, so the matcher over every name (about 50 ms to build) is built once per run, not per folder.
   */
  private readonly byFiles = new Map<string, Glossary>();
  private readonly parsed = new Map<string, { entries: TermEntry[]; problems: GlossaryProblem[] }>();

  constructor(private readonly explicit: readonly string[]) {}

  forReport(file: string, project?: Project): Glossary {
    const folder = file === '-' ? process.cwd() : path.dirname(path.resolve(file));
    let glossary = this.byFolder.get(folder);
    if (!glossary) {
      const files = [...new Set([...this.explicit.map((f) => path.resolve(f)), ...discoverGlossaries(folder), ...projectGlossaries(project)])];
      const key = files.join('\u0000');
      glossary = this.byFiles.get(key);
      if (!glossary) {
        const entries = files.flatMap((f) => this.read(f).entries);
        glossary = new Glossary([...entries, ...builtinEntries()]);
        this.byFiles.set(key, glossary);
      }
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
export function renderText(files: readonly TextFile[], options: { table?: boolean } = {}): string {
  const lines: string[] = [];
  const counts = [0, 0, 0, 0, 0];
  const byCode = new Map<string, number[]>();
  for (const file of files) {
    const display = file.path === '-' ? '<stdin>' : file.path;
    for (const d of sortDiagnostics(file.diagnostics)) {
      const severity = d.severity ?? 1;
      counts[severity] = (counts[severity] ?? 0) + 1;
      const perCode = byCode.get(String(d.code ?? '')) ?? [0, 0, 0, 0, 0];
      perCode[severity] = (perCode[severity] ?? 0) + 1;
      byCode.set(String(d.code ?? ''), perCode);
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
  if (options.table && byCode.size > 0) lines.push('', ...summaryTable(byCode, files), '');
  lines.push(`${parts.join(', ')} in ${plural(files.length, 'file')}`);
  return `${lines.join('\n')}\n`;
}

/**
 * Findings per check (errors, warnings, the rest) and in how many files, for a folder's run: which
 * checks a team's reports trip most is what decides where to look first, or what to turn off.
 */
function summaryTable(byCode: ReadonlyMap<string, number[]>, files: readonly CheckedFile[]): string[] {
  const filesOf = (code: string) => files.filter((file) => file.diagnostics.some((d) => String(d.code ?? '') === code)).length;
  const rows = [...byCode].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([code, c]) => [code || '(none)', String(filesOf(code)), String(c[1] ?? 0), String(c[2] ?? 0), String((c[3] ?? 0) + (c[4] ?? 0))]);
  const header = ['check', 'files', 'errors', 'warnings', 'other'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const format = (row: readonly string[]) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [format(header), ...rows.map(format)];
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
