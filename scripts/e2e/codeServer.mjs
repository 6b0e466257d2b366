// Starts code-server (the VS Code server with the real workbench) on a free
// loopback port in its own process group, and headless Debian Chromium on it.
// Used by run.mjs (the editor tests) and screenshots.mjs.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The folders (all inside `scratch`) and environment code-server runs with. */
function serverSetup(paths, scratch) {
  const dirs = {};
  for (const name of ['user-data', 'extensions', 'tmp', 'config', 'data', 'cache', 'runtime', 'state']) {
    dirs[name] = join(scratch, name);
    mkdirSync(dirs[name], { recursive: true, mode: 0o700 });
  }
  const env = {
    ...process.env,
    PATH: [join(paths.nodeDir, 'bin'), process.env.PATH].join(delimiter),
    TMPDIR: dirs.tmp,
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    XDG_CACHE_HOME: dirs.cache,
    XDG_RUNTIME_DIR: dirs.runtime,
    XDG_STATE_HOME: dirs.state,
  };
  for (const key of Object.keys(env)) {
    if (/^(npm_|VSCODE_)/.test(key)) delete env[key];
  }
  return { dirs, env };
}

/** Installs a .vsix into the scratch extensions folder (what a user's install looks like). */
export function installExtension({ paths, scratch, vsix }) {
  const { dirs, env } = serverSetup(paths, scratch);
  const result = spawnSync(paths.node, [paths.codeServer, '--user-data-dir', dirs['user-data'], '--extensions-dir', dirs.extensions, '--install-extension', vsix], { env, cwd: scratch, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`installing ${vsix} failed:\n${result.stdout}${result.stderr}`);
}

/**
 * Starts code-server with every folder it writes to inside `scratch`, in a
 * process group of its own. `userSettings` are written to the user's
 * settings.json first. Returns { port, url(folder, payload), remote(path), stop(), tail() }.
 */
export async function startCodeServer({ paths, scratch, log = () => {}, userSettings }) {
  const { dirs, env } = serverSetup(paths, scratch);
  if (userSettings) {
    mkdirSync(join(dirs['user-data'], 'User'), { recursive: true });
    writeFileSync(join(dirs['user-data'], 'User', 'settings.json'), JSON.stringify(userSettings, null, 2) + '\n');
  }
  const port = await freePort();
  const logFile = join(scratch, 'code-server.log');
  const logStream = createWriteStream(logFile);
  const args = [
    paths.codeServer,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir', dirs['user-data'],
    '--extensions-dir', dirs.extensions,
    '--vscode-option', 'enable-smoke-test-driver',
  ];
  const child = spawn(paths.node, args, { env, cwd: scratch, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(logStream, { end: false });
  child.stderr.pipe(logStream, { end: false });
  let exited = false;
  child.on('exit', (code, signal) => {
    exited = true;
    log(`code-server exited (${code ?? signal})`);
  });

  const stop = async () => {
    if (child.pid === undefined) return;
    // The whole group: code-server, its VS Code server, extension hosts, language servers.
    for (const [signal, wait] of [['SIGTERM', 3000], ['SIGKILL', 1000]]) {
      try {
        process.kill(-child.pid, signal);
      } catch {
        break; // group already gone
      }
      const deadline = Date.now() + wait;
      while (Date.now() < deadline && groupAlive(child.pid)) await sleep(100);
      if (!groupAlive(child.pid)) break;
    }
    logStream.end();
  };
  const tail = (lines = 40) => {
    try {
      return readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  };

  // Ready when /healthz answers.
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited during start-up:\n${tail()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on port ${port} within 60 s:\n${tail()}`);
    }
    await sleep(200);
  }
  log(`code-server listening on 127.0.0.1:${port} (pid ${child.pid})`);

  const remote = (absolutePath) => `vscode-remote://127.0.0.1:${port}${absolutePath}`;
  const url = (folder, payload) => {
    const query = [`folder=${encodeURIComponent(folder)}`];
    if (payload) query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
    return `http://127.0.0.1:${port}/?${query.join('&')}`;
  };
  return { port, remote, url, stop, tail, logFile, pid: child.pid };
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Headless Debian Chromium with a fresh profile in `profileDir`. */
export async function launchBrowser({ executablePath, profileDir, viewport = { width: 1400, height: 900 } }) {
  mkdirSync(profileDir, { recursive: true });
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport,
    locale: 'en-US',
    timeout: 60_000,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

