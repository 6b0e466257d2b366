import type { Hover, MarkupContent } from 'vscode-languageserver-types';

/**
 * The longest hover markdown sent, in UTF-16 code units. A hover is read at a glance: ten thousand
 * characters is pages of it; beyond that the text comes from the input (a glossary definition, a
 * figure's own text) and would make one hover as large as the file, for the client to render.
 */
export const MAX_HOVER_LENGTH = 10_000;

const ELLIPSIS = '\n\n…';

/** The hover with its markdown cut to MAX_HOVER_LENGTH and an ellipsis, or as it is when shorter. */
export function limitHover(hover: Hover | null): Hover | null {
  if (!hover || !isMarkup(hover.contents) || hover.contents.value.length <= MAX_HOVER_LENGTH) return hover;
  return { ...hover, contents: { kind: hover.contents.kind, value: truncate(hover.contents.value, MAX_HOVER_LENGTH) } };
}

function isMarkup(contents: Hover['contents']): contents is MarkupContent {
  return typeof contents === 'object' && !Array.isArray(contents) && 'kind' in contents;
}

/** `text` cut to at most `max` code units ending with the ellipsis, never between the halves of a surrogate pair. */
export function truncate(text: string, max: number): string {
  let cut = max - ELLIPSIS.length;
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  return text.slice(0, cut) + ELLIPSIS;
}
