import type { TextSpan } from '../model';

/**
 * Binary search over items sorted by position that never overlap (figures,
 * term occurrences, blocks, paragraphs): the index of the one whose span covers
 * `offset`, end exclusive, or -1.
 */
export function indexAt<T>(items: readonly T[], offset: number, spanOf: (item: T) => TextSpan): number {
  let low = 0;
  let high = items.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const span = spanOf(items[mid]!);
    if (offset < span.start) high = mid - 1;
    else if (offset >= span.end) low = mid + 1;
    else return mid;
  }
  return -1;
}

/** The item whose span covers `offset` (see indexAt). */
export function itemAt<T>(items: readonly T[], offset: number, spanOf: (item: T) => TextSpan): T | undefined {
  const index = indexAt(items, offset, spanOf);
  return index < 0 ? undefined : items[index];
}

/**
 * A copy of `s` that does not keep the string it was sliced from alive. V8 makes a slice of 13 or
 * more characters a view into its parent, so a metric or a name kept from one version of a document
 * to the next (carried findings, headings before an edit) would keep that version's whole text in
 * memory: after a few hundred edits of a long report, dozens of texts. A slice of a fresh
 * concatenation is taken from its flattened copy, which holds only these characters.
 */
export function detached(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
