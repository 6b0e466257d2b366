/**
 * The figure scanner against the Microsoft Recognizers-Text conformance
 * cases (test/fixtures/conformance/recognizers-text). That suite was written
 * for chat-bot input, not for reports, so some of its cases are out of scope
 * on purpose; those are listed, each with its reason, in
 * test/fixtures/conformance/out-of-scope.json. The in-scope pass rate of each
 * file must not fall below the rate committed in baseline.json.
 *
 * How a case is judged (the suite's models do not map one to one onto our
 * figures, so these are our decisions):
 * - NumberModel: every expected result must be met by a figure of any kind
 *   (a year, a date or a code is still a number written there) whose number
 *   alone (`numberSpan`) is the expected text at the expected offset, with the
 *   expected value read as a plain number (千分之二 → 2, not 0.2%). Figures the
 *   suite does not list fail the case only when they are quantities: dates,
 *   years, times, ordinals and codes are numbers the suite sometimes lists and
 *   sometimes not, and no check of ours uses them.
 * - PercentModel: percent and percentage-point figures, whole text (unit
 *   included) and value in percent. The first end of a range such as 5-20%
 *   takes its unit from the second end; the suite does not list it, and as it
 *   carries no percent sign of its own it is not counted as an extra.
 * - CurrencyModel: money figures, whole text, value and currency.
 * Texts are compared after NFKC (full-width digits and signs to ASCII) and
 * case folding, since the suite's `Text` is normalised that way.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Figure } from '../../server/src/core/figures/figure';
import { isQuantity } from '../../server/src/core/figures/figure';
import { extractFigures } from '../../server/src/core/figures/scanner';
import { fixturePath } from '../support/paths';

interface Expected {
  readonly Text: string;
  readonly TypeName: string;
  readonly Resolution: { readonly value?: string | null; readonly unit?: string } | null;
  readonly Start: number;
  readonly End: number;
}
interface Case {
  readonly Input: string;
  readonly Results: readonly Expected[];
}
interface OutOfScope {
  readonly file: string;
  readonly input: string;
  readonly reason: string;
}
type Model = 'number' | 'percent' | 'currency';

const FILES: readonly { file: string; model: Model }[] = [
  { file: 'Chinese/NumberModel.json', model: 'number' },
  { file: 'Chinese/PercentModel.json', model: 'percent' },
  { file: 'Chinese/CurrencyModel.json', model: 'currency' },
  { file: 'English/NumberModel.json', model: 'number' },
  { file: 'English/PercentModel.json', model: 'percent' },
];

/** Our currency units for each of the suite's currency names. */
const CURRENCIES: Readonly<Record<string, readonly string[]>> = {
  'Chinese yuan': ['元', '¥', '人民币', '块'],
  'United States dollar': ['美元', '$', '美圆', 'US$'],
  Dollar: ['$'],
  Euro: ['欧元', '€'],
  'British pound': ['英镑', '£'],
  'Japanese yen': ['日元'],
  'Hong Kong dollar': ['港元', '港币'],
  'New Taiwan dollar': ['台币', '新台币'],
  'Swiss franc': ['瑞士法郎'],
  'Nigerian naira': ['奈拉'],
};

function readJson<T>(...parts: string[]): T {
  // The upstream files start with a UTF-8 byte order mark.
  return JSON.parse(readFileSync(fixturePath(...parts), 'utf8').replace(/^\uFEFF/, '')) as T;
}

const normalise = (text: string): string => text.normalize('NFKC').toLowerCase();

function sameNumber(actual: number, expected: number): boolean {
  if (actual === expected) return true;
  return Math.abs(actual - expected) <= 1e-9 * Math.max(Math.abs(actual), Math.abs(expected));
}

/** The suite writes values as strings, percentages with a trailing %. */
function expectedValue(expected: Expected): number | undefined {
  const raw = expected.Resolution?.value;
  if (raw === undefined || raw === null) return undefined;
  return Number(raw.replace(/%$/, ''));
}

/** The figure's number read as a plain number: 千分之二 and 2‰ are 2, 三成 is 3. */
function numberValue(figure: Figure): number {
  if (figure.unit === '‰') return figure.value * 10;
  if (figure.unit === '‱') return figure.value * 100;
  if (figure.unit === '成') return figure.value / 10;
  return figure.value;
}

const PERCENT_WRITTEN = /[%％‰‱]|百分|个百分点|個百分點|percent|per cent|成/;

function matches(model: Model, input: string, figure: Figure, expected: Expected): boolean {
  const value = expectedValue(expected);
  if (value === undefined || Number.isNaN(value)) return false;
  if (model === 'number') {
    if (figure.numberSpan.start !== expected.Start) return false;
    return normalise(input.slice(figure.numberSpan.start, figure.numberSpan.end)) === normalise(expected.Text) && sameNumber(numberValue(figure), value);
  }
  if (figure.span.start !== expected.Start || normalise(figure.text) !== normalise(expected.Text) || !sameNumber(figure.value, value)) return false;
  if (model === 'percent') return figure.kind === 'percent' || figure.kind === 'percentage-point';
  const units = CURRENCIES[expected.Resolution?.unit ?? ''] ?? [];
  return figure.kind === 'money' && units.includes(figure.unit);
}

/** Whether a figure the suite does not list makes the case fail. */
function isExtra(model: Model, figure: Figure): boolean {
  if (model === 'number') return isQuantity(figure);
  if (model === 'percent') return (figure.kind === 'percent' || figure.kind === 'percentage-point') && !(figure.range === 'start' && !PERCENT_WRITTEN.test(figure.text));
  return figure.kind === 'money';
}

interface Verdict {
  readonly pass: boolean;
  readonly missing: readonly Expected[];
  readonly extra: readonly Figure[];
}

function judge(model: Model, testCase: Case): Verdict {
  const figures = extractFigures(testCase.Input);
  const used = new Set<number>();
  const missing: Expected[] = [];
  for (const expected of testCase.Results) {
    const index = figures.findIndex((figure, k) => !used.has(k) && matches(model, testCase.Input, figure, expected));
    if (index < 0) missing.push(expected);
    else used.add(index);
  }
  const extra = figures.filter((figure, k) => !used.has(k) && isExtra(model, figure));
  return { pass: missing.length === 0 && extra.length === 0, missing, extra };
}

const outOfScope = readJson<OutOfScope[]>('conformance', 'out-of-scope.json');
const baseline = readJson<Record<string, number>>('conformance', 'baseline.json');
const suites = FILES.map(({ file, model }) => ({ file, model, cases: readJson<Case[]>('conformance', 'recognizers-text', ...file.split('/')) }));

/** Set CONFORMANCE_FAILURES=1 to print every failing in-scope case while working on the scanner. */
const showFailures = process.env['CONFORMANCE_FAILURES'] === '1';

test('conformance: in-scope pass rate per file stays at or above the committed baseline', (t) => {
  let passedAll = 0;
  let totalAll = 0;
  const rates: Record<string, number> = {};
  for (const { file, model, cases } of suites) {
    const excluded = new Set(outOfScope.filter((entry) => entry.file === file).map((entry) => entry.input));
    let passed = 0;
    let total = 0;
    let excludedPassing = 0;
    for (const testCase of cases) {
      if (excluded.has(testCase.Input)) {
        // Reported, not asserted: an exclusion that passes now should be taken off the list.
        if (judge(model, testCase).pass) {
          excludedPassing++;
          if (showFailures) process.stdout.write(`PASSES-NOW ${file} ${JSON.stringify(testCase.Input)}\n`);
        }
        continue;
      }
      total++;
      const verdict = judge(model, testCase);
      if (verdict.pass) passed++;
      else if (showFailures) {
        const missing = verdict.missing.map((e) => `${e.Text}=${e.Resolution?.value ?? ''}@${e.Start}`).join(' ');
        const extra = verdict.extra.map((f) => `${f.text}(${f.kind} ${f.value} num=${testCase.Input.slice(f.numberSpan.start, f.numberSpan.end)})@${f.span.start}`).join(' ');
        process.stdout.write(`FAIL ${file} ${JSON.stringify(testCase.Input)} missing: ${missing} | extra: ${extra}\n`);
      }
    }
    const rate = total === 0 ? 1 : passed / total;
    rates[file] = rate;
    passedAll += passed;
    totalAll += total;
    t.diagnostic(`${file}: in scope ${passed}/${total} (${(rate * 100).toFixed(1)}%), out of scope ${excluded.size}${excludedPassing ? ` (${excludedPassing} of them pass now)` : ''}`);
  }
  t.diagnostic(`overall: in scope ${passedAll}/${totalAll} (${((passedAll / totalAll) * 100).toFixed(1)}%)`);
  for (const { file } of suites) {
    const committed = baseline[file];
    assert.equal(typeof committed, 'number', `baseline.json has a rate for ${file}`);
    assert.ok(rates[file]! >= committed!, `${file}: in-scope pass rate ${(rates[file]! * 100).toFixed(1)}% fell below the committed ${(committed! * 100).toFixed(0)}%`);
  }
});

test('conformance: every out-of-scope entry names an existing case once and gives a reason', () => {
  const seen = new Set<string>();
  for (const entry of outOfScope) {
    const suite = suites.find((s) => s.file === entry.file);
    assert.ok(suite, `out-of-scope entry names an unknown file: ${entry.file}`);
    assert.ok(
      suite.cases.some((c) => c.Input === entry.input),
      `out-of-scope entry no longer matches a case of ${entry.file}: ${JSON.stringify(entry.input)}`,
    );
    assert.ok(entry.reason.trim().length >= 20, `out-of-scope entry needs a concrete reason: ${JSON.stringify(entry.input)}`);
    const key = `${entry.file}\u0000${entry.input}`;
    assert.ok(!seen.has(key), `out-of-scope entry listed twice: ${JSON.stringify(entry.input)}`);
    seen.add(key);
  }
});
