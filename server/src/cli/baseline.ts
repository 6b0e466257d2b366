/**
 * `--baseline FILE`: a previous run's JSON or SARIF output, whose findings are not reported again, so
 * that a team can adopt the check on an archive of reports and fail only on what is new. Findings
 * are matched as reviewed findings are (server/src/core/review): by file, check and what the finding
 * says (its sentence's normalised text and the figures involved), never by line, so an edit elsewhere
 * in a report does not bring the archive's old findings back, and a changed figure does.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { ReviewedSet, type ReviewedEntry, type ReviewKey } from '../core/review/reviewed';
import { readBounded, ReadError } from './readReport';
import { UsageError } from './args';
import type { CheckedFile } from './sarif';

/** A baseline is one run's output: larger than this, it is not one. */
const MAX_BASELINE_BYTES = 200_000_000;

/** What a finding says, from what a diagnostic carries (`data.review`), else its message (findings with no sentence, such as a glossary's syntax). */
export function findingKey(d: Pick<Diagnostic, 'data' | 'message'>): ReviewKey {
  const review = (d.data as { review?: unknown } | undefined)?.review;
  if (isReviewKey(review)) return review;
  return { sentence: `message: ${typeof d.message === 'string' ? d.message : d.message.value}`, figures: [] };
}

function isReviewKey(value: unknown): value is ReviewKey {
  const key = value as ReviewKey | undefined;
  return typeof key === 'object' && key !== null && typeof key.sentence === 'string' && Array.isArray(key.figures) && key.figures.every((f) => typeof f === 'string');
}

export class Baseline {
  private readonly byFile = new Map<string, ReviewedSet>();

  /** @param entries findings with `file` relative to the working directory, '/'-separated */
  constructor(entries: readonly ReviewedEntry[]) {
    const grouped = new Map<string, ReviewedEntry[]>();
    for (const entry of entries) grouped.set(entry.file, [...(grouped.get(entry.file) ?? []), entry]);
    for (const [file, list] of grouped) this.byFile.set(file, new ReviewedSet(list));
  }

  /** The files with the baseline's findings taken out, and how many were. */
  filter(files: readonly CheckedFile[], cwd: string): { files: CheckedFile[]; known: number } {
    let known = 0;
    const out = files.map((file) => {
      const set = this.byFile.get(relativeKey(file.path, cwd));
      if (!set) return file;
      const diagnostics = file.diagnostics.filter((d) => {
        const old = set.find(String(d.code ?? ''), findingKey(d)) !== undefined;
        if (old) known++;
        return !old;
      });
      return { ...file, diagnostics };
    });
    return { files: out, known };
  }
}

/** A path as baselines compare them: relative to the working directory, '/'-separated. */
function relativeKey(file: string, cwd: string): string {
  return path.relative(cwd, path.resolve(cwd, file)).split(path.sep).join('/');
}

/** Reads a baseline (JSON or SARIF, told apart by their shape); a missing or malformed one is a usage error: failing open would pass everything. */
export function readBaseline(file: string, cwd: string): Baseline {
  let raw: unknown;
  try {
    raw = JSON.parse(readBounded(file, MAX_BASELINE_BYTES).replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = error instanceof ReadError ? error.message : `${file} is not JSON (${error instanceof Error ? error.message : String(error)})`;
    throw new UsageError(`--baseline: ${reason}`);
  }
  if (Array.isArray(raw)) return new Baseline(fromJson(raw, cwd));
  if (isRecord(raw) && Array.isArray(raw['runs'])) return new Baseline(fromSarif(raw['runs'], cwd));
  throw new UsageError(`--baseline: ${file} is neither a JSON nor a SARIF output of report-lens check`);
}

function fromJson(list: unknown[], cwd: string): ReviewedEntry[] {
  const entries: ReviewedEntry[] = [];
  for (const item of list) {
    if (!isRecord(item) || typeof item['path'] !== 'string' || !Array.isArray(item['diagnostics'])) continue;
    const file = relativeKey(item['path'], cwd);
    for (const d of item['diagnostics'] as unknown[]) {
      if (!isRecord(d) || (typeof d['message'] !== 'string' && !isRecord(d['message']))) continue;
      const key = findingKey(d as unknown as Diagnostic);
      entries.push({ file, code: String(d['code'] ?? ''), sentence: key.sentence, figures: key.figures });
    }
  }
  return entries;
}

function fromSarif(runs: unknown[], cwd: string): ReviewedEntry[] {
  const entries: ReviewedEntry[] = [];
  for (const run of runs) {
    if (!isRecord(run) || !Array.isArray(run['results'])) continue;
    for (const result of run['results'] as unknown[]) {
      if (!isRecord(result)) continue;
      const artifact = (result as { locations?: { physicalLocation?: { artifactLocation?: { uri?: unknown; uriBaseId?: unknown } } }[] }).locations?.[0]?.physicalLocation?.artifactLocation;
      const where = artifact && typeof artifact.uri === 'string' ? sarifPath(artifact.uri, typeof artifact.uriBaseId === 'string' ? artifact.uriBaseId : undefined) : undefined;
      if (!where) continue;
      const properties = (result['properties'] as { reportLens?: unknown } | undefined)?.reportLens;
      const message = (result['message'] as { text?: unknown } | undefined)?.text;
      const key = isReviewKey(properties) ? properties : findingKey({ message: typeof message === 'string' ? message : '' });
      entries.push({ file: relativeKey(where, cwd), code: String(result['ruleId'] ?? ''), sentence: key.sentence, figures: key.figures });
    }
  }
  return entries;
}

/**
 * An artifact's path: a URI relative to `%SRCROOT%` is taken relative to today's working directory
 * (the baseline may have been made in another checkout of the same repository); a `file:` URL as is.
 */
function sarifPath(uri: string, baseId: string | undefined): string | undefined {
  try {
    if (baseId !== undefined && !/^[a-z][a-z0-9+.-]*:/i.test(uri)) return uri.split('/').map(decodeURIComponent).join(path.sep);
    const url = new URL(uri);
    return url.protocol === 'file:' ? fileURLToPath(url) : undefined;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
