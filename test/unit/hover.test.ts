import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver-types';
import { getReportLanguageService, Glossary } from '../../server/src/core/languageService';
import { builtinEntries } from '../../server/src/core/terms/builtin';

const service = getReportLanguageService();

function hoverAt(text: string, needle: string, locale: 'en' | 'zh-cn' = 'en'): string | undefined {
  const doc = service.parse(text);
  const offset = text.indexOf(needle) + 1;
  const result = service.hover(doc, doc.lines.positionAt(offset), { locale });
  return result ? (result.contents as MarkupContent).value : undefined;
}

const REPORT = '报告\n\n全区161家参学单位，1.49万名县处级以上领导干部。上半年，全区地区生产总值达到10971亿元，同比增长7.3%。检视出6个方面1686个问题，完成问题整改1676个、整改率99.4%。约1.5万人参加。\n时间: 2023-09-14 15:36\n';

describe('hover on figures', () => {
  test('1.49万 shows 14,900, its unit and the interval of its precision', () => {
    const text = hoverAt(REPORT, '1.49万')!;
    assert.match(text, /\*\*14,900\*\* 名/);
    assert.match(text, /14,850 – 14,950/);
    assert.match(text, /count/);
  });

  test('10971亿元 shows 1,097,100,000,000 元 ≈ 1.10万亿元', () => {
    const text = hoverAt(REPORT, '10971亿元')!;
    assert.match(text, /\*\*1,097,100,000,000\*\* 元 ≈ 1\.10万亿元/);
    assert.match(text, /money/);
  });

  test('1686个问题 names the counted noun; 99.4% shows its rounding interval', () => {
    assert.match(hoverAt(REPORT, '1686个')!, /Counted: 问题/);
    assert.match(hoverAt(REPORT, '99.4%')!, /99\.35% – 99\.45%/);
  });

  test('a qualified figure says it is not exact', () => {
    assert.match(hoverAt(REPORT, '1.5万人')!, /about — not exact/);
  });

  test('dates and times say they are not quantities', () => {
    assert.match(hoverAt(REPORT, '2023-09-14')!, /date[\s\S]*Not a quantity/);
  });

  test('hover text follows the client locale (简体中文)', () => {
    const text = hoverAt(REPORT, '1.49万', 'zh-cn')!;
    assert.match(text, /计数/);
    assert.match(text, /数值: \*\*14,900\*\* 名/);
    // The counted phrase is 县处级以上领导干部, not 县处级: cut inside it, no counted noun is said (issue 13).
    assert.doesNotMatch(text, /计数对象/);
  });

  test('no hover away from figures, and the hover range is the figure', () => {
    const doc = service.parse(REPORT);
    assert.equal(service.hover(doc, { line: 0, character: 0 }), null);
    const offset = REPORT.indexOf('99.4%');
    const result = service.hover(doc, doc.lines.positionAt(offset))!;
    assert.deepEqual(result.range, doc.lines.rangeOf(offset, offset + '99.4%'.length));
  });

  test('positions past the end or negative do not throw', () => {
    const doc = service.parse(REPORT);
    // They clamp to the ends of the text, where no figure stands.
    assert.equal(service.hover(doc, { line: 999, character: 999 }), null);
    assert.equal(service.hover(doc, { line: -1, character: -5 }), null);
  });

  test('a part of a whole of zero shows the relation without a share (no Infinity%)', () => {
    const hover = hoverAt('报告\n\n全年新开工项目0个，其中制造业项目3个；新开工项目40个，其中制造业项目30个。\n', '3个')!;
    assert.match(hover, /3个 \/ 0个/);
    assert.doesNotMatch(hover, /Infinity|NaN|∞/);
    assert.match(hoverAt('报告\n\n新开工项目40个，其中制造业项目30个。\n', '30个')!, /30个 \/ 40个 = 75%/);
  });
});

describe('hovers say nothing false (issue 13)', () => {
  test('a counted noun is the whole noun phrase or none: 1.49万名县处级以上领导干部 does not say 县处级', () => {
    const text = hoverAt('全区1.49万名县处级以上领导干部参加学习。', '1.49万')!;
    assert.doesNotMatch(text, /县处级/);
    assert.match(hoverAt('检视出6个方面1686个问题。', '1686')!, /Counted: 问题/);
  });

  test('多/余/几 after a numeral mean "more than" and belong to the figure, with the interval they leave open', () => {
    for (const [text, needle, figure, interval] of [
      ['财政收入4万多亿元。', '4万', '4万多亿元', /4,000,000,000,000 – 5,000,000,000,000/],
      ['建成十多个基地。', '十多', '十多个', /10 – 20/],
      ['培训1000多人。', '1000', '1000多人', /1,000 – 1,100/],
      ['十几个单位参加。', '十几', '十几个', /10 – 20/],
      ['5000余人参加。', '5000', '5000余人', /5,000 – 5,100/],
    ] as const) {
      const hover = hoverAt(text, needle)!;
      assert.match(hover, new RegExp(`^\\*\\*${figure}\\*\\*`), `${text}: the figure is ${figure} as a whole`);
      assert.match(hover, interval, `${text}: ${hover}`);
      assert.match(hover, /more than/, text);
      assert.doesNotMatch(hover, /≈ 4\.00万亿|3\.5|4\.5万亿/, `${text}: no rounding interval around 4万亿`);
    }
  });

  test('近, 逾 and 超过 bound the figure on their side', () => {
    assert.match(hoverAt('逾300家企业参加。', '300')!, /300 – 400[\s\S]*more than/);
    assert.match(hoverAt('超过126万亿元。', '126')!, /126,000,000,000,000 – 127,000,000,000,000/);
    assert.match(hoverAt('近2000人参加。', '2000')!, /1,900 – 2,000[\s\S]*nearly/);
  });

  test('the year in 2016政府工作报告 is no quantity', () => {
    assert.match(hoverAt('2016政府工作报告', '2016')!, /year[\s\S]*Not a quantity/);
  });
});

describe('hover on a counted term (issue 13, item 5)', () => {
  test('五字诀 shows the report’s own items first, then the glossary definition', () => {
    const text = '报告\n\n调查研究要坚持“深、实、细、准、效”五字诀，把情况摸清。运用好五字诀。\n';
    const doc = service.parse(text);
    const offset = text.lastIndexOf('五字诀') + 1;
    const result = service.hover(doc, doc.lines.positionAt(offset), { locale: 'en', glossary: new Glossary(builtinEntries()), uri: 'file:///r.report' });
    const value = (result!.contents as MarkupContent).value;
    const own = value.indexOf('深、实、细、准、效');
    const general = value.indexOf('调研要深入');
    assert.ok(own >= 0, `the report's items: ${value}`);
    assert.ok(general > own, `then the glossary definition: ${value}`);
    assert.match(value, /defined in this report[\s\S]*built-in glossary/);
  });
});
