import type { Clause } from '../clauses/types';
import type { Figure } from '../figures/figure';
import { itemAt } from '../text/spans';
import type { Paragraph, ReportDocument, TextSpan } from '../model';
import { figuresByBlock } from '../parser/parse';
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

/** Every relation a figure takes part in, not verifiable ones included; indexed once per model so a hover costs a lookup. */
const byFigure = new WeakMap<ReportDocument, Map<Figure, (Relation | UnverifiableRelation)[]>>();

export function relationsOfFigure(doc: ReportDocument, figure: Figure): readonly (Relation | UnverifiableRelation)[] {
  let index = byFigure.get(doc);
  if (!index) {
    index = new Map();
    const relations = relationsOf(doc);
    for (const relation of [...relations.all, ...relations.unverifiable]) {
      for (const f of figuresOf(relation)) {
        let list = index.get(f);
        if (!list) index.set(f, (list = []));
        if (!list.includes(relation)) list.push(relation);
      }
    }
    byFigure.set(doc, index);
  }
  return index.get(figure) ?? NONE;
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
  const current = mapper(placed);
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
  readonly bodyStart: number;
  readonly sentences: readonly SentenceView[];
  readonly rates: readonly RateFinding[];
  readonly statements: readonly Statement[];
  readonly namedLevels: readonly NamedLevel[];
  readonly wholeReferences: readonly WholeReference[];
  /** Where each of `figures` stands in it, built when a later version first needs it. */
  index?: Map<Figure, number>;
}

/**
 * A paragraph's findings in one version of the document: where they were made,
 * moved by `delta`. Only what reaches the relation list is moved (a few objects);
 * sentences and statements stay as they were found.
 */
interface PlacedFindings {
  readonly findings: Findings;
  readonly delta: number;
  /** The block's figures in this version. */
  readonly figures: readonly Figure[];
  /** mapper(this), made once: versions that leave the paragraph where it is share this object. */
  current?: (figure: Figure) => Figure;
}

/** Findings per block index (paragraphs and list items only), kept per model for the next version. */
const findingTables = new WeakMap<ReportDocument, readonly (PlacedFindings | undefined)[]>();

interface ScopedParagraph {
  readonly scope: number;
  readonly sentences: readonly SentenceView[];
  readonly statements: readonly Statement[];
  readonly current: (figure: Figure) => Figure;
}

function analyze(doc: ReportDocument): Relations {
  const carried = takeCarried(doc, 'relations');
  const blockFigures = figuresByBlock(doc);
  const table: (PlacedFindings | undefined)[] = new Array(doc.blocks.length);
  const scoped: ScopedParagraph[] = [];
  const rates: RateRelation[] = [];
  const parts: PartRelation[] = [];
  const sums: SumRelation[] = [];
  const shareSums: ShareSumRelation[] = [];
  const changes: ChangeRelation[] = [];
  const counts: CountRelation[] = [];
  const unverifiable: UnverifiableRelation[] = [];
  const readings: ReadingRelation[] = [];
  // Named levels of the current section's recent paragraphs, for references to a named whole.
  const namedLevels: (NamedLevel & { paragraph: number })[] = [];
  let namedScope = -1;
  let h = 0;
  doc.paragraphs.forEach((paragraph, p) => {
    // Sentences under the same heading share a scope.
    while (h < doc.headings.length && doc.headings[h]!.block <= paragraph.block) h++;
    const figures = blockFigures[paragraph.block] ?? [];
    const placed = carriedFindings(carried, paragraph, figures) ?? { findings: paragraphFindings(doc.text, paragraph, figures), delta: 0, figures };
    table[paragraph.block] = placed;
    const { findings, delta } = placed;
    const current = mapper(placed);
    scoped.push({ scope: h, sentences: findings.sentences, statements: findings.statements, current });
    const at = scoped.length - 1;
    for (let k = 0; k < findings.rates.length; k++) {
      const finding = findings.rates[k]!;
      if (finding.type === 'rate') {
        rates.push(current === same ? finding : { ...finding, rate: current(finding.rate), numerator: current(finding.numerator), denominator: current(finding.denominator) });
        continue;
      }
      const found = pendingDenominator(scoped, at, finding);
      const rate = found && rateRelation(current(finding.rate), current(finding.numerator), scoped[found.paragraph]!.current(found.denominator), finding.label);
      if (rate) rates.push(rate);
    }
    if (findings.namedLevels.length > 0 || findings.wholeReferences.length > 0) {
      if (h !== namedScope) {
        namedLevels.length = 0;
        namedScope = h;
      }
      const levels = findings.namedLevels.map((l) => ({ figure: current(l.figure), words: l.words, paragraph: p }));
      namedLevels.push(...levels);
      while (namedLevels.length > 0 && namedLevels[0]!.paragraph < p - NAMED_WHOLE_PARAGRAPHS) namedLevels.shift();
      for (let k = 0; k < findings.wholeReferences.length; k++) {
        const reference = findings.wholeReferences[k]!;
        const mapped = { ...reference, part: current(reference.part), ...(reference.rate ? { rate: current(reference.rate) } : {}) };
        const whole = resolveWhole(mapped, namedLevels);
        const relation = whole && namedWholeRelation(mapped, whole);
        if (relation?.type === 'rate') rates.push(relation);
        else if (relation) parts.push(relation);
      }
    }
    if (current === same) {
      push(parts, findings.parts);
      push(sums, findings.sums);
      push(shareSums, findings.shareSums);
      push(changes, findings.changes);
      for (let k = 0; k < findings.counts.length; k++) {
        const r = findings.counts[k]!;
        const count = settled(doc, p, r);
        if (count) counts.push(count);
      }
      push(unverifiable, findings.unverifiable);
      push(readings, findings.readings);
      return;
    }
    for (let k = 0; k < findings.parts.length; k++) {
      const r = findings.parts[k]!;
      parts.push({ ...r, part: current(r.part), whole: current(r.whole), ...(r.wholeFrom ? { wholeFrom: current(r.wholeFrom) } : {}) });
    }
    for (let k = 0; k < findings.sums.length; k++) {
      const r = findings.sums[k]!;
      sums.push({ ...r, total: current(r.total), parts: r.parts.map(current) });
    }
    for (let k = 0; k < findings.shareSums.length; k++) {
      const r = findings.shareSums[k]!;
      shareSums.push({ ...r, shares: r.shares.map(current) });
    }
    for (let k = 0; k < findings.changes.length; k++) {
      const r = findings.changes[k]!;
      changes.push({ ...r, before: r.before && current(r.before), after: r.after && current(r.after), ...(r.delta ? { delta: current(r.delta) } : {}), stated: current(r.stated) });
    }
    const move = (span: TextSpan): TextSpan => ({ start: span.start + delta, end: span.end + delta });
    for (let k = 0; k < findings.counts.length; k++) {
      const r = findings.counts[k]!;
      const count = settled(doc, p, { ...r, phrase: move(r.phrase), numberSpan: move(r.numberSpan), items: r.items.map(move) });
      if (count) counts.push(count);
    }
    for (let k = 0; k < findings.unverifiable.length; k++) {
      const r = findings.unverifiable[k]!;
      unverifiable.push({ ...r, figures: r.figures.map(current) });
    }
    for (let k = 0; k < findings.readings.length; k++) {
      const r = findings.readings[k]!;
      readings.push(moveReading(r, current, move));
    }
  });
  findingTables.set(doc, table);
  const conflicts = findConflicts(scoped);
  const headings = findHeadingSequences(doc);
  // A table spans many one-line paragraphs: its arithmetic is read over the document, like headings.
  const tables = findTableRelations(doc);
  rates.push(...tables.rates);
  sums.push(...tables.sums);
  shareSums.push(...tables.shareSums);
  return { rates, parts, sums, shareSums, changes, counts, unverifiable, readings, conflicts, headings, all: [...rates, ...parts, ...sums, ...shareSums, ...changes, ...counts, ...conflicts, ...headings, ...readings] };
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

/** How a figure of the findings maps to the same figure in this version. */
function mapper(placed: PlacedFindings): (figure: Figure) => Figure {
  return (placed.current ??= mapperOf(placed));
}

function mapperOf(placed: PlacedFindings): (figure: Figure) => Figure {
  const { findings, figures } = placed;
  if (figures === findings.figures) return same;
  return (figure) => {
    findings.index ??= new Map(findings.figures.map((f, k) => [f, k]));
    const k = findings.index.get(figure);
    return k === undefined ? figure : figures[k]!;
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

function paragraphFindings(text: string, paragraph: Paragraph, figures: readonly Figure[]): Findings {
  const context = paragraphContext(text, paragraph, figures);
  const { parts, sums } = findPartsAndSums(context);
  const unverifiable: UnverifiableRelation[] = [];
  const found = findChanges(context, unverifiable);
  const named = findNamedWholes(context);
  const rates = findRates(context, unverifiable);
  const { readings, changes } = findReadings(context, found, rates, unverifiable);
  return {
    figures,
    bodyStart: paragraph.body.start,
    sentences: context.sentences,
    rates: orNone(rates),
    parts: orNone(parts),
    sums: orNone(sums),
    shareSums: orNone(findShareSums(context)),
    changes: orNone(changes),
    unverifiable: orNone(unverifiable),
    readings: orNone(readings),
    counts: orNone(findCounts(context)),
    statements: orNone(findStatements(context)),
    namedLevels: orNone(named.levels),
    wholeReferences: orNone(named.references),
  };
}

/**
 * The findings for a paragraph the edit did not touch, placed where the
 * paragraph stands now. Its figures must be the same ones, moved alike;
 * otherwise (say a heading's numbering changed what was scanned) the paragraph
 * is analysed again.
 */
function carriedFindings(carried: CarriedBlocks | undefined, paragraph: Paragraph, figures: readonly Figure[]): PlacedFindings | undefined {
  const old = carried ? carried.from[paragraph.block]! : -1;
  if (old < 0) return undefined;
  const before = findingTables.get(carried!.previous)?.[old];
  if (!before) return undefined;
  const delta = before.delta + paragraph.span.start - carried!.previous.blocks[old]!.span.start;
  // Not moved, the same figures (the parser kept them): the previous version's placement stands.
  if (delta === before.delta && figures === before.figures && before.findings.bodyStart + delta === paragraph.body.start) return before;
  const { findings } = before;
  // A run-in heading that starts or ends elsewhere changes which sentences there are.
  if (findings.bodyStart + delta !== paragraph.body.start) return undefined;
  if (figures !== findings.figures) {
    if (figures.length !== findings.figures.length) return undefined;
    for (let k = 0; k < figures.length; k++) {
      const now = figures[k]!;
      const then = findings.figures[k]!;
      if (now.span.start !== then.span.start + delta || now.text !== then.text) return undefined;
    }
  }
  return { findings, delta, figures };
}
