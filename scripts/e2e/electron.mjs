#!/usr/bin/env node
// Runs the same editor test suite (out/e2e/suite) in VS Code desktop through
// @vscode/test-electron, for machines that can download VS Code. Offline it
// fails fast with a clear message (the download has an idle time-out) instead
// of hanging; use `npm run test:e2e` (code-server) there.
//
// Environment: REPORT_LENS_E2E_VSCODE_VERSION (default "stable"),
// REPORT_LENS_E2E_TIMEOUT (seconds for the test run, default 600).
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { createWorkspace, makeScratch, removeScratch, repoRoot, suiteIndex } from './workspace.mjs';

const log = (message) => process.stderr.write(`[e2e electron] ${message}\n`);
const version = process.env.REPORT_LENS_E2E_VSCODE_VERSION || 'stable';
const timeoutS = Number(process.env.REPORT_LENS_E2E_TIMEOUT || 600);
const cachePath = join(process.env.REPORT_LENS_E2E_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'report-lens-e2e'), 'vscode-test');

async function main() {
  if (!existsSync(suiteIndex)) {
    log(`${suiteIndex} is missing: run \`npm run test:e2e:electron\` (it builds and compiles the suite first)`);
    return 2;
  }
  let executable;
  try {
    log(`downloading VS Code ${version} into ${cachePath} (skipped when cached)`);
    executable = await downloadAndUnzipVSCode({ version, cachePath, timeout: 15_000 });
  } catch (error) {
    log(`FAILED: could not download VS Code ${version}: ${error instanceof Error ? error.message : String(error)}`);
    log('This runner needs access to the VS Code update service. Offline, run `npm run test:e2e` (code-server in headless Chromium) instead.');
    return 3;
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    log('warning: no DISPLAY; on a headless Linux machine run this under xvfb-run');
  }
  const scratch = makeScratch();
  const timer = setTimeout(() => {
    log(`TIMEOUT: the suite did not finish within ${timeoutS} s`);
    removeScratch(scratch);
    process.exit(2);
  }, timeoutS * 1000);
  try {
    const workspace = createWorkspace(scratch);
    return await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: suiteIndex,
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir', join(scratch, 'user-data'),
        '--extensions-dir', join(scratch, 'extensions'),
      ],
    });
  } catch (error) {
    log(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    clearTimeout(timer);
    removeScratch(scratch);
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    log(`FAILED: ${error instanceof Error ? error.stack || error.message : String(error)}`);
    process.exit(2);
  },
);
