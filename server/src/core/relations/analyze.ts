import type { Clause } from '../clauses/types';
import type { Figure } from '../figures/figure';
import { indexAt, itemAt } from '../text/spans';
import type { Paragraph, ReportDocument, TextSpan } from '../model';
import { placedFigures, readingOfBlock, type BlockReading } from '../parser/parse';
import { takeCarried, type CarriedBlocks } from '../versions';
import { findChanges } from './changes';
import { findConflicts, findStatements, type Statement } from './conflicts';
import { paragraphContext, type SentenceView } from './context';
import { closesList, findCounts, markersFrom } from './counts';
import { findHeadingSequences } from './headingSequence';
import { findNamedWholes, NAMED_WHOLE_PARAGRAPHS, namedWholeRelation, resolveWhole, type NamedLevel, type WholeReference } from './namedWholes';
import { findPartsAndSums } from './partsAndSums';
import { findRates, pendingDenominator, rateRelation, type RateFinding } from './rates';
import { findShareSums } from './shareSums';
import { findTableRelations } from './tables';
import { findReadings, moveReading, readingFigures, type ReadingRelation } from './readings';
import type { ChangeRelation, ConflictRelation, CountRelation, HeadingSequenceRelation, PartRelation, RateRelation, Relation, ShareSumRelation, SumRelation, UnverifiableRelation } from './types';

/** The relations that lie within one paragraph. */
export interface ParagraphRelations {
  readonly parts: readonly PartRelation[];
  readonly sums: readonly SumRelation[];
  readonly shareSums: readonly ShareSumRelation[];
  readonly changes: readonly ChangeRelation[];
  readonly counts: readonly CountRelation[];
  /** Look-alikes whose clauses make them not checkable: shown, never flagged. */
  readonly unverifiable: readonly UnverifiableRelation[];
  /** Size words, multiples in 倍 and percentages of a count, read against their figures. */
  readonly readings: readonly ReadingRelation[];
}

export interface Relations extends ParagraphRelations {
  readonly rates: readonly RateRelation[];
  readonly conflicts: readonly ConflictRelation[];
  readonly headings: readonly HeadingSequenceRelation[];
  readonly all: readonly Relation[];
}

/** Relations are computed once per model: diagnostics, hover and inlay hints share them. */
const cache = new WeakMap<ReportDocument, Relations>();

/**
 * Every relation a figure takes part in, not verifiable ones included, in the order of
 * `[...all, ...unverifiable]`: a hover places only the figure's own paragraph.
 */
export function relationsOfFigure(doc: ReportDocument, figure: Figure): readonly (Relation | UnverifiableRelation)[] {
  const relations = relationsOf(doc);
  if (relations instanceof RelationsView) return relations.ofFigure(indexAt(doc.paragraphs, figure.span.start, (p) => p.span), figure);
  return [...relations.all, ...relations.unverifiable].filter((relation) => figuresOf(relation).includes(figure));
}

/** The figures a relation links. */
export function figuresOf(relation: Relation | UnverifiableRelation): readonly Figure[] {
  switch (relation.type) {
    case 'rate':
      return [relation.numerator, relation.denominator, relation.rate];
    case 'part':
      return relation.wholeFrom ? [relation.part, relation.whole, relation.wholeFrom] : [relation.part, relation.whole];
    case 'sum':
      return [relation.total, ...relation.parts];
    case 'share-sum':
      return relation.shares;
    case 'change':
      return [...(relation.before ? [relation.before] : []), ...(relation.after ? [relation.after] : []), ...(relation.delta ? [relation.delta] : []), relation.stated];
    case 'conflict':
      return [relation.first, relation.second];
    case 'unverifiable':
      return relation.figures;
    case 'size-word':
    case 'multiple':
    case 'impossible-percentage':
      return readingFigures(relation);
    default:
      return NONE;
  }
}

/**
 * The clauses of the sentence at `offset`, as the checks read them (spans in
 * this version of the document), or undefined outside a paragraph.
 */
export function clausesAt(doc: ReportDocument, offset: number): readonly Clause[] | undefined {
  relationsOf(doc);
  const table = findingTables.get(doc);
  const paragraph = itemAt(doc.paragraphs, offset, (p) => p.span);
  const placed = paragraph && table?.[paragraph.block];
  if (!placed) return undefined;
  const at = offset - placed.delta;
  const sentence = placed.findings.sentences.find((s) => s.span.start <= at && at < s.span.end);
  if (!sentence) return undefined;
  const current = placed.current;
  if (placed.delta === 0 && current === same) return sentence.clauses.clauses;
  return sentence.clauses.clauses.map((clause) => ({ ...clause, span: { start: clause.span.start + placed.delta, end: clause.span.end + placed.delta }, figures: clause.figures.map((f) => ({ ...f, figure: current(f.figure) })) }));
}

export function relationsOf(doc: ReportDocument): Relations {
  let relations = cache.get(doc);
  if (!relations) {
    relations = analyze(doc);
    cache.set(doc, relations);
  }
  return relations;
}

/** The relations that do not hold, in the order of `relationsOf(doc).all`: what the diagnostics report. */
export function failingRelations(doc: ReportDocument): readonly Relation[] {
  const relations = relationsOf(doc);
  return relations instanceof RelationsView ? relations.failing() : relations.all.filter((r) => !r.consistent);
}

/**
 * What the checks find inside one paragraph. Every check but two looks only
 * within a paragraph, so these findings are a function of the paragraph's text:
 * they are found once and carried to later versions of the document for every
 * paragraph an edit did not touch. Rates whose denominator stands in an earlier
 * paragraph and conflicts between statements are settled afterwards over the
 * whole document.
 */
interface Findings extends ParagraphRelations {
  /** The block's figures when the findings were made; later versions map them by index. */
  readonly figures: readonly Figure[];
  /** The parser's reading of the block they were made from: a later version with the same reading has the same figures. */
  readonly reading: BlockReading;
  readonly bodyStart: number;
  readonly sentences: readonly SentenceView[];
  readonly rates: readonly RateFinding[];
  readonly statements: readonly Statement[];
  readonly namedLevels: readonly NamedLevel[];
  readonly wholeReferences: readonly WholeReference[];
  /** Whether any relation found here does not hold: only those paragraphs are placed for the diagnostics. */
  readonly failing: boolean;
  /** Where each of `figures` stands in it, built when a later version first needs it. */
  index?: Map<Figure, number>;
}

/**
 * A paragraph's findings in one version of the document: where they were made,
 * moved by `delta`. Nothing is moved until asked for: the diagnostics place only
 * the relations that do not hold, and the full lists are made on first use.
 * It is also the paragraph as the passes across paragraphs see it (its section's
 * scope, sentences, statements and figure mapping): one object per paragraph and version.
 */
class PlacedFindings {
  /** The section the paragraph stands in, set by each version's pass before it is read (the passes run in one go). */
  scope = -1;
  #current: ((figure: Figure) => Figure) | undefined;

  constructor(
    readonly findings: Findings,
    readonly delta: number,
    /** The parser's reading of the block in this version (its figures, placed on first use). */
    readonly reading: BlockReading,
  ) {}

  get sentences(): readonly SentenceView[] {
    return this.findings.sentences;
  }
  get statements(): readonly Statement[] {
    return this.findings.statements;
  }
  /** How a figure of the findings maps to the same figure in this version; made once, shared by the versions that leave the paragraph where it is. */
  get current(): (figure: Figure) => Figure {
    return (this.#current ??= mapperOf(this));
  }
}

/** What a paragraph adds that depends on other paragraphs: settled at every version, in the order they were found. */
interface Settled {
  /** For each rate finding waiting for a denominator, in order: the rate it makes, if any. */
  readonly pending: readonly (RateRelation | undefined)[];
  /** Rates and parts of a named whole (全市…其中…), in order. */
  readonly wholeRates: readonly RateRelation[];
  readonly wholeParts: readonly PartRelation[];
  readonly failing: boolean;
}

/** Findings per block index (paragraphs and list items only), kept per model for the next version. */
const findingTables = new WeakMap<ReportDocument, readonly (PlacedFindings | undefined)[]>();

function analyze(doc: ReportDocument): Relations {
  const carried = takeCarried(doc, 'relations');
  const before = carried && findingTables.get(carried.previous);
  const table: (PlacedFindings | undefined)[] = new Array(doc.blocks.length);
  const placedList: PlacedFindings[] = new Array(doc.paragraphs.length);
  const settledList: (Settled | undefined)[] = new Array(doc.paragraphs.length);
  const counts: CountRelation[] = [];
  // Named levels of the current section's recent paragraphs, for references to a named whole.
  const namedLevels: (NamedLevel & { paragraph: number })[] = [];
  let namedScope = -1;
  let h = 0;
  doc.paragraphs.forEach((paragraph, p) => {
    // Sentences under the same heading share a scope.
    while (h < doc.headings.length && doc.headings[h]!.block <= paragraph.block) h++;
    const placed = carriedFindings(carried, before, doc, paragraph) ?? freshFindings(doc, paragraph);
    table[paragraph.block] = placed;
    placedList[p] = placed;
    const { findings, delta } = placed;
    placed.scope = h;
    let pending: (RateRelation | undefined)[] | undefined;
    for (let k = 0; k < findings.rates.length; k++) {
      const finding = findings.rates[k]!;
      if (finding.type === 'rate') continue;
      const found = pendingDenominator(placedList, p, finding);
      const current = placed.current;
      (pending ??= []).push(found && rateRelation(current(finding.rate), current(finding.numerator), placedList[found.paragraph]!.current(found.denominator), finding.label));
    }
    let wholeRates: RateRelation[] | undefined;
    let wholeParts: PartRelation[] | undefined;
    if (findings.namedLevels.length > 0 || findings.wholeReferences.length > 0) {
      if (h !== namedScope) {
        namedLevels.length = 0;
        namedScope = h;
      }
      const current = placed.current;
      const levels = findings.namedLevels.map((l) => ({ figure: current(l.figure), words: l.words, paragraph: p }));
      namedLevels.push(...levels);
      while (namedLevels.length > 0 && namedLevels[0]!.paragraph < p - NAMED_WHOLE_PARAGRAPHS) namedLevels.shift();
      for (let k = 0; k < findings.wholeReferences.length; k++) {
        const reference = findings.wholeReferences[k]!;
        const mapped = { ...reference, part: current(reference.part), ...(reference.rate ? { rate: current(reference.rate) } : {}) };
        const whole = resolveWhole(mapped, namedLevels);
        const relation = whole && namedWholeRelation(mapped, whole);
        if (relation?.type === 'rate') (wholeRates ??= []).push(relation);
        else if (relation) (wholeParts ??= []).push(relation);
      }
    }
    if (pending || wholeRates || wholeParts) {
      const failing = [pending ?? NONE, wholeRates ?? NONE, wholeParts ?? NONE].some((list) => list.some((r) => r !== undefined && !r.consistent));
      settledList[p] = { pending: pending ?? NONE, wholeRates: wholeRates ?? NONE, wholeParts: wholeParts ?? NONE, failing };
    }
    for (let k = 0; k < findings.counts.length; k++) {
      const r = findings.counts[k]!;
      const count = settled(doc, p, delta === 0 ? r : movedCount(r, delta));
      if (count) counts.push(count);
    }
  });
  findingTables.set(doc, table);
  const conflicts = findConflicts(placedList);
  const headings = findHeadingSequences(doc);
  // A table spans many one-line paragraphs: its arithmetic is read over the document, like headings.
  const tables = findTableRelations(doc);
  return new RelationsView(placedList, settledList, counts, conflicts, headings, tables);
}

function movedCount(count: CountRelation, delta: number): CountRelation {
  const move = (span: TextSpan): TextSpan => ({ start: span.start + delta, end: span.end + delta });
  return { ...count, phrase: move(count.phrase), numberSpan: move(count.numberSpan), items: count.items.map(move) };
}

type Lists = { -readonly [K in keyof ParagraphRelations]: ParagraphRelations[K] extends readonly (infer T)[] ? T[] : never } & { rates: RateRelation[] };

/**
 * The relations of one version. The lists of what lies within a paragraph are made on first use
 * (a hover, the inlay hints, the CLI): after an edit, the diagnostics ask only for the relations
 * that do not hold, and only the paragraphs that have one are placed.
 */
class RelationsView implements Relations {
  #lists: Lists | undefined;
  #all: readonly Relation[] | undefined;
  #failing: readonly Relation[] | undefined;

  constructor(
    private readonly placed: readonly PlacedFindings[],
    private readonly settledList: readonly (Settled | undefined)[],
    readonly counts: readonly CountRelation[],
    readonly conflicts: readonly ConflictRelation[],
    readonly headings: readonly HeadingSequenceRelation[],
    private readonly tables: ReturnType<typeof findTableRelations>,
  ) {}

  get rates(): readonly RateRelation[] {
    return this.lists().rates;
  }
  get parts(): readonly PartRelation[] {
    return this.lists().parts;
  }
  get sums(): readonly SumRelation[] {
    return this.lists().sums;
  }
  get shareSums(): readonly ShareSumRelation[] {
    return this.lists().shareSums;
  }
  get changes(): readonly ChangeRelation[] {
    return this.lists().changes;
  }
  get unverifiable(): readonly UnverifiableRelation[] {
    return this.lists().unverifiable;
  }
  get readings(): readonly ReadingRelation[] {
    return this.lists().readings;
  }
  get all(): readonly Relation[] {
    return (this.#all ??= joined(this.lists(), this));
  }

  /** `all` without the relations that hold, in the same order, made without placing the others. */
  failing(): readonly Relation[] {
    if (this.#all) return this.#all.filter((r) => !r.consistent);
    return (this.#failing ??= joined(this.collect(true), this).filter((r) => !r.consistent));
  }

  /**
   * The relations of `figure` (standing in paragraph `p`, or -1) in the order of `[...all, ...unverifiable]`:
   * its paragraph's own, placed alone, and those of other paragraphs that reach it (a denominator, a
   * named whole, a conflict, a table), looked up in an index of what crosses paragraphs.
   */
  ofFigure(p: number, figure: Figure): readonly (Relation | UnverifiableRelation)[] {
    const local = p >= 0 ? emptyLists() : undefined;
    if (local) placeParagraph(this.placed[p]!, this.settledList[p], local, false);
    const cross = this.crossing().get(figure) ?? NONE;
    const out: (Relation | UnverifiableRelation)[] = [];
    const add = (relation: Relation | UnverifiableRelation): void => {
      if (figuresOf(relation).includes(figure) && !out.includes(relation)) out.push(relation);
    };
    for (const type of ['rates', 'parts', 'sums', 'shareSums', 'changes', 'conflicts'] as const) {
      for (const entry of cross) if (entry.list === type && entry.paragraph < p) add(entry.relation);
      if (local && type !== 'conflicts') for (const relation of local[type]) add(relation);
      for (const entry of cross) if (entry.list === type && entry.paragraph > p) add(entry.relation);
    }
    if (local) for (const relation of [...local.readings, ...local.unverifiable]) add(relation);
    return out;
  }

  #crossing: Map<Figure, readonly Crossing[]> | undefined;

  /** By figure: the relations made across paragraphs, each with its list and its paragraph (tables and conflicts after every paragraph). */
  private crossing(): Map<Figure, readonly Crossing[]> {
    if (this.#crossing) return this.#crossing;
    const index = new Map<Figure, Crossing[]>();
    const put = (relation: Relation, list: Crossing['list'], paragraph: number): void => {
      for (const figure of figuresOf(relation)) {
        let entries = index.get(figure);
        if (!entries) index.set(figure, (entries = []));
        entries.push({ relation, list, paragraph });
      }
    };
    this.settledList.forEach((settled, q) => {
      if (!settled) return;
      for (const rate of settled.pending) if (rate) put(rate, 'rates', q);
      for (const rate of settled.wholeRates) put(rate, 'rates', q);
      for (const part of settled.wholeParts) put(part, 'parts', q);
    });
    const after = Number.POSITIVE_INFINITY;
    for (const conflict of this.conflicts) put(conflict, 'conflicts', after);
    for (const rate of this.tables.rates) put(rate, 'rates', after);
    for (const sum of this.tables.sums) put(sum, 'sums', after);
    for (const share of this.tables.shareSums) put(share, 'shareSums', after);
    return (this.#crossing = index);
  }

  private lists(): Lists {
    return (this.#lists ??= this.collect(false));
  }

  /** Every paragraph's relations placed in this version, in document order; with `failingOnly`, those that do not hold. */
  private collect(failingOnly: boolean): Lists {
    const lists = emptyLists();
    for (let p = 0; p < this.placed.length; p++) {
      const placed = this.placed[p]!;
      const extra = this.settledList[p];
      if (failingOnly && !placed.findings.failing && !extra?.failing) continue;
      placeParagraph(placed, extra, lists, failingOnly);
    }
    push(lists.rates, this.tables.rates);
    push(lists.sums, this.tables.sums);
    push(lists.shareSums, this.tables.shareSums);
    return lists;
  }
}

interface Crossing {
  readonly relation: Relation;
  readonly list: 'rates' | 'parts' | 'sums' | 'shareSums' | 'conflicts';
  readonly paragraph: number;
}

function emptyLists(): Lists {
  return { rates: [], parts: [], sums: [], shareSums: [], changes: [], counts: [], unverifiable: [], readings: [] };
}

function joined(lists: Lists, view: RelationsView): readonly Relation[] {
  return [...lists.rates, ...lists.parts, ...lists.sums, ...lists.shareSums, ...lists.changes, ...view.counts, ...view.conflicts, ...view.headings, ...lists.readings];
}

/** One paragraph's relations placed where it stands now, appended to `lists` in the order the checks found them. */
function placeParagraph(placed: PlacedFindings, extra: Settled | undefined, lists: Lists, failingOnly: boolean): void {
  const { findings, delta } = placed;
  const current = placed.current;
  const skip = (r: { readonly consistent: boolean }): boolean => failingOnly && r.consistent;
  let q = 0;
  for (let k = 0; k < findings.rates.length; k++) {
    const finding = findings.rates[k]!;
    if (finding.type !== 'rate') {
      const rate = extra?.pending[q++];
      if (rate && !skip(rate)) lists.rates.push(rate);
      continue;
    }
    if (skip(finding)) continue;
    lists.rates.push(current === same ? finding : { ...finding, rate: current(finding.rate), numerator: current(finding.numerator), denominator: current(finding.denominator) });
  }
  if (extra) {
    for (const r of extra.wholeRates) if (!skip(r)) lists.rates.push(r);
    for (const r of extra.wholeParts) if (!skip(r)) lists.parts.push(r);
  }
  if (current === same && !failingOnly) {
    push(lists.parts, findings.parts);
    push(lists.sums, findings.sums);
    push(lists.shareSums, findings.shareSums);
    push(lists.changes, findings.changes);
    push(lists.unverifiable, findings.unverifiable);
    push(lists.readings, findings.readings);
    return;
  }
  for (let k = 0; k < findings.parts.length; k++) {
    const r = findings.parts[k]!;
    if (!skip(r)) lists.parts.push(current === same ? r : { ...r, part: current(r.part), whole: current(r.whole), ...(r.wholeFrom ? { wholeFrom: current(r.wholeFrom) } : {}) });
  }
  for (let k = 0; k < findings.sums.length; k++) {
    const r = findings.sums[k]!;
    if (!skip(r)) lists.sums.push(current === same ? r : { ...r, total: current(r.total), parts: r.parts.map(current) });
  }
  for (let k = 0; k < findings.shareSums.length; k++) {
    const r = findings.shareSums[k]!;
    if (!skip(r)) lists.shareSums.push(current === same ? r : { ...r, shares: r.shares.map(current) });
  }
  for (let k = 0; k < findings.changes.length; k++) {
    const r = findings.changes[k]!;
    if (!skip(r)) lists.changes.push(current === same ? r : { ...r, before: r.before && current(r.before), after: r.after && current(r.after), ...(r.delta ? { delta: current(r.delta) } : {}), stated: current(r.stated) });
  }
  // Not verifiable ones are never reported.
  if (!failingOnly) for (let k = 0; k < findings.unverifiable.length; k++) {
    const r = findings.unverifiable[k]!;
    lists.unverifiable.push(current === same ? r : { ...r, figures: r.figures.map(current) });
  }
  const move = (span: TextSpan): TextSpan => ({ start: span.start + delta, end: span.end + delta });
  for (let k = 0; k < findings.readings.length; k++) {
    const r = findings.readings[k]!;
    if (!skip(r)) lists.readings.push(current === same ? r : moveReading(r, current, move));
  }
}

const same = (figure: Figure): Figure => figure;

/** How many paragraphs a marked list may run past one without a marker before it is taken to have ended. */
const LIST_PARAGRAPHS = 3;

/**
 * A marked list (一是…二是…) with fewer items in its paragraph than stated, read on
 * through the paragraphs after it (三是… may open the next one) until a heading or
 * three paragraphs without its next marker. More items than stated is a mismatch;
 * fewer only when nothing after the last item in its paragraph goes on enumerating
 * (一类是…, 此外…). Otherwise it stays unsettled (undefined): the rest may be
 * listed in other words.
 */
function settled(doc: ReportDocument, p: number, count: CountRelation): CountRelation | undefined {
  const continues = count.continues;
  if (!continues) return count;
  const items = [...count.items];
  let closed = continues.closed;
  let quiet = 0;
  for (let q = p + 1; q < doc.paragraphs.length && quiet < LIST_PARAGRAPHS; q++) {
    const paragraph = doc.paragraphs[q]!;
    if (paragraph.runInHeading || doc.blocks[paragraph.block - 1]?.kind === 'heading') break;
    const more = markersFrom(doc.text, paragraph.span.start, paragraph.span.end, continues.family, continues.next + items.length - count.items.length);
    if (more.length === 0) {
      quiet++;
      continue;
    }
    quiet = 0;
    items.push(...more);
    closed = closesList(doc.text, more[more.length - 1]!, paragraph.span.end);
  }
  if (items.length < count.stated && !closed) return undefined;
  return { ...count, items, consistent: items.length === count.stated, continues: undefined };
}

function mapperOf(placed: PlacedFindings): (figure: Figure) => Figure {
  const { findings, reading } = placed;
  // The same reading, or one not moved from where the figures were found: the parser gives the same figure objects.
  if (reading === findings.reading || (reading.figuresDelta === 0 && reading.figures === findings.figures)) return same;
  let figures: readonly Figure[] | undefined;
  return (figure) => {
    findings.index ??= new Map(findings.figures.map((f, k) => [f, k]));
    const k = findings.index.get(figure);
    if (k === undefined) return figure;
    figures ??= placedFigures(reading);
    return figures[k]!;
  };
}

/** Findings are kept for every paragraph of every open document: the many empty lists are one. */
const NONE: readonly never[] = [];
function orNone<T>(items: readonly T[]): readonly T[] {
  return items.length === 0 ? NONE : items;
}

/** Indexed, not for…of: in code the optimiser has not reached, for…of allocates an iterator per list (10 lists per paragraph, every version). */
function push<T>(into: T[], items: readonly T[]): void {
  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    into.push(item);
  }
}

function freshFindings(doc: ReportDocument, paragraph: Paragraph): PlacedFindings {
  const reading = readingOfBlock(doc, paragraph.block);
  return new PlacedFindings(paragraphFindings(doc.text, paragraph, reading), 0, reading);
}

function paragraphFindings(text: string, paragraph: Paragraph, reading: BlockReading): Findings {
  const figures = placedFigures(reading);
  const context = paragraphContext(text, paragraph, figures);
  const { parts, sums } = findPartsAndSums(context);
  const unverifiable: UnverifiableRelation[] = [];
  const found = findChanges(context, unverifiable);
  const named = findNamedWholes(context);
  const rates = findRates(context, unverifiable);
  const { readings, changes } = findReadings(context, found, rates, unverifiable);
  const shareSums = findShareSums(context);
  const local = [rates.filter((r): r is RateRelation => r.type === 'rate'), parts, sums, shareSums, changes, readings];
  return {
    figures,
    reading,
    bodyStart: paragraph.body.start,
    sentences: context.sentences,
    rates: orNone(rates),
    parts: orNone(parts),
    sums: orNone(sums),
    shareSums: orNone(shareSums),
    changes: orNone(changes),
    unverifiable: orNone(unverifiable),
    readings: orNone(readings),
    counts: orNone(findCounts(context)),
    statements: orNone(findStatements(context)),
    namedLevels: orNone(named.levels),
    wholeReferences: orNone(named.references),
    failing: local.some((list: readonly { readonly consistent: boolean }[]) => list.some((r) => !r.consistent)),
  };
}

/**
 * The findings for a paragraph the edit did not touch, placed where the
 * paragraph stands now. Its figures must be the same ones, moved alike;
 * otherwise (say a heading's numbering changed what was scanned) the paragraph
 * is analysed again.
 */
function carriedFindings(carried: CarriedBlocks | undefined, table: readonly (PlacedFindings | undefined)[] | undefined, doc: ReportDocument, paragraph: Paragraph): PlacedFindings | undefined {
  const old = carried && table ? carried.from[paragraph.block]! : -1;
  if (old < 0) return undefined;
  const before = table![old];
  if (!before) return undefined;
  const reading = readingOfBlock(doc, paragraph.block);
  const delta = before.delta + paragraph.span.start - carried!.previous.blocks[old]!.span.start;
  // Not moved, the same reading (the parser kept it): the previous version's placement stands.
  if (delta === before.delta && reading === before.reading && before.findings.bodyStart + delta === paragraph.body.start) return before;
  const { findings } = before;
  // A run-in heading that starts or ends elsewhere changes which sentences there are.
  if (findings.bodyStart + delta !== paragraph.body.start) return undefined;
  if (reading.figures !== findings.reading.figures) {
    const figures = placedFigures(reading);
    if (figures.length !== findings.figures.length) return undefined;
    for (let k = 0; k < figures.length; k++) {
      const now = figures[k]!;
      const then = findings.figures[k]!;
      if (now.span.start !== then.span.start + delta || now.text !== then.text) return undefined;
    }
  }
  return new PlacedFindings(findings, delta, reading);
}
