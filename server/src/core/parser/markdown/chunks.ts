import type { TextSpan } from '../../model';

/** A piece of a Markdown text that parses alone exactly as it parses in place (see splitPieces). */
export interface Piece extends TextSpan {
  /**
   * The piece is one paragraph of prose at the margin in which nothing can be a block of its own
   * or hide text, or one such `#` heading (see plainParagraphEnd, plainHeading): it is read without the parser, and the
   * paragraph or heading ends at `plainEnd`. Undefined when the parser must read it.
   */
  readonly plainEnd: number | undefined;
  /** For a plain piece: 0 for a paragraph, the level of a heading. */
  readonly plainDepth?: number;
}

/**
 * Where a Markdown text can be cut into pieces that parse alone exactly as they parse together:
 * before a line at the margin that follows a blank line, where no block that runs across blank
 * lines (fenced code, the HTML blocks of comments, <pre>, <script>…) is open. Such a line closes
 * every open paragraph, list, block quote, footnote and indented code block, so nothing before it
 * changes how it or anything after it reads, except link and footnote definitions, which each
 * piece is given (see definitionsFor). Parsing pieces one by one keeps the parser's work per
 * piece, so an edit re-parses only the pieces it touched, and most paragraphs of a report, being
 * plain prose, need no parser at all.
 *
 * Whether a fence or an HTML block is open is known only up to the list items around it, which
 * this line scan does not follow: every reading a line allows is followed (a fence at the margin
 * of the text or of any list item it may be in; an HTML block that may end at the next blank
 * line), and a cut is made only where every reading agrees that nothing is open.
 */
export function splitPieces(text: string): Piece[] {
  const pieces: Piece[] = [];
  let pieceStart = 0;
  let readings: Reading[] = [OUT];
  let previous: Line | undefined;
  /** The last line that was not blank: after indented code, the parser reads some lines differently. */
  let lastFilled: Line | undefined;
  const start = frontMatterEnd(text);
  // Lone CRs (old Mac line breaks) the parser reads in ways this scan does not follow: one piece.
  if (LONE_CR.test(text)) return [piece(text, 0, text.length, false)];
  for (let at = start; at < text.length; ) {
    const line = lineAt(text, at);
    if (at > pieceStart && previous?.blank && startsPiece(line, lastFilled) && readings.every((r) => r.kind === 'out')) {
      pieces.push(piece(text, pieceStart, at, pieceStart >= start));
      pieceStart = at;
    }
    readings = step(readings, line, previous);
    previous = line;
    if (!line.blank) lastFilled = line;
    at = line.next;
  }
  pieces.push(piece(text, pieceStart, text.length, pieceStart >= start));
  return pieces;
}

const LONE_CR = /\r(?!\n)/;

/** Whether a line after a blank line, with nothing open, can start a piece (`lastFilled`: the last line before it that was not blank). */
function startsPiece(line: Line, lastFilled: Line | undefined): boolean {
  if (line.blank || line.indent > 0 || FRONT_MATTER_OPENER.test(line.content)) return false;
  return !(lastFilled && lastFilled.indent >= 4) || SAFE_AFTER_CODE.test(line.content);
}

/** `---` and `+++` open front matter at the start of a text: a piece must not start with them. */
const FRONT_MATTER_OPENER = /^(?:---|\+\+\+)/;

/**
 * What a piece may start with right after indented code (even across blank lines): there the
 * parser reads what cannot interrupt a paragraph (list items but for some, an HTML tag of no block
 * kind, a table), also inside a block quote or footnote, as if it might interrupt one, so only a
 * line of words, with no pipe or tag in it, starts a piece there.
 */
const SAFE_AFTER_CODE = /^[^\x21-\x40\x5b-\x60\x7b-\x7e][^|<]*$/;

interface Line {
  readonly start: number;
  /** The line's text without its line break. */
  readonly content: string;
  /** Where the next line starts. */
  readonly next: number;
  readonly blank: boolean;
  /** Columns of leading white space (a tab to the next multiple of 4). */
  readonly indent: number;
  /** The line's text after its leading white space. */
  readonly rest: string;
}

function lineAt(text: string, at: number): Line {
  let end = at;
  while (end < text.length) {
    const code = text.charCodeAt(end);
    if (code === 0x0a || code === 0x0d) break;
    end++;
  }
  const next = text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a ? end + 2 : end + 1;
  const content = text.slice(at, end);
  let indent = 0;
  let i = 0;
  for (; i < content.length; i++) {
    const code = content.charCodeAt(i);
    if (code === 0x20) indent++;
    else if (code === 0x09) indent += 4 - (indent % 4);
    else break;
  }
  return { start: at, content, next, blank: i === content.length, indent, rest: content.slice(i) };
}

/**
 * One way of reading the lines so far: nothing open; a fenced code block or an HTML block that
 * ends at a marker, at the margin of the text (`margin` 0) or of a list item whose content starts
 * at column `margin`; or an HTML block that ends at the next blank line.
 */
type Reading =
  | { readonly kind: 'out' }
  | { readonly kind: 'fence'; readonly mark: string; readonly margin: number }
  | { readonly kind: 'html'; readonly ends: readonly string[]; readonly margin: number }
  | { readonly kind: 'html-to-blank' };

const OUT: Reading = { kind: 'out' };
const TO_BLANK: Reading = { kind: 'html-to-blank' };

function step(readings: readonly Reading[], line: Line, previous: Line | undefined): Reading[] {
  const next = new Map<string, Reading>();
  for (const reading of readings) for (const r of stepOne(reading, line, previous)) next.set(keyOf(r), r);
  return [...next.values()];
}

function keyOf(r: Reading): string {
  switch (r.kind) {
    case 'fence':
      return `f${r.mark}:${r.margin}`;
    case 'html':
      return `h${r.ends.join(' ')}:${r.margin}`;
    default:
      return r.kind;
  }
}

function stepOne(reading: Reading, line: Line, previous: Line | undefined): readonly Reading[] {
  if (line.blank) return reading.kind === 'html-to-blank' ? [OUT] : [reading];
  switch (reading.kind) {
    case 'out':
      return opened(line, previous);
    case 'html-to-blank':
      return [reading];
    case 'fence':
      // A line left of a list item's content ends the item, and the code in it.
      if (line.indent < reading.margin) return opened(line, previous);
      return line.indent - reading.margin <= 3 && closesFence(line.rest, reading.mark) ? [OUT] : [reading];
    case 'html': {
      if (line.indent < reading.margin) return opened(line, previous);
      const lower = line.content.toLowerCase();
      return reading.ends.some((end) => lower.includes(end)) ? [OUT] : [reading];
    }
  }
}

/** The readings after a line read with nothing open. */
function opened(line: Line, previous: Line | undefined): Reading[] {
  if (line.indent > 3) return [OUT]; // indented code or a paragraph's continuation: opens nothing
  const readings: Reading[] = [];
  const fence = FENCE.exec(line.rest);
  if (fence && !(fence[1]![0] === '`' && fence[2]!.includes('`'))) {
    for (const margin of margins(line.indent)) readings.push({ kind: 'fence', mark: fence[1]!, margin });
  } else if (line.rest.startsWith('<')) {
    const html = htmlOpening(line.rest);
    if (html === 'closed') readings.push(OUT);
    else if (html) for (const margin of margins(line.indent)) readings.push({ kind: 'html', ends: html, margin });
    else readings.push(OUT, TO_BLANK); // perhaps an HTML block that runs to the next blank line, in which nothing opens
  } else return [OUT];
  // Right under a table row (or the lines of an HTML block), the line may be a row (or more HTML) instead.
  if (previous && !previous.blank && previous.content.includes('|')) readings.push(OUT);
  return readings;
}

/** The margins a block opened at `indent` may have: the text's, or a list item's (content at column 2 or more). */
function margins(indent: number): number[] {
  const all = [0];
  for (let margin = 2; margin <= indent; margin++) all.push(margin);
  return all;
}

const FENCE = /^(`{3,}|~{3,})(.*)$/;

function closesFence(rest: string, mark: string): boolean {
  const match = /^(`{3,}|~{3,})[ \t]*$/.exec(rest);
  return match !== null && match[1]![0] === mark[0] && match[1]!.length >= mark.length;
}

const HTML_BLOCKS: readonly [RegExp, readonly string[]][] = [
  [/^<(?:script|pre|style|textarea)(?:[ \t>]|$)/i, ['</script>', '</pre>', '</style>', '</textarea>']],
  [/^<!--/, ['-->']],
  [/^<\?/, ['?>']],
  [/^<![A-Za-z]/, ['>']],
  [/^<!\[CDATA\[/, [']]>']],
];

/**
 * The end markers of an HTML block (of the kinds that run across blank lines) that `rest` opens,
 * 'closed' when it also ends on this line, undefined when it opens none of them.
 */
function htmlOpening(rest: string): readonly string[] | 'closed' | undefined {
  for (const [pattern, ends] of HTML_BLOCKS) {
    const match = pattern.exec(rest);
    if (!match) continue;
    const lower = rest.toLowerCase();
    if (ends.some((end) => lower.includes(end, match[0].length))) return 'closed';
    // `<!-->` and the like: whether the end may overlap the start is the parser's call, so both readings stay.
    return ends.some((end) => lower.includes(end, 2)) ? undefined : ends;
  }
  return undefined;
}

/** Past YAML or TOML front matter at the very start, where a `# comment` is no heading. */
function frontMatterEnd(text: string): number {
  const open = /^(---|\+\+\+)[ \t]*\r?\n/.exec(text);
  if (!open) return 0;
  // Searched from the opening line on, without copying the text.
  const close = open[1] === '---' ? /\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/g : /\n\+\+\+[ \t]*(?:\r?\n|$)/g;
  close.lastIndex = open[0].length - 1;
  const match = close.exec(text);
  return match ? match.index + match[0].length : text.length;
}

function piece(text: string, start: number, end: number, canBePlain: boolean): Piece {
  if (!canBePlain) return { start, end, plainEnd: undefined };
  const heading = plainHeading(text, start, end);
  return heading ? { start, end, plainEnd: heading.end, plainDepth: heading.depth } : { start, end, plainEnd: plainParagraphEnd(text, start, end) };
}

/**
 * A `#` heading alone in its piece (blank lines after it) whose words are plain as a plain
 * paragraph's are, written simply: one space after the #s, no closing #s, no trailing space.
 */
function plainHeading(text: string, start: number, end: number): { end: number; depth: number } | undefined {
  if (text.charCodeAt(start) !== 0x23 /* # */) return undefined;
  const line = lineAt(text, start);
  const match = PLAIN_HEADING.exec(line.content);
  if (!match || NOT_PLAIN.test(line.content)) return undefined;
  for (let at = line.next; at < end; ) {
    const next = lineAt(text, at);
    if (!next.blank) return undefined;
    at = next.next;
  }
  return { end: start + line.content.length, depth: match[1]!.length };
}

/** `#` to `######`, one space, words with no # and no space at either end. */
const PLAIN_HEADING = /^(#{1,6}) [^#\s](?:[^#]*[^#\s])?$/;

/**
 * Where the paragraph that is the whole of [start, end) ends (before trailing blank lines), when it
 * is plain: its lines start at the margin with nothing a block can start with, and it holds no
 * character that could start inline code, HTML, a link, an image, a footnote mark or an autolinked
 * URL. What is left (emphasis, escapes, entities, hard breaks) hides no text, so the paragraph is
 * read exactly as the parser would read it, with no parser. Undefined otherwise.
 */
function plainParagraphEnd(text: string, start: number, end: number): number | undefined {
  let paragraphEnd = start;
  let blankSeen = false;
  for (let at = start; at < end; ) {
    const line = lineAt(text, at);
    if (line.blank) blankSeen = true;
    else if (blankSeen || BLOCK_START.test(line.rest) || (at === start && line.indent > 0)) return undefined;
    else paragraphEnd = line.start + line.content.length;
    at = line.next;
  }
  if (paragraphEnd === start) return undefined;
  const body = text.slice(start, paragraphEnd);
  return NOT_PLAIN.test(body) ? undefined : paragraphEnd;
}

/** What a line of a plain paragraph may not start with: block markers, list numbers, table or setext rows. */
const BLOCK_START = /^(?:[#>\-+*_=~`<|:[]|\d{1,9}[.)])/;
/** Inline code, HTML and autolinks, links and images, table pipes, autolinked e-mail and web addresses, NUL, a lone CR. */
const NOT_PLAIN = /[`<[|@\0]|www\.|http|\r(?!\n)/i;

/** Whether a piece may hold a link or footnote definition: it must then be parsed to know (see read.ts). */
export function mayDefine(piece: string): boolean {
  return piece.includes(']:');
}

/** A label as the parser matches references to definitions: white space collapsed, case folded. */
export function normalLabel(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').replace(/^ | $/g, '').toLowerCase().toUpperCase();
}

/** Every bracketed stretch of a text (labels hold no unescaped bracket): all labels it may refer to. */
const BRACKETED = /\[((?:\\[\s\S]|[^\\[\]])*)\]/g;

/**
 * The definitions a piece may refer to, one per line, for the piece to be parsed with: a reference
 * reads as one only where its label is defined, wherever in the text that is. Only the labels the
 * piece holds in brackets, so that a report with a footnote per paragraph does not give every
 * piece every footnote (which made reading it quadratic).
 */
export function definitionsFor(piece: string, definitions: ReadonlyMap<string, string>): string[] {
  if (definitions.size === 0 || !piece.includes('[')) return [];
  const lines = new Set<string>();
  for (const match of piece.matchAll(BRACKETED)) {
    const line = definitions.get(normalLabel(match[1]!));
    if (line !== undefined) lines.add(line);
  }
  return [...lines];
}
