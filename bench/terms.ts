/**
 * Terms at scale: a workspace glossary of 10,000 entries, matched against a
 * 1 MB report, and loaded from a YAML file.
 */
import { getReportLanguageService, Glossary, type TermEntry } from '../server/src/core/languageService';
import { parseGlossary } from '../server/src/core/terms/glossaryFile';
import { termsOf } from '../server/src/core/terms/termIndex';
import { CORPUS, reportOf } from './corpus';
import { bytesOf, MB, Random, sample, warmUp } from './measure';
import type { Results } from './results';

const service = getReportLanguageService();

/**
 * `count` distinct names, deterministic. 30% are phrases of the corpus
 * (3–6 Han characters, or 2–3 English words), so they occur in the report and
 * the matcher reports real matches (about 7× the built-in glossary's matches
 * on the same text: a large glossary of real terms); 70% are made up from the
 * same characters and letters, so they share prefixes with the text (the
 * automaton walks into them) but rarely occur whole.
 */
export function syntheticTerms(count: number, seed = 20_240_601): string[] {
  const random = new Random(seed);
  const names = new Set<string>();
  const chinese = CORPUS.filter((file) => !file.english)
    .map((file) => file.text)
    .join('\n');
  const hanRuns = chinese.match(/\p{Script=Han}{2,}/gu) ?? [];
  const hanChars = [...new Set(chinese.match(/\p{Script=Han}/gu) ?? [])];
  const words = CORPUS.filter((file) => file.english)
    .map((file) => file.text)
    .join('\n')
    .match(/[A-Za-z]{3,}/g) ?? [];
  const fromCorpus = Math.floor(count * 0.3);
  for (let guard = 0; names.size < fromCorpus && guard < count * 100; guard++) {
    if (random.next() < 0.85) {
      const run = random.pick(hanRuns);
      if (run.length < 3) continue;
      const length = Math.min(run.length, random.int(3, 7));
      const start = random.int(0, run.length - length + 1);
      names.add(run.slice(start, start + length));
    } else {
      const start = random.int(0, words.length - 3);
      names.add(words.slice(start, start + random.int(2, 4)).join(' '));
    }
  }
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  while (names.size < count) {
    if (random.next() < 0.85) {
      let name = '';
      for (let n = random.int(2, 7); n > 0; n--) name += random.pick(hanChars);
      names.add(name);
    } else {
      let name = '';
      for (let n = random.int(5, 12); n > 0; n--) name += random.pick([...letters]);
      names.add(`${name} index`);
    }
  }
  return [...names];
}

function entriesOf(names: readonly string[]): TermEntry[] {
  return names.map((term, index) => ({ term, aliases: [], definition: `Synthetic definition number ${index} of the benchmark glossary.`, source: { kind: 'workspace' as const } }));
}

/** A workspace glossary file: most entries `term: definition`, one in five `{ definition, aliases, source }`. */
export function glossaryYaml(names: readonly string[]): string {
  const lines: string[] = ['# Benchmark glossary: synthetic entries.'];
  names.forEach((name, index) => {
    const definition = `合成定义 ${index}：用于基准测试的术语说明，长度与真实词条相近。`;
    if (index % 5 === 0) {
      lines.push(`${JSON.stringify(name)}:`, `  definition: ${JSON.stringify(definition)}`, `  aliases: [${JSON.stringify(`${name}-${index}`)}]`, `  source: "Benchmark ${index}"`);
    } else lines.push(`${JSON.stringify(name)}: ${JSON.stringify(definition)}`);
  });
  return `${lines.join('\n')}\n`;
}

export interface TermOptions {
  readonly smoke: boolean;
}

export function benchTerms(results: Results, { smoke }: TermOptions): void {
  const count = smoke ? 500 : 10_000;
  const names = syntheticTerms(count);
  const glossary = new Glossary(entriesOf(names));
  const text = reportOf(smoke ? 0.05 * MB : 1 * MB);
  const size = smoke ? `${Math.round(bytesOf(text) / 1000)} KB` : `${(bytesOf(text) / MB).toFixed(0)} MB`;
  const doc = service.parse(text);
  results.detail('termsEntries', names.length);
  results.detail('termsReportBytes', bytesOf(text));

  glossary.matcher; // built outside the timing: this measures matching
  let matches = 0;
  // At steady state, as in a server that has been matching for a while: five warm-up runs left the
  // matcher partly unoptimised (7.8–9.0 ms where a second of warm-up gives 6.9).
  warmUp(smoke ? 0 : 1000, () => glossary.matcher.match(text));
  const match = sample(smoke ? 1 : 21, () => (matches = glossary.matcher.match(text).length), 1);
  results.add({ key: 'termsMatchMs', label: `terms: match ${size} against ${count.toLocaleString('en')} terms (median)`, value: match.median, unit: 'ms', budget: { op: '<=', limit: 10 } });
  results.detail('termsMatches', matches);

  // termsOf caches per document, glossary and uri: a new uri each run makes it recompute.
  let occurrences = 0;
  const terms = sample(smoke ? 1 : 21, (run) => (occurrences = termsOf(doc, glossary, `file:///bench/terms-${run}.report`).occurrences.length), smoke ? 1 : 5);
  results.add({ key: 'termsOfMs', label: `terms: all occurrences in ${size} (termsOf, median)`, value: terms.median, unit: 'ms' });
  results.detail('termsOccurrences', occurrences);

  const yaml = glossaryYaml(names);
  results.detail('termsYamlBytes', bytesOf(yaml));
  let loaded = 0;
  const load = sample(
    smoke ? 1 : 7,
    () => {
      const parsed = parseGlossary(yaml, 'yaml', 'file:///bench/terms.glossary.yaml');
      if (parsed.problems.length > 0 || parsed.entries.length !== names.length) throw new Error(`benchmark glossary: ${parsed.entries.length} entries, ${parsed.problems.length} problems (${parsed.problems[0]?.message ?? ''})`);
      loaded = new Glossary(parsed.entries).matcher.size;
    },
    smoke ? 1 : 2,
  );
  results.add({ key: 'termsLoadMs', label: `terms: load ${count.toLocaleString('en')} entries (YAML + glossary + matcher)`, value: load.median, unit: 'ms', budget: { op: '<=', limit: 100 } });
  results.detail('termsLoadedNames', loaded);

  // The parts of loading, for where the time goes.
  let entries: TermEntry[] = [];
  results.detail('termsLoadYamlMs', sample(smoke ? 1 : 5, () => (entries = parseGlossary(yaml, 'yaml', 'file:///bench/terms.glossary.yaml').entries), 1).median);
  const glossaryMs = sample(smoke ? 1 : 5, () => new Glossary(entries), 1).median;
  results.detail('termsLoadGlossaryMs', glossaryMs);
  results.detail('termsLoadMatcherMs', sample(smoke ? 1 : 5, () => new Glossary(entries).matcher, 1).median - glossaryMs);
}
