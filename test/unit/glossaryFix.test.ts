/** "Add to workspace glossary" never corrupts a glossary (issue 12, D4). */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL, fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { getReportLanguageService, type GlossaryTarget } from '../../server/src/core/languageService';
import { parseGlossary, type GlossaryFormat } from '../../server/src/core/terms/glossaryFile';
import { GlossaryStore } from '../../server/src/glossaryStore';

const service = getReportLanguageService();
const REPORT_URI = 'file:///ws/r.report';
const GLOSSARY_URI = 'file:///ws/team.glossary';

function undefinedTerm(term: string): Diagnostic {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: term.length } };
  return { range, severity: 4, code: 'undefined-term', source: 'report-lens', message: `“${term}” is not defined`, data: { fixes: [], addTerm: term } };
}

function target(text: string, format: GlossaryFormat): GlossaryTarget {
  const lines = text.split(/\r\n|\r|\n/);
  return { uri: `${GLOSSARY_URI}.${format}`, exists: true, end: { line: lines.length - 1, character: lines.at(-1)!.length }, format, text };
}

/** The glossary fix for `term` against `targets`, if one is offered. */
function fixFor(term: string, targets: readonly GlossaryTarget[]): CodeAction | undefined {
  const diagnostic = undefinedTerm(term);
  return service.codeActions(REPORT_URI, diagnostic.range, [diagnostic], { locale: 'en', glossaryTargets: targets }).find((action) => action.title.startsWith('Add'));
}

/** Applies an append edit (at the end of the file, as the fix writes it) to `text`. */
function applied(action: CodeAction, uri: string, text: string): string {
  const edits: TextEdit[] = action.edit?.changes?.[uri] ?? [];
  assert.equal(edits.length, 1);
  const lines = text.split(/\r\n|\r|\n/);
  assert.deepEqual(edits[0]!.range.start, { line: lines.length - 1, character: lines.at(-1)!.length }, 'the fix only appends');
  return text + edits[0]!.newText;
}

describe('"Add to workspace glossary" never corrupts a glossary (issue 12, D4)', () => {
  test('a plain YAML or CSV glossary takes the term, and it loads', () => {
    for (const [text, format] of [['甲: 定义甲\n', 'yaml'], ['甲: 定义甲', 'yaml'], ['term,definition\n甲,定义甲\n', 'csv']] as const) {
      const action = fixFor('新术语', [target(text, format)]);
      assert.ok(action, `offered for ${JSON.stringify(text)}`);
      const after = parseGlossary(applied(action, `${GLOSSARY_URI}.${format}`, text), format, 'file:///g');
      assert.deepEqual(after.problems, []);
      assert.ok(after.entries.some((entry) => entry.term === '新术语'));
    }
  });

  test('not offered where appending would break the file: YAML ending in "...", flow-style YAML, JSON, a term with spaces around it', () => {
    assert.equal(fixFor('新术语', [target('术语甲: 定义甲\n...\n', 'yaml')]), undefined);
    assert.equal(fixFor('新术语', [target('{术语乙: 定义乙}\n', 'yaml')]), undefined);
    assert.equal(fixFor('新术语', [target('{"术语乙": "定义乙"}\n', 'json')]), undefined);
    assert.equal(fixFor(' 新术语', [target('甲: 定义甲\n', 'yaml')]), undefined);
    assert.equal(fixFor('新术语 ', [target('term,definition\n甲,定义甲\n', 'csv')]), undefined);
  });

  test('a CSV with an unclosed quote gets a problem where the quote opens, and the fix is not offered on it', () => {
    const text = 'term,definition\n甲,"未闭合的定义\n乙,定义乙\n';
    const { problems } = parseGlossary(text, 'csv', 'file:///g.csv');
    assert.deepEqual(problems.map((p) => [p.line, p.character]), [[1, 2]]);
    assert.match(problems[0]!.message, /never closed/);
    assert.equal(fixFor('新术语', [target(text, 'csv')]), undefined);
  });

  test('a glossary the fix cannot take is passed over for the next target', () => {
    const fresh: GlossaryTarget = { uri: 'file:///ws/terms.glossary.yaml', exists: false, end: { line: 0, character: 0 }, format: 'yaml', text: '' };
    const action = fixFor('新术语', [target('术语甲: 定义甲\n...\n', 'yaml'), fresh]);
    assert.ok(action?.edit?.documentChanges);
    assert.equal((action.edit.documentChanges[0] as { kind: string; uri: string }).uri, fresh.uri);
  });

  test('with a custom glob like glossaries/**/*.csv that matches nothing yet, the fix creates a file the glob loads', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'report-lens-fix-'));
    try {
      const store = new GlossaryStore(() => undefined);
      store.setFolders([pathToFileURL(root).toString()]);
      store.setGlob('glossaries/**/*.csv');
      const action = fixFor('新术语', await store.targets());
      assert.ok(action?.edit?.documentChanges, 'offered');
      const [create, edit] = action.edit.documentChanges as [{ kind: 'create'; uri: string }, { edits: TextEdit[] }];
      assert.equal(create.kind, 'create');
      const file = fileURLToPath(create.uri);
      assert.equal(path.relative(root, file), path.join('glossaries', 'terms.csv'));
      // Apply it as the editor does, then reload.
      mkdirSync(path.dirname(file), { recursive: true });
      assert.ok(!existsSync(file));
      writeFileSync(file, edit.edits[0]!.newText);
      store.invalidate();
      assert.equal((await store.get()).lookup('新术语')?.source.uri, create.uri, 'the workspace glossary now defines it, from that file');
      const reread = parseGlossary(readFileSync(file, 'utf8'), 'csv', create.uri);
      assert.deepEqual(reread.problems, []);
      assert.deepEqual(reread.entries.map((e) => e.term), ['新术语']);
      // A glob that names no file the fix can make: no new file is offered.
      store.setGlob('**/*.glossary.json');
      assert.deepEqual((await store.targets()).filter((t) => !t.exists), []);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('property: on random valid glossaries (YAML, CSV, JSON), an offered fix reloads with the term and every old entry unchanged', () => {
    const name = fc.string({ unit: fc.constantFrom(...'甲乙丙丁术语 ab:#,"\'-_{}[]&*!|>%@`'), minLength: 1, maxLength: 8 });
    const entry = fc.tuple(name, name);
    const file = fc.record({
      format: fc.constantFrom<GlossaryFormat>('yaml', 'csv', 'json'),
      entries: fc.uniqueArray(entry, { selector: ([term]) => term.trim(), maxLength: 6 }),
      header: fc.boolean(),
      finalNewline: fc.boolean(),
      crlf: fc.boolean(),
      ending: fc.constantFrom('', '...\n', '# comment\n', '---\n'),
      flow: fc.boolean(),
    });
    let offered = 0;
    fc.assert(
      fc.property(file, name, (spec, term) => {
        const text = serialise(spec);
        const before = parseGlossary(text, spec.format, 'file:///g');
        fc.pre(before.problems.length === 0);
        const action = fixFor(term, [target(text, spec.format)]);
        if (!action) return;
        offered++;
        const after = parseGlossary(applied(action, `${GLOSSARY_URI}.${spec.format}`, text), spec.format, 'file:///g');
        assert.deepEqual(after.problems, []);
        assert.ok(after.entries.some((e) => e.term === term), 'the term is there');
        assert.deepEqual(after.entries.slice(0, before.entries.length), before.entries, 'every old entry unchanged');
        assert.ok(text.length === 0 || after.entries.length === before.entries.length + 1);
      }),
      { numRuns: 400 },
    );
    assert.ok(offered > 50, `the fix was offered in ${offered} runs: the property must not hold vacuously`);
  });
});

interface FileSpec {
  format: GlossaryFormat;
  entries: [string, string][];
  header: boolean;
  finalNewline: boolean;
  crlf: boolean;
  ending: string;
  flow: boolean;
}

/** A glossary file as people write them, in one of several styles. */
function serialise(spec: FileSpec): string {
  const eol = spec.crlf ? '\r\n' : '\n';
  let lines: string[];
  if (spec.format === 'json') lines = [JSON.stringify(Object.fromEntries(spec.entries), null, 2)];
  else if (spec.format === 'csv') {
    const field = (value: string) => (/[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value);
    lines = [...(spec.header ? ['term,definition,aliases'] : []), ...spec.entries.map(([term, definition]) => `${field(term)},${field(definition)}`)];
  } else if (spec.flow) lines = [`{${spec.entries.map(([term, definition]) => `${JSON.stringify(term)}: ${JSON.stringify(definition)}`).join(', ')}}`];
  else lines = [...(spec.header ? ['# team glossary'] : []), ...spec.entries.map(([term, definition]) => `${JSON.stringify(term)}: ${JSON.stringify(definition)}`)];
  if (spec.format === 'yaml' && spec.ending) lines.push(spec.ending.trimEnd());
  const body = lines.join(eol);
  return body.length > 0 && spec.finalNewline ? body + eol : body;
}
