/**
 * The corpus evaluation: every check over every document of the development corpus,
 * each warning or error matched against the reviewed ledger, and the share of the
 * hand-annotated gold relations the extractor finds.
 */
import { readFileSync } from 'node:fs';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS, formatOf, getReportLanguageService, type ReportDocument } from '../../server/src/core/languageService';
import { figuresOf, relationsOf } from '../../server/src/core/relations/analyze';
import type { Relation } from '../../server/src/core/relations/types';
import { developmentCorpus, type CorpusDocument } from './corpus';

export const LEDGER = 'test/fixtures/corpus/reviewed-findings.json';
export const GOLD = 'test/fixtures/corpus/gold-relations.json';

/** A finding a person read and judged genuine: where it is, its code, and the arithmetic that shows it. */
export interface LedgerEntry {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  readonly code: string;
  readonly arithmetic: string;
}

export interface Finding {
  readonly file: string;
  readonly line: number;
  readonly code: string;
  readonly message: string;
}

export interface DocumentResult {
  readonly path: string;
  readonly language: 'zh' | 'en';
  readonly characters: number;
  readonly quantities: number;
  /** Warnings and errors per code. */
  readonly findings: readonly Finding[];
  /** Checked relations (consistent or not) and the not verifiable ones. */
  readonly relations: number;
  readonly notVerifiable: number;
}

export interface CorpusResult {
  readonly documents: readonly DocumentResult[];
  readonly seedIncluded: boolean;
  /** Findings not in the ledger: each one fails the evaluation. */
  readonly unreviewed: readonly Finding[];
  /** Ledger entries no finding matches any more. */
  readonly stale: readonly LedgerEntry[];
}

const service = getReportLanguageService();

export function readLedger(): LedgerEntry[] {
  return (JSON.parse(readFileSync(LEDGER, 'utf8')) as { findings: LedgerEntry[] }).findings;
}

function findingsOf(doc: ReportDocument, path: string): Finding[] {
  const diagnostics: Diagnostic[] = service.diagnostics(doc, DEFAULT_SETTINGS, { locale: 'en', uri: `file:///${path}` });
  return diagnostics
    .filter((d) => d.severity !== undefined && d.severity <= 2)
    .map((d) => ({ file: path, line: d.range.start.line + 1, code: String(d.code), message: typeof d.message === 'string' ? d.message : '' }));
}

export function evaluateCorpus(): CorpusResult {
  const { documents, seedIncluded } = developmentCorpus();
  const ledger = readLedger();
  const results = documents.map(evaluateDocument);
  const all = results.flatMap((r) => r.findings);
  const key = (f: { file: string; line: number; code: string }) => `${f.file}:${f.line}:${f.code}`;
  const reviewed = new Set(ledger.map(key));
  const found = new Set(all.map(key));
  return { documents: results, seedIncluded, unreviewed: all.filter((f) => !reviewed.has(key(f))), stale: ledger.filter((e) => !found.has(key(e))) };
}

function evaluateDocument(document: CorpusDocument): DocumentResult {
  // Read as the CLI reads the file: a .md report with the Markdown parser.
  const doc = service.parse(document.text, undefined, undefined, formatOf(undefined, document.path));
  const relations = relationsOf(doc);
  return {
    path: document.path,
    language: document.language,
    characters: document.text.length,
    quantities: doc.figures.filter((f) => !['date', 'year', 'time', 'ordinal', 'code'].includes(f.kind)).length,
    findings: findingsOf(doc, document.path),
    relations: relations.all.length,
    notVerifiable: relations.unverifiable.length,
  };
}

// ---- gold set ----

interface GoldFigure {
  readonly text: string;
  readonly line: number;
  readonly missing?: boolean;
}

interface GoldRelation {
  readonly type: string;
  readonly figures: readonly GoldFigure[];
  readonly phrase?: string;
  readonly stated?: number;
  readonly line?: number;
}

interface GoldSentence {
  readonly file: string;
  readonly line: number;
  readonly stratum: string;
  readonly relations: readonly GoldRelation[];
}

export interface GoldTally {
  readonly stratum: string;
  readonly language: 'zh' | 'en';
  readonly type: string;
  readonly relations: number;
  readonly found: number;
}

export interface GoldResult {
  readonly tallies: readonly GoldTally[];
  readonly relations: number;
  readonly found: number;
  readonly recall: number;
  readonly misses: readonly { readonly file: string; readonly line: number; readonly type: string; readonly figures: string }[];
}

/** Which of the extractor's relations can stand for a gold relation of each type. */
const COMPATIBLE: Readonly<Record<string, readonly Relation['type'][]>> = {
  rate: ['rate'],
  part: ['part', 'sum', 'rate'],
  sum: ['sum'],
  change: ['change'],
  'compound-growth': ['change'],
  'share-sum': ['share-sum'],
  count: ['count'],
};

const normal = (text: string) => text.replace(/\s+/g, '');

/** The share of the gold set's checkable relations that the extractor links (checked, whatever the verdict). */
export function goldRecall(): GoldResult {
  const gold = JSON.parse(readFileSync(GOLD, 'utf8')) as { sentences: GoldSentence[] };
  const docs = new Map<string, ReportDocument>();
  const docOf = (file: string) => {
    let doc = docs.get(file);
    if (!doc) docs.set(file, (doc = service.parse(readFileSync(file, 'utf8'), undefined, undefined, formatOf(undefined, file))));
    return doc;
  };
  const tallies = new Map<string, { stratum: string; language: 'zh' | 'en'; type: string; relations: number; found: number }>();
  const misses: { file: string; line: number; type: string; figures: string }[] = [];
  for (const sentence of gold.sentences) {
    const language = /-en\./.test(sentence.file) ? 'en' : 'zh';
    for (const relation of sentence.relations) {
      const key = `${sentence.stratum}|${language}|${relation.type}`;
      let tally = tallies.get(key);
      if (!tally) tallies.set(key, (tally = { stratum: sentence.stratum, language, type: relation.type, relations: 0, found: 0 }));
      tally.relations++;
      if (linked(docOf(sentence.file), relation)) tally.found++;
      else misses.push({ file: sentence.file, line: relation.line ?? sentence.line, type: relation.type, figures: relation.phrase ?? relation.figures.map((f) => f.text).join(' · ') });
    }
  }
  const list = [...tallies.values()].sort((a, b) => a.stratum.localeCompare(b.stratum) || a.language.localeCompare(b.language) || a.type.localeCompare(b.type));
  const relations = list.reduce((n, t) => n + t.relations, 0);
  const found = list.reduce((n, t) => n + t.found, 0);
  return { tallies: list, relations, found, recall: relations === 0 ? 1 : found / relations, misses };
}

function linked(doc: ReportDocument, gold: GoldRelation): boolean {
  const relations = relationsOf(doc);
  if (gold.type === 'count') {
    return relations.counts.some((c) => doc.lines.positionAt(c.phrase.start).line + 1 === gold.line && c.stated === gold.stated && (c.phraseText.includes(gold.phrase ?? '') || (gold.phrase ?? '').includes(c.phraseText.replace(/[“”]/g, ''))));
  }
  if (gold.figures.length === 0 || gold.figures.some((f) => f.missing)) return false;
  const types = COMPATIBLE[gold.type] ?? [];
  return relations.all.some((relation) => {
    if (!types.includes(relation.type)) return false;
    const figures = figuresOf(relation);
    return gold.figures.every((g) => figures.some((f) => doc.lines.positionAt(f.span.start).line + 1 === g.line && normal(f.text) === normal(g.text)));
  });
}
