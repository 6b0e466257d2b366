import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getReportLanguageService, SEMANTIC_TOKENS_LEGEND } from '../../server/src/core/languageService';

const service = getReportLanguageService();

/** Decodes relative tokens into [line, character, text] for reading. */
function tokens(text: string): [number, number, string][] {
  const doc = service.parse(text);
  const { data } = service.semanticTokens(doc);
  const out: [number, number, string][] = [];
  let line = 0;
  let character = 0;
  for (let k = 0; k < data.length; k += 5) {
    line += data[k]!;
    character = data[k] === 0 ? character + data[k + 1]! : data[k + 1]!;
    const offset = doc.lines.offsetAt({ line, character });
    out.push([line, character, text.slice(offset, offset + data[k + 2]!)]);
  }
  return out;
}

describe('semantic tokens: colour from the same reading as hover', () => {
  test('quantities only, each whole; years, dates and ordinals get no token', () => {
    assert.deepEqual(tokens('2016政府工作报告\n\n第一批项目完成投资4万多亿元，2023年3月增长7.3%。\n').map((t) => t[2]), ['4万多亿元', '7.3%']);
    assert.deepEqual(SEMANTIC_TOKENS_LEGEND.tokenTypes, ['number']);
  });

  test('a figure wrapped onto the next line is one token per line', () => {
    assert.deepEqual(tokens('Average hourly earnings rose by 9 cents, or 0.3\npercent, to $33.18.\n'), [
      [0, 32, '9 cents'],
      [0, 44, '0.3'],
      [1, 0, 'percent'],
      [1, 12, '$33.18'],
    ]);
  });
});
