/**
 * Disable comments, as Markdown linters read them: an HTML comment alone on its line.
 *   <!-- report-lens-disable-next-line CODE[, CODE] -->   the next non-blank line
 *   <!-- report-lens-disable CODE[, CODE] -->  …  <!-- report-lens-enable [CODE] -->
 * Without CODE, every check. Recognised in any document: an HTML comment that names Report Lens
 * says what it means whatever the file's language.
 */

const DIRECTIVE = /^\s*<!--\s*report-lens-(disable-next-line|disable|enable)\b([^>]*?)\s*-->\s*$/;

interface Region {
  readonly from: number;
  /** Inclusive; Infinity when no enable closes it. */
  readonly to: number;
  /** Undefined: every check. */
  readonly codes: ReadonlySet<string> | undefined;
}

export interface DisabledLines {
  /** Whether findings of `code` starting on `line` (0-based) are disabled. */
  isDisabled(line: number, code: string): boolean;
}

/** Undefined when the text has no directive at all (the common case costs one search). */
export function disabledLines(text: string): DisabledLines | undefined {
  if (!text.includes('report-lens-')) return undefined;
  const lines = text.split(/\r\n|\r|\n/);
  const regions: Region[] = [];
  /** Open disable regions by code ('*' for all), with their first line. */
  const open = new Map<string, number>();
  let pendingNext: ReadonlySet<string> | undefined | null = null;
  for (let line = 0; line < lines.length; line++) {
    const textLine = lines[line]!;
    const match = DIRECTIVE.exec(textLine);
    if (!match) {
      if (pendingNext !== null && textLine.trim()) {
        regions.push({ from: line, to: line, codes: pendingNext });
        pendingNext = null;
      }
      continue;
    }
    const codes = parseCodes(match[2]!);
    if (match[1] === 'disable-next-line') pendingNext = codes;
    else if (match[1] === 'disable') {
      for (const code of codes ?? ['*']) if (!open.has(code)) open.set(code, line + 1);
    } else {
      for (const code of codes ? [...codes] : [...open.keys()]) {
        const from = open.get(code);
        if (from === undefined) continue;
        regions.push({ from, to: line, codes: code === '*' ? undefined : new Set([code]) });
        open.delete(code);
      }
    }
  }
  for (const [code, from] of open) regions.push({ from, to: Infinity, codes: code === '*' ? undefined : new Set([code]) });
  if (regions.length === 0) return undefined;
  return {
    isDisabled: (line, code) => regions.some((r) => r.from <= line && line <= r.to && (!r.codes || r.codes.has(code))),
  };
}

function parseCodes(text: string): ReadonlySet<string> | undefined {
  const codes = text
    .split(/[,\s]+/)
    .map((c) => c.trim())
    .filter(Boolean);
  return codes.length > 0 ? new Set(codes) : undefined;
}
