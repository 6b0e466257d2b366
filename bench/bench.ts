/**
 * `npm run bench`: measured numbers, printed (and with --json, as JSON).
 * Not a timed test: CI runs it only as a smoke run (`--smoke`, tiny input).
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Figure } from '../server/src/core/figures/figure';
import { extractFigures } from '../server/src/core/figures/scanner';
import { getReportLanguageService } from '../server/src/core/languageService';

const ROOT = path.resolve(__dirname, '..', '..');
const args = new Set(process.argv.slice(2));
const smoke = args.has('--smoke');
const asJson = args.has('--json');
const service = getReportLanguageService();

const CORPUS_FILES = ['gov-work-report-2010-zh.txt', 'gov-work-report-2012-zh.txt', 'gov-work-report-2014-zh.txt', 'bls-employment-situation-2023-03-en.md'];
const CORPUS = CORPUS_FILES.map((file) => readFileSync(path.join(ROOT, 'test', 'fixtures', 'corpus', file), 'utf8'));

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

/** Median wall time of `runs` runs after `warmUps` warm-up runs (one by default), in ms. */
function time(runs: number, fn: () => unknown, warmUps = 1): number {
  for (let i = 0; i < warmUps; i++) fn();
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

// ---- Figure extraction, and the same text through @microsoft/recognizers-text-number ----

interface PeerResult {
  readonly start: number;
  /** Inclusive. */
  readonly end: number;
  readonly text: string;
  readonly resolution?: { readonly value?: string | null } | null;
}
interface PeerModel {
  parse(query: string): PeerResult[];
}
interface Peer {
  readonly version: string;
  readonly chinese: PeerModel;
  readonly english: PeerModel;
}

/** The peer is a devDependency: without it (a production install) the comparison is skipped, not the benchmark. */
function loadPeer(): Peer | undefined {
  try {
    const lib = require('@microsoft/recognizers-text-number') as typeof import('@microsoft/recognizers-text-number');
    const { version } = require('@microsoft/recognizers-text-number/package.json') as { version: string };
    return {
      version,
      chinese: new lib.NumberRecognizer(lib.Culture.Chinese).getNumberModel(),
      english: new lib.NumberRecognizer(lib.Culture.English).getNumberModel(),
    };
  } catch {
    return undefined;
  }
}

/**
 * A stretch of corpus text and the culture the peer needs for it. The
 * peer's cost grows faster than linearly with the length of one input (300 KB
 * of English in one call is ~10× slower per byte than 100 KB), so it is never
 * fed more than one file at a time, and a line at a time as well.
 */
interface Chunk {
  readonly text: string;
  readonly english: boolean;
}

function chunksOf(files: readonly { text: string; english: boolean }[]): Chunk[] {
  const chunks: Chunk[] = [];
  for (const file of files) for (const line of file.text.split('\n')) if (line.trim() !== '') chunks.push({ text: line, english: file.english });
  return chunks;
}

const bytesOf = (chunks: readonly Chunk[]): number => chunks.reduce((sum, chunk) => sum + Buffer.byteLength(chunk.text), 0);

/** The figure's number as a plain number, comparable with the peer's: 千分之二 and 2‰ → 2. */
function numberValue(figure: Figure): number {
  if (figure.unit === '‰') return figure.value * 10;
  if (figure.unit === '‱') return figure.value * 100;
  if (figure.unit === '成') return figure.value / 10;
  return figure.value;
}

const peer = loadPeer();
const peerExamples: string[] = [];

// Our throughput on at least 1 MB, in one call as the parser's blocks add up to.
const figureText = corpusOf(smoke ? 0.05 * MB : 1.2 * MB);
results['figuresBytes'] = Buffer.byteLength(figureText);
// Runs of a few ms are at the mercy of the JIT and the collector: warm up, then take the median of many.
results['figuresMBps'] = Buffer.byteLength(figureText) / MB / (time(smoke ? 1 : 15, () => extractFigures(figureText).length, smoke ? 1 : 5) / 1000);

if (peer) {
  // The same slice for both: one pass over the corpus files (~175 KB, Chinese and English in the corpus' proportion),
  // fed two ways, a line at a time and a whole file at a time. The peer's per-call overhead and its
  // super-linear cost pull in opposite directions, so both are measured and the smaller ratio is the headline.
  const files = CORPUS.map((text, k) => ({ text: smoke ? text.slice(0, 3000) : text, english: CORPUS_FILES[k]!.endsWith('-en.md') }));
  const lines = chunksOf(files);
  const sliceBytes = bytesOf(lines);
  const peerOf = (chunk: Chunk): PeerModel => (chunk.english ? peer.english : peer.chinese);
  const ourRuns = smoke ? 1 : 31;
  const ourWarmUps = smoke ? 1 : 20;
  const oursLines = time(ourRuns, () => lines.reduce((n, chunk) => n + extractFigures(chunk.text).length, 0), ourWarmUps);
  const oursFiles = time(ourRuns, () => files.reduce((n, file) => n + extractFigures(file.text).length, 0), ourWarmUps);
  const peerLines = time(smoke ? 1 : 3, () => lines.reduce((n, chunk) => n + peerOf(chunk).parse(chunk.text).length, 0), smoke ? 1 : 2);
  const peerFiles = time(smoke ? 1 : 3, () => files.reduce((n, file) => n + peerOf(file).parse(file.text).length, 0), smoke ? 1 : 2);
  const fileBytes = files.reduce((n, file) => n + Buffer.byteLength(file.text), 0);
  const mbps = (bytes: number, ms: number): number => bytes / MB / (ms / 1000);
  results['sliceBytes'] = fileBytes;
  results['figuresSliceLinesMBps'] = mbps(sliceBytes, oursLines);
  results['peerSliceLinesMBps'] = mbps(sliceBytes, peerLines);
  results['figuresSliceFilesMBps'] = mbps(fileBytes, oursFiles);
  results['peerSliceFilesMBps'] = mbps(fileBytes, peerFiles);
  results['figuresSpeedupVsPeer'] = Math.min(peerLines / oursLines, peerFiles / oursFiles);

  // Accuracy on report text, without a gold standard: which numbers each finds, and whether the values agree.
  const seedPath = path.join(ROOT, '..', 'shared', 'corpus', 'inner-mongolia-theme-education-2023-zh.txt');
  const documents: { name: string; text: string; english: boolean }[] = [
    ...(existsSync(seedPath) ? [{ name: 'seed', text: readFileSync(seedPath, 'utf8'), english: false }] : []),
    { name: 'bls', text: CORPUS[3]!, english: true },
  ];
  for (const document of documents) {
    const counts = compareOnDocument(document.text, document.english ? peer.english : peer.chinese, document.name);
    for (const [key, value] of Object.entries(counts)) results[`${document.name}${key}`] = value;
  }
}

/**
 * Numbers found line by line by both tools. A number "both" find overlaps in
 * span; "agree" when the values match too. Ours count every figure (dates,
 * years and codes included), as the peer's NumberModel reports those too;
 * where the peer splits one of our figures (2023-09-14, 691-6378) into
 * several numbers, the extra parts are counted apart, not as numbers we missed.
 */
function compareOnDocument(text: string, model: PeerModel, name: string): Record<string, number> {
  let agree = 0;
  let differ = 0;
  let onlyOurs = 0;
  let onlyPeer = 0;
  let peerSplits = 0;
  const show = (label: string, line: string, s: number, e: number, detail: string): void => {
    if (peerExamples.filter((x) => x.startsWith(`${name} ${label}`)).length < 6) {
      peerExamples.push(`${name} ${label}: ${line.slice(s, e)} ${detail} | …${line.slice(Math.max(0, s - 8), e + 8).replace(/\s+/g, ' ')}…`);
    }
  };
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const figures = extractFigures(line);
    const ours = figures.map((f) => ({ start: f.numberSpan.start, end: f.numberSpan.end, value: numberValue(f), kind: f.kind }));
    const theirs = model.parse(line).map((r) => ({ start: r.start, end: r.end + 1, value: Number(r.resolution?.value ?? NaN) }));
    const matched = new Set<number>();
    for (const o of ours) {
      const k = theirs.findIndex((t, index) => !matched.has(index) && t.start < o.end && o.start < t.end);
      if (k < 0) {
        onlyOurs++;
        show('only ours', line, o.start, o.end, `(${o.kind} ${o.value})`);
        continue;
      }
      matched.add(k);
      const t = theirs[k]!;
      if (Math.abs(t.value - o.value) <= 1e-9 * Math.max(Math.abs(t.value), Math.abs(o.value))) agree++;
      else {
        differ++;
        show('differ', line, Math.min(o.start, t.start), Math.max(o.end, t.end), `(ours ${o.value}, peer ${t.value})`);
      }
    }
    theirs.forEach((t, index) => {
      if (matched.has(index)) return;
      if (figures.some((f) => t.start < f.span.end && f.span.start < t.end)) {
        peerSplits++;
        return;
      }
      onlyPeer++;
      show('only peer', line, t.start, t.end, `(${t.value})`);
    });
  }
  return { BothAgree: agree, BothDiffer: differ, PeerSplitsOurs: peerSplits, OnlyOurs: onlyOurs, OnlyPeer: onlyPeer };
}

if (asJson) {
  process.stdout.write(`${JSON.stringify({ ...results, ...(peer ? { peer: `@microsoft/recognizers-text-number@${peer.version}` } : {}) }, null, 2)}\n`);
} else {
  const rows = Object.entries(results).map(([name, value]) => `${name.padEnd(28)} ${value.toFixed(value >= 100 || Number.isInteger(value) ? 0 : 2).padStart(10)}`);
  process.stdout.write(`Report Lens benchmark${smoke ? ' (smoke run, tiny inputs)' : ''} — node ${process.version}\n${rows.join('\n')}\n`);
  if (peer) {
    process.stdout.write(
      `\nFigure extraction vs @microsoft/recognizers-text-number@${peer.version} on the same ${(results['sliceBytes']! / 1000).toFixed(0)} KB: ` +
        `line by line ${results['figuresSliceLinesMBps']!.toFixed(1)} vs ${results['peerSliceLinesMBps']!.toFixed(2)} MB/s, ` +
        `file by file ${results['figuresSliceFilesMBps']!.toFixed(1)} vs ${results['peerSliceFilesMBps']!.toFixed(2)} MB/s; ` +
        `at least ${results['figuresSpeedupVsPeer']!.toFixed(0)}× faster\n` +
        `Examples where the tools differ on report text (no gold standard):\n${peerExamples.map((x) => `  ${x}`).join('\n')}\n`,
    );
  } else process.stdout.write('\n@microsoft/recognizers-text-number is not installed: the comparison was skipped.\n');
}
