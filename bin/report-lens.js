#!/usr/bin/env node
'use strict';
// A larger young generation for the worker threads of a folder check: their heaps are made after
// this line, with the flag. This thread's heap is already sized when the launcher runs, so the flag
// does not change it (a 1 MB check scavenges 10 times with or without it). A growth factor does
// (V8 reads it as the young generation grows): 16 cut that to 4 scavenges and about 30 ms of pauses,
// yet the wall time stayed the same in 21 alternating runs, so it is not set.
//
// A later optimising compile: a `report-lens` run is short, and V8's optimising compiler (TurboFan)
// works on background threads that compete with the check for the same cores. At the default
// budget it compiled about 80 functions in a 1 MB check, up to 100 ms each, and its code came too
// late to pay for itself: with the later compile the main thread's time grew by a few percent and
// the process's fell by almost half, and on a busy machine the check no longer waits for the
// compiler. Eight times the budget keeps optimising what runs longest (a large folder); the first
// check of one report runs on the interpreter and baseline code. Measured on 2 shared cores: 1 MB
// of Chinese 620 → 460–530 ms, a 4 MB file and the corpus folder faster too.
require('node:v8').setFlagsFromString('--max-semi-space-size=32 --interrupt-budget=540672');
// Thin launcher: the CLI is bundled by `npm run build` into dist/cli.js.
const { loadWithCodeCache } = require('./codeCache.js');
loadWithCodeCache(require('node:path').join(__dirname, '..', 'dist', 'cli.js'));
