import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Figure } from '../../server/src/core/figures/figure';
import { extractFigures } from '../../server/src/core/figures/scanner';
import { MAX_NUMERAL_LENGTH } from '../../server/src/core/figures/numerals';
import { MAX_HOVER_LENGTH } from '../../server/src/core/languageFeatures/hoverLimit';
import { getReportLanguageService, Glossary } from '../../server/src/core/languageService';

/** The figures of a sentence as [text, value, kind] triples, for compact assertions. */
const brief = (text: string) => extractFigures(text).map((f) => [f.text, f.value, f.kind]);
const only = (text: string): Figure => {
  const figures = extractFigures(text);
  assert.equal(figures.length, 1, `expected one figure in ${JSON.stringify(text)}, got ${JSON.stringify(figures.map((f) => f.text))}`);
  return figures[0]!;
};
const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-9 * Math.max(1, Math.abs(expected)), `${actual} ≠ ${expected}`);

describe('figure forms (Chinese)', () => {
  test('Arabic digits with separators, full-width digits and the counted noun', () => {
    const a = only('检视出1686个问题');
    assert.deepEqual([a.text, a.value, a.kind, a.unit, a.noun], ['1686个', 1686, 'count', '个', '问题']);
    assert.deepEqual(a.interval, [1686, 1686], 'an integer count is exact');
    assert.equal(only('共1，686个').value, 1686);
    assert.equal(only('共1,686个').value, 1686);
    assert.equal(only('全年２，４５０个').value, 2450);
  });

  test('Chinese numerals, with 零 and 两', () => {
    assert.equal(only('共一千六百八十六个').value, 1686);
    assert.equal(only('两千零二十三名').value, 2023);
    assert.equal(only('三十一万四千人').value, 314000);
    const money = only('投资一万五千亿元');
    assert.deepEqual([money.value, money.kind, money.unit], [1.5e12, 'money', '元']);
  });

  test('mixed scales: 1.49万, 3千万, 1,100万, and the interval their precision allows', () => {
    const people = only('1.49万名县处级以上领导干部');
    assert.deepEqual([people.value, people.kind, people.unit], [14900, 'count', '名']);
    assert.deepEqual(people.interval, [14850, 14950]);
    assert.equal(only('3千万元').value, 3e7);
    assert.equal(only('1,100万元').value, 1.1e7);
    const gdp = only('地区生产总值达到10971亿元');
    assert.deepEqual([gdp.value, gdp.kind], [1097100000000, 'money']);
    assert.deepEqual(gdp.interval, [1097050000000, 1097150000000]);
    const land = only('处置土地36.1万亩');
    assert.deepEqual([land.value, land.kind, land.unit], [361000, 'measure', '亩']);
    assert.equal(only('缴回沉淀资金64.6亿元').value, 6460000000);
  });

  test('percentages: %, ％, 百分之…, 成; percentage points; multiples; fractions', () => {
    const rate = only('整改率99.4%');
    assert.deepEqual([rate.value, rate.kind], [99.4, 'percent']);
    assert.deepEqual(rate.interval, [99.35, 99.45]);
    assert.equal(only('增长7.3％').value, 7.3);
    const written = only('占百分之九十九点四');
    assert.deepEqual([written.value, written.kind], [99.4, 'percent']);
    assert.deepEqual([only('三成').value, only('三成').kind], [30, 'percent']);
    assert.deepEqual(only('提高1.2个百分点').kind, 'percentage-point');
    assert.equal(only('提高1.2个百分点').value, 1.2);
    assert.deepEqual([only('增长1.6倍').value, only('增长1.6倍').kind], [1.6, 'multiple']);
    const fraction = only('约占三分之二');
    assert.equal(fraction.kind, 'fraction');
    close(fraction.value, 2 / 3);
  });

  test('ranges are two figures sharing the unit, never a negative number', () => {
    assert.deepEqual(brief('增长6.5%-7%'), [['6.5%', 6.5, 'percent'], ['7%', 7, 'percent']]);
    const [from, to] = extractFigures('每组5至8个');
    assert.deepEqual([from!.value, from!.kind, from!.unit, from!.range], [5, 'count', '个', 'start']);
    assert.deepEqual([to!.value, to!.kind, to!.range], [8, 'count', 'end']);
  });

  test('qualifiers: 约, 超过, 近, 逾, 以上, 左右, 余', () => {
    assert.equal(only('约1.5万人').qualifier, 'about');
    assert.equal(only('超过126万亿元').qualifier, 'more-than');
    assert.equal(only('逾300家').qualifier, 'more-than');
    assert.equal(only('近90%').qualifier, 'nearly');
    assert.equal(only('500万元以上').qualifier, 'at-least');
    assert.equal(only('50人左右').qualifier, 'about');
    const over = only('5000余人');
    assert.deepEqual([over.value, over.qualifier], [5000, 'more-than']);
    assert.equal(only('1686个问题').qualifier, undefined);
  });

  test('dates, times, years and ordinals are not quantities', () => {
    assert.deepEqual(brief('时间: 2023-09-14 15:36'), [['2023-09-14', 2023, 'date'], ['15:36', 15.6, 'time']]);
    assert.deepEqual(extractFigures('2023年9月14日').map((f) => f.kind), ['year', 'date', 'date']);
    assert.deepEqual(brief('二〇二三年'), [['二〇二三年', 2023, 'year']]);
    assert.deepEqual(extractFigures('第一批参学单位').map((f) => [f.text, f.kind]), [['第一', 'ordinal']]);
    assert.deepEqual(extractFigures('第十二届全国人民代表大会').map((f) => f.kind), ['ordinal']);
    assert.deepEqual(brief('上半年'), []);
  });

  test('codes and document numbers are not quantities', () => {
    assert.ok(extractFigures('国发〔2018〕59号').every((f) => f.kind === 'code'));
    assert.ok(extractFigures('按照GB/T 15835执行').every((f) => f.kind === 'code'));
  });

  test('numerals inside words and quoted slogans are not figures', () => {
    for (const text of ['“五大任务”', '坚定拥护“两个确立”', '“四不两直”方式', '实现一网通办', '“三多三少三慢”问题', '一场理论大学习', '一张蓝图绘到底', '我家在四川']) {
      assert.deepEqual(brief(text), [], text);
    }
  });

  test('a count of things written with a Chinese numeral and a measure word is a figure', () => {
    assert.deepEqual(brief('提出三个责任'), [['三个', 3, 'count']]);
    assert.equal(only('检视出6个方面').noun, '方面');
  });
});

describe('figure forms (English)', () => {
  test('counts with their noun, money, percent, percentage points, measures', () => {
    const issues = only('They found 1,686 issues.');
    assert.deepEqual([issues.value, issues.kind, issues.noun], [1686, 'count', 'issues']);
    const wage = only('rose to $33.18.');
    assert.deepEqual([wage.value, wage.kind, wage.unit], [33.18, 'money', '$']);
    const rate = only('the rate was 3.5 percent');
    assert.deepEqual([rate.value, rate.kind], [3.5, 'percent']);
    assert.deepEqual(rate.interval, [3.45, 3.55]);
    assert.equal(only('up 0.2 percentage point').kind, 'percentage-point');
    assert.deepEqual([only('34.4 hours').value, only('34.4 hours').kind], [34.4, 'measure']);
  });

  test('scale words and number words', () => {
    const million = only('5.8 million');
    assert.equal(million.value, 5800000);
    assert.deepEqual(million.interval, [5750000, 5850000]);
    const priorities = only('three priorities');
    assert.deepEqual([priorities.value, priorities.kind, priorities.noun], [3, 'count', 'priorities']);
    const fraction = only('two-thirds of employers');
    assert.equal(fraction.kind, 'fraction');
    close(fraction.value, 2 / 3);
  });

  test('a scale of a scale multiplies the group before it; zero stays zero', () => {
    assert.equal(only('five thousand million people').value, 5e9);
    assert.equal(only('a thousand million').value, 1e9);
    assert.equal(only('two hundred thousand').value, 200000);
    assert.equal(only('one million two hundred thousand').value, 1200000);
    assert.equal(only('zero million').value, 0);
  });

  test('signed changes keep their sign; a wrapped unit on the next line still counts', () => {
    const up = only('(+39,000)');
    assert.deepEqual([up.value, up.signed], [39000, true]);
    assert.deepEqual([only('(-12,000)').value, only('(-12,000)').signed], [-12000, true]);
    assert.equal(only('at 4.6\npercent').kind, 'percent');
  });

  test('qualifiers: about, more than, nearly', () => {
    assert.equal(only('about 300 people').qualifier, 'about');
    assert.equal(only('more than 5,000 jobs').qualifier, 'more-than');
    assert.equal(only('nearly 40 percent').qualifier, 'nearly');
  });

  test('dates, years, times, ordinals, phone numbers and table references are not quantities', () => {
    const kinds = (text: string) => extractFigures(text).map((f) => f.kind);
    assert.deepEqual(kinds('in March 2023'), ['year']);
    assert.deepEqual(kinds('Friday, May 5, 2023, at 8:30 a.m.'), ['date', 'year', 'time']);
    assert.deepEqual(kinds('since early 2022'), ['year']);
    assert.deepEqual(kinds('the 1st quarter'), ['ordinal']);
    assert.deepEqual(kinds('(202) 691-6378'), ['code', 'code']);
    assert.deepEqual(kinds('(See table A-1.)'), ['code']);
    assert.deepEqual(kinds('tables B-3 and B-8'), ['code', 'code']);
  });

  test('"one" as a pronoun is not a figure', () => {
    assert.deepEqual(brief('The one you mentioned'), []);
  });
});

describe('figure invariants', () => {
  test('interval contains value; spans cover the text; numberSpan lies inside the span', () => {
    const text = '检视出6个方面1686个问题，完成问题整改1676个、整改率99.4%；1.49万名；10971亿元；rose by 236,000 to 5.8 million (3.5 percent)';
    for (const figure of extractFigures(text)) {
      assert.ok(figure.interval[0] <= figure.value && figure.value <= figure.interval[1], figure.text);
      assert.equal(text.slice(figure.span.start, figure.span.end), figure.text);
      assert.ok(figure.span.start <= figure.numberSpan.start && figure.numberSpan.end <= figure.span.end, figure.text);
    }
  });
});

describe('malformed Chinese numerals (issue 12, D5)', () => {
  test('一千一千个 and 一万一万个 read as two numerals, never as 2,000 or 100,010,000', () => {
    assert.deepEqual(brief('共一千一千个').map(([, value]) => value), [1000, 1000]);
    assert.deepEqual(brief('共一万一万个').map(([, value]) => value), [10000, 10000]);
    assert.deepEqual(brief('一亿一亿元').map(([, value]) => value), [1e8, 1e8]);
    assert.deepEqual(brief('1万1万人').map(([, value]) => value), [10000, 10000]);
  });

  test('well-formed numerals keep reading as one: 三十万亿, 四十五亿四千零四万, 5万4千6百, 一万三千, 一千二百三十四万五千六百七十八', () => {
    assert.equal(only('三十万亿元').value, 3e13);
    assert.equal(only('共四十五亿四千零四万元').value, 4540040000);
    assert.equal(only('共5万4千6百人').value, 54600);
    assert.equal(only('共一万三千人').value, 13000);
    assert.equal(only('共一千二百三十四万五千六百七十八元').value, 12345678);
  });

  test('no figure is longer than MAX_NUMERAL_LENGTH: 50,000 × 一千 + 万, a run of 零, a run of ",000"', () => {
    for (const text of ['一千'.repeat(50_000) + '万', `共一万${'零'.repeat(1000)}一个`, `1${',000'.repeat(20_000)}个`]) {
      const longest = extractFigures(text).reduce((max, figure) => Math.max(max, figure.text.length), 0);
      assert.ok(longest <= MAX_NUMERAL_LENGTH + 8, `longest figure ${longest} characters`);
    }
  });

  test('every hover is capped at MAX_HOVER_LENGTH with an ellipsis (a 50,000-character glossary definition)', () => {
    const service = getReportLanguageService();
    const definition = '很长的释义'.repeat(10_000);
    const glossary = new Glossary([{ term: '长术语', aliases: [], definition, source: { kind: 'workspace', uri: 'file:///g.glossary.yaml', line: 0 } }]);
    const doc = service.parse('关于“长术语”的说明。');
    const hover = service.hover(doc, { line: 0, character: 4 }, { locale: 'en', glossary, uri: 'file:///r.report' });
    assert.ok(hover && typeof hover.contents === 'object' && 'value' in hover.contents);
    assert.ok(hover.contents.value.length <= MAX_HOVER_LENGTH, `hover of ${hover.contents.value.length} characters`);
    assert.ok(hover.contents.value.endsWith('…'));
    const figureHover = service.hover(service.parse('一千'.repeat(50_000) + '万'), { line: 0, character: 1 });
    assert.ok(figureHover && JSON.stringify(figureHover.contents).length <= MAX_HOVER_LENGTH);
  });
});
