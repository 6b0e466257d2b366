import data from './builtinGlossary.json';
import type { TermEntry } from './glossary';

interface BuiltinEntry {
  term: string;
  aliases?: string[];
  definition: string;
  gloss?: string;
  category?: string;
  asOf?: string;
}

let cached: readonly TermEntry[] | undefined;

/** The glossary shipped with Report Lens (written by the team; see the README for its scope). */
export function builtinEntries(): readonly TermEntry[] {
  cached ??= (data as { entries: BuiltinEntry[] }).entries.map((entry) => ({
    term: entry.term,
    aliases: entry.aliases ?? [],
    definition: entry.definition,
    ...(entry.gloss ? { gloss: entry.gloss } : {}),
    ...(entry.category ? { category: entry.category } : {}),
    ...(entry.asOf ? { asOf: entry.asOf } : {}),
    source: { kind: 'builtin' as const },
  }));
  return cached;
}
