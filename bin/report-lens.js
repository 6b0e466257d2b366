#!/usr/bin/env node
'use strict';
// A larger young generation: checking a report allocates many short-lived objects (figures,
// clauses, findings), and with the default semi-space the scavenger runs several times as often.
// This thread's heap is already sized when the launcher runs, so the largest semi-space applies to
// the worker threads of a folder check only; here the young generation starts at 1 MB and grows by
// the growth factor at each scavenge that keeps much of it, which V8 reads as it grows: 16 reaches
// the full size at the second scavenge instead of the fifth. Each scavenge copies the report model
// built so far, so fewer of them matter: on 1 MB of Chinese, 10 scavenges became 4, about 30 ms less.
//
// A later optimising compile: a `report-lens` run is short, and V8's optimising compiler (TurboFan)
// works on background threads that compete with the check for the same cores. At the default
// budget it compiled about 80 functions in a 1 MB check, up to 100 ms each, and its code came too
// late to pay for itself: the main thread's time was the same with or without it, the process's
// was twice as much, and on a busy machine the check waited for the compiler. Eight times the
// budget keeps optimising what runs longest (a large folder); the first check of one report runs on
// the interpreter and baseline code. Measured: 1 MB of Chinese 650 → 500 ms, a 4 MB file and the
// corpus folder faster too.
require('node:v8').setFlagsFromString('--max-semi-space-size=32 --semi-space-growth-factor=16 --interrupt-budget=540672');
// Thin launcher: the CLI is bundled by `npm run build` into dist/cli.js.
const { loadWithCodeCache } = require('./codeCache.js');
loadWithCodeCache(require('node:path').join(__dirname, '..', 'dist', 'cli.js'));
