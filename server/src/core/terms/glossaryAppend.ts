import { parseGlossary, type GlossaryFormat, type ParsedGlossary } from './glossaryFile';

/**
 * The text "Add to workspace glossary" appends to a glossary file so that the file then defines
 * `term` with `definition`, or undefined when no such text can be appended safely. Checked, not
 * assumed: the file is read as it is and as it would be, with the glossary reader itself, and the
 * text is offered only when the file had no problems, still has none, every old entry reads exactly
 * as before, and one new entry reads as `term`. That rules out a YAML file closed with `...` (the
 * entry would start a second document), a flow mapping `{a: b}` (it would become invalid), a CSV
 * with an unclosed quote (the row would be swallowed), JSON (no append keeps it valid), and a term
 * with spaces around it (every reader trims keys, so it would never be found again).
 */
export function appendedEntry(text: string, format: GlossaryFormat, uri: string, term: string, definition: string): string | undefined {
  if (format === 'json') return undefined;
  const before = parsedOnce(text, format, uri);
  if (before.problems.length > 0) return undefined;
  const stub = format === 'csv' ? `${csvField(term)},${csvField(definition)},\n` : `${yamlKey(term)}: ${JSON.stringify(definition)}\n`;
  const appended = (text.length > 0 && !/[\r\n]$/.test(text) ? '\n' : '') + stub;
  const after = parseGlossary(text + appended, format, uri);
  if (after.problems.length > 0 || after.entries.length !== before.entries.length + 1) return undefined;
  for (let i = 0; i < before.entries.length; i++) if (JSON.stringify(after.entries[i]) !== JSON.stringify(before.entries[i])) return undefined;
  const added = after.entries[before.entries.length]!;
  return added.term === term && added.definition === definition.trim() ? appended : undefined;
}

/*
 * The last file read as it is: a code action request asks again for each undefined term under the
 * cursor, and a glossary can be megabytes; it changes far less often than it is asked about.
 */
let lastRead: { text: string; format: GlossaryFormat; uri: string; parsed: ParsedGlossary } | undefined;

function parsedOnce(text: string, format: GlossaryFormat, uri: string): ParsedGlossary {
  if (lastRead?.text !== text || lastRead.format !== format || lastRead.uri !== uri) lastRead = { text, format, uri, parsed: parseGlossary(text, format, uri) };
  return lastRead.parsed;
}

/** A YAML key that stays a plain string whatever the term holds. */
function yamlKey(term: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N} _-]*$/u.test(term) && !/ $/.test(term) && !/^(true|false|null|yes|no|on|off|~)$/i.test(term) ? term : JSON.stringify(term);
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}
