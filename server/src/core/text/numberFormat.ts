/**
 * Numbers as messages and hovers write them (en-US digits and grouping, the same in both locales).
 * `toLocaleString` builds an Intl.NumberFormat on every call, tens of microseconds each: a hover,
 * or a report with thousands of relations, spent most of its formatting time there. The formatters
 * are made once per set of options.
 */
const formatters = new Map<string, Intl.NumberFormat>();

export function formatEnUs(value: number, options: { readonly minimumFractionDigits?: number; readonly maximumFractionDigits?: number; readonly useGrouping?: boolean } = {}): string {
  const key = `${options.minimumFractionDigits ?? ''}/${options.maximumFractionDigits ?? ''}/${options.useGrouping ?? ''}`;
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = new Intl.NumberFormat('en-US', options)));
  return formatter.format(value);
}
