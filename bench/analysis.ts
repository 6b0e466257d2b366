/**
 * Full analysis in process, through the language service as the server and
 * the CLI use it: parse (outline, figures), diagnostics (relations, checks,
 * terms) and document symbols.
 */
import { DEFAULT_SETTINGS, getReportLanguageService, Glossary } from '../server/src/core/languageService';
import { relationsOf } from '../server/src/core/relations/analyze';
import { builtinEntries } from '../server/src/core/terms/builtin';
import { termsOf } from '../server/src/core/terms/termIndex';
import { corpusParts, markdownReportOf, reportOf } from './corpus';
import { bytesOf, MB, Random, sample, statsOf, time } from './measure';
import type { Results } from './results';

const service = getReportLanguageService();
const glossary = new Glossary(builtinEntries());
const URI = 'file:///bench/report.report';

/** Everything a report costs when it is opened: returns a count so that nothing is optimised away. */
export function analyse(text: string, uri = URI): number {
  const doc = service.parse(text);
  const diagnostics = service.diagnostics(doc, DEFAULT_SETTINGS, { locale: 'en', uri, glossary });
  return diagnostics.length + service.documentSymbols(doc).length;
}

export interface AnalysisOptions {
  readonly smoke: boolean;
}

export function benchAnalysis(results: Results, { smoke }: AnalysisOptions): void {
  // 1. Throughput over the corpus as reports (each file a document), at least 8 MB in all.
  const reports = corpusParts(smoke ? 0.2 * MB : 8 * MB);
  const reportBytes = reports.reduce((n, part) => n + bytesOf(part.text), 0);
  const throughputMs = time(smoke ? 1 : 5, () => reports.reduce((n, part) => n + analyse(part.text), 0));
  results.add({
    key: 'analysisThroughputMBps',
    label: `full analysis throughput (${(reportBytes / MB).toFixed(1)} MB, ${reports.length} reports)`,
    value: reportBytes / MB / (throughputMs / 1000),
    unit: 'MB/s',
    budget: { op: '>=', limit: 20 },
  });
  results.detail('analysisThroughputBytes', reportBytes);
  results.detail('analysisThroughputReports', reports.length);

  // 2. One report of 1 MB, and 7. the same at 4 and 16 MB.
  const sizes = smoke ? [0.02, 0.08, 0.32] : [1, 4, 16];
  const times: number[] = [];
  for (const [k, size] of sizes.entries()) {
    const text = reportOf(size * MB);
    const runs = smoke ? 1 : size <= 1 ? 21 : size <= 4 ? 7 : 3;
    const stats = sample(runs, () => analyse(text), smoke ? 1 : size <= 1 ? 3 : 1);
    times.push(stats.median);
    results.detail(`analysisLinear${k}Bytes`, bytesOf(text));
    results.detail(`analysisLinear${k}P95Ms`, stats.p95);
    if (k === 0) {
      results.add({ key: 'analysis1MBms', label: `full analysis of a ${label(size)} report (median)`, value: stats.median, unit: 'ms', budget: { op: '<=', limit: 50 } });
      breakdown(results, text, smoke);
    }
  }
  sizes.forEach((size, k) => results.add({ key: `analysisLinear${k}ms`, label: `full analysis at ${label(size)} (median)`, value: times[k]!, unit: 'ms' }));
  // Linear cost: the per-MB budget holds at the largest size too. (The ratio of the largest to the
  // smallest is shown as well; it runs above the sizes' ratio because 16 MB of models no longer fit
  // the collector's young generation, and a 1 MB report fits the CPU caches far better.)
  const largest = sizes[2]!;
  results.add({
    key: 'analysisPerMBAtLargest',
    label: `full analysis per MB at ${label(largest)} (linear cost)`,
    value: times[2]! / largest,
    unit: 'ms/MB',
    budget: { op: '<=', limit: 50 },
  });
  results.detail('analysisLinearRatio', times[2]! / times[0]!);

  // A 10 MB single line (no paragraph or sentence breaks): must stay linear, not hang.
  const singleLine = '一、' + '很长的一行没有句号，'.repeat(smoke ? 3_000 : 333_333);
  results.detail('singleLineBytes', bytesOf(singleLine));
  results.detail('singleLineAnalysisMs', time(smoke ? 1 : 3, () => analyse(singleLine)));

  benchMarkdown(results, smoke);
}

/**
 * A Markdown report (the corpus written as Markdown: headings, lists, tables, code, links; see
 * markdownReportOf): a parse from nothing, as when it is opened, and the parse after a one-character
 * edit, given the version before it, as while typing. Parsing only, as the parser's own cost.
 */
function benchMarkdown(results: Results, smoke: boolean): void {
  const text = markdownReportOf(smoke ? 0.05 * MB : 1 * MB);
  const bytes = bytesOf(text);
  // Loading the Markdown parser is paid once per process, on the first Markdown document.
  const loading = performance.now();
  service.parse('# x\n\n*y*\n', undefined, undefined, 'markdown');
  results.detail('markdownParserLoadMs', performance.now() - loading);
  const first = sample(smoke ? 1 : 7, () => service.parse(text, undefined, undefined, 'markdown'), smoke ? 0 : 1);
  results.add({ key: 'markdownParseMBps', label: `Markdown parse from nothing (${(bytes / MB).toFixed(2)} MB, median)`, value: bytes / MB / (first.median / 1000), unit: 'MB/s', budget: { op: '>=', limit: 1 } });
  results.detail('markdownParseMs', first.median);
  results.detail('markdownBytes', bytes);
  const random = new Random(7);
  let current = text;
  let doc = service.parse(current, undefined, undefined, 'markdown');
  const edits = sample(smoke ? 3 : 41, () => {
    const at = random.int(0, current.length);
    current = current.slice(0, at) + '的' + current.slice(at);
    doc = service.parse(current, doc, undefined, 'markdown');
  });
  results.add({ key: 'markdownEditMedianMs', label: `Markdown parse after a one-character edit at ${(bytes / MB).toFixed(2)} MB (median)`, value: edits.median, unit: 'ms', budget: { op: '<=', limit: 50 } });
  results.detail('markdownEditP95Ms', edits.p95);
}

/** Where the time of one report goes, stage by stage (each on a fresh parse, so nothing is cached). */
function breakdown(results: Results, text: string, smoke: boolean): void {
  const runs = smoke ? 1 : 11;
  const stages = { parse: [] as number[], relations: [] as number[], terms: [] as number[], diagnostics: [] as number[], symbols: [] as number[] };
  for (let run = -2; run < runs; run++) {
    const started = performance.now();
    const doc = service.parse(text);
    const parsed = performance.now();
    relationsOf(doc);
    const related = performance.now();
    termsOf(doc, glossary, URI);
    const termed = performance.now();
    service.diagnostics(doc, DEFAULT_SETTINGS, { locale: 'en', uri: URI, glossary });
    const diagnosed = performance.now();
    service.documentSymbols(doc);
    const done = performance.now();
    if (run < 0) continue;
    stages.parse.push(parsed - started);
    stages.relations.push(related - parsed);
    stages.terms.push(termed - related);
    stages.diagnostics.push(diagnosed - termed);
    stages.symbols.push(done - diagnosed);
  }
  for (const [stage, samples] of Object.entries(stages)) results.detail(`breakdown1MB.${stage}Ms`, statsOf(samples).median);
}

export function label(size: number): string {
  return size >= 1 ? `${size} MB` : `${Math.round(size * 1000)} KB`;
}
