import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cli } from '../support/cli';
import type { RelationEntry } from '../../server/src/core/languageService';
import { fixturePath } from '../support/paths';


describe('report-lens relations', () => {
  const report1987 = fixturePath('corpus', 'work-reports-zh', 'gov-work-report-1987-zh.txt');

  test('--format json lists checked relations with figures, roles, clauses and intervals, and not verifiable ones with their reason', () => {
    const { code, stdout } = cli('relations', '--format', 'json', report1987);
    assert.equal(code, 0);
    const entries = JSON.parse(stdout) as RelationEntry[];
    const real = entries.filter((e) => e.verdict === 'not-verifiable');
    assert.equal(real.length, 2, 'the two 按可比价格 growth rates of line 52');
    assert.deepEqual(real.map((e) => [e.check, e.reason, e.range.start.line]), [['change', 'real-growth', 51], ['change', 'real-growth', 51]]);
    assert.ok(real[0]!.clauses.some((c) => c.qualifiers.includes('real') && c.text.includes('按可比价格')), 'the clause that makes it real growth is shown');
    const revenue = entries.find((e) => e.check === 'change' && e.verdict === 'consistent' && e.arithmetic.includes('９８％'));
    assert.ok(revenue, 'the nominal revenue growth is checked');
    assert.deepEqual(revenue.figures.map((f) => f.role), ['before', 'after', 'change']);
    assert.ok(revenue.computed && revenue.stated && revenue.computed[0] <= revenue.stated[1] && revenue.stated[0] <= revenue.computed[1]);
  });

  test('text output ends with the tally and --locale words the reasons', () => {
    const { code, stdout } = cli('relations', '--locale', 'zh-cn', report1987);
    assert.equal(code, 0);
    assert.match(stdout, /无法核对：实际增长（已扣除价格因素）无法用名义数值核对/);
    assert.match(stdout, /\n\d+ relations: \d+ consistent, 0 mismatch, 2 not verifiable\n$/);
  });

  test('a mismatch is listed with its arithmetic', () => {
    const { stdout } = cli('relations', '--format', 'json', fixturePath('..', '..', 'examples', 'work-report-zh.report'));
    const mismatches = (JSON.parse(stdout) as RelationEntry[]).filter((e) => e.verdict === 'mismatch');
    assert.ok(mismatches.some((e) => e.code === 'rate-mismatch' && e.arithmetic.startsWith('1150个 / 1200个 = 95.83%')));
  });

  test('one FILE only; an unknown format is a usage error', () => {
    assert.equal(cli('relations', report1987, report1987).code, 2);
    assert.equal(cli('relations', '--format', 'sarif', report1987).code, 2);
  });
});
