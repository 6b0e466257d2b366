/**
 * `npm run eval` — every check over the development corpus: findings per document and
 * per code, each matched against the reviewed ledger; relations found and not
 * verifiable; gold-set relation recall; planted-slip recall from the text-chosen
 * mutation suite. Exit status 1 when a finding is not in the ledger, a ledger entry
 * no longer matches, or a recall is below its floor.
 *
 *   node out/test/eval/run.js [--verbose]
 */
import { belowFloors, readFloors, runTextSuite } from '../mutation/evaluate';
import { renderTable } from '../mutation/table';
import { evaluateCorpus, goldRecall, type DocumentResult } from './evaluate';
import { readEvalFloors } from './floors';

const CODES = ['rate-mismatch', 'part-exceeds-whole', 'sum-mismatch', 'change-mismatch', 'count-mismatch', 'conflicting-figure', 'heading-sequence', 'size-word-mismatch', 'multiple-mismatch', 'impossible-percentage'];
const SHORT: Record<string, string> = {
  'rate-mismatch': 'rate',
  'part-exceeds-whole': 'part',
  'sum-mismatch': 'sum',
  'change-mismatch': 'change',
  'count-mismatch': 'count',
  'conflicting-figure': 'conflict',
  'heading-sequence': 'heading',
  'size-word-mismatch': 'size',
  'multiple-mismatch': 'multiple',
  'impossible-percentage': 'grim',
};

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...r[i]!].length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd()).join('\n');
}

function documentRow(d: DocumentResult): string[] {
  const per = CODES.map((code) => String(d.findings.filter((f) => f.code === code).length || '·'));
  return [d.path.replace(/^test\/fixtures\//, ''), String(d.characters), String(d.quantities), String(d.relations), String(d.notVerifiable), ...per];
}

function main(argv: readonly string[]): number {
  const verbose = argv.includes('--verbose') || argv.includes('-v');
  const started = Date.now();
  const corpus = evaluateCorpus();
  const out: string[] = [];
  out.push(`Corpus evaluation: ${corpus.documents.length} documents${corpus.seedIncluded ? ' (seed report from ../shared included)' : ' (seed report skipped: ../shared is not there)'}`, '');
  const header = ['document', 'chars', 'quantities', 'relations', 'not verif.', ...CODES.map((c) => SHORT[c]!)];
  const rows = corpus.documents.map(documentRow);
  const total = (pick: (d: DocumentResult) => number) => String(corpus.documents.reduce((n, d) => n + pick(d), 0));
  rows.push(['total', total((d) => d.characters), total((d) => d.quantities), total((d) => d.relations), total((d) => d.notVerifiable), ...CODES.map((code) => total((d) => d.findings.filter((f) => f.code === code).length))]);
  out.push(table([header, ...rows]), '');
  const withRelations = corpus.documents.filter((d) => d.relations > 0).length;
  out.push(`documents with at least one relation: ${withRelations} of ${corpus.documents.length}`);
  out.push(`warnings and errors: ${corpus.documents.reduce((n, d) => n + d.findings.length, 0)}; not in the reviewed ledger: ${corpus.unreviewed.length}; stale ledger entries: ${corpus.stale.length}`);
  for (const f of corpus.unreviewed) out.push(`  UNREVIEWED ${f.file}:${f.line} [${f.code}] ${f.message}`);
  for (const e of corpus.stale) out.push(`  STALE ${e.file}:${e.line} [${e.code}] ${e.arithmetic}`);
  out.push('');

  const gold = goldRecall();
  const floors = readEvalFloors();
  out.push(`Gold set (test/fixtures/corpus/gold-relations.json): ${gold.found} of ${gold.relations} hand-annotated relations linked — recall ${(gold.recall * 100).toFixed(1)}% (floor ${(floors.goldRecall * 100).toFixed(0)}%, goal ${(floors.goal * 100).toFixed(0)}%)`);
  out.push(table([['stratum', 'lang', 'type', 'relations', 'found', 'recall'], ...gold.tallies.map((t) => [t.stratum, t.language, t.type, String(t.relations), String(t.found), `${((t.found / t.relations) * 100).toFixed(0)}%`])]));
  if (verbose) for (const m of gold.misses) out.push(`  missed ${m.file}:${m.line} [${m.type}] ${m.figures}`);
  out.push('');

  const mutation = runTextSuite();
  const mutationFloors = readFloors();
  out.push(renderTable(mutation, mutationFloors));
  const below = belowFloors(mutation, mutationFloors);
  out.push(`evaluation took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.stdout.write(`${out.join('\n')}\n`);
  return corpus.unreviewed.length === 0 && corpus.stale.length === 0 && gold.recall >= floors.goldRecall && below.length === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
