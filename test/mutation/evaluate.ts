/**
 * Runs the checks over the planted slips and scores recall per kind and language.
 *
 * A slip is caught when the mutated document has a diagnostic whose code fits the kind
 * (KIND_CODES) and whose range overlaps the site's sentence(s). A site where the ORIGINAL document
 * already has such a diagnostic proves nothing: it is skipped and counted as `preflagged`. Any
 * other diagnostic the mutated document has and the original has not is collateral (reported,
 * never a failure).
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Position } from 'vscode-languageserver-types';
import { getReportLanguageService } from '../../server/src/core/languageService';
import { DEFAULT_SETTINGS, type CheckCode } from '../../server/src/core/settings';
import { withoutBom } from '../../server/src/core/text/chars';
import { ROOT, SEED } from '../support/paths';
import { loadCorpus } from './corpus';
import { missionBase, missionMutations, SEED_LIKE } from './mission';
import { SITE_KINDS, type ReportText, type SiteKind } from './siteKit';
import type { Language, Span } from './text';
import { DEFAULT_SEED, MAX_PER_KIND, plantText, type TextMutation } from './textSites';

/**
 * The diagnostic codes that catch a slip of each kind. A part raised above its whole may be
 * reported as the whole exceeded (part-exceeds-whole) or as 其中-parts exceeding their total
 * (sum-mismatch); a total moved away from its parts may be reported either way round too. Every
 * other kind has exactly its own check.
 */
export const KIND_CODES: Readonly<Record<SiteKind, readonly CheckCode[]>> = {
  rate: ['rate-mismatch'],
  part: ['part-exceeds-whole', 'sum-mismatch'],
  sum: ['sum-mismatch', 'part-exceeds-whole'],
  change: ['change-mismatch', 'compound-growth-mismatch'],
  count: ['count-mismatch'],
  heading: ['heading-sequence'],
  'share-sum': ['share-sum-mismatch'],
  compound: ['compound-growth-mismatch'],
  table: ['sum-mismatch'],
  'size-word': ['size-word-mismatch'],
  multiple: ['multiple-mismatch'],
  'impossible-percentage': ['impossible-percentage'],
};

export const LANGUAGES: readonly Language[] = ['zh', 'en'];

/** Diagnostics of a text, as the server computes them. */
export type Diagnose = (text: string, uri: string) => Diagnostic[];

/** The language service's diagnostics with default settings (every check on), English messages. */
export function serviceDiagnose(): Diagnose {
  const service = getReportLanguageService();
  return (text, uri) => service.diagnostics(service.parse(text), DEFAULT_SETTINGS, { locale: 'en', uri });
}

export interface Outcome {
  readonly mutation: TextMutation;
  readonly caught: boolean;
  /** The original already has a diagnostic of the kind's codes on the site's sentence(s): skipped. */
  readonly preflagged: boolean;
  /** Diagnostics the mutated text has and the original has not (for describing misses). */
  readonly fresh: readonly Diagnostic[];
  /** Fresh diagnostics that are not catches. */
  readonly collateral: readonly Diagnostic[];
}

export interface Tally {
  /** Sites the patterns found (before sampling). */
  sites: number;
  /** Slips planted and scored (preflagged sites excluded). */
  planted: number;
  /** Sampled sites skipped because the original is already flagged there. */
  preflagged: number;
  caught: number;
  /** caught / planted (null when nothing was planted). */
  recall: number | null;
}

export interface Row extends Tally {
  readonly kind: SiteKind;
  readonly language: Language;
}

export interface TextSuiteReport {
  readonly seed: number;
  readonly maxPerKind: number;
  /** One row per kind × language, in SITE_KINDS × LANGUAGES order. */
  readonly rows: readonly Row[];
  readonly totals: Readonly<Record<Language | 'all', Tally>>;
  /** The mission example (scored on its own, always planted). */
  readonly mission: Tally;
  /** Collateral diagnostics, by code. */
  readonly collateral: Readonly<Record<string, number>>;
  readonly outcomes: readonly Outcome[];
  readonly missionOutcomes: readonly Outcome[];
  readonly milliseconds: number;
}

function positionAt(text: string, lineStarts: readonly number[], offset: number): Position {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: Math.min(offset, text.length) - lineStarts[lo]! };
}

function lineStartsOf(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);

/** A predicate: does a diagnostic's range overlap `span` of `text`? */
function overlapping(text: string, span: Span): (d: Diagnostic) => boolean {
  const starts = lineStartsOf(text);
  const [start, end] = [positionAt(text, starts, span.start), positionAt(text, starts, span.end)];
  return (d) => before(d.range.start, end) && before(start, d.range.end);
}

function evaluate(mutations: readonly TextMutation[], originals: ReadonlyMap<string, string>, diagnose: Diagnose): Outcome[] {
  const cache = new Map<string, Diagnostic[]>();
  const uriOf = (name: string) => pathToFileURL(path.join(ROOT, name.replace(/ \(.*\)$/, ''))).href;
  return mutations.map((mutation) => {
    const original = originals.get(mutation.base);
    if (original === undefined) throw new Error(`no original text for ${mutation.base}`);
    let old = cache.get(mutation.base);
    if (!old) {
      old = diagnose(original, uriOf(mutation.base));
      cache.set(mutation.base, old);
    }
    const codes: readonly string[] = KIND_CODES[mutation.kind];
    const fits = (d: Diagnostic) => codes.includes(String(d.code));
    const onOriginal = overlapping(original, mutation.originalSpan);
    const preflagged = old.some((d) => fits(d) && onOriginal(d));
    const left = new Map<string, number>();
    const key = (d: Diagnostic) => `${String(d.code)}@${d.range.start.line}`;
    for (const d of old) left.set(key(d), (left.get(key(d)) ?? 0) + 1);
    const now = diagnose(mutation.text, uriOf(mutation.base));
    const fresh = now.filter((d) => {
      const n = left.get(key(d)) ?? 0;
      if (n > 0) left.set(key(d), n - 1);
      return n === 0;
    });
    const onSite = overlapping(mutation.text, mutation.span);
    const hit = (d: Diagnostic) => fits(d) && onSite(d);
    return { mutation, preflagged, caught: !preflagged && now.some(hit), fresh, collateral: fresh.filter((d) => !hit(d)) };
  });
}

function tally(outcomes: readonly Outcome[], sites: number): Tally {
  const scored = outcomes.filter((o) => !o.preflagged);
  const caught = scored.filter((o) => o.caught).length;
  return { sites, planted: scored.length, preflagged: outcomes.length - scored.length, caught, recall: scored.length === 0 ? null : caught / scored.length };
}

export interface TextSuiteOptions {
  readonly seed?: number;
  readonly maxPerKind?: number;
  readonly diagnose?: Diagnose;
  /** The documents to plant into (default: the development corpus, see corpus.ts). */
  readonly docs?: readonly ReportText[];
}

/** Finds sites in the corpus, plants one slip per sampled site, runs the checks, and tallies recall. */
export function runTextSuite(options: TextSuiteOptions = {}): TextSuiteReport {
  const started = performance.now();
  const seed = options.seed ?? DEFAULT_SEED;
  const maxPerKind = options.maxPerKind ?? MAX_PER_KIND;
  const diagnose = options.diagnose ?? serviceDiagnose();
  const docs = options.docs ?? loadCorpus();
  const { found, mutations } = plantText(docs, seed, maxPerKind);
  const outcomes = evaluate(mutations, new Map(docs.map((d) => [d.name, d.text])), diagnose);

  const rows: Row[] = [];
  for (const kind of SITE_KINDS) {
    for (const language of LANGUAGES) {
      const sites = found.filter((f) => f.kind === kind && f.language === language).reduce((s, f) => s + f.count, 0);
      rows.push({ kind, language, ...tally(outcomes.filter((o) => o.mutation.kind === kind && o.mutation.language === language), sites) });
    }
  }
  const sitesOf = (language?: Language) => found.filter((f) => !language || f.language === language).reduce((s, f) => s + f.count, 0);
  const totals = {
    zh: tally(outcomes.filter((o) => o.mutation.language === 'zh'), sitesOf('zh')),
    en: tally(outcomes.filter((o) => o.mutation.language === 'en'), sitesOf('en')),
    all: tally(outcomes, sitesOf()),
  };

  const missionBases = new Map<string, string>([[`${SEED_LIKE} (mission figures)`, missionBase(docs.find((d) => d.name === SEED_LIKE)?.text ?? withoutBom(readFileSync(path.join(ROOT, SEED_LIKE), 'utf8')))]]);
  if (SEED) missionBases.set(`../shared/corpus/${path.basename(SEED)}`, withoutBom(readFileSync(SEED, 'utf8')));
  const mission = missionMutations(missionBases);
  const missionOutcomes = evaluate(mission, missionBases, diagnose);

  const collateral: Record<string, number> = {};
  for (const o of outcomes) for (const d of o.collateral) collateral[String(d.code)] = (collateral[String(d.code)] ?? 0) + 1;
  return { seed, maxPerKind, rows, totals, mission: tally(missionOutcomes, mission.length), collateral, outcomes, missionOutcomes, milliseconds: performance.now() - started };
}

/** The committed floors (test/mutation/floor.json): recall and a minimum of planted slips per kind and language. */
export interface Floors {
  readonly goal: number;
  readonly recall: Readonly<Record<SiteKind, Readonly<Record<Language, number>>>>;
  readonly minimumPlanted: Readonly<Record<SiteKind, Readonly<Record<Language, number>>>>;
}

export function readFloors(): Floors {
  const raw = JSON.parse(readFileSync(path.join(ROOT, 'test', 'mutation', 'floor.json'), 'utf8')) as Partial<Floors>;
  const table = (name: 'recall' | 'minimumPlanted') => {
    const t = raw[name];
    for (const kind of SITE_KINDS) for (const language of LANGUAGES) if (typeof t?.[kind]?.[language] !== 'number') throw new Error(`test/mutation/floor.json: ${name}.${kind}.${language} must be a number`);
    return t!;
  };
  if (typeof raw.goal !== 'number') throw new Error('test/mutation/floor.json: goal must be a number');
  return { goal: raw.goal, recall: table('recall'), minimumPlanted: table('minimumPlanted') };
}

/** The rows below their floor (recall or planted count), as messages. */
export function belowFloors(report: TextSuiteReport, floors: Floors): string[] {
  const out: string[] = [];
  for (const row of report.rows) {
    const floor = floors.recall[row.kind][row.language];
    const minimum = floors.minimumPlanted[row.kind][row.language];
    if (row.planted < minimum) out.push(`${row.kind}/${row.language}: ${row.planted} planted < minimum ${minimum}`);
    if (row.recall !== null && row.recall < floor) out.push(`${row.kind}/${row.language}: recall ${row.recall.toFixed(3)} (${row.caught}/${row.planted}) < floor ${floor}`);
  }
  if (report.mission.recall !== 1) out.push(`mission example: ${report.mission.caught}/${report.mission.planted}`);
  return out;
}
