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

/**
 * `reportLens/checkAllReports` (client → server): a workspace diagnostics pass now, and for the rest
 * of the session, whatever reportLens.workspaceDiagnostics says (unless it is `off`). Answers how
 * many reports the pass will check; its progress comes as WORKSPACE_PROGRESS_METHOD notifications.
 */
export const CHECK_ALL_REPORTS_METHOD = 'reportLens/checkAllReports';

export interface CheckAllReportsResult {
  /** Reports in the workspace (0 when diagnostics are off or the client pulls no workspace diagnostics). */
  readonly total: number;
  /** Whether a pass runs (false: reportLens.workspaceDiagnostics is `off`, or the client cannot pull them). */
  readonly started: boolean;
  /** The pass: progress of earlier passes carries a lower number. */
  readonly pass: number;
}

/** `reportLens/workspaceProgress` (server → client): how far a workspace diagnostics pass is. */
export const WORKSPACE_PROGRESS_METHOD = 'reportLens/workspaceProgress';

export interface WorkspaceProgress {
  /** Which pass (passes are numbered as settings and configuration change). */
  readonly pass: number;
  readonly done: number;
  readonly total: number;
}

/**
 * The scheme of the read-only document showing a Word document's text (Report Lens: Open Word
 * Document as Report): `report-lens-docx:/path/report.docx.report?file`, the source's path with
 * `.report` added (so the editor gives it the report language) and the source's scheme as query.
 * The server reads it as the .docx on disk: that file's report-lens.json and reviewed findings apply.
 */
export const DOCX_SCHEME = 'report-lens-docx';
