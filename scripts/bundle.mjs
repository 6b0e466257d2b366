// Bundles the three entry points with esbuild. tsc -b only type-checks and
// emits test JavaScript; what ships (client, server, CLI) comes from here.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

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
];

if (watch) {
  for (const entry of entries) {
    const ctx = await esbuild.context({ ...common, ...entry });
    await ctx.watch();
  }
  console.log('esbuild: watching client, server and CLI');
} else {
  await Promise.all(entries.map((entry) => esbuild.build({ ...common, ...entry })));
}
