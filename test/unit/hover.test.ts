import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver-types';
import { getReportLanguageService } from '../../server/src/core/languageService';

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
    assert.match(text, /计数对象: 县处级/);
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
