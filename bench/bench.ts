/**
 * `npm run bench`: measured numbers, printed (and with --json, as JSON).
 * Not a timed test: CI runs it only as a smoke run (`--smoke`, tiny input).
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { getReportLanguageService } from '../server/src/core/languageService';

const ROOT = path.resolve(__dirname, '..', '..');
const args = new Set(process.argv.slice(2));
const smoke = args.has('--smoke');
const asJson = args.has('--json');
const service = getReportLanguageService();

const CORPUS = ['gov-work-report-2010-zh.txt', 'gov-work-report-2012-zh.txt', 'gov-work-report-2014-zh.txt', 'bls-employment-situation-2023-03-en.md'].map((file) =>
  readFileSync(path.join(ROOT, 'test', 'fixtures', 'corpus', file), 'utf8'),
);

/** Repeats the corpus until it reaches `bytes` of UTF-8. */
function corpusOf(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const part = CORPUS[i % CORPUS.length]!;
    parts.push(part);
    size += Buffer.byteLength(part);
  }
  return parts.join('\n\n');
}

function analyse(text: string): number {
  const doc = service.parse(text);
  return service.documentSymbols(doc).length + service.foldingRanges(doc).length;
}

/** Median wall time of `runs` runs after one warm-up, in ms. */
function time(runs: number, fn: () => unknown): number {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

const MB = 1_000_000;
const results: Record<string, number> = {};

const largest = CORPUS.reduce((a, b) => (Buffer.byteLength(a) > Buffer.byteLength(b) ? a : b));
results['largestCorpusFileBytes'] = Buffer.byteLength(largest);
results['largestCorpusFileParseMs'] = time(smoke ? 3 : 50, () => service.parse(largest));

const throughputText = corpusOf(smoke ? 0.2 * MB : 8 * MB);
const throughputMs = time(smoke ? 1 : 5, () => analyse(throughputText));
results['outlineThroughputMBps'] = Buffer.byteLength(throughputText) / MB / (throughputMs / 1000);

for (const size of smoke ? [1] : [1, 4, 10, 16]) {
  const text = corpusOf(size * MB);
  results[`parse${size}MBms`] = time(smoke ? 1 : 5, () => service.parse(text));
}
const singleLine = '一、' + '很长的一行没有句号，'.repeat(smoke ? 10_000 : 1_000_000);
results['parse10MBSingleLineMs'] = time(smoke ? 1 : 3, () => analyse(singleLine));

if (asJson) {
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
} else {
  const rows = Object.entries(results).map(([name, value]) => `${name.padEnd(28)} ${value.toFixed(value >= 100 ? 0 : 2).padStart(10)}`);
  process.stdout.write(`Report Lens benchmark${smoke ? ' (smoke run, tiny inputs)' : ''} — node ${process.version}\n${rows.join('\n')}\n`);
}
