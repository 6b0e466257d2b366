// Runs the compiled unit and protocol tests with node's test runner, naming each file.
// `node --test DIR` searched a directory up to Node 20; from Node 21 its arguments are glob
// patterns, and a bare directory matches nothing runnable. Listing the files works on both.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const DIRECTORIES = ['out/test/unit', 'out/test/protocol'];

function testFiles(directory) {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.js') ? [path] : [];
  });
}

// Two files at a time on any machine: most test files wait on child processes (the server, the CLI)
// as much as they compute, so two overlap well even on two cores, and no more keeps the timing-
// sensitive protocol tests (debounce, cancellation) from starving. Node 20's default is one
// file at a time on two cores (the cores minus one).
const CONCURRENCY = 2;

const files = DIRECTORIES.flatMap(testFiles).sort();
if (files.length === 0) {
  console.error(`no compiled tests under ${DIRECTORIES.join(', ')}: run npm run build first`);
  process.exit(1);
}
const run = spawnSync(process.execPath, ['--test', '--test-reporter=spec', `--test-concurrency=${CONCURRENCY}`, ...process.argv.slice(2), ...files], { stdio: 'inherit' });
process.exit(run.status ?? 1);
