import type { TextSpan } from '../model';

/** Where a definition comes from; a nearer source wins (document, then workspace files, then built-in). */
export type TermSourceKind = 'document' | 'workspace' | 'builtin';

export interface TermSource {
  readonly kind: TermSourceKind;
  /** The glossary file (workspace) or the report (document). */
  readonly uri?: string;
  /** 0-based line of the definition in that file. */
  readonly line?: number;
  /** The entry's own `source` field (a citation), when a glossary file gives one. */
  readonly citation?: string;
}

export interface TermEntry {
  readonly term: string;
  readonly aliases: readonly string[];
  readonly definition: string;
  /** One-line English gloss of a Chinese term. */
  readonly gloss?: string;
  readonly category?: string;
  /** The date the meaning refers to, when it depends on time. */
  readonly asOf?: string;
  /** The items a counted term lists: 五字诀 → 深、实、细、准、效. */
  readonly items?: readonly string[];
  readonly source: TermSource;
  /** For a definition in the report itself: where it is written. */
  readonly definitionSpan?: TextSpan;
}

/** Precedence of sources: lower wins. */
export const SOURCE_RANK: Readonly<Record<TermSourceKind, number>> = { document: 0, workspace: 1, builtin: 2 };

/** Lower-cases Latin letters only, so that CJK text keeps its length and offsets. */
export function foldKey(text: string): string {
  return /[A-Z]/.test(text) ? text.replace(/[A-Z]/g, (ch) => ch.toLowerCase()) : text;
}

/** Every name of an entry: its term and its aliases. */
export function namesOf(entry: TermEntry): string[] {
  return [entry.term, ...entry.aliases].filter((name) => name.trim().length > 0);
}
