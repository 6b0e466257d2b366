/**
 * Entry point of the editor test suite, loaded by the extension host of a real
 * VS Code (code-server in a headless browser, or VS Code desktop through
 * @vscode/test-electron). It runs every `*.test.js` beside it with mocha and
 * rejects when a test fails, which makes the runner exit non-zero.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: 60_000,
    slow: 5_000,
    // REPORT_LENS_E2E_GREP narrows the run to matching test titles.
    ...(process.env['REPORT_LENS_E2E_GREP'] ? { grep: process.env['REPORT_LENS_E2E_GREP'] } : {}),
  });
  const files = fs
    .readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js'))
    .sort();
  for (const name of files) mocha.addFile(path.join(__dirname, name));
  // The runners print the extension host's console from this line on.
  console.log(`editor tests: starting ${files.length} files in VS Code ${vscode.version} (${vscode.env.remoteName ? `remote ${vscode.env.remoteName}` : 'desktop'})`);

  const stats = await new Promise<Mocha.Stats>((resolve, reject) => {
    try {
      const runner = mocha.run(() => resolve(runner.stats ?? emptyStats()));
    } catch (error) {
      reject(error);
    }
  });
  // A plain closing line that CI logs and humans can both read.
  console.log(`editor: ${stats.passes} passed, ${stats.failures} failed, ${stats.pending} skipped`);
  if (stats.tests === 0) throw new Error('no editor test ran');
  if (stats.failures > 0) throw new Error(`${stats.failures} editor test(s) failed`);
}

function emptyStats(): Mocha.Stats {
  return { suites: 0, tests: 0, passes: 0, pending: 0, failures: 0 };
}
