import type { ReportDocument } from '../model';
import { relationsOf } from '../relations/analyze';
import type { TermEntry } from './glossary';
import { detached } from '../text/spans';

/**
 * Definitions a report gives itself:
 * - 中央生态环境保护督察（以下简称“中央督察”）, X，简称“Y”
 * - 本办法所称X，是指…, “X”是指…
 * - “深、实、细、准、效”五字诀 (a counted term and its items)
 * - the Bureau of Labor Statistics (BLS), BLS (Bureau of Labor Statistics), "X" means …
 */
export function documentDefinitions(doc: ReportDocument, uri: string): TermEntry[] {
  const entries: TermEntry[] = [];
  const source = sourceIn(doc, uri);
  for (const paragraph of doc.paragraphs) paragraphDefinitions(doc.text, paragraph.span.start, paragraph.span.end, source, entries);
  entries.push(...countDefinitions(doc, uri));
  return entries;
}

/** Where a definition at `offset` comes from: this report, at its line. */
export function sourceIn(doc: ReportDocument, uri: string): SourceOf {
  return (offset: number) => ({ kind: 'document' as const, uri, line: doc.lines.positionAt(offset).line });
}

/**
 * The definitions one paragraph's text gives (added to `out`): a function of the text alone, so
 * that they are found once per paragraph and carried to later versions (see termIndex.ts).
 */
export function paragraphDefinitions(text: string, start: number, end: number, source: SourceOf, out: TermEntry[]): void {
  // A copy of the paragraph: the definitions found in it are kept across versions, and a view into the text would keep this version's whole text with them.
  const slice = detached(text.slice(start, end));
  // Each pattern needs a marker word: look for it first, so most paragraphs cost one indexOf each.
  if (slice.includes('简称')) abbreviations(slice, start, out, source);
  if (/是指|系指|指的是|means|refers to/.test(slice)) meaningDefinitions(slice, start, out, source);
  if (slice.includes('(') && /[A-Z]{2}/.test(slice)) englishAcronyms(slice, start, out, source);
}

/** Counted terms and their items (“深、实、细、准、效”五字诀), from the counted lists the checks found. */
export function countDefinitions(doc: ReportDocument, uri: string): TermEntry[] {
  const entries: TermEntry[] = [];
  const text = doc.text;
  const source = sourceIn(doc, uri);
  for (const count of relationsOf(doc).counts) {
    const name = countedName(count.phraseText);
    if (!name) continue;
    const items = count.items.map((item) => text.slice(item.start, item.end));
    entries.push({
      term: name,
      aliases: [],
      definition: items.join('、'),
      items,
      source: source(count.phrase.start),
      definitionSpan: count.phrase,
    });
  }
  return entries;
}

export type SourceOf = (offset: number) => TermEntry['source'];

const ABBREVIATION = /([^，。；、：:（(“”\s]{2,30})[（(]以下简称[“"]([^”"]{1,16})[”"][）)]|([^，。；、：:（(“”\s]{2,30})[，,]简称[“"]([^”"]{1,16})[”"]/g;

function abbreviations(slice: string, base: number, out: TermEntry[], source: SourceOf): void {
  ABBREVIATION.lastIndex = 0;
  for (let m = ABBREVIATION.exec(slice); m; m = ABBREVIATION.exec(slice)) {
    const full = trimLeadingVerb(m[1] ?? m[3]!);
    const short = (m[2] ?? m[4])!;
    // The short name stands last in the match (it may also be part of the full name: 长江经济带发展（以下简称“长江经济带”）).
    const start = base + m.index + m[0].lastIndexOf(short);
    out.push({ term: short, aliases: [full], definition: full, source: source(start), definitionSpan: { start, end: start + short.length } });
  }
}

const MEANING = /(?:所称|[“"])([^，。；“”"]{1,16})[”"]?[，,]?(?:是指|系指|指的是)([^。；]{2,160})/g;

function meaningDefinitions(slice: string, base: number, out: TermEntry[], source: SourceOf): void {
  MEANING.lastIndex = 0;
  for (let m = MEANING.exec(slice); m; m = MEANING.exec(slice)) {
    const term = m[1]!.trim();
    const start = base + m.index + m[0].indexOf(term);
    out.push({ term, aliases: [], definition: m[2]!.trim(), source: source(start), definitionSpan: { start, end: start + term.length } });
  }
  const english = /"([^"]{2,40})"\s+(?:means|refers to)\s+([^.]{2,200})/g;
  for (let m = english.exec(slice); m; m = english.exec(slice)) {
    const start = base + m.index + 1;
    out.push({ term: m[1]!, aliases: [], definition: m[2]!.trim(), source: source(start), definitionSpan: { start, end: start + m[1]!.length } });
  }
}

/** "the Bureau of Labor Statistics (BLS)" and "BLS (Bureau of Labor Statistics)": initials must agree. */
function englishAcronyms(slice: string, base: number, out: TermEntry[], source: SourceOf): void {
  const longFirst = /((?:[A-Z][a-zA-Z.]*\s+(?:(?:of|and|for|the|on|in)\s+)*){1,8}[A-Z][a-zA-Z]*)\s+\(([A-Z][A-Z0-9&]{1,9})\)/g;
  for (let m = longFirst.exec(slice); m; m = longFirst.exec(slice)) {
    const full = fitToAcronym(m[1]!, m[2]!);
    if (!full) continue;
    const start = base + m.index + m[0].lastIndexOf(m[2]!);
    out.push({ term: m[2]!, aliases: [full], definition: full, source: source(start), definitionSpan: { start, end: start + m[2]!.length } });
  }
  const shortFirst = /\b([A-Z][A-Z0-9&]{1,9})\s+\(((?:[A-Z][a-zA-Z.]*\s+(?:(?:of|and|for|the|on|in)\s+)*){0,8}[A-Z][a-zA-Z]*)\)/g;
  for (let m = shortFirst.exec(slice); m; m = shortFirst.exec(slice)) {
    const full = fitToAcronym(m[2]!, m[1]!);
    if (!full) continue;
    const start = base + m.index;
    out.push({ term: m[1]!, aliases: [full], definition: full, source: source(start), definitionSpan: { start, end: start + m[1]!.length } });
  }
}

/** The shortest tail of `words` whose capitalised initials spell the acronym (drops a leading "The U.S."). */
function fitToAcronym(phrase: string, acronym: string): string | undefined {
  const words = phrase.trim().split(/\s+/);
  for (let from = 0; from < words.length; from++) {
    const tail = words.slice(from);
    const initials = tail.filter((w) => /^[A-Z]/.test(w)).map((w) => w[0]).join('');
    if (initials === acronym) return tail.join(' ');
  }
  return undefined;
}

/** 用好 → dropped from 用好“深、实、细、准、效”五字诀: the counted name is what follows the list. */
function countedName(phrase: string): string | undefined {
  const afterQuote = /[”"]([一二两三四五六七八九十]{1,2}[\u4e00-\u9fff]{1,6})$/.exec(phrase);
  if (afterQuote) return afterQuote[1];
  const quoted = /^[“"]([^”"]+)(?:[”"]|$)/.exec(phrase);
  if (quoted) return quoted[1];
  const plain = /([一二两三四五六七八九十]{1,2}[\u4e00-\u9fff]{1,8})$/.exec(phrase.replace(/[：:]$/, ''));
  return plain?.[1];
}

/** A full name captured from "对中央生态环境保护督察（以下简称…）" keeps only the name. */
function trimLeadingVerb(name: string): string {
  return name.replace(/^(?:对|由|经|将|把|在|和|与|及|开展|实施|组织|推进|建立|成立)/, '');
}
