import type { ReportDocument, TextSpan } from '../model';
import { countDefinitions, paragraphDefinitions, sourceIn, type SourceOf } from './documentDefinitions';
import { foldKey, namesOf, SOURCE_RANK, type TermEntry } from './glossary';
import { TermMatcher } from './matcher';
import { takeCarried } from '../versions';
import { blockIdentity, figuresOfBlock } from '../parser/parse';
import type { Figure } from '../figures/figure';
import { indexAt, itemAt } from '../text/spans';
import { isAsciiWordChar } from '../text/chars';

/**
 * The definitions that do not come from the report: the built-in glossary
 * and the workspace's glossary files. Built once per change of those files
 * (the matcher over all names is the expensive part) and shared by every document.
 */
export class Glossary {
  readonly entries: readonly TermEntry[];
  private readonly byName = new Map<string, TermEntry>();
  private readonly names: string[] = [];
  private matcherCache: TermMatcher | undefined;

  constructor(entries: readonly TermEntry[], readonly version = 0) {
    // Nearer sources first, so that the first entry claiming a name wins.
    this.entries = [...entries].sort((a, b) => SOURCE_RANK[a.source.kind] - SOURCE_RANK[b.source.kind]);
    for (const entry of this.entries) {
      for (const name of namesOf(entry)) {
        const key = foldKey(name);
        if (!this.byName.has(key)) {
          this.byName.set(key, entry);
          this.names.push(name);
        }
      }
    }
  }

  static readonly EMPTY = new Glossary([]);

  /** Every name, in matcher order: two glossaries with the same key match alike. */
  get namesKey(): string {
    return (this.keyCache ??= this.names.join('\u0000'));
  }
  private keyCache: string | undefined;

  /**
   * Takes `other`'s matcher when both have the same names: a report's own definitions are a new
   * glossary on every version, and their automaton need not be built again while the names stay.
   */
  shareMatcher(other: Glossary | undefined): void {
    if (other && other.namesKey === this.namesKey) this.matcherCache ??= other.matcherCache;
  }

  /** Names of this glossary that `other` lacks, and the other way round (folded). */
  namesNotIn(other: Glossary): string[] {
    return this.names.filter((name) => !other.byName.has(foldKey(name)));
  }

  lookup(name: string): TermEntry | undefined {
    return this.byName.get(foldKey(name));
  }

  /** Whether some name holds a quotation mark (see unknownQuotedPhrases); reckoned once. */
  get quoteInSomeName(): boolean {
    return (this.quoteInName ??= this.names.some((name) => [...QUOTES].some((quote) => name.includes(quote))));
  }
  private quoteInName: boolean | undefined;

  get matcher(): TermMatcher {
    return (this.matcherCache ??= new TermMatcher(this.names));
  }

  nameAt(index: number): string {
    return this.names[index]!;
  }

  get size(): number {
    return this.names.length;
  }
}

export interface TermOccurrence {
  readonly span: TextSpan;
  /** The text as written (the matched name, or the quoted phrase). */
  readonly name: string;
  /** The definition that applies here; undefined for a quoted phrase nobody defines. */
  readonly entry: TermEntry | undefined;
  /** Written in quotes: “…” 「…」 "…". */
  readonly quoted: boolean;
}

export interface DocumentTerms {
  /** Every occurrence in document order; built when first asked for (hover and diagnostics never need it). */
  readonly occurrences: readonly TermOccurrence[];
  /** Definitions the report gives itself. */
  readonly definitions: readonly TermEntry[];
  lookup(name: string): TermEntry | undefined;
  /** The occurrence covering `offset`: a lookup in its block. */
  at(offset: number): TermOccurrence | undefined;
  /** Quoted phrases that no source defines (undefined-term), in document order. */
  undefinedQuoted(): TermOccurrence[];
  /** How many occurrences resolve to `entry` (counted once per version). */
  countOf(entry: TermEntry): number;
}

const cache = new WeakMap<ReportDocument, { glossary: Glossary; uri: string; terms: DocumentTerms }>();

/** The terms of a report: occurrences of every known name and of quoted phrases, resolved nearest-source-first. */
export function termsOf(doc: ReportDocument, glossary: Glossary, uri: string): DocumentTerms {
  const cached = cache.get(doc);
  if (cached && cached.glossary === glossary && cached.uri === uri) return cached.terms;
  const terms = computeTerms(doc, glossary, uri);
  cache.set(doc, { glossary, uri, terms });
  return terms;
}

/** A term occurrence before its definition is looked up: where it is, and whether it is quoted. */
interface RawOccurrence {
  readonly start: number;
  readonly end: number;
  readonly quoted: boolean;
}

/**
 * What one block holds, in the coordinates of the version it was found in. A function of the
 * block's text (and figures), the glossary and the report's own names: carried to later versions
 * for every block an edit did not touch, so that an edit matches terms only where the text changed.
 */
interface BlockTerms {
  /** Glossary names, the report's own names and quoted phrases; figures left out, overlaps resolved. */
  readonly found: readonly RawOccurrence[];
  /** The quoted ones among them that no source defines. */
  readonly unknown: readonly RawOccurrence[];
  /** Definitions the block's text gives (X（以下简称“Y”）…), as found. */
  readonly definitions: readonly TermEntry[];
}

/** Per model: each block's terms and how far the block has moved since they were found. */
interface TermTable {
  readonly glossary: Glossary;
  readonly uri: string;
  /** The report's own definitions as a glossary (its matcher is shared with later versions while the names stay). */
  readonly local: Glossary;
  readonly blocks: readonly BlockTerms[];
  readonly deltas: Int32Array;
}

const tables = new WeakMap<ReportDocument, TermTable>();

const NO_TERMS: BlockTerms = { found: [], unknown: [], definitions: [] };

function computeTerms(doc: ReportDocument, glossary: Glossary, uri: string): DocumentTerms {
  const carried = takeCarried(doc, 'terms');
  const before = carried ? tables.get(carried.previous) : undefined;
  const reusable = before && before.glossary === glossary && before.uri === uri ? before : undefined;
  const count = doc.blocks.length;
  const blocks: (BlockTerms | undefined)[] = new Array(count);
  const deltas = new Int32Array(count);
  const source = sourceIn(doc, uri);
  // 1. Blocks the edit did not touch keep what they had; the others give their definitions now.
  const fresh: number[] = [];
  const freshDefinitions: (TermEntry[] | undefined)[] = new Array(count);
  for (let index = 0; index < count; index++) {
    const block = doc.blocks[index]!;
    if (block.kind === 'rule') {
      blocks[index] = NO_TERMS;
      continue;
    }
    const old = carried && reusable ? carried.from[index]! : -1;
    if (old >= 0) {
      const delta = block.span.start - carried!.previous.blocks[old]!.span.start;
      if (sameFigures(doc, index, carried!.previous, old, delta)) {
        blocks[index] = reusable!.blocks[old]!;
        deltas[index] = reusable!.deltas[old]! + delta;
        continue;
      }
    }
    fresh.push(index);
    if (block.kind === 'paragraph' || block.kind === 'list-item') {
      const found: TermEntry[] = [];
      paragraphDefinitions(doc.text, block.span.start, block.span.end, source, found);
      freshDefinitions[index] = found;
    }
  }
  // 2. The report's own definitions, placed where they stand now (a carried one may have moved).
  const definitions: TermEntry[] = [];
  for (let index = 0; index < count; index++) {
    const own = freshDefinitions[index] ?? blocks[index]?.definitions;
    if (!own || own.length === 0) continue;
    const delta = deltas[index]!;
    for (const entry of own) definitions.push(freshDefinitions[index] ? entry : placed(entry, delta, source));
  }
  definitions.push(...countDefinitions(doc, uri));
  const local = new Glossary(definitions);
  local.shareMatcher(reusable?.local);
  const lookup = lookupIn(local, glossary);
  // 3. Where the report's own names changed, only the blocks where an added or removed name occurs are matched again.
  const rescan = new Uint8Array(count);
  for (const index of fresh) rescan[index] = 1;
  if (reusable && reusable.local.namesKey !== local.namesKey) {
    const changed = [...local.namesNotIn(reusable.local), ...reusable.local.namesNotIn(local)];
    if (changed.length > 0) {
      for (const match of new TermMatcher(changed).match(doc.text)) {
        const index = blockIndexAt(doc, match.start);
        if (index >= 0 && doc.blocks[index]!.kind !== 'rule') rescan[index] = 1;
      }
    }
  }
  for (let index = 0; index < count; index++) {
    if (!rescan[index]) continue;
    const block = doc.blocks[index]!;
    const own = freshDefinitions[index] ?? shiftedDefinitions(blocks[index]?.definitions, deltas[index]!);
    blocks[index] = scanBlock(doc, glossary, local, lookup, block.span.start, block.span.end, figuresOfBlock(doc, index), own);
    deltas[index] = 0;
  }
  const table: TermTable = { glossary, uri, local, blocks: blocks as BlockTerms[], deltas };
  tables.set(doc, table);
  return new TermsView(doc, table, definitions, lookup);
}

/**
 * A block rescanned because a name elsewhere changed keeps its own definitions, moved into this
 * version's coordinates (the block's delta becomes 0).
 */
function shiftedDefinitions(own: readonly TermEntry[] | undefined, delta: number): readonly TermEntry[] {
  if (!own || own.length === 0 || delta === 0) return own ?? [];
  return own.map((entry) => ({ ...entry, definitionSpan: entry.definitionSpan && { start: entry.definitionSpan.start + delta, end: entry.definitionSpan.end + delta } }));
}

/** A carried definition where it stands in this version: its span moved, its line looked up again. */
function placed(entry: TermEntry, delta: number, source: SourceOf): TermEntry {
  const span = entry.definitionSpan;
  if (!span) return entry;
  const start = span.start + delta;
  return { ...entry, source: source(start), definitionSpan: { start, end: span.end + delta } };
}

/** The block whose span holds `offset`, or -1 between blocks. */
function blockIndexAt(doc: ReportDocument, offset: number): number {
  return indexAt(doc.blocks, offset, (block) => block.span);
}

/**
 * The quoted phrases no source defines, found without matching every name over the text: what a
 * check that reads a report once (the CLI, a workspace pass) needs, where building the automaton
 * over every name and scanning the whole text only to drop the names again cost more than the
 * phrases. It gives what termsOf(…).undefinedQuoted() gives whenever no name holds a quotation mark:
 * a name that overlaps a quoted phrase without lying inside it would have to cross one of its
 * quotation marks, and a name inside it is shorter, so the longest-first rule keeps the phrase.
 * Undefined when some name does hold one: then only the full index can say.
 */
export function unknownQuotedPhrases(doc: ReportDocument, glossary: Glossary, uri: string): TermOccurrence[] | undefined {
  if (glossary.quoteInSomeName) return undefined;
  const source = sourceIn(doc, uri);
  const definitions: TermEntry[] = [];
  for (const block of doc.blocks) if (block.kind === 'paragraph' || block.kind === 'list-item') paragraphDefinitions(doc.text, block.span.start, block.span.end, source, definitions);
  definitions.push(...countDefinitions(doc, uri));
  const local = new Glossary(definitions);
  if (local.quoteInSomeName) return undefined;
  const lookup = lookupIn(local, glossary);
  const out: TermOccurrence[] = [];
  doc.blocks.forEach((block, index) => {
    if (block.kind === 'rule') return;
    const phrases = quotedPhrases(doc.text, block.span.start, block.span.end);
    if (phrases.length === 0) return;
    for (const span of dropInsideFigures(figuresOfBlock(doc, index), phrases)) {
      const name = doc.text.slice(span.start, span.end);
      if (lookup(name) === undefined) out.push({ span, name, entry: undefined, quoted: true });
    }
  });
  return out;
}

/** The terms of one version: block tables placed by their deltas; flat lists are made only when asked for. */
class TermsView implements DocumentTerms {
  #all: TermOccurrence[] | undefined;
  #counts: Map<TermEntry, number> | undefined;

  constructor(
    private readonly doc: ReportDocument,
    private readonly table: TermTable,
    readonly definitions: readonly TermEntry[],
    readonly lookup: (name: string) => TermEntry | undefined,
  ) {}

  get occurrences(): readonly TermOccurrence[] {
    if (!this.#all) {
      const all: TermOccurrence[] = [];
      this.table.blocks.forEach((block, index) => {
        for (const raw of block.found) all.push(this.occurrence(raw, this.table.deltas[index]!));
      });
      this.#all = all;
    }
    return this.#all;
  }

  at(offset: number): TermOccurrence | undefined {
    const index = blockIndexAt(this.doc, offset);
    if (index < 0) return undefined;
    const delta = this.table.deltas[index]!;
    const raw = itemAt(this.table.blocks[index]!.found, offset - delta, (o) => o);
    return raw && this.occurrence(raw, delta);
  }

  undefinedQuoted(): TermOccurrence[] {
    const out: TermOccurrence[] = [];
    const { blocks, deltas } = this.table;
    for (let index = 0; index < blocks.length; index++) {
      const unknown = blocks[index]!.unknown;
      for (let k = 0; k < unknown.length; k++) out.push(this.occurrence(unknown[k]!, deltas[index]!));
    }
    return out;
  }

  countOf(entry: TermEntry): number {
    if (!this.#counts) {
      // Counted from the block tables, without making an occurrence object for each: the first hover
      // on a term after an edit pays this, in a large report tens of thousands of occurrences.
      const counts = new Map<TermEntry, number>();
      const { text } = this.doc;
      const { blocks, deltas } = this.table;
      for (let index = 0; index < blocks.length; index++) {
        const found = blocks[index]!.found;
        if (found.length === 0) continue;
        const delta = deltas[index]!;
        for (let k = 0; k < found.length; k++) {
          const raw = found[k]!;
          const resolved = this.lookup(text.slice(raw.start + delta, raw.end + delta));
          if (resolved) counts.set(resolved, (counts.get(resolved) ?? 0) + 1);
        }
      }
      this.#counts = counts;
    }
    return this.#counts.get(entry) ?? 0;
  }

  private occurrence(raw: RawOccurrence, delta: number): TermOccurrence {
    const start = raw.start + delta;
    const end = raw.end + delta;
    const name = this.doc.text.slice(start, end);
    return { span: { start, end }, name, entry: this.lookup(name), quoted: raw.quoted };
  }
}

/**
 * Nearest source first. Made in a function of its own: the closure is kept with
 * the document's terms, and must not hold on to anything else of computeTerms
 * (such as the previous version of the document).
 */
function lookupIn(local: Glossary, glossary: Glossary): (name: string) => TermEntry | undefined {
  return (name) => local.lookup(name) ?? glossary.lookup(name);
}

/** Occurrences leave figures out: they carry over only if the block's figures did. */
/** Whether a block read the same figures in both versions: the parser carried them (the same array), or they stand alike. */
function sameFigures(doc: ReportDocument, index: number, previous: ReportDocument, old: number, delta: number): boolean {
  const key = blockIdentity(doc, index);
  if (key !== undefined && key === blockIdentity(previous, old)) return true;
  const now = figuresOfBlock(doc, index);
  const before = figuresOfBlock(previous, old);
  return now.length === before.length && (now.length === 0 || now[0]!.span.start === before[0]!.span.start + delta);
}

/**
 * Glossary names, the report's own names and quoted phrases of one block, figures left out,
 * overlaps resolved (longest first; a defined name beats an unknown quoted phrase of the same span).
 */
function scanBlock(
  doc: ReportDocument,
  glossary: Glossary,
  local: Glossary,
  lookup: (name: string) => TermEntry | undefined,
  start: number,
  end: number,
  figures: readonly Figure[],
  definitions: readonly TermEntry[],
): BlockTerms {
  const text = doc.text;
  const found: RawOccurrence[] = [];
  for (const match of glossary.matcher.match(text, start, end)) found.push({ start: match.start, end: match.end, quoted: quotedAt(text, match.start, match.end) });
  if (local.size > 0) for (const match of local.matcher.match(text, start, end)) found.push({ start: match.start, end: match.end, quoted: quotedAt(text, match.start, match.end) });
  for (const quoted of quotedPhrases(text, start, end)) found.push({ start: quoted.start, end: quoted.end, quoted: true });
  if (found.length === 0) return definitions.length === 0 ? NO_TERMS : { found: NONE, unknown: NONE, definitions };
  const kept = dropOverlapsRaw(dropInsideFigures(figures, found), (o) => lookup(text.slice(o.start, o.end)) !== undefined);
  const unknown = kept.filter((o) => o.quoted && lookup(text.slice(o.start, o.end)) === undefined);
  return { found: kept, unknown: unknown.length === 0 ? NONE : unknown, definitions: definitions.length === 0 ? NONE : definitions };
}

/** Most blocks have no unknown quoted phrase and no definition: they share one empty list. */
const NONE: readonly never[] = [];

const QUOTES = '“「『"”」』';

/** Whether text[start, end) stands between quotation marks. */
function quotedAt(text: string, start: number, end: number): boolean {
  return isQuote(text[start - 1]) && isQuote(text[end]);
}

function isQuote(ch: string | undefined): boolean {
  return ch !== undefined && QUOTES.includes(ch);
}

/**
 * Short quoted phrases (2–16 characters, no sentence punctuation inside):
 * the way reports mark terms, slogans and names. Longer quotes are speech.
 */
export function quotedPhrases(text: string, from = 0, to = text.length): TextSpan[] {
  const spans: TextSpan[] = [];
  for (let i = from; i < to; i++) {
    const close = closingFor(text.charCodeAt(i));
    if (close === 0) continue;
    // A straight quote opens only at a word start (not the closing one of a pair).
    if (close === 0x22 && i > 0 && isAsciiWordChar(text.charCodeAt(i - 1))) continue;
    // The closing mark within 17 characters, with no sentence punctuation before it.
    let end = -1;
    for (let k = i + 1; k < to && k <= i + 17; k++) {
      const code = text.charCodeAt(k);
      if (code === close) {
        end = k;
        break;
      }
      if (STOPS.has(code)) break;
    }
    if (end < 0 || end - i - 1 < 2) continue;
    spans.push({ start: i + 1, end });
    i = end;
  }
  return spans;
}

/** Sentence punctuation and line breaks: a quote holding them is speech, not a term. */
const STOPS = new Set([0x3002, 0xff01, 0xff1f, 0xff1b, 0xff0c, 0x2c, 0x2e, 0x21, 0x3f, 0x3b, 0x0a, 0x0d]);

function closingFor(code: number): number {
  switch (code) {
    case 0x201c: // “
      return 0x201d;
    case 0x300c: // 「
      return 0x300d;
    case 0x300e: // 『
      return 0x300f;
    case 0x22: // "
      return 0x22;
    default:
      return 0;
  }
}


/** Figures stay figures: a name inside 1.2个百分点 is the figure's unit, not a term. */
function dropInsideFigures<T extends { readonly start: number; readonly end: number }>(figures: readonly Figure[], found: T[]): T[] {
  return found.filter((occ) => {
    let low = 0;
    let high = figures.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const f = figures[mid]!;
      if (f.span.end <= occ.start) low = mid + 1;
      else if (f.span.start >= occ.end) high = mid - 1;
      else return !(f.span.start <= occ.start && occ.end <= f.span.end);
    }
    return true;
  });
}

/** Longest first where occurrences overlap; a defined name beats an unknown quoted phrase of the same span. */
function dropOverlapsRaw(found: RawOccurrence[], defined: (o: RawOccurrence) => boolean): RawOccurrence[] {
  found.sort((a, b) => a.start - b.start || b.end - a.end || Number(defined(b)) - Number(defined(a)));
  const kept: RawOccurrence[] = [];
  let reach = -1;
  for (const occ of found) {
    if (occ.start < reach) {
      // The same span found twice (a quoted glossary name): keep it once, as quoted.
      const last = kept[kept.length - 1];
      if (last && last.start === occ.start && last.end === occ.end && occ.quoted && !last.quoted) kept[kept.length - 1] = { ...last, quoted: true };
      continue;
    }
    kept.push(occ);
    reach = occ.end;
  }
  return kept;
}

/** The occurrence covering `offset`, by binary search in its block. */
export function occurrenceAt(terms: DocumentTerms, offset: number): TermOccurrence | undefined {
  return terms.at(offset);
}
