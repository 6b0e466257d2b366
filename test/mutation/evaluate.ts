/**
 * Runs the checks over planted mutations and scores them.
 *
 * A mutation is caught when the mutated text has a diagnostic with the planted code that touches the
 * mutated line(s) and that is new (the original text had no such diagnostic there). Diagnostics of
 * other codes that only the mutated text has are collateral: reported, never a failure.
 */
import { readFileSync } from 'node:fs';
import { withoutBom } from '../../server/src/core/text/chars';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { getReportLanguageService } from '../../server/src/core/languageService';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { ROOT, SEED } from '../support/paths';
import { DEFAULT_SEED, missionMutations, plant, PLANTED_KINDS, requiredFiles, SEED_LIKE, type Family, type Mutation, type PlantedKind } from './plant';

/** Diagnostics of a text, as the server computes them (default settings: every check on). */
export type Diagnose = (text: string, uri: string) => Diagnostic[];

/** The language service's diagnostics with default settings (every check on), English messages. */
export function serviceDiagnose(): Diagnose {
  const service = getReportLanguageService();
  return (text, uri) => service.diagnostics(service.parse(text), DEFAULT_SETTINGS, { locale: 'en', uri });
}

export interface Outcome {
  readonly mutation: Mutation;
  readonly caught: boolean;
  /** The original already had a diagnostic of the planted code on these lines (so this one proves nothing). */
  readonly preflagged: boolean;
  /** New diagnostics of the planted code on the mutated lines. */
  readonly hits: readonly Diagnostic[];
  /** New diagnostics of other codes, anywhere. */
  readonly collateral: readonly Diagnostic[];
  /** Every new diagnostic, anywhere (for reporting misses). */
  readonly fresh: readonly Diagnostic[];
}

function touches(d: Diagnostic, lines: Mutation['lines']): boolean {
  return lines.some(([first, last]) => d.range.start.line <= last && d.range.end.line >= first);
}

function mapLine(line: number, inserted: Mutation['inserted']): number {
  let shifted = line;
  for (const { at, count } of inserted) if (at <= line) shifted += count;
  return shifted;
}

export function evaluate(mutations: readonly Mutation[], originals: ReadonlyMap<string, string>, diagnose: Diagnose): Outcome[] {
  const before = new Map<string, Diagnostic[]>();
  const uriOf = (name: string) => pathToFileURL(path.join(ROOT, name.replace(/ \(.*\)$/, ''))).href;
  return mutations.map((mutation) => {
    let original = before.get(mutation.base);
    if (!original) {
      const text = originals.get(mutation.base);
      if (text === undefined) throw new Error(`no original text for ${mutation.base}`);
      original = diagnose(text, uriOf(mutation.base));
      before.set(mutation.base, original);
    }
    // Original diagnostics, moved to where their lines are in the mutated text.
    const old = new Map<string, number>();
    const keyOf = (code: unknown, start: number, end: number) => `${String(code)}@${start}-${end}`;
    for (const d of original) {
      const key = keyOf(d.code, mapLine(d.range.start.line, mutation.inserted), mapLine(d.range.end.line, mutation.inserted));
      old.set(key, (old.get(key) ?? 0) + 1);
    }
    const preflagged = original.some(
      (d) =>
        d.code === mutation.kind &&
        touches({ ...d, range: { start: { ...d.range.start, line: mapLine(d.range.start.line, mutation.inserted) }, end: { ...d.range.end, line: mapLine(d.range.end.line, mutation.inserted) } } }, mutation.lines),
    );
    const fresh: Diagnostic[] = [];
    for (const d of diagnose(mutation.text, uriOf(mutation.base))) {
      const key = keyOf(d.code, d.range.start.line, d.range.end.line);
      const left = old.get(key) ?? 0;
      if (left > 0) old.set(key, left - 1);
      else fresh.push(d);
    }
    const hits = fresh.filter((d) => d.code === mutation.kind && touches(d, mutation.lines));
    return { mutation, caught: !preflagged && hits.length > 0, preflagged, hits, collateral: fresh.filter((d) => d.code !== mutation.kind), fresh };
  });
}

export interface Tally {
  planted: number;
  caught: number;
  rate: number;
}

export interface KindRow extends Tally {
  readonly kind: PlantedKind;
  readonly byFamily: Record<Exclude<Family, 'mission'>, Tally>;
  readonly templates: Record<string, Tally>;
}

export interface SuiteReport {
  readonly seed: number;
  readonly kinds: readonly KindRow[];
  /** Insertions and edits together (the mission example is scored on its own). */
  readonly overall: Tally;
  readonly mission: Tally;
  /** New diagnostics of other codes, by code. */
  readonly collateral: Record<string, number>;
  readonly mutationsWithCollateral: number;
  readonly outcomes: readonly Outcome[];
  readonly missionOutcomes: readonly Outcome[];
  readonly milliseconds: number;
}

function tally(list: readonly Outcome[]): Tally {
  const caught = list.filter((o) => o.caught).length;
  return { planted: list.length, caught, rate: list.length === 0 ? 1 : caught / list.length };
}

/** Reads the files the suite needs (and the real seed report when ../shared is there). */
export function loadFiles(): { files: Map<string, string>; seed: { name: string; text: string } | undefined } {
  const files = new Map<string, string>();
  for (const name of requiredFiles()) files.set(name, withoutBom(readFileSync(path.join(ROOT, name), 'utf8')));
  const seed = SEED ? { name: `../shared/corpus/${path.basename(SEED)}`, text: withoutBom(readFileSync(SEED, 'utf8')) } : undefined;
  return { files, seed };
}

/** Plants the mutations for `seed`, runs the checks, and scores them. */
export function runSuite(options: { seed?: number; diagnose?: Diagnose } = {}): SuiteReport {
  const started = performance.now();
  const seed = options.seed ?? DEFAULT_SEED;
  const diagnose = options.diagnose ?? serviceDiagnose();
  const { files, seed: seedReport } = loadFiles();
  const mutations = plant(files, seed);
  const outcomes = evaluate(mutations, files, diagnose);
  const mission = missionMutations(files.get(SEED_LIKE)!, seedReport);
  const missionOutcomes = evaluate(mission.mutations, mission.bases, diagnose);

  const kinds: KindRow[] = PLANTED_KINDS.map((kind) => {
    const mine = outcomes.filter((o) => o.mutation.kind === kind);
    const templates: Record<string, Tally> = {};
    for (const id of new Set(mine.map((o) => o.mutation.template))) templates[id] = tally(mine.filter((o) => o.mutation.template === id));
    return {
      kind,
      ...tally(mine),
      byFamily: { insert: tally(mine.filter((o) => o.mutation.family === 'insert')), edit: tally(mine.filter((o) => o.mutation.family === 'edit')) },
      templates,
    };
  });
  const collateral: Record<string, number> = {};
  for (const o of outcomes) for (const d of o.collateral) collateral[String(d.code)] = (collateral[String(d.code)] ?? 0) + 1;
  return {
    seed,
    kinds,
    overall: tally(outcomes),
    mission: tally(missionOutcomes),
    collateral,
    mutationsWithCollateral: outcomes.filter((o) => o.collateral.length > 0).length,
    outcomes,
    missionOutcomes,
    milliseconds: performance.now() - started,
  };
}

/** The committed floor for the overall catch rate, and the goal (test/mutation/floor.json). */
export function readFloor(): { overall: number; goal: number } {
  const floor = JSON.parse(readFileSync(path.join(ROOT, 'test', 'mutation', 'floor.json'), 'utf8')) as { overall?: unknown; goal?: unknown };
  if (typeof floor.overall !== 'number') throw new Error('test/mutation/floor.json needs a numeric "overall"');
  return { overall: floor.overall, goal: typeof floor.goal === 'number' ? floor.goal : 0.9 };
}
