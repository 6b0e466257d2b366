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
import { termsOf } from '../../server/src/core/terms/termIndex';
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
