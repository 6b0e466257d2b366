/**
 * `report-lens check` on a folder's worth of reports, whole process: the 38 national government work
 * reports of the corpus (about 2.5 MB), as a team checks its archive before a deadline (issue 14).
 * Budget: under 1.5 s wall on 2 cores. `--folder-only` runs this row alone.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './corpus';
import { statsOf } from './measure';
import type { Results } from './results';

const CLI = path.join(ROOT, 'bin', 'report-lens.js');
const CORPUS = path.join(ROOT, 'test', 'fixtures', 'corpus');
/** The two globs name the 38 national reports, as a user would write them. */
const GLOBS = ['work-reports-zh/*.txt', 'gov-work-report-*.txt'];

export function benchFolderCheck(results: Results, { smoke }: { smoke: boolean }): void {
  const files = [...readdirSync(path.join(CORPUS, 'work-reports-zh')).filter((f) => f.endsWith('.txt')).map((f) => path.join(CORPUS, 'work-reports-zh', f)), ...readdirSync(CORPUS).filter((f) => /^gov-work-report-.*\.txt$/.test(f)).map((f) => path.join(CORPUS, f))];
  const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
  const run = (jobs: string[]): number => {
    const started = performance.now();
    const child = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', ...jobs, ...GLOBS], { cwd: CORPUS, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const ms = performance.now() - started;
    if (child.status !== 0 && child.status !== 1) throw new Error(`report-lens check failed (${String(child.status)}): ${child.stderr}`);
    const checked = (JSON.parse(child.stdout) as unknown[]).length;
    if (checked !== files.length) throw new Error(`report-lens check checked ${checked} files, expected ${files.length}`);
    return ms;
  };
  run([]); // the page cache
  const runs = smoke ? 1 : 7;
  const parallel: number[] = [];
  const serial: number[] = [];
  for (let i = 0; i < runs; i++) {
    parallel.push(run([]));
    serial.push(run(['--jobs', '1']));
  }
  const median = statsOf(parallel).median;
  results.add({ key: 'folderCheckMs', label: `report-lens check on ${files.length} reports (${(bytes / 1e6).toFixed(1)} MB), default threads, whole process (median)`, value: median, unit: 'ms', budget: { op: '<=', limit: 1500 } });
  results.detail('folderCheckRunsMs', parallel.map((ms) => ms.toFixed(0)).join(' '));
  results.detail('folderCheckOneThreadMs', statsOf(serial).median);
  results.detail('folderCheckOneThreadRunsMs', serial.map((ms) => ms.toFixed(0)).join(' '));
}
