#!/usr/bin/env node
// Takes the README's screenshots in a real VS Code workbench: code-server with
// the extension installed from a .vsix packaged from this repository (as a
// user installs it), in headless Debian Chromium (1400×900).
//
// Writes docs/images/hover-figure.png, diagnostic-quick-fix.png, outline-zh.png and word-document.png.
// REPORT_LENS_E2E_KEEP=1 keeps the scratch folder; REPORT_LENS_SHOTS=shotWordDocument takes only that shot.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureInstalled } from './install.mjs';
import { installExtension, launchBrowser, sleep, startCodeServer } from './codeServer.mjs';
import { createWorkspace, makeScratch, removeScratch, repoRoot } from './workspace.mjs';

const OUT_DIR = join(repoRoot, 'docs', 'images');
const FILE = 'work-report-zh.report';
const log = (message) => process.stderr.write(`[screenshots] ${message}\n`);

/** The screenshot profile: a plain workbench without the chat side bar or tips. */
const USER_SETTINGS = {
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'chat.disableAIFeatures': true,
  'window.commandCenter': true,
  // VS Code's Unicode highlighting boxes every full-width space and punctuation
  // mark of Chinese text unless the display language is Chinese; a Chinese
  // reader turns it off, and so does this profile.
  'editor.unicodeHighlight.ambiguousCharacters': false,
  'editor.unicodeHighlight.invisibleCharacters': false,
};

/** Packages the extension (vsce runs `vscode:prepublish`, a production build) into `vsix`. */
function packageExtension(vsix) {
  const vsce = join(repoRoot, 'node_modules', '.bin', 'vsce');
  const result = spawnSync(vsce, ['package', '--no-dependencies', '--no-rewrite-relative-links', '--out', vsix], { cwd: repoRoot, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`vsce package failed:\n${result.stdout}${result.stderr}`);
  // The prepublish step left minified bundles without source maps in dist/: put the development build back.
  const bundle = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'bundle.mjs')], { cwd: repoRoot, encoding: 'utf8' });
  if (bundle.status !== 0) throw new Error(`restoring the development bundles failed:\n${bundle.stdout}${bundle.stderr}`);
}

/** Centre of the first `length` characters of `needle` as rendered in the visible editor, or null. */
async function textPoint(page, needle, length = needle.length) {
  return page.evaluate(
    ({ needle, length }) => {
      const editor = document.querySelector('.editor-group-container.active .monaco-editor .view-lines') ?? document.querySelector('.monaco-editor .view-lines');
      if (!editor) return null;
      for (const line of editor.querySelectorAll('.view-line')) {
        const text = line.textContent ?? '';
        const at = text.indexOf(needle);
        if (at < 0) continue;
        // Map [at, at + length) onto the line's text nodes.
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        const range = document.createRange();
        let offset = 0;
        let started = false;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const size = node.textContent.length;
          if (!started && at < offset + size) {
            range.setStart(node, at - offset);
            started = true;
          }
          if (started && at + length <= offset + size) {
            range.setEnd(node, at + length - offset);
            const rect = range.getBoundingClientRect();
            return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
          }
          offset += size;
        }
      }
      return null;
    },
    { needle, length },
  );
}

async function waitFor(probe, what, timeoutMs = 45_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

/** Runs a workbench command through the F1 palette, as a user would. */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await sleep(500);
}

/** Moves the cursor to a line with Go to Line (Ctrl+G), which also scrolls it into view. */
async function goToLine(page, line) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(`:${line}`);
  await page.keyboard.press('Enter');
  await sleep(500);
}

async function openWorkbench(server, workspace, file) {
  const url = server.url(workspace, [
    ['openFile', server.remote(join(workspace, file))],
    ['skipWelcome', 'true'],
  ]);
  await server.page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  const page = server.page;
  // The tab is there; the workbench may restore an earlier shot's scroll position, so go to the top.
  await page.locator('.tab', { hasText: file }).first().waitFor({ timeout: 60_000 });
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+Home');
  // The editor shows the file from its first line.
  await waitFor(() => textPoint(page, '云澜市2025年政府工作报告'), `${file} in an editor`);
  // Let the workbench settle (notifications, extension activation).
  await sleep(3000);
  await runCommand(page, 'Notifications: Clear All Notifications');
  await page.mouse.move(5, 890);
  return page;
}

/** Hovers `needle` until a hover containing `expected` shows (the server may still be starting). */
async function hoverUntil(page, needle, length, expected) {
  return waitFor(async () => {
    const point = await textPoint(page, needle, length);
    if (!point) return null;
    await page.mouse.move(point.x - 40, point.y + 60);
    await sleep(150);
    await page.mouse.move(point.x, point.y, { steps: 4 });
    try {
      const hover = page.locator('.monaco-hover:visible', { hasText: expected }).first();
      await hover.waitFor({ state: 'visible', timeout: 3_000 });
      return point;
    } catch {
      return null;
    }
  }, `a hover with “${expected}” over “${needle}”`);
}

async function shotHover(server, workspace) {
  const page = await openWorkbench(server, workspace, FILE);
  await hoverUntil(page, '2860亿元', 4, '286,000,000,000');
  await sleep(500);
  const file = join(OUT_DIR, 'hover-figure.png');
  await page.screenshot({ path: file });
  log(`wrote ${file}`);
}

async function shotQuickFix(server, workspace) {
  const page = await openWorkbench(server, workspace, FILE);
  await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
  await page.locator('.markers-panel .monaco-list-row', { hasText: '97.5%' }).first().waitFor({ timeout: 45_000 });
  // Back in the editor: put the cursor on the misstated rate and open the quick fixes (Ctrl+.).
  await goToLine(page, 26);
  const point = await waitFor(() => textPoint(page, '整改率97.5%'), 'the planted rate on screen');
  const rate = await textPoint(page, '97.5%', 2);
  await page.mouse.click(rate.x, rate.y);
  await page.keyboard.press('Control+.');
  await page.locator('.action-widget', { hasText: '95.8%' }).first().waitFor({ state: 'visible', timeout: 20_000 });
  await page.mouse.move(point.x, point.y - 200);
  await sleep(500);
  const file = join(OUT_DIR, 'diagnostic-quick-fix.png');
  await page.screenshot({ path: file });
  log(`wrote ${file}`);
}

async function shotOutline(server, workspace) {
  const page = await openWorkbench(server, workspace, FILE);
  await runCommand(page, 'Explorer: Focus on Outline View');
  // Room for the outline: collapse the folder tree above it and widen the side bar.
  await page.locator('.part.sidebar .pane-header', { hasText: 'workspace' }).first().click();
  const sidebar = await page.locator('.part.sidebar').boundingBox();
  if (sidebar) {
    const x = sidebar.x + sidebar.width + 1;
    const y = sidebar.y + sidebar.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 160, y, { steps: 10 });
    await page.mouse.up();
  }
  await page.locator('.outline-pane .monaco-list-row', { hasText: '（2）壮大优质企业梯队' }).first().waitFor({ timeout: 45_000 });
  // Select a section so the outline and the editor show the same place.
  await page.locator('.outline-pane .monaco-list-row', { hasText: '（二）深化“放管服”改革' }).first().click();
  await sleep(800);
  await page.mouse.move(5, 890);
  await sleep(300);
  const file = join(OUT_DIR, 'outline-zh.png');
  await page.screenshot({ path: file });
  log(`wrote ${file}`);
}

/** Expands or collapses a view of the side bar by its header. */
async function setPane(page, title, expanded) {
  const header = page.locator('.part.sidebar .pane-header', { hasText: title }).first();
  await header.waitFor({ timeout: 15_000 });
  if ((await header.getAttribute('aria-expanded')) !== String(expanded)) await header.click();
  await sleep(300);
}

/** The example .docx opened from the Explorer's context menu, with its outline and the finding of paragraph 4. */
async function shotWordDocument(server, workspace) {
  const page = await openWorkbench(server, workspace, FILE);
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'statistical-bulletin-zh.docx' }).first();
  await row.waitFor({ timeout: 30_000 });
  await row.click({ button: 'right' });
  await page.locator('.monaco-menu .action-label', { hasText: 'Open Word Document as Report' }).first().click();
  await waitFor(() => textPoint(page, '高新技术企业由320家增至410家'), 'the text of the .docx in an editor');
  // Only the report in the editor area (a middle click closes a tab), and room for the outline.
  await page.locator('.tab', { hasText: FILE }).first().click({ button: 'middle' });
  await setPane(page, 'workspace', false);
  await setPane(page, 'Outline', true);
  await page.locator('.outline-pane .monaco-list-row', { hasText: '二、社会民生' }).first().waitFor({ timeout: 45_000 });
  await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
  await page.locator('.markers-panel .monaco-list-row', { hasText: '18.1%' }).first().waitFor({ timeout: 45_000 });
  // Hover the misstated change so its message shows over the text.
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
  await hoverUntil(page, '18.1%', 4, '28.13%');
  await sleep(500);
  const file = join(OUT_DIR, 'word-document.png');
  await page.screenshot({ path: file });
  log(`wrote ${file}`);
}

/** REPORT_LENS_SHOTS=shotWordDocument,… takes only those shots (the others' images stay as they are). */
function chosen(shots) {
  const names = process.env.REPORT_LENS_SHOTS?.split(',').map((name) => name.trim()).filter(Boolean);
  return names?.length ? shots.filter((shot) => names.includes(shot.name)) : shots;
}

async function main() {
  const paths = ensureInstalled();
  mkdirSync(OUT_DIR, { recursive: true });
  const scratch = makeScratch('report-lens-shots-');
  let server;
  let browser;
  try {
    const workspace = createWorkspace(scratch);
    const vsix = join(scratch, 'report-lens.vsix');
    packageExtension(vsix);
    installExtension({ paths, scratch, vsix });
    log('installed the packaged extension');
    server = await startCodeServer({ paths, scratch, log, userSettings: USER_SETTINGS });
    browser = await launchBrowser({ executablePath: paths.chromium, profileDir: join(scratch, 'chromium') });
    server.page = browser.page;
    for (const shot of chosen([shotHover, shotQuickFix, shotOutline, shotWordDocument])) {
      try {
        await shot(server, workspace);
      } catch (error) {
        const failed = join(scratch, `${shot.name}-failed.png`);
        await browser.page.screenshot({ path: failed }).catch(() => {});
        throw new Error(`${shot.name}: ${error instanceof Error ? error.message : String(error)} (screen at ${failed}; set REPORT_LENS_E2E_KEEP=1 to keep it)`);
      }
    }
    return 0;
  } finally {
    await browser?.context.close().catch(() => {});
    await server?.stop().catch(() => {});
    if (process.env.REPORT_LENS_E2E_KEEP) log(`kept ${scratch}`);
    else removeScratch(scratch);
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    log(`FAILED: ${error instanceof Error ? error.stack || error.message : String(error)}`);
    process.exit(1);
  },
);
