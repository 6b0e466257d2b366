/**
 * Reviewed findings: a finding someone checked and signed off, kept in the project's reviewed file
 * (`.report-lens/reviewed.json`) by what it says rather than where it stands: the file, the check,
 * the sentence's normalised text and the figures involved. Edits elsewhere in the report and moves
 * of the sentence keep it silent; a changed figure (in the sentence or in an operand elsewhere)
 * brings it back, since what was signed off is no longer what the report says.
 */

export interface ReviewedEntry {
  /** The report, relative to the project root, '/'-separated. */
  readonly file: string;
  readonly code: string;
  /** The sentence holding the finding, normalised (normaliseSentence). */
  readonly sentence: string;
  /** The figures involved, as written (normalised like the sentence). */
  readonly figures: readonly string[];
  readonly by?: string;
  readonly at?: string;
}

/** What a diagnostic carries so that Mark as reviewed can record it (in `Diagnostic.data.review`). */
export interface ReviewKey {
  readonly sentence: string;
  readonly figures: readonly string[];
}

/** A reviewed file is a list of short entries: one larger than this is not one, and is not read. */
export const MAX_REVIEWED_BYTES = 10_000_000;

/** Whitespace is layout (a wrapped line, an indent), not what the sentence says. */
export function normaliseSentence(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The reviewed entries of one report, looked up by what a finding says. */
export class ReviewedSet {
  private readonly byKey = new Map<string, ReviewedEntry>();

  constructor(entries: Iterable<ReviewedEntry>) {
    for (const entry of entries) this.byKey.set(keyOf(entry.code, entry.sentence, entry.figures), entry);
  }

  get size(): number {
    return this.byKey.size;
  }

  find(code: string, key: ReviewKey): ReviewedEntry | undefined {
    return this.byKey.get(keyOf(code, key.sentence, key.figures));
  }
}

function keyOf(code: string, sentence: string, figures: readonly string[]): string {
  // Figures compare as a set: their order in the entry is the order they were listed, not a meaning.
  return [code, normaliseSentence(sentence), [...figures].map(normaliseSentence).sort().join('\u0001')].join('\u0000');
}

/** A reviewed file as read: its entries, and the whole JSON so that a rewrite keeps what the user wrote. */
export interface ParsedReviewed {
  readonly entries: readonly ReviewedEntry[];
  /** The parsed top-level object (undefined when the text is empty). */
  readonly document: Readonly<Record<string, unknown>> | undefined;
  /** Set when the file is malformed: it is then neither used for more than its good entries nor rewritten. */
  readonly problem?: string;
}

/**
 * Reads `{ "version": 1, "reviewed": [ { "file", "code", "sentence", "figures", "by"?, "at"? } ] }`.
 * An entry missing a field is skipped (and named), the others still count.
 */
export function parseReviewed(text: string): ParsedReviewed {
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) return { entries: [], document: undefined };
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (error) {
    return { entries: [], document: undefined, problem: `not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (!isRecord(raw)) return { entries: [], document: undefined, problem: 'expected a JSON object with a "reviewed" list' };
  const list = raw['reviewed'] ?? [];
  if (!Array.isArray(list)) return { entries: [], document: raw, problem: '"reviewed" must be a list' };
  const entries: ReviewedEntry[] = [];
  let bad = 0;
  for (const item of list) {
    const entry = toEntry(item);
    if (entry) entries.push(entry);
    else bad++;
  }
  const problem = bad > 0 ? `${bad} entr${bad === 1 ? 'y lacks' : 'ies lack'} "file", "code", "sentence" or "figures"` : undefined;
  return problem ? { entries, document: raw, problem } : { entries, document: raw };
}

function toEntry(item: unknown): ReviewedEntry | undefined {
  if (!isRecord(item)) return undefined;
  const { file, code, sentence, figures, by, at } = item;
  if (typeof file !== 'string' || typeof code !== 'string' || typeof sentence !== 'string') return undefined;
  if (!Array.isArray(figures) || !figures.every((f) => typeof f === 'string')) return undefined;
  return { file, code, sentence, figures: figures as string[], ...(typeof by === 'string' ? { by } : {}), ...(typeof at === 'string' ? { at } : {}) };
}

/**
 * The reviewed file's text with `entry` added: read, modified, written back whole. Entries the user
 * wrote are kept field for field (their own extra fields too), top-level keys too; entries are sorted
 * so that two people marking findings produce the same file and a small diff. Undefined when the
 * file is malformed: overwriting it would lose what the user wrote.
 */
export function withReviewed(text: string, entry: ReviewedEntry): { text: string } | { problem: string } {
  const parsed = parseReviewed(text);
  if (parsed.problem && !(parsed.document && Array.isArray(parsed.document['reviewed']))) return { problem: parsed.problem };
  const document = parsed.document ?? {};
  const list = Array.isArray(document['reviewed']) ? (document['reviewed'] as unknown[]) : [];
  if (list.some((item) => !toEntry(item))) return { problem: parsed.problem ?? 'malformed entries' };
  const existing = list.map((item) => item as Record<string, unknown>);
  // A ReviewedSet holds one report's findings: the same sentence reviewed in another report is another entry.
  const known = new ReviewedSet(existing.map((item) => toEntry(item)!).filter((item) => item.file === entry.file));
  const added = known.find(entry.code, entry) ? existing : [...existing, { ...entry }];
  const sorted = added.map(orderFields).sort(compareEntries);
  const out: Record<string, unknown> = { version: 1, ...document, reviewed: sorted };
  return { text: `${JSON.stringify(out, null, 2)}\n` };
}

const FIELD_ORDER = ['file', 'code', 'sentence', 'figures', 'by', 'at'];

function orderFields(item: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) if (item[key] !== undefined) out[key] = item[key];
  for (const [key, value] of Object.entries(item)) if (!(key in out)) out[key] = value;
  return out;
}

function compareEntries(a: Record<string, unknown>, b: Record<string, unknown>): number {
  for (const key of ['file', 'code', 'sentence']) {
    const x = String(a[key]);
    const y = String(b[key]);
    if (x !== y) return x < y ? -1 : 1;
  }
  const fa = (a['figures'] as string[]).join('\u0001');
  const fb = (b['figures'] as string[]).join('\u0001');
  return fa < fb ? -1 : fa > fb ? 1 : 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
