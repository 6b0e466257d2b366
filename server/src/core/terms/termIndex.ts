import type { ReportDocument, TextSpan } from '../model';
import { documentDefinitions } from './documentDefinitions';
import { foldKey, namesOf, SOURCE_RANK, type TermEntry } from './glossary';
import { TermMatcher } from './matcher';
import { takeCarried } from '../versions';
import { figuresByBlock } from '../parser/parse';
import type { Figure } from '../figures/figure';
import { itemAt } from '../text/spans';
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

  lookup(name: string): TermEntry | undefined {
    return this.byName.get(foldKey(name));
  }

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
  readonly occurrences: readonly TermOccurrence[];
  /** Definitions the report gives itself. */
  readonly definitions: readonly TermEntry[];
  lookup(name: string): TermEntry | undefined;
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
 * Occurrences per block (by block index), carried to the next version of the
 * document for every block an edit did not touch (see versions.ts): an edit
 * re-matches only the paragraphs it touched. Valid for one glossary (a glossary
 * change rebuilds them).
 */
const blockCaches = new WeakMap<ReportDocument, { glossary: Glossary; blocks: readonly (readonly RawOccurrence[])[] }>();

function computeTerms(doc: ReportDocument, glossary: Glossary, uri: string): DocumentTerms {
  const definitions = documentDefinitions(doc, uri);
  const local = new Glossary(definitions);
  const lookup = lookupIn(local, glossary);
  let raw = blockOccurrences(doc, glossary);
  // The report's own names are few: they are matched over the whole text and merged in.
  if (local.size > 0) {
    const extra = local.matcher.match(doc.text).map((m) => ({ start: m.start, end: m.end, quoted: quotedAt(doc.text, m.start, m.end) }));
    // The glossary's occurrences were kept out of figures already, block by block.
    raw = dropOverlapsRaw([...raw, ...dropInsideFigures(doc, extra)], (o) => lookup(doc.text.slice(o.start, o.end)) !== undefined);
  }
  const occurrences = raw.map((o): TermOccurrence => {
    const name = doc.text.slice(o.start, o.end);
    return { span: { start: o.start, end: o.end }, name, entry: lookup(name), quoted: o.quoted };
  });
  return { occurrences, definitions, lookup };
}

/**
 * Nearest source first. Made in a function of its own: the closure is kept with
 * the document's terms, and must not hold on to anything else of computeTerms
 * (such as the previous version of the document).
 */
function lookupIn(local: Glossary, glossary: Glossary): (name: string) => TermEntry | undefined {
  return (name) => local.lookup(name) ?? glossary.lookup(name);
}

/** Glossary names and quoted phrases block by block, carried from the previous version where a block did not change. */
function blockOccurrences(doc: ReportDocument, glossary: Glossary): RawOccurrence[] {
  const carried = takeCarried(doc, 'terms');
  const before = carried ? blockCaches.get(carried.previous) : undefined;
  const reusable = before && before.glossary === glossary ? before.blocks : undefined;
  const blocks: (readonly RawOccurrence[])[] = new Array(doc.blocks.length);
  const figures = figuresByBlock(doc);
  const previousFigures = carried && reusable ? figuresByBlock(carried.previous) : [];
  const raw: RawOccurrence[] = [];
  for (let index = 0; index < doc.blocks.length; index++) {
    const block = doc.blocks[index]!;
    const old = carried && reusable ? carried.from[index]! : -1;
    const delta = old >= 0 ? block.span.start - carried!.previous.blocks[old]!.span.start : 0;
    let found: readonly RawOccurrence[];
    if (block.kind === 'rule') found = [];
    else if (old >= 0 && reusable![old] && sameFigures(figures[index]!, previousFigures[old]!, delta)) found = moved(reusable![old]!, delta);
    else found = scanBlock(doc, glossary, block.span.start, block.span.end);
    blocks[index] = found;
    for (const occurrence of found) raw.push(occurrence);
  }
  blockCaches.set(doc, { glossary, blocks });
  return raw;
}

function moved(found: readonly RawOccurrence[], delta: number): readonly RawOccurrence[] {
  return delta === 0 ? found : found.map((o) => ({ start: o.start + delta, end: o.end + delta, quoted: o.quoted }));
}

/** Occurrences leave figures out: they carry over only if the block's figures did. */
function sameFigures(now: readonly Figure[], before: readonly Figure[], delta: number): boolean {
  return now.length === before.length && (now.length === 0 || now[0]!.span.start === before[0]!.span.start + delta);
}

/** Glossary names and quoted phrases of one block, figures left out, overlaps resolved. */
function scanBlock(doc: ReportDocument, glossary: Glossary, start: number, end: number): RawOccurrence[] {
  const text = doc.text;
  const found: RawOccurrence[] = [];
  for (const match of glossary.matcher.match(text, start, end)) {
    found.push({ start: match.start, end: match.end, quoted: quotedAt(text, match.start, match.end) });
  }
  for (const quoted of quotedPhrases(text, start, end)) found.push({ start: quoted.start, end: quoted.end, quoted: true });
  return dropOverlapsRaw(dropInsideFigures(doc, found), (o) => glossary.lookup(text.slice(o.start, o.end)) !== undefined);
}


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
function dropInsideFigures<T extends { readonly start: number; readonly end: number }>(doc: ReportDocument, found: T[]): T[] {
  const figures = doc.figures;
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

/** The occurrence covering `offset`, by binary search. */
export function occurrenceAt(terms: DocumentTerms, offset: number): TermOccurrence | undefined {
  return itemAt(terms.occurrences, offset, (occurrence) => occurrence.span);
}
