import type { Figure } from './figures/figure';
import type { LineIndex } from './text/lineIndex';

/**
 * The report model: what `parse(text)` builds once per document version and
 * every feature reads. Offsets are UTF-16 code-unit offsets into `text`
 * (half-open spans), so they convert to LSP positions without re-encoding.
 */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

/** `table-row` blocks come from Markdown tables only: one row, one line, read cell by cell. */
export type BlockKind = 'title' | 'subtitle' | 'metadata' | 'heading' | 'paragraph' | 'list-item' | 'rule' | 'table-row';

/** How a text is read: `markdown` with a CommonMark + GFM parser, `text` with the report parser's own line rules. */
export type TextFormat = 'text' | 'markdown';

/** A run of lines that belong together: a heading line, a paragraph, a metadata line. */
export interface Block {
  readonly kind: BlockKind;
  /** From the first non-blank character to the end of the last line's text. */
  readonly span: TextSpan;
  readonly firstLine: number;
  readonly lastLine: number;
  /** Whether a blank line (or the start of the document) comes right before it. */
  readonly blankBefore: boolean;
  /** Whether a blank line (or the end of the document) comes right after it. */
  readonly blankAfter: boolean;
}

/**
 * How a heading is numbered. Chinese official numbering nests
 * 第一部分 → 第一章 → 第一节 → 一、 → （一） → 1. → （1） → ①.
 */
export type NumberingStyle =
  | 'markdown'
  | 'setext'
  | 'caps'
  | 'unnumbered'
  | 'part'
  | 'chapter'
  | 'section'
  | 'cn-list'
  | 'cn-paren'
  | 'roman'
  | 'letter'
  | 'decimal'
  | 'decimal-dotted'
  | 'paren-decimal'
  | 'circled';

export interface Numbering {
  readonly style: NumberingStyle;
  /** The number's value: 一 → 1, (十二) → 12, IV → 4, B → 2, 1.2.3 → 3 (the last component). */
  readonly value: number;
  /** For dotted decimals, every component (1.2.3 → [1, 2, 3]); otherwise [value]. */
  readonly path: readonly number[];
  /** The marker as written, e.g. `（一）`, `1.`, `第三章`. */
  readonly span: TextSpan;
}

export interface Heading {
  /** The heading's name as shown in the outline: numbering included, trailing 。 and spaces dropped. */
  readonly name: string;
  /** Where the name stands in the text. */
  readonly span: TextSpan;
  /** Smaller ranks are higher in the hierarchy; the title has rank 0. */
  readonly rank: number;
  readonly numbering: Numbering | undefined;
  /** A run-in heading is the first sentence of a paragraph whose rest is body text. */
  readonly runIn: boolean;
  readonly line: number;
  /** Index of the block the heading stands in. */
  readonly block: number;
}

export interface MetadataEntry {
  readonly key: string;
  readonly value: string;
  readonly keySpan: TextSpan;
  readonly valueSpan: TextSpan;
  readonly line: number;
}

export interface Paragraph {
  /** The whole block, including a run-in heading if it has one. */
  readonly span: TextSpan;
  /** The body text: after a run-in heading, otherwise the same as `span`. */
  readonly body: TextSpan;
  readonly sentences: readonly TextSpan[];
  readonly block: number;
  readonly runInHeading: Heading | undefined;
}

export interface Section {
  readonly heading: Heading;
  /** From the heading to the end of the section's last non-blank line. */
  readonly span: TextSpan;
  readonly firstLine: number;
  readonly lastLine: number;
  readonly children: readonly Section[];
}

export interface Title {
  readonly heading: Heading;
  /** A `——…` line right under the title, e.g. the date and occasion of a speech. */
  readonly subtitle: TextSpan | undefined;
}

export type CellAlign = 'left' | 'right' | 'center' | undefined;

/** One row of a table: one block of kind `table-row`. */
export interface TableRow {
  readonly span: TextSpan;
  readonly line: number;
  /** Index of the row's block. */
  readonly block: number;
  /** Each cell's text without its pipes and padding (empty cells are empty spans where they stand). */
  readonly cells: readonly TextSpan[];
}

/** A GFM table: its header row first; the delimiter row (|---|) is no row. */
export interface Table {
  readonly span: TextSpan;
  readonly firstLine: number;
  readonly lastLine: number;
  readonly rows: readonly TableRow[];
  readonly align: readonly CellAlign[];
}

export interface ReportDocument {
  /**
   * The text the model reads. For Markdown, the document's text with what is not prose inside
   * paragraphs, headings and cells (inline code, inline HTML, link targets, URLs, images) blanked
   * out with spaces, offset for offset and line for line; for plain text, the text itself.
   */
  readonly text: string;
  readonly format: TextFormat;
  readonly lines: LineIndex;
  readonly blocks: readonly Block[];
  readonly title: Title | undefined;
  readonly metadata: readonly MetadataEntry[];
  /** Every heading in document order, the title's included. */
  readonly headings: readonly Heading[];
  readonly paragraphs: readonly Paragraph[];
  /** The section tree; when the report has a title, its one root is the title's section. */
  readonly sections: readonly Section[];
  /** Every number in the report, in document order: quantities and non-quantities (dates, codes…). */
  readonly figures: readonly Figure[];
  /** Markdown tables, in document order (none in plain text). */
  readonly tables: readonly Table[];
}
