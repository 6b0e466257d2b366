import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getReportLanguageService } from '../../server/src/core/languageService';
import { WorkspaceReports } from '../../server/src/workspaceReports';

describe('report files on disk (workspace symbols)', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'report-lens-workspace-'));
  after(() => rmSync(folder, { recursive: true, force: true }));

  test('after a file event, saved reports are read again and the others keep their parse', async () => {
    const a = path.join(folder, 'a.report');
    const b = path.join(folder, 'b.report');
    writeFileSync(a, '甲报告\n\n一、财政\n\n正文。\n');
    writeFileSync(b, '乙报告\n\n一、教育\n\n正文。\n');
    const reports = new WorkspaceReports(getReportLanguageService());
    reports.setFolders([pathToFileURL(folder).toString()]);
    const first = new Map((await reports.reports(new Set())).map((r) => [r.uri, r.doc]));
    assert.equal(first.size, 2);

    // b is saved with new text (and a later modification time), c is created: a watched-file event.
    writeFileSync(b, '乙报告\n\n一、科技\n\n正文。\n');
    const later = new Date(Date.now() + 5000);
    utimesSync(b, later, later);
    writeFileSync(path.join(folder, 'c.report'), '丙报告\n');
    reports.invalidate();
    const second = new Map((await reports.reports(new Set())).map((r) => [r.uri, r.doc]));
    assert.equal(second.size, 3, 'the new file is listed');
    assert.equal(second.get(pathToFileURL(a).toString()), first.get(pathToFileURL(a).toString()), 'the unchanged report is not parsed again');
    assert.match(second.get(pathToFileURL(b).toString())!.text, /科技/, 'the saved report is read again');
  });
});

describe('the reports globs of report-lens.json (issue 14)', () => {
  test("the workspace index lists the files the project's globs name, and only the default .report files without them", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'report-lens-globs-'));
    try {
      mkdirSync(path.join(folder, 'docs'));
      writeFileSync(path.join(folder, 'a.report'), '甲报告\n');
      writeFileSync(path.join(folder, 'docs', 'b.md'), '乙报告\n');
      writeFileSync(path.join(folder, 'notes.md'), '备忘\n');
      const uri = pathToFileURL(folder).toString();
      const listed = async (globs: readonly string[] | undefined) => {
        const reports = new WorkspaceReports(getReportLanguageService(), undefined, () => globs);
        reports.setFolders([uri]);
        return (await reports.reports(new Set())).map((r) => path.relative(folder, fileURLToPath(r.uri))).sort();
      };
      assert.deepEqual(await listed(undefined), ['a.report']);
      assert.deepEqual(await listed(['**/*.report', 'docs/**/*.md']), ['a.report', path.join('docs', 'b.md')]);
      assert.deepEqual(await listed(['docs/*.{md']), ['a.report'], 'a malformed glob is skipped: the default stands in');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
