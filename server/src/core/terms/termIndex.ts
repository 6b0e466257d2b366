import type { ReportDocument, TextSpan } from '../model';
import { documentDefinitions } from './documentDefinitions';
import { foldKey, namesOf, SOURCE_RANK, type TermEntry } from './glossary';
import { TermMatcher } from './matcher';

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

function computeTerms(doc: ReportDocument, glossary: Glossary, uri: string): DocumentTerms {
  const definitions = documentDefinitions(doc, uri);
  const local = new Glossary(definitions);
  const lookup = (name: string): TermEntry | undefined => local.lookup(name) ?? glossary.lookup(name);
  const found: TermOccurrence[] = [];
  for (const match of glossary.matcher.match(doc.text)) found.push(occurrence(doc.text, match.start, match.end, lookup));
  if (local.size > 0) for (const match of local.matcher.match(doc.text)) found.push(occurrence(doc.text, match.start, match.end, lookup));
  for (const quoted of quotedPhrases(doc.text)) {
    const name = doc.text.slice(quoted.start, quoted.end);
    found.push({ span: quoted, name, entry: lookup(name), quoted: true });
  }
  const occurrences = dropOverlaps(dropInsideFigures(doc, found));
  return { occurrences, definitions, lookup };
}

function occurrence(text: string, start: number, end: number, lookup: (name: string) => TermEntry | undefined): TermOccurrence {
  const name = text.slice(start, end);
  const quoted = isQuote(text[start - 1]) && isQuote(text[end]);
  return { span: { start, end }, name, entry: lookup(name), quoted };
}

const QUOTES = '“「『"”」』';

function isQuote(ch: string | undefined): boolean {
  return ch !== undefined && QUOTES.includes(ch);
}

/**
 * Short quoted phrases (2–16 characters, no sentence punctuation inside):
 * the way reports mark terms, slogans and names. Longer quotes are speech.
 */
export function quotedPhrases(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  for (let i = 0; i < text.length; i++) {
    const close = closingFor(text.charCodeAt(i));
    if (close === 0) continue;
    // A straight quote opens only at a word start (not the closing one of a pair).
    if (close === 0x22 && i > 0 && isAsciiWordChar(text.charCodeAt(i - 1))) continue;
    // The closing mark within 17 characters, with no sentence punctuation before it.
    let end = -1;
    for (let k = i + 1; k < text.length && k <= i + 17; k++) {
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

function isAsciiWordChar(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** Figures stay figures: a name inside 1.2个百分点 is the figure's unit, not a term. */
function dropInsideFigures(doc: ReportDocument, found: TermOccurrence[]): TermOccurrence[] {
  const figures = doc.figures;
  return found.filter((occ) => {
    let low = 0;
    let high = figures.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const f = figures[mid]!;
      if (f.span.end <= occ.span.start) low = mid + 1;
      else if (f.span.start >= occ.span.end) high = mid - 1;
      else return !(f.span.start <= occ.span.start && occ.span.end <= f.span.end);
    }
    return true;
  });
}

/** Longest first where occurrences overlap; a defined name beats an unknown quoted phrase of the same span. */
function dropOverlaps(found: TermOccurrence[]): TermOccurrence[] {
  found.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end || Number(b.entry !== undefined) - Number(a.entry !== undefined));
  const kept: TermOccurrence[] = [];
  let reach = -1;
  for (const occ of found) {
    if (occ.span.start < reach) continue;
    kept.push(occ);
    reach = occ.span.end;
  }
  return kept;
}

/** The occurrence covering `offset`, by binary search. */
export function occurrenceAt(terms: DocumentTerms, offset: number): TermOccurrence | undefined {
  const list = terms.occurrences;
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const occ = list[mid]!;
    if (offset < occ.span.start) high = mid - 1;
    else if (offset >= occ.span.end) low = mid + 1;
    else return occ;
  }
  return undefined;
}
