/**
 * Report Lens's own LSP requests, shared by the server and the VS Code client
 * (the one file both sides import, so the method names and shapes cannot drift).
 * No imports: it must compile in both projects.
 */

/** `reportLens/documentStats`: what the status bar shows for a report. */
export const DOCUMENT_STATS_METHOD = 'reportLens/documentStats';

export interface DocumentStatsParams {
  readonly textDocument: { readonly uri: string };
}

export interface DocumentStats {
  /** Quantities found (dates, codes and other non-quantities excluded). */
  readonly figures: number;
  /** Figures that disagree (rate, part, sum, change, count, conflicting figure), of the checks that are switched on. */
  readonly mismatches: number;
  /** Headings numbered out of sequence (heading-sequence, when switched on); absent from servers before 0.2. */
  readonly headings?: number;
  /** The report was too large to analyse (reportLens.maxFileSize). */
  readonly skipped: boolean;
}
