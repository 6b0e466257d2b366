import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { DEFAULT_SETTINGS, formatOf, getReportLanguageService, Glossary } from '../../server/src/core/languageService';
import type { ReportDocument } from '../../server/src/core/model';
import { markdownTree } from '../../server/src/core/parser/markdown/micromark';
import { builtinEntries } from '../../server/src/core/terms/builtin';
import { termsOf } from '../../server/src/core/terms/termIndex';
import { fixturePath, readFixture, ROOT } from '../support/paths';

const service = getReportLanguageService();
const GLOSSARY = new Glossary(builtinEntries());
const QUARTERLY = readFixture('markdown', 'quarterly-zh.md');

function markdown(text: string): ReportDocument {
  return service.parse(text, undefined, undefined, 'markdown');
}

/** The figures' texts, as a reader would list the numbers the report states. */
function figureTexts(doc: ReportDocument): string[] {
  return doc.figures.map((figure) => figure.text);
}

function diagnosticsOf(doc: ReportDocument): ReturnType<typeof service.diagnostics> {
  return service.diagnostics(doc, DEFAULT_SETTINGS, { locale: 'en', uri: 'file:///q.md', glossary: GLOSSARY });
}

describe('Markdown read with a CommonMark + GFM parser', () => {
  test('no figure is read in front matter, code, inline code, URLs, link targets, images, footnote marks or HTML comments', () => {
    const doc = markdown(QUARTERLY);
    const texts = figureTexts(doc);
    // Numbers that only stand in non-prose places of the fixture.
    for (const hidden of ['7.3', '2026', '777', '333', '444', '999', '888', '66', '55', '4242', '1717', '5151', '6060']) {
      assert.ok(!texts.some((text) => text.includes(hidden)), `${hidden} must not be read as a figure: ${texts.join(' ')}`);
    }
    // The prose around them still is, a link's words included.
    for (const shown of ['120亿元', '80亿元', '40亿元', '12%', '3%', '5%', '15个', '2.5 percent', '第5']) assert.ok(texts.includes(shown), `${shown} is read`);
    // And no check reports anything from the hidden numbers: the only finding is the heading skip.
    assert.deepEqual(diagnosticsOf(doc).map((d) => d.code), ['heading-sequence']);
  });

  test('the same text read as plain text does read those numbers (what the parser saves the reader from)', () => {
    const texts = figureTexts(service.parse(QUARTERLY, undefined, undefined, 'text'));
    assert.ok(texts.some((text) => text.includes('4242')));
  });

  test('ATX and setext headings come from the tree, and a skipped number in ## 1. / ## 2. / ## 4. is flagged', () => {
    const doc = markdown(QUARTERLY);
    assert.deepEqual(doc.headings.map((h) => h.name), ['第三季度经营情况', '1. 收入', '2. 成本', '4. 展望', 'Summary']);
    const diagnostics = diagnosticsOf(doc).filter((d) => d.code === 'heading-sequence');
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.range.start.line, 33, 'on the ## 4. line');
    const setext = doc.headings.find((h) => h.name === 'Summary')!;
    assert.equal(doc.blocks[setext.block]!.kind, 'heading');
  });

  test('a document with one # heading has it as its title, and sections nest under it; tables show in the outline', () => {
    const doc = markdown('# 年度报告\n\n## 一、总体\n\n收入增长5%。\n\n| 项目 | 金额 |\n|---|---|\n| 收入 | 10 |\n| 支出 | 8 |\n\n## 二、展望\n\n继续努力。\n\n```\n| 代码 | 表 |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n```\n');
    assert.equal(doc.title?.heading.name, '年度报告');
    const [root] = service.documentSymbols(doc);
    assert.deepEqual(root!.children!.map((s) => s.name), ['一、总体', '二、展望']);
    assert.deepEqual(root!.children![0]!.children!.map((s) => s.name), ['项目 | 金额'], 'the table is listed under its section');
    assert.deepEqual(root!.children![1]!.children, [], 'a table inside a code block is code');
  });

  test('a GFM table is a table: one block per row, cells with their spans, the delimiter row no row', () => {
    const doc = markdown(QUARTERLY);
    assert.equal(doc.tables.length, 1);
    const [table] = doc.tables;
    assert.equal(table!.rows.length, 3);
    assert.deepEqual(table!.align, [undefined, 'right', 'right']);
    const cells = table!.rows.map((row) => row.cells.map((cell) => doc.text.slice(cell.start, cell.end)));
    assert.deepEqual(cells, [
      ['地区', '收入（亿元）', '占比'],
      ['华东', '60', '50%'],
      ['华南', '60', '50%'],
    ]);
    for (const row of table!.rows) assert.equal(doc.blocks[row.block]!.kind, 'table-row');
    // Cells are read one by one: each number is a figure of its own, and none reaches across a pipe.
    assert.deepEqual(doc.figures.filter((f) => f.span.start >= table!.span.start && f.span.end <= table!.span.end).map((f) => f.text), ['60', '50%', '60', '50%']);
  });

  test('TOML front matter and multi-line HTML comments hold no figures either; a block quote is prose', () => {
    const doc = markdown('+++\nversion = 3.5\nyear = 2026\n+++\n\n<!--\n旧稿：增长9%\n\n# 不是标题 7\n-->\n\n> 引用：增长4%。\n\n正文增长5%。\n');
    assert.deepEqual(figureTexts(doc), ['4%', '5%']);
    assert.deepEqual(doc.headings, [], 'a # line inside a comment is no heading');
  });

  test('the table checks read a Markdown table as the parser reads it: a wrong 合计 is flagged, the same table in a code block is not', () => {
    const table = '| 地区 | 企业数 |\n|---|---|\n| 东区 | 25 |\n| 西区 | 35 |\n| 合计 | 70 |\n';
    const codes = (text: string) => diagnosticsOf(markdown(text)).map((d) => String(d.code));
    assert.deepEqual(codes(table), ['sum-mismatch']);
    assert.deepEqual(codes(table.replace('70', '60')), []);
    assert.deepEqual(codes('示例：\n\n```\n' + table + '```\n'), []);
    // A table written with tabs is a paragraph to the parser: read from its lines, as in text, but never in code.
    const tabs = '地区\t企业数\n东区\t25\n西区\t35\n合计\t70\n';
    assert.deepEqual(codes(tabs), ['sum-mismatch']);
    assert.deepEqual(codes('```\n' + tabs + '```\n'), []);
  });

  test('list items are list items, and an ordered list marker is no figure', () => {
    const doc = markdown('1. 收入增长5%。\n2. 成本下降3%。\n\n- 利润增长8%。\n');
    assert.deepEqual(doc.blocks.map((b) => b.kind), ['list-item', 'list-item', 'list-item']);
    assert.deepEqual(figureTexts(doc), ['5%', '3%', '8%']);
    assert.equal(doc.paragraphs.length, 3);
  });

  test('CJK-friendly emphasis: **“强调”**是 and **增长12%**。 are emphasis, and the figures inside are read whole', () => {
    // Plain CommonMark leaves the first one as literal asterisks: its closing ** follows punctuation and precedes a letter.
    const tree = markdownTree('**“两个确立”**是重要成果。\n');
    assert.equal(tree.children[0]!.type === 'paragraph' && tree.children[0]!.children[0]!.type, 'strong');
    const doc = markdown('今年收入**增长12%**。其中线上收入**80亿元**，占比较高。\n');
    assert.deepEqual(figureTexts(doc), ['12%', '80亿元']);
  });

  test('no glossary term is found inside inline code or a link target', () => {
    const doc = markdown('“整改率”是指完成整改的比例。代码 `“整改率”` 与 [说明](https://example.invalid/“整改率”) 不算。\n');
    const terms = termsOf(doc, GLOSSARY, 'file:///t.md');
    const where = terms.occurrences.filter((o) => doc.text.slice(o.span.start, o.span.end) === '整改率').map((o) => o.span.start);
    assert.equal(where.length, 1, 'only the definition itself');
  });

  test('disable comments still work in Markdown, where HTML comments are not read as prose', () => {
    const text = '## 1. 一\n\n<!-- report-lens-disable-next-line heading-sequence -->\n## 3. 三\n';
    assert.deepEqual(diagnosticsOf(markdown(text)).map((d) => d.code), []);
    assert.deepEqual(diagnosticsOf(markdown(text.replace(/<!--.*-->\n/, ''))).map((d) => d.code), ['heading-sequence']);
  });

  test('the format: markdown for the markdown language and Markdown files, otherwise the text decides', () => {
    assert.equal(formatOf('markdown', 'untitled:1'), 'markdown');
    assert.equal(formatOf('report', 'file:///a/report.md'), 'markdown');
    assert.equal(formatOf('plaintext', 'file:///a/report.txt'), undefined);
    // Front matter or a fenced block makes a plain-text document Markdown; # headings alone do not.
    assert.equal(service.parse('---\ntitle: x\n---\n正文增长5%。\n').format, 'markdown');
    assert.equal(service.parse('正文\n\n```\ncode 42\n```\n').format, 'markdown');
    assert.equal(service.parse('# 标题\n\n正文增长5%。\n').format, 'text');
  });

  test('typing in a plain document turns it into Markdown exactly when a full parse would say so (fast-check)', () => {
    const base = '报告\n\n一、总体\n收入增长5%。\n\n二、展望\n继续。\n';
    const piece = fc.constantFrom('`', '``', '```', '~', '~~~', '\n', '-', '---\n', 'title: x\n', '---', ':', ' ', '增长3%', '# ');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(60), fc.nat(6), piece), { minLength: 1, maxLength: 12 }), (edits) => {
        let text = base;
        let doc = service.parse(text);
        for (const [at, remove, insert] of edits) {
          const position = Math.min(at, text.length);
          text = text.slice(0, position) + insert + text.slice(Math.min(text.length, position + remove));
          doc = service.parse(text, doc);
          const full = service.parse(text);
          assert.equal(doc.format, full.format, JSON.stringify(text));
          assert.deepEqual(doc.figures, full.figures);
        }
      }),
      { seed: 20261203, numRuns: 200 },
    );
  });

  test('an edit re-parses only the piece it touched, and gives what a full parse gives', () => {
    let text = QUARTERLY;
    let doc = markdown(text);
    for (const [at, insert] of [
      [text.indexOf('本季度'), '利润增长7%。'],
      [text.indexOf('## 4.'), '## 3. 插入\n\n新增内容9个。\n\n'],
      [text.indexOf('```text'), '`'],
    ] as const) {
      text = text.slice(0, at) + insert + text.slice(at);
      doc = service.parse(text, doc, undefined, 'markdown');
      const full = markdown(text);
      assert.deepEqual(doc.figures, full.figures);
      assert.deepEqual(doc.headings, full.headings);
      assert.deepEqual(service.documentSymbols(doc), service.documentSymbols(full));
    }
  });

  test('the CLI reads a .md file as Markdown', () => {
    const run = spawnSync(process.execPath, [`${ROOT}/bin/report-lens.js`, 'figures', '--format', 'json', fixturePath('markdown', 'quarterly-zh.md')], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const texts = (JSON.parse(run.stdout) as { text: string }[]).map((f) => f.text);
    assert.ok(texts.includes('120亿元') && !texts.some((t) => t.includes('4242')));
  });
});
