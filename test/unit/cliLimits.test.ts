/** CLI input limits (issue 12, D2), through the built CLI as a user runs it. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT } from '../support/paths';

const CLI = path.join(ROOT, 'bin', 'report-lens.js');

/** Runs the built CLI; a hang fails the test after 20 s instead of stalling the suite. */
function cli(cwd: string, ...argv: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...argv], { cwd, encoding: 'utf8', timeout: 20_000, maxBuffer: 64 * 1024 * 1024 });
  assert.equal(result.signal, null, `report-lens ${argv.join(' ')} was killed (${String(result.signal)}): it hung or grew without bound`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('CLI input limits (issue 12, D2)', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'report-lens-limits-'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  test('/dev/zero is not a regular file: check, figures and outline exit 2 with a clear message', () => {
    for (const command of ['check', 'figures', 'outline']) {
      const { status, stderr } = cli(root, command, '/dev/zero');
      assert.equal(status, 2, command);
      assert.match(stderr, /cannot read \/dev\/zero: not a regular file/);
    }
  });

  test('a file over the limit exits 2 naming the limit; --max-file-size changes it', () => {
    const file = path.join(root, 'big.report');
    writeFileSync(file, `${'正文。'.repeat(300)}\n`);
    const over = cli(root, 'check', '--max-file-size', '1000', file);
    assert.equal(over.status, 2);
    assert.match(over.stderr, /big\.report: it is 2701 bytes, larger than the limit of 1000 bytes \(reportLens\.maxFileSize; change it with --max-file-size BYTES\)/);
    assert.equal(cli(root, 'outline', '--max-file-size=1000', file).status, 2);
    assert.equal(cli(root, '--max-file-size', '5000', 'check', file).status, 0);
    assert.equal(cli(root, 'figures', '--max-file-size', 'lots', file).status, 2, 'a bad value is a usage error');
  });

  test('a FIFO named x.glossary.yaml and a glossary symlinked to /dev/zero in a parent folder are skipped, not read', () => {
    const parent = path.join(root, 'fifo');
    const folder = path.join(parent, 'reports');
    mkdirSync(folder, { recursive: true });
    const made = spawnSync('mkfifo', [path.join(parent, 'x.glossary.yaml')]);
    assert.equal(made.status, 0, 'mkfifo');
    symlinkSync('/dev/zero', path.join(parent, 'zero.glossary.csv'));
    writeFileSync(path.join(folder, 'r.report'), '报告\n\n一、总体情况\n  完成整改1676个。\n');
    const { status, stdout } = cli(folder, 'check', 'r.report');
    assert.equal(status, 0);
    assert.match(stdout, /0 errors, 0 warnings in 1 file/);
  });

  test('a glossary symlinked to a file outside its folder is not read; one linked inside it is', () => {
    const outside = path.join(root, 'outside');
    const workspace = path.join(root, 'ws');
    mkdirSync(outside, { recursive: true });
    mkdirSync(path.join(workspace, 'defs'), { recursive: true });
    writeFileSync(path.join(outside, 'secret.csv'), 'term,definition\n外部术语,不应读到的定义\nroot:x:0:0:root:/root:/bin/bash\n');
    symlinkSync(path.join(outside, 'secret.csv'), path.join(workspace, 'ev.glossary.csv'));
    writeFileSync(path.join(workspace, 'defs', 'inner.csv'), 'term,definition\n内部术语,工作区里的定义\n');
    symlinkSync(path.join(workspace, 'defs', 'inner.csv'), path.join(workspace, 'in.glossary.csv'));
    writeFileSync(path.join(workspace, 'r.report'), '报告\n\n推进所谓“外部术语”和所谓“内部术语”。\n');
    const { status, stdout } = cli(workspace, 'check', '--format', 'json', '--severity', 'undefined-term=warning', 'r.report');
    assert.equal(status, 0);
    const files = JSON.parse(stdout) as { path: string; diagnostics: { code: string; message: string }[] }[];
    assert.deepEqual(files.map((f) => f.path), ['r.report'], 'nothing of the outside file is reported');
    const undefinedTerms = files[0]!.diagnostics.filter((d) => d.code === 'undefined-term').map((d) => d.message);
    assert.equal(undefinedTerms.length, 1);
    assert.match(undefinedTerms[0]!, /外部术语/);
  });
});
