/**
 * The mutation generator: plants inconsistencies of every diagnostic code into real report texts.
 * Pure and seeded — the same files and seed always give the same mutations — so the suite can run
 * in a unit test with a fixed seed. It reads no files itself: callers pass the texts (see corpus.ts).
 *
 * Two families:
 * - insert: a paragraph made from a template (templates.ts) with random numbers that contradict
 *   each other beyond rounding, put at a random paragraph boundary; for heading-sequence, a numbered
 *   heading that skips or repeats, inserted or renumbered in a real run of headings.
 * - edit: a consistent relation that really is in the text (sites.ts) made inconsistent.
 * The mission example (the seed's 1676 / 1686 = 99.4%) is planted separately, see missionMutations.
 */
import type { ReportDocument, Section } from '../../server/src/core/model';
import { parse } from '../../server/src/core/parser/parse';
import type { CheckCode } from '../../server/src/core/settings';
import { chineseNumeral, Rng } from './random';
import { EDIT_SITES, type EditSite } from './sites';
import { HEADING_BODY, HEADING_TITLES, TEMPLATES, type Language, type Template } from './templates';

export type Family = 'insert' | 'edit' | 'mission';

/** Zero-based inclusive line span in the mutated text. */
export type LineSpan = readonly [number, number];

export interface Mutation {
  readonly id: string;
  readonly kind: CheckCode;
  readonly family: Family;
  /** Which base file (repository-relative path) was mutated. */
  readonly base: string;
  /** The template, heading operation or edit site used. */
  readonly template: string;
  /** What was planted, with the arithmetic. */
  readonly note: string;
  /** The mutated text. */
  readonly text: string;
  /** Where the planted inconsistency stands in the mutated text: a diagnostic must touch one of these. */
  readonly lines: readonly LineSpan[];
  /** Lines inserted before original line `at` (so original line n is line n + Σ count(at ≤ n) here). */
  readonly inserted: readonly { readonly at: number; readonly count: number }[];
}

export const DEFAULT_SEED = 20240917;

export interface InsertBase {
  readonly name: string;
  readonly language: Language;
  /** Whether its numbered headings are used for heading-sequence mutations. */
  readonly headings: boolean;
}

export const INSERT_BASES: readonly InsertBase[] = [
  { name: 'test/fixtures/corpus/gov-work-report-2010-zh.txt', language: 'zh', headings: true },
  { name: 'test/fixtures/corpus/gov-work-report-2012-zh.txt', language: 'zh', headings: true },
  { name: 'test/fixtures/corpus/gov-work-report-2014-zh.txt', language: 'zh', headings: true },
  { name: 'test/fixtures/seed-like-zh.report', language: 'zh', headings: false },
  { name: 'test/fixtures/corpus/bls-employment-situation-2023-03-en.md', language: 'en', headings: false },
];

export const SEED_LIKE = 'test/fixtures/seed-like-zh.report';

/** The codes of design.md that the suite plants: every figure and heading check. */
export const PLANTED_KINDS = ['rate-mismatch', 'part-exceeds-whole', 'sum-mismatch', 'change-mismatch', 'count-mismatch', 'conflicting-figure', 'heading-sequence'] as const satisfies readonly CheckCode[];
export type PlantedKind = (typeof PLANTED_KINDS)[number];

/** How many insertions of each kind, per language (heading-sequence: Chinese government reports only). */
export const INSERT_COUNTS: Readonly<Record<PlantedKind, Readonly<Record<Language, number>>>> = {
  'rate-mismatch': { zh: 28, en: 12 },
  'part-exceeds-whole': { zh: 20, en: 8 },
  'sum-mismatch': { zh: 20, en: 8 },
  'change-mismatch': { zh: 24, en: 12 },
  'count-mismatch': { zh: 20, en: 8 },
  'conflicting-figure': { zh: 18, en: 8 },
  'heading-sequence': { zh: 24, en: 0 },
};

/** Every file plant() needs, as repository-relative paths. */
export function requiredFiles(): string[] {
  return [...new Set([...INSERT_BASES.map((b) => b.name), ...EDIT_SITES.map((s) => s.base)])];
}

/** All mutations for the seed: insertions of every kind, then edits of real relations. */
export function plant(files: ReadonlyMap<string, string>, seed = DEFAULT_SEED): Mutation[] {
  const rng = new Rng(seed);
  const prepared = new Map<string, Prepared>();
  const prepare = (name: string): Prepared => {
    let p = prepared.get(name);
    if (!p) {
      const text = files.get(name);
      if (text === undefined) throw new Error(`plant(): missing file ${name}`);
      p = prepareBase(name, text);
      prepared.set(name, p);
    }
    return p;
  };
  const out: Mutation[] = [];
  const add = (m: Omit<Mutation, 'id'>) => out.push({ id: `${String(out.length + 1).padStart(3, '0')}-${m.template}`, ...m });

  for (const kind of PLANTED_KINDS) {
    const perLanguage = INSERT_COUNTS[kind];
    for (const language of ['zh', 'en'] as const) {
      const count = perLanguage[language];
      if (kind === 'heading-sequence') {
        const bases = INSERT_BASES.filter((b) => b.language === language && b.headings).map((b) => prepare(b.name));
        for (let i = 0; i < count; i++) add(headingMutation(rng, rng.pick(bases), HEADING_OPS[i % HEADING_OPS.length]!));
        continue;
      }
      const templates = TEMPLATES.filter((t) => t.kind === kind && t.language === language);
      const bases = INSERT_BASES.filter((b) => b.language === language).map((b) => prepare(b.name));
      for (let i = 0; i < count; i++) add(insertion(rng, rng.pick(bases), templates[i % templates.length]!));
    }
  }
  for (const site of EDIT_SITES) {
    const base = prepare(site.base);
    const seen = new Set<string>();
    for (let i = 0; i < site.count; i++) {
      const m = edit(rng, base, site, seen);
      if (m) add(m);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Bases

interface Slot {
  /** Insert after this (original) line. */
  readonly after: number;
  /** Index of the innermost section the paragraph belongs to. */
  readonly section: number;
  /** Paragraphs separated by blank lines, or one per line with none between. */
  readonly blank: boolean;
  readonly indent: string;
}

interface Run {
  readonly headings: readonly Section[];
}

interface Prepared {
  readonly name: string;
  readonly text: string;
  readonly lines: readonly string[];
  readonly doc: ReportDocument;
  readonly slots: readonly Slot[];
  readonly runs: readonly Run[];
}

function prepareBase(name: string, text: string): Prepared {
  const doc = parse(text);
  const lines = text.split('\n');
  const sections: Section[] = [];
  const visit = (list: readonly Section[]) => {
    for (const s of list) {
      sections.push(s);
      visit(s.children);
    }
  };
  visit(doc.sections);
  const innermost = (line: number): number => {
    let best = -1;
    sections.forEach((s, i) => {
      if (s.firstLine <= line && line <= s.lastLine && (best < 0 || s.firstLine >= sections[best]!.firstLine)) best = i;
    });
    return best;
  };
  const slots: Slot[] = [];
  for (const block of doc.blocks) {
    if (block.kind !== 'paragraph') continue;
    const body = lines.slice(block.firstLine, block.lastLine + 1).join(' ');
    // Real prose only: a sentence end and some length (not contact lines, captions or stray fragments).
    if (body.trim().length < 30 || !/[。.！!？?]\s*$/.test(body.trim())) continue;
    slots.push({ after: block.lastLine, section: innermost(block.firstLine), blank: block.blankAfter && block.lastLine + 1 < lines.length, indent: /^[ \t\u3000]*/.exec(lines[block.firstLine]!)![0] });
  }
  return { name, text, lines, doc, slots, runs: headingRuns(doc) };
}

/** Runs of sibling sections numbered 1, 2, 3… in one style (一、二、三; （一）（二）; 1. 2.). */
function headingRuns(doc: ReportDocument): Run[] {
  const runs: Run[] = [];
  const visit = (children: readonly Section[]) => {
    let current: Section[] = [];
    const flush = () => {
      if (current.length >= 2 && current.every((s, i) => s.heading.numbering!.value === i + 1)) runs.push({ headings: current });
      current = [];
    };
    for (const child of children) {
      const numbering = child.heading.numbering;
      if (!numbering || !['cn-list', 'cn-paren', 'decimal', 'paren-decimal'].includes(numbering.style)) flush();
      else if (current.length > 0 && current[0]!.heading.numbering!.style !== numbering.style) {
        flush();
        current.push(child);
      } else current.push(child);
      visit(child.children);
    }
    flush();
  };
  visit(doc.sections);
  return runs;
}

// ---------------------------------------------------------------------------------------------
// Insertions

interface Placement {
  readonly slot: Slot;
  readonly paragraphs: readonly string[];
}

/** Inserts paragraphs after the given slots; returns the text, the inserted paragraphs' lines and the line map. */
function insertAt(base: Prepared, placements: readonly Placement[]): Pick<Mutation, 'text' | 'lines' | 'inserted'> {
  const byLine = new Map<number, string[]>();
  for (const { slot, paragraphs } of placements) {
    const list = byLine.get(slot.after) ?? [];
    for (const paragraph of paragraphs) {
      if (slot.blank) list.push('');
      list.push(slot.indent + paragraph);
    }
    byLine.set(slot.after, list);
  }
  const out: string[] = [];
  const lines: LineSpan[] = [];
  const inserted: { at: number; count: number }[] = [];
  base.lines.forEach((line, i) => {
    out.push(line);
    const added = byLine.get(i);
    if (!added) return;
    for (const text of added) {
      if (text !== '' && !/^\s*$/.test(text)) lines.push([out.length, out.length]);
      out.push(text);
    }
    inserted.push({ at: i + 1, count: added.length });
  });
  return { text: out.join('\n'), lines, inserted };
}

function insertion(rng: Rng, base: Prepared, template: Template): Omit<Mutation, 'id'> {
  const planted = template.make(rng);
  let placements: Placement[];
  if (planted.paragraphs.length === 1) placements = [{ slot: rng.pick(base.slots), paragraphs: planted.paragraphs }];
  else {
    // Both statements in one section: pick a section that has a paragraph boundary, then two boundaries in it.
    const section = rng.pick(base.slots).section;
    const inSection = base.slots.filter((s) => s.section === section);
    const [a, b] = [rng.pick(inSection), rng.pick(inSection)].sort((x, y) => x.after - y.after) as [Slot, Slot];
    placements = a === b ? [{ slot: a, paragraphs: planted.paragraphs }] : planted.paragraphs.map((p, i) => ({ slot: i === 0 ? a : b, paragraphs: [p] }));
  }
  return { kind: template.kind, family: 'insert', base: base.name, template: template.id, note: planted.note, ...insertAt(base, placements) };
}

// ---------------------------------------------------------------------------------------------
// Headings

type HeadingOp = 'insert-skip' | 'renumber-skip' | 'insert-repeat' | 'renumber-repeat';
const HEADING_OPS: readonly HeadingOp[] = ['insert-skip', 'renumber-skip', 'insert-repeat', 'renumber-repeat'];

function renumberMarker(marker: string, value: number): string {
  if (/[一二三四五六七八九十]/.test(marker)) return marker.replace(/[一二三四五六七八九十]+/, chineseNumeral(value));
  return marker.replace(/[0-9０-９]+/, String(value));
}

function headingMutation(rng: Rng, base: Prepared, op: HeadingOp): Omit<Mutation, 'id'> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const run = rng.pick(base.runs);
    const list = run.headings;
    const last = list.length;
    let target: Section;
    let value: number;
    if (op === 'insert-skip') {
      target = list[last - 1]!;
      value = last + rng.int(2, 3);
    } else if (op === 'insert-repeat') {
      target = list[rng.int(0, last - 1)]!;
      value = target.heading.numbering!.value;
    } else if (op === 'renumber-skip') {
      const i = rng.int(1, last - 1);
      target = list[i]!;
      value = i + 1 + (i === last - 1 ? rng.int(1, 2) : 1);
    } else {
      const i = rng.int(1, last - 1);
      target = list[i]!;
      value = i;
    }
    const heading = target.heading;
    const numbering = heading.numbering!;
    const marker = renumberMarker(base.text.slice(numbering.span.start, numbering.span.end), value);
    const lineStart = base.doc.lines.lineStart(heading.line);
    let result: Pick<Mutation, 'text' | 'lines' | 'inserted'>;
    if (op.startsWith('renumber')) {
      const text = base.text.slice(0, numbering.span.start) + marker + base.text.slice(numbering.span.end);
      result = { text, lines: [[heading.line, heading.line]], inserted: [] };
    } else {
      const prefix = base.text.slice(lineStart, numbering.span.start);
      const title = rng.pick(HEADING_TITLES);
      const body = rng.pick(HEADING_BODY);
      const block = base.doc.blocks[heading.block]!;
      const bodyIndent = /^[ \t\u3000]*/.exec(base.lines[Math.min(heading.line + 1, base.lines.length - 1)] ?? '')![0];
      const added = heading.runIn ? [`${prefix}${marker}${title}。${body}`] : [`${prefix}${marker}${title}`, `${bodyIndent}${body}`];
      const blank = block.blankAfter;
      const after = target.lastLine;
      const insertedLines = blank ? added.flatMap((l) => ['', l]) : added;
      const out = [...base.lines.slice(0, after + 1), ...insertedLines, ...base.lines.slice(after + 1)];
      const headingLine = after + 1 + (blank ? 1 : 0);
      result = { text: out.join('\n'), lines: [[headingLine, headingLine]], inserted: [{ at: after + 1, count: insertedLines.length }] };
    }
    // The parser must see the planted heading with the planted number, or the mutation tests nothing.
    const line = result.lines[0]![0];
    const seen = parse(result.text).headings.find((h) => h.line === line);
    if (!seen || seen.numbering?.value !== value) continue;
    const from = list.map((s) => s.heading.numbering!.value);
    return {
      kind: 'heading-sequence',
      family: 'insert',
      base: base.name,
      template: `heading-${op}`,
      note: `${op}: ${marker.trim()} in the run ${base.text.slice(list[0]!.heading.numbering!.span.start, list[0]!.heading.numbering!.span.end).trim()}…(${from.length}) at line ${line + 1}`,
      ...result,
    };
  }
  throw new Error(`no ${op} heading mutation found in ${base.name}`);
}

// ---------------------------------------------------------------------------------------------
// Edits of real relations

function edit(rng: Rng, base: Prepared, site: EditSite, seen: Set<string>): Omit<Mutation, 'id'> | undefined {
  const at = base.text.indexOf(site.anchor);
  if (at < 0 || base.text.indexOf(site.anchor, at + 1) >= 0) throw new Error(`edit site ${site.id}: the anchor must occur exactly once in ${site.base}`);
  for (let attempt = 0; attempt < 20; attempt++) {
    const { replacement, note } = site.make(rng);
    if (replacement === site.anchor || seen.has(replacement)) continue;
    seen.add(replacement);
    const text = base.text.slice(0, at) + replacement + base.text.slice(at + site.anchor.length);
    const first = base.doc.lines.lineAt(at);
    const last = first + (replacement.match(/\n/g)?.length ?? 0);
    return { kind: site.kind, family: 'edit', base: base.name, template: site.id, note, text, lines: [[first, last]], inserted: [] };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The mission example

/** The stated rates the mission example is checked with: each must be flagged. */
export const MISSION_RATES = ['99.6', '99.7', '99.0', '98.8', '97.4'] as const;

const MISSION_ANCHOR = '完成问题整改1676个、整改率99.4%';

/**
 * The seed-like fixture carrying the mission's figures: 6个方面1686个问题 … 完成问题整改1676个、
 * 整改率99.4% (consistent, 1676 / 1686 = 99.41%), in the seed's paragraph structure.
 */
export function missionBase(seedLike: string): string {
  const replaced = seedLike.replace('检视出7个方面2350个问题', '检视出6个方面1686个问题').replace('完成问题整改2331个、整改率99.2%,其余19个问题', `${MISSION_ANCHOR},其余10个问题`);
  if (!replaced.includes('检视出6个方面1686个问题') || !replaced.includes(MISSION_ANCHOR)) throw new Error('the seed-like fixture no longer has the mission paragraph');
  return replaced;
}

/**
 * The mission example with each of MISSION_RATES: in the seed-like structure, and, when the caller
 * has it (`../shared/corpus`, not shipped), in the real seed report too.
 */
export function missionMutations(seedLike: string, seed?: { name: string; text: string }): { bases: Map<string, string>; mutations: Mutation[] } {
  const bases = new Map<string, string>([[`${SEED_LIKE} (mission figures)`, missionBase(seedLike)]]);
  if (seed) bases.set(seed.name, seed.text);
  const mutations: Mutation[] = [];
  for (const [name, text] of bases) {
    const at = text.indexOf(MISSION_ANCHOR);
    if (at < 0) throw new Error(`${name} has no “${MISSION_ANCHOR}”`);
    const line = parse(text).lines.lineAt(at);
    for (const rate of MISSION_RATES) {
      const mutated = text.slice(0, at) + MISSION_ANCHOR.replace('99.4%', `${rate}%`) + text.slice(at + MISSION_ANCHOR.length);
      mutations.push({
        id: `mission-${rate}${name === SEED_LIKE + ' (mission figures)' ? '' : '-seed'}`,
        kind: 'rate-mismatch',
        family: 'mission',
        base: name,
        template: 'mission',
        note: `stated ${rate}%, but 1676 / 1686 = 99.41%`,
        text: mutated,
        lines: [[line, line]],
        inserted: [],
      });
    }
  }
  return { bases, mutations };
}
