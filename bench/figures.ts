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

/** Mean wall time (ms) of `fn` called back to back until `ms` have passed (at least once). */
function meanOver(ms: number, fn: () => unknown): number {
  const started = performance.now();
  let runs = 0;
  do {
    fn();
    runs++;
  } while (performance.now() - started < ms);
  return (performance.now() - started) / runs;
}

/** A line of the text, where it stands, and the culture the peer needs for it (English when it has no Han character). */
interface Line {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly english: boolean;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    if (line.trim() !== '') lines.push({ text: line, start, end: start + line.length, english: !/[\u4e00-\u9fff]/.test(line) });
    start += line.length + 1;
  }
  return lines;
}

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

  // At least 1 MB of corpus text (see corpus.ts), for our throughput and for the comparison.
  const figureText = reportOf(smoke ? 0.05 * MB : 1.2 * MB);
  const figureBytes = bytesOf(figureText);
  results.detail('figuresBytes', figureBytes);
  // Both tools are timed at steady state: each is first run for a second or more (the engine optimises
  // hot functions in tiers, and a scanner that takes a few ms a pass is still being optimised after dozens).
  const warm = smoke ? 0 : 1000;
  const whole = (): number => extractFigures(figureText).length;
  warmUp(warm, whole);
  results.add({
    key: 'figuresMBps',
    label: `figure extraction (${(figureBytes / MB).toFixed(1)} MB in one call)`,
    value: figureBytes / MB / (time(smoke ? 1 : 15, whole) / 1000),
    unit: 'MB/s',
  });

  if (!peer) {
    results.notes.push('@microsoft/recognizers-text-number is not installed: the figure comparison was skipped.');
    results.add({ key: 'figuresSpeedupVsPeer', label: 'figure extraction vs @microsoft/recognizers-text-number', value: undefined, unit: '×', budget: { op: '>=', limit: 100 } });
    return { peerVersion: undefined, examples };
  }

  // The same text for both, a line at a time: the peer's cost grows faster than linearly with the length
  // of one input, so it is given lines (in the culture of the line); ours reads each line as the parser
  // calls it, with the document's text and the line's range.
  const lines = linesOf(figureText);
  const lineBytes = lines.reduce((n, line) => n + bytesOf(line.text), 0);
  const ours = (): number => lines.reduce((n, line) => n + extractFigures(figureText, line.start, line.end).length, 0);
  const theirs = (): number => lines.reduce((n, line) => n + (line.english ? peer.english : peer.chinese).parse(line.text).length, 0);
  warmUp(warm, ours);
  warmUp(warm * 1.5, theirs);
  // Paired rounds: in each, one sweep of the peer and, right before it, as many sweeps of ours as fill
  // the same time (ours: a few ms a sweep), averaged. Both are then averaged over windows of the same
  // length, so a slow spell of the machine (other tenants) weighs alike on both; each round gives a
  // ratio and the median ratio counts. A sweep over 1 MB is too long for either tool to find the text
  // in the cache or its branch predictors trained on it, as repeating a pass over a few KB would.
  const sweeps: { ours: number; theirs: number; ratio: number }[] = [];
  let window = smoke ? 0 : 300;
  for (let round = 0; round < (smoke ? 1 : 11); round++) {
    const oursMs = meanOver(window, ours);
    const theirsMs = time(1, theirs, 0);
    window = theirsMs;
    sweeps.push({ ours: oursMs, theirs: theirsMs, ratio: theirsMs / oursMs });
  }
  const median = (values: readonly number[]): number => statsOf(values).median;
  const mbps = (ms: number): number => lineBytes / MB / (ms / 1000);
  const ratios = sweeps.map((x) => x.ratio);
  results.detail('peer', `@microsoft/recognizers-text-number@${peer.version}`);
  results.detail('figuresLinesMBps', mbps(median(sweeps.map((x) => x.ours))));
  results.detail('peerLinesMBps', mbps(median(sweeps.map((x) => x.theirs))));
  results.detail('speedupRounds', ratios.map((x) => x.toFixed(1)).join(' '));
  results.detail('roundsMs', sweeps.map((x) => `${x.ours.toFixed(2)}/${x.theirs.toFixed(0)}`).join(' '));
  results.add({
    key: 'figuresSpeedupVsPeer',
    label: `figure extraction vs recognizers-text-number@${peer.version} (same ${(lineBytes / MB).toFixed(1)} MB)`,
    value: median(ratios),
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
