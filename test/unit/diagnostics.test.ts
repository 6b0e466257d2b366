import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS, getReportLanguageService, Glossary, resolveSettings, type ReportSettings } from '../../server/src/core/languageService';
import { relationsOf } from '../../server/src/core/relations/analyze';
import { needsShared, readFixture, ROOT, SEED } from '../support/paths';

const service = getReportLanguageService();
const URI = 'file:///test.report';

function check(text: string, settings: ReportSettings = DEFAULT_SETTINGS, locale: 'en' | 'zh-cn' = 'en'): Diagnostic[] {
  return service.diagnostics(service.parse(text), settings, { locale, uri: URI });
}

/** Applies a quick fix's edits (single-line, as ours are) to the text. */
function applyFix(text: string, diagnostic: Diagnostic): string {
  const doc = service.parse(text);
  const [action] = service.codeActions(URI, diagnostic.range, [diagnostic]);
  assert.ok(action, 'a quick fix is offered');
  const edits = action.edit!.changes![URI]!;
  let result = text;
  for (const edit of [...edits].sort((a, b) => doc.lines.offsetAt(b.range.start) - doc.lines.offsetAt(a.range.start))) {
    result = result.slice(0, doc.lines.offsetAt(edit.range.start)) + edit.newText + result.slice(doc.lines.offsetAt(edit.range.end));
  }
  return result;
}

const MISSION = ['某区主题教育综述', '', '  第一批参学单位检视出6个方面1686个问题，确定74个专项整治问题，上下联动抓好整改。能立行立改的马上改，第一批参学单位完成问题整改1676个、整改率99.4%；一时不能整改的，逐一明确阶段整改目标。', ''].join('\n');

describe('the mission example', () => {
  test('1676 / 1686 = 99.41%: 99.4% is consistent and gives no diagnostic', () => {
    assert.deepEqual(check(MISSION), []);
  });

  test('99.6% gives one rate-mismatch error on that line, showing the arithmetic, with related operands', () => {
    const text = MISSION.replace('99.4%', '99.6%');
    const diagnostics = check(text);
    assert.equal(diagnostics.length, 1);
    const [d] = diagnostics;
    assert.deepEqual([d!.code, d!.severity, d!.source], ['rate-mismatch', 1, 'report-lens']);
    assert.equal(d!.message, 'Stated 99.6%, but 1676个 / 1686个 = 99.41%');
    const doc = service.parse(text);
    assert.equal(text.slice(doc.lines.offsetAt(d!.range.start), doc.lines.offsetAt(d!.range.end)), '99.6%');
    assert.deepEqual(d!.relatedInformation!.map((r) => r.message), ['numerator: 1676个', 'denominator: 1686个']);
    assert.equal(d!.relatedInformation![0]!.location.uri, URI);
  });

  test('its quick fix writes 99.4% and changes nothing else', () => {
    const text = MISSION.replace('99.4%', '99.6%');
    const fixed = applyFix(text, check(text)[0]!);
    assert.equal(fixed, MISSION);
    assert.deepEqual(check(fixed), []);
  });

  test('messages follow the locale: 写的是99.6%，但1676 ÷ 1686 = 99.41%', () => {
    const [d] = check(MISSION.replace('99.4%', '99.6%'), DEFAULT_SETTINGS, 'zh-cn');
    assert.equal(d!.message, '写的是99.6%，但1676个 ÷ 1686个 = 99.41%');
  });

  test('rounding never alarms: every rate that 1676/1686 rounds to is accepted', () => {
    for (const stated of ['99%', '99.4%', '99.41%', '99.407%']) assert.deepEqual(check(MISSION.replace('99.4%', stated)), [], stated);
    for (const stated of ['99.3%', '99.5%', '98%', '99.42%']) assert.equal(check(MISSION.replace('99.4%', stated)).length, 1, stated);
  });
});

describe('checks on sentences', () => {
  const one = (sentence: string) => check(`报告\n\n${sentence}\n`);
  const codes = (sentence: string) => one(sentence).map((d) => d.code);

  test('rate: 共A个，已整改B个，整改率C%', () => {
    assert.deepEqual(codes('共排查问题1200个，已整改1150个，整改率97.5%。'), ['rate-mismatch']);
    assert.deepEqual(codes('共排查问题1200个，已整改1150个，整改率95.8%。'), []);
  });

  test('part-exceeds-whole: 其中 a part larger than its total', () => {
    assert.deepEqual(codes('全年城镇新增就业3.12万人，其中高校毕业生就业3.46万人。'), ['part-exceeds-whole']);
    assert.deepEqual(codes('全年城镇新增就业3.12万人，其中高校毕业生就业1.46万人。'), []);
  });

  test('sum-mismatch: listed parts exceeding the total; parts that fall short are fine (其中 need not be exhaustive)', () => {
    assert.deepEqual(codes('新开工项目45个，其中制造业项目21个、服务业项目15个、农业项目12个。'), ['sum-mismatch']);
    assert.deepEqual(codes('新开工项目45个，其中制造业项目21个、服务业项目15个。'), []);
  });

  test('change-mismatch: 由A增至B，增长Y%', () => {
    assert.deepEqual(codes('研发经费由58.2亿元增至66.5亿元，增长12.6%。'), ['change-mismatch']);
    assert.deepEqual(codes('研发经费由58.2亿元增至66.5亿元，增长14.3%。'), []);
    assert.deepEqual(codes('现为9人，比上年减少4人，下降25%。'), ['change-mismatch'], 'previous implied: 4 / 13 = 30.8%');
    assert.deepEqual(codes('现为9人，比上年减少4人，下降30.8%。'), []);
  });

  test('change-mismatch in English: revised by D, from A to B; rose by D, or Y percent, to B', () => {
    const en = (s: string) => check(`# Release\n\n${s}\n`).map((d) => d.code);
    assert.deepEqual(en('Employment was revised down by 32,000, from +504,000 to +472,000.'), []);
    assert.deepEqual(en('Employment was revised down by 23,000, from +504,000 to +472,000.'), ['change-mismatch']);
    assert.deepEqual(en('Earnings rose by 9 cents, or 0.3 percent, to $33.18.'), []);
    assert.deepEqual(en('Earnings rose by 9 cents, or 0.5 percent, to $33.18.'), ['change-mismatch']);
  });

  test('count-mismatch: a counted phrase and its listed items', () => {
    assert.deepEqual(codes('深入实施“三大工程”：老旧小区改造工程、地下管网更新工程、城中村改造工程、口袋公园建设工程。'), ['count-mismatch']);
    assert.deepEqual(codes('用好“深、实、细、准、效”五字诀。'), []);
    assert.deepEqual(codes('用好“深、实、细、准”五字诀。'), ['count-mismatch']);
    assert.deepEqual(check('# R\n\nThe agency set three priorities: speed, accuracy and detail.\n').map((d) => d.code), []);
    assert.deepEqual(check('# R\n\nThe agency will publish two new indicators: job openings, hires and quits.\n').map((d) => d.code), ['count-mismatch']);
  });

  test('an English list ends at the first full stop after its colon, not at one before it (U.S.)', () => {
    const text = '# R\n\nThe U.S. plan has two goals: growth and jobs. Other text follows.\n';
    const [count] = relationsOf(service.parse(text)).counts;
    assert.ok(count);
    assert.deepEqual(count.items.map((item) => text.slice(item.start, item.end)), ['growth', 'jobs']);
  });

  test('conflicting-figure: the same metric stated twice in one section with different values', () => {
    assert.deepEqual(codes('粮食总产量达到86.5万吨。全年粮食总产量86.8万吨。'), ['conflicting-figure']);
    assert.deepEqual(codes('粮食总产量达到86.5万吨。全年粮食总产量86.5万吨。'), []);
    assert.deepEqual(codes('新开工项目217个。签约项目42个。'), [], 'different metrics');
  });

  test('heading-sequence: 一、二、四 skips; the fix renumbers that heading only', () => {
    const text = '报告\n\n一、甲\n正文。\n二、乙\n正文。\n四、丁\n正文。\n';
    const [d] = check(text);
    assert.equal(d!.code, 'heading-sequence');
    assert.equal(d!.severity, 2);
    assert.equal(d!.message, 'Heading 四、 follows 二、: expected 三、');
    assert.equal(applyFix(text, d!), text.replace('四、丁', '三、丁'));
    assert.deepEqual(check('报告\n\n（一）甲\n（二）乙\n（二）丙\n').map((x) => x.code), ['heading-sequence']);
  });

  test('qualified figures (约, 超过, about) are never treated as exact', () => {
    assert.deepEqual(codes('共排查问题约1200个，已整改1150个，整改率97.5%。'), []);
  });
});

describe('settings', () => {
  test('a check can be turned off or its severity changed', () => {
    const text = MISSION.replace('99.4%', '99.6%');
    assert.deepEqual(check(text, resolveSettings({ checks: { 'rate-mismatch': 'off' } })), []);
    assert.equal(check(text, resolveSettings({ checks: { 'rate-mismatch': 'hint' } }))[0]!.severity, 4);
    assert.equal(check(text, resolveSettings({ checks: { 'rate-mismatch': 'nonsense' } }))[0]!.severity, 1, 'bad values fall back to the default');
  });

  test('inlay hints show the implied rate of a part and whole stated without one, and can be turned off', () => {
    const text = '报告\n\n组织干部下基层，已代办信访事项17002件、推动办结15530件，做到小事不出村。\n';
    const doc = service.parse(text);
    const range = { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } };
    const hints = service.inlayHints(doc, range, DEFAULT_SETTINGS);
    assert.deepEqual(hints.map((h) => h.label), ['91.3%']);
    assert.equal(doc.lines.offsetAt(hints[0]!.position), text.indexOf('15530件') + '15530件'.length);
    assert.deepEqual(service.inlayHints(doc, range, resolveSettings({ inlayHints: { impliedRates: false } })), []);
  });
});

describe('precision on real reports', () => {
  for (const file of ['gov-work-report-2010-zh.txt', 'gov-work-report-2012-zh.txt', 'gov-work-report-2014-zh.txt', 'bls-employment-situation-2023-03-en.md']) {
    test(`${file}: no diagnostics (no false alarms)`, () => {
      assert.deepEqual(check(readFixture('corpus', file)).map((d) => `${d.range.start.line + 1}: ${d.code} ${d.message}`), []);
    });
  }
  test('seed report: no diagnostics', { skip: needsShared(SEED) }, () => {
    assert.deepEqual(check(readFileSync(SEED!, 'utf8')).map((d) => `${d.range.start.line + 1}: ${d.message}`), []);
  });
  test('seed-like fixture and the consistent example: no diagnostics', () => {
    assert.deepEqual(check(readFixture('seed-like-zh.report')), []);
    assert.deepEqual(check(readFileSync(path.join(ROOT, 'examples', 'news-summary-zh.report'), 'utf8')), []);
  });
});

describe('examples: every planted inconsistency and nothing else', () => {
  const planted: Record<string, [number, string][]> = {
    'work-report-zh.report': [[16, 'size-word-mismatch'], [18, 'sum-mismatch'], [20, 'change-mismatch'], [24, 'impossible-percentage'], [26, 'rate-mismatch'], [30, 'conflicting-figure'], [32, 'multiple-mismatch'], [34, 'part-exceeds-whole'], [62, 'count-mismatch'], [66, 'heading-sequence']],
    'statistical-release-en.report': [[34, 'change-mismatch'], [37, 'size-word-mismatch'], [60, 'sum-mismatch'], [63, 'rate-mismatch'], [77, 'count-mismatch']],
    'statistical-communique-zh.report': [[7, 'share-sum-mismatch'], [9, 'compound-growth-mismatch']],
  };
  for (const [file, expected] of Object.entries(planted)) {
    test(file, () => {
      const found = check(readFileSync(path.join(ROOT, 'examples', file), 'utf8')).map((d) => [d.range.start.line + 1, d.code]);
      assert.deepEqual(found, expected);
    });
  }
});

describe('findings are capped per check and per document (issue 12, D6)', () => {
  const text = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);
  const headings = (n: number, separator: string) => Array.from({ length: n }, () => '一、概况').join(separator) + separator;

  test('1,000 repeated headings list 200 heading-sequence findings and one summary of the 799 others, in both locales', () => {
    const report = headings(1000, '\r');
    const en = check(report);
    assert.equal(en.filter((d) => d.code === 'heading-sequence').length, 201);
    const summary = en.filter((d) => /more heading-sequence/.test(text(d)));
    assert.equal(summary.length, 1);
    assert.match(text(summary[0]!), /^…and 799 more heading-sequence findings not listed \(at most 200 per check and 1,000 per document are listed\)$/);
    assert.equal(summary[0]!.severity, 2, 'the summary has the severity of the findings it stands for');
    const zh = check(report, DEFAULT_SETTINGS, 'zh-cn');
    assert.ok(zh.some((d) => text(d) === '……另有 799 条 heading-sequence 问题未列出（每项检查最多列出 200 条，每个文档最多 1,000 条）'));
  });

  test('the document cap holds across checks: 6 checks × 250 findings list 1,000 and sum up the rest per check', () => {
    // One finding of each of six checks per block; the blocks repeat the same values so nothing conflicts.
    const block = [
      '一、概况',
      '  检视问题1686个，完成问题整改1676个、整改率99.6%。',
      '  “未定义术语”。',
      '  全年营业收入100亿元，其中A 60亿元、B 60亿元。',
      '  收入由50亿元增长到60亿元，增长30%。',
      '  检视问题1686个，其中整改1700个。',
    ];
    const lines = Array.from({ length: 250 }, () => block).flat();
    const found = service.diagnostics(service.parse(lines.join('\n')), DEFAULT_SETTINGS, { locale: 'en', uri: URI, glossary: new Glossary([]) });
    const listed = found.filter((d) => !/^…and \d+ more/.test(text(d)));
    assert.equal(listed.length, 1000);
    const codes = new Set(found.map((d) => d.code));
    assert.equal(codes.size, 6);
    for (const code of codes) assert.ok(listed.filter((d) => d.code === code).length <= 200, `${String(code)} capped`);
    const left = found.filter((d) => /^…and \d+ more/.test(text(d))).reduce((n, d) => n + Number(/\d[\d,]*/.exec(text(d))![0].replace(/,/g, '')), 0);
    assert.equal(listed.length + left, 6 * 250 - 1, 'every finding is listed or counted (the first heading is not one)');
    const ordered = [...found].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    assert.deepEqual(found, ordered, 'still in document order');
  });
});
