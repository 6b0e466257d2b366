/**
 * The development corpus the mutation suite plants into: the 35 national work reports of
 * 1954–2006, three later ones, the BLS release, our English fixtures, the examples, the seed-like fixture
 * and our fixture of size words, multiples and survey percentages (readings-zh.report).
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { withoutBom } from '../../server/src/core/text/chars';
import { ROOT } from '../support/paths';
import type { ReportText } from './siteKit';
import type { Language } from './text';

/** Repository-relative paths of the corpus, in a fixed order. */
export function corpusFiles(): string[] {
  const list = (dir: string, ext: string) =>
    readdirSync(path.join(ROOT, dir))
      .filter((f) => f.endsWith(ext))
      .sort()
      .map((f) => `${dir}/${f}`);
  return [
    ...list('test/fixtures/corpus/work-reports-zh', '.txt'),
    ...['2010', '2012', '2014'].map((y) => `test/fixtures/corpus/gov-work-report-${y}-zh.txt`),
    'test/fixtures/corpus/bls-employment-situation-2023-03-en.md',
    ...list('test/fixtures/english', '-en.md'),
    ...list('test/fixtures/own-zh', '.report'),
    ...list('examples', '.report'),
    'test/fixtures/seed-like-zh.report',
    'test/fixtures/readings-zh.report',
  ];
}

/** Chinese when CJK characters outnumber Latin letters. */
function languageOf(text: string): Language {
  const cjk = text.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  return cjk > latin ? 'zh' : 'en';
}

export function loadCorpus(files: readonly string[] = corpusFiles()): ReportText[] {
  return files.map((name) => {
    const text = withoutBom(readFileSync(path.join(ROOT, name), 'utf8'));
    return { name, language: languageOf(text), text };
  });
}
