import { displayWeight } from '../text/chars';
import type { LineInfo, LineKind, LineTable } from './lines';

/** A block before classification: which lines it spans and how it started. */
export interface RawBlock {
  readonly firstLine: number;
  lastLine: number;
  readonly start: number;
  end: number;
  /** Kind of the block's first line. */
  readonly lead: LineKind;
  blankBefore: boolean;
  blankAfter: boolean;
  /** Set when a setext underline (=== or ---) closes this one-line block. */
  setextLevel: number;
}

/** Kinds that always stand alone on their line. */
const SINGLE_LINE: ReadonlySet<LineKind> = new Set<LineKind>(['atx', 'rule', 'metadata', 'setext-underline']);

/** A line of Chinese at least this wide and not ending a sentence is taken as hard-wrapped. */
const WRAPPED_CJK_WEIGHT = 30;

/**
 * Groups lines into blocks. Chinese reports put each paragraph on one line,
 * often indented with spaces or U+3000 and not always separated by blank
 * lines; English releases wrap paragraphs over several lines separated by
 * blank lines. Both are handled by deciding, line by line, whether a line
 * continues the block above it.
 */
export function groupBlocks(text: string, table: LineTable): RawBlock[] {
  const { infos, shifts } = table;
  const blocks: RawBlock[] = [];
  let current: RawBlock | undefined;
  let blankBefore = true;
  for (let line = 0; line < infos.length; line++) {
    const info = infos[line]!;
    // The info's offsets are those of the version it was scanned in: this version's are shifted.
    const shift = shifts[line]!;
    if (info.kind === 'blank') {
      if (current) current.blankAfter = true;
      current = undefined;
      blankBefore = true;
      continue;
    }
    if (info.kind === 'setext-underline' && current && isSetextCandidate(current, infos)) {
      current.setextLevel = info.level;
      current.lastLine = line;
      current.end = info.contentEnd + shift;
      current = undefined; // nothing continues a heading
      blankBefore = false;
      continue;
    }
    if (current && continues(text, current, infos[current.lastLine]!, shifts[current.lastLine]!, info)) {
      current.lastLine = line;
      current.end = info.contentEnd + shift;
      continue;
    }
    current = {
      firstLine: line,
      lastLine: line,
      start: info.contentStart + shift,
      end: info.contentEnd + shift,
      lead: info.kind === 'setext-underline' ? 'rule' : info.kind,
      blankBefore,
      blankAfter: false,
      setextLevel: 0,
    };
    blocks.push(current);
    blankBefore = false;
  }
  if (current) current.blankAfter = true;
  return blocks;
}

function isSetextCandidate(block: RawBlock, infos: readonly LineInfo[]): boolean {
  const kind = infos[block.firstLine]!.kind;
  return block.firstLine === block.lastLine && (kind === 'text' || kind === 'marker');
}

/** Whether `line` continues `block`, whose last line is `previous` (its offsets moved by `shift`). */
function continues(text: string, block: RawBlock, previous: LineInfo, shift: number, line: LineInfo): boolean {
  if (SINGLE_LINE.has(block.lead) || SINGLE_LINE.has(line.kind)) return false;
  if (line.kind === 'bullet' || line.kind === 'dash') return false;
  if (line.cjk || previous.cjk) {
    // Chinese: one line, one paragraph, unless the line above was hard-wrapped.
    if (line.kind === 'marker' || line.indent >= 2 || previous.endsSentence || previous.endsWithColon) return false;
    return displayWeight(text, previous.contentStart + shift, previous.contentEnd + shift, WRAPPED_CJK_WEIGHT) >= WRAPPED_CJK_WEIGHT;
  }
  // Latin: wrapped lines continue; a numbered item starts only after a finished sentence.
  if (line.kind === 'marker') return !(previous.endsSentence || previous.endsWithColon || (block.firstLine === block.lastLine && isShortLine(text, previous, shift)));
  if (block.lead === 'marker' && isShortLine(text, previous, shift) && !previous.endsSentence) return false;
  return true;
}

/** A line short enough to be a heading on its own (checked cheaply on long lines). */
export function isShortLine(text: string, info: LineInfo, shift = 0): boolean {
  // A CJK character weighs 1 and a Latin one ½: 60 Chinese characters or about 64 Latin ones.
  const limit = info.cjk ? 60 : 32;
  return displayWeight(text, info.contentStart + shift, info.contentEnd + shift, limit) <= limit;
}
