import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { parse } from '../../server/src/core/parser/parse';
import { loadFiles, readFloor, runSuite } from '../mutation/evaluate';
import { DEFAULT_SEED, missionBase, missionMutations, MISSION_RATES, plant, PLANTED_KINDS, SEED_LIKE, type Mutation } from '../mutation/plant';
import { chineseNumeral, mulberry32 } from '../mutation/random';
import { TEMPLATES } from '../mutation/templates';

const { files, seed } = loadFiles();

function fingerprint(mutations: readonly Mutation[]): string {
  const hash = createHash('sha256');
  for (const m of mutations) hash.update(`${m.id}\0${m.text}\0${JSON.stringify(m.lines)}\0`);
  return hash.digest('hex');
}

describe('mutation suite: the generator', () => {
  const mutations = plant(files, DEFAULT_SEED);

  test('is deterministic for the fixed seed and varies with the seed', () => {
    assert.equal(fingerprint(plant(files, DEFAULT_SEED)), fingerprint(mutations));
    assert.notEqual(fingerprint(plant(files, DEFAULT_SEED + 1)), fingerprint(mutations));
    const a = mulberry32(1);
    const b = mulberry32(1);
    for (let i = 0; i < 5; i++) assert.equal(a(), b());
  });

  test('plants at least 200 mutations, every kind, both families, from at least 8 templates per language for rates', () => {
    assert.ok(mutations.length >= 200, `${mutations.length} mutations`);
    for (const kind of PLANTED_KINDS) {
      const mine = mutations.filter((m) => m.kind === kind);
      assert.ok(mine.length >= 20, `${kind}: ${mine.length}`);
    }
    assert.ok(mutations.some((m) => m.family === 'edit') && mutations.some((m) => m.family === 'insert'));
    for (const language of ['zh', 'en'] as const) {
      const rateTemplates = TEMPLATES.filter((t) => t.kind === 'rate-mismatch' && t.language === language);
      assert.ok(rateTemplates.length >= 8, `${language} rate templates: ${rateTemplates.length}`);
      for (const t of rateTemplates) assert.ok(mutations.some((m) => m.template === t.id), `template ${t.id} is used`);
    }
    assert.equal(new Set(mutations.map((m) => m.id)).size, mutations.length, 'ids are unique');
  });

  test('numbers vary: no two insertions plant the same paragraph', () => {
    const planted = mutations.filter((m) => m.family === 'insert').map((m) => m.lines.map(([a]) => m.text.split('\n')[a]).join('\n'));
    assert.equal(new Set(planted).size, planted.length);
  });

  test('each mutation changes its base only on its marked lines (plus inserted ones), and those lines are not blank', () => {
    for (const m of mutations) {
      const original = files.get(m.base)!.split('\n');
      const mutated = m.text.split('\n');
      assert.notEqual(m.text, files.get(m.base), m.id);
      const inserted = m.inserted.reduce((n, i) => n + i.count, 0);
      assert.equal(mutated.length, original.length + inserted, m.id);
      for (const [first, last] of m.lines) {
        assert.ok(first <= last && last < mutated.length, m.id);
        for (let l = first; l <= last; l++) assert.notEqual(mutated[l]!.trim(), '', `${m.id} line ${l}`);
      }
      if (m.family === 'edit') {
        const changed = mutated.flatMap((line, i) => (line === original[i] ? [] : [i]));
        assert.ok(changed.length > 0 && changed.every((i) => m.lines.some(([a, b]) => a <= i && i <= b)), `${m.id} changed lines ${changed.join(',')}`);
      }
    }
  });

  test('heading mutations really produce the planted number where the parser sees a heading', () => {
    for (const m of mutations.filter((x) => x.kind === 'heading-sequence' && x.family === 'insert')) {
      const doc = parse(m.text);
      assert.ok(doc.headings.some((h) => h.line === m.lines[0]![0] && h.numbering), m.id);
    }
  });

  test('the mission example: 6个方面1686个问题 … 1676个、整改率99.4% in the seed-like structure, then each wrong rate', () => {
    const base = missionBase(files.get(SEED_LIKE)!);
    assert.match(base, /检视出6个方面1686个问题,[^\n]*完成问题整改1676个、整改率99\.4%,其余10个问题/);
    const { mutations: mission } = missionMutations(files.get(SEED_LIKE)!, seed);
    assert.equal(mission.length, MISSION_RATES.length * (seed ? 2 : 1));
    for (const rate of MISSION_RATES) assert.ok(mission.some((m) => m.text.includes(`1676个、整改率${rate}%`)));
    assert.deepEqual([chineseNumeral(4), chineseNumeral(10), chineseNumeral(12), chineseNumeral(23)], ['四', '十', '十二', '二十三']);
  });
});

describe('mutation suite: the catch rate', () => {
  test(
    `with the fixed seed, the checks catch at least the committed floor overall and every mission example`,
    { timeout: 60_000 },
    () => {
      const report = runSuite();
      const floor = readFloor().overall;
      const table = report.kinds.map((k) => `${k.kind}: ${k.caught}/${k.planted}`).join(', ');
      assert.ok(report.overall.planted >= 200, `${report.overall.planted} mutations`);
      assert.equal(report.mission.rate, 1, `mission example: ${report.mission.caught}/${report.mission.planted}; missed ${report.missionOutcomes.filter((o) => !o.caught).map((o) => o.mutation.id).join(', ')}`);
      assert.ok(report.overall.rate >= floor, `overall ${(report.overall.rate * 100).toFixed(1)}% < floor ${floor * 100}% (${table}); run \`npm run mutation -- --verbose\``);
      assert.ok(report.milliseconds < 20_000, `the suite took ${Math.round(report.milliseconds)} ms (budget 20 s)`);
    },
  );
});
