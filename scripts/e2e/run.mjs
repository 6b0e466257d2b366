#!/usr/bin/env node
// Runs the editor test suite (out/e2e/suite) inside code-server driven by
// headless Chromium, offline. `npm run test:e2e` builds first; this script
// builds nothing. Exit code: the suite's (non-zero on any failure), 2 on a
// time-out or a set-up failure.
//
// Environment: REPORT_LENS_E2E_TIMEOUT (seconds, default 180) bounds the run
// after the page loads; REPORT_LENS_E2E_KEEP=1 keeps the scratch folder;
// REPORT_LENS_E2E_GREP narrows the run to matching test titles.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { ensureInstalled } from './install.mjs';
import { launchBrowser, startCodeServer } from './codeServer.mjs';
import { createWorkspace, makeScratch, removeScratch, repoRoot, suiteIndex } from './workspace.mjs';

const TIMEOUT_S = Number(process.env.REPORT_LENS_E2E_TIMEOUT || 180);
// Workbench chatter that the console forwarding also carries; the suite's
// own output starts at its "editor tests: starting" line.
const NOISE = /^(\[(ChatModelSelection|AccountPolicyGate|AgentHost[^\]]*|Service Worker|reconnection-grace-time)\]|Ignoring fetching additional builtin extensions|Updating additional builtin extensions cache|Resolving connection token|Resolved connection token|Creating a socket)/;
const SUITE_START = /^editor tests: starting/;
const log = (message) => process.stderr.write(`[e2e] ${message}\n`);

async function main() {
  const started = Date.now();
  for (const [file, hint] of [
    [suiteIndex, 'compile the suite with `tsc -p test/e2e`'],
    [join(repoRoot, 'dist', 'client.js'), 'build the extension with `npm run build`'],
    [join(repoRoot, 'dist', 'server.js'), 'build the extension with `npm run build`'],
  ]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: ${hint} (or run \`npm run test:e2e\`)`);
  }
  const paths = ensureInstalled();

  const scratch = makeScratch();
  let server;
  let browser;
  const cleanup = async () => {
    await browser?.context.close().catch(() => {});
    await server?.stop().catch(() => {});
    if (process.env.REPORT_LENS_E2E_KEEP) log(`kept ${scratch}`);
    else removeScratch(scratch);
  };
  const onSignal = (signal) => {
    log(`${signal}: stopping`);
    cleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const workspace = createWorkspace(scratch);
    server = await startCodeServer({ paths, scratch, log });
    browser = await launchBrowser({ executablePath: paths.chromium, profileDir: join(scratch, 'chromium') });
    const { page } = browser;

    let settle;
    const exitCode = new Promise((resolve) => (settle = resolve));
    const beforeSuite = [];
    let suiteStarted = false;
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      // The extension host's console, forwarded as (level, [format, ...values]).
      const text = Array.isArray(args) ? format(...args) : String(args);
      if (!suiteStarted && SUITE_START.test(text)) suiteStarted = true;
      if (!suiteStarted) {
        beforeSuite.push(`${type}: ${text}`);
        return;
      }
      if (NOISE.test(text)) return;
      const stream = type === 'error' ? process.stderr : process.stdout;
      stream.write(text.endsWith('\n') ? text : `${text}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (code) => settle(Number(code)));
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(String(error)));

    const url = server.url(workspace, [
      ['extensionDevelopmentPath', server.remote(repoRoot)],
      ['extensionTestsPath', server.remote(suiteIndex)],
      ['enableProposedApi', ''],
      ['skipWelcome', 'true'],
    ]);
    log(`loading the workbench (setup ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });

    let timer;
    const timeout = new Promise((resolve) => {
      timer = setTimeout(() => resolve('timeout'), TIMEOUT_S * 1000);
    });
    const result = await Promise.race([exitCode, timeout]);
    clearTimeout(timer);
    if (result === 'timeout') {
      log(`TIMEOUT: the suite did not finish within ${TIMEOUT_S} s`);
      if (!suiteStarted) log(`the suite never started; workbench console:\n${beforeSuite.slice(-40).join('\n')}`);
      if (pageErrors.length) log(`page errors:\n${pageErrors.join('\n')}`);
      log(`code-server log (tail):\n${server.tail()}`);
      return 2;
    }
    log(`suite exited with ${result} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (result !== 0 && !suiteStarted) log(`the suite never started; workbench console:\n${beforeSuite.slice(-40).join('\n')}`);
    if (result !== 0) log(`code-server log (tail):\n${server.tail(20)}`);
    return result === 0 ? 0 : result || 1;
  } finally {
    await cleanup();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    log(`FAILED: ${error instanceof Error ? error.stack || error.message : String(error)}`);
    process.exit(2);
  },
);
