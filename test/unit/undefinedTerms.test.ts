/**
 * The undefined-term hint only for quoted phrases that look like terms (issue 13, item 4).
 * On the development corpus (test/fixtures/corpus/**) the count per report is printed before
 * (every quoted phrase no source defines) and after (those that look like terms).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { getReportLanguageService, Glossary } from '../../server/src/core/languageService';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { builtinEntries } from '../../server/src/core/terms/builtin';
import { termsOf, unknownQuotedPhrases } from '../../server/src/core/terms/termIndex';
import fc from 'fast-check';
import { fixturePath } from '../support/paths';

const service = getReportLanguageService();
const glossary = new Glossary(builtinEntries());
const URI = 'file:///corpus.report';

function hinted(text: string): string[] {
  const doc = service.parse(text);
  return service
    .diagnostics(doc, DEFAULT_SETTINGS, { locale: 'en', uri: URI, glossary })
    .filter((d) => d.code === 'undefined-term')
    .map((d) => text.slice(doc.lines.offsetAt(d.range.start), doc.lines.offsetAt(d.range.end)));
}

/** The rule before issue 13: every quoted phrase that no source defines. */
function quotedUndefined(text: string): number {
  return termsOf(service.parse(text), glossary, URI).occurrences.filter((o) => o.quoted && !o.entry).length;
}

function corpusFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) return corpusFiles(file);
    return /\.(txt|md)$/.test(entry.name) && !/^(GOLD|SOURCES)\.md$/.test(entry.name) ? [file] : [];
  });
}

test('everyday quoted words get no undefined-term hint; counted slogans, repeated names, abbreviations and defined phrases do', () => {
  const text = [
    '干部深入“田间地头”，用“家常话”代替“书面语”，拿出“实招”，说到“干的事”。',
    '落实“七个坚持”，推进“三大攻坚”，做到“跑、冒、滴、漏”全堵住，发布“KPQ”数据。',
    '推进“科技小院”建设，“科技小院”已覆盖全省。所谓“揭榜挂帅”，即以任务为导向。',
  ].join('\n');
  assert.deepEqual(hinted(text).sort(), ['KPQ', '七个坚持', '揭榜挂帅', '跑、冒、滴、漏', '科技小院', '科技小院', '三大攻坚'].sort());
});

test('undefined-term hints per corpus report, before and after (printed)', () => {
  const rows: string[] = [];
  let before = 0;
  let after = 0;
  for (const file of corpusFiles(fixturePath('corpus')).sort()) {
    const text = fs.readFileSync(file, 'utf8');
    const old = quotedUndefined(text);
    const now = hinted(text).length;
    before += old;
    after += now;
    assert.ok(now <= old, `${path.basename(file)}: the rule only removes hints`);
    rows.push(`${path.basename(file).padEnd(44)} ${String(old).padStart(4)} → ${String(now).padStart(4)}`);
  }
  console.log(`undefined-term hints per corpus report (before → after):\n${rows.join('\n')}\n${'total'.padEnd(44)} ${String(before).padStart(4)} → ${String(after).padStart(4)}`);
  assert.ok(after < before * 0.6, `far fewer hints: ${before} → ${after}`);
});

/** What a one-shot check (the CLI) reports as undefined quoted phrases, against the full term index. */
function sameUnknowns(text: string, withGlossary: Glossary, uri = URI): 'fast' | 'index' {
  const doc = service.parse(text);
  const fast = unknownQuotedPhrases(doc, withGlossary, uri);
  // A name with a quotation mark in it (the report may define one: “X”是指…) leaves it to the index.
  if (!fast) return 'index';
  const full = termsOf(doc, withGlossary, uri).undefinedQuoted();
  assert.deepEqual(fast.map((o) => [o.span.start, o.span.end, o.name]), full.map((o) => [o.span.start, o.span.end, o.name]));
  return 'fast';
}

test('a check that reads a report once finds the same undefined quoted phrases without the term index, on every corpus report', () => {
  for (const file of corpusFiles(fixturePath('corpus'))) assert.equal(sameUnknowns(fs.readFileSync(file, 'utf8'), glossary), 'fast', file);
  // The report's own definitions and counted terms take part: “中央督察” is defined, “三个1亿人” counted.
  sameUnknowns('中央生态环境保护督察（以下简称“中央督察”）进驻各地。“中央督察”发现“放管服”问题，“深、实、细、准、效”五字诀，“两个市场”和“黑天鹅”。\n', glossary);
});

test('property: on random quote-rich text a one-shot check and the term index give the same hints (fast-check)', () => {
  const pieces = ['“', '”', '「', '」', '"', '放管服', '营商环境', '以下简称', '中央督察', '（', '）', '，', '。', '\n', '\n\n', '增长5%', '1.2个百分点', 'GDP', '两个市场', '是指', '、', '五字诀', ' '];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 60 }), (parts) => {
      const text = parts.join('');
      sameUnknowns(text, glossary);
      // What the user sees: the same hints either way, the fast path or the index.
      assert.deepEqual(hintedWith(text, glossary, true), hintedWith(text, glossary));
    }),
    { numRuns: 300 },
  );
});

test('a name holding a quotation mark sends the one-shot check to the full index (where overlap decides)', () => {
  const quoted = new Glossary([{ term: '“双碳”目标', aliases: [], definition: '碳达峰与碳中和', source: { kind: 'workspace', uri: 'file:///g.yaml', line: 0 } }, ...builtinEntries()]);
  assert.equal(unknownQuotedPhrases(service.parse('实现“双碳”目标。\n'), quoted, URI), undefined);
  // The report itself may define a name with a quotation mark in it (found by fast-check): the index decides.
  const selfDefined = '“\n\n“「是指是指';
  assert.equal(sameUnknowns(selfDefined, glossary), 'index');
  assert.deepEqual(hintedWith(selfDefined, glossary, true), hintedWith(selfDefined, glossary));
  assert.deepEqual(hintedWith('实现“双碳”目标，推进“放管服”改革，“放管服”改革。\n', quoted), hintedWith('实现“双碳”目标，推进“放管服”改革，“放管服”改革。\n', quoted, true));
});

function hintedWith(text: string, withGlossary: Glossary, once = false): string[] {
  const doc = service.parse(text);
  return service
    .diagnostics(doc, DEFAULT_SETTINGS, { locale: 'en', uri: URI, glossary: withGlossary, once })
    .filter((d) => d.code === 'undefined-term')
    .map((d) => text.slice(doc.lines.offsetAt(d.range.start), doc.lines.offsetAt(d.range.end)));
}
