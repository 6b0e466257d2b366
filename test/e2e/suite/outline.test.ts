import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openFile, restoreEditors, waitFor } from './helpers';

interface Node {
  readonly name: string;
  readonly line: number;
  readonly children: readonly Node[];
}

/** The outline of examples/work-report-zh.report, as `report-lens outline --format json` prints it (0-based lines). */
const EXPECTED: readonly Node[] = [
  n('云澜市2025年政府工作报告', 0, [
    n('一、2024年工作回顾', 9, [
      n('（一）加快产业转型升级，推动制造业高质量发展', 13),
      n('（二）深化“放管服”改革，持续优化营商环境', 21),
      n('（三）统筹城乡融合发展，全面推进乡村振兴', 27),
      n('（四）着力保障和改善民生', 31),
    ]),
    n('二、2025年工作总体要求和主要目标', 37),
    n('三、2025年重点工作', 43, [
      n('（一）加快建设现代化产业体系', 45, [
        n('1.培育壮大新兴产业', 47, [n('（1）实施“智改数转”行动', 51), n('（2）壮大优质企业梯队', 53)]),
        n('2.推动传统产业提质升级', 55),
      ]),
      n('（二）深化重点领域改革，持续激发发展活力', 59),
      n('（四）切实保障和改善民生', 65),
    ]),
  ]),
];

function n(name: string, line: number, children: readonly Node[] = []): Node {
  return { name, line, children };
}

function simplify(symbols: readonly vscode.DocumentSymbol[]): Node[] {
  return symbols.map((s) => ({ name: s.name, line: s.selectionRange.start.line, children: simplify(s.children) }));
}

describe('outline', () => {
  afterEach(restoreEditors);

  it('lists the sections of the Chinese work report as nested document symbols', async () => {
    const { document } = await openFile('work-report-zh.report');
    const symbols = await waitFor(async () => {
      const result = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
      return result && result.length > 0 ? result : undefined;
    }, 'document symbols');
    assert.deepEqual(simplify(symbols), EXPECTED);
    // Each symbol's range covers its heading, so clicking it in the Outline view lands on the heading.
    const first = symbols[0]!.children[0]!;
    assert.equal(document.getText(first.selectionRange), '一、2024年工作回顾');
  });
});
