#!/usr/bin/env node
// Draws the sentence samples behind test/fixtures/corpus/gold-relations.json.
//
//   npm run build                      # the parser is read from out/
//   node scripts/eval/sample-gold.mjs [--seed N] [--zh 170] [--en 60] > sample.json
//   node scripts/eval/sample-gold.mjs --stratum dense [--seed N] [--zh 200] [--en N] > dense.json
//
// Sentences are the spans the project's own parser finds (paragraphs[].sentences
// of parse(text)), so a sentence of the gold set is a sentence of the tool.
//
// Stratum "random" (the default, seed 20261203): the only filter is that a
// sentence contains a digit, a Chinese numeral character or an English cardinal
// number word (two, million…); nothing about what the extractor finds decides
// whether a sentence is drawn.
//
// Stratum "dense" (seed 20261204): a sentence is eligible when the project's
// figure scanner (doc.figures of the same parse) finds at least TWO quantity
// figures starting inside it — kinds other than date, year, time, ordinal and
// code (isQuantity of server/src/core/figures/figure.ts) — and it is not a
// sentence of the random stratum (recomputed here with that stratum's default
// seed and counts). The scanner only locates numbers; no relation finder is
// consulted. Default: 200 Chinese sentences and every eligible English one.
//
// Each language's eligible sentences are pooled over its documents and drawn
// uniformly without replacement (partial Fisher–Yates driven by mulberry32).
// The Chinese draw uses the seed, the English draw continues the same stream;
// when a language has fewer eligible sentences than asked, all are taken.
// The sample is printed as skeleton gold entries (relations to be annotated by
// hand), in document order; counts go to stderr.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const { parse } = require(join(root, 'out/server/src/core/parser/parse.js'));
const { isQuantity } = require(join(root, 'out/server/src/core/figures/figure.js'));

const args = process.argv.slice(2);
function option(name, fallback) {
  const at = args.indexOf(name);
  return at >= 0 && at + 1 < args.length ? Number(args[at + 1]) : fallback;
}
const stratumAt = args.indexOf('--stratum');
const stratum = stratumAt >= 0 ? args[stratumAt + 1] : 'random';
if (stratum !== 'random' && stratum !== 'dense') {
  process.stderr.write(`unknown stratum ${stratum} (random or dense)\n`);
  process.exit(2);
}
const RANDOM_DEFAULTS = { seed: 20261203, zh: 170, en: 60 };
const DENSE_DEFAULTS = { seed: 20261204, zh: 200, en: Infinity };
const defaults = stratum === 'dense' ? DENSE_DEFAULTS : RANDOM_DEFAULTS;
const seed = option('--seed', defaults.seed);
const zhCount = option('--zh', defaults.zh);
const enCount = option('--en', defaults.en);

const corpus = join(root, 'test/fixtures/corpus');
const zhFiles = [
  ...readdirSync(join(corpus, 'work-reports-zh'))
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => join(corpus, 'work-reports-zh', name)),
  ...[2010, 2012, 2014].map((year) => join(corpus, `gov-work-report-${year}-zh.txt`)),
];
const enFiles = [join(corpus, 'bls-employment-situation-2023-03-en.md')];

/** A digit (ASCII or full-width) or a Chinese numeral character. */
const NUMERAL = /[0-9０-９〇○零一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]/u;
/** An English cardinal number word, the English counterpart of a Chinese numeral ("two monthly surveys"). */
const NUMBER_WORD =
  /\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen)\b/i;
const eligible = (text) => NUMERAL.test(text) || NUMBER_WORD.test(text);

function mulberry32(a) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every sentence of every file, in document order, with its 1-based line. */
function sentencesOf(files) {
  const all = [];
  for (const file of files) {
    // As the CLI reads a report: UTF-8, BOM removed.
    const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    const model = parse(text);
    const quantityStarts = model.figures.filter(isQuantity).map((figure) => figure.span.start);
    for (const paragraph of model.paragraphs) {
      for (const span of paragraph.sentences) {
        all.push({
          file: relative(root, file).split('\\').join('/'),
          line: model.lines.lineAt(span.start) + 1,
          start: span.start,
          text: text.slice(span.start, span.end),
          quantities: quantityStarts.filter((at) => at >= span.start && at < span.end).length,
        });
      }
    }
  }
  return all;
}

function draw(pool, count, random) {
  const order = pool.map((_, index) => index);
  const n = Math.min(count, order.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (order.length - i));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order.slice(0, n).sort((a, b) => a - b).map((index) => pool[index]);
}

const languages = [
  ['zh', zhFiles],
  ['en', enFiles],
].map(([language, files]) => ({ language, files, all: sentencesOf(files) }));
const keyOf = (sentence) => `${sentence.file}:${sentence.start}`;

/** The random stratum: eligible = holds a number; drawn with its seed and counts. */
function randomStratum(seedValue, counts, report) {
  const random = mulberry32(seedValue);
  const drawnAll = [];
  for (const { language, files, all } of languages) {
    const pool = all.filter((sentence) => eligible(sentence.text));
    const drawn = draw(pool, counts[language], random);
    report?.(
      `${language}: ${files.length} documents, ${all.length} sentences, ` +
        `${pool.length} with a number (digit, Chinese numeral or English number word), ${all.length - pool.length} excluded, ${drawn.length} drawn\n`,
    );
    drawnAll.push(...drawn);
  }
  return drawnAll;
}

let sample;
if (stratum === 'random') {
  sample = randomStratum(seed, { zh: zhCount, en: enCount }, (line) => process.stderr.write(line));
} else {
  const taken = new Set(randomStratum(RANDOM_DEFAULTS.seed, RANDOM_DEFAULTS).map(keyOf));
  const random = mulberry32(seed);
  sample = [];
  const counts = { zh: zhCount, en: enCount };
  for (const { language, files, all } of languages) {
    const dense = all.filter((sentence) => sentence.quantities >= 2);
    const pool = dense.filter((sentence) => !taken.has(keyOf(sentence)));
    const drawn = draw(pool, counts[language], random);
    process.stderr.write(
      `${language}: ${files.length} documents, ${all.length} sentences, ${dense.length} with >= 2 quantity figures, ` +
        `${dense.length - pool.length} of them in the random stratum, ${pool.length} eligible, ${drawn.length} drawn\n`,
    );
    sample.push(...drawn);
  }
}

const entries = sample.map(({ file, line, text }) => ({ file, line, text, stratum, relations: [], notCheckable: [] }));
process.stdout.write(JSON.stringify({ stratum, seed, sentences: entries }, null, 2) + '\n');
