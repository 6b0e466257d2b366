import type { Position, Range } from 'vscode-languageserver-types';

/**
 * Maps UTF-16 offsets to LSP positions and back. LSP counts characters in
 * UTF-16 code units, which is exactly what JavaScript string indices are, so
 * astral characters such as 𠮷 take two columns here as they do in the client.
 * Line breaks are LF, CRLF and lone CR, like vscode-languageserver-textdocument.
 */
export class LineIndex {
  /** Offset at which each line starts; always starts with 0. */
  readonly lineStarts: readonly number[];

  constructor(
    readonly text: string,
    lineStarts?: readonly number[],
  ) {
    this.lineStarts = lineStarts ?? computeLineStarts(text);
  }

  /**
   * The index of `text`, a new version of `previous.text` that keeps its first `prefix` and last
   * `suffix` characters: line starts before the change are kept, those after it are shifted, and
   * only the lines in between are looked for, so an edit costs what it touches (plus one copy of
   * the starts).
   */
  static edited(previous: LineIndex, text: string, prefix: number, suffix: number): LineIndex {
    const old = previous.lineStarts;
    const delta = text.length - previous.text.length;
    // A start s depends on text[s - 1] and text[s] (a CR right before an LF is not a break of its own).
    let keep = 1;
    while (keep < old.length && old[keep]! < prefix) keep++;
    const starts = old.slice(0, keep);
    // The first start past the change whose two characters lie in the common suffix holds in both texts.
    const suffixStart = previous.text.length - suffix;
    let tail = keep;
    while (tail < old.length && old[tail]! < suffixStart + 1) tail++;
    const stop = tail < old.length ? old[tail]! + delta : Number.POSITIVE_INFINITY;
    for (let i = starts[starts.length - 1]!; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code !== 13 && code !== 10) continue;
      if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
      if (i + 1 >= stop) break;
      starts.push(i + 1);
    }
    for (let k = tail; k < old.length; k++) starts.push(old[k]! + delta);
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Offset of the first character of `line` (clamped into the document). */
  lineStart(line: number): number {
    if (line <= 0) return 0;
    if (line >= this.lineStarts.length) return this.text.length;
    return this.lineStarts[line]!;
  }

  /** Offset just past the last character of `line`, before its line break. */
  lineEnd(line: number): number {
    if (line < 0) return 0;
    // The last line never ends in a break: a break would have started another line.
    if (line >= this.lineStarts.length - 1) return this.text.length;
    const next = this.lineStarts[line + 1]!;
    return next - trailingBreakLength(this.text, next);
  }

  lineAt(offset: number): number {
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    const target = Math.max(0, Math.min(offset, this.text.length));
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (starts[mid]! <= target) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(clamped);
    return { line, character: clamped - this.lineStarts[line]! };
  }

  /** Offset of an LSP position; positions past a line's end clamp to that end. */
  offsetAt(position: Position): number {
    if (!Number.isFinite(position.line) || position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line]!;
    const end = this.lineEnd(position.line);
    const character = Number.isFinite(position.character) ? Math.max(0, position.character) : 0;
    return Math.min(start + character, end);
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  // Most reports have no CR at all: then line breaks are found by indexOf, which runs natively.
  if (text.indexOf('\r') < 0) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (code === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Length of the line break that ends just before `offset` (0, 1 or 2). */
function trailingBreakLength(text: string, offset: number): number {
  const last = text.charCodeAt(offset - 1);
  if (last === 10) return text.charCodeAt(offset - 2) === 13 ? 2 : 1;
  if (last === 13) return 1;
  return 0;
}
