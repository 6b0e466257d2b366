/**
 * A fast reader for the glossary subset of YAML that nearly every glossary
 * uses: `term: definition` lines and `term:` blocks with `definition:`,
 * `aliases:` (a flow list or `- item` lines), `source:`, `gloss:`, `category:`.
 * Loading 10,000 entries with the general `yaml` parser takes several times the
 * budget; this reader takes a fraction of it. Anything outside the subset (block
 * scalars, anchors, tags, tabs, multi-line scalars, values YAML would read as
 * numbers or booleans…) makes it give up, and the caller uses `yaml` instead, so
 * the result is always what a YAML parser would give.
 */
export interface SimpleEntry {
  readonly term: string;
  /** 0-based line of the term. */
  readonly line: number;
  /** A definition string, or the fields of a block. */
  readonly value: string | Readonly<Record<string, string | readonly string[]>>;
}

const FIELDS = new Set(['definition', 'aliases', 'source', 'gloss', 'category']);

export function parseSimpleYaml(text: string): SimpleEntry[] | undefined {
  const lines = text.split(/\r\n|\n|\r/);
  const entries: SimpleEntry[] = [];
  let block: { term: string; line: number; fields: Record<string, string | string[]>; indent: number } | undefined;
  let listField: string | undefined;
  const flush = (): boolean => {
    if (!block) return true;
    if (Object.keys(block.fields).length === 0) return false; // `term:` with nothing under it
    entries.push({ term: block.term, line: block.line, value: block.fields });
    block = undefined;
    return true;
  };
  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n]!;
    if (raw.includes('\t')) return undefined;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const indent = raw.length - raw.trimStart().length;
    if (indent === 0) {
      if (!flush()) return undefined;
      listField = undefined;
      const pair = splitPair(trimmed);
      if (!pair) return undefined;
      if (pair.value === '') block = { term: pair.key, line: n, fields: {}, indent: -1 };
      else {
        const value = scalar(pair.value);
        if (value === undefined) return undefined;
        entries.push({ term: pair.key, line: n, value });
      }
      continue;
    }
    if (!block) return undefined;
    if (listField && trimmed.startsWith('- ') && indent > block.indent) {
      const item = scalar(trimmed.slice(2).trim());
      if (item === undefined) return undefined;
      (block.fields[listField] as string[]).push(item);
      continue;
    }
    if (block.indent === -1) block.indent = indent;
    if (indent !== block.indent) return undefined;
    listField = undefined;
    const pair = splitPair(trimmed);
    if (!pair || !FIELDS.has(pair.key) || pair.key in block.fields) return undefined;
    if (pair.key === 'aliases') {
      if (pair.value === '') {
        block.fields['aliases'] = [];
        listField = 'aliases';
        continue;
      }
      const list = flowList(pair.value);
      if (!list) return undefined;
      block.fields['aliases'] = list;
      continue;
    }
    const value = scalar(pair.value);
    if (value === undefined || pair.value === '') return undefined;
    block.fields[pair.key] = value;
  }
  return flush() ? entries : undefined;
}

/** `key: value` with a plain or quoted key; undefined when the line is anything else. */
function splitPair(line: string): { key: string; value: string } | undefined {
  let key: string | undefined;
  let rest: string;
  if (line.startsWith('"') || line.startsWith("'")) {
    const end = quotedEnd(line, 0);
    if (end < 0 || line[end + 1] !== ':') return undefined;
    key = scalar(line.slice(0, end + 1));
    rest = line.slice(end + 2);
  } else {
    const colon = line.search(/:(?: |$)/);
    if (colon <= 0) return undefined;
    key = plainScalar(line.slice(0, colon));
    rest = line.slice(colon + 1);
  }
  if (key === undefined || key === '') return undefined;
  if (rest !== '' && !rest.startsWith(' ')) return undefined;
  return { key, value: rest.trim() };
}

/** A one-line scalar: "double" (JSON escapes), 'single' ('' escape) or plain. */
function scalar(text: string): string | undefined {
  if (text.startsWith('"')) {
    const end = quotedEnd(text, 0);
    if (end !== text.length - 1) return undefined;
    try {
      const value: unknown = JSON.parse(text);
      return typeof value === 'string' ? value : undefined;
    } catch {
      return undefined;
    }
  }
  if (text.startsWith("'")) {
    const end = quotedEnd(text, 0);
    if (end !== text.length - 1) return undefined;
    return text.slice(1, -1).replace(/''/g, "'");
  }
  return plainScalar(text);
}

/**
 * A plain scalar YAML reads as the same string: no indicator at its start, no
 * `: ` or ` #` inside, and nothing YAML would read as a number, boolean or null.
 */
function plainScalar(text: string): string | undefined {
  if (text === '' || /^[-?:,[\]{}#&*!|>'"%@`]/.test(text) || / #|: |:$/.test(text)) return undefined;
  if (/^(?:[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|0x[\da-fA-F]+|0o[0-7]+|\.inf|\.nan|true|false|null|yes|no|on|off|~)$/i.test(text)) return undefined;
  return text;
}

/** `[a, "b", c]` on one line. */
function flowList(text: string): string[] | undefined {
  if (!text.startsWith('[') || !text.endsWith(']')) return undefined;
  const inner = text.slice(1, -1).trim();
  if (inner === '') return [];
  const items: string[] = [];
  let i = 0;
  while (i < inner.length) {
    let end: number;
    let raw: string;
    if (inner[i] === '"' || inner[i] === "'") {
      end = quotedEnd(inner, i);
      if (end < 0) return undefined;
      raw = inner.slice(i, end + 1);
      end++;
    } else {
      end = inner.indexOf(',', i);
      if (end < 0) end = inner.length;
      raw = inner.slice(i, end).trim();
      if (/[[\]{}]/.test(raw)) return undefined;
    }
    const value = scalar(raw.trim());
    if (value === undefined) return undefined;
    items.push(value);
    const rest = inner.slice(end).trimStart();
    if (rest === '') break;
    if (!rest.startsWith(',')) return undefined;
    i = inner.length - rest.length + 1;
    while (inner[i] === ' ') i++;
  }
  return items;
}

/** Index of the closing quote of the quoted scalar starting at `start`, or -1. */
function quotedEnd(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') {
      i++;
      continue;
    }
    if (text[i] === quote) {
      if (quote === "'" && text[i + 1] === "'") {
        i++;
        continue;
      }
      return i;
    }
  }
  return -1;
}
