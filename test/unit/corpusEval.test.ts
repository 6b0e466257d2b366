import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_SETTINGS, getReportLanguageService } from '../../server/src/core/languageService';
import { readEvalFloors } from '../eval/floors';
import { evaluateCorpus, goldRecall } from '../eval/evaluate';

describe('corpus evaluation (npm run eval)', () => {
  const corpus = evaluateCorpus();

  test('every warning and error on the development corpus is a reviewed, genuine finding', () => {
    assert.ok(corpus.documents.length >= 40, `only ${corpus.documents.length} documents in the development corpus`);
    const lines = corpus.unreviewed.map((f) => `${f.file}:${f.line} [${f.code}] ${f.message}`);
    assert.deepEqual(lines, [], `findings not in test/fixtures/corpus/reviewed-findings.json:\n${lines.join('\n')}`);
  });

  test('every entry of the reviewed ledger still matches a finding', () => {
    assert.deepEqual(corpus.stale.map((e) => `${e.file}:${e.line} [${e.code}]`), []);
  });

  test('the checks link at least the committed share of the hand-annotated gold relations', () => {
    const gold = goldRecall();
    const { goldRecall: floor } = readEvalFloors();
    assert.ok(gold.relations >= 60, `the gold set holds ${gold.relations} relations`);
    assert.ok(gold.recall >= floor, `gold-set recall ${(gold.recall * 100).toFixed(1)}% (${gold.found}/${gold.relations}) is below the floor ${(floor * 100).toFixed(0)}%`);
  });
});

describe('no check costs more than linear time', () => {
  test('2,500 statements of one metric analyse in well under a second, at most one finding each', () => {
    const service = getReportLanguageService();
    let text = '';
    for (let i = 0; i < 2500; i++) text += `共排查问题${1000 + i}个。`;
    const started = performance.now();
    const doc = service.parse(text);
    const diagnostics = service.diagnostics(doc, DEFAULT_SETTINGS, { locale: 'en', uri: 'file:///c.report' });
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 1000, `took ${elapsed.toFixed(0)} ms`);
    assert.ok(diagnostics.length <= 2500, `${diagnostics.length} findings for 2,500 statements`);
    // Each later value is compared with the first statement only.
    assert.ok(diagnostics.every((d) => d.code === 'conflicting-figure'));
  });
});
