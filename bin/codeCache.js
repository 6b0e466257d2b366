'use strict';
/**
 * Loads the CLI bundle with V8's code cache. Compiling the 1–2 MB bundle took about 60 ms of every
 * `report-lens` run (a third of a one-file check); with the bytecode V8 saved on an earlier run it
 * takes about 10. Node 22.1+ does this itself (module.enableCompileCache); on Node 20 the launcher
 * keeps the cache: one file per bundle version, in the user's cache folder (never a shared temp
 * folder: V8 checks a cache against the source's length, not its content, so another user's file
 * must never be loaded). Anything that goes wrong falls back to a plain require.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const Module = require('node:module');
const vm = require('node:vm');

function loadWithCodeCache(bundle) {
  if (typeof Module.enableCompileCache === 'function') {
    // Node's own cache: the same, kept by Node (in its default folder, per user).
    try {
      Module.enableCompileCache();
    } catch {
      // a cache folder Node cannot use: compile as usual
    }
    require(bundle);
    return;
  }
  let run;
  try {
    run = prepare(bundle);
  } catch {
    run = undefined;
  }
  if (run) run();
  else require(bundle);
}

/** The bundle compiled with the cached bytecode if there is usable cache; undefined to require it plainly. */
function prepare(bundle) {
  if (process.env.REPORT_LENS_NO_CODE_CACHE) return undefined;
  const dir = cacheFolder();
  if (!dir) return undefined;
  const source = fs.readFileSync(bundle, 'utf8');
  const stat = fs.statSync(bundle);
  // One cache per command: saved at the end of a run, it holds the functions that command compiled.
  const command = /^(check|outline|figures|relations)$/.test(process.argv[2] ?? '') ? process.argv[2] : 'other';
  const name = `${path.basename(bundle)}-${command}-${process.version}-${process.arch}-${stat.size}-${Math.trunc(stat.mtimeMs)}.cache`;
  const file = path.join(dir, name);
  let cachedData;
  try {
    cachedData = fs.readFileSync(file);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  const fresh = cachedData === undefined || script.cachedDataRejected === true;
  if (fresh) {
    // Saved when the run ends: by then the functions this command needed are compiled too.
    process.once('exit', () => save(dir, file, script));
  }
  return () => {
    const module = new Module(bundle, require.main ?? null);
    module.filename = bundle;
    module.paths = Module._nodeModulePaths(path.dirname(bundle));
    const wrapper = script.runInThisContext();
    wrapper.call(module.exports, module.exports, Module.createRequire(bundle), module, bundle, path.dirname(bundle));
  };
}

/** The user's own cache folder (created private), or undefined when there is none to write. */
function cacheFolder() {
  const base =
    process.env.REPORT_LENS_CACHE_DIR ||
    (process.platform === 'win32' ? process.env.LOCALAPPDATA : process.platform === 'darwin' ? path.join(os.homedir(), 'Library', 'Caches') : process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'));
  if (!base) return undefined;
  const dir = process.env.REPORT_LENS_CACHE_DIR ? base : path.join(base, 'report-lens');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') {
    const stat = fs.statSync(dir);
    if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) return undefined;
    if ((stat.mode & 0o022) !== 0) return undefined;
  }
  return dir;
}

/** Writes the cache atomically (a rename), dropping older caches of the same bundle and command. */
function save(dir, file, script) {
  try {
    const data = script.createCachedData();
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, data, { mode: 0o600 });
    fs.renameSync(temporary, file);
    const prefix = path.basename(file).split('-').slice(0, 2).join('-') + '-';
    for (const old of fs.readdirSync(dir)) {
      if (old.startsWith(prefix) && old.endsWith('.cache') && path.join(dir, old) !== file) fs.rmSync(path.join(dir, old), { force: true });
    }
  } catch {
    // no cache this time: the next run compiles again
  }
}

module.exports = { loadWithCodeCache };
