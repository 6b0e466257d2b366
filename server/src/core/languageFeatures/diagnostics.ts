import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation, type Range } from 'vscode-languageserver-types';
import type { CancellationToken } from '../cancellation';
import type { Figure } from '../figures/figure';
import { messages, type Locale, type Messages } from '../l10n/messages';
import type { ReportDocument, TextSpan } from '../model';
import { termsOf, unknownQuotedPhrases, type Glossary } from '../terms/termIndex';
import { midpoint, partsTerms, partsTotal, show } from '../relations/arithmetic';
import { failingRelations } from '../relations/analyze';
import { headingFix, numberFix, type Fix } from '../relations/fixes';
import { plain, restate } from './figureText';
import { looksLikeTerm, quotedCounts } from './termCandidates';
import { readingDraft } from './readingDiagnostics';
import { readingFigures } from '../relations/readings';
import type { ChangeRelation, ConflictRelation, CountRelation, HeadingSequenceRelation, PartRelation, RateRelation, Relation, ShareSumRelation, SumRelation } from '../relations/types';
import type { CheckCode, CheckSeverity, ReportSettings } from '../settings';
import { disabledLines } from '../review/disableComments';
import { LINE_COMMENT } from '../parser/lines';
import { linesMarked } from '../parser/parse';
import { anchorOf, relationKey, sentenceAround } from '../review/findingKey';
import type { ReviewedEntry, ReviewedSet, ReviewKey } from '../review/reviewed';

export const SOURCE = 'report-lens';

export interface DiagnosticsOptions {
  readonly locale: Locale;
  /** The document's uri, for relatedInformation locations. */
  readonly uri: string;
  /** Term definitions; with them, quoted terms nobody defines get an undefined-term diagnostic. */
  readonly glossary?: Glossary;
  /** This report's reviewed findings: those still saying the same thing are not reported. */
  readonly reviewed?: ReviewedSet;
  /**
   * The model is checked once and dropped (the CLI, a workspace pass over closed files): the term
   * index an editor keeps for hovers and references is not built when the checks can do without it.
   */
  readonly once?: boolean;
}

/** What a diagnostic carries for its quick fixes (LSP `Diagnostic.data`). */
export interface DiagnosticData {
  readonly fixes: readonly Fix[];
  /** For undefined-term: the term a quick fix may add to the workspace glossary. */
  readonly addTerm?: string;
  /** What the finding says, for Mark as reviewed. */
  readonly review?: ReviewKey;
}

const SEVERITY: Readonly<Record<Exclude<CheckSeverity, 'off'>, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * At most this many findings of one check are listed. Past a few hundred, the cause is one thing a
 * reader fixes once (a numbering scheme, a pasted template), not each finding; and only the listed
 * ones cost a message, related locations and quick fixes, so no input makes this step super-linear.
 */
export const MAX_FINDINGS_PER_CHECK = 200;
/**
 * At most this many per document, all checks together: what a client must receive, store and render
 * (the Problems view, the CLI's output) stays bounded whatever the input.
 */
export const MAX_FINDINGS_PER_DOCUMENT = 1000;

/** A finding before it becomes a diagnostic: built only when it is going to be listed. */
interface Finding {
  readonly code: CheckCode;
  readonly level: Exclude<CheckSeverity, 'off'>;
  /** Where it is reported: disable comments apply by this line. */
  readonly anchor: number;
  key(): ReviewKey;
  build(): Diagnostic;
}

/**
 * Figures that disagree, as LSP diagnostics with the arithmetic in the message; at most
 * MAX_FINDINGS_PER_CHECK per check and MAX_FINDINGS_PER_DOCUMENT in all, the rest summed up
 * in one diagnostic per check ("…and 12,345 more heading-sequence findings").
 */
export function diagnostics(doc: ReportDocument, settings: ReportSettings, options: DiagnosticsOptions, token?: CancellationToken): Diagnostic[] {
  const t = messages(options.locale);
  const listed: Diagnostic[] = [];
  const found = new Map<CheckCode, { level: Exclude<CheckSeverity, 'off'>; total: number }>();
  const silenced = silencer(doc, options.reviewed);
  for (const finding of findings(doc, settings, options, t)) {
    if (token?.isCancellationRequested) break;
    if (silenced?.(finding.code, finding.anchor, finding.key)) continue;
    const seen = found.get(finding.code) ?? { level: finding.level, total: 0 };
    found.set(finding.code, seen);
    if (++seen.total <= MAX_FINDINGS_PER_CHECK) listed.push(finding.build());
  }
  listed.sort(byPosition);
  const shown = listed.slice(0, MAX_FINDINGS_PER_DOCUMENT);
  return [...shown, ...summaries(found, shown, listed, t)].sort(byPosition);
}

/**
 * Whether a finding is silenced by a disable comment or a reviewed entry; undefined when the
 * document has neither, so that the common case costs nothing per finding.
 */
function silencer(doc: ReportDocument, reviewedSet: ReviewedSet | undefined): ((code: CheckCode, anchor: number, key: () => ReviewKey) => boolean) | undefined {
  // The parser marks lines that open an HTML comment: without one, no disable comment needs looking for.
  const disabled = linesMarked(doc, LINE_COMMENT)?.length === 0 ? undefined : disabledLines(doc.text);
  const reviewed = reviewedSet && reviewedSet.size > 0 ? reviewedSet : undefined;
  if (!disabled && !reviewed) return undefined;
  return (code, anchor, key) => (disabled?.isDisabled(doc.lines.lineAt(anchor), code) ?? false) || reviewed?.find(code, key()) !== undefined;
}

/**
 * The findings a reviewed entry silences, with the spans of the figures they involve: hover tells
 * that a figure's finding was reviewed, so that silence is never mistaken for a check that passed.
 */
export function reviewedFindings(doc: ReportDocument, settings: ReportSettings, options: DiagnosticsOptions): { code: CheckCode; spans: TextSpan[]; entry: ReviewedEntry }[] {
  const reviewed = options.reviewed;
  if (!reviewed || reviewed.size === 0) return [];
  const out: { code: CheckCode; spans: TextSpan[]; entry: ReviewedEntry }[] = [];
  for (const { relation, code } of reported(doc, settings)) {
    const anchor = anchorOf(relation);
    const entry = reviewed.find(code, relationKey(doc, relation, anchor));
    if (entry) out.push({ code, spans: spansOf(relation), entry });
  }
  return out;
}

function spansOf(relation: Relation): TextSpan[] {
  switch (relation.type) {
    case 'rate':
      return [relation.rate.span, relation.numerator.span, relation.denominator.span];
    case 'part':
      return [relation.part.span, relation.whole.span];
    case 'sum':
      return [relation.total.span, ...relation.parts.map((p) => p.span)];
    case 'share-sum':
      return relation.shares.map((s) => s.span);
    case 'size-word':
      return [relation.span, ...readingFigures(relation).map((f) => f.span)];
    case 'multiple':
    case 'impossible-percentage':
      return readingFigures(relation).map((f) => f.span);
    case 'change':
      return [relation.stated, relation.before, relation.after, relation.delta].filter((f): f is Figure => f !== undefined).map((f) => f.span);
    case 'count':
      return [relation.numberSpan];
    case 'conflict':
      return [relation.first.span, relation.second.span];
    case 'heading-sequence':
      return [relation.marker.span];
  }
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** Every finding, in the order the checks give them (each check's in document order). */
function* findings(doc: ReportDocument, settings: ReportSettings, options: DiagnosticsOptions, t: Messages): Generator<Finding> {
  for (const { relation, code, level } of reported(doc, settings)) {
    const anchor = anchorOf(relation);
    const key = () => relationKey(doc, relation, anchor);
    yield { code, level, anchor, key, build: () => relationDiagnostic(doc, relation, code, level, t, options, key()) };
  }
  if (options.glossary && settings.checks['undefined-term'] !== 'off') yield* undefinedTerms(doc, settings, options, t);
}

/**
 * One diagnostic per check with findings left out, at the last listed finding of that check (or
 * its first one built but cut by the document cap), with the check's own code and severity so that
 * turning the check off or filtering by code treats it like the findings it stands for.
 */
function summaries(found: ReadonlyMap<CheckCode, { level: Exclude<CheckSeverity, 'off'>; total: number }>, shown: readonly Diagnostic[], built: readonly Diagnostic[], t: Messages): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [code, { level, total }] of found) {
    const listedCount = shown.reduce((n, d) => (d.code === code ? n + 1 : n), 0);
    if (listedCount === total) continue;
    const anchor = findLast(shown, code) ?? built.find((d) => d.code === code)!;
    out.push({
      range: anchor.range,
      severity: SEVERITY[level],
      code,
      source: SOURCE,
      message: t.moreFindings(total - listedCount, code, MAX_FINDINGS_PER_CHECK, MAX_FINDINGS_PER_DOCUMENT),
    });
  }
  return out;
}

function findLast(list: readonly Diagnostic[], code: CheckCode): Diagnostic | undefined {
  for (let i = list.length - 1; i >= 0; i--) if (list[i]!.code === code) return list[i];
  return undefined;
}

function relationDiagnostic(doc: ReportDocument, relation: Relation, code: CheckCode, level: Exclude<CheckSeverity, 'off'>, t: Messages, options: DiagnosticsOptions, review: ReviewKey): Diagnostic {
  const draft = describe(doc, relation, t, options);
  const diagnostic: Diagnostic = {
    range: doc.lines.rangeOf(draft.span.start, draft.span.end),
    severity: SEVERITY[level],
    code,
    source: SOURCE,
    message: draft.message,
  };
  if (draft.related.length > 0) diagnostic.relatedInformation = draft.related;
  diagnostic.data = { fixes: draft.fixes, review } satisfies DiagnosticData;
  return diagnostic;
}

/** The relations the checks report: those that do not hold, of a check that is not turned off. */
function* reported(doc: ReportDocument, settings: ReportSettings): Generator<{ relation: Relation; code: CheckCode; level: Exclude<CheckSeverity, 'off'> }> {
  for (const relation of failingRelations(doc)) {
    const code = codeOf(relation);
    const level = settings.checks[code];
    if (level !== 'off') yield { relation, code, level };
  }
}

/**
 * What the diagnostics would report, counted without making them (the status bar's numbers):
 * figures that disagree, and headings out of sequence apart, since a heading is no figure.
 */
export function mismatchCount(doc: ReportDocument, settings: ReportSettings, reviewed?: ReviewedSet): { figures: number; headings: number } {
  const counts = { figures: 0, headings: 0 };
  // Silenced findings are not counted: the status bar agrees with the Problems view.
  const silenced = silencer(doc, reviewed);
  for (const { relation, code } of reported(doc, settings)) {
    const anchor = anchorOf(relation);
    if (silenced?.(code, anchor, () => relationKey(doc, relation, anchor))) continue;
    if (code === 'heading-sequence') counts.headings++;
    else counts.figures++;
  }
  return counts;
}

/** Quoted terms that no source defines: a hint by default, with a fix that adds a stub to the workspace glossary. */
function* undefinedTerms(doc: ReportDocument, settings: ReportSettings, options: DiagnosticsOptions, t: Messages): Generator<Finding> {
  const level = settings.checks['undefined-term'] as Exclude<CheckSeverity, 'off'>;
  const candidates = (options.once ? unknownQuotedPhrases(doc, options.glossary!, options.uri) : undefined) ?? termsOf(doc, options.glossary!, options.uri).undefinedQuoted();
  const counts = quotedCounts(candidates);
  for (const occurrence of candidates) {
    // A quoted everyday word (田间地头, 家常话) is no term: only what looks like one is worth a hint.
    if (!looksLikeTerm(doc, occurrence, counts)) continue;
    const key = (): ReviewKey => ({ sentence: sentenceAround(doc, occurrence.span.start), figures: [occurrence.name] });
    yield {
      code: 'undefined-term',
      level,
      anchor: occurrence.span.start,
      key,
      build: () => ({
        range: doc.lines.rangeOf(occurrence.span.start, occurrence.span.end),
        severity: SEVERITY[level],
        code: 'undefined-term',
        source: SOURCE,
        message: t.undefinedTerm(occurrence.name),
        data: { fixes: [], addTerm: occurrence.name, review: key() } satisfies DiagnosticData,
      }),
    };
  }
}

export function codeOf(relation: Relation): CheckCode {
  switch (relation.type) {
    case 'rate':
      return 'rate-mismatch';
    case 'part':
      return 'part-exceeds-whole';
    case 'sum':
      return 'sum-mismatch';
    case 'share-sum':
      return 'share-sum-mismatch';
    case 'change':
      // An annual average is a compound rate: its own code, so it can be set apart from simple changes.
      return relation.measure === 'annual-average' ? 'compound-growth-mismatch' : 'change-mismatch';
    case 'count':
      return 'count-mismatch';
    case 'conflict':
      return 'conflicting-figure';
    case 'heading-sequence':
      return 'heading-sequence';
    case 'size-word':
      return 'size-word-mismatch';
    case 'multiple':
      return 'multiple-mismatch';
    case 'impossible-percentage':
      return 'impossible-percentage';
  }
}

interface Draft {
  readonly span: TextSpan;
  readonly message: string;
  readonly related: DiagnosticRelatedInformation[];
  readonly fixes: Fix[];
}

function describe(doc: ReportDocument, relation: Relation, t: Messages, options: DiagnosticsOptions): Draft {
  const related = (role: string, span: TextSpan): DiagnosticRelatedInformation => ({
    location: { uri: options.uri, range: doc.lines.rangeOf(span.start, span.end) },
    message: t.operand(t.role(role), doc.text.slice(span.start, span.end)),
  });
  switch (relation.type) {
    case 'rate':
      return rateDraft(doc, relation, t, related);
    case 'part':
      return partDraft(relation, t, related);
    case 'sum':
      return sumDraft(doc, relation, t, related);
    case 'share-sum':
      return shareSumDraft(relation, t, related);
    case 'change':
      return changeDraft(doc, relation, t, related);
    case 'count':
      return countDraft(relation, t, related);
    case 'conflict':
      return conflictDraft(relation, t, related);
    case 'heading-sequence':
      return headingDraft(doc, relation, t, related);
    case 'size-word':
    case 'multiple':
    case 'impossible-percentage':
      return readingDraft(doc, relation, t, related);
  }
}

type Related = (role: string, span: TextSpan) => DiagnosticRelatedInformation;

function rateDraft(doc: ReportDocument, r: RateRelation, t: Messages, related: Related): Draft {
  const value = (r.numerator.value / r.denominator.value) * 100;
  const computed = `${show(value)}%`;
  const fix = numberFix(doc, r.rate, value, t);
  return {
    span: r.rate.span,
    message: t.rateMismatch(plain(r.rate), plain(r.numerator), plain(r.denominator), computed),
    related: [related('numerator', r.numerator.span), related('denominator', r.denominator.span)],
    fixes: fix ? [fix] : [],
  };
}

function partDraft(r: PartRelation, t: Messages, related: Related): Draft {
  return { span: r.part.span, message: t.partExceedsWhole(plain(r.part), plain(r.whole)), related: [related('whole', r.whole.span)], fixes: [] };
}

function sumDraft(doc: ReportDocument, r: SumRelation, t: Messages, related: Related): Draft {
  const total = partsTotal(r.parts, r.signs?.parts);
  const terms = partsTerms(r.parts.map(plain), r.signs?.parts);
  const sumText = r.signs && total < 0 ? `−${restate(doc, r.total, -total)}` : restate(doc, r.total, total);
  const stated = r.signs?.total === -1 ? `−${plain(r.total)}` : plain(r.total);
  const message = r.exhaustive ? t.sumMismatch(sumText, terms, stated) : t.sumExceeds(sumText, terms, stated);
  // A total is rewritten like any figure: to the sum of its parts, at its own precision (a signed total only when its word keeps the sign).
  const fix = r.signs && Math.sign(total) !== r.signs.total ? undefined : numberFix(doc, r.total, Math.abs(total), t);
  return { span: r.total.span, message, related: r.parts.map((part) => related('part', part.span)), fixes: fix ? [fix] : [] };
}

function shareSumDraft(r: ShareSumRelation, t: Messages, related: Related): Draft {
  const total = r.shares.reduce((n, share) => n + share.value, 0);
  // Which share is wrong cannot be told from the sum: no single value to write, so no quick fix.
  const [first, ...others] = r.shares;
  return { span: first!.span, message: (r.complete ? t.shareSumMismatch : t.shareSumExceeds)(`${show(total)}%`, r.shares.map(plain).join(' + ')), related: others.map((share) => related('share', share.span)), fixes: [] };
}

function changeDraft(doc: ReportDocument, r: ChangeRelation, t: Messages, related: Related): Draft {
  const [beforeValue, afterValue] = r.operands;
  // An implied previous value is written like the level it was derived from (55.6亿元, not 5,560,000,000).
  const beforeText = r.before ? plain(r.before) : r.after ? restate(doc, r.after, beforeValue) : show(beforeValue);
  const afterText = r.after ? plain(r.after) : show(afterValue);
  const relatedInfo = [...(r.before ? [related('before', r.before.span)] : []), ...(r.after ? [related('after', r.after.span)] : []), ...(r.delta ? [related('change', r.delta.span)] : [])];
  const mid = midpoint(r.computed);
  // A change whose computed direction contradicts the verb gets the message, not a fix that would flip the meaning.
  const sameDirection = Math.sign(mid) === 0 || Math.sign(mid) === r.direction;
  if (!sameDirection && r.measure !== 'annual-average') {
    const unit = r.measure === 'percent' ? '%' : r.measure === 'multiple' ? '×' : '';
    const magnitude = r.measure === 'absolute' ? (r.after ? restate(doc, r.after, Math.abs(afterValue - beforeValue)) : show(Math.abs(afterValue - beforeValue))) : `${show(Math.abs(mid))}${unit}`;
    return { span: r.stated.span, message: t.changeWrongWay(plain(r.stated), r.direction < 0, beforeText, afterText, magnitude), related: relatedInfo, fixes: [] };
  }
  const down = r.direction < 0;
  if (r.measure === 'percent') {
    const fix = sameDirection ? numberFix(doc, r.stated, Math.abs(mid), t) : undefined;
    // An implied previous value is said to be derived, from what (现为9人，比上年减少4人，下降25%): 9人 after a decrease of 4人 means 13人.
    const message =
      !r.before && r.after && r.delta
        ? t.changeImplied(plain(r.stated), down, afterText, plain(r.delta), beforeText, mid < 0, `${show(Math.abs(mid))}%`)
        : t.changePercent(plain(r.stated), down, beforeText, afterText, `${show(Math.abs(mid))}%`);
    return { span: r.stated.span, message, related: relatedInfo, fixes: fix ? [fix] : [] };
  }
  if (r.measure === 'annual-average') {
    const fix = sameDirection ? numberFix(doc, r.stated, Math.abs(mid), t) : undefined;
    if (!r.before && r.delta) return { span: r.stated.span, message: t.changeAnnualFromTotal(plain(r.stated), plain(r.delta), r.years ?? 0, `${show(mid)}%`), related: [related('change', r.delta.span)], fixes: fix ? [fix] : [] };
    return { span: r.stated.span, message: t.changeAnnual(plain(r.stated), beforeText, afterText, r.years ?? 0, `${show(mid)}%`), related: relatedInfo, fixes: fix ? [fix] : [] };
  }
  if (r.measure === 'multiple') {
    const fix = sameDirection ? numberFix(doc, r.stated, Math.abs(mid), t) : undefined;
    // A multiple is compared as written: 增长1.6倍 against the growth from before to after, in 倍 (times) too.
    const unit = r.stated.unit === '倍' || r.stated.unit === '' ? '倍' : ` ${r.stated.unit}`;
    return { span: r.stated.span, message: t.changePercent(plain(r.stated), down, beforeText, afterText, `${show(Math.abs(mid))}${unit}`), related: relatedInfo, fixes: fix ? [fix] : [] };
  }
  const scale = r.stated.unit === 'cents' ? 100 : 1;
  const fix = sameDirection ? numberFix(doc, r.stated, Math.abs(mid) * scale, t) : undefined;
  const difference = r.after ? restate(doc, r.after, afterValue - beforeValue) : show(afterValue - beforeValue);
  return { span: r.stated.span, message: t.changeAbsolute(plain(r.stated), down, beforeText, afterText, difference), related: relatedInfo, fixes: fix ? [fix] : [] };
}

function countDraft(r: CountRelation, t: Messages, related: Related): Draft {
  const first = r.items[0]!;
  const last = r.items[r.items.length - 1]!;
  return {
    span: r.phrase,
    message: t.countMismatch(r.phraseText.replace(/\s+/g, ' '), r.stated, r.items.length),
    related: [related('items', { start: first.start, end: last.end })],
    fixes: [],
  };
}

function conflictDraft(r: ConflictRelation, t: Messages, related: Related): Draft {
  return { span: r.second.span, message: t.conflictingFigure(r.metric, plain(r.second), plain(r.first)), related: [related('first', r.first.span)], fixes: [] };
}

function headingDraft(doc: ReportDocument, r: HeadingSequenceRelation, t: Messages, related: Related): Draft {
  const numbering = r.marker;
  const fix = headingFix(doc, r, t);
  const marker = doc.text.slice(numbering.span.start, numbering.span.end);
  const previous = doc.text.slice(r.previousMarker.span.start, r.previousMarker.span.end);
  return {
    span: numbering.span,
    message: t.headingSequence(marker, previous, fix ? fix.edits[0]!.newText : String(r.expected)),
    related: [related('previous', r.previous.span)],
    fixes: fix ? [fix] : [],
  };
}

export type { Range };
