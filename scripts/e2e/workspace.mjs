// The scratch workspace the editor tests open: a copy of examples/ plus a
// `.txt` report mapped to the `report` language by `files.associations`.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const suiteIndex = join(repoRoot, 'out', 'e2e', 'suite', 'index.js');

/** A short report whose rate (760 / 800 = 95.0%) is deliberately misstated as 96.0%. */
export const NOTES_TXT = [
  '供水服务工作简报',
  '来源: 示例',
  '',
  '一、总体情况',
  '',
  '　　全年共受理群众诉求800件，办结760件，办结率96.0%。',
  '',
  '二、下一步工作',
  '',
  '　　继续完善城乡供水长效管护机制。',
  '',
].join('\n');

/**
 * The line the latency test edits: 1150 / 1200 = 95.83%, so 整改率95.8% holds and 95.9% is a
 * rate-mismatch; one keystroke (8 ↔ 9) adds or clears the squiggle.
 */
export const LATENCY_LINE = '　　开展营商环境突出问题专项整治，共排查问题1200个，已整改1150个，整改率95.8%。';

/**
 * A real report (a government work report of the development corpus) cut to about `bytes` bytes
 * at a line end, with the latency line as its second paragraph: the size a user edits, and text
 * whose every figure the server reads.
 */
function latencyReport(bytes) {
  const source = readFileSync(join(repoRoot, 'test', 'fixtures', 'corpus', 'gov-work-report-2010-zh.txt'), 'utf8');
  const [title, ...rest] = source.split('\n');
  const lines = [title, LATENCY_LINE];
  let size = Buffer.byteLength(lines.join('\n'));
  for (const line of rest) {
    if (size >= bytes) break;
    lines.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  return `${lines.join('\n')}\n`;
}

/** A fresh scratch folder (removed by the caller with `removeScratch`). */
export function makeScratch(prefix = 'report-lens-e2e-') {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeScratch(dir) {
  if (dir) rmSync(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 200 });
}

/** Writes the workspace into `<scratch>/workspace` and returns its absolute path. */
export function createWorkspace(scratch) {
  const workspace = join(scratch, 'workspace');
  cpSync(join(repoRoot, 'examples'), workspace, { recursive: true });
  mkdirSync(join(workspace, '.vscode'), { recursive: true });
  writeFileSync(
    join(workspace, '.vscode', 'settings.json'),
    JSON.stringify({ 'files.associations': { '*.txt': 'report' } }, null, 2) + '\n',
  );
  writeFileSync(join(workspace, 'notes.txt'), NOTES_TXT);
  writeFileSync(join(workspace, 'latency-9k.report'), latencyReport(9_000));
  writeFileSync(join(workspace, 'latency-60k.report'), latencyReport(60_000));
  return workspace;
}
