#!/usr/bin/env node
// Draws the sentence sample behind test/fixtures/corpus/gold-relations.json.
//
//   npm run build                      # the parser is read from out/
//   node scripts/eval/sample-gold.mjs [--seed N] [--zh 170] [--en 60] > sample.json
//
// Sentences are the spans the project's own parser finds (paragraphs[].sentences
// of parse(text)), so a sentence of the gold set is a sentence of the tool. The
// only filter is that a sentence contains a digit, a Chinese numeral character
// or an English cardinal number word (two, million…);
// nothing about what the extractor finds decides whether a sentence is drawn.
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

const args = process.argv.slice(2);
function option(name, fallback) {
  const at = args.indexOf(name);
  return at >= 0 && at + 1 < args.length ? Number(args[at + 1]) : fallback;
}
const seed = option('--seed', 20261203);
const zhCount = option('--zh', 170);
const enCount = option('--en', 60);

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
    for (const paragraph of model.paragraphs) {
      for (const span of paragraph.sentences) {
        all.push({
          file: relative(root, file).split('\\').join('/'),
          line: model.lines.lineAt(span.start) + 1,
          start: span.start,
          text: text.slice(span.start, span.end),
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

const random = mulberry32(seed);
const sample = [];
for (const [language, files, count] of [
  ['zh', zhFiles, zhCount],
  ['en', enFiles, enCount],
]) {
  const all = sentencesOf(files);
  const pool = all.filter((sentence) => eligible(sentence.text));
  const drawn = draw(pool, count, random);
  process.stderr.write(
    `${language}: ${files.length} documents, ${all.length} sentences, ` +
      `${pool.length} with a number (digit, Chinese numeral or English number word), ${all.length - pool.length} excluded, ${drawn.length} drawn\n`,
  );
  sample.push(...drawn);
}

const entries = sample.map(({ file, line, text }) => ({ file, line, text, relations: [], notCheckable: [] }));
process.stdout.write(JSON.stringify({ seed, sentences: entries }, null, 2) + '\n');
