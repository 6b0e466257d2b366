import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { splitPieces } from '../../server/src/core/parser/markdown/chunks';
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
});
