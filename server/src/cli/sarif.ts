import type * as Crypto from 'node:crypto';
import * as path from 'node:path';
import { findingKey } from './baseline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { CHECK_CODES, DEFAULT_CHECK_SEVERITY, type CheckCode, type CheckSeverity } from '../core/settings';

/** One checked file: the path as given on the command line, the URI the diagnostics were made for, and the diagnostics. */
export interface CheckedFile {
  readonly path: string;
  readonly uri: string;
  readonly diagnostics: readonly Diagnostic[];
}

export interface SarifOptions {
  readonly version: string;
  /** Paths are made relative to this directory, which becomes `%SRCROOT%`. */
  readonly cwd: string;
  /** Files that could not be read: reported as tool execution notifications. */
  readonly unreadable?: readonly { path: string; message: string }[];
}

/** The parts of SARIF 2.1.0 this tool writes. */
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: SarifRun[];
}

export interface SarifRun {
  tool: { driver: { name: string; version: string; rules: SarifRule[] } };
  columnKind: 'utf16CodeUnits';
  originalUriBaseIds: Record<string, { uri: string }>;
  results: SarifResult[];
  invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: 'error'; message: { text: string }; locations: SarifLocation[] }[] }[];
}

export interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  defaultConfiguration: { level: SarifLevel; enabled: boolean };
}

export type SarifLevel = 'error' | 'warning' | 'note' | 'none';

export interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

export interface SarifLocation {
  id?: number;
  message?: { text: string };
  physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region?: SarifRegion };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: SarifLevel;
  message: { text: string };
  locations: SarifLocation[];
  relatedLocations?: SarifLocation[];
  partialFingerprints?: Record<string, string>;
  properties?: { reportLens: { sentence: string; figures: readonly string[] } };
  fixes?: { description: { text: string }; artifactChanges: { artifactLocation: SarifLocation['physicalLocation']['artifactLocation']; replacements: { deletedRegion: SarifRegion; insertedContent: { text: string } }[] }[] }[];
}

const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json';
const SRCROOT = '%SRCROOT%';

const RULES: Readonly<Record<string, { name: string; short: string; full: string }>> = {
  'rate-mismatch': {
    name: 'RateMismatch',
    short: 'A stated rate or percentage disagrees with its numerator and denominator.',
    full: 'The text states a rate (for example 整改率99.6%) together with the counts it is computed from; dividing the counts gives a value that the stated rate cannot round to.',
  },
  'part-exceeds-whole': {
    name: 'PartExceedsWhole',
    short: 'A part is larger than the whole it belongs to.',
    full: 'A figure introduced as part of another (其中, of which, completed out of received) is larger than that total.',
  },
  'sum-mismatch': {
    name: 'SumMismatch',
    short: 'Listed parts do not add up to the stated total.',
    full: 'The items listed after a total add up to more than the total, or, for an exhaustive list, to a different value.',
  },
  'share-sum-mismatch': {
    name: 'ShareSumMismatch',
    short: 'Shares of one whole do not add up to 100%.',
    full: 'Shares that together make up one whole (a share of X and of non-X, 生产性投资比重 and 非生产性投资比重) add up, within their rounding, to a value other than 100%.',
  },
  'change-mismatch': {
    name: 'ChangeMismatch',
    short: 'A stated change disagrees with its before and after values.',
    full: 'An absolute or relative change (增长12.6%, rose by 6,400) does not follow from the values before and after it.',
  },
  'compound-growth-mismatch': {
    name: 'CompoundGrowthMismatch',
    short: 'A stated average annual growth rate disagrees with the levels and years it spans.',
    full: 'An average annual rate (年均增长, 平均每年增长, average annual growth) over a stretch of years does not follow from the levels at its ends, (end / start)^(1/years) − 1, or from the total change over those years.',
  },
  'count-mismatch': {
    name: 'CountMismatch',
    short: 'A counted phrase announces a different number of items than are listed.',
    full: 'A phrase with a count (“四字方针”, 三大工程, three priorities) is followed by a list with more or fewer items.',
  },
  'conflicting-figure': {
    name: 'ConflictingFigure',
    short: 'The same figure is stated twice with different values.',
    full: 'Within one section, the same metric (same wording, unit and context) is given two values that cannot both be right.',
  },
  'heading-sequence': {
    name: 'HeadingSequence',
    short: 'Numbered headings skip or repeat a number.',
    full: 'At one level of the outline, heading numbers do not run on by one (一、二、四; （一）（三）; 1. 2. 4.).',
  },
  'size-word-mismatch': {
    name: 'SizeWordMismatch',
    short: 'A word that states a size contradicts the figure it describes.',
    full: 'A size word (大幅, 略有, 过半, 近三成, 翻一番, sharply, more than half, doubled) is said of a figure or of before/after values outside what the word allows: 大幅增长0.4%, 过半 of 48.5%, 翻一番 from 500 to 750.',
  },
  'multiple-mismatch': {
    name: 'MultipleMismatch',
    short: 'A multiple in 倍 is read the wrong way round, or states an impossible decrease.',
    full: '增长N倍 means ×(N+1) and 是…的N倍 or 增长到N倍 means ×N; the before/after values show the other reading, or the ratio differs. 下降/减少N倍 (N times less) is no valid decrease: state the percentage or fraction.',
  },
  'impossible-percentage': {
    name: 'ImpossiblePercentage',
    short: 'A percentage of a stated count that no whole number of the count gives (GRIM test).',
    full: 'A percentage tied to a whole-number count (调查1200户，满意率83.47%; Of 40 respondents, 37.3%) cannot be k / count for any whole k at its printed precision.',
  },
  'undefined-term': {
    name: 'UndefinedTerm',
    short: 'A quoted term has no definition in any glossary.',
    full: 'A term in quotation marks is defined neither in the built-in or workspace glossaries nor in the document itself.',
  },
};

/** The rule of a code; a code added to CHECK_CODES without a description here still gets a rule. */
function ruleText(code: CheckCode): { name: string; short: string; full: string } {
  const known = RULES[code];
  if (known) return known;
  const name = code.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
  return { name, short: `Report Lens check ${code}.`, full: `Report Lens check ${code}.` };
}

const LEVEL_OF_SETTING: Record<CheckSeverity, SarifLevel> = { error: 'error', warning: 'warning', information: 'note', hint: 'note', off: 'none' };

/** LSP severity → SARIF level: error → error, warning → warning, information and hint → note. */
export function sarifLevel(severity: number | undefined): SarifLevel {
  if (severity === undefined || severity === 1) return 'error';
  return severity === 2 ? 'warning' : 'note';
}

/** An LSP range (0-based, end exclusive) as a SARIF region (1-based lines and columns, endColumn exclusive). */
export function sarifRegion(range: Range): SarifRegion {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** A SARIF log with one run for the checked files. */
export function toSarif(files: readonly CheckedFile[], options: SarifOptions): SarifLog {
  const rules: SarifRule[] = CHECK_CODES.map((code) => ({
    id: code,
    name: ruleText(code).name,
    shortDescription: { text: ruleText(code).short },
    fullDescription: { text: ruleText(code).full },
    defaultConfiguration: { level: LEVEL_OF_SETTING[DEFAULT_CHECK_SEVERITY[code]], enabled: true },
  }));
  const artifactOf = (file: string): SarifLocation['physicalLocation']['artifactLocation'] => artifactLocation(file, options.cwd);
  const byUri = new Map(files.map((file) => [file.uri, artifactOf(file.path)]));
  const artifactForUri = (uri: string): SarifLocation['physicalLocation']['artifactLocation'] => {
    const known = byUri.get(uri);
    if (known) return known;
    if (uri.startsWith('file:')) {
      try {
        return artifactOf(fileURLToPath(uri));
      } catch {
        // Not a local path: keep the URI as it is.
      }
    }
    return { uri };
  };

  const results: SarifResult[] = [];
  for (const file of files) {
    const artifact = byUri.get(file.uri) ?? artifactOf(file.path);
    for (const d of file.diagnostics) {
      const ruleId = d.code === undefined ? 'report-lens' : String(d.code);
      const ruleIndex = (CHECK_CODES as readonly string[]).indexOf(ruleId);
      const result: SarifResult = {
        ruleId,
        ...(ruleIndex >= 0 ? { ruleIndex } : {}),
        level: sarifLevel(d.severity),
        message: { text: typeof d.message === 'string' ? d.message : d.message.value },
        locations: [{ physicalLocation: { artifactLocation: artifact, region: sarifRegion(d.range) } }],
      };
      // What the finding says, not where: code scanning keeps an alert's identity across edits elsewhere, and --baseline matches on it.
      const key = findingKey(d);
      result.partialFingerprints = { 'reportLensFinding/v1': loadCrypto().createHash('sha256').update([ruleId, key.sentence, ...[...key.figures].sort()].join('\u0000')).digest('hex') };
      result.properties = { reportLens: key };
      const related = d.relatedInformation ?? [];
      if (related.length > 0) {
        result.relatedLocations = related.map((info, i) => ({
          id: i + 1,
          message: { text: info.message },
          physicalLocation: { artifactLocation: artifactForUri(info.location.uri), region: sarifRegion(info.location.range) },
        }));
      }
      const fixes = fixesOf(d);
      if (fixes.length > 0) {
        result.fixes = fixes.map((fix) => ({
          description: { text: fix.title },
          artifactChanges: [{ artifactLocation: artifact, replacements: fix.edits.map((edit) => ({ deletedRegion: sarifRegion(edit.range), insertedContent: { text: edit.newText } })) }],
        }));
      }
      results.push(result);
    }
  }

  const notifications = (options.unreadable ?? []).map((entry) => ({
    level: 'error' as const,
    message: { text: entry.message },
    locations: [{ physicalLocation: { artifactLocation: artifactOf(entry.path) } }],
  }));

  return {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'report-lens', version: options.version, rules } },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(options.cwd) } },
        results,
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
      },
    ],
  };
}

/**
 * A path relative to the working directory, as a URI reference against `%SRCROOT%` (forward slashes,
 * each segment percent-encoded); a file outside the working directory gets an absolute `file:` URL.
 */
export function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  if (file === '-') return { uri: 'stdin' };
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return { uri: fileUrl(absolute) };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function fileUrl(absolute: string): string {
  return pathToFileURL(absolute).href;
}

function directoryUri(dir: string): string {
  const url = fileUrl(path.resolve(dir));
  return url.endsWith('/') ? url : `${url}/`;
}

interface Fix {
  title: string;
  edits: { range: Range; newText: string }[];
}

/** The quick fixes the core attaches as `data.fixes`, if the shape is as expected. */
function fixesOf(d: Diagnostic): Fix[] {
  const data = d.data as { fixes?: unknown } | undefined;
  if (!data || !Array.isArray(data.fixes)) return [];
  return data.fixes.filter(
    (fix): fix is Fix =>
      typeof fix === 'object' && fix !== null && typeof (fix as Fix).title === 'string' && Array.isArray((fix as Fix).edits) && (fix as Fix).edits.every((e) => typeof e?.newText === 'string' && typeof e.range === 'object'),
  );
}

/**
 * node:crypto, loaded when SARIF is written: loading it took about 5 ms of every `report-lens`
 * run, and only this output format uses it.
 */
function loadCrypto(): typeof Crypto {
  return require('node:crypto') as typeof Crypto;
}
