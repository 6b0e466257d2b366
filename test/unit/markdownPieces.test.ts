import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { splitPieces } from '../../server/src/core/parser/markdown/chunks';
import { parserWork } from '../../server/src/core/parser/markdown/micromark';
import { getReportLanguageService } from '../../server/src/core/languageService';
import { readMarkdown, readMarkdownWhole, type MarkdownReading } from '../../server/src/core/parser/markdown/read';
import { readFixture } from '../support/paths';

/** What a reading gives the report model: the text as read, its blocks and tables. */
function shown(reading: MarkdownReading): unknown {
  return { text: reading.text, blocks: reading.blocks, tables: reading.tables };
}

/** Prose, Markdown's inline syntax, and what starts and ends blocks: the pieces of a random line. */
const inline = fc.constantFrom(
  '收入增长5%', '，', '。', 'Revenue rose 2.5 percent', ' ', '  ', '\t', '**', '*', '_', '__', '~', '~~', '`', '``', '\\', '&amp;', '&#49;', '[', ']', '(', ')',
  '[^1]', '[ref]', '[Ref][]', '![图](a.png)', '[词](https://a.invalid/7)', '<https://a.invalid/5>', 'https://a.invalid/9', 'www.a.invalid', 'a@b.invalid',
  '<!--', '-->', '<span>', '</pre>', '|', '!', '&', ':', '一、', '（一）', '1.', '12',
);
const lineStart = fc.constantFrom(
  '', '', '', '', ' ', '  ', '   ', '    ', '\t', '# ', '## ', '- ', '* ', '+ ', '1. ', '2) ', '> ', '```', '~~~', '```js', '``` a`b', '<!--', '<pre>', '<div>',
  '<?', '<span>', '<!DOCTYPE', '<![CDATA[', '---', '+++', '===', '***', '| ', '| --- | --- |', '[ref]: ', '[^1]: ', '-->', '?>', ']]>', '</script>', ':--',
);
const line = fc.tuple(lineStart, fc.array(inline, { maxLength: 6 })).map(([start, parts]) => start + parts.join(''));
const document = fc.tuple(fc.array(fc.oneof(line, fc.constant(''), fc.constant('')), { maxLength: 40 }), fc.constantFrom('\n', '\n', '\r\n', '\r')).map(([lines, ending]) => lines.join(ending));

describe('Markdown read piece by piece (the speed) reads exactly what one parse of the whole text reads', () => {
  test('on random Markdown-ish documents (fast-check): prose without the parser, pieces with it, the whole text at once all agree', () => {
    fc.assert(
      fc.property(document, (text) => {
        const whole = shown(readMarkdownWhole(text));
        assert.deepEqual(shown(readMarkdown(text)), whole, JSON.stringify(text));
        // Each piece parsed on its own, as an edit parses the pieces it touched.
        assert.deepEqual(shown(readMarkdown(text, undefined, splitPieces(text), true)), whole, `alone: ${JSON.stringify(text)}`);
      }),
      { seed: 20261203, numRuns: 3000 },
    );
  });

  test('on the Markdown fixture, also cut into pieces of plain prose without the parser', () => {
    const text = readFixture('markdown', 'quarterly-zh.md');
    assert.deepEqual(shown(readMarkdown(text)), shown(readMarkdownWhole(text)));
    const pieces = splitPieces(text);
    assert.ok(pieces.length > 5, 'cut at paragraphs, not only at headings');
    assert.ok(
      pieces.some((piece) => piece.plainEnd !== undefined),
      'some paragraphs are plain prose',
    );
  });

  /** The fixture repeated `copies` times, every number (footnote labels included) made distinct per copy. */
  function report(copies: number): string {
    const section = readFixture('markdown', 'quarterly-zh.md').replace(/^---[\s\S]*?---\n/, '');
    return Array.from({ length: copies }, (_, i) => section.replace(/\d+/g, (digits) => String(Number(digits) + i))).join('\n');
  }

  /** Characters the Markdown parser read while `run` ran. */
  function parsed(run: () => void): number {
    const before = parserWork.characters;
    run();
    return parserWork.characters - before;
  }

  const service = getReportLanguageService();

  test('the parser reads each character about once however long the report: a footnote per section does not give every piece every definition', () => {
    const small = report(40);
    const large = report(80);
    const smallWork = parsed(() => service.parse(small, undefined, undefined, 'markdown'));
    const largeWork = parsed(() => service.parse(large, undefined, undefined, 'markdown'));
    // Twice the text, twice the work (quadratic work would be four times); and never much more than the text itself.
    assert.ok(largeWork <= 2.2 * smallWork, `${smallWork} → ${largeWork} characters parsed`);
    assert.ok(largeWork <= 1.5 * large.length, `${largeWork} characters parsed for ${large.length}`);
  });

  test('plain prose paragraphs cost the parser nothing, and an edit re-parses only the piece it touched', () => {
    const prose = Array.from({ length: 200 }, (_, i) => `第${i}项任务完成率${i % 100}%，比上年**增长**${i % 7}个百分点。`).join('\n\n');
    assert.equal(parsed(() => service.parse(prose, undefined, undefined, 'markdown')), 0);
    const text = report(40);
    const doc = service.parse(text, undefined, undefined, 'markdown');
    const at = text.indexOf('本季度', text.length >> 1);
    const edited = text.slice(0, at) + '`' + text.slice(at);
    const work = parsed(() => service.parse(edited, doc, undefined, 'markdown'));
    assert.ok(work > 0 && work < 400, `${work} characters parsed after a one-character edit in a ${text.length}-character report`);
  });
});
