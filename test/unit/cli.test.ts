import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
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

  test('the bin exits only once its output is written: a large output read slowly arrives whole', async () => {
    // Every figure of three national reports, more than a pipe's 64 KB, taken by a reader that
    // starts late: the bin ends the process itself, and must do so only once the output is taken
    // (on Linux a pipe is written synchronously; on other systems the write may still be pending).
    const dir = mkdtempSync(path.join(os.tmpdir(), 'report-lens-cli-'));
    const file = path.join(dir, 'reports.txt');
    writeFileSync(file, ['2010', '2012', '2014'].map((year) => readFixture('corpus', `gov-work-report-${year}-zh.txt`)).join('\n\n'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    const expected = cli('figures', '--format', 'json', file).stdout;
    assert.ok(Buffer.byteLength(expected) > 64 * 1024, 'the output is larger than a pipe holds');
    // Without the test runner's NODE_TEST_CONTEXT: under it, a child's output read late came back empty (any build).
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_TEST_CONTEXT'));
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'report-lens.js'), 'figures', '--format', 'json', file], { cwd: ROOT, env });
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    const chunks: Buffer[] = [];
    child.stdout.pause();
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stdout.resume();
    assert.equal(await closed, 0);
    assert.equal(Buffer.concat(chunks).toString('utf8'), expected);
  });
});
