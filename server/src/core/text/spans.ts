import type { TextSpan } from '../model';

/**
 * Binary search over items sorted by position that never overlap (figures,
 * term occurrences): the one whose span covers `offset`, end exclusive.
 */
export function itemAt<T>(items: readonly T[], offset: number, spanOf: (item: T) => TextSpan): T | undefined {
  let low = 0;
  let high = items.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const span = spanOf(items[mid]!);
    if (offset < span.start) high = mid - 1;
    else if (offset >= span.end) low = mid + 1;
    else return items[mid];
  }
  return undefined;
}
