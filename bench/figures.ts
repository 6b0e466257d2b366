/** Figure extraction, and the same text through @microsoft/recognizers-text-number (the peer), in the same run. */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Figure } from '../server/src/core/figures/figure';
import { extractFigures } from '../server/src/core/figures/scanner';
import { CORPUS, reportOf, ROOT } from './corpus';
import { bytesOf, MB, statsOf, time, warmUp } from './measure';
import type { Results } from './results';

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
  /** Where the chunk stands in its file: our scanner takes the file and a range, as the parser calls it. */
  readonly file: string;
  readonly start: number;
  readonly end: number;
}

function chunksOf(files: readonly Chunk[]): Chunk[] {
  const chunks: Chunk[] = [];
  for (const file of files) {
    let start = 0;
    for (const line of file.text.split('\n')) {
      if (line.trim() !== '') chunks.push({ text: line, english: file.english, file: file.text, start, end: start + line.length });
      start += line.length + 1;
    }
  }
  return chunks;
}

const bytesOfChunks = (chunks: readonly Chunk[]): number => chunks.reduce((sum, chunk) => sum + bytesOf(chunk.text), 0);

/** The figure's number as a plain number, comparable with the peer's: 千分之二 and 2‰ → 2. */
function numberValue(figure: Figure): number {
  if (figure.unit === '‰') return figure.value * 10;
  if (figure.unit === '‱') return figure.value * 100;
  if (figure.unit === '成') return figure.value / 10;
  return figure.value;
}

export interface FigureOptions {
  readonly smoke: boolean;
}

export function benchFigures(results: Results, { smoke }: FigureOptions): { peerVersion: string | undefined; examples: string[] } {
  const peer = loadPeer();
  const examples: string[] = [];

  // Our throughput on at least 1 MB, in one call as the parser's blocks add up to.
  const figureText = reportOf(smoke ? 0.05 * MB : 1.2 * MB);
  results.detail('figuresBytes', bytesOf(figureText));
  // Runs of a few ms are at the mercy of the JIT and the collector: warm up, then take the median of many.
  results.add({
    key: 'figuresMBps',
    label: `figure extraction (${(bytesOf(figureText) / MB).toFixed(1)} MB in one call)`,
    value: bytesOf(figureText) / MB / (time(smoke ? 1 : 15, () => extractFigures(figureText).length, smoke ? 1 : 5) / 1000),
    unit: 'MB/s',
  });

  if (!peer) {
    results.notes.push('@microsoft/recognizers-text-number is not installed: the figure comparison was skipped.');
    results.add({ key: 'figuresSpeedupVsPeer', label: 'figure extraction vs @microsoft/recognizers-text-number', value: undefined, unit: '×', budget: { op: '>=', limit: 100 } });
    return { peerVersion: undefined, examples };
  }

  // The same slice for both: one pass over the corpus files (~175 KB, Chinese and English in the corpus' proportion),
  // fed two ways, a line at a time and a whole file at a time. The peer's per-call overhead and its
  // super-linear cost pull in opposite directions, so both are measured and the smaller ratio is the headline.
  const files: Chunk[] = CORPUS.map((file) => {
    const text = smoke ? file.text.slice(0, 3000) : file.text;
    return { text, english: file.english, file: text, start: 0, end: text.length };
  });
  const lines = chunksOf(files);
  const sliceBytes = bytesOfChunks(lines);
  const fileBytes = bytesOfChunks(files);
  const peerOf = (chunk: Chunk): PeerModel => (chunk.english ? peer.english : peer.chinese);
  // Each tool reads each line the way it is called: ours with the file and the line's range (as the parser
  // calls it, block by block, on the document's text), the peer with the line as a string of its own.
  const ourLines = (): number => lines.reduce((n, chunk) => n + extractFigures(chunk.file, chunk.start, chunk.end).length, 0);
  const ourFiles = (): number => files.reduce((n, file) => n + extractFigures(file.text).length, 0);
  const theirLines = (): number => lines.reduce((n, chunk) => n + peerOf(chunk).parse(chunk.text).length, 0);
  const theirFiles = (): number => files.reduce((n, file) => n + peerOf(file).parse(file.text).length, 0);
  // Both tools are timed at steady state: each is first run for a second (the engine optimises hot
  // functions in tiers, and a scanner that takes 0.5 ms a pass is still being optimised after dozens).
  const warm = smoke ? 0 : 1000;
  for (const fn of [ourLines, ourFiles, theirLines, theirFiles]) warmUp(warm, fn);
  // Paired rounds: in each, our median over many passes and one pass of the peer, back to back, so that
  // a slow spell of the machine (other tenants) weighs on both sides of a ratio, not on one.
  const rounds = smoke ? 1 : 9;
  const ourRuns = smoke ? 1 : 15;
  const round = (ours: () => number, theirs: () => number): { ours: number; theirs: number; ratio: number } => {
    const oursMs = time(ourRuns, ours);
    const theirsMs = time(1, theirs, 0);
    return { ours: oursMs, theirs: theirsMs, ratio: theirsMs / oursMs };
  };
  const lineRounds: ReturnType<typeof round>[] = [];
  const fileRounds: ReturnType<typeof round>[] = [];
  for (let r = 0; r < rounds; r++) {
    lineRounds.push(round(ourLines, theirLines));
    fileRounds.push(round(ourFiles, theirFiles));
  }
  const median = (values: readonly number[]): number => statsOf(values).median;
  const mbps = (bytes: number, ms: number): number => bytes / MB / (ms / 1000);
  results.detail('peer', `@microsoft/recognizers-text-number@${peer.version}`);
  results.detail('sliceBytes', fileBytes);
  results.detail('figuresSliceLinesMBps', mbps(sliceBytes, median(lineRounds.map((x) => x.ours))));
  results.detail('peerSliceLinesMBps', mbps(sliceBytes, median(lineRounds.map((x) => x.theirs))));
  results.detail('figuresSliceFilesMBps', mbps(fileBytes, median(fileRounds.map((x) => x.ours))));
  results.detail('peerSliceFilesMBps', mbps(fileBytes, median(fileRounds.map((x) => x.theirs))));
  const lineRatio = median(lineRounds.map((x) => x.ratio));
  const fileRatio = median(fileRounds.map((x) => x.ratio));
  results.detail('speedupLines', lineRatio);
  results.detail('speedupFiles', fileRatio);
  results.add({
    key: 'figuresSpeedupVsPeer',
    label: `figure extraction vs recognizers-text-number@${peer.version} (same ${Math.round(fileBytes / 1000)} KB)`,
    value: Math.min(lineRatio, fileRatio),
    unit: '×',
    budget: { op: '>=', limit: 100 },
  });

  // Accuracy on report text, without a gold standard: which numbers each finds, and whether the values agree.
  const seedPath = path.join(ROOT, '..', 'shared', 'corpus', 'inner-mongolia-theme-education-2023-zh.txt');
  const documents: { name: string; text: string; english: boolean }[] = [
    ...(existsSync(seedPath) ? [{ name: 'seed', text: readFileSync(seedPath, 'utf8'), english: false }] : []),
    { name: 'bls', text: CORPUS[3]!.text, english: true },
  ];
  for (const document of documents) {
    const counts = compareOnDocument(document.text, document.english ? peer.english : peer.chinese, document.name, examples);
    for (const [key, value] of Object.entries(counts)) results.detail(`${document.name}${key}`, value);
  }
  return { peerVersion: peer.version, examples };
}

/**
 * Numbers found line by line by both tools. A number "both" find overlaps in
 * span; "agree" when the values match too. Ours count every figure (dates,
 * years and codes included), as the peer's NumberModel reports those too;
 * where the peer splits one of our figures (2023-09-14, 691-6378) into
 * several numbers, the extra parts are counted apart, not as numbers we missed.
 */
function compareOnDocument(text: string, model: PeerModel, name: string, examples: string[]): Record<string, number> {
  let agree = 0;
  let differ = 0;
  let onlyOurs = 0;
  let onlyPeer = 0;
  let peerSplits = 0;
  const show = (label: string, line: string, s: number, e: number, detail: string): void => {
    if (examples.filter((x) => x.startsWith(`${name} ${label}`)).length < 6) {
      examples.push(`${name} ${label}: ${line.slice(s, e)} ${detail} | …${line.slice(Math.max(0, s - 8), e + 8).replace(/\s+/g, ' ')}…`);
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
