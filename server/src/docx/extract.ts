/**
 * The text of a Word document (.docx) as a report: one line per paragraph or table row, list
 * numbers written in, so that line N of the text is paragraph N of the document. Shared by the CLI
 * and the VS Code client (both run on Node), so the two read a document the same way.
 */
import type Mammoth from 'mammoth';

/**
 * mammoth, loaded when a Word document is first read: loading it takes about 25 ms, which every
 * `report-lens` run and every server start paid even with no .docx in sight.
 */
function loadMammoth(): typeof Mammoth {
  return require('mammoth') as typeof Mammoth;
}
import { formatNumber, marker, readNumbering, tagLevels, type LevelFormat, type Numbering } from './numbering';
import { DocxError, ZipReader } from './zipReader';

export { DocxError, type DocxProblem } from './zipReader';

/** How many times the size limit the XML parts of a document may unpack to, together. */
export const UNPACKED_FACTOR = 5;

/** Between table cells: what Word's "Convert Table to Text" puts there by default. */
export const CELL_SEPARATOR = '\t';

export interface DocxText {
  /** The report text: paragraphs and table rows, one a line, joined by "\n". */
  readonly text: string;
  /** The same lines: paragraph N (1-based) is paragraphs[N - 1]. */
  readonly paragraphs: readonly string[];
}

/** Whether a path names a Word document by its extension. */
export function isDocx(file: string): boolean {
  return /\.docx$/i.test(file);
}

/**
 * Extracts the text of a .docx already read into memory (at most `maxBytes` long). Its parts may
 * unpack to UNPACKED_FACTOR × maxBytes, and the text to maxBytes; anything larger, damaged, foreign
 * or encrypted rejects with a DocxError.
 */
export async function extractDocx(bytes: Uint8Array, maxBytes: number): Promise<DocxText> {
  const zip = new ZipReader(bytes, UNPACKED_FACTOR * maxBytes);
  if (!zip.exists('word/document.xml') && !zip.exists('_rels/.rels')) {
    throw new DocxError('it is a zip archive but not a Word document (it has no word/document.xml)', 'not-word');
  }
  let numbering = readNumbering(undefined);
  let body: MammothElement | undefined;
  try {
    const tagged = zip.exists(NUMBERING) ? tagLevels(new TextDecoder().decode(zip.read(NUMBERING))) : undefined;
    numbering = readNumbering(tagged);
    const mammoth = loadMammoth();
    await mammoth.convertToHtml(
      // `file` is how mammoth 1.13 takes an archive it does not open itself (lib/unzip.js); it is not in
      // its type declarations. The version is pinned, and the unit tests fail if it stops working.
      { file: asMammothFile(zip, tagged) } as unknown as Parameters<typeof mammoth.convertToHtml>[0],
      {
        // The HTML is not wanted: take the document model, and give the converter nothing to do.
        transformDocument: (document: MammothElement) => {
          body = document;
          return { ...document, children: [] };
        },
        // Images are never unpacked: the report is the text.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
  } catch (error) {
    if (error instanceof DocxError) throw error;
    // The first line says what went wrong; the XML parser adds position lines of its own.
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
    throw new DocxError(`it is not a Word document Report Lens can read (${reason})`);
  }
  const paragraphs = walk(numbering, body);
  const text = paragraphs.join('\n');
  const size = Buffer.byteLength(text, 'utf8');
  if (size > maxBytes) throw new DocxError(`its text is ${size} bytes, larger than the limit of ${maxBytes} bytes (reportLens.maxFileSize; change it with --max-file-size BYTES)`, 'too-large');
  return { text, paragraphs };
}

/** The lines of the document; a model too deep to walk is that file's problem, said as such. */
function walk(numbering: Numbering, body: MammothElement | undefined): string[] {
  try {
    return new Extractor(numbering).lines(body);
  } catch (error) {
    throw new DocxError(`it is not a Word document Report Lens can read (${error instanceof Error ? error.message : String(error)})`);
  }
}

const NUMBERING = 'word/numbering.xml';

/** What mammoth reads a document through: `exists` and `read(name, encoding)`; the list definitions as tagLevels left them. */
function asMammothFile(zip: ZipReader, numbering: string | undefined): object {
  return {
    exists: (name: string) => zip.exists(name),
    read: async (name: string, encoding?: string) => {
      if (name === NUMBERING && numbering !== undefined) return encoding ? numbering : new TextEncoder().encode(numbering);
      const bytes = zip.read(name);
      if (encoding === 'base64') return Buffer.from(bytes).toString('base64');
      return encoding ? new TextDecoder(encoding).decode(bytes) : bytes;
    },
  };
}

/** The part of mammoth's document model read here (lib/documents.js). */
interface MammothElement {
  readonly type: string;
  readonly children?: readonly MammothElement[];
  readonly value?: string;
  readonly breakType?: string;
  readonly checked?: boolean;
  readonly numbering?: { readonly level: string; readonly isOrdered: boolean; readonly paragraphStyleId?: string } | null;
}

type MammothNumbering = NonNullable<MammothElement['numbering']>;

/** Walks the model in document order, counting list items as Word does. */
class Extractor {
  /** Current number of each level, per list definition (or, for a list mammoth does not tie to one, per level object). */
  private readonly counts = new Map<string | MammothNumbering, number[]>();

  constructor(private readonly numbering: Numbering) {}

  lines(document: MammothElement | undefined): string[] {
    const lines: string[] = [];
    this.blocks(document?.children ?? [], lines);
    return lines.filter((line) => line.trim() !== '');
  }

  private blocks(elements: readonly MammothElement[], lines: string[]): void {
    for (const element of elements) {
      if (element.type === 'paragraph') lines.push(this.paragraph(element));
      else if (element.type === 'table') this.table(element, lines);
      else this.blocks(element.children ?? [], lines);
    }
  }

  /** One line a row; a cell's paragraphs (and nested tables) run on in it, separated by a space. */
  private table(table: MammothElement, lines: string[]): void {
    for (const row of table.children ?? []) {
      const cells = (row.children ?? []).map((cell) => {
        const inner: string[] = [];
        this.blocks(cell.children ?? [], inner);
        return inner.map((line) => line.replaceAll(CELL_SEPARATOR, ' ').trim()).filter(Boolean).join(' ');
      });
      lines.push(cells.join(CELL_SEPARATOR));
    }
  }

  private paragraph(paragraph: MammothElement): string {
    const text = inline(paragraph.children ?? []);
    if (!paragraph.numbering || text.trim() === '') return text;
    return this.number(paragraph.numbering) + text;
  }

  /** The list marker of the next item at this level, with what Word puts after it. */
  private number(numbering: MammothNumbering): string {
    const depth = Number(numbering.level) || 0;
    const level = numbering.paragraphStyleId ? this.numbering.byStyle.get(numbering.paragraphStyleId) : undefined;
    if (level) {
      const counts = this.advance(level.counter, depth, level.start);
      const formats = [...Array(depth + 1).keys()].map((i) => this.numbering.levels.get(level.abstractNumId)?.get(i)?.format ?? 'decimal');
      return withSuffix(level.format === 'bullet' ? '•' : marker(level, counts, formats), level);
    }
    // A level tagLevels could not name (numbering.xml elsewhere than Word puts it): 1., 2., … or •.
    if (!numbering.isOrdered) return '• ';
    const counts = this.advance(numbering, depth, 1);
    return `${formatNumber(counts[depth]!, 'decimal')}. `;
  }

  private advance(list: string | MammothNumbering, depth: number, start: number): number[] {
    const counts = this.counts.get(list) ?? [];
    this.counts.set(list, counts);
    // An item ends the sub-lists under the one before it: their numbering starts again.
    counts.length = Math.min(counts.length, depth + 1);
    if (typeof list !== 'string') {
      // A list numbered on the paragraph comes as one object per level, with no tie between them.
      for (const [key, other] of this.counts) if (typeof key !== 'string' && (Number(key.level) || 0) > depth) other.length = 0;
    }
    for (let i = 0; i < depth; i++) counts[i] ??= 1;
    counts[depth] = (counts[depth] ?? start - 1) + 1;
    return counts;
  }
}

/**
 * The sentence of a paragraph that holds this character: from the end of the sentence before it to
 * its own end mark (。！？；!? or a full stop before a space), or to a table cell's edge.
 */
export function sentenceAt(paragraph: string, character: number): string {
  const ends = /[。！？；!?]+[”’」』）)]*|\.(?=\s)|\t/gu;
  let start = 0;
  for (const match of paragraph.matchAll(ends)) {
    const end = match.index + match[0].length;
    if (end > character) return paragraph.slice(start, match[0] === '\t' ? match.index : end).trim();
    start = end;
  }
  return paragraph.slice(start).trim();
}

function withSuffix(text: string, level: LevelFormat): string {
  if (text === '' || level.suffix === 'nothing') return text;
  // After 一、 or （一） nothing is needed; after "1." or "1.1" a space keeps the number apart.
  return /[\u3000-\u303f\uff00-\uffef]$/u.test(text) ? text : `${text} `;
}

/** The text of runs, hyperlinks and the like; a line break stays inside the paragraph, as a space. */
function inline(elements: readonly MammothElement[]): string {
  let text = '';
  for (const element of elements) {
    if (element.type === 'text') text += element.value ?? '';
    else if (element.type === 'tab') text += '\t';
    else if (element.type === 'break') text += element.breakType === 'line' ? ' ' : '';
    else if (element.type === 'checkbox') text += element.checked ? '☒' : '☐';
    else text += inline(element.children ?? []);
  }
  return text;
}
