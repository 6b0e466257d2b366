import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { runAsync } from '../../server/src/cli/main';
import { IgnoreRules, parseGitignore } from '../../server/src/cli/gitignore';
import { workerScript } from '../../server/src/cli/workerPool';
import { cli } from '../support/cli';

/** A sentence whose rate disagrees with its counts (1676 / 1686 = 99.41%, stated 99.6%). */
const MISMATCH = '第一批参学单位检视出1686个问题，完成问题整改1676个、整改率99.6%。';
/** Another, with other figures: a finding no baseline has seen. */
const NEW_MISMATCH = '第二批参学单位检视出200个问题，完成问题整改150个、整改率90%。';
const report = (...sentences: string[]) => ['某区主题教育综述', '', ...sentences.map((s) => `  ${s}`), ''].join('\n');

let root = '';
const at = (...parts: string[]) => path.join(root, ...parts);
function write(relative: string, text: string): void {
  mkdirSync(path.dirname(at(relative)), { recursive: true });
  writeFileSync(at(relative), text);
}

type JsonRun = { path: string; diagnostics: Diagnostic[] }[];
const checkedPaths = (stdout: string) => (JSON.parse(stdout) as JsonRun).map((file) => path.relative(root, file.path).split(path.sep).join('/'));

before(() => {
  root = mkdtempSync(path.join(tmpdir(), 'report-lens-folder-'));
  mkdirSync(at('.git')); // a repository: .gitignore files from its root apply
  write('.gitignore', 'build/\n*.draft.report\n!keep.draft.report\n');
  write('a.report', report(MISMATCH));
  write('sub/deep/b.report', report('全年完成投资100亿元。'));
  write('sub/deep/old.draft.report', report(MISMATCH));
  write('sub/keep.draft.report', report('全年完成投资100亿元。'));
  write('build/c.report', report(MISMATCH));
  write('.hidden/d.report', report(MISMATCH));
  write('notes.txt', report(MISMATCH));
  // A project of its own whose reports are .txt files: its globs say what is a report there.
  write('txt-project/report-lens.json', JSON.stringify({ reports: ['**/*.txt'] }));
  write('txt-project/q1/summary.txt', report(MISMATCH));
  write('txt-project/q1/readme.report', report(MISMATCH));
  write('txt-project/nested/.gitignore', 'private/\n');
  write('txt-project/nested/private/secret.txt', report(MISMATCH));
  write('empty-folder/readme.md', '# nothing to check\n');
});
after(() => rmSync(root, { recursive: true, force: true }));

describe('report-lens check on folders and globs (issue 14)', () => {
  test('a folder is walked for its reports: nested folders yes; .gitignore\'d, hidden and non-report files no', () => {
    const { code, stdout } = cli('check', '--format', 'json', root);
    assert.equal(code, 1, 'the rate mismatch in a.report is an error');
    assert.deepEqual(checkedPaths(stdout), ['a.report', 'sub/deep/b.report', 'sub/keep.draft.report', 'txt-project/q1/summary.txt']);
  });

  test('a project\'s "reports" globs decide what is a report under it; a nested .gitignore applies below its folder', () => {
    const { stdout } = cli('check', '--format', 'json', at('txt-project'));
    assert.deepEqual(checkedPaths(stdout), ['txt-project/q1/summary.txt']);
  });

  test('a glob takes every file it matches (still respecting .gitignore); a file named outright is checked even if ignored', () => {
    const glob = cli('check', '--format', 'json', `${root}/**/*.txt`);
    assert.deepEqual(checkedPaths(glob.stdout), ['notes.txt', 'txt-project/q1/summary.txt']);
    const named = cli('check', '--format', 'json', at('build', 'c.report'));
    assert.deepEqual(checkedPaths(named.stdout), ['build/c.report']);
  });

  test('a folder or glob naming no report exits 2 and says so, after checking the rest', () => {
    const { code, stdout, stderr } = cli('check', '--format', 'json', at('empty-folder'), at('a.report'));
    assert.equal(code, 2);
    assert.match(stderr, /no reports in .*empty-folder/);
    assert.deepEqual(checkedPaths(stdout), ['a.report']);
  });

  test('text output ends with a table of findings per check (files, errors, warnings) and the totals', () => {
    const { stdout } = cli('check', root);
    const lines = stdout.trimEnd().split('\n');
    assert.match(lines.at(-1)!, /^2 errors, 0 warnings.* in 4 files$/);
    const header = lines.findIndex((line) => /^check\s+files\s+errors\s+warnings\s+other$/.test(line));
    assert.ok(header > 0, `a table header in:\n${stdout}`);
    assert.match(stdout, /\nrate-mismatch\s+2\s+2\s+0\s+0\n/);
  });

  test('worker threads give the same output as one thread', async () => {
    assert.ok(workerScript(), 'the compiled worker script sits beside the pool');
    let parallel = '';
    const code = await runAsync(['check', '--format', 'json', '--jobs', '2', root], (text) => void (parallel += text), () => undefined);
    const serial = cli('check', '--format', 'json', '--jobs', '1', root);
    assert.equal(code, serial.code);
    assert.equal(parallel, serial.stdout);
  });
});

describe('report-lens check --baseline (issue 14)', () => {
  for (const format of ['json', 'sarif'] as const) {
    test(`a ${format} baseline silences old findings after edits elsewhere; a new finding still fails`, () => {
      const dir = at(`baseline-${format}`);
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, 'annual.report');
      writeFileSync(file, report(MISMATCH));
      const first = cli('check', '--format', format, dir);
      assert.equal(first.code, 1);
      const baseline = path.join(root, `baseline.${format}`);
      writeFileSync(baseline, first.stdout);

      // Lines added above move the finding: matched by what it says, it stays known.
      writeFileSync(file, report('全年完成投资100亿元。', '各项工作稳步推进。', MISMATCH));
      const moved = cli('check', '--format', 'json', '--baseline', baseline, dir);
      assert.equal(moved.code, 0, moved.stdout + moved.stderr);
      assert.deepEqual((JSON.parse(moved.stdout) as JsonRun)[0]!.diagnostics, []);
      assert.match(moved.stderr, /1 finding in the baseline not shown/);

      writeFileSync(file, report('全年完成投资100亿元。', MISMATCH, NEW_MISMATCH));
      const added = cli('check', '--format', 'json', '--baseline', baseline, dir);
      assert.equal(added.code, 1, 'the new finding fails the run');
      const diagnostics = (JSON.parse(added.stdout) as JsonRun)[0]!.diagnostics;
      assert.equal(diagnostics.length, 1);
      assert.match(String(diagnostics[0]!.message), /90%/);

      // A figure of the old sentence changed: what was accepted is no longer what the report says.
      writeFileSync(file, report(MISMATCH.replace('1676', '1670')));
      assert.equal(cli('check', '--format', 'json', '--baseline', baseline, dir).code, 1);
    });
  }

  test('a missing or malformed baseline is a usage error (exit 2), never a pass', () => {
    assert.equal(cli('check', '--baseline', at('no-such.json'), at('a.report')).code, 2);
    writeFileSync(at('bad-baseline.json'), '{"not": "a run"}');
    const bad = cli('check', '--baseline', at('bad-baseline.json'), at('a.report'));
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /neither a JSON nor a SARIF output/);
  });

  test('SARIF results carry a fingerprint of what the finding says, the same after the finding moves', () => {
    const dir = at('fingerprint');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'r.report');
    const fingerprint = () => (JSON.parse(cli('check', '--format', 'sarif', file).stdout) as { runs: { results: { partialFingerprints: Record<string, string>; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] }).runs[0]!.results[0]!;
    writeFileSync(file, report(MISMATCH));
    const before = fingerprint();
    writeFileSync(file, report('各项工作稳步推进。', MISMATCH));
    const after = fingerprint();
    assert.notEqual(before.locations[0]!.physicalLocation.region.startLine, after.locations[0]!.physicalLocation.region.startLine);
    assert.deepEqual(before.partialFingerprints, after.partialFingerprints);
  });
});

describe('.gitignore patterns', () => {
  const ignored = (patterns: string, relative: string, isDir = false) => {
    const base = path.resolve('/repo');
    let result = false;
    const rules = parseGitignore(patterns, base);
    for (const rule of rules) if ((!rule.dirOnly || isDir) && rule.regex.test(relative)) result = !rule.negate;
    return result;
  };
  test('names match at any depth, patterns with a slash from the file\'s folder, ** any folders, ! takes back, # comments', () => {
    assert.equal(ignored('*.log', 'a/b/x.log'), true);
    assert.equal(ignored('/top.report', 'sub/top.report'), false);
    assert.equal(ignored('/top.report', 'top.report'), true);
    assert.equal(ignored('docs/*.report', 'docs/a.report'), true);
    assert.equal(ignored('docs/*.report', 'docs/x/a.report'), false);
    assert.equal(ignored('docs/**/a.report', 'docs/x/y/a.report'), true);
    assert.equal(ignored('**/tmp', 'a/tmp', true), true);
    assert.equal(ignored('build/', 'build', false), false, 'a trailing slash matches folders only');
    assert.equal(ignored('build/', 'build', true), true);
    assert.equal(ignored('*.report\n!keep.report', 'keep.report'), false);
    assert.equal(ignored('# *.report\n\\#x.report', '#x.report'), true);
    assert.equal(ignored('draft[0-9].report', 'draft7.report'), true);
    assert.equal(ignored('draft?.report', 'draft/.report'), false);
  });

  test('IgnoreRules reads .gitignore files from the repository root down', () => {
    const rules = IgnoreRules.forWalkRoot(at('sub')).within(at('sub', 'deep'));
    assert.equal(rules.ignores(at('sub', 'deep', 'old.draft.report'), false), true);
    assert.equal(rules.ignores(at('sub', 'keep.draft.report'), false), false);
  });
});
