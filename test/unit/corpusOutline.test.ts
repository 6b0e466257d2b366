import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { getReportLanguageService } from '../../server/src/core/languageService';
import { flatten, names } from '../support/outline';
import { needsShared, readFixture, SEED } from '../support/paths';

const service = getReportLanguageService();
const outline = (text: string) => service.documentSymbols(service.parse(text));

test('seed report: its title and exactly its three unnumbered section headings', { skip: needsShared(SEED) }, () => {
  const symbols = outline(readFileSync(SEED!, 'utf8'));
  assert.deepEqual(names(symbols), [
    {
      name: '凝心铸魂强本领 实干担当谱新篇——内蒙古第一批主题教育综述',
      children: [
        { name: '身体力行示范,深学笃用党的创新理论', children: [] },
        { name: '聚焦两件大事,奋力书写中国式现代化内蒙古新篇章', children: [] },
        { name: '抓实以学正风,把担当作为的形象立起来', children: [] },
      ],
    },
  ]);
  assert.equal(symbols[0]!.detail, '内蒙古日报 · 2023-09-14 15:36', 'title detail shows the metadata');
  const [first] = symbols[0]!.children!;
  assert.deepEqual(first!.selectionRange, { start: { line: 15, character: 2 }, end: { line: 15, character: 19 } });
});

test('seed-like fixture (our own text with the seed structure): title and three sections', () => {
  const expected = JSON.parse(readFixture('seed-like-zh.expected-outline.json')) as { title: string; sections: string[] };
  const symbols = outline(readFixture('seed-like-zh.report'));
  assert.equal(symbols.length, 1);
  assert.equal(symbols[0]!.name, expected.title);
  assert.deepEqual(symbols[0]!.children!.map((s) => s.name), expected.sections);
  assert.ok(symbols[0]!.children!.every((s) => (s.children ?? []).length === 0));
});

test('gov-work-report-2014: three parts 一、二、三、 and nine sub-sections under 三、', () => {
  const symbols = outline(readFixture('corpus', 'gov-work-report-2014-zh.txt'));
  assert.deepEqual(names(symbols), [
    {
      name: '2014政府工作报告',
      children: [
        { name: '一、2013年工作回顾', children: [] },
        { name: '二、2014年工作总体部署', children: [] },
        {
          name: '三、2014年重点工作',
          children: [
            '（一）推动重要领域改革取得新突破',
            '（二）开创高水平对外开放新局面',
            '（三）增强内需拉动经济的主引擎作用',
            '（四）促进农业现代化和农村改革发展',
            '（五）推进以人为核心的新型城镇化',
            '（六）以创新支撑和引领经济结构优化升级',
            '（七）加强教育、卫生、文化等社会建设',
            '（八）统筹做好保障和改善民生工作',
            '（九）努力建设生态文明的美好家园',
          ].map((name) => ({ name, children: [] })),
        },
      ],
    },
  ]);
  assert.equal(symbols[0]!.detail, '2014年3月5日在第十二届全国人民代表大会第二次会议上');
});

test('gov-work-report-2010: run-in sub-sections are named by their first sentence only; eight under 二、', () => {
  const symbols = outline(readFixture('corpus', 'gov-work-report-2010-zh.txt'));
  const [title] = symbols;
  assert.equal(title!.name, '2010政府工作报告');
  const [review, tasks] = title!.children!;
  assert.equal(review!.name, '一、２００９年工作回顾');
  assert.deepEqual(review!.children!.map((s) => s.name), [
    '（一）加强和改善宏观调控，促进经济平稳较快发展',
    '（二）大力调整经济结构，夯实长远发展基础',
    '（三）坚持深化改革开放，不断完善有利于科学发展的体制机制',
    '（四）着力改善民生，加快发展社会事业',
  ]);
  assert.equal(tasks!.name, '二、２０１０年主要任务');
  assert.equal(tasks!.children!.length, 8);
  assert.equal(tasks!.children![7]!.name, '（八）努力建设人民满意的服务型政府');
  // The run-in heading's selection covers the heading sentence, not the body after it.
  const runIn = review!.children![0]!;
  assert.equal(runIn.selectionRange.start.line, runIn.selectionRange.end.line);
  assert.equal(runIn.selectionRange.end.character - runIn.selectionRange.start.character, '（一）加强和改善宏观调控，促进经济平稳较快发展'.length);
});

test('gov-work-report-2012: 一、二、三、 with five and nine sub-sections', () => {
  const [title] = outline(readFixture('corpus', 'gov-work-report-2012-zh.txt'));
  assert.deepEqual(title!.children!.map((s) => [s.name, s.children!.length]), [
    ['一、2011年工作回顾', 5],
    ['二、2012年工作总体部署', 0],
    ['三、2012年主要任务', 9],
  ]);
});

test('BLS release: its ## sections under the # title, and nothing from the body', () => {
  const symbols = outline(readFixture('corpus', 'bls-employment-situation-2023-03-en.md'));
  assert.equal(symbols.length, 1);
  assert.equal(symbols[0]!.name, 'Jobs Report - March 2023');
  const all = flatten(symbols).map((s) => s.name);
  assert.ok(all.includes('Household Survey Data'));
  assert.ok(all.includes('Establishment Survey Data'));
  assert.deepEqual(all, ['Jobs Report - March 2023', 'THE EMPLOYMENT SITUATION -- MARCH 2023', 'Household Survey Data', 'Establishment Survey Data']);
});

test('every symbol of every corpus file: selectionRange inside range, children inside parents', () => {
  const files = ['gov-work-report-2010-zh.txt', 'gov-work-report-2012-zh.txt', 'gov-work-report-2014-zh.txt', 'bls-employment-situation-2023-03-en.md'];
  for (const file of files) {
    const symbols = outline(readFixture('corpus', file));
    const check = (list: typeof symbols, parent?: (typeof symbols)[number]) => {
      for (const symbol of list) {
        assert.ok(contains(symbol.range, symbol.selectionRange), `${file}: ${symbol.name} selection outside range`);
        if (parent) assert.ok(contains(parent.range, symbol.range), `${file}: ${symbol.name} outside its parent`);
        check(symbol.children ?? [], symbol);
      }
    };
    check(symbols);
  }
});

type R = { start: { line: number; character: number }; end: { line: number; character: number } };
function before(a: R['start'], b: R['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}
function contains(outer: R, inner: R): boolean {
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}
