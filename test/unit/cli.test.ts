import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { cli } from '../support/cli';
import { getReportLanguageService } from '../../server/src/core/languageService';
import { fixturePath, readFixture, ROOT } from '../support/paths';


describe('report-lens CLI', () => {
  const file = fixturePath('corpus', 'gov-work-report-2014-zh.txt');

  test('outline --format json prints the language service DocumentSymbol[]', () => {
    const { code, stdout } = cli('outline', '--format', 'json', file);
    assert.equal(code, 0);
    const service = getReportLanguageService();
    assert.deepEqual(JSON.parse(stdout), service.documentSymbols(service.parse(readFixture('corpus', 'gov-work-report-2014-zh.txt'))));
  });

  test('outline prints a readable indented tree with line:column', () => {
    const { code, stdout } = cli('outline', file);
    assert.equal(code, 0);
    const lines = stdout.split('\n');
    assert.equal(lines[0], file);
    assert.match(lines[1]!, /^\s+2:1  2014政府工作报告  — 2014年3月5日/);
    assert.match(stdout, /\n\s+52:5      （一）推动重要领域改革取得新突破\n/);
  });

  test('--format=json works too; an unknown format is a usage error (exit 2)', () => {
    assert.equal(cli('outline', `--format=json`, file).code, 0);
    const bad = cli('outline', '--format', 'xml', file);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown format "xml"/);
  });

  test('unknown commands, unknown options and missing files exit 2 with a clear message', () => {
    const unknown = cli('frobnicate', file);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown command "frobnicate"/);
    assert.equal(cli('outline', '--bogus', file).code, 2);
    assert.equal(cli('outline').code, 2);
    const missing = cli('outline', path.join(ROOT, 'no-such-file.report'));
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read .*no-such-file\.report: ENOENT/);
    assert.equal(cli().code, 2, 'no command at all is a usage error');
  });

  test('figures --format json prints every figure with the design.md fields', () => {
    const { code, stdout } = cli('figures', '--format', 'json', fixturePath('corpus', 'gov-work-report-2014-zh.txt'));
    assert.equal(code, 0);
    const figures = JSON.parse(stdout) as { text: string; value: number; unit: string; kind: string; noun?: string; range: unknown; interval: [number, number] }[];
    const gdp = figures.find((f) => f.text === '56.9万亿元');
    assert.ok(gdp, 'the GDP figure is listed');
    assert.deepEqual([gdp.value, gdp.unit, gdp.kind, gdp.interval], [56900000000000, '元', 'money', [56850000000000, 56950000000000]]);
    assert.deepEqual(gdp.range, { start: { line: 8, character: 23 }, end: { line: 8, character: 30 } });
    for (const figure of figures) {
      assert.ok(figure.interval[0] <= figure.value && figure.value <= figure.interval[1]);
      assert.equal(typeof figure.kind, 'string');
    }
  });

  test('figures prints a readable table by default', () => {
    const { code, stdout } = cli('figures', fixturePath('corpus', 'gov-work-report-2014-zh.txt'));
    assert.equal(code, 0);
    assert.match(stdout, /^.*gov-work-report-2014-zh\.txt: \d+ figures\n/);
    assert.match(stdout, /\n9:24 +56\.9万亿元 +money +56,900,000,000,000 +元/);
  });

  test('--help lists the commands and exits 0', () => {
    const { code, stdout } = cli('--help');
    assert.equal(code, 0);
    assert.match(stdout, /outline \[--format text\|json\] FILE/);
    assert.match(stdout, /figures \[--format text\|json\] FILE/);
  });

  test('the installed bin runs from the repository root like `npx report-lens`', () => {
    const result = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'report-lens.js'), 'outline', 'examples/work-report-zh.report'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /云澜市2025年政府工作报告/);
    const unreadable = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'report-lens.js'), 'outline', 'missing.report'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(unreadable.status, 2);
  });

  test('the bin exits only once its output is written: a large output read slowly arrives whole', () => {
    // Every figure of three national reports, more than a pipe's 64 KB, taken by a reader that
    // starts late: the bin ends the process itself, and must do so only once the output is taken.
    // The pipe and the late reader are the shell's: a stream paused in this process is not a
    // reliable late reader (under the test runner it lost a child's output whatever the child did).
    const dir = mkdtempSync(path.join(os.tmpdir(), 'report-lens-cli-'));
    const file = path.join(dir, 'reports.txt');
    writeFileSync(file, ['2010', '2012', '2014'].map((year) => readFixture('corpus', `gov-work-report-${year}-zh.txt`)).join('\n\n'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    const expected = cli('figures', '--format', 'json', file).stdout;
    assert.ok(Buffer.byteLength(expected) > 64 * 1024, 'the output is larger than a pipe holds');
    const quote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;
    const command = `set -o pipefail; ${quote(process.execPath)} ${quote(path.join(ROOT, 'bin', 'report-lens.js'))} figures --format json ${quote(file)} | (sleep 0.3; cat)`;
    const late = spawnSync('bash', ['-c', command], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    assert.equal(late.status, 0, late.stderr);
    assert.equal(late.stdout, expected);
  });
});
