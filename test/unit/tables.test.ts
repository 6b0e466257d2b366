/**
 * Tables read from a report's lines (Markdown pipes, tabs, aligned columns) and their arithmetic:
 * a total row or column against its parts, a share column against 100 and against its amounts.
 * Every check is tested both ways, and where a table's hierarchy is unclear it stays silent.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_SETTINGS, getReportLanguageService } from '../../server/src/core/languageService';
import { relationsOf } from '../../server/src/core/relations/analyze';
import { documentTables, readTables } from '../../server/src/core/tables/readTables';
import fc from 'fast-check';

const service = getReportLanguageService();

function codes(text: string): string[] {
  return service.diagnostics(service.parse(text), DEFAULT_SETTINGS, { locale: 'en', uri: 'file:///t.report' }).map((d) => String(d.code));
}

const PIPE = `## 一、分区情况

| 区县 | 2025年（亿元） | 比重（%） |
|---|---|---|
| 东区 | 120.5 | 40.2 |
| 西区 | 98.3 | 32.8 |
| 南区 | 81.0 | 27.0 |
| 合计 | 299.8 | 100.0 |
`;

describe('reading tables from lines', () => {
  test('a Markdown pipe table: the header above the delimiter row, one row per line, cells trimmed', () => {
    const [table] = documentTables(service.parse(PIPE));
    assert.equal(table?.style, 'pipe');
    assert.deepEqual(table?.header?.cells.map((c) => c.text), ['区县', '2025年（亿元）', '比重（%）']);
    assert.deepEqual(table?.rows.map((r) => r.cells[0]!.text), ['东区', '西区', '南区', '合计']);
  });

  test('tab-separated rows (a Word table as extracted) and columns aligned with spaces', () => {
    const tabs = documentTables(service.parse('地区\t户数\t人数\n东区\t120\t300\n西区\t98\t200\n'));
    assert.deepEqual(tabs.map((t) => [t.style, t.rows.length]), [['tab', 2]]);
    const spaces = documentTables(service.parse('Region    Jobs    Firms\nNorth     1,200   40\nSouth     900     35\nTotal     2,100   75\n'));
    assert.deepEqual(spaces.map((t) => [t.style, t.header?.cells.length, t.rows.length]), [['spaces', 3, 3]]);
  });

  test('prose with a double space, or one line with a tab, is not a table', () => {
    assert.equal(documentTables(service.parse('全年完成投资120亿元。  其中工业投资80亿元。\n另起一段。\n')).length, 0);
    assert.equal(documentTables(service.parse('甲\t乙\n\n正文。\n')).length, 0);
  });
});

describe('sum-mismatch in tables', () => {
  test('a 合计 row is the sum of the rows above it, column by column; shares sit beside their amounts', () => {
    const relations = relationsOf(service.parse(PIPE));
    assert.equal(relations.sums.length, 2, 'the amounts and the shares each add up to their 合计');
    assert.ok(relations.sums.every((s) => s.consistent && s.exhaustive));
    assert.equal(relations.rates.length, 3, 'each share is its amount over the total');
    assert.deepEqual(codes(PIPE), []);
  });

  test('flags a total row that is not the sum, with every part cell as related information', () => {
    const text = PIPE.replace('| 合计 | 299.8 |', '| 合计 | 309.8 |');
    const diagnostics = service.diagnostics(service.parse(text), DEFAULT_SETTINGS, { locale: 'en', uri: 'file:///t.report' });
    const sum = diagnostics.find((d) => d.code === 'sum-mismatch');
    assert.ok(sum, 'the 合计 row is flagged');
    assert.equal(sum.relatedInformation?.length, 3);
    assert.ok(diagnostics.some((d) => d.code === 'rate-mismatch'), 'the shares now disagree with the new total');
  });

  test('a total written first totals the rows below it; an English Total row too', () => {
    assert.deepEqual(codes('| 地区 | 企业数 |\n|---|---|\n| 合计 | 60 |\n| 东区 | 25 |\n| 西区 | 35 |\n'), []);
    assert.deepEqual(codes('| 地区 | 企业数 |\n|---|---|\n| 合计 | 70 |\n| 东区 | 25 |\n| 西区 | 35 |\n'), ['sum-mismatch']);
    assert.deepEqual(codes('Region\tJobs\nNorth\t1,200\nSouth\t900\nTotal\t2,200\n'), ['sum-mismatch']);
  });

  test('a 合计 column is the sum of the other columns of its row', () => {
    assert.deepEqual(codes('地区\t男\t女\t合计\n东区\t120\t130\t250\n西区\t98\t100\t198\n'), []);
    assert.deepEqual(codes('地区\t男\t女\t合计\n东区\t120\t130\t250\n西区\t98\t100\t208\n'), ['sum-mismatch']);
  });

  test('rates and changes never add up: their columns are not summed', () => {
    assert.deepEqual(codes('| 地区 | 产值 | 增长（%） |\n|---|---|---|\n| 东区 | 120 | 5.1 |\n| 西区 | 80 | 6.3 |\n| 合计 | 200 | 5.6 |\n'), []);
  });

  test('a table with 其中 rows has no sure hierarchy: its total row is not read', () => {
    const text = '| 项目 | 金额 |\n|---|---|\n| 一般公共预算收入 | 500 |\n| 其中：税收收入 | 400 |\n| 政府性基金收入 | 300 |\n| 合计 | 800 |\n';
    assert.equal(relationsOf(service.parse(text)).sums.length, 0);
    assert.deepEqual(codes(text), []);
  });
});

describe('share-sum-mismatch in tables', () => {
  test('a share column without a total row may fall short of 100, never exceed it', () => {
    const table = (c: string) => `| 产业 | 比重（%） |\n|---|---|\n| 第一产业 | 7.1 |\n| 第二产业 | 39.0 |\n| 第三产业 | ${c} |\n`;
    assert.deepEqual(codes(table('53.9')), []);
    assert.deepEqual(codes(table('50.0')), [], 'some rows may be left out');
    assert.deepEqual(codes(table('56.9')), ['share-sum-mismatch']);
  });
});

describe('tables in the outline and in hover', () => {
  test('the outline shows each table under its section, named by its header', () => {
    const symbols = service.documentSymbols(service.parse(PIPE));
    const section = symbols[0]!;
    assert.equal(section.name, '一、分区情况');
    assert.deepEqual(section.children?.map((c) => [c.name, c.detail]), [['区县 | 2025年（亿元） | 比重（%）', '4 × 3']]);
  });

  test('hover on a cell explains its figure and the table arithmetic it takes part in', () => {
    const doc = service.parse(PIPE);
    const hover = service.hover(doc, doc.lines.positionAt(PIPE.indexOf('299.8') + 1), { locale: 'en' });
    const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.match(value, /120\.5 \+ 98\.3 \+ 81\.0 = 299\.8/);
    assert.match(value, /✓/);
  });
});

describe('tables: only candidate lines are read (the shortcut reads what reading every line reads)', () => {
  const everyLine = (text: string) => readTables(text, 0, text.length, 0);
  const pieces = ['    ', '  ', ' ', '\t', '|', '\u3000', '指标', '2025年', '120', '1,200', '合计', 'Total', '东区', '。', '\n', '\n', '\n\n', '---', ':--'];

  test('property: on random text, documentTables equals readTables over the whole text (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 80 }), (parts) => {
        const text = parts.join('');
        const doc = service.parse(text, undefined, undefined, 'text');
        assert.deepEqual(documentTables(doc), everyLine(doc.text));
      }),
      { numRuns: 400 },
    );
  });

  test('indentation with ASCII spaces does not make a line a candidate; two spaces between words do', () => {
    const indented = '综述\n\n    第一段，全年完成投资120亿元。\n    第二段，增长5%。\n    第三段。\n';
    assert.deepEqual(documentTables(service.parse(indented)), []);
    const spaced = '    Region    Jobs    Firms\n    North     1,200   40\n    South     900     35\n    Total     2,100   75\n';
    assert.equal(documentTables(service.parse(spaced)).length, 1);
  });
});
