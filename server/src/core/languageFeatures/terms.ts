import { CompletionItemKind, MarkupKind, type CompletionItem, type Location, type Position } from 'vscode-languageserver-types';
import type { Locale } from '../l10n/messages';
import { messages } from '../l10n/messages';
import type { ReportDocument } from '../model';
import type { TermEntry } from '../terms/glossary';
import { foldKey, namesOf, SOURCE_RANK } from '../terms/glossary';
import { occurrenceAt, termsOf, type Glossary, type TermOccurrence } from '../terms/termIndex';

export interface TermOptions {
  readonly glossary: Glossary;
  /** The report's uri: definitions in the report point at it. */
  readonly uri: string;
  readonly locale: Locale;
}

/** The term under the cursor (a defined name or a quoted phrase), or undefined. */
export function termAt(doc: ReportDocument, position: Position, options: TermOptions): TermOccurrence | undefined {
  return occurrenceAt(termsOf(doc, options.glossary, options.uri), doc.lines.offsetAt(position));
}

/** Markdown for a term: definition, English gloss, where it comes from, aliases, listed items, occurrences. */
export function describeTerm(doc: ReportDocument, occurrence: TermOccurrence, options: TermOptions): string | undefined {
  const entry = occurrence.entry;
  if (!entry) return undefined;
  const t = messages(options.locale);
  const lines = [`**${escape(entry.term)}**${entry.category ? ` — ${entry.category}` : ''}`, '', escape(entry.definition)];
  if (entry.gloss) lines.push('', `*${escape(entry.gloss)}*`);
  lines.push('');
  if (entry.items && entry.items.length > 0) lines.push(`- ${t.termItems(entry.items.length)}: ${entry.items.map(escape).join('、')}`);
  const aliases = entry.aliases.filter((alias) => alias !== entry.term);
  if (aliases.length > 0) lines.push(`- ${t.termAliases()}: ${aliases.map(escape).join(', ')}`);
  if (entry.asOf) lines.push(`- ${t.termAsOf()}: ${entry.asOf}`);
  lines.push(`- ${t.termSource()}: ${sourceText(entry, options)}`);
  const count = countOccurrences(doc, entry, options);
  lines.push(`- ${t.termOccurrences(count)}`);
  return lines.join('\n');
}

function sourceText(entry: TermEntry, options: TermOptions): string {
  const t = messages(options.locale);
  const line = entry.source.line !== undefined ? entry.source.line + 1 : undefined;
  switch (entry.source.kind) {
    case 'document':
      return t.termDefinedHere(line ?? 0);
    case 'workspace': {
      const file = entry.source.uri ? decodeURIComponent(entry.source.uri.slice(entry.source.uri.lastIndexOf('/') + 1)) : '';
      return `${t.termGlossaryFile(file, line ?? 0)}${entry.source.citation ? ` — ${escape(entry.source.citation)}` : ''}`;
    }
    case 'builtin':
      return t.termBuiltin();
  }
}

function countOccurrences(doc: ReportDocument, entry: TermEntry, options: TermOptions): number {
  return termsOf(doc, options.glossary, options.uri).countOf(entry);
}

/** Go to definition: the report's own definition, or the glossary file line. Built-in entries have no file to show. */
export function definition(doc: ReportDocument, position: Position, options: TermOptions): Location[] {
  const occurrence = termAt(doc, position, options);
  const entry = occurrence?.entry;
  if (!entry) return [];
  if (entry.source.kind === 'document' && entry.definitionSpan) {
    return [{ uri: options.uri, range: doc.lines.rangeOf(entry.definitionSpan.start, entry.definitionSpan.end) }];
  }
  if (entry.source.kind === 'workspace' && entry.source.uri) {
    const line = entry.source.line ?? 0;
    return [{ uri: entry.source.uri, range: { start: { line, character: 0 }, end: { line, character: 0 } } }];
  }
  return [];
}

/** Every occurrence of the term (under any of its names) in this report and in the other open reports. */
export function references(doc: ReportDocument, position: Position, options: TermOptions, others: readonly { uri: string; doc: ReportDocument }[] = []): Location[] {
  const occurrence = termAt(doc, position, options);
  if (!occurrence) return [];
  const keys = new Set((occurrence.entry ? namesOf(occurrence.entry) : [occurrence.name]).map(foldKey));
  const locations: Location[] = [];
  for (const report of [{ uri: options.uri, doc }, ...others]) {
    const terms = termsOf(report.doc, options.glossary, report.uri);
    for (const occ of terms.occurrences) {
      if (keys.has(foldKey(occ.name)) || (occurrence.entry && occ.entry === occurrence.entry)) {
        locations.push({ uri: report.uri, range: report.doc.lines.rangeOf(occ.span.start, occ.span.end) });
      }
    }
  }
  return locations;
}

const OPENING_QUOTES = new Set(['“', '「', '『', '"']);

/** After an opening quote, the glossary's terms (and the report's own) as completions. */
export function completion(doc: ReportDocument, position: Position, options: TermOptions, limit = 500): CompletionItem[] {
  const offset = doc.lines.offsetAt(position);
  const lineStart = doc.lines.lineStart(position.line);
  let k = offset;
  while (k > lineStart && offset - k < 16 && !OPENING_QUOTES.has(doc.text[k - 1]!) && !/[\s，。；、”」』]/.test(doc.text[k - 1]!)) k--;
  if (k <= lineStart || !OPENING_QUOTES.has(doc.text[k - 1]!)) return [];
  const prefix = foldKey(doc.text.slice(k, offset));
  const terms = termsOf(doc, options.glossary, options.uri);
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  for (const entry of [...terms.definitions, ...options.glossary.entries]) {
    if (items.length >= limit) break;
    if (seen.has(entry.term) || !foldKey(entry.term).startsWith(prefix)) continue;
    seen.add(entry.term);
    items.push({
      label: entry.term,
      kind: CompletionItemKind.Reference,
      detail: entry.gloss ?? entry.category ?? '',
      documentation: { kind: MarkupKind.Markdown, value: escape(entry.definition) },
      filterText: entry.term,
      sortText: `${SOURCE_RANK[entry.source.kind]}${entry.term}`,
    });
  }
  return items;
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|]/g, (ch) => `\\${ch}`);
}
