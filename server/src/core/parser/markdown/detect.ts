import type { TextFormat } from '../../model';

/**
 * Whether a document given as plain text is Markdown all the same: it opens with front matter or
 * holds a fenced code block. Both are written only in Markdown, and read as prose they would fill
 * the report with figures from code and metadata. Cheap on purpose (native string searches), as
 * it runs at every version of every plain-text report; headings, lists and emphasis prove nothing,
 * since plain reports use #, - and * too.
 */
export function looksLikeMarkdown(text: string): boolean {
  return hasFrontMatter(text) || hasFence(text);
}

function hasFence(text: string): boolean {
  return text.startsWith('```') || text.startsWith('~~~') || text.includes('\n```') || text.includes('\n~~~');
}

/** How far into the text an edit can make or unmake front matter (see hasFrontMatter). */
const FRONT_MATTER_WINDOW = 4096 + 8;

/**
 * looksLikeMarkdown for a new version of a text that did not look like Markdown, when only
 * [prefix, length - suffix) changed: a fence can only have appeared where the edit was, front
 * matter only near the start. Typing in a 10 MB plain report then costs nothing here.
 */
export function looksLikeMarkdownAfterEdit(text: string, prefix: number, suffix: number): boolean {
  if (prefix < FRONT_MATTER_WINDOW && hasFrontMatter(text)) return true;
  // A fence is four characters (a line break and three marks): one made by the edit overlaps it.
  const window = text.slice(Math.max(0, prefix - 4), Math.min(text.length, text.length - suffix + 4));
  if (!window.includes('```') && !window.includes('~~~')) return false;
  return hasFence(text); // rare (three marks were typed): the whole text decides, exactly as a full parse would
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
