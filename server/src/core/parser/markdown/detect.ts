import type { TextFormat } from '../../model';

/**
 * Whether a document given as plain text is Markdown all the same: it opens with front matter or
 * holds a fenced code block. Both are written only in Markdown, and read as prose they would fill
 * the report with figures from code and metadata. Cheap on purpose (native string searches), as
 * it runs at every version of every plain-text report; headings, lists and emphasis prove nothing,
 * since plain reports use #, - and * too.
 */
export function looksLikeMarkdown(text: string): boolean {
  return hasFrontMatter(text) || text.startsWith('```') || text.startsWith('~~~') || text.includes('\n```') || text.includes('\n~~~');
}

/** `---` on the first line, a `key:` line under it, and a closing `---` or `...` within a few lines. */
function hasFrontMatter(text: string): boolean {
  const open = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
  if (!open) return false;
  const head = text.slice(open[0].length, open[0].length + 4096);
  return /^[A-Za-z_][\w .-]*:(?:[ \t]|\r?$)/m.test(head.slice(0, head.indexOf('\n') + 1 || head.length)) && /\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.test(head);
}

const MARKDOWN_EXTENSION = /\.(?:md|markdown|mdown|mkd|mkdn)$/i;

/**
 * How a document is read, from what the editor or the file system says: Markdown for the
 * `markdown` language and for Markdown files mapped to the report language; otherwise undefined,
 * and the text itself decides (see looksLikeMarkdown).
 */
export function formatOf(languageId: string | undefined, uriOrPath: string): TextFormat | undefined {
  if (languageId === 'markdown') return 'markdown';
  const path = uriOrPath.replace(/[?#].*$/, '');
  return MARKDOWN_EXTENSION.test(path) ? 'markdown' : undefined;
}
