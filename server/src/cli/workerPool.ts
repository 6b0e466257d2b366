/**
 * Checking files on worker threads: each worker takes the next file when it is done with one, so a
 * long report never leaves the other cores idle behind a fixed split. Results keep the files' order.
 * The main thread is one of the `jobs`: it checks files while the workers start (a worker loads and
 * warms up the whole bundle, about as long as checking a few reports), so N cores start N − 1 workers.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type * as WorkerThreads from 'node:worker_threads';
import type { Locale } from '../core/l10n/messages';
import type { CheckOptions, FileChecker, FileResult } from './checkCommand';
import type { CheckedFile } from './sarif';

/** What a worker is started with (structured-cloned). */
export interface WorkerSetup {
  readonly options: CheckOptions;
  readonly locale: Locale;
}

export type ToWorker = { readonly type: 'check'; readonly index: number; readonly file: string } | { readonly type: 'finish' };
export type FromWorker =
  | { readonly type: 'result'; readonly index: number; readonly result: FileResult }
  | { readonly type: 'err'; readonly text: string }
  | { readonly type: 'finished'; readonly glossaryProblems: CheckedFile[] };

/**
 * The worker script beside this module: dist/checkWorker.js next to the bundled dist/cli.js, or
 * out/server/src/cli/checkWorker.js next to the compiled one (tests).
 */
export function workerScript(): string | undefined {
  const script = path.join(__dirname, 'checkWorker.js');
  return existsSync(script) ? script : undefined;
}

export async function checkOnWorkers(
  files: readonly string[],
  jobs: number,
  setup: WorkerSetup,
  err: (text: string) => void,
  done: (index: number, file: string) => void,
  fallback: (err: (text: string) => void) => FileChecker,
): Promise<{ results: FileResult[]; glossaryProblems: CheckedFile[] }> {
  const results: FileResult[] = new Array<FileResult>(files.length);
  const glossaryProblems = new Map<string, CheckedFile>();
  const told = new Set<string>();
  // Workers each find a bad configuration once: the user is told once.
  const tell = (text: string): void => {
    if (told.has(text)) return;
    told.add(text);
    err(text);
  };
  let next = 0;
  const script = workerScript();
  const runWorker = (): Promise<void> =>
    new Promise((resolve) => {
      // Loaded when a worker starts: a check of one file (the common run) never needs it.
      const { Worker } = require('node:worker_threads') as typeof WorkerThreads;
      const worker = new Worker(script!, { workerData: setup });
      let current: number | undefined;
      const give = (): void => {
        if (next < files.length) {
          current = next++;
          worker.postMessage({ type: 'check', index: current, file: files[current]! } satisfies ToWorker);
        } else {
          current = undefined;
          worker.postMessage({ type: 'finish' } satisfies ToWorker);
        }
      };
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'err') tell(message.text);
        else if (message.type === 'result') {
          results[message.index] = message.result;
          done(message.index, files[message.index]!);
          give();
        } else {
          for (const problem of message.glossaryProblems) glossaryProblems.set(problem.uri, problem);
          void worker.terminate().then(() => resolve());
        }
      });
      // A worker that dies leaves its file to the main thread (below): a crash costs speed, never a result.
      worker.on('error', (error) => {
        tell(`report-lens: a worker thread failed (${error.message}); checking on without it\n`);
        if (current !== undefined && results[current] === undefined) failed.push(current);
        resolve();
      });
      give();
    });
  const failed: number[] = [];
  let mainChecker: FileChecker | undefined;
  const checker = (): FileChecker => (mainChecker ??= fallback(tell));
  // The main thread takes files from the same queue, one at a time, yielding between them so that
  // the workers' messages (a finished file, a request for the next) are answered promptly.
  const runMain = async (): Promise<void> => {
    while (next < files.length) {
      const i = next++;
      results[i] = checker().check(files[i]!);
      done(i, files[i]!);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  };
  if (script) await Promise.all([...Array.from({ length: jobs - 1 }, runWorker), runMain()]);
  // Whatever no worker checked (no worker script found, or a worker that failed) is checked here.
  const missing = [...failed, ...files.keys()].filter((i, at, all) => results[i] === undefined && all.indexOf(i) === at);
  for (const i of missing) {
    results[i] = checker().check(files[i]!);
    done(i, files[i]!);
  }
  if (mainChecker) for (const problem of mainChecker.glossaryProblemFiles()) glossaryProblems.set(problem.uri, problem);
  return { results, glossaryProblems: [...glossaryProblems.values()] };
}
