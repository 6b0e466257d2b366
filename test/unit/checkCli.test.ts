import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { localeFromEnv, renderText, settingsFor, takeCheckOptions } from '../../server/src/cli/checkCommand';
import { run } from '../../server/src/cli/main';
import { readReport } from '../../server/src/cli/readReport';
import { artifactLocation, sarifLevel, sarifRegion, toSarif, type SarifLog } from '../../server/src/cli/sarif';
import type { Locale } from '../../server/src/core/l10n/messages';
import { getReportLanguageService, Glossary } from '../../server/src/core/languageService';
import { builtinEntries } from '../../server/src/core/terms/builtin';
import { parseGlossary } from '../../server/src/core/terms/glossaryFile';
import { CHECK_CODES, DEFAULT_SETTINGS, resolveSettings, type ReportSettings } from '../../server/src/core/settings';
import { ROOT } from '../support/paths';

function cli(...argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = run(argv, (text) => void (stdout += text), (text) => void (stderr += text));
  return { code, stdout, stderr };
}

/** The service's diagnostics, called as the server calls them. */
/** What the language server would report with the glossaries the CLI finds beside the examples. */
function serviceDiagnostics(file: string, locale: Locale = 'en', settings: ReportSettings = DEFAULT_SETTINGS): Diagnostic[] {
  const service = getReportLanguageService();
  const teamFile = path.join(ROOT, 'examples', 'team.glossary.yaml');
  const team = parseGlossary(readFileSync(teamFile, 'utf8'), 'yaml', pathToFileURL(teamFile).href).entries;
  const glossary = new Glossary([...(path.dirname(path.resolve(file)) === path.dirname(teamFile) ? team : []), ...builtinEntries()]);
  return service.diagnostics(service.parse(readReport(file, 20_000_000)), settings, { locale, uri: pathToFileURL(path.resolve(file)).href, glossary });
}

const example = (name: string) => path.join(ROOT, 'examples', name);
const WORK_REPORT = example('work-report-zh.report');
const RELEASE = example('statistical-release-en.report');
const NEWS = example('news-summary-zh.report');

/** The mission's sentence as a paragraph under a title line. */
function missionReport(rate: string): string {
  return `关于主题教育检视整改情况的报告\n\n　　检视出6个方面1686个问题，完成问题整改1676个、整改率${rate}%。\n`;
}

describe('report-lens check', () => {
  let dir = '';
  let planted = '';
  let consistent = '';
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'report-lens-check-'));
    planted = path.join(dir, 'planted.report');
    consistent = path.join(dir, 'consistent.report');
    writeFileSync(planted, missionReport('99.6'));
    writeFileSync(consistent, missionReport('99.4'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('the mission example with 99.6% gives exactly one rate-mismatch error and exit 1; its fix writes 99.4%', () => {
    const { code, stdout } = cli('check', '--format', 'json', '--locale', 'en', planted);
    assert.equal(code, 1);
    const [entry] = JSON.parse(stdout) as { path: string; diagnostics: Diagnostic[] }[];
    assert.equal(entry!.path, planted);
    assert.equal(entry!.diagnostics.length, 1, JSON.stringify(entry!.diagnostics, null, 2));
    const d = entry!.diagnostics[0]!;
    assert.deepEqual([d.code, d.severity, d.source, d.range.start.line], ['rate-mismatch', 1, 'report-lens', 2]);
    assert.match(String(d.message), /99\.6%/);
    assert.match(String(d.message), /1676/);
    const fixes = (d.data as { fixes: { title: string; edits: { range: Diagnostic['range']; newText: string }[] }[] }).fixes;
    assert.ok(fixes.length >= 1, 'a quick fix is offered');
    const text = missionReport('99.6');
    const lines = text.split('\n');
    const fixed = [...fixes[0]!.edits]
      .sort((a, b) => b.range.start.character - a.range.start.character)
      .reduce((line, edit) => {
        assert.equal(edit.range.start.line, 2);
        assert.equal(edit.range.end.line, 2);
        return line.slice(0, edit.range.start.character) + edit.newText + line.slice(edit.range.end.character);
      }, lines[2]!);
    assert.equal(fixed, '　　检视出6个方面1686个问题，完成问题整改1676个、整改率99.4%。');
  });

  test('the same text with 99.4% is consistent: exit 0 and no diagnostics', () => {
    const { code, stdout } = cli('check', '--format', 'json', consistent);
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(stdout), [{ path: consistent, diagnostics: [] }]);
  });

  test('--format json prints exactly the diagnostics of the language service, per file, in the order given', () => {
    for (const locale of ['en', 'zh-cn'] as const) {
      const { code, stdout } = cli('check', '--format', 'json', '--locale', locale, WORK_REPORT, RELEASE, NEWS);
      assert.equal(code, 1, 'the examples have planted errors');
      const expected = [WORK_REPORT, RELEASE, NEWS].map((file) => ({ path: file, diagnostics: serviceDiagnostics(file, locale) }));
      assert.deepEqual(JSON.parse(stdout), JSON.parse(JSON.stringify(expected)));
    }
  });

  test('exit status: 0 without error-severity diagnostics, 1 with one, 2 for an unreadable file (the others are still checked)', () => {
    assert.equal(cli('check', NEWS).code, 0);
    assert.equal(cli('check', WORK_REPORT).code, 1);
    const missing = path.join(dir, 'missing.report');
    const mixed = cli('check', '--format', 'json', missing, planted, NEWS);
    assert.equal(mixed.code, 2);
    assert.match(mixed.stderr, /cannot read .*missing\.report: ENOENT/);
    const printed = JSON.parse(mixed.stdout) as { path: string }[];
    assert.deepEqual(
      printed.map((entry) => entry.path),
      [planted, NEWS],
      'the readable files are reported',
    );
  });

  test('usage errors exit 2: no file, unknown format, bad --severity or --locale, check options on another command', () => {
    const expectUsage = (argv: string[], message: RegExp) => {
      const result = cli(...argv);
      assert.equal(result.code, 2, argv.join(' '));
      assert.match(result.stderr, message);
      assert.equal(result.stdout, '');
    };
    expectUsage(['check'], /check needs at least one FILE/);
    expectUsage(['check', '--format', 'xml', NEWS], /unknown format "xml" \(expected text, json, sarif\)/);
    expectUsage(['check', '--severity', 'rate-mismatch', NEWS], /CODE=LEVEL/);
    expectUsage(['check', '--severity', 'typo-check=off', NEWS], /unknown check "typo-check"/);
    expectUsage(['check', '--severity', 'rate-mismatch=fatal', NEWS], /unknown severity "fatal"/);
    expectUsage(['check', '--locale', 'fr', NEWS], /unknown locale "fr"/);
    expectUsage(['check', NEWS, '--locale'], /--locale needs a value/);
    expectUsage(['outline', '--locale', 'en', NEWS], /unknown option --locale/);
  });

  test('--severity CODE=LEVEL changes a check\'s severity or turns it off', () => {
    const asWarning = cli('check', '--format', 'json', '--severity', 'rate-mismatch=warning', planted);
    assert.equal(asWarning.code, 0, 'a warning does not fail the run');
    const [warned] = JSON.parse(asWarning.stdout) as { diagnostics: Diagnostic[] }[];
    assert.deepEqual(
      warned!.diagnostics.map((d) => [d.code, d.severity]),
      [['rate-mismatch', 2]],
    );
    const off = cli('check', '--format=json', '--severity=rate-mismatch=off', planted);
    assert.equal(off.code, 0);
    assert.deepEqual((JSON.parse(off.stdout) as { diagnostics: Diagnostic[] }[])[0]!.diagnostics, []);
    const settings = { ...DEFAULT_SETTINGS, checks: { ...DEFAULT_SETTINGS.checks, 'heading-sequence': 'off' as const, 'sum-mismatch': 'hint' as const } };
    const both = cli('check', '--format', 'json', '--severity', 'heading-sequence=off', '--severity', 'sum-mismatch=hint', WORK_REPORT);
    assert.deepEqual(JSON.parse(both.stdout), JSON.parse(JSON.stringify([{ path: WORK_REPORT, diagnostics: serviceDiagnostics(WORK_REPORT, localeFromEnv(process.env), settings) }])));
  });

  test('messages follow --locale, else LC_ALL / LC_MESSAGES / LANG', () => {
    const en = JSON.parse(cli('check', '--format', 'json', '--locale', 'en', planted).stdout) as { diagnostics: Diagnostic[] }[];
    const zh = JSON.parse(cli('check', '--format', 'json', '--locale', 'zh-cn', planted).stdout) as { diagnostics: Diagnostic[] }[];
    assert.match(String(en[0]!.diagnostics[0]!.message), /^Stated 99\.6%/);
    assert.match(String(zh[0]!.diagnostics[0]!.message), /^写的是99\.6%/);
    assert.equal(localeFromEnv({ LANG: 'zh_CN.UTF-8' }), 'zh-cn');
    assert.equal(localeFromEnv({ LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' }), 'en', 'LC_ALL wins');
    assert.equal(localeFromEnv({ LC_ALL: '', LC_MESSAGES: 'zh_TW', LANG: 'en_US' }), 'zh-cn', 'an empty variable is skipped');
    assert.equal(localeFromEnv({ LANG: 'C' }), 'en');
    assert.equal(localeFromEnv({}), 'en');
  });

  test('text output: one compiler-style line per diagnostic (1-based), notes for related locations, a summary line', () => {
    const { code, stdout } = cli('check', '--locale', 'en', planted, NEWS);
    assert.equal(code, 1);
    // Between the findings and the totals, a table per check (folderCheck.test.ts reads it).
    const withoutTable = (text: string) => {
      const all = text.trimEnd().split('\n');
      const blank = all.indexOf('');
      return blank < 0 ? all : [...all.slice(0, blank), all.at(-1)!];
    };
    assert.match(stdout, /\ncheck\s+files\s+errors\s+warnings\s+other\nrate-mismatch\s+1\s+1\s+0\s+0\n/);
    const lines = withoutTable(stdout);
    const primary = lines.filter((line) => !line.startsWith(' '));
    assert.equal(primary.length, 2, stdout);
    assert.match(primary[0]!, new RegExp(`^${escape(planted)}:3:\\d+: error rate-mismatch: Stated 99\\.6%.*1676.*1686`));
    assert.equal(primary[1], '1 error, 0 warnings in 2 files');
    for (const note of lines.filter((line) => line.startsWith(' '))) assert.match(note, new RegExp(`^    note: ${escape(planted)}:3:\\d+: `));

    const many = cli('check', WORK_REPORT, RELEASE);
    const diagnostics = [...serviceDiagnostics(WORK_REPORT), ...serviceDiagnostics(RELEASE)];
    const errors = diagnostics.filter((d) => d.severity === 1).length;
    const warnings = diagnostics.filter((d) => d.severity === 2).length;
    const body = withoutTable(many.stdout);
    assert.equal(body.at(-1), `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in 2 files`);
    const shaped = body.slice(0, -1).filter((line) => !line.startsWith(' '));
    assert.equal(shaped.length, diagnostics.length);
    for (const line of shaped) assert.match(line, /^.+\.report:\d+:\d+: (error|warning|information|hint) [a-z-]+: \S/);
  });

  test('--format sarif: a valid SARIF 2.1.0 log with rules, levels, 1-based regions and related locations', () => {
    const relative = path.relative(process.cwd(), WORK_REPORT);
    const { code, stdout } = cli('check', '--format', 'sarif', '--locale', 'en', relative, RELEASE);
    assert.equal(code, 1);
    const log = JSON.parse(stdout) as SarifLog;
    assertSarifShape(log);
    const run0 = log.runs[0]!;
    const expected = [...serviceDiagnostics(WORK_REPORT), ...serviceDiagnostics(RELEASE)];
    assert.equal(run0.results.length, expected.length);
    expected.forEach((d, i) => {
      const result = run0.results[i]!;
      assert.equal(result.ruleId, d.code);
      assert.equal(run0.tool.driver.rules[result.ruleIndex!]!.id, d.code);
      assert.equal(result.level, sarifLevel(d.severity));
      assert.equal(result.message.text, d.message);
      assert.deepEqual(result.locations[0]!.physicalLocation.region, {
        startLine: d.range.start.line + 1,
        startColumn: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
      });
      assert.equal(result.relatedLocations?.length ?? 0, d.relatedInformation?.length ?? 0);
    });
    const uris = new Set(run0.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri));
    assert.ok(uris.has(relative.split(path.sep).join('/')), `relative artifact URIs: ${[...uris].join(', ')}`);
  });

  test('SARIF with an unreadable file records a failed invocation and still exits 2', () => {
    const { code, stdout } = cli('check', '--format', 'sarif', path.join(dir, 'nope.report'), consistent);
    assert.equal(code, 2);
    const log = JSON.parse(stdout) as SarifLog;
    assertSarifShape(log);
    assert.equal(log.runs[0]!.invocations[0]!.executionSuccessful, false);
    assert.match(log.runs[0]!.invocations[0]!.toolExecutionNotifications[0]!.message.text, /cannot read .*nope\.report/);
  });

  test('check options may stand before the command and around --format', () => {
    assert.deepEqual(takeCheckOptions(['--format', 'json', 'check', '--locale', 'zh-cn', 'a.report']), {
      argv: ['--format', 'json', 'check', 'a.report'],
      check: { locale: 'zh-cn', severity: {}, glossaries: [] },
    });
    assert.deepEqual(takeCheckOptions(['check', '--glossary', 'team.glossary.yaml', '--glossary=more.glossary.csv', 'a.report']).check.glossaries, ['team.glossary.yaml', 'more.glossary.csv']);
    assert.deepEqual(takeCheckOptions(['check', '--severity=count-mismatch=off', '--', '--locale']).argv, ['check', '--', '--locale']);
    assert.deepEqual(takeCheckOptions(['figures', '--locale', 'en']).argv, ['figures', '--locale', 'en'], 'left for the common parser to reject');
  });

  test('glossaries beside the report are used, --glossary adds more, and a malformed one is reported in its own file', () => {
    const glossaryDir = mkdtempSync(path.join(os.tmpdir(), 'report-lens-glossary-'));
    try {
      const report = path.join(glossaryDir, 'r.report');
      writeFileSync(report, '报告\n\n推进所谓“本地新词”和所谓“另一新词”建设。\n');
      const hints = (args: string[]) => (JSON.parse(cli('check', '--format', 'json', ...args, report).stdout) as { path: string; diagnostics: Diagnostic[] }[]).flatMap((f) => f.diagnostics.map((d) => d.message));
      assert.equal(hints([]).length, 2, 'both quoted terms are undefined');
      writeFileSync(path.join(glossaryDir, 'local.glossary.yaml'), '本地新词: 旁边的术语表定义。\n');
      assert.equal(hints([]).length, 1, 'the glossary beside the report is found');
      const extra = path.join(os.tmpdir(), `report-lens-extra-${process.pid}.csv`);
      writeFileSync(extra, 'term,definition\n另一新词,命令行指定的定义\n');
      assert.equal(hints(['--glossary', extra]).length, 0, '--glossary adds a file');
      rmSync(extra);
      const broken = path.join(glossaryDir, 'broken.glossary.yaml');
      writeFileSync(broken, '坏条目: [未闭合\n');
      const result = cli('check', '--format', 'json', report);
      assert.equal(result.code, 1, 'a malformed glossary is an error');
      const files = JSON.parse(result.stdout) as { path: string; diagnostics: Diagnostic[] }[];
      assert.ok(files.some((f) => f.path.endsWith('broken.glossary.yaml') && f.diagnostics.every((d) => d.code === 'glossary-syntax')));
    } finally {
      rmSync(glossaryDir, { recursive: true, force: true });
    }
  });

  test('--help shows check', () => {
    assert.match(cli('--help').stdout, /check \[--format text\|json\|sarif\]/);
  });
});

describe('check output formats (independent of the checks)', () => {
  const uri = pathToFileURL(path.resolve('r.report')).href;
  const diagnostics: Diagnostic[] = [
    {
      range: { start: { line: 4, character: 10 }, end: { line: 4, character: 15 } },
      severity: 2,
      code: 'heading-sequence',
      source: 'report-lens',
      message: 'Heading （四） follows （二）',
    },
    {
      range: { start: { line: 2, character: 0 }, end: { line: 3, character: 2 } },
      severity: 1,
      code: 'rate-mismatch',
      source: 'report-lens',
      message: 'Stated 99.6%, but 1676 / 1686 = 99.41%',
      relatedInformation: [
        { location: { uri, range: { start: { line: 2, character: 3 }, end: { line: 2, character: 7 } } }, message: 'numerator 1676' },
        { location: { uri, range: { start: { line: 1, character: 3 }, end: { line: 1, character: 7 } } }, message: 'denominator 1686' },
      ],
      data: { fixes: [{ title: 'Write 99.4%', edits: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 4 } }, newText: '99.4' }] }] },
    },
    { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, severity: 4, code: 'count-mismatch', source: 'report-lens', message: 'hint' },
  ];

  test('text: sorted by position, 1-based, related notes, summary with only the severities present beyond errors and warnings', () => {
    assert.equal(
      renderText([{ path: 'r.report', uri, diagnostics }, { path: 'empty.report', uri: 'file:///empty.report', diagnostics: [] }]),
      [
        'r.report:1:1: hint count-mismatch: hint',
        'r.report:3:1: error rate-mismatch: Stated 99.6%, but 1676 / 1686 = 99.41%',
        '    note: r.report:3:4: numerator 1676',
        '    note: r.report:2:4: denominator 1686',
        'r.report:5:11: warning heading-sequence: Heading （四） follows （二）',
        '1 error, 1 warning, 1 hint in 2 files',
        '',
      ].join('\n'),
    );
    assert.equal(renderText([]), '0 errors, 0 warnings in 0 files\n');
  });

  test('SARIF: levels, regions, relative URIs, related locations and fixes', () => {
    const log = toSarif([{ path: path.join('sub dir', 'r.report'), uri, diagnostics }], { version: '1.2.3', cwd: process.cwd() });
    assertSarifShape(log);
    const run0 = log.runs[0]!;
    assert.equal(run0.tool.driver.version, '1.2.3');
    // Each result points at its own rule: the index is where the rule stands in the driver's list.
    assert.deepEqual(
      run0.results.map((r) => [r.ruleId, r.level, run0.tool.driver.rules[r.ruleIndex ?? -1]?.id]),
      [
        ['heading-sequence', 'warning', 'heading-sequence'],
        ['rate-mismatch', 'error', 'rate-mismatch'],
        ['count-mismatch', 'note', 'count-mismatch'],
      ],
    );
    const rate = run0.results[1]!;
    assert.deepEqual(rate.locations[0]!.physicalLocation, {
      artifactLocation: { uri: 'sub%20dir/r.report', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3, startColumn: 1, endLine: 4, endColumn: 3 },
    });
    assert.deepEqual(
      rate.relatedLocations!.map((l) => [l.id, l.message!.text, l.physicalLocation.region!.startLine, l.physicalLocation.region!.startColumn]),
      [
        [1, 'numerator 1676', 3, 4],
        [2, 'denominator 1686', 2, 4],
      ],
    );
    assert.deepEqual(rate.fixes, [
      {
        description: { text: 'Write 99.4%' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'sub%20dir/r.report', uriBaseId: '%SRCROOT%' },
            replacements: [{ deletedRegion: { startLine: 4, startColumn: 1, endLine: 4, endColumn: 5 }, insertedContent: { text: '99.4' } }],
          },
        ],
      },
    ]);
    assert.equal(sarifLevel(3), 'note');
    assert.deepEqual(sarifRegion({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }), { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 });
  });

  test('artifact URIs: relative with forward slashes and percent-encoding; outside the working directory an absolute file URL', () => {
    const cwd = path.resolve('/tmp/work');
    assert.deepEqual(artifactLocation(path.join(cwd, 'a', '报告 1.report'), cwd), { uri: `a/${encodeURIComponent('报告 1.report')}`, uriBaseId: '%SRCROOT%' });
    assert.deepEqual(artifactLocation(path.resolve('/elsewhere/x.report'), cwd), { uri: pathToFileURL(path.resolve('/elsewhere/x.report')).href });
  });
});

describe('settings in package.json', () => {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, Record<string, unknown>> } } };
  const properties = manifest.contributes.configuration.properties;
  const DESIGN_CODES = ['rate-mismatch', 'part-exceeds-whole', 'sum-mismatch', 'change-mismatch', 'count-mismatch', 'conflicting-figure', 'heading-sequence', 'size-word-mismatch', 'multiple-mismatch', 'impossible-percentage'] as const;

  test('reportLens.checks.<code> for each code of design.md: the five levels, the core default, resource scope', () => {
    for (const code of DESIGN_CODES) {
      const setting = properties[`reportLens.checks.${code}`];
      assert.ok(setting, code);
      assert.deepEqual(
        { type: setting['type'], enum: setting['enum'], default: setting['default'], scope: setting['scope'], markdownDescription: setting['markdownDescription'] },
        { type: 'string', enum: ['error', 'warning', 'information', 'hint', 'off'], default: DEFAULT_SETTINGS.checks[code], scope: 'language-overridable', markdownDescription: `%config.checks.${code}%` },
      );
    }
    assert.deepEqual(properties['reportLens.inlayHints.impliedRates'], { type: 'boolean', scope: 'language-overridable', default: true, markdownDescription: '%config.inlayHints.impliedRates%' });
  });

  test('every %key% of the manifest is translated in package.nls.json and package.nls.zh-cn.json', () => {
    const keys = [...readFileSync(path.join(ROOT, 'package.json'), 'utf8').matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]!);
    for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const table = JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, string>;
      for (const key of keys) assert.ok(typeof table[key] === 'string' && table[key].length > 0, `${file}: ${key}`);
    }
  });

  test('the configuration sections the server reads resolve to the settings the CLI builds', () => {
    assert.deepEqual(settingsFor({ locale: undefined, severity: { 'heading-sequence': 'off' } }).checks, resolveSettings({ checks: { 'heading-sequence': 'off' } }).checks);
  });
});

function assertSarifShape(log: SarifLog): void {
  assert.equal(log.version, '2.1.0');
  assert.match(log.$schema, /sarif-schema-2\.1\.0\.json$|sarif-2\.1\.0/);
  assert.equal(log.runs.length, 1);
  const run0 = log.runs[0]!;
  assert.equal(run0.tool.driver.name, 'report-lens');
  assert.equal(typeof run0.tool.driver.version, 'string');
  assert.equal('informationUri' in run0.tool.driver, false, 'no informationUri: the project has none yet');
  assert.equal(run0.columnKind, 'utf16CodeUnits');
  assert.deepEqual(
    run0.tool.driver.rules.map((rule) => rule.id),
    [...CHECK_CODES],
  );
  for (const rule of run0.tool.driver.rules) {
    assert.ok(rule.shortDescription.text.length > 10);
    assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
  }
  assert.match(run0.originalUriBaseIds['%SRCROOT%']!.uri, /^file:\/\/.*\/$/);
  for (const result of run0.results) {
    assert.ok(typeof result.ruleId === 'string' && result.ruleId.length > 0);
    assert.ok(['error', 'warning', 'note'].includes(result.level));
    assert.ok(result.message.text.length > 0);
    assert.ok(result.locations.length === 1);
    for (const location of [...result.locations, ...(result.relatedLocations ?? [])]) {
      const region = location.physicalLocation.region!;
      assert.ok(location.physicalLocation.artifactLocation.uri.length > 0);
      for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn'] as const) assert.ok(Number.isInteger(region[key]) && region[key] >= 1, `${key} is 1-based`);
      assert.ok(region.endLine > region.startLine || (region.endLine === region.startLine && region.endColumn >= region.startColumn));
    }
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
