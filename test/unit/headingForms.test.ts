import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getReportLanguageService } from '../../server/src/core/languageService';
import { names, type NameTree } from '../support/outline';

const service = getReportLanguageService();
const tree = (text: string): NameTree[] => names(service.documentSymbols(service.parse(text)));
const leaf = (name: string): NameTree => ({ name, children: [] });
const node = (name: string, ...children: NameTree[]): NameTree => ({ name, children });

describe('Chinese official numbering', () => {
  test('一、 → （一） → 1. → （1） nest in that order', () => {
    const text = ['某市工作报告', '', '一、总体情况', '（一）主要成绩', '1. 经济运行', '（1）工业生产', '正文内容。', '（2）服务业', '2. 民生改善', '（二）存在问题', '二、下一步安排', ''].join('\n');
    assert.deepEqual(tree(text), [
      node('某市工作报告',
        node('一、总体情况',
          node('（一）主要成绩', node('1. 经济运行', leaf('（1）工业生产'), leaf('（2）服务业')), leaf('2. 民生改善')),
          leaf('（二）存在问题')),
        leaf('二、下一步安排')),
    ]);
  });

  test('ASCII brackets (一) (1), 1、 and full-width １． are recognised', () => {
    const text = ['报告', '', '一、第一部分内容', '(一)半角括号', '1、顿号编号', '(1)半角小标题', '２．全角数字编号', ''].join('\n');
    assert.deepEqual(tree(text), [node('报告', node('一、第一部分内容', node('(一)半角括号', node('1、顿号编号', leaf('(1)半角小标题')), leaf('２．全角数字编号'))))]);
  });

  test('第一部分 → 第一章 → 第一节 nest above 一、', () => {
    const text = ['条例', '', '第一部分 总则', '第一章 一般规定', '第一节 适用范围', '一、适用对象', '第二节 术语', '第二章 组织机构', '第二部分 附则', ''].join('\n');
    assert.deepEqual(tree(text), [
      node('条例',
        node('第一部分 总则', node('第一章 一般规定', node('第一节 适用范围', leaf('一、适用对象')), leaf('第二节 术语')), leaf('第二章 组织机构')),
        leaf('第二部分 附则')),
    ]);
  });

  test('a run-in heading is only the first sentence; the body after it is not in the name', () => {
    const text = ['报告', '', '一、工作回顾', '    （一）加强和改善宏观调控，促进经济平稳较快发展。我们实行积极的财政政策，新增投资9243亿元。', '    （二）大力调整经济结构。我们把保增长与调结构结合起来。', ''].join('\n');
    assert.deepEqual(tree(text), [node('报告', node('一、工作回顾', leaf('（一）加强和改善宏观调控，促进经济平稳较快发展'), leaf('（二）大力调整经济结构')))]);
    const doc = service.parse(text);
    const paragraph = doc.paragraphs.find((p) => p.runInHeading);
    assert.ok(paragraph, 'the run-in paragraph keeps its body');
    assert.equal(doc.text.slice(paragraph.body.start, paragraph.body.end), '我们实行积极的财政政策，新增投资9243亿元。');
  });

  test('indentation with full-width spaces (U+3000) and a standalone heading ending in 。', () => {
    const text = '报告\n\u3000\u3000一、总体要求\n\u3000\u3000（一）推动重要领域改革取得新突破。\n\u3000\u3000正文第一段。\n';
    assert.deepEqual(tree(text), [node('报告', node('一、总体要求', leaf('（一）推动重要领域改革取得新突破')))]);
  });

  test('numerals listed in a sentence are not headings: 一、二、三产业', () => {
    assert.deepEqual(tree('报告\n\n一、二、三产业协调发展，结构持续优化，全年增长较快，形势总体稳定向好，为下一步打下基础。\n'), [leaf('报告')]);
  });

  test('a long numbered paragraph with no short first sentence is not a heading', () => {
    const long = '1. ' + '我们坚持稳中求进工作总基调，'.repeat(8) + '取得了显著成效。';
    assert.deepEqual(tree(`报告\n\n${long}\n`), [leaf('报告')]);
  });
});

describe('unnumbered headings (news-summary style)', () => {
  const seedLike = [
    '县域公路建设综述——某县“四好农村路”三年回顾',
    '',
    '  • 来源: 某某日报',
    '  • 时间: 2024-03-01 09:00',
    '',
    '  开局之年，全县上下把农村公路建设摆在突出位置。',
    '',
    '  春风化雨，久久为功。',
    '',
    '  规划先行,织密县乡村三级路网',
    '',
    '  县交通运输局编制三年规划，新建农村公路312公里。',
    '',
    '  管养并重,守护群众出行安全',
    '',
    '  全县落实路长制，配备专职养护员486名。',
    '',
    '相关文档:',
    '',
  ].join('\n');

  test('short standalone lines between paragraphs become sections; a short line ending in 。 stays a paragraph', () => {
    assert.deepEqual(tree(seedLike), [
      node('县域公路建设综述——某县“四好农村路”三年回顾', leaf('规划先行,织密县乡村三级路网'), leaf('管养并重,守护群众出行安全')),
    ]);
  });

  test('metadata lines are parsed as key and value', () => {
    const doc = service.parse(seedLike);
    assert.deepEqual(doc.metadata.map((m) => [m.key, m.value]), [['来源', '某某日报'], ['时间', '2024-03-01 09:00']]);
    assert.equal(service.documentSymbols(doc)[0]!.detail, '某某日报 · 2024-03-01 09:00');
  });

  test('no unnumbered headings are guessed when the report has numbered ones', () => {
    const text = ['报告', '', '一、总体情况', '', '国务院总理 温家宝', '', '正文。', ''].join('\n');
    assert.deepEqual(tree(text), [node('报告', leaf('一、总体情况'))]);
  });
});

describe('Markdown and English headings', () => {
  test('ATX headings nest by level; closing #s are dropped; a lone # heading is the title', () => {
    const text = '# Quarterly Report\n\nIntro.\n\n## Summary ##\n\ntext\n\n### Detail\n\nmore\n\n## Outlook\n';
    assert.deepEqual(tree(text), [node('Quarterly Report', node('Summary', leaf('Detail')), leaf('Outlook'))]);
  });

  test('several # headings are sections, not a title', () => {
    assert.deepEqual(tree('# One\n\ntext\n\n# Two\n\ntext\n'), [leaf('One'), leaf('Two')]);
  });

  test('setext headings (=== and ---)', () => {
    const text = 'Annual Review\n=============\n\nIntro text.\n\nFindings\n--------\n\nBody.\n';
    assert.deepEqual(tree(text), [node('Annual Review', leaf('Findings'))]);
  });

  test('English numbering: I. → A. → 1. → 1.1', () => {
    const text = ['ANNUAL REPORT 2024', '', 'I. Overview', '', 'A. Scope', '', '1. Methods', '', '1.1 Sampling', '', 'Text here.', '', '1.2 Weighting', '', '2. Results', '', 'II. Outlook', ''].join('\n');
    assert.deepEqual(tree(text), [
      node('ANNUAL REPORT 2024', node('I. Overview', node('A. Scope', node('1. Methods', leaf('1.1 Sampling'), leaf('1.2 Weighting')), leaf('2. Results'))), leaf('II. Outlook')),
    ]);
  });

  test('an ALL-CAPS line is a heading; numbers wrapped onto a line start are not', () => {
    const text = '# Jobs\n\n        THE EMPLOYMENT SITUATION -- MARCH 2023\n\nBoth the rate, at 3.5 percent, and the number, at\n5.8 million, changed little. The workweek edged down by\n0.1 hour to 34.4 hours.\n\n## Household Survey Data\n\ntext\n';
    assert.deepEqual(tree(text), [node('Jobs', leaf('THE EMPLOYMENT SITUATION -- MARCH 2023'), leaf('Household Survey Data'))]);
  });

  test('a numbered English sentence is a list item, not a heading', () => {
    assert.deepEqual(tree('# R\n\n1. Total nonfarm payroll employment rose by 236,000 in March.\n\n2. The unemployment rate changed little at 3.5 percent.\n'), [leaf('R')]);
  });
});

describe('line ends, BOM and positions', () => {
  const lines = ['报告标题', '', '一、第一部分', '正文。', '二、第二部分', '正文。'];
  for (const [label, eol] of [['LF', '\n'], ['CRLF', '\r\n'], ['CR', '\r']] as const) {
    test(`${label} line ends give the same outline and line numbers`, () => {
      const symbols = service.documentSymbols(service.parse(lines.join(eol)));
      assert.deepEqual(names(symbols), [node('报告标题', leaf('一、第一部分'), leaf('二、第二部分'))]);
      assert.equal(symbols[0]!.children![1]!.selectionRange.start.line, 4);
      assert.equal(symbols[0]!.children![1]!.range.end.line, 5);
    });
  }

  test('a mix of LF, CRLF and CR in one file', () => {
    const symbols = service.documentSymbols(service.parse('报告标题\r\n\r一、甲\n正文。\r\n二、乙\r正文。'));
    assert.deepEqual(symbols[0]!.children!.map((s) => [s.name, s.selectionRange.start.line]), [['一、甲', 2], ['二、乙', 4]]);
  });

  test('a BOM before the title does not become part of its name', () => {
    assert.deepEqual(tree('\ufeff报告标题\n\n一、甲\n正文。\n'), [node('报告标题', leaf('一、甲'))]);
  });

  test('characters outside the BMP (𠮷) count two UTF-16 units and do not shift ranges', () => {
    const symbols = service.documentSymbols(service.parse('𠮷野家报告\n\n一、𠮷田地区情况\n正文。\n'));
    assert.deepEqual(symbols[0]!.selectionRange, { start: { line: 0, character: 0 }, end: { line: 0, character: 6 } });
    assert.deepEqual(symbols[0]!.children![0]!.selectionRange, { start: { line: 2, character: 0 }, end: { line: 2, character: 9 } });
  });
});

describe('sentences and folding', () => {
  test('paragraph sentences split at 。！？；… and at . ! ? but not inside 3.5 or U.S.', () => {
    const doc = service.parse('标题\n\n经济增长7.3%。就业稳定！物价如何？总体向好；继续努力……下一步\n\nThe U.S. rate was 3.5 percent. It rose! Did it? Yes.\n');
    const sentences = doc.paragraphs.map((p) => p.sentences.map((s) => doc.text.slice(s.start, s.end)));
    assert.deepEqual(sentences, [
      ['经济增长7.3%。', '就业稳定！', '物价如何？', '总体向好；', '继续努力……', '下一步'],
      ['The U.S. rate was 3.5 percent.', 'It rose!', 'Did it?', 'Yes.'],
    ]);
  });

  test('folding: one range per section that spans more than its heading line', () => {
    const doc = service.parse('标题\n\n一、甲\n正文。\n正文。\n二、乙\n三、丙\n正文。\n');
    assert.deepEqual(service.foldingRanges(doc), [
      { startLine: 0, endLine: 7 },
      { startLine: 2, endLine: 4 },
      { startLine: 6, endLine: 7 },
    ]);
  });
});
