/** Settings the core reads, resolved per document by the server (or given by the CLI). */
export interface ReportSettings {
  /** Documents larger than this many bytes (UTF-8) are not analysed. */
  readonly maxFileSize: number;
}

export const DEFAULT_SETTINGS: ReportSettings = {
  maxFileSize: 20_000_000,
};

/** Fills in defaults and drops values of the wrong type, since settings come from user JSON. */
export function resolveSettings(raw: unknown): ReportSettings {
  const input = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const maxFileSize = typeof input['maxFileSize'] === 'number' && input['maxFileSize'] >= 0 ? input['maxFileSize'] : DEFAULT_SETTINGS.maxFileSize;
  return { maxFileSize };
}
