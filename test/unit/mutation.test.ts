import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { ROOT } from '../support/paths';
import { loadCorpus } from '../mutation/corpus';
import { belowFloors, LANGUAGES, readFloors, runTextSuite } from '../mutation/evaluate';
import { missionBase, missionMutations, MISSION_RATES, SEED_LIKE } from '../mutation/mission';
import { chineseInteger, readChinese, readNumbers, rewrite } from '../mutation/numerals';
import { mulberry32 } from '../mutation/random';
import { SITE_KINDS } from '../mutation/siteKit';
import { DEFAULT_SEED, findSites, plantText, type TextMutation } from '../mutation/textSites';

const docs = loadCorpus();

function fingerprint(mutations: readonly TextMutation[]): string {
  const hash = createHash('sha256');
  for (const m of mutations) hash.update(`${m.id}\0${m.text}\0${m.span.start}-${m.span.end}\0`);
  return hash.digest('hex');
}

describe('mutation suite: numbers as reports write them', () => {
  test('Chinese numerals are read with their precision, years are not numbers', () => {
    assert.deepEqual(readChinese('二千零三十亿'), { value: 2.03e11, step: 1e9, decimals: 0 });
    assert.deepEqual(readChinese('四百二十七亿四千万'), { value: 42_740_000_000, step: 1e7, decimals: 0 });
    assert.equal(readChinese('八万亿')?.value, 8e12);
    assert.equal(readChinese('九十八点三')?.value, 98.3);
    assert.equal(readChinese('一九五四'), undefined);
    assert.deepEqual([chineseInteger(1185), chineseInteger(207_000_000), chineseInteger(12), chineseInteger(2030)], ['一千一百八十五', '二亿零七百万', '十二', '二千零三十']);
  });

  test('a number is rewritten in its own style', () => {
    const text = '发电量二千零三十亿度，占百分之五十五点三，投资４．５％，共1,234人，3.64万亿美元';
    const [a, b, c, d, e] = readNumbers(text);
    assert.equal(rewrite(text, a!, 2.56e11), '二千五百六十亿');
    assert.equal(rewrite(text, b!, 60.1), '百分之六十点一');
    assert.equal(rewrite(text, c!, 9.8), '９．８％');
    assert.equal(rewrite(text, d!, 2345), '2,345');
    assert.equal(rewrite(text, e!, 4.1e12), '4.10万亿');
  });
});

describe('mutation suite: sites from the text', () => {
  const planting = plantText(docs, DEFAULT_SEED);

  test('the site finders do not consult the extractor or the parser under test', () => {
    const dir = path.join(ROOT, 'test', 'mutation');
    for (const file of ['numerals.ts', 'text.ts', 'siteKit.ts', 'sitesZh.ts', 'sitesEn.ts', 'sitesHeadings.ts', 'textSites.ts']) {
      assert.ok(readdirSync(dir).includes(file), file);
      assert.doesNotMatch(readFileSync(path.join(dir, file), 'utf8'), /from '\.\.\/\.\.\/server\//, `${file} imports server code`);
    }
  });

  test('is deterministic for the fixed seed and varies with the seed', () => {
    assert.equal(fingerprint(plantText(docs, DEFAULT_SEED).mutations), fingerprint(planting.mutations));
    assert.notEqual(fingerprint(plantText(docs, DEFAULT_SEED + 1).mutations), fingerprint(planting.mutations));
    const a = mulberry32(1);
    const b = mulberry32(1);
    for (let i = 0; i < 5; i++) assert.equal(a(), b());
  });

  test('each slip changes its document only inside the site’s sentence(s)', () => {
    const byName = new Map(docs.map((d) => [d.name, d.text]));
    for (const m of planting.mutations) {
      const original = byName.get(m.base)!;
      const { start, end } = m.originalSpan;
      assert.notEqual(m.text, original, m.id);
      assert.equal(m.text.slice(0, start), original.slice(0, start), m.id);
      assert.equal(m.text.slice(m.span.end), original.slice(end), m.id);
    }
    assert.equal(new Set(planting.mutations.map((m) => m.id)).size, planting.mutations.length, 'ids are unique');
  });

  test('the patterns find the canonical relations of the examples', () => {
    const sentenceOf = (name: string, kind: string) => {
      const doc = docs.find((d) => d.name === name)!;
      return findSites(doc)
        .filter((s) => s.kind === kind)
        .map((s) => doc.text.slice(s.span.start, s.span.end));
    };
    assert.ok(sentenceOf('examples/news-summary-zh.report', 'rate').some((s) => s.includes('整治率96.8%')));
    assert.ok(sentenceOf('examples/news-summary-zh.report', 'change').some((s) => s.includes('提高8.8个百分点')));
    assert.ok(sentenceOf('examples/statistical-release-en.report', 'count').some((s) => s.includes('three priorities')));
    assert.ok(sentenceOf('examples/statistical-release-en.report', 'part').some((s) => s.includes('Of the 2,400 employers')));
    assert.ok(sentenceOf('test/fixtures/corpus/work-reports-zh/gov-work-report-1958-zh.txt', 'sum').some((s) => s.includes('共计七十九个')));
  });

  test('the mission example: 6个方面1686个问题 … 1676个、整改率99.4% in the seed-like structure, then each wrong rate', () => {
    const seedLike = docs.find((d) => d.name === SEED_LIKE)!.text;
    const base = missionBase(seedLike);
    assert.match(base, /检视出6个方面1686个问题,[^\n]*完成问题整改1676个、整改率99\.4%,其余10个问题/);
    const mission = missionMutations(new Map([[SEED_LIKE, base]]));
    assert.equal(mission.length, MISSION_RATES.length);
    for (const rate of MISSION_RATES) assert.ok(mission.some((m) => m.text.includes(`1676个、整改率${rate}%`)));
  });
});

describe('mutation suite: recall', () => {
  test('with the fixed seed, every kind × language meets its floor and planted minimum, and the mission example is caught every time', { timeout: 60_000 }, () => {
    const report = runTextSuite({ docs });
    const floors = readFloors();
    const table = report.rows.map((r) => `${r.kind}/${r.language} ${r.caught}/${r.planted}`).join(', ');
    assert.deepEqual(belowFloors(report, floors), [], `${table}; run \`npm run mutation -- --verbose\``);
    for (const kind of SITE_KINDS) for (const language of LANGUAGES) assert.ok(floors.recall[kind][language] <= 1 && floors.minimumPlanted[kind][language] >= 0);
    assert.ok(report.totals.all.planted >= 150, `${report.totals.all.planted} planted`);
    assert.ok(report.milliseconds < 20_000, `the suite took ${Math.round(report.milliseconds)} ms (budget 20 s)`);
  });
});
