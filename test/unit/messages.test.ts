/**
 * Every message template, rendered once in each locale and compared with a
 * reviewed snapshot (test/unit/messages.snapshot.txt): a change of wording is
 * a change of that file, read in review. The sample arguments are typed by
 * the templates themselves, so a new template without a sample does not compile.
 * REPORT_LENS_UPDATE_SNAPSHOT=1 rewrites the file.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { messages, type MessageId, type Messages } from '../../server/src/core/l10n/messages';
import { ROOT } from '../support/paths';

const SAMPLES: { readonly [K in MessageId]: Parameters<Messages[K]> } = {
  tooLarge: ['big.report', '25.0 MB', '20.0 MB'],
  badGlossaryGlob: ['**/*.{yaml', 'unclosed {', '**/*.glossary.{yaml,yml,json,csv}'],
  kindName: ['money'],
  valueLabel: [],
  countedLabel: [],
  intervalLabel: [],
  nearestLabel: ['100'],
  exactLabel: [],
  moreThanRange: ['4万亿', '5万亿'],
  nearlyRange: ['2,000'],
  qualifierLabel: [],
  qualifierName: ['more-than'],
  qualifierNote: [],
  rangeLabel: ['start'],
  signedNote: [],
  notQuantity: [],
  rateMismatch: ['97.5%', '1150个', '1200个', '95.83%'],
  partExceedsWhole: ['3.46万人', '3.12万人'],
  sumExceeds: ['48个', '21个 + 15个 + 12个', '45个'],
  shareSumMismatch: ['104.4%', '72.2% + 32.2%'],
  shareSumExceeds: ['101.2%', '7.1% + 39.0% + 55.1%'],
  sumMismatch: ['2,480', '1,150 + 720 + 610', '2,400'],
  changePercent: ['12.6%', false, '58.2亿元', '66.5亿元', '14.26%'],
  changeImplied: ['25%', true, '9人', '4人', '13人', true, '30.77%'],
  changeWrongWay: ['10%', false, '100亿元', '90亿元', '10%'],
  changeAbsolute: ['6,400', false, '71,200', '76,600', '5,400'],
  changeAnnual: ['8.4%', '1000亿元', '1500亿元', 5, '8.45%'],
  changeAnnualFromTotal: ['7.3%', '32.6%', 4, '7.31%'],
  annualFromTotalLine: ['32.6%', 4, '7.31%', '7.3%'],
  annualLine: ['1000亿元', '1500亿元', 5, '8.45%', '8.4%'],
  notVerifiable: ['real growth (price changes removed) cannot be checked against nominal values'],
  unverifiableReason: ['real-growth'],
  sizeWord: ['大幅', '变化幅度大（1%及以上）', '所写变化为0.4%'],
  sizeMeaning: ['ratio', '1.8', '2.3'],
  sizeActualChange: ['0.4%'],
  sizeActualShare: ['48.5%'],
  sizeActualRatio: ['500万吨', '750万吨', '1.5'],
  multipleConfused: ['2倍', '2', '3', '50亿元', '100亿元', '2', '1倍'],
  multipleTimes: ['3倍', '3', '20亿元', '50亿元', '2.5'],
  multipleDecrease: ['3倍', '66.7%'],
  impossiblePercentage: ['83.47%', '1200户', '1,001.64', '1001/1200 = 83.42%', '1002/1200 = 83.5%'],
  countMismatch: ['三大工程', 3, 4],
  conflictingFigure: ['粮食总产量', '86.8万吨', '86.5万吨'],
  headingSequence: ['（四）', '（二）', '（三）'],
  moreFindings: [12, 'undefined-term', 200, 500],
  operand: ['numerator', '1150个'],
  role: ['change'],
  fixReplace: ['97.5', '95.8'],
  fixRemove: ['大幅'],
  relationLine: ['numerator · 整改率 99.4%', '1676个 / 1686个 = 99.41%'],
  relationsLabel: [],
  termItems: [5],
  termAliases: [],
  termAsOf: [],
  termSource: [],
  termDefinedHere: [12],
  termGlossaryFile: ['team.glossary.yaml', 3],
  termBuiltin: [],
  termOccurrences: [2],
  undefinedTerm: ['两个确立'],
  addToGlossary: ['两个确立', 'team.glossary.yaml'],
  glossaryStub: [],
  markAsReviewed: ['rate-mismatch', '.report-lens/reviewed.json'],
  reviewedNote: ['rate-mismatch', 'Li Hua', '2026-12-03'],
  badConfig: ['report-lens.json', 'unknown check "rate-mismatchx" in "checks"'],
  badReviewed: ['.report-lens/reviewed.json', 'not valid JSON'],
};

const SNAPSHOT = path.join(ROOT, 'test', 'unit', 'messages.snapshot.txt');

function render(): string {
  const lines: string[] = [];
  for (const id of Object.keys(SAMPLES) as MessageId[]) {
    lines.push(`${id}`);
    for (const locale of ['en', 'zh-cn'] as const) {
      // Each template with its own sample: the pair is typed per id above, which a loop over ids cannot carry.
      const template = messages(locale)[id] as (...args: unknown[]) => string;
      lines.push(`  ${locale}: ${template(...(SAMPLES[id] as readonly unknown[]))}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

test('every message template in both locales matches the reviewed snapshot (issue 13)', () => {
  const rendered = render();
  if (process.env['REPORT_LENS_UPDATE_SNAPSHOT'] === '1') fs.writeFileSync(SNAPSHOT, rendered);
  assert.equal(rendered, fs.readFileSync(SNAPSHOT, 'utf8'), 'a message changed: review it and run with REPORT_LENS_UPDATE_SNAPSHOT=1');
});

test('the change of an implied previous value names what was derived and compares like with like', () => {
  const en = messages('en').changeImplied('25%', true, '9人', '4人', '13人', true, '30.77%');
  assert.equal(en, 'Stated a decrease of 25%, but 9人 after a decrease of 4人 means 13人 before: a decrease of 30.77%');
  assert.doesNotMatch(en, /-30/, 'a decrease is stated as a positive magnitude, like the stated one');
});
