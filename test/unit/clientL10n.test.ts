/** The client's own words (client/src/l10n.ts) in 简体中文: a string missing from the bundle would show in English. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../support/paths';

test('every vscode.l10n.t string of the client has a translation in l10n/bundle.l10n.zh-cn.json', () => {
  const source = readFileSync(path.join(ROOT, 'client', 'src', 'l10n.ts'), 'utf8');
  const keys = [...source.matchAll(/vscode\.l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((match) => match[1]!.replace(/\\'/g, "'"));
  assert.ok(keys.includes('Report Lens: cannot open {0} as a report: {1}'), 'the Word-document messages are among them');
  const bundle = JSON.parse(readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
  assert.deepEqual(keys.filter((key) => !(key in bundle)), []);
});
