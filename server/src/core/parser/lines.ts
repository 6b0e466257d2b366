import type { LineIndex } from '../text/lineIndex';
import { isCjk, isHorizontalSpace, isSentenceFinal, isClosingMark, isSpace } from '../text/chars';
import { matchMarker, type MarkerMatch } from './numbering';

export type LineKind = 'blank' | 'atx' | 'setext-underline' | 'rule' | 'metadata' | 'bullet' | 'dash' | 'marker' | 'text';

/**
 * What the parser needs to know about one line, computed in one pass. Its offsets and line number
 * are those of the version it was scanned in: a later version that moved the line says by how much
 * (LineTable.shifts; read it with placedInfo).
 */
export interface LineInfo {
  readonly line: number;
  readonly start: number;
  /** End of the line's text, before its break. */
  readonly end: number;
  /** First character after the indentation. */
  readonly contentStart: number;
  /** End of the text without trailing spaces. */
  readonly contentEnd: number;
  /** Indentation in columns: a full-width space counts 2, a tab 4. */
  readonly indent: number;
  readonly kind: LineKind;
  readonly marker: MarkerMatch | undefined;
  /** Whether CJK characters appear near the line's start: decides Chinese or Latin line rules. */
  readonly cjk: boolean;
  /** Whether the text ends with sentence-final punctuation (closing quotes skipped). */
  readonly endsSentence: boolean;
  /** Whether the text ends with a colon, as an introduction does. */
  readonly endsWithColon: boolean;
  /** Setext level (1 for ===, 2 for ---) when kind is setext-underline; ATX level when atx. */
  readonly level: number;
  /**
   * LINE_COLUMNS and LINE_COMMENT: what the passes over the whole document look for, found with
   * the line, so that an edit reads again only the lines it touched (a line's marks depend on its
   * text alone).
   */
  readonly marks: number;
}

/** The line may be a table row: a tab, a pipe, or two spaces between words (a column gap). */
export const LINE_COLUMNS = 1;
/** The line opens an HTML comment after its white space (where a disable comment stands). */
export const LINE_COMMENT = 2;

const ATX = /^(#{1,6})(?:[ \t]|$)/;
const SETEXT = /^(?:=+|-+)[ \t]*$/;
const RULE = /^(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|(?:-[ \t]*){3,})$/;
/**
 * Metadata keys of news items and releases. Kept to known words: a line
 * like "各位代表：" ends with a colon too, and is a salutation, not metadata.
 */
export const METADATA = /^(?:[•·●▪*-][ \t\u3000]*)?(来源|时间|日期|作者|发布时间|发布日期|发布单位|发布机构|编辑|责任编辑|记者|通讯员|原标题|Source|Date|Author|Authors|Published|Updated|Publisher|Release date|Released|By)[ \t\u3000]*[:：][ \t\u3000]*/i;
const BULLET_CHARS = '•·●▪◆◇■□○◎►▶';

/**
 * The line infos of one version. An info keeps the offsets and line number of the version it was
 * scanned in, and `shifts[line]` says how far its line has moved since: an edit moves the lines
 * after it without a copy of their infos (at 16 MB, 80,000 objects per edit that would outlive
 * the edit and be copied by every collection). Read them with `placedInfo`.
 */
export interface LineTable {
  readonly infos: readonly LineInfo[];
  readonly shifts: Int32Array;
}

export function scanLines(text: string, lines: LineIndex): LineTable {
  const infos: LineInfo[] = new Array(lines.lineCount);
  for (let line = 0; line < lines.lineCount; line++) {
    infos[line] = scanLine(text, line, lines.lineStart(line), lines.lineEnd(line));
  }
  return { infos, shifts: new Int32Array(lines.lineCount) };
}

/**
 * Line infos of a new version (see LineIndex.edited): a line wholly inside the unchanged prefix or
 * the unchanged suffix keeps its info object (a moved line adds to its shift), the others are scanned.
 */
export function scanLinesEdited(text: string, lines: LineIndex, previous: LineTable, previousLength: number, prefix: number, suffix: number): LineTable {
  const count = lines.lineCount;
  const infos: LineInfo[] = new Array(count);
  const shifts = new Int32Array(count);
  const delta = text.length - previousLength;
  const lineDelta = count - previous.infos.length;
  const suffixStart = text.length - suffix;
  for (let line = 0; line < count; line++) {
    const start = lines.lineStart(line);
    const next = line + 1 < count ? lines.lineStart(line + 1) : text.length + 1;
    const old = previous.infos[line];
    if (next < prefix && old && old.start + previous.shifts[line]! === start) {
      infos[line] = old;
      shifts[line] = previous.shifts[line]!;
      continue;
    }
    const from = line - lineDelta;
    const moved = previous.infos[from];
    if (start - 1 >= suffixStart && moved && moved.start + previous.shifts[from]! === start - delta) {
      infos[line] = moved;
      shifts[line] = previous.shifts[from]! + delta;
      continue;
    }
    infos[line] = scanLine(text, line, start, lines.lineEnd(line));
  }
  return { infos, shifts };
}

/** The info of `line` with this version's offsets and line number (a copy only for a line that moved). */
export function placedInfo(table: LineTable, line: number): LineInfo {
  const info = table.infos[line]!;
  const shift = table.shifts[line]!;
  return shift === 0 && info.line === line ? info : shiftInfo(info, shift, line - info.line);
}

function shiftInfo(info: LineInfo, delta: number, lineDelta: number): LineInfo {
  const marker = info.marker && { ...info.marker, markerEnd: info.marker.markerEnd + delta, textStart: info.marker.textStart + delta };
  return make(info.line + lineDelta, info.start + delta, info.end + delta, info.contentStart + delta, info.contentEnd + delta, info.indent, info.kind, marker, info.cjk, info.endsSentence, info.endsWithColon, info.level, info.marks);
}

/** One line's info, for a parser that looks at a few lines only (the Markdown reader's paragraphs). */
export function scanLineAt(text: string, lines: LineIndex, line: number): LineInfo {
  return scanLine(text, line, lines.lineStart(line), lines.lineEnd(line));
}

function scanLine(text: string, line: number, start: number, end: number): LineInfo {
  let contentStart = start;
  let indent = 0;
  for (; contentStart < end; contentStart++) {
    const code = text.charCodeAt(contentStart);
    if (!isHorizontalSpace(code)) break;
    indent += code === 0x3000 ? 2 : code === 0x09 ? 4 : code === 0xfeff ? 0 : 1;
  }
  let contentEnd = end;
  while (contentEnd > contentStart && isHorizontalSpace(text.charCodeAt(contentEnd - 1))) contentEnd--;
  const marks = marksOf(text, start, end);
  if (contentStart === contentEnd) return make(line, start, end, contentStart, contentEnd, indent, 'blank', undefined, false, false, false, 0, marks);

  const head = text.slice(contentStart, Math.min(contentEnd, contentStart + 64));
  const cjk = hasCjk(head);
  const tail = lastMeaningfulChar(text, contentStart, contentEnd);
  const endsSentence = isSentenceFinal(tail) || (tail === 0x2e /* . */ && !cjk);
  const endsWithColon = tail === 0x3a || tail === 0xff1a;
  const info = (kind: LineKind, marker?: MarkerMatch, level = 0): LineInfo =>
    make(line, start, end, contentStart, contentEnd, indent, kind, marker, cjk, endsSentence, endsWithColon, level, marks);

  const first = head[0]!;
  if (first === '#') {
    const atx = ATX.exec(head);
    if (atx) return info('atx', undefined, atx[1]!.length);
  }
  if ((first === '=' || first === '-' || first === '*' || first === '_') && contentEnd - contentStart <= 64) {
    if (SETEXT.test(head) && indent < 4) return info('setext-underline', undefined, first === '=' ? 1 : 2);
    if (RULE.test(head)) return info('rule');
  }
  // Metadata keys are short words followed by a colon: test the pattern only when a colon is near.
  if ((head.includes(':') || head.includes('：')) && METADATA.test(head)) return info('metadata');
  if (head.startsWith('——') || head.startsWith('--')) return info('dash');
  if (BULLET_CHARS.includes(first) || ((first === '-' || first === '*' || first === '+') && /^[-*+][ \t]/.test(head))) return info('bullet');
  const marker = matchMarker(text, contentStart, contentEnd);
  if (marker && marker.textStart < contentEnd) return info('marker', marker);
  return info('text');
}

function make(
  line: number,
  start: number,
  end: number,
  contentStart: number,
  contentEnd: number,
  indent: number,
  kind: LineKind,
  marker: MarkerMatch | undefined,
  cjk: boolean,
  endsSentence: boolean,
  endsWithColon: boolean,
  level: number,
  marks: number,
): LineInfo {
  return { line, start, end, contentStart, contentEnd, indent, kind, marker, cjk, endsSentence, endsWithColon, level, marks };
}

/**
 * The marks of the line [start, end). A column gap is judged as the table reader judges it: two
 * or more spaces with no white space on either side (the line's break counts as white space).
 */
function marksOf(text: string, start: number, end: number): number {
  let marks = 0;
  let first = start;
  while (first < end && isSpace(text.charCodeAt(first))) first++;
  if (text.startsWith('<!--', first) && first + 4 <= end) marks |= LINE_COMMENT;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x09 || code === 0x7c) return marks | LINE_COLUMNS;
    if (code !== 0x20 || text.charCodeAt(i + 1) !== 0x20) continue;
    let gapEnd = i + 2;
    while (text.charCodeAt(gapEnd) === 0x20) gapEnd++;
    if (i > 0 && !isSpace(text.charCodeAt(i - 1)) && gapEnd < text.length && !isSpace(text.charCodeAt(gapEnd))) return marks | LINE_COLUMNS;
    i = gapEnd - 1;
  }
  return marks;
}

function hasCjk(head: string): boolean {
  for (let i = 0; i < head.length; i++) if (isCjk(head.charCodeAt(i))) return true;
  return false;
}

/** The last character that is not a closing quote or bracket, as a char code (0 if none). */
function lastMeaningfulChar(text: string, start: number, end: number): number {
  let i = end - 1;
  while (i >= start && isClosingMark(text.charCodeAt(i))) i--;
  return i >= start ? text.charCodeAt(i) : 0;
}
