/**
 * fast-check over what users type and configure (issue 12): CLI arguments, the settings object and
 * the glossary readers. Whatever comes in, nothing throws and every answer has its documented shape.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { run } from '../../server/src/cli/main';
import { CHECK_CODES, DEFAULT_SETTINGS, resolveSettings } from '../../server/src/core/settings';
import { parseGlossary, type GlossaryFormat } from '../../server/src/core/terms/glossaryFile';
import { GlossaryStore } from '../../server/src/glossaryStore';
import { globProblem, globToRegExp } from '../../server/src/workspaceFiles';
import { ROOT } from '../support/paths';

const RUNS = { seed: 20261203, numRuns: 200 };
const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'];

describe('CLI arguments (fast-check)', () => {
  const example = path.join(ROOT, 'examples', 'work-report-zh.report');
  // A Markdown report: every command reads it with the Markdown parser.
  const markdownReport = path.join(ROOT, 'test', 'fixtures', 'markdown', 'quarterly-zh.md');
  // Tokens people type, right and wrong; never '-' (stdin would wait for the test runner's input).
  const token = fc.oneof(
    fc.constantFrom('check', 'figures', 'outline', 'relations', 'help', 'frobnicate', example, markdownReport, path.join(ROOT, 'no-such.report'), path.join(ROOT, 'bin'), '/dev/zero'),
    fc.constantFrom('--format', '-f', 'json', 'text', 'sarif', 'xml', '--format=json', '--locale', 'zh-cn', 'fr', '--severity', 'heading-sequence=off', 'rate-mismatch=loud', '--glossary'),
    fc.constantFrom('--max-file-size', '--max-file-size=10', '100', '-5', '1e9', '', '--', '-h', '--help', '-v', '--version', '--bogus', '--severity='),
    fc.string({ maxLength: 12 }).filter((text) => text !== '-'),
  );

  test('any argv: run never throws, exits 0, 1 or 2, and says something (on stderr when it exits 2)', () => {
    fc.assert(
      fc.property(fc.array(token, { maxLength: 8 }), (argv) => {
        let stdout = '';
        let stderr = '';
        const code = run(argv, (text) => void (stdout += text), (text) => void (stderr += text));
        assert.ok([0, 1, 2].includes(code), `exit ${code}`);
        assert.ok(stdout.length + stderr.length > 0, 'says something');
        if (code === 2) assert.ok(stderr.length > 0, 'a failure says why on stderr');
      }),
      RUNS,
    );
  });

  test('--max-file-size takes a byte count and nothing else', () => {
    fc.assert(
      fc.property(fc.oneof(fc.nat().map(String), fc.string({ maxLength: 8 })), (value) => {
        let stderr = '';
        const code = run(['outline', '--max-file-size', value, example], () => undefined, (text) => void (stderr += text));
        if (!/^\d{1,15}$/.test(value)) assert.equal(code, 2);
        else assert.equal(code, Number(value) >= 2000 ? 0 : 2, stderr);
      }),
      { ...RUNS, numRuns: 100 },
    );
  });
});

describe('settings (fast-check)', () => {
  const value = fc.oneof(fc.jsonValue(), fc.constantFrom(...SEVERITIES), fc.constantFrom('**/*.{yaml', '**/*.yaml}', '{', '}', '**', 'a/{b,{c}}', ''));
  const raw = fc.oneof(
    fc.anything(),
    fc.record(
      {
        maxFileSize: value,
        checks: fc.oneof(value, fc.dictionary(fc.constantFrom(...CHECK_CODES, 'bogus'), value)),
        inlayHints: fc.oneof(value, fc.record({ impliedRates: value })),
        glossary: fc.oneof(value, fc.record({ files: fc.oneof(value, fc.string({ unit: fc.constantFrom(...'*?{},/.ab'), maxLength: 12 })) })),
      },
      { requiredKeys: [] },
    ),
  );

  test('resolveSettings takes any JSON and gives well-typed settings', () => {
    fc.assert(
      fc.property(raw, (input) => {
        const settings = resolveSettings(input);
        assert.ok(typeof settings.maxFileSize === 'number' && settings.maxFileSize >= 0);
        for (const code of CHECK_CODES) assert.ok(SEVERITIES.includes(settings.checks[code]), code);
        assert.equal(typeof settings.inlayHints.impliedRates, 'boolean');
        assert.ok(typeof settings.glossary.files === 'string' && settings.glossary.files.trim().length > 0);
      }),
      RUNS,
    );
  });

  test('any glossary glob: the store never throws, and the glob it uses always compiles', () => {
    fc.assert(
      fc.property(raw, (input) => {
        const store = new GlossaryStore(() => undefined);
        const configured = resolveSettings(input).glossary.files;
        const problem = store.setGlob(configured);
        assert.equal(problem, globProblem(configured));
        assert.equal(store.activeGlob, problem ? DEFAULT_SETTINGS.glossary.files : configured);
        assert.doesNotThrow(() => globToRegExp(store.activeGlob));
        assert.equal(typeof store.isGlossaryFile('file:///ws/a.glossary.yaml'), 'boolean');
      }),
      RUNS,
    );
  });
});

describe('glossary readers (fast-check)', () => {
  test('YAML, JSON and CSV: any text gives entries and problems, never an exception; problems point into the file', () => {
    const text = fc.oneof(
      fc.string({ unit: fc.constantFrom(...'术语甲乙:,"\'{}[]-#\n\r\t .…'), maxLength: 120 }),
      fc.string({ unit: 'binary', maxLength: 120 }),
    );
    fc.assert(
      fc.property(text, fc.constantFrom<GlossaryFormat>('yaml', 'json', 'csv'), (content, format) => {
        const { entries, problems } = parseGlossary(content, format, 'file:///g');
        const lines = content.split(/\r\n|\r|\n/).length;
        for (const problem of problems) assert.ok(problem.line >= 0 && problem.line <= lines, `problem on line ${problem.line} of ${lines}`);
        for (const entry of entries) assert.ok(entry.term === entry.term.trim() && entry.term.length > 0 && entry.definition.length > 0);
      }),
      RUNS,
    );
  });
});
