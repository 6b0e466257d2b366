import type { CodeAction, CompletionItem, Diagnostic, Location, DocumentSymbol, FoldingRange, Hover, InlayHint, Position, Range, SemanticTokens, WorkspaceSymbol } from 'vscode-languageserver-types';
import type { CancellationToken } from './cancellation';
import { codeActions, type CodeActionOptions } from './languageFeatures/codeActions';
import { diagnostics, mismatchCount, reviewedFindings, type DiagnosticsOptions } from './languageFeatures/diagnostics';
import { documentSymbols } from './languageFeatures/documentSymbols';
import { foldingRanges } from './languageFeatures/foldingRanges';
import { hover, type HoverOptions } from './languageFeatures/hover';
import { limitHover } from './languageFeatures/hoverLimit';
import { inlayHints } from './languageFeatures/inlayHints';
import { listRelations, type RelationEntry } from './languageFeatures/relationList';
import { semanticTokens } from './languageFeatures/semanticTokens';
import type { Locale } from './l10n/messages';
import { completion, definition, references, type TermOptions } from './languageFeatures/terms';
import type { ReportSettings } from './settings';
import { workspaceSymbols, type IndexedReport } from './languageFeatures/workspaceSymbols';
import type { ReportDocument, TextFormat } from './model';
import { parse, quantityCount } from './parser/parse';
import type { Unchanged } from './versions';
import type { ReviewedSet } from './review/reviewed';

/**
 * The language service: parse once per document version, then hand the
 * model to each feature. The server, the CLI and the tests all go through it.
 */
export interface ReportLanguageService {
  /**
   * Parses a version of a report; passing the previous version's model lets unchanged paragraphs keep their
   * figures. `unchanged` (how many characters at the start and end the edits since `previous` left alone, as
   * the editor's change events tell) spares comparing the two texts; without it they are compared.
   * `format` says how to read it (see formatOf); undefined lets the text decide.
   */
  parse(text: string, previous?: ReportDocument, unchanged?: Unchanged, format?: TextFormat): ReportDocument;
  documentSymbols(doc: ReportDocument, token?: CancellationToken): DocumentSymbol[];
  foldingRanges(doc: ReportDocument, token?: CancellationToken, limit?: number): FoldingRange[];
  workspaceSymbols(reports: Iterable<IndexedReport>, query: string, token?: CancellationToken): WorkspaceSymbol[];
  hover(doc: ReportDocument, position: Position, options?: HoverOptions, token?: CancellationToken): Hover | null;
  diagnostics(doc: ReportDocument, settings: ReportSettings, options: DiagnosticsOptions, token?: CancellationToken): Diagnostic[];
  /** Findings a reviewed entry silences, with the figures involved (for hover). */
  reviewedFindings: typeof reviewedFindings;
  /** Figures that disagree and headings out of sequence, as the diagnostics would report them, counted without building them. */
  mismatchCount(doc: ReportDocument, settings: ReportSettings, reviewed?: ReviewedSet): { figures: number; headings: number };
  codeActions(uri: string, range: Range, diagnostics: readonly Diagnostic[], options?: CodeActionOptions): CodeAction[];
  definition(doc: ReportDocument, position: Position, options: TermOptions): Location[];
  references(doc: ReportDocument, position: Position, options: TermOptions, others?: readonly { uri: string; doc: ReportDocument }[]): Location[];
  completion(doc: ReportDocument, position: Position, options: TermOptions): CompletionItem[];
  inlayHints(doc: ReportDocument, range: Range, settings: ReportSettings, token?: CancellationToken): InlayHint[];
  /** How many figures are quantities (the status bar's count), counted without placing the figures of blocks an edit moved. */
  quantityCount(doc: ReportDocument): number;
  /** Quantities as semantic tokens (SEMANTIC_TOKENS_LEGEND): colour from the same reading as hover. */
  semanticTokens(doc: ReportDocument, range?: Range, token?: CancellationToken): SemanticTokens;
  /** Every relation the checks found, with its clauses and verdict (consistent, mismatch, not verifiable). */
  relations(doc: ReportDocument, locale?: Locale): RelationEntry[];
}

export function getReportLanguageService(): ReportLanguageService {
  // Every hover is bounded here, whatever builds its markdown (a figure's text, a glossary definition).
  const boundedHover: ReportLanguageService['hover'] = (doc, position, options, token) => limitHover(hover(doc, position, options, token));
  return { parse, documentSymbols, foldingRanges, workspaceSymbols, hover: boundedHover, diagnostics, reviewedFindings, mismatchCount, codeActions, inlayHints, definition, references, completion, relations: listRelations, semanticTokens, quantityCount };
}

export type { ReportDocument, TextFormat, Table, TableRow } from './model';
export { formatOf } from './parser/markdown/detect';
export type { Unchanged } from './versions';
export type { IndexedReport } from './languageFeatures/workspaceSymbols';
export type { CancellationToken } from './cancellation';
export type { Figure, FigureKind, Qualifier } from './figures/figure';
export type { HoverOptions } from './languageFeatures/hover';
export type { RelationEntry, RelationFigure, ClauseEntry } from './languageFeatures/relationList';
export { SEMANTIC_TOKENS_LEGEND } from './languageFeatures/semanticTokens';
export type { TermOptions } from './languageFeatures/terms';
export type { CodeActionOptions, GlossaryTarget, ReviewedTarget } from './languageFeatures/codeActions';
export { ReviewedSet, parseReviewed, type ReviewedEntry } from './review/reviewed';
export { Glossary } from './terms/termIndex';
export type { TermEntry } from './terms/glossary';
export type { DiagnosticsOptions, DiagnosticData } from './languageFeatures/diagnostics';
export type { ReportSettings, CheckCode, CheckSeverity } from './settings';
export { DEFAULT_SETTINGS, resolveSettings, CHECK_CODES } from './settings';
