// Bundles the three entry points with esbuild. tsc -b only type-checks and
// emits test JavaScript; what ships (client, server, CLI) comes from here.
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  define: { __SERVER_VERSION__: JSON.stringify(version), __CLI_VERSION__: JSON.stringify(version) },
  // mammoth is given archives already opened (server/src/docx/zipReader.ts): its zip library is not needed.
  alias: { jszip: './server/src/docx/noJszip.ts' },
};

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['server/src/cli/bin.ts'], outfile: 'dist/cli.js' },
  // Found by the CLI beside itself (workerPool.ts: __dirname/checkWorker.js) for `check` on many files.
  { entryPoints: ['server/src/cli/checkWorker.ts'], outfile: 'dist/checkWorker.js' },
];

if (watch) {
  for (const entry of entries) {
    const ctx = await esbuild.context({ ...common, ...entry });
    await ctx.watch();
  }
  console.log('esbuild: watching client, server and CLI');
} else {
  await Promise.all(entries.map((entry) => esbuild.build({ ...common, ...entry })));
  for (const { outfile } of entries) asciiOnly(outfile);
}

/**
 * Escapes what esbuild leaves outside ASCII (the Chinese in regular expression literals, and
 * comments). Node reads a module's source as UTF-8: one character outside ASCII makes the whole
 * bundle a two-byte string, which took 6 ms to read instead of 2 for the CLI's 2 MB, at every
 * `report-lens` run and server start. A \uXXXX escape means the same character in a string, a
 * template, a regular expression (with or without the u flag: a surrogate pair escaped stays one
 * code point) and a comment; an escaped non-ASCII character (a backslash before it) would not, so
 * the build stops on one (and on a raw line separator). Columns after an escape on its line move in the source map (only lines
 * with Chinese in a pattern).
 */
function asciiOnly(file) {
  const source = readFileSync(file, 'utf8');
  // A raw line or paragraph separator ends a // comment, and its escape would not.
  if (/\\[^\x00-\x7f]|[\u2028\u2029]/.test(source)) throw new Error(`${file}: a backslash before a non-ASCII character, or a raw line separator, cannot be escaped safely`);
  // eslint-disable-next-line no-control-regex
  const ascii = source.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (ascii !== source) writeFileSync(file, ascii);
}
