/** Settings the core reads, resolved per document by the server (or given by the CLI). */

/** The stable diagnostic codes of design.md. */
export const CHECK_CODES = [
  'rate-mismatch',
  'part-exceeds-whole',
  'sum-mismatch',
  'share-sum-mismatch',
  'change-mismatch',
  'compound-growth-mismatch',
  'count-mismatch',
  'conflicting-figure',
  'heading-sequence',
  'undefined-term',
  'size-word-mismatch',
  'multiple-mismatch',
  'impossible-percentage',
] as const;
export type CheckCode = (typeof CHECK_CODES)[number];

export type CheckSeverity = 'error' | 'warning' | 'information' | 'hint' | 'off';
const SEVERITIES: readonly CheckSeverity[] = ['error', 'warning', 'information', 'hint', 'off'];

export const DEFAULT_CHECK_SEVERITY: Readonly<Record<CheckCode, CheckSeverity>> = {
  'rate-mismatch': 'error',
  'part-exceeds-whole': 'error',
  'sum-mismatch': 'error',
  'share-sum-mismatch': 'error',
  'change-mismatch': 'error',
  'compound-growth-mismatch': 'error',
  'count-mismatch': 'warning',
  'conflicting-figure': 'warning',
  'heading-sequence': 'warning',
  'undefined-term': 'hint',
  'size-word-mismatch': 'warning',
  'multiple-mismatch': 'warning',
  'impossible-percentage': 'warning',
};

export interface ReportSettings {
  /** Documents larger than this many bytes (UTF-8) are not analysed. */
  readonly maxFileSize: number;
  /** Severity of each check, or 'off'. */
  readonly checks: Readonly<Record<CheckCode, CheckSeverity>>;
  readonly inlayHints: {
    /** Show the implied rate where a part and its whole are stated without one. */
    readonly impliedRates: boolean;
  };
  readonly glossary: {
    /** Glob of the workspace's glossary files. */
    readonly files: string;
  };
}

export const DEFAULT_SETTINGS: ReportSettings = {
  maxFileSize: 20_000_000,
  checks: DEFAULT_CHECK_SEVERITY,
  inlayHints: { impliedRates: true },
  glossary: { files: '**/*.glossary.{yaml,yml,json,csv}' },
};

/** Fills in defaults and drops values of the wrong type, since settings come from user JSON. */
export function resolveSettings(raw: unknown): ReportSettings {
  const input = asRecord(raw);
  const maxFileSize = typeof input['maxFileSize'] === 'number' && input['maxFileSize'] >= 0 ? input['maxFileSize'] : DEFAULT_SETTINGS.maxFileSize;
  const rawChecks = asRecord(input['checks']);
  const checks = { ...DEFAULT_CHECK_SEVERITY };
  for (const code of CHECK_CODES) {
    const value = rawChecks[code];
    if (typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value)) checks[code] = value as CheckSeverity;
  }
  const hints = asRecord(input['inlayHints']);
  const impliedRates = typeof hints['impliedRates'] === 'boolean' ? hints['impliedRates'] : DEFAULT_SETTINGS.inlayHints.impliedRates;
  const glossary = asRecord(input['glossary']);
  const files = typeof glossary['files'] === 'string' && glossary['files'].trim() ? glossary['files'] : DEFAULT_SETTINGS.glossary.files;
  return { maxFileSize, checks, inlayHints: { impliedRates }, glossary: { files } };
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
