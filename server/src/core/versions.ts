import type { Block, ReportDocument } from './model';

/**
 * Which model a model was parsed from (`parse(text, previous)`), and which of
 * its blocks stand unchanged in the new text, so that per-block work done for
 * the previous version (figures, sentences, relations, term matches) is
 * carried over instead of redone.
 *
 * A link lives until every consumer has taken it or the next version is parsed
 * from this one, so a model keeps at most its direct predecessor alive.
 */
export interface CarriedBlocks {
  readonly previous: ReportDocument;
  /** For each block of the new model: the index of the block with the same text in `previous`, or -1. */
  readonly from: Int32Array;
}

/** Work that is carried over from the previous version outside the parser. */
export type Consumer = 'relations' | 'terms';
const CONSUMERS = 2;

interface Link extends CarriedBlocks {
  taken: Set<Consumer>;
}

const links = new WeakMap<ReportDocument, Link>();

export function linkVersions(doc: ReportDocument, carried: CarriedBlocks | undefined): void {
  if (!carried) return;
  // The previous model's own link is no longer needed: its successor exists now.
  links.delete(carried.previous);
  links.set(doc, { ...carried, taken: new Set() });
}

/** The blocks `doc` shares with the version it was parsed from; each consumer takes them once. */
export function takeCarried(doc: ReportDocument, consumer: Consumer): CarriedBlocks | undefined {
  const link = links.get(doc);
  if (!link || link.taken.has(consumer)) return undefined;
  link.taken.add(consumer);
  if (link.taken.size === CONSUMERS) links.delete(doc);
  return link;
}

/**
 * Pairs the blocks of a new version with the blocks of the previous one that
 * have the same text: those wholly inside the common prefix of the two texts
 * (same offsets) or wholly inside their common suffix (shifted by the length
 * difference). Everything else was touched by the edit.
 */
export function correspondingBlocks(previousText: string, previous: readonly Block[], text: string, blocks: readonly Block[], unchanged: Unchanged = unchangedBetween(previousText, text)): Int32Array {
  const from = new Int32Array(blocks.length).fill(-1);
  const { prefix, suffix } = unchanged;
  let j = 0;
  for (let i = 0; i < blocks.length; i++) {
    const span = blocks[i]!.span;
    if (span.end > prefix) break;
    while (j < previous.length && previous[j]!.span.start < span.start) j++;
    if (j < previous.length && previous[j]!.span.start === span.start && previous[j]!.span.end === span.end) from[i] = j;
  }
  const delta = text.length - previousText.length;
  const suffixStart = text.length - suffix;
  let k = previous.length - 1;
  for (let i = blocks.length - 1; i >= 0; i--) {
    const span = blocks[i]!.span;
    if (span.start < suffixStart) break;
    if (from[i]! >= 0) continue;
    while (k >= 0 && previous[k]!.span.start > span.start - delta) k--;
    if (k >= 0 && previous[k]!.span.start === span.start - delta && previous[k]!.span.end === span.end - delta) from[i] = k;
  }
  return from;
}

/** How many characters at the start and at the end two versions of a text share (lower bounds are fine). */
export interface Unchanged {
  readonly prefix: number;
  readonly suffix: number;
}

/**
 * The unchanged prefix and suffix: `known` (what the editor's change events say, from the server)
 * when given, clamped so that the two never overlap in either text; otherwise found by comparing.
 */
export function unchangedBetween(previousText: string, text: string, known?: Unchanged): Unchanged {
  const shorter = Math.min(previousText.length, text.length);
  if (known) {
    const prefix = Math.max(0, Math.min(known.prefix, shorter));
    return { prefix, suffix: Math.max(0, Math.min(known.suffix, shorter - prefix)) };
  }
  const prefix = commonPrefix(previousText, text);
  return { prefix, suffix: commonSuffix(previousText, text, shorter - prefix) };
}

/** Texts are compared a chunk at a time: string equality runs as a native memory compare. */
const CHUNK = 2048;

export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i + CHUNK <= n && a.substring(i, i + CHUNK) === b.substring(i, i + CHUNK)) i += CHUNK;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common suffix, at most `limit` (so that it does not overlap the common prefix). */
export function commonSuffix(a: string, b: string, limit: number): number {
  let n = 0;
  while (n + CHUNK <= limit && a.substring(a.length - n - CHUNK, a.length - n) === b.substring(b.length - n - CHUNK, b.length - n)) n += CHUNK;
  while (n < limit && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}
