import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { DocumentSymbol, Range } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS, getReportLanguageService, Glossary } from '../../server/src/core/languageService';
import type { ReportDocument } from '../../server/src/core/model';
import { failingRelations, figuresOf, relationsOf, relationsOfFigure } from '../../server/src/core/relations/analyze';
import type { Relation } from '../../server/src/core/relations/types';
import { builtinEntries } from '../../server/src/core/terms/builtin';
import { termsOf } from '../../server/src/core/terms/termIndex';
import { LineIndex } from '../../server/src/core/text/lineIndex';
import { LINE_COLUMNS, LINE_COMMENT } from '../../server/src/core/parser/lines';
import { linesMarked } from '../../server/src/core/parser/parse';
import { candidateLines } from '../../server/src/core/tables/readTables';
import { readFixture } from '../support/paths';

const service = getReportLanguageService();
const GLOSSARY = new Glossary(builtinEntries());
/** Fixed seed and bounded runs: CI failures reproduce exactly. */
const RUNS = { seed: 20261127, numRuns: 300 };

/** Text built from the pieces reports are made of, plus hostile ones. */
const reportPiece = fc.constantFrom(
  '一、', '（一）', '(一)', '1.', '1、', '（1）', '第一章', '# ', '## ', '===', '---', '  • 来源: ', '时间：', 'Source: ',
  '——', '。', '，', '；', '！', '…', '.', ' ', '\u3000', '\t', '\n', '\r\n', '\r', '\ufeff', '𠮷', '\ud800', '\udc00',
  '报告', '总体情况', 'THE REPORT', 'Jobs rose by 236,000.', '99.4%', '1.49万名', '“两个确立”', 'U.S.', '5.8 million',
);
const reportText = fc.oneof(
  fc.array(reportPiece, { maxLength: 80 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 400 }),
);

/** Markdown's own syntax, mixed with report text: what the Markdown reader must survive. */
const markdownPiece = fc.oneof(
  reportPiece,
  fc.constantFrom(
    '```', '~~~', '`', '``', '    ', '> ', '- ', '* ', '+ ', '1. ', '2) ', '- [x] ', '|', '| --- |', '|:--:|', '---\n', '+++\n', 'title: x\n',
    '[', ']', '(', ')', '[^1]', '[^1]: ', '[ref]: ', '![', '<', '>', '<!--', '-->', '<pre>', '</pre>', '<https://a.invalid/5>', 'https://a.invalid/9',
    'www.a.invalid/7', '**', '__', '~~', '\\', '&amp;', '&#49;', '# ', '###### ', '======', '“两个确立”**是', '**增长12%**。', '| 60 | 50% |',
  ),
);
const markdownText = fc.oneof(
  fc.array(markdownPiece, { maxLength: 80 }).map((parts) => parts.join('')),
  fc.string({ unit: fc.constantFrom(...'`~#*_-+|[]()<>!:^ \n\t1.5%一、'), maxLength: 200 }),
);

/** Where a relation's first figure (or phrase) starts. */
function spanOf(relation: ReturnType<typeof relationsOf>['all'][number]): number {
  switch (relation.type) {
    case 'rate':
      return relation.numerator.span.start;
    case 'part':
      return relation.whole.span.start;
    case 'sum':
      return relation.total.span.start;
    case 'share-sum':
      return relation.shares[0]!.span.start;
    case 'change':
      return relation.stated.span.start;
    case 'count':
      return relation.phrase.start;
    case 'conflict':
      return relation.first.span.start;
    case 'heading-sequence':
      return relation.heading.span.start;
    case 'size-word':
      return relation.span.start;
    case 'multiple':
      return relation.stated.span.start;
    case 'impossible-percentage':
      return relation.count.span.start;
  }
}

function within(range: Range, lines: LineIndex): boolean {
  const ok = (p: Range['start']) => p.line >= 0 && p.line < lines.lineCount && p.character >= 0 && lines.lineStart(p.line) + p.character <= lines.lineEnd(p.line);
  return ok(range.start) && ok(range.end);
}

function checkSymbols(symbols: readonly DocumentSymbol[], lines: LineIndex): void {
  for (const symbol of symbols) {
    assert.ok(within(symbol.range, lines), `range of ${JSON.stringify(symbol.name)} outside the document`);
    assert.ok(within(symbol.selectionRange, lines), 'selectionRange outside the document');
    assert.ok(symbol.name.length > 0, 'empty symbol name');
    checkSymbols(symbol.children ?? [], lines);
  }
}

describe('robustness (fast-check)', () => {
  for (const [name, input, format] of [
    ['plain text', reportText, undefined],
    ['Markdown', markdownText, 'markdown'],
  ] as const) {
  test(`parse and every feature never throw, and every range lies inside the document (${name})`, () => {
    fc.assert(
      fc.property(input, (text) => {
        const doc = service.parse(text, undefined, undefined, format);
        // Markdown's model text blanks what is not prose, offset for offset and line for line.
        assert.equal(doc.text.length, text.length);
        assert.equal(doc.lines.lineCount, new LineIndex(text).lineCount);
        for (const table of doc.tables) for (const row of table.rows) for (const cell of row.cells) assert.ok(row.span.start <= cell.start && cell.start <= cell.end && cell.end <= row.span.end, 'cell inside its row');
        const symbols = service.documentSymbols(doc);
        checkSymbols(symbols, doc.lines);
        for (const range of service.foldingRanges(doc)) {
          assert.ok(range.startLine < range.endLine && range.endLine < doc.lines.lineCount);
        }
        service.workspaceSymbols([{ uri: 'file:///x.report', doc }], '');
        // Every other feature, at a few positions: nothing throws and every range is inside the document.
        const uri = 'file:///x.report';
        const diagnostics = service.diagnostics(doc, DEFAULT_SETTINGS, { locale: 'zh-cn', uri, glossary: GLOSSARY });
        for (const diagnostic of diagnostics) assert.ok(within(diagnostic.range, doc.lines), 'diagnostic range inside');
        const whole = { start: { line: 0, character: 0 }, end: doc.lines.positionAt(text.length) };
        for (const hint of service.inlayHints(doc, whole, DEFAULT_SETTINGS)) assert.ok(within({ start: hint.position, end: hint.position }, doc.lines));
        service.codeActions(uri, whole, diagnostics, { locale: 'en' });
        const termOptions = { glossary: GLOSSARY, uri, locale: 'en' as const };
        for (const offset of [0, text.length >> 1, text.length]) {
          const position = doc.lines.positionAt(offset);
          service.hover(doc, position, { locale: 'en', glossary: GLOSSARY, uri });
          service.definition(doc, position, termOptions);
          service.references(doc, position, termOptions);
          service.completion(doc, position, termOptions);
        }
        for (const block of doc.blocks) assert.ok(block.span.start <= block.span.end && block.span.end <= text.length);
        // A block starts on its first line (heading sequences take a numbered paragraph's line from it).
        for (const block of doc.blocks) assert.equal(doc.lines.positionAt(block.span.start).line, block.firstLine, 'block starts on its first line');
        for (const heading of doc.headings) assert.equal(text.slice(heading.span.start, heading.span.end), heading.name);
        for (const figure of doc.figures) {
          assert.ok(0 <= figure.span.start && figure.span.start < figure.span.end && figure.span.end <= text.length, 'figure span inside the text');
          assert.equal(doc.text.slice(figure.span.start, figure.span.end), figure.text);
          assert.ok(Number.isFinite(figure.value) && Number.isFinite(figure.interval[0]) && Number.isFinite(figure.interval[1]), `finite: ${figure.text}`);
          assert.ok(figure.interval[0] <= figure.value && figure.value <= figure.interval[1], `interval contains value: ${figure.text}`);
          const hover = service.hover(doc, doc.lines.positionAt(figure.span.start));
          assert.ok(hover, 'every figure hovers');
        }
      }),
      RUNS,
    );
  });
  }

  test('random mutations of corpus text still parse into valid outlines', () => {
    const corpus = readFixture('corpus', 'gov-work-report-2014-zh.txt').slice(0, 6000);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(corpus.length), fc.nat(40), reportPiece), { maxLength: 12 }), (edits) => {
        let text = corpus;
        for (const [at, remove, insert] of edits) text = text.slice(0, at) + insert + text.slice(Math.min(text.length, at + remove));
        const doc = service.parse(text);
        checkSymbols(service.documentSymbols(doc), doc.lines);
      }),
      { ...RUNS, numRuns: 150 },
    );
  });

  /**
   * Edits as the server sees them: each version is parsed from the previous one
   * and fully used (diagnostics, hover), so that every kind of carried work —
   * figures, sentences, relations, term matches — is carried into the next.
   */
  const editSequences = (base: string) =>
    fc.array(fc.tuple(fc.nat(base.length), fc.nat(30), fc.oneof(reportPiece, fc.constantFrom('\n\n', '其中', '整改率99.4%', '共检视问题1686个', '完成整改1676个。', '（以下简称“整改”）', '“整改”', '“检视”是指查找问题。'))), { minLength: 1, maxLength: 8 });

  function sameAnalysis(incremental: ReportDocument, full: ReportDocument): void {
    assert.deepEqual(incremental.figures, full.figures);
    assert.deepEqual(incremental.blocks, full.blocks);
    assert.deepEqual(incremental.headings, full.headings);
    assert.deepEqual(incremental.title, full.title);
    assert.deepEqual(incremental.paragraphs, full.paragraphs);
    assert.deepEqual(incremental.paragraphs.map((p) => p.sentences), full.paragraphs.map((p) => p.sentences));
    assert.deepEqual(relationsOf(incremental).all, relationsOf(full).all);
    const terms = termsOf(incremental, GLOSSARY, 'file:///x');
    const fullTerms = termsOf(full, GLOSSARY, 'file:///x');
    assert.deepEqual(terms.occurrences, fullTerms.occurrences);
    // The report's own definitions are carried per paragraph: their spans and lines must follow the edits.
    assert.deepEqual(terms.definitions, fullTerms.definitions);
    assert.deepEqual(terms.undefinedQuoted(), fullTerms.undefinedQuoted());
    for (const occurrence of fullTerms.occurrences) assert.deepEqual(terms.at(occurrence.span.start), occurrence);
    assert.deepEqual(service.documentSymbols(incremental), service.documentSymbols(full));
    assert.deepEqual(analysisOf(incremental), analysisOf(full));
  }

  /**
   * The relations the diagnostics place on their own are the failing ones of the full lists, in
   * their order; and every relation names the very figure objects of its version (hover finds a
   * figure's relations by identity).
   */
  function samePlacement(doc: ReportDocument, failing: readonly Relation[]): void {
    const relations = relationsOf(doc);
    assert.deepEqual(failing, relations.all.filter((r) => !r.consistent));
    const figures = new Set(doc.figures);
    const every = [...relations.all, ...relations.unverifiable];
    for (const relation of every) for (const figure of figuresOf(relation)) assert.ok(figures.has(figure), `a ${relation.type} relation names a figure of this version: ${figure.text}`);
    // A hover looks a figure's relations up without the full lists: it must find the same ones, in the same order.
    for (const figure of doc.figures) assert.deepEqual(relationsOfFigure(doc, figure), every.filter((r) => figuresOf(r).includes(figure)), `the relations of ${figure.text}`);
  }

  function analysisOf(doc: ReportDocument): unknown {
    const diagnostics = service.diagnostics(doc, DEFAULT_SETTINGS, { locale: 'en', uri: 'file:///x', glossary: GLOSSARY });
    const hovers = doc.figures.map((figure) => service.hover(doc, doc.lines.positionAt(figure.span.start), { locale: 'en', glossary: GLOSSARY, uri: 'file:///x' }));
    return { diagnostics, hovers };
  }

  for (const [name, base, format] of [
    ['a government work report', readFixture('corpus', 'gov-work-report-2012-zh.txt').slice(0, 8000), undefined],
    ['a report whose checks find mismatches', readFixture('seed-like-zh.report'), undefined],
    ['an English statistical release', readFixture('corpus', 'bls-employment-situation-2023-03-en.md').slice(0, 8000), undefined],
    ['a Markdown report (read as Markdown)', readFixture('markdown', 'quarterly-zh.md'), 'markdown'],
  ] as const) {
    test(`incremental analysis gives exactly what a full re-parse gives, for random edit sequences on ${name}`, () => {
      const edits = format === 'markdown' ? fc.array(fc.tuple(fc.nat(base.length), fc.nat(30), markdownPiece), { minLength: 1, maxLength: 8 }) : editSequences(base);
      fc.assert(
        fc.property(edits, (edits) => {
          let text = base;
          let incremental = service.parse(text, undefined, undefined, format);
          analysisOf(incremental);
          for (const [at, remove, insert] of edits) {
            const position = Math.min(at, text.length);
            text = text.slice(0, position) + insert + text.slice(Math.min(text.length, position + remove));
            incremental = service.parse(text, incremental, undefined, format);
            // Asked first, as the diagnostics ask after an edit: only the paragraphs with a failing relation are placed.
            const failing = failingRelations(incremental);
            analysisOf(incremental);
            samePlacement(incremental, failing);
          }
          sameAnalysis(incremental, service.parse(text, undefined, undefined, format));
        }),
        { ...RUNS, numRuns: 40 },
      );
    });
  }

  test('the lines the parser marks as it reads them are those the table and disable-comment passes would search the text for, after edits too', () => {
    const piece = fc.oneof(reportPiece, fc.constantFrom('|', '  ', '   ', 'a  b', '60  50%', '<!-- report-lens-disable -->', '<!--', ' <!-- x -->', '\u3000<!--', '\v', '\u2028'));
    const text = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.array(fc.tuple(fc.nat(200), fc.nat(6), piece), { maxLength: 5 }), (base, edits) => {
        let doc = service.parse(base, undefined, undefined, 'text');
        let current = base;
        for (const [at, remove, insert] of [[0, 0, ''] as const, ...edits]) {
          const position = Math.min(at, current.length);
          current = current.slice(0, position) + insert + current.slice(Math.min(current.length, position + remove));
          doc = service.parse(current, doc, undefined, 'text');
          assert.deepEqual(linesMarked(doc, LINE_COLUMNS), candidateLines(doc));
          // Every line a disable comment could stand on opens an HTML comment: a document with none has no directive.
          const lines = current.split(/\r\n|\r|\n/);
          if (lines.some((line) => /^\s*<!--\s*report-lens-/.test(line))) assert.ok(linesMarked(doc, LINE_COMMENT)!.length > 0, 'a directive line is marked');
          assert.deepEqual(linesMarked(doc, LINE_COMMENT), linesMarked(service.parse(current, undefined, undefined, 'text'), LINE_COMMENT));
        }
      }),
      RUNS,
    );
  });

  test('positions round-trip through LineIndex for every offset, astral characters included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const lines = new LineIndex(text);
        for (let offset = 0; offset <= text.length; offset++) {
          const position = lines.positionAt(offset);
          // Offsets inside a CRLF pair map to the line end, like vscode-languageserver-textdocument.
          if (text[offset - 1] === '\r' && text[offset] === '\n') continue;
          assert.equal(lines.offsetAt(position), offset);
        }
      }),
      RUNS,
    );
  });

  test('invalid positions clamp instead of throwing', () => {
    const lines = new LineIndex('ab\ncd');
    assert.equal(lines.offsetAt({ line: -1, character: 5 }), 0);
    assert.equal(lines.offsetAt({ line: 0, character: 99 }), 2);
    assert.equal(lines.offsetAt({ line: 99, character: 0 }), 5);
    assert.equal(lines.offsetAt({ line: Number.NaN, character: 0 }), 0);
  });
});

describe('incremental analysis', () => {
  test('a numbered paragraph is read again when its text changes, and keeps its reading where it moves', () => {
    // Long numbered paragraphs are no headings, yet count in sequence (1. 2. 4. skips 3.).
    const para = (n: number): string => `${n}. ${'我们坚持稳中求进工作总基调，'.repeat(8)}取得了显著成效。`;
    const text = (third: number): string => `报告\n\n一、总体情况\n\n${para(1)}\n\n${para(2)}\n\n${para(third)}\n`;
    const findings = (doc: ReportDocument): [string, number][] => service.diagnostics(doc, DEFAULT_SETTINGS, { locale: 'en', uri: 'file:///x' }).map((d) => [String(d.code), d.range.start.line]);
    let doc = service.parse(text(4));
    assert.deepEqual(findings(doc), [['heading-sequence', 8]]);
    // The skip mended: the last paragraph is read again.
    doc = service.parse(text(3), doc);
    assert.deepEqual(findings(doc), []);
    // Skipped again, then moved down by a line the edit adds above: the carried readings still count 1, 2, 4.
    doc = service.parse(text(4), doc);
    doc = service.parse(`新增一行\n${text(4)}`, doc);
    assert.deepEqual(findings(doc), [['heading-sequence', 9]]);
    // The first paragraph renumbered: 2, 2, 4 repeats 2 and skips 3, read in the edited paragraph only.
    doc = service.parse(`新增一行\n${text(4).replace('1. ', '2. ')}`, doc);
    assert.deepEqual(findings(doc), findings(service.parse(`新增一行\n${text(4).replace('1. ', '2. ')}`)));
    assert.ok(findings(doc).length > 0, 'a repeated number is found');
  });

  test('a hover finds the same relations of a figure as the full lists, in their order, before and after an edit that moves them', () => {
    // Relations across paragraphs as well as within: a conflict, a part of a named whole, tables, rates with earlier denominators.
    const crossing = '一、总体情况\n\n全年共排查问题1686个。\n\n已完成问题整改1676个，整改率99.4%。\n\n全年共排查问题1700个。\n\n全市规模以上工业企业实现利润500亿元。其中，国有企业实现利润200亿元，占全市的40%。\n';
    const texts = [crossing, readFixture('seed-like-zh.report'), readFixture('readings-zh.report'), readFixture('corpus', 'gov-work-report-2014-zh.txt'), readFixture('corpus', 'bls-employment-situation-2023-03-en.md')];
    let kinds = new Set<string>();
    for (const text of texts) {
      const first = service.parse(text);
      const moved = service.parse(`一${text}`, first);
      for (const doc of [first, moved]) {
        const relations = relationsOf(doc);
        const every = [...relations.all, ...relations.unverifiable];
        for (const relation of every) kinds.add(relation.type);
        for (const figure of doc.figures) assert.deepEqual(relationsOfFigure(doc, figure), every.filter((r) => figuresOf(r).includes(figure)), `the relations of ${figure.text}`);
      }
    }
    kinds = new Set([...kinds].filter((kind) => ['conflict', 'part', 'rate', 'sum', 'change', 'unverifiable'].includes(kind)));
    assert.equal(kinds.size, 6, `relations of every kind were looked up: ${[...kinds].join(', ')}`);
  });

  test('an edit re-reads only the paragraph it touches: the others keep their figures and findings', () => {
    const text = readFixture('corpus', 'gov-work-report-2012-zh.txt');
    const before = service.parse(text);
    const relationsBefore = relationsOf(before);
    // A digit typed into a paragraph in the middle that states figures.
    const middle = before.paragraphs[Math.floor(before.paragraphs.length / 2)]!;
    const target = before.figures.find((f) => f.span.start >= middle.span.start && f.kind !== 'year')!;
    const at = target.numberSpan.start;
    const after = service.parse(`${text.slice(0, at)}1${text.slice(at)}`, before);
    const firstTouched = before.figures.indexOf(target);
    // Figures before the edit are the very same objects; after it, the same figures moved by one.
    for (let k = 0; k < firstTouched; k++) assert.equal(after.figures[k], before.figures[k]);
    const tail = before.figures.length - firstTouched - 1;
    for (let k = 1; k <= tail; k++) {
      const was = before.figures[before.figures.length - k]!;
      const now = after.figures[after.figures.length - k]!;
      assert.notEqual(now, was);
      assert.deepEqual({ ...now, span: was.span, numberSpan: was.numberSpan }, was);
      assert.equal(now.span.start, was.span.start + 1);
    }
    // Findings of untouched paragraphs before the edit are carried as they were.
    const relationsAfter = relationsOf(after);
    const early = relationsBefore.all.filter((r) => r.type !== 'heading-sequence' && r.type !== 'conflict' && spanOf(r) < middle.span.start);
    assert.ok(early.length > 0, 'the report states relations before the edit');
    for (const relation of early) assert.ok(relationsAfter.all.includes(relation), `a ${relation.type} before the edit was made again`);
    // The touched figure itself was read again.
    assert.notEqual(after.figures[firstTouched]!.value, target.value);
  });
});

describe('memory across edits', () => {
  test('an edited report does not keep its old versions alive (each version may keep only the one before it)', async () => {
    // A collection on demand: the flag exposes gc to contexts made after it is set.
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    let text = readFixture('corpus', 'gov-work-report-2012-zh.txt');
    let doc = service.parse(text);
    const versions: WeakRef<ReportDocument>[] = [];
    for (let k = 0; k < 12; k++) {
      const at = Math.floor(text.length / 2) + k * 37;
      text = `${text.slice(0, at)}的${text.slice(at)}`;
      doc = service.parse(text, doc);
      // Used as the server uses it: every kind of carried work is made.
      service.diagnostics(doc, DEFAULT_SETTINGS, { locale: 'en', uri: 'file:///x', glossary: GLOSSARY });
      service.hover(doc, doc.lines.positionAt(doc.figures[0]!.span.start), { locale: 'en', glossary: GLOSSARY, uri: 'file:///x' });
      versions.push(new WeakRef(doc));
    }
    // WeakRefs read in this job hold their targets until it ends: collect in a later one.
    await new Promise((resolve) => setImmediate(resolve));
    collect();
    await new Promise((resolve) => setImmediate(resolve));
    collect();
    const alive = versions.slice(0, -2).filter((ref) => ref.deref() !== undefined).length;
    assert.equal(alive, 0, `${alive} of the ${versions.length - 2} old versions are still reachable`);
    assert.ok(doc.figures.length > 0);
  });
});

describe('memory across edits: texts', () => {
  test('what a version carries to the next holds no view into its text: the texts of old versions are freed', async () => {
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    // About 0.3 MB of text per version: a version's text kept alive shows in the heap (30 edits kept 9 MB).
    let text = readFixture('corpus', 'gov-work-report-2012-zh.txt').repeat(8);
    let doc = service.parse(text);
    service.diagnostics(doc, DEFAULT_SETTINGS, { locale: 'en', uri: 'file:///x', glossary: GLOSSARY });
    const heap = async (): Promise<number> => {
      await new Promise((resolve) => setImmediate(resolve));
      collect();
      return process.memoryUsage().heapUsed;
    };
    const before = await heap();
    const edits = 30;
    for (let k = 0; k < edits; k++) {
      // Each edit in another paragraph: its findings (metrics, periods, names, definitions) are made in that version's text.
      const paragraph = doc.paragraphs[Math.floor(((k + 1) * doc.paragraphs.length) / (edits + 2))]!;
      const at = paragraph.body.start + 1;
      text = `${text.slice(0, at)}的${text.slice(at)}`;
      doc = service.parse(text, doc);
      service.diagnostics(doc, DEFAULT_SETTINGS, { locale: 'en', uri: 'file:///x', glossary: GLOSSARY });
      service.hover(doc, doc.lines.positionAt(paragraph.body.start), { locale: 'en', glossary: GLOSSARY, uri: 'file:///x' });
    }
    const grown = (await heap()) - before;
    const textBytes = text.length * 2;
    // What is left is the current version's own work, not old texts.
    assert.ok(grown < 3 * textBytes, `the heap grew by ${(grown / 1048576).toFixed(1)} MB over ${edits} edits of a ${(textBytes / 1048576).toFixed(1)} MB text`);
  });
});

describe('bad input', () => {
  test('an empty file has an empty outline', () => {
    assert.deepEqual(service.documentSymbols(service.parse('')), []);
    assert.deepEqual(service.foldingRanges(service.parse('')), []);
  });

  test('binary bytes give an empty or partial outline without throwing', () => {
    const bytes = Buffer.from(Array.from({ length: 65536 }, (_, i) => (i * 2654435761) % 256));
    const doc = service.parse(bytes.toString('utf8'));
    assert.ok(Array.isArray(service.documentSymbols(doc)));
  });

  test('lone surrogates do not break names or ranges', () => {
    const doc = service.parse('\udc00报告\ud800\n\n一、\ud800总体\n正文。\n');
    const symbols = service.documentSymbols(doc);
    checkSymbols(symbols, doc.lines);
  });

  test('a 10 MB single line parses in linear time (well under a second)', () => {
    const line = '一、' + '很长的一行没有句号，'.repeat(1_000_000);
    const started = performance.now();
    const doc = service.parse(line);
    const symbols = service.documentSymbols(doc);
    const elapsed = performance.now() - started;
    assert.ok(symbols.length <= 1);
    assert.ok(elapsed < 3000, `took ${elapsed.toFixed(0)} ms`);
  });

  test('hostile, number-dense text costs linear time: 4× the input takes at most ~4× as long', () => {
    // Every feature, on the whole hostile document: parse, outline, checks, terms, hints, hover.
    const measure = (text: string): number => {
      const started = performance.now();
      const doc = service.parse(text);
      service.documentSymbols(doc);
      service.foldingRanges(doc);
      service.diagnostics(doc, DEFAULT_SETTINGS, { locale: 'en', uri: 'file:///h', glossary: GLOSSARY });
      const whole = { start: { line: 0, character: 0 }, end: doc.lines.positionAt(text.length) };
      service.inlayHints(doc, whole, DEFAULT_SETTINGS);
      service.hover(doc, doc.lines.positionAt(text.length >> 1), { locale: 'en', glossary: GLOSSARY, uri: 'file:///h' });
      return performance.now() - started;
    };
    for (const unit of ['1.1.1.1.', '1,1,1,', '（（（（', '第第第第', '....', '####', 'A. A. ', '十十十十', '1-1-', '1:1:', 'one two ', '$$$1', '“五个”', '甲、乙、三大', '“甲”', '三个方面：甲、', 'of the 1 of ', '由1增至2，增长3%', '其中1个、', '（以下简称“甲”）', 'the Bureau of Labor (BLS) ', '甲、乙和丙这三个', '1吨、2吨的两项', '两条，一是甲，一是', '在增加的甲中，有1亿元、', '非甲比重为1%，甲比重', 'revised down by 1, and May and June combined is 1 lower than previously reported. ', '| 合计 | 1 | 2 |\n', '合计\t1\t2\n', '1  2  3\n']) {
      const small = unit.repeat(Math.ceil(50_000 / unit.length));
      const large = unit.repeat(Math.ceil(200_000 / unit.length));
      measure(small); // warm up
      const tSmall = Math.min(measure(small), measure(small));
      // The best of two, like the small one: a collector pause or a busy machine is not the code's cost.
      const tLarge = Math.min(measure(large), measure(large));
      assert.ok(tLarge < 8 * tSmall + 100, `${JSON.stringify(unit)}: 50 KB ${tSmall.toFixed(0)} ms, 200 KB ${tLarge.toFixed(0)} ms`);
      assert.ok(tLarge < 3000, `${JSON.stringify(unit)}: 200 KB took ${tLarge.toFixed(0)} ms`);
    }
  });
});
