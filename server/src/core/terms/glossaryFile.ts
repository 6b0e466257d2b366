import type * as Yaml from 'yaml';
import type { Node, Pair } from 'yaml';

/**
 * The yaml library, loaded when a glossary first needs it (most are read by the fast reader below):
 * loading it costs every start of the CLI and the server about 10 ms.
 */
let yamlLibrary: typeof Yaml | undefined;
function yaml(): typeof Yaml {
  return (yamlLibrary ??= require('yaml') as typeof Yaml);
}
import type { TermEntry } from './glossary';
import { parseSimpleYaml, type SimpleEntry } from './simpleYaml';
import { withoutBom } from '../text/chars';

/** A problem in a glossary file, reported as a diagnostic in the file itself. */
export interface GlossaryProblem {
  /** 0-based line. */
  readonly line: number;
  readonly character: number;
  readonly message: string;
}

export interface ParsedGlossary {
  readonly entries: TermEntry[];
  readonly problems: GlossaryProblem[];
}

export type GlossaryFormat = 'yaml' | 'json' | 'csv';

/** Glossaries are data, read whole into memory: larger files are refused rather than parsed. */
export const MAX_GLOSSARY_BYTES = 5_000_000;

export function formatOf(path: string): GlossaryFormat | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.yaml') || lower.endsWith('.yml')) return 'yaml';
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.csv')) return 'csv';
  return undefined;
}

/**
 * Reads a workspace glossary: YAML or JSON (a mapping of term → definition
 * string, or term → { definition, aliases, source }) or CSV (term,definition,aliases
 * with aliases separated by ;). Never throws: whatever is wrong becomes a problem
 * with its line, and the good entries are kept.
 */
/** A glossary file too large to load (checked on its size before it is read). */
export function glossaryTooLarge(): ParsedGlossary {
  return { entries: [], problems: [{ line: 0, character: 0, message: `Glossary larger than ${MAX_GLOSSARY_BYTES} bytes: not loaded.` }] };
}

/** A glossary file that could not be read: a problem in the file, never an exception. */
export function glossaryUnreadable(error: unknown): ParsedGlossary {
  return { entries: [], problems: [{ line: 0, character: 0, message: `Cannot read glossary: ${error instanceof Error ? error.message : String(error)}` }] };
}

export function parseGlossary(fileText: string, format: GlossaryFormat, uri: string): ParsedGlossary {
  if (fileText.length > MAX_GLOSSARY_BYTES) return glossaryTooLarge();
  const text = withoutBom(fileText);
  if (format === 'csv') return parseCsv(text, uri);
  if (format === 'yaml') {
    const simple = parseSimpleYaml(text);
    if (simple) return fromSimple(simple, uri);
  }
  return parseMapping(text, uri);
}

/** Entries of the fast reader, checked as parseMapping checks them. */
function fromSimple(simple: readonly SimpleEntry[], uri: string): ParsedGlossary {
  const entries: TermEntry[] = [];
  const problems: GlossaryProblem[] = [];
  const seen = new Set<string>();
  for (const { term: written, line, value } of simple) {
    const problem = (message: string) => problems.push({ line, character: 0, message });
    const term = written.trim();
    if (!term) {
      problem('Entry without a term.');
      continue;
    }
    if (seen.has(term)) problem(`“${term}” is defined twice; the first definition is used.`);
    seen.add(term);
    const source = { kind: 'workspace' as const, uri, line };
    if (typeof value === 'string') {
      if (!value.trim()) problem(`“${term}” has an empty definition.`);
      else entries.push({ term, aliases: [], definition: value.trim(), source });
      continue;
    }
    const definition = typeof value['definition'] === 'string' ? value['definition'].trim() : '';
    if (!definition) {
      problem(`“${term}” has no definition.`);
      continue;
    }
    const aliases = Array.isArray(value['aliases']) ? value['aliases'].map((alias) => alias.trim()).filter(Boolean) : [];
    const citation = typeof value['source'] === 'string' ? value['source'].trim() : undefined;
    entries.push({
      term,
      aliases,
      definition,
      ...(typeof value['gloss'] === 'string' ? { gloss: value['gloss'] } : {}),
      ...(typeof value['category'] === 'string' ? { category: value['category'] } : {}),
      source: citation ? { ...source, citation } : source,
    });
  }
  return { entries, problems };
}

/** The general path, through the `yaml` library (exported so tests can compare it with the fast reader). */
export function parseMapping(text: string, uri: string): ParsedGlossary {
  const entries: TermEntry[] = [];
  const problems: GlossaryProblem[] = [];
  const { LineCounter, parseDocument, isMap, isScalar } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const at = (offset: number | undefined): { line: number; character: number } => {
    const pos = lineCounter.linePos(offset ?? 0);
    return { line: Math.max(0, pos.line - 1), character: Math.max(0, pos.col - 1) };
  };
  for (const error of doc.errors) problems.push({ ...at(error.pos[0]), message: error.message.split('\n')[0]! });
  if (doc.errors.length > 0 && !isMap(doc.contents)) return { entries, problems };
  const contents = doc.contents;
  if (contents === null || contents === undefined) return { entries, problems };
  if (!isMap(contents)) {
    problems.push({ ...at(rangeStart(contents as Node)), message: 'A glossary is a mapping of term → definition (or term → { definition, aliases, source }).' });
    return { entries, problems };
  }
  const seen = new Set<string>();
  for (const pair of contents.items as Pair<unknown, unknown>[]) {
    const keyNode = pair.key as Node | null;
    const where = at(rangeStart(keyNode));
    const term = isScalar(keyNode) ? String(keyNode.value ?? '').trim() : '';
    if (!term) {
      problems.push({ ...where, message: 'Entry without a term.' });
      continue;
    }
    if (seen.has(term)) problems.push({ ...where, message: `“${term}” is defined twice; the first definition is used.` });
    seen.add(term);
    const entry = entryFrom(term, pair.value as Node | null, uri, where.line, (message) => problems.push({ ...where, message }));
    if (entry) entries.push(entry);
  }
  return { entries, problems };
}

function entryFrom(term: string, value: Node | null, uri: string, line: number, problem: (message: string) => void): TermEntry | undefined {
  const source = { kind: 'workspace' as const, uri, line };
  const { isMap, isScalar, isSeq } = yaml();
  if (isScalar(value)) {
    const definition = String(value.value ?? '').trim();
    if (!definition) return void problem(`“${term}” has an empty definition.`);
    return { term, aliases: [], definition, source };
  }
  if (!isMap(value)) return void problem(`“${term}”: expected a definition string or { definition, aliases, source }.`);
  const field = (name: string): Node | null => (value.get(name, true) as Node | undefined) ?? null;
  const definitionNode = field('definition');
  const definition = isScalar(definitionNode) ? String(definitionNode.value ?? '').trim() : '';
  if (!definition) return void problem(`“${term}” has no definition.`);
  const aliasesNode = field('aliases');
  let aliases: string[] = [];
  if (isSeq(aliasesNode)) aliases = aliasesNode.items.map((item) => (isScalar(item) ? String(item.value ?? '').trim() : '')).filter((alias) => alias.length > 0);
  else if (isScalar(aliasesNode)) aliases = String(aliasesNode.value ?? '').split(/[;；]/).map((alias) => alias.trim()).filter(Boolean);
  else if (aliasesNode !== null) problem(`“${term}”: aliases must be a list of strings.`);
  const citationNode = field('source');
  const citation = isScalar(citationNode) ? String(citationNode.value ?? '').trim() : undefined;
  const glossNode = field('gloss');
  const categoryNode = field('category');
  return {
    term,
    aliases,
    definition,
    ...(isScalar(glossNode) ? { gloss: String(glossNode.value) } : {}),
    ...(isScalar(categoryNode) ? { category: String(categoryNode.value) } : {}),
    source: citation ? { ...source, citation } : source,
  };
}

function rangeStart(node: Node | null | undefined): number | undefined {
  return node?.range?.[0];
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string, uri: string): ParsedGlossary {
  const entries: TermEntry[] = [];
  const problems: GlossaryProblem[] = [];
  const { rows, unclosedQuote } = csvRows(text);
  // The quoted field runs to the end of the file, swallowing every row after it: say where it opened.
  if (unclosedQuote !== undefined) problems.push({ ...unclosedQuote, message: 'A quoted field is never closed: every line after its opening quote is read as part of it.' });
  rows.forEach(({ fields, line }, index) => {
    if (fields.every((field) => field.trim() === '')) return;
    if (index === 0 && fields[0]?.trim().toLowerCase() === 'term') return; // header
    const [term = '', definition = '', aliases = ''] = fields.map((field) => field.trim());
    if (!term || !definition) {
      problems.push({ line, character: 0, message: 'A row needs a term and a definition: term,definition,aliases' });
      return;
    }
    entries.push({ term, aliases: aliases.split(/[;；]/).map((alias) => alias.trim()).filter(Boolean), definition, source: { kind: 'workspace', uri, line } });
  });
  return { entries, problems };
}

function csvRows(text: string): { rows: { fields: string[]; line: number }[]; unclosedQuote?: { line: number; character: number } } {
  const rows: { fields: string[]; line: number }[] = [];
  let quoteAt = { line: 0, character: 0 };
  let lineStart = 0;
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 0;
  let rowLine = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') (line++, (lineStart = i + 1));
        field += ch;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
      quoteAt = { line, character: i - lineStart };
    }
    else if (ch === ',') fields.push(field), (field = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      rows.push({ fields, line: rowLine });
      fields = [];
      field = '';
      line++;
      rowLine = line;
      lineStart = i + 1;
    } else field += ch;
  }
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    rows.push({ fields, line: rowLine });
  }
  return quoted ? { rows, unclosedQuote: quoteAt } : { rows };
}
