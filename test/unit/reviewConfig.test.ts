import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { after, describe, test } from 'node:test';
import type { Diagnostic, MarkupContent } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS, getReportLanguageService, resolveSettings, ReviewedSet, type ReviewedEntry } from '../../server/src/core/languageService';
import { mergeSettings, parseConfig } from '../../server/src/core/config/projectConfig';
import { parseReviewed, withReviewed } from '../../server/src/core/review/reviewed';
import { findProject, readReviewedFile, reviewedSetFor } from '../../server/src/project/configFiles';
import { cli } from '../support/cli';
import { ROOT } from '../support/paths';
import { ProjectStore } from '../../server/src/projectStore';
import { pathToFileURL } from 'node:url';
import { explicitSettings, sectionKeys, type Inspected } from '../../client/src/explicitSettings';

const service = getReportLanguageService();
const URI = 'file:///test.report';

const SENTENCE = '能立行立改的马上改，第一批参学单位完成问题整改1676个、整改率99.6%；';
const MISSION = ['某区主题教育综述', '', `  第一批参学单位检视出6个方面1686个问题，确定74个专项整治问题，上下联动抓好整改。${SENTENCE}一时不能整改的，逐一明确阶段整改目标。`, ''].join('\n');

function check(text: string, reviewed?: ReviewedSet): Diagnostic[] {
  return service.diagnostics(service.parse(text), DEFAULT_SETTINGS, { locale: 'en', uri: URI, ...(reviewed ? { reviewed } : {}) });
}

/** The entry Mark as reviewed records for the first diagnostic of `text`. */
function entryFor(text: string, file = 'test.report'): ReviewedEntry {
  const [diagnostic] = check(text);
  assert.ok(diagnostic, 'there is a finding to review');
  const review = (diagnostic.data as { review: { sentence: string; figures: string[] } }).review;
  return { file, code: String(diagnostic.code), sentence: review.sentence, figures: review.figures };
}

const temporary: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'report-lens-project-'));
  temporary.push(dir);
  return dir;
}
after(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

describe('the project configuration file (issue 14)', () => {
  test('a good file gives severities, report globs, the glossary glob, the reviewed file and maxFileSize', () => {
    const { config, problems } = parseConfig(
      JSON.stringify({ checks: { 'heading-sequence': 'off' }, reports: ['docs/**/*.md'], glossary: { files: 'terms/*.yaml' }, reviewedFile: 'qa/reviewed.json', maxFileSize: 1000 }),
    );
    assert.deepEqual(problems, []);
    const settings = resolveSettings(config.settings);
    assert.equal(settings.checks['heading-sequence'], 'off');
    assert.equal(settings.checks['rate-mismatch'], 'error', 'checks not named keep their default');
    assert.equal(settings.glossary.files, 'terms/*.yaml');
    assert.equal(settings.maxFileSize, 1000);
    assert.deepEqual(config.reports, ['docs/**/*.md']);
    assert.equal(config.reviewedFile, 'qa/reviewed.json');
  });

  test('malformed JSON falls back to the defaults with one problem; a bad value is dropped and named, the rest kept', () => {
    const broken = parseConfig('{ "checks": { "heading-sequence": "off", } ');
    assert.equal(broken.problems.length, 1);
    assert.match(broken.problems[0]!, /not valid JSON/);
    assert.deepEqual(resolveSettings(broken.config.settings), DEFAULT_SETTINGS);

    const partly = parseConfig(JSON.stringify({ checks: { 'heading-sequence': 'off', 'rate-mismatch': 'loud', 'no-such-check': 'off' }, maxFileSize: 'big', reviewedFile: '../../etc/x', colour: 1 }));
    assert.equal(resolveSettings(partly.config.settings).checks['heading-sequence'], 'off', 'the good severity is kept');
    assert.equal(resolveSettings(partly.config.settings).checks['rate-mismatch'], 'error');
    assert.equal(partly.config.reviewedFile, '.report-lens/reviewed.json', 'a reviewed file outside the project is refused');
    assert.equal(partly.problems.length, 5);
    assert.ok(partly.problems.some((p) => /"checks.rate-mismatch" must be one of/.test(p)));
    assert.ok(partly.problems.some((p) => /unknown key "colour"/.test(p)));
  });

  test('editor settings the user set override the file key by key; what the user did not set comes from the file', () => {
    const file = parseConfig(JSON.stringify({ checks: { 'heading-sequence': 'off', 'count-mismatch': 'error' }, maxFileSize: 1000 })).config.settings;
    const settings = resolveSettings(mergeSettings(file, { checks: { 'heading-sequence': 'hint' } }));
    assert.equal(settings.checks['heading-sequence'], 'hint', 'the explicit setting wins');
    assert.equal(settings.checks['count-mismatch'], 'error', "the file's other severity stays");
    assert.equal(settings.maxFileSize, 1000);
  });

  test('found in the report folder or a parent, nearest first, up to the workspace folder and no further', () => {
    const top = tempDir();
    const workspace = path.join(top, 'ws');
    const deep = path.join(workspace, 'a', 'b');
    mkdirSync(deep, { recursive: true });
    writeFileSync(path.join(top, 'report-lens.json'), JSON.stringify({ maxFileSize: 1 }));
    writeFileSync(path.join(workspace, 'report-lens.json'), JSON.stringify({ maxFileSize: 2 }));
    writeFileSync(path.join(workspace, 'a', '.report-lens.json'), JSON.stringify({ maxFileSize: 3 }));
    assert.equal(findProject(deep, workspace).config.settings['maxFileSize'], 3);
    assert.equal(findProject(deep, workspace).root, path.join(workspace, 'a'));
    rmSync(path.join(workspace, 'a', '.report-lens.json'));
    assert.equal(findProject(deep, workspace).config.settings['maxFileSize'], 2);
    rmSync(path.join(workspace, 'report-lens.json'));
    const stopped = findProject(deep, workspace);
    assert.equal(stopped.configFile, undefined, 'the file above the workspace folder is not read');
    assert.equal(stopped.root, workspace);
    assert.equal(findProject(deep).config.settings['maxFileSize'], 1, 'without a workspace (the CLI) the search goes on up');
  });

  test('a symlink out of its folder, a folder of that name and an oversized file are not read as configuration', () => {
    const outside = tempDir();
    const project = tempDir();
    writeFileSync(path.join(outside, 'secret.json'), JSON.stringify({ maxFileSize: 7 }));
    symlinkSync(path.join(outside, 'secret.json'), path.join(project, 'report-lens.json'));
    assert.equal(findProject(project, project).configFile, undefined);
    rmSync(path.join(project, 'report-lens.json'));
    mkdirSync(path.join(project, 'report-lens.json'));
    assert.equal(findProject(project, project).configFile, undefined);
    writeFileSync(path.join(project, '.report-lens.json'), `{"maxFileSize": 1${' '.repeat(300_000)}}`);
    const big = findProject(project, project);
    assert.equal(big.configFile, path.join(project, '.report-lens.json'));
    assert.deepEqual(big.config.settings, {}, 'defaults');
    assert.match(big.problems[0]!, /larger than the limit/);
  });

  test('the CLI reads it: severities from the file, --severity over the file, a malformed file told once and defaults used', () => {
    const dir = tempDir();
    const report = path.join(dir, 'mission.report');
    writeFileSync(report, MISSION);
    writeFileSync(path.join(dir, 'report-lens.json'), JSON.stringify({ checks: { 'rate-mismatch': 'off' } }));
    const quiet = cli('check', report);
    assert.equal(quiet.code, 0);
    assert.match(quiet.stdout, /0 errors, 0 warnings in 1 file/);
    const flagged = cli('check', '--severity', 'rate-mismatch=warning', report);
    assert.match(flagged.stdout, /warning rate-mismatch/);

    writeFileSync(path.join(dir, 'report-lens.json'), '{ "checks": ');
    const broken = cli('check', report, report);
    assert.equal(broken.code, 1, 'the defaults check the report: the rate is an error');
    assert.match(broken.stdout, /error rate-mismatch/);
    assert.equal(broken.stderr.split('\n').filter((line) => /report-lens\.json: not valid JSON/.test(line)).length, 1, 'told once');

    writeFileSync(path.join(dir, 'report-lens.json'), JSON.stringify({ maxFileSize: 10 }));
    assert.equal(cli('check', report).code, 2, "the file's maxFileSize applies");
    assert.equal(cli('check', '--max-file-size', '100000', report).code, 1, '--max-file-size wins over the file');
  });
});

describe('the glossary glob of report-lens.json in the CLI (issue 14)', () => {
  test('glossary files the project names are read, wherever they are under its root', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'terms'));
    mkdirSync(path.join(dir, 'r'));
    const report = path.join(dir, 'r', 'a.report');
    writeFileSync(report, '报告\n\n一、总体\n\n  坚持“七个坚持”，推进工作。\n');
    assert.match(cli('check', report).stdout, /undefined-term: “七个坚持”/);
    writeFileSync(path.join(dir, 'terms', 'team.yaml'), '七个坚持: 七个方面的坚持。\n');
    writeFileSync(path.join(dir, 'report-lens.json'), JSON.stringify({ glossary: { files: 'terms/*.yaml' } }));
    assert.doesNotMatch(cli('check', report).stdout, /undefined-term/, 'the term is defined in terms/team.yaml');
  });
});

describe('reviewed findings (issue 14)', () => {
  test('a reviewed finding is silent, stays silent after an edit elsewhere and a move, and returns when a figure changes', () => {
    assert.equal(check(MISSION).length, 1);
    const reviewed = new ReviewedSet([entryFor(MISSION)]);
    assert.deepEqual(check(MISSION, reviewed), []);

    const editedElsewhere = MISSION.replace('某区主题教育综述', '某区主题教育综述（修订稿）\n\n  新增一段说明，其中有3个数字和4个单位。');
    assert.deepEqual(check(editedElsewhere, reviewed), [], 'an edit in another paragraph keeps it silent');
    const rewrapped = MISSION.replace('整改1676个、', '整改1676个、\n  ');
    assert.deepEqual(check(rewrapped, reviewed), [], 'a line break inside the sentence is layout, not content');

    const rateChanged = MISSION.replace('99.6%', '99.7%');
    assert.equal(check(rateChanged, reviewed).length, 1, 'the rate changed: the finding is back');
    const operandChanged = MISSION.replace('1686个问题', '1688个问题');
    assert.equal(check(operandChanged, reviewed).length, 1, 'an operand in another sentence changed: the finding is back');
  });

  test('Mark as reviewed writes an entry that silences the finding; the file keeps what the user wrote, sorted', () => {
    const [diagnostic] = check(MISSION);
    const existing = `${JSON.stringify({ note: 'kept', reviewed: [{ file: 'z.report', code: 'sum-mismatch', sentence: 's', figures: ['1'], by: '王芳', ticket: 'QA-7' }] }, null, 2)}\n`;
    const target = { uri: 'file:///p/.report-lens/reviewed.json', exists: true, end: { line: 12, character: 0 }, text: existing, display: '.report-lens/reviewed.json', report: 'a/mission.report', at: '2026-12-03' };
    const actions = service.codeActions(URI, diagnostic!.range, [diagnostic!], { locale: 'zh-cn', reviewed: target });
    const mark = actions.find((a) => /标记为已审核/.test(a.title));
    assert.ok(mark, 'the quick fix is offered');
    const written = mark.edit!.changes![target.uri]![0]!.newText;
    const parsed = parseReviewed(written);
    assert.equal(parsed.problem, undefined);
    assert.deepEqual(parsed.entries.map((e) => e.file), ['a/mission.report', 'z.report'], 'sorted by file');
    assert.equal((parsed.document!['note'] as string), 'kept');
    assert.match(written, /"ticket": "QA-7"/);
    assert.match(written, /"by": "王芳"/);
    assert.deepEqual(check(MISSION, new ReviewedSet(parsed.entries.map((e) => ({ ...e, file: 'test.report' })))), []);
    assert.deepEqual(withReviewed(written, parsed.entries[0]!), { text: written }, 'marking again changes nothing');
  });

  test('the same finding reviewed in another report is recorded for that report too (regression: it was taken as already there)', () => {
    const first = { file: 'a/mission.report', code: 'rate-mismatch', sentence: '完成问题整改1676个、整改率99.6%', figures: ['99.6%', '1676个', '1686个'] };
    const once = withReviewed('', first);
    assert.ok('text' in once);
    const twice = withReviewed(once.text, { ...first, file: 'b/mission.docx' });
    assert.ok('text' in twice);
    assert.deepEqual(parseReviewed(twice.text).entries.map((e) => e.file), ['a/mission.report', 'b/mission.docx']);
  });

  test('a malformed reviewed file is not overwritten: no quick fix, the text stays', () => {
    const [diagnostic] = check(MISSION);
    for (const text of ['{ "reviewed": [ ', '{"reviewed": [{"file": 1}]}', '[1, 2]']) {
      const target = { uri: 'file:///p/r.json', exists: true, end: { line: 0, character: text.length }, text, display: 'r.json', report: 'm.report' };
      const actions = service.codeActions(URI, diagnostic!.range, [diagnostic!], { locale: 'en', reviewed: target });
      assert.ok(!actions.some((a) => /Mark as reviewed/.test(a.title)), `no rewrite of ${text}`);
      assert.ok('problem' in withReviewed(text, entryFor(MISSION)));
    }
  });

  test('hover on a reviewed figure says so, in English and Chinese', () => {
    const doc = service.parse(MISSION);
    const reviewed = new ReviewedSet([{ ...entryFor(MISSION), by: 'Li Hua', at: '2026-12-03' }]);
    const found = service.reviewedFindings(doc, DEFAULT_SETTINGS, { locale: 'en', uri: URI, reviewed });
    const position = doc.lines.positionAt(MISSION.indexOf('99.6%') + 1);
    const en = (service.hover(doc, position, { locale: 'en', reviewed: found })!.contents as MarkupContent).value;
    assert.match(en, /Reviewed: the rate-mismatch finding on this figure was marked as reviewed by Li Hua on 2026-12-03/);
    const zh = (service.hover(doc, doc.lines.positionAt(MISSION.indexOf('1686') + 1), { locale: 'zh-cn', reviewed: found })!.contents as MarkupContent).value;
    assert.match(zh, /已审核：此数字的 rate-mismatch 问题/, 'an operand of the reviewed finding says it too');
    const plain = (service.hover(doc, position, { locale: 'en' })!.contents as MarkupContent).value;
    assert.doesNotMatch(plain, /Reviewed/);
  });

  test('the CLI honours the reviewed file, in text and SARIF, and a malformed one is told and ignored', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'reports'));
    const report = path.join(dir, 'reports', 'mission.report');
    writeFileSync(report, MISSION);
    writeFileSync(path.join(dir, 'report-lens.json'), '{}');
    assert.equal(cli('check', report).code, 1);
    mkdirSync(path.join(dir, '.report-lens'));
    const entry = entryFor(MISSION, 'reports/mission.report');
    writeFileSync(path.join(dir, '.report-lens', 'reviewed.json'), (withReviewed('', entry) as { text: string }).text);
    assert.deepEqual(reviewedSetFor(findProject(path.dirname(report)), readReviewedFile(findProject(path.dirname(report))), report).size, 1);
    const text = cli('check', report);
    assert.equal(text.code, 0);
    assert.match(text.stdout, /0 errors/);
    const sarif = JSON.parse(cli('check', '--format', 'sarif', report).stdout) as { runs: { results: unknown[] }[] };
    assert.deepEqual(sarif.runs[0]!.results, []);

    writeFileSync(report, MISSION.replace('99.6%', '99.7%'));
    assert.equal(cli('check', report).code, 1, 'the figure changed: reported again');

    writeFileSync(path.join(dir, '.report-lens', 'reviewed.json'), '{ oops');
    const broken = cli('check', report);
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, /reviewed-findings file .* is malformed/);
  });
});

describe('disable comments (issue 14)', () => {
  const ERROR_LINE = MISSION.split('\n')[2]!;
  const doc = (...lines: string[]) => ['报告', '', ...lines, ''].join('\n');

  test('disable-next-line silences the next non-blank line, for the codes named or all', () => {
    assert.equal(check(doc(ERROR_LINE)).length, 1);
    assert.deepEqual(check(doc('<!-- report-lens-disable-next-line -->', ERROR_LINE)), []);
    assert.deepEqual(check(doc('<!-- report-lens-disable-next-line rate-mismatch -->', '', ERROR_LINE)), [], 'a blank line between is fine');
    assert.deepEqual(check(doc('<!-- report-lens-disable-next-line sum-mismatch, rate-mismatch -->', ERROR_LINE)), [], 'several codes, comma-separated');
    assert.equal(check(doc('<!-- report-lens-disable-next-line sum-mismatch -->', ERROR_LINE)).length, 1, 'another code only');
    assert.equal(check(doc('<!-- report-lens-disable-next-line -->', '  前一段。', ERROR_LINE)).length, 1, 'only the next line');
    assert.equal(check(doc(`${ERROR_LINE} <!-- report-lens-disable-next-line -->`)).length, 1, 'a comment must stand alone on its line');
  });

  test('disable … enable silences the lines between, per code or all', () => {
    assert.deepEqual(check(doc('<!-- report-lens-disable -->', ERROR_LINE, '<!-- report-lens-enable -->')), []);
    assert.deepEqual(check(doc('<!-- report-lens-disable rate-mismatch -->', '', ERROR_LINE)), [], 'unclosed: to the end');
    assert.equal(check(doc('<!-- report-lens-disable -->', '<!-- report-lens-enable -->', ERROR_LINE)).length, 1, 'after enable it is back');
    assert.equal(check(doc('<!-- report-lens-disable count-mismatch -->', ERROR_LINE)).length, 1);
    assert.equal(check(doc('<!-- report-lens-disable rate-mismatch -->', '<!-- report-lens-enable rate-mismatch -->', ERROR_LINE)).length, 1);
  });
});


describe('the VS Code client sends only what the user set (issue 14)', () => {
  test('defaults are left out, so the project file is not overridden by them; the narrowest scope wins', () => {
    const keys = sectionKeys({ contributes: { configuration: { properties: { 'reportLens.maxFileSize': {}, 'reportLens.checks.rate-mismatch': {}, 'reportLens.checks.sum-mismatch': {}, 'other.x': {} } } } }, 'reportLens');
    assert.deepEqual(keys, ['maxFileSize', 'checks.rate-mismatch', 'checks.sum-mismatch']);
    const inspected: Record<string, Inspected> = {
      maxFileSize: {},
      'checks.rate-mismatch': { globalValue: 'warning', workspaceFolderValue: 'off' },
      'checks.sum-mismatch': { workspaceValue: 'hint' },
    };
    assert.deepEqual(explicitSettings(keys, (key) => inspected[key]), { checks: { 'rate-mismatch': 'off', 'sum-mismatch': 'hint' } });
  });

  test('a language block ("[markdown]": { … }) wins over every scope without a language, as in VS Code', () => {
    const keys = ['checks.rate-mismatch', 'checks.undefined-term', 'maxFileSize'];
    const inspected: Record<string, Inspected> = {
      'checks.rate-mismatch': { workspaceFolderValue: 'error', globalLanguageValue: 'warning' },
      'checks.undefined-term': { globalValue: 'hint', workspaceLanguageValue: 'off', workspaceFolderLanguageValue: 'information' },
      maxFileSize: { workspaceValue: 1000 },
    };
    assert.deepEqual(explicitSettings(keys, (key) => inspected[key]), { checks: { 'rate-mismatch': 'warning', 'undefined-term': 'information' }, maxFileSize: 1000 });
  });

  test('every per-document setting may be set for a language (package.json scope language-overridable)', () => {
    const properties = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, { scope?: string }> } } }).contributes.configuration.properties;
    for (const [key, value] of Object.entries(properties)) {
      if (key.startsWith('reportLens.checks.') || key.startsWith('reportLens.inlayHints.') || key === 'reportLens.maxFileSize') assert.equal(value.scope, 'language-overridable', key);
    }
  });

  test('the status bar count leaves out silenced findings, as the Problems view does', () => {
    const doc = service.parse(MISSION);
    assert.deepEqual(service.mismatchCount(doc, DEFAULT_SETTINGS), { figures: 1, headings: 0 });
    assert.deepEqual(service.mismatchCount(doc, DEFAULT_SETTINGS, new ReviewedSet([entryFor(MISSION)])), { figures: 0, headings: 0 });
  });
});

describe('where the server records reviewed findings (issue 14)', () => {
  const quiet = { config: () => undefined, reviewed: () => undefined, watch: () => undefined };

  test('in the workspace folder, naming the report relative to it; never for a lone file, nor through a symlink out of the project', () => {
    const workspace = tempDir();
    mkdirSync(path.join(workspace, 'reports'));
    const report = pathToFileURL(path.join(workspace, 'reports', 'a.report')).href;
    const store = new ProjectStore(quiet);
    store.setFolders([pathToFileURL(workspace).href]);
    const target = store.reviewedTarget(report);
    assert.equal(target?.uri, pathToFileURL(path.join(workspace, '.report-lens', 'reviewed.json')).href);
    assert.equal(target?.report, 'reports/a.report');
    assert.equal(target?.exists, false);

    const lone = new ProjectStore(quiet);
    assert.equal(lone.reviewedTarget(pathToFileURL(path.join(tempDir(), 'b.report')).href), undefined, 'no project chosen: nothing is created unasked');

    const elsewhere = tempDir();
    symlinkSync(elsewhere, path.join(workspace, '.report-lens'));
    store.invalidate();
    assert.equal(store.reviewedTarget(report), undefined);
  });

  test('a malformed reviewed file is told, and gets no quick fix target', () => {
    const workspace = tempDir();
    mkdirSync(path.join(workspace, '.report-lens'));
    writeFileSync(path.join(workspace, '.report-lens', 'reviewed.json'), '{ "reviewed": [');
    const told: string[] = [];
    const store = new ProjectStore({ ...quiet, reviewed: (file, problem) => void told.push(`${file}: ${problem}`) });
    store.setFolders([pathToFileURL(workspace).href]);
    assert.equal(store.reviewedTarget(pathToFileURL(path.join(workspace, 'a.report')).href), undefined);
    assert.equal(told.length, 1);
    assert.match(told[0]!, /reviewed\.json: not valid JSON/);
  });
});
