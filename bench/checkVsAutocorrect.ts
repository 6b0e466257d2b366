/**
 * Whole processes, start-up included: `report-lens check --format json` on
 * 1 MB of Chinese report text, side by side with `autocorrect --lint --format
 * json` from the npm package `autocorrect-node` (native; a devDependency for
 * this benchmark only). The two do different work (figures that disagree vs.
 * spacing and punctuation), but both are what a writer runs on a report
 * before sending it, and the process is what they wait for.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CORPUS, ROOT, variant } from './corpus';
import { bytesOf, MB, statsOf } from './measure';
import type { Results } from './results';

const CLI = path.join(ROOT, 'bin', 'report-lens.js');

export function benchCheck(results: Results, { smoke }: { smoke: boolean }): void {
  const peer = autocorrectCli();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'report-lens-check-'));
  try {
    const file = path.join(dir, 'report.txt');
    const text = chineseText(smoke ? 0.1 * MB : MB);
    writeFileSync(file, text);
    results.detail('checkBytes', bytesOf(text));
    const ours = (): number => timed([CLI, 'check', '--format', 'json', file], [0, 1]);
    const theirs = peer === undefined ? undefined : (): number => timed([peer, '--lint', '--format', 'json', file], [0, 1]);
    // Alternating, after one warm-up run each (the page cache, the package's native library):
    // a slow spell of the shared machine then falls on both sides alike.
    ours();
    theirs?.();
    const runs = smoke ? 1 : 9;
    const ourTimes: number[] = [];
    const theirTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      ourTimes.push(ours());
      if (theirs) theirTimes.push(theirs());
    }
    const ourMedian = statsOf(ourTimes).median;
    results.add({ key: 'checkMs', label: `report-lens check --format json, ${(bytesOf(text) / MB).toFixed(1)} MB of Chinese, whole process (median)`, value: ourMedian, unit: 'ms' });
    if (!theirs) {
      results.notes.push('autocorrect-node could not be loaded here (its native package is missing for this platform): the check-vs-autocorrect row is skipped.');
      return;
    }
    const theirMedian = statsOf(theirTimes).median;
    results.add({ key: 'autocorrectMs', label: `autocorrect --lint --format json, same file, whole process (median)`, value: theirMedian, unit: 'ms' });
    results.add({ key: 'checkVsAutocorrectRatio', label: 'check time / autocorrect time (below 1: we are faster)', value: ourMedian / theirMedian, unit: '×', budget: { op: '<=', limit: 1 } });
    results.detail('checkRunsMs', ourTimes.map((ms) => ms.toFixed(0)).join(' '));
    results.detail('autocorrectRunsMs', theirTimes.map((ms) => ms.toFixed(0)).join(' '));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The package's CLI script, when the package and its native library for this platform load; else undefined. */
function autocorrectCli(): string | undefined {
  try {
    const main = require.resolve('autocorrect-node');
    // Loading it in a child: a native library that fails to load must not take this process with it.
    const probe = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(main)})`], { encoding: 'utf8' });
    return probe.status === 0 ? path.join(path.dirname(main), 'cli.js') : undefined;
  } catch {
    return undefined;
  }
}

/** Wall time of one node process, in ms; an exit status other than `ok` fails the benchmark. */
function timed(args: string[], ok: number[]): number {
  const started = performance.now();
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 256 * MB });
  const ms = performance.now() - started;
  if (child.status === null || !ok.includes(child.status)) throw new Error(`${args.join(' ')} exited ${child.status ?? child.signal}: ${child.stderr.slice(-2000)}`);
  return ms;
}

/** Chinese corpus files in turn, each round a new variant (see corpus.ts), until `bytes`. */
function chineseText(bytes: number): string {
  const files = CORPUS.filter((file) => !file.english);
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const part = variant(files[i % files.length]!, Math.floor(i / files.length));
    parts.push(part);
    size += bytesOf(part) + 2;
  }
  return parts.join('\n\n');
}
