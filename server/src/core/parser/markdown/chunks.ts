import type { TextSpan } from '../../model';

/**
 * Where a Markdown text can be cut into pieces that parse alone exactly as they parse together:
 * before an ATX heading (`#` at the margin) that follows a blank line, outside fenced code, front
 * matter and the HTML blocks that run across blank lines (comments, <pre>, <script>…). Such a
 * heading closes every open paragraph, list and block quote, so nothing before it changes how it
 * or anything after it reads, except link and footnote definitions, which every piece is given
 * (see definitionLines). Re-parsing only the pieces an edit touched keeps typing in a long
 * Markdown report as cheap as in a short one.
 */
export function splitChunks(text: string): TextSpan[] {
  const chunks: TextSpan[] = [];
  let chunkStart = 0;
  let fence: string | undefined;
  let htmlEnd: string | undefined;
  let previousBlank = true;
  let at = frontMatterEnd(text);
  while (at < text.length) {
    const newline = text.indexOf('\n', at);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(at, end);
    if (fence !== undefined) {
      if (closesFence(line, fence)) fence = undefined;
    } else if (htmlEnd !== undefined) {
      if (line.toLowerCase().includes(htmlEnd)) htmlEnd = undefined;
    } else {
      if (previousBlank && at > chunkStart && ATX.test(line)) {
        chunks.push({ start: chunkStart, end: at });
        chunkStart = at;
      }
      const open = FENCE.exec(line);
      if (open) fence = open[1]!;
      else htmlEnd = openHtml(line);
    }
    previousBlank = /^[ \t\r]*$/.test(line);
    at = end + 1;
  }
  chunks.push({ start: chunkStart, end: text.length });
  return chunks;
}

const ATX = /^#{1,6}(?:[ \t\r]|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HTML_BLOCK: readonly [RegExp, string][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, ''],
  [/^ {0,3}<!--/, '-->'],
  [/^ {0,3}<\?/, '?>'],
  [/^ {0,3}<![A-Za-z]/, '>'],
  [/^ {0,3}<!\[CDATA\[/, ']]>'],
];

function closesFence(line: string, fence: string): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})[ \t\r]*$/.exec(line);
  return match !== null && match[1]![0] === fence[0] && match[1]!.length >= fence.length;
}

/** The end marker of an HTML block that line opens and does not close on the same line. */
function openHtml(line: string): string | undefined {
  for (const [pattern, endMarker] of HTML_BLOCK) {
    const match = pattern.exec(line);
    if (!match) continue;
    const marker = endMarker || `</${/<([a-z]+)/i.exec(line)![1]!.toLowerCase()}>`;
    return line.slice(match[0].length).toLowerCase().includes(marker) ? undefined : marker;
  }
  return undefined;
}

/** Past YAML or TOML front matter at the very start, where a `# comment` is no heading. */
function frontMatterEnd(text: string): number {
  const open = /^(---|\+\+\+)[ \t]*\r?\n/.exec(text);
  if (!open) return 0;
  const close = new RegExp(`\\n${open[1] === '---' ? '(?:---|\\.\\.\\.)' : '\\+\\+\\+'}[ \\t]*(?:\\r?\\n|$)`).exec(text.slice(open[0].length - 1));
  return close ? open[0].length - 1 + close.index + close[0].length : text.length;
}

const DEFINITION = /^ {0,3}\[([^\]\n]+)\]:.*$/gm;

/**
 * The first definition line of every link and footnote label (`[ref]: url`, `[^1]: …`; the first
 * one counts in CommonMark), so that a reference in one piece is read as a reference whichever
 * piece defines it. Cheap when there are none.
 */
export function definitionLines(text: string): string {
  if (!text.includes(']:')) return '';
  const byLabel = new Map<string, string>();
  for (const match of text.matchAll(DEFINITION)) {
    const label = match[1]!.trim().toLowerCase().replace(/\s+/g, ' ');
    if (!byLabel.has(label)) byLabel.set(label, match[0]);
  }
  return [...byLabel.values()].join('\n');
}
