import type { ReportDocument } from './model';

/**
 * Which model a model was parsed from (`parse(text, previous)`), so that
 * per-paragraph work done for the previous version (figures, term matches) can
 * be carried over. Each link is read once and dropped, so old versions are not
 * kept alive by newer ones.
 */
const previousVersions = new WeakMap<ReportDocument, ReportDocument>();

export function linkVersions(doc: ReportDocument, previous: ReportDocument | undefined): void {
  if (previous) previousVersions.set(doc, previous);
}

export function takePreviousVersion(doc: ReportDocument): ReportDocument | undefined {
  const previous = previousVersions.get(doc);
  previousVersions.delete(doc);
  return previous;
}
