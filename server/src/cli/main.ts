import { getReportLanguageService } from '../core/languageService';
import { parseArgs, UsageError } from './args';
import { checkCommand, checkCommandParallel, localeFromEnv, maxFileSizeFor, takeCheckOptions } from './checkCommand';
import { relationsCommand } from './relationsCommand';
import { figuresCommand } from './figuresCommand';
import { outlineCommand } from './outlineCommand';
import { collectFiles, type Collected } from './collectFiles';
import { readDocuments, ReadError, withDocuments } from './readReport';

const USAGE = `Usage: report-lens <command> [options] FILE...

Commands:
  outline [--format text|json] FILE   the report's sections, as the editor's Outline shows them
                                      (json: the LSP DocumentSymbol[] the language server returns)
  figures [--format text|json] FILE   every number in the report: its value, kind, unit, counted
                                      noun and the interval its precision allows
  relations [--format text|json] [--locale en|zh-cn] FILE
                                      every relation the checks found: its clauses, figures and
                                      roles, the arithmetic and the verdict (consistent, mismatch,
                                      or not verifiable and why) — a proofreader's checklist
  check [--format text|json|sarif] [--locale en|zh-cn] [--severity CODE=LEVEL]... [--glossary FILE]...
        [--baseline FILE] [--jobs N] FILE|DIR|GLOB...
                                      figures that disagree (rates, totals, changes, counts,
                                      headings); json: the LSP Diagnostic[] per file; sarif: SARIF 2.1.0.
                                      --severity sets a check's level (error, warning, information,
                                      hint, off), e.g. --severity heading-sequence=off; the locale
                                      defaults to LC_ALL / LC_MESSAGES / LANG; glossaries beside the
                                      report and in its parent folders (*.glossary.yaml|yml|json|csv)
                                      are read, and --glossary adds more; report-lens.json (or
                                      .report-lens.json) in the report's folder or a parent sets
                                      severities and maxFileSize (options given here win), and
                                      findings recorded in its reviewed file (.report-lens/reviewed.json)
                                      or silenced by <!-- report-lens-disable… --> comments are not reported.
                                      A DIR is walked for its reports (report-lens.json's "reports"
                                      globs, else *.report and *.docx), a GLOB ("reports/**/*.txt", quoted) takes
                                      the files it matches; both skip what .gitignore ignores, hidden
                                      folders and node_modules. Files are checked on N worker threads
                                      (--jobs, default one per core); progress shows on stderr when it
                                      is a terminal; text output ends with a table per check.
                                      --baseline FILE: a previous json or sarif output; its findings
                                      (matched by file, check, sentence and figures, not by line) are
                                      not reported, so only new findings fail

A FILE ending in .docx is a Word document: its text is read (one line per paragraph or table row,
cells separated by tabs, list numbers written in), and the text format names paragraphs (¶N, which
is also line N of that text) and quotes the sentence; json and sarif give line:column of that text.

Options:
  -f, --format FORMAT   output format (default: text)
  --max-file-size BYTES the largest file read (default: 20000000, as reportLens.maxFileSize);
                        a larger one, or one that is not a regular file, exits 2; a .docx may
                        also unpack to at most 5 times this
  -h, --help            show this help
  -v, --version         show the version

Exit status: 0 on success, 2 on a usage error or an unreadable file;
check exits 1 when it finds an error-severity diagnostic (not in the --baseline), and 2 when a
file cannot be read, a DIR or GLOB names no report, or the baseline cannot be read (2 wins over 1).
The language server itself is \`report-lens-language-server --stdio\`.
`;

declare const __CLI_VERSION__: string | undefined;
const VERSION = typeof __CLI_VERSION__ === 'string' ? __CLI_VERSION__ : '0.0.0-dev';

/** Runs the CLI and returns its exit code; output goes through the given writers (tests pass their own). Everything on this thread. */
export function run(argv: readonly string[], out: (text: string) => void, err: (text: string) => void): number {
  return guarded(err, () => dispatch(argv, out, err, {}, false) as number);
}

/**
 * The CLI as `report-lens` runs it: Word documents named on the command line are extracted first
 * (mammoth reads them asynchronously), then the command runs on their text, on this thread (the
 * extracted text lives in this thread only); without Word documents, `check` on many files uses
 * worker threads.
 */
export async function runCli(argv: readonly string[], out: (text: string) => void, err: (text: string) => void, io: CliIo = {}): Promise<number> {
  let documents = new Map();
  // check's folders and globs, walked once: for the Word documents among them here, and for check itself.
  let collected: Collected | undefined;
  try {
    const { argv: common, check } = takeCheckOptions(argv);
    const args = parseArgs(common);
    // The limit each command will read the file with: check's may come from the project's report-lens.json.
    const limitOf = (file: string): number =>
      args.command === 'check' ? maxFileSizeFor(file, { ...check, ...(args.maxFileSizeGiven ? { maxFileSize: args.maxFileSize } : {}) }) : args.maxFileSize;
    if (args.command === 'check') collected = collectFiles(args.files);
    documents = await readDocuments(collected?.files ?? args.files, limitOf);
  } catch (error) {
    // A usage error: run() reports it.
    if (!(error instanceof UsageError)) throw error;
  }
  const withCollected: CliIo = collected ? { ...io, collected } : io;
  if (documents.size > 0) return withDocuments(documents, () => guarded(err, () => dispatch(argv, out, err, withCollected, false) as number));
  return runAsync(argv, out, err, withCollected);
}

/** How the CLI was started: progress on a terminal, and check's files if they were already collected. */
interface CliIo {
  readonly progress?: boolean;
  readonly collected?: Collected;
}

/** `check` on many files on worker threads (no Word documents: see runCli). */
export async function runAsync(argv: readonly string[], out: (text: string) => void, err: (text: string) => void, io: CliIo = {}): Promise<number> {
  try {
    return await guarded(err, () => dispatch(argv, out, err, io, true));
  } catch (error) {
    const code = handled(error, err);
    if (code === undefined) throw error;
    return code;
  }
}

function dispatch(argv: readonly string[], out: (text: string) => void, err: (text: string) => void, io: CliIo, parallel: boolean): number | Promise<number> {
  const { argv: common, check } = takeCheckOptions(argv);
  const args = parseArgs(common);
  if (args.version) {
    out(`${VERSION}\n`);
    return 0;
  }
  if (args.help || args.command === undefined || args.command === 'help') {
    (args.command === undefined && !args.help ? err : out)(USAGE);
    return args.command === undefined && !args.help ? 2 : 0;
  }
  const service = getReportLanguageService();
  switch (args.command) {
    case 'outline':
      return outlineCommand(service, args.files, args.format, out, args.maxFileSize);
    case 'figures':
      return figuresCommand(service, args.files, args.format, out, args.maxFileSize);
    case 'check': {
      const options = { ...check, ...(args.maxFileSizeGiven ? { maxFileSize: args.maxFileSize } : {}), ...(io.progress ? { progress: true } : {}) };
      return parallel ? checkCommandParallel(service, args.files, args.format, options, VERSION, out, err, process.env, io.collected) : checkCommand(service, args.files, args.format, options, VERSION, out, err, process.env, io.collected);
    }
    case 'relations':
      return relationsCommand(service, args.files, args.format, check.locale ?? localeFromEnv(process.env), out, args.maxFileSize);
    default:
      throw new UsageError(`unknown command "${args.command}"`);
  }
}

function guarded<T>(err: (text: string) => void, body: () => T): T | number {
  try {
    return body();
  } catch (error) {
    const code = handled(error, err);
    if (code === undefined) throw error;
    return code;
  }
}

/** The exit code of an error the CLI reports as a message (a usage error, an unreadable file), else undefined. */
function handled(error: unknown, err: (text: string) => void): number | undefined {
  if (error instanceof UsageError) {
    err(`report-lens: ${error.message}\nRun \`report-lens --help\` for usage.\n`);
    return 2;
  }
  if (error instanceof ReadError) {
    err(`report-lens: ${error.message}\n`);
    return 2;
  }
  return undefined;
}
