/**
 * The reading checks of issue 15: size words against their figures (size-word-mismatch), multiples
 * in 倍 read as written (multiple-mismatch) and percentages no whole number of their count gives
 * (impossible-percentage, the GRIM test). Each both ways: the slip is flagged with the arithmetic,
 * and the sentence written right — or a look-alike the clauses do not tie — stays silent.
 * Figures are our own.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Diagnostic, MarkupContent } from 'vscode-languageserver-types';
import { toSarif } from '../../server/src/cli/sarif';
import { DEFAULT_SETTINGS, getReportLanguageService } from '../../server/src/core/languageService';
import { resolveSettings } from '../../server/src/core/settings';

const service = getReportLanguageService();
const URI = 'file:///t.report';

function check(text: string, locale: 'en' | 'zh-cn' = 'en'): Diagnostic[] {
  return service.diagnostics(service.parse(text), DEFAULT_SETTINGS, { locale, uri: URI });
}

function codes(text: string): string[] {
  return check(text).map((d) => String(d.code));
}

function hoverAt(text: string, needle: string, locale: 'en' | 'zh-cn' = 'en'): string {
  const doc = service.parse(text);
  const hover = service.hover(doc, doc.lines.positionAt(text.indexOf(needle) + 1), { locale });
  return hover ? (hover.contents as MarkupContent).value : '';
}

/** The text after applying a diagnostic's first quick fix. */
function fixed(text: string, diagnostic: Diagnostic): string {
  const actions = service.codeActions(URI, diagnostic.range, [diagnostic], { locale: 'en' });
  assert.ok(actions.length > 0, 'a quick fix is offered');
  const edits = actions[0]!.edit!.changes![URI]!;
  const doc = service.parse(text);
  let out = text;
  for (const edit of [...edits].sort((a, b) => doc.lines.offsetAt(b.range.start) - doc.lines.offsetAt(a.range.start))) {
    out = out.slice(0, doc.lines.offsetAt(edit.range.start)) + edit.newText + out.slice(doc.lines.offsetAt(edit.range.end));
  }
  return out;
}

describe('size-word-mismatch: a word that states a size against its figure', () => {
  test('大幅 before a 0.4% change is flagged, with what the word means; removing the word is the fix', () => {
    const text = '一般公共预算收入大幅增长0.4%，达到120亿元。\n';
    const [d] = check(text, 'zh-cn');
    assert.equal(d?.code, 'size-word-mismatch');
    assert.match(String(d!.message), /“大幅”意为变化幅度大（1%及以上），但所写变化为0\.4%/);
    assert.equal(fixed(text, d!), '一般公共预算收入增长0.4%，达到120亿元。\n');
  });

  test('大幅 before 8.5%, 略有 before 1.2%, a word denied (不明显) or a rate change in % stay silent', () => {
    assert.deepEqual(codes('税收收入大幅增长8.5%。工业利润略有下降1.2%。\n'), []);
    assert.deepEqual(codes('出口增长不明显增长0.3%。\n'), []);
    // A rate's change written in % may mean points: 0.5 of a point is no small change for a loan ratio.
    assert.deepEqual(codes('不良贷款率明显下降0.5%。\n'), []);
  });

  test('略有/小幅 with a change of 10% or more is flagged', () => {
    assert.deepEqual(codes('工业利润略有下降15%。\n'), ['size-word-mismatch']);
    assert.match(String(check('Retail sales rose slightly, by 14.2 percent, to $4.1 billion.\n')[0]?.message), /“slightly” means a small change \(under 10%\), but the change stated is 14\.2 percent/);
  });

  test('English: sharply before 0.5 percent flagged, before 6.5 percent silent', () => {
    assert.deepEqual(codes('Sales rose sharply, by 0.5 percent, to $201.0 billion.\n'), ['size-word-mismatch']);
    assert.deepEqual(codes('Sales rose sharply, by 6.5 percent, to $201.0 billion.\n'), []);
  });

  test('过半 of 48.5%, 超过三分之一 of 31.2%, 近三成 of 35.2% are flagged; 过半 of 52.3% and 近三成 of 28.6% are not', () => {
    assert.deepEqual(codes('其中过半（48.5%）来自服务业。\n'), ['size-word-mismatch']);
    assert.deepEqual(codes('超过三分之一（31.2%）的企业实现盈利。\n'), ['size-word-mismatch']);
    assert.deepEqual(codes('小微企业占近三成，为35.2%。\n'), ['size-word-mismatch']);
    assert.deepEqual(codes('其中过半（52.3%）来自服务业。小微企业占近三成，为28.6%。\n'), []);
  });

  test('more than half with 48 percent is flagged; 近半年 and 时间过半 are no shares', () => {
    assert.deepEqual(codes('More than half (48.2 percent) of the firms expect higher sales.\n'), ['size-word-mismatch']);
    assert.deepEqual(codes('近半年来，出口占比为30%。时间过半，完成全年计划的48.6%。\n'), []);
  });

  test('翻了一番 after ×1.5 and 翻两番 after ×3 are flagged with the ratio; ×2 and ×4 are not', () => {
    const [d] = check('全市粮食总产量由2022年的500万吨增加到2023年的750万吨，翻了一番。\n');
    assert.equal(d?.code, 'size-word-mismatch');
    assert.match(String(d!.message), /“翻了一番” means ×1\.8 to ×2\.3, but from 500万吨 to 750万吨 is ×1\.5/);
    assert.equal(d!.relatedInformation?.length, 2);
    assert.deepEqual(codes('国民生产总值由1980年的4470亿元增加到2000年的13410亿元，翻了两番。\n'), ['size-word-mismatch']);
    assert.deepEqual(codes('粮食总产量由500万吨增加到1000万吨，翻了一番。国民生产总值由4470亿元增加到17900亿元，翻了两番。\n'), []);
  });

  test('a ratio word about a goal or another metric is not checked against the values', () => {
    assert.deepEqual(codes('补助资金由46亿元增加到69亿元，为实现翻两番打下基础。\n'), []);
    assert.deepEqual(codes('Exports rose from $1.0 billion to $1.5 billion, while imports doubled.\n'), []);
  });

  test('English: more than doubled from 1,000 to 1,900 is flagged; nearly tripled from 1,000 to 2,900 is not', () => {
    assert.deepEqual(codes('Employment more than doubled, from 1,000 to 1,900 jobs.\n'), ['size-word-mismatch']);
    assert.deepEqual(codes('Employment nearly tripled, from 1,000 to 2,900 jobs.\n'), []);
  });

  test('hover shows the word against its figure, ✓ or ✗', () => {
    assert.match(hoverAt('税收收入大幅增长8.5%。\n', '8.5%'), /stated change: 大幅: \|change\| ≥ 1% \(8\.5%\) ✓/);
    assert.match(hoverAt('税收收入大幅增长0.4%。\n', '0.4%', 'zh-cn'), /所写变化：大幅: \|change\| ≥ 1% \(0\.4%\) ✗/);
  });
});

describe('multiple-mismatch: 倍 read as written', () => {
  test('增长了2倍 where the values give ×2 is the ×N reading: flagged as such, fixed to 1倍', () => {
    const text = '出口额由50亿元增加到100亿元，增长了2倍。\n';
    const found = check(text);
    assert.deepEqual(found.map((d) => d.code), ['multiple-mismatch'], 'reported once, not also as change-mismatch');
    assert.match(String(found[0]!.message), /means ×3, but from 50亿元 to 100亿元 is ×2, an increase by 1倍/);
    assert.equal(fixed(text, found[0]!), '出口额由50亿元增加到100亿元，增长了1倍。\n');
    assert.match(String(check(text, 'zh-cn')[0]!.message), /“增长2倍”即增至3倍/);
  });

  test('增长了1倍 for ×2 and 增长了2倍 for ×3 stay silent; 增长1.6倍 for ×3.8 stays a change-mismatch', () => {
    assert.deepEqual(codes('出口额由50亿元增加到100亿元，增长了1倍。进口额由50亿元增加到150亿元，增长了2倍。\n'), []);
    assert.deepEqual(codes('出口额由50亿元增加到190亿元，增长了1.6倍。\n'), ['change-mismatch']);
  });

  test('为…的N倍 is ×N: 60亿元 as 3倍 of 30亿元 is flagged, as 2倍 is not', () => {
    assert.deepEqual(codes('进口额为60亿元，为2019年30亿元的3倍。\n'), ['multiple-mismatch']);
    assert.deepEqual(codes('进口额为60亿元，为2019年30亿元的2倍。\n'), []);
    // At comparable prices the multiple removes price changes: nominal values cannot check it.
    assert.deepEqual(codes('国内生产总值121万亿元，按可比价格计算，为2012年54万亿元的3倍。\n'), []);
    assert.deepEqual(codes('国内生产总值121万亿元，为2012年54万亿元的3倍。\n'), ['multiple-mismatch']);
  });

  test('增长到N倍 is ×N: 由50亿元增长到150亿元，即增长到2倍 is flagged, 即增长到3倍 is not', () => {
    assert.deepEqual(codes('出口额由50亿元增长到150亿元，即增长到2倍。\n'), ['multiple-mismatch']);
    assert.deepEqual(codes('出口额由50亿元增长到150亿元，即增长到3倍。\n'), []);
  });

  test('是上年的3倍 against the levels the sentence states for each year', () => {
    assert.deepEqual(codes('今年利润为90亿元，是上年的3倍，上年为20亿元。\n'), ['multiple-mismatch']);
    assert.deepEqual(codes('今年利润为60亿元，是上年的3倍，上年为20亿元。\n'), []);
    // A later clause inherits no year from 是上年的3倍: 20亿元 is this year's exports of machinery.
    assert.deepEqual(codes('出口额60亿元，是上年的2倍，其中机电产品出口20亿元。\n'), []);
  });

  test('English: N times the value compared with', () => {
    assert.deepEqual(codes('Exports were $12 billion, three times the $6 billion of 2019.\n'), ['multiple-mismatch']);
    assert.deepEqual(codes('Exports were $18 billion, three times the $6 billion of 2019.\n'), []);
  });

  test('减少了3倍 is no decrease: a warning suggesting a percentage, written from the values when they are there', () => {
    const [bare] = check('产量减少了3倍。\n');
    assert.equal(bare?.code, 'multiple-mismatch');
    assert.equal(bare?.severity, 2);
    assert.match(String(bare!.message), /state the percentage or the fraction \(减少了50%, 减少了一半\)/);
    const text = '库存由60万吨减少到20万吨，减少了3倍。\n';
    const [d] = check(text);
    assert.match(String(d!.message), /the values give a decrease of 66\.7%/);
    assert.equal(fixed(text, d!), '库存由60万吨减少到20万吨，减少了66.7%。\n');
    assert.deepEqual(codes('Costs were three times lower than in 2019.\n'), ['multiple-mismatch']);
  });
});

describe('impossible-percentage: a percentage no whole number of its count gives', () => {
  test('调查1200户，满意率83.47% is flagged with k/n on both sides; the fix writes the nearest possible value', () => {
    const text = '本次调查1200户，满意率83.47%。\n';
    const [d] = check(text);
    assert.equal(d?.code, 'impossible-percentage');
    assert.match(String(d!.message), /No whole number of 1200户 gives 83\.47%: 83\.47% of 1200户 is 1,001.64, and the nearest whole numbers give 1001\/1200 = 83\.42% and 1002\/1200 = 83\.5%/);
    assert.equal(fixed(text, d!), '本次调查1200户，满意率83.50%。\n');
    assert.match(String(check(text, 'zh-cn')[0]!.message), /1200户中没有任何整数能得到83\.47%/);
  });

  test('83.50% of 1200, 83.5% of 1200 (too coarse to test) and 97.7% of 86 stay silent', () => {
    assert.deepEqual(codes('本次调查1200户，满意率83.50%。抽查1200户，满意率83.5%。检查企业86家，合格率97.7%。\n'), []);
  });

  test('English: Of 40 respondents, 37.3% is flagged; 37.5% is not; "37.3% of the 40" ties the same way', () => {
    assert.deepEqual(codes('Of the 40 respondents, 37.3% said yes.\n'), ['impossible-percentage']);
    assert.deepEqual(codes('Of the 40 respondents, 37.5% said yes.\n'), []);
    assert.deepEqual(codes('In all, 37.3% of the 40 respondents said no.\n'), ['impossible-percentage']);
  });

  test('a count that is the part, not the whole (参加培训1200人，参与率…) is not tested', () => {
    assert.deepEqual(codes('参加培训1200人，参与率83.47%。回收问卷1200份，回收率83.47%。\n'), []);
  });

  test('hover on the count lists the percentage it must give', () => {
    assert.match(hoverAt('Of the 40 respondents, 37.5% said yes.\n', '40'), /whole: 37\.5% × 40 = 15–15 ✓|whole: 37\.5% × 40 = 14\.98–15\.02 ✓/);
  });
});

describe('the three codes everywhere a code is', () => {
  test('settings take a severity for each, warning by default', () => {
    for (const code of ['size-word-mismatch', 'multiple-mismatch', 'impossible-percentage'] as const) {
      assert.equal(DEFAULT_SETTINGS.checks[code], 'warning');
      assert.equal(resolveSettings({ checks: { [code]: 'off' } }).checks[code], 'off');
    }
    const off = resolveSettings({ checks: { 'impossible-percentage': 'off' } });
    assert.deepEqual(service.diagnostics(service.parse('Of the 40 respondents, 37.3% said yes.\n'), off, { locale: 'en', uri: URI }), []);
  });

  test('SARIF names a rule with a description for each', () => {
    const log = toSarif([{ path: 't.report', uri: URI, diagnostics: check('报告\n\n工业利润略有下降15%。产量减少了3倍。\n\nOf the 40 respondents, 37.3% said yes.\n') }], { version: '0.0.0', cwd: '/' });
    const rules = log.runs[0]!.tool.driver.rules;
    for (const id of ['size-word-mismatch', 'multiple-mismatch', 'impossible-percentage']) {
      const rule = rules.find((r) => r.id === id);
      assert.ok(rule && !rule.shortDescription.text.startsWith('Report Lens check'), `${id} has its own description`);
    }
    assert.equal(log.runs[0]!.results.length, 3);
  });

  test('report-lens relations lists each with its arithmetic and verdict', () => {
    const entries = service.relations(service.parse('报告\n\n税收收入大幅增长0.4%。进口额为60亿元，为2019年30亿元的2倍。\n\nOf the 40 respondents, 37.5% said yes.\n'));
    const byCheck = new Map(entries.map((e) => [e.check, e]));
    assert.equal(byCheck.get('size-word')?.verdict, 'mismatch');
    assert.equal(byCheck.get('size-word')?.code, 'size-word-mismatch');
    assert.equal(byCheck.get('multiple')?.verdict, 'consistent');
    assert.match(byCheck.get('multiple')!.arithmetic, /30亿元 → 60亿元 = ×2/);
    assert.equal(byCheck.get('impossible-percentage')?.verdict, 'consistent');
  });
});

describe('what the reading checks leave alone (general reasons, each a shape of real report text)', () => {
  test('a change over a month or a quarter: 0.8% in a month may well be sharp', () => {
    assert.deepEqual(codes('居民消费价格环比大幅上涨0.8%。\n'), []);
    assert.deepEqual(codes('Consumer prices rose sharply over the month, by 0.8 percent.\n'), []);
  });

  test('a percentage that names another whole (…的学生, of their income) is no share of the count', () => {
    assert.deepEqual(codes('全市共有中小学120所，其中85.5%的学生就近入学。\n'), []);
    assert.deepEqual(codes('全市共有中小学120所，其中85.5%为公办学校。\n'), ['impossible-percentage']);
    assert.deepEqual(codes('Of the 40 respondents, 37.3% of their income went to rent.\n'), []);
    // 12次 counts surveys, not the people surveyed.
    assert.deepEqual(codes('开展满意度调查12次，满意率97.3%。\n'), []);
  });
});

describe('a ratio word of real growth is listed as not verifiable', () => {
  test('按可比价格计算，翻了一番 against nominal values: no finding, hover and relations say why', () => {
    const text = '报告\n\n国内生产总值由2012年的54万亿元增加到2022年的81万亿元，按可比价格计算，翻了一番。\n';
    assert.deepEqual(codes(text), []);
    assert.match(hoverAt(text, '81万亿元'), /not verifiable: real growth/);
    const entry = service.relations(service.parse(text)).find((e) => e.check === 'size-word');
    assert.equal(entry?.verdict, 'not-verifiable');
    assert.equal(entry?.code, 'size-word-mismatch');
  });
});

describe('a word inside another word is not a rate', () => {
  test('"generated" is no rate: sharply before 0.5 percent is still flagged', () => {
    assert.deepEqual(codes('Revenue generated by exports rose sharply, by 0.5 percent, to $2.1 billion.\n'), ['size-word-mismatch']);
    assert.deepEqual(codes('The participation rate rose sharply, by 0.5 percent.\n'), []);
  });
});
