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

export type BlockKind = 'title' | 'subtitle' | 'metadata' | 'heading' | 'paragraph' | 'list-item' | 'rule';

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

export interface ReportDocument {
  readonly text: string;
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
}
