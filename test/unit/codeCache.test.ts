/** The launcher's code cache (bin/codeCache.js): a faster start, never a different or a failed run. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fixturePath, ROOT } from '../support/paths';

const CLI = path.join(ROOT, 'bin', 'report-lens.js');
/** Node 22.1+ keeps the cache itself (module.enableCompileCache); the launcher's own is for Node 20. */
const nodeKeepsCache = typeof (Module as { enableCompileCache?: unknown }).enableCompileCache === 'function';
const REPORT = fixturePath('docx', 'report-zh.docx');

function runCli(cacheDir: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, REPORT_LENS_CACHE_DIR: cacheDir, REPORT_LENS_NO_CODE_CACHE: '' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the CLI launcher keeps V8 code cache between runs', () => {
  let dir: string;
  let plain: ReturnType<typeof runCli>;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'report-lens-cache-'));
    plain = spawnSync(process.execPath, [CLI, 'check', REPORT], { encoding: 'utf8', env: { ...process.env, REPORT_LENS_NO_CODE_CACHE: '1' } }) as unknown as ReturnType<typeof runCli>;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('the first run writes a private cache file; the next runs read it and print exactly the same', { skip: nodeKeepsCache ? 'SKIPPED: this Node keeps its own compile cache (module.enableCompileCache)' : false }, () => {
    const cache = path.join(dir, 'own');
    const first = runCli(cache, 'check', REPORT);
    assert.equal(first.status, plain.status);
    assert.equal(first.stdout, plain.stdout);
    const files = readdirSync(cache);
    assert.equal(files.length, 1, `one cache file: ${files.join(', ')}`);
    assert.match(files[0]!, /^cli\.js-check-v\d+\.\d+\.\d+-\w+-\d+-\d+\.cache$/);
    assert.equal(statSync(path.join(cache, files[0]!)).mode & 0o777, 0o600, 'readable by its user only');
    const second = runCli(cache, 'check', REPORT);
    assert.deepEqual(second, first);
  });

  test('a damaged cache file is rejected by V8 and written again; the run is unchanged', { skip: nodeKeepsCache ? 'SKIPPED: this Node keeps its own compile cache' : false }, () => {
    const cache = path.join(dir, 'damaged');
    runCli(cache, 'check', REPORT);
    const [name] = readdirSync(cache);
    writeFileSync(path.join(cache, name!), Buffer.alloc(4096, 7));
    const run = runCli(cache, 'check', REPORT);
    assert.equal(run.stdout, plain.stdout);
    assert.notDeepEqual(statSync(path.join(cache, name!)).size, 4096, 'written again');
  });

  test('a cache folder others may write to is not used (V8 checks a cache by length, not content)', { skip: process.platform === 'win32' || nodeKeepsCache ? 'SKIPPED: POSIX permissions on Node 20 only' : false }, () => {
    const cache = path.join(dir, 'shared');
    runCli(cache, '--version');
    for (const name of readdirSync(cache)) rmSync(path.join(cache, name));
    chmodSync(cache, 0o777);
    const run = runCli(cache, 'check', REPORT);
    assert.equal(run.stdout, plain.stdout);
    assert.deepEqual(readdirSync(cache), [], 'nothing written or read there');
  });

  test('a cache folder that cannot be made does not stop the CLI', () => {
    const run = runCli(path.join(REPORT, 'not-a-folder'), 'check', REPORT);
    assert.equal(run.stdout, plain.stdout);
    assert.equal(run.status, plain.status);
  });
});
