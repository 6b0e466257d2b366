/**
 * The development corpus the evaluation runs over: every real report copied into the
 * fixtures, our own seed-like and English fixtures, and — when ../shared is there —
 * the seed report, which may not be copied.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CorpusDocument {
  /** Path from the project root, as the ledger and the gold set name it. */
  readonly path: string;
  readonly text: string;
  readonly language: 'zh' | 'en';
}

const FIXTURES = 'test/fixtures';
export const SEED = '../shared/corpus/inner-mongolia-theme-education-2023-zh.txt';

function documentsIn(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? documentsIn(join(folder, entry.name)) : /\.(txt|md|report)$/.test(entry.name) && !/^[A-Z]+\.md$/.test(entry.name) ? [join(folder, entry.name)] : []))
    .sort();
}

/** The documents, and whether the seed report (../shared) was there to include. */
export function developmentCorpus(): { documents: CorpusDocument[]; seedIncluded: boolean } {
  const paths = [...documentsIn(join(FIXTURES, 'corpus')), ...documentsIn(join(FIXTURES, 'english')), ...documentsIn(join(FIXTURES, 'own-zh')), join(FIXTURES, 'seed-like-zh.report'), join(FIXTURES, 'readings-zh.report')].filter((p) => existsSync(p));
  const seedIncluded = existsSync(SEED);
  if (seedIncluded) paths.push(SEED);
  const documents = paths.map((path) => {
    const text = readFileSync(path, 'utf8');
    return { path, text, language: /[\u4e00-\u9fff]/.test(text.slice(0, 4000)) ? ('zh' as const) : ('en' as const) };
  });
  return { documents, seedIncluded };
}
