import * as assert from 'node:assert/strict';
import { hoverShowing, openFile, positionOf, restoreEditors } from './helpers';

describe('hover', () => {
  afterEach(restoreEditors);

  it('shows the normalised value of a figure (2860亿元 = 286,000,000,000 元)', async () => {
    const { document } = await openFile('work-report-zh.report');
    // The middle of “2860亿元” in “全市地区生产总值达到2860亿元”.
    const position = positionOf(document, '达到2860亿元', 4);
    const text = await hoverShowing(document.uri, position, '2860亿元');
    assert.match(text, /2860亿元/, 'the hover names the figure');
    assert.match(text, /286,000,000,000/, `the hover shows the normalised value; got:\n${text}`);
  });

  it('shows the glossary definition of a term (“放管服”)', async () => {
    const { document } = await openFile('work-report-zh.report');
    const position = positionOf(document, '深化“放管服”改革', 4);
    // The server loads the workspace glossary on its first request: wait for its definition to appear.
    // (减少审批 is in team.glossary.yaml's definition only; the built-in entry words it otherwise.)
    const text = await hoverShowing(document.uri, position, '减少审批', 8_000);
    assert.match(text, /放管服/);
    assert.match(text, /team\.glossary\.yaml/, `the hover names the workspace glossary as its source; got:\n${text}`);
  });
});
