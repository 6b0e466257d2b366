import assert from 'node:assert/strict';
import { test } from 'node:test';
import { statusText, type Translate } from '../../client/src/statusText';

/** vscode.l10n.t without translations: the English key with its {n} filled in. */
const t: Translate = (message, ...args) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));

test('status bar: figure mismatches are counted apart from headings out of sequence (issue 13)', () => {
  assert.equal(statusText({ figures: 42, mismatches: 0, headings: 0 }, t), 'Report Lens: 42 figures · no mismatch');
  assert.equal(statusText({ figures: 42, mismatches: 1, headings: 0 }, t), 'Report Lens: 42 figures · 1 mismatch');
  // Four figure checks and one heading: "5 mismatches" before.
  assert.equal(statusText({ figures: 42, mismatches: 4, headings: 1 }, t), 'Report Lens: 42 figures · 4 mismatches · 1 heading out of sequence');
  assert.equal(statusText({ figures: 42, mismatches: 0, headings: 2 }, t), 'Report Lens: 42 figures · no mismatch · 2 headings out of sequence');
  // An older server sends no heading count.
  assert.equal(statusText({ figures: 3, mismatches: 2 }, t), 'Report Lens: 3 figures · 2 mismatches');
});
