/**
 * What the text-site finders share: the site type, interval arithmetic over written numbers, and
 * the planted slips (a value moved well outside rounding, a direction word swapped, a count ±1).
 */
import { readNumbers, rewrite, roundLike, type WrittenNumber } from './numerals';
import type { Rng } from './random';
import { covering, paragraphs, sentences, type Language, type Span } from './text';

/** The relation kinds the suite plants, each found by surface patterns of the text. */
export const SITE_KINDS = ['rate', 'part', 'sum', 'change', 'count', 'heading', 'share-sum', 'compound', 'size-word', 'multiple', 'impossible-percentage', 'table'] as const;
/** Kinds added after the first six draw from their own random stream, so that they leave the others' samples as they were. */
export const READING_KINDS: readonly SiteKind[] = ['share-sum', 'compound', 'size-word', 'multiple', 'impossible-percentage', 'table'];
export type SiteKind = (typeof SITE_KINDS)[number];

export interface ReportText {
  /** Repository-relative path. */
  readonly name: string;
  readonly language: Language;
  readonly text: string;
}

export interface Edit extends Span {
  readonly text: string;
}

export interface Planted {
  readonly edits: readonly Edit[];
  /** What was planted, with the arithmetic. */
  readonly note: string;
}

export interface Site {
  readonly kind: SiteKind;
  /** Which surface pattern found it (for reporting misses by pattern). */
  readonly pattern: string;
  /** The sentence(s) holding the relation, in the original text: a catching diagnostic must overlap them. */
  readonly span: Span;
  /** A slip planted with `rng`, or undefined when none fits (the site is then not counted as planted). */
  plant(rng: Rng): Planted | undefined;
}

/** A paragraph with its numbers and sentences, read once for all finders. */
export interface Paragraph extends Span {
  readonly text: string;
  readonly body: string;
  readonly numbers: readonly WrittenNumber[];
  readonly sentences: readonly Span[];
}

export function readParagraphs(doc: ReportText): Paragraph[] {
  return paragraphs(doc.text, doc.language).map((p) => {
    const body = doc.text.slice(p.start, p.end);
    const numbers = readNumbers(body).map((n) => ({ ...n, start: n.start + p.start, end: n.end + p.start }));
    return { ...p, text: doc.text, body, numbers, sentences: sentences(doc.text, p, doc.language) };
  });
}

/** The sentence(s) of `p` covering [start, end). */
export function sentenceSpan(p: Paragraph, start: number, end: number): Span {
  return covering(p.sentences, start, end);
}

export type Interval = readonly [number, number];

/** What a written number stands for: value ± half its last digit. */
export function interval(n: WrittenNumber): Interval {
  return [n.value - n.step / 2, n.value + n.step / 2];
}

export function meets(a: Interval, b: Interval): boolean {
  return a[0] <= b[1] && b[0] <= a[1];
}

/** The distance between two intervals (0 when they meet). */
function gap(a: Interval, b: Interval): number {
  return Math.max(0, a[0] - b[1], b[0] - a[1]);
}

export function sumOf(list: readonly Interval[]): Interval {
  return [list.reduce((s, i) => s + i[0], 0), list.reduce((s, i) => s + i[1], 0)];
}

/** part / whole × 100 over intervals (whole > 0). */
export function percentOf(part: Interval, whole: Interval): Interval {
  return [(part[0] / whole[1]) * 100, (part[1] / Math.max(whole[0], 1e-9)) * 100];
}

/** (after − before) / before × 100 over intervals (before > 0). */
export function growth(before: Interval, after: Interval): Interval {
  return [((after[0] - before[1]) / before[1]) * 100, ((after[1] - before[0]) / Math.max(before[0], 1e-9)) * 100];
}

export function difference(before: Interval, after: Interval): Interval {
  return [after[0] - before[1], after[1] - before[0]];
}

/** An edit replacing `n` with `value` written as `n` is. */
export function retype(text: string, n: WrittenNumber, value: number): Edit {
  return { start: n.start, end: n.end, text: rewrite(text, n, value) };
}

/** The interval `value` stands for once written in place of `like` (see roundLike). */
export function writtenInterval(like: WrittenNumber, value: number): Interval {
  const { value: rounded, step } = roundLike(like, value);
  return [rounded - step / 2, rounded + step / 2];
}

/**
 * A stated percentage or rate moved well outside rounding: 2 to 6 points (below 10: 30–60 % of
 * itself, at least two steps) beyond the edge of `truth`, up or down, within `bounds`.
 */
export function movedPercent(rng: Rng, stated: WrittenNumber, truth: Interval, bounds: Interval = [0, 100]): number | undefined {
  for (let attempt = 0; attempt < 30; attempt++) {
    const up = rng.chance(0.5);
    const delta = Math.max(stated.value < 10 ? stated.value * rng.uniform(0.3, 0.6) : rng.uniform(2, 6), 2 * stated.step);
    const candidate = roundLike(stated, up ? truth[1] + delta : truth[0] - delta).value;
    if (candidate <= bounds[0] || candidate > bounds[1]) continue;
    if (gap(writtenInterval(stated, candidate), truth) >= Math.max(stated.step, Math.min(2, 0.2 * magnitudeOf(truth)))) return candidate;
  }
  return undefined;
}

const magnitudeOf = (i: Interval) => Math.max(Math.abs(i[0]), Math.abs(i[1]));

/** A stated amount scaled by 1.3–1.8 or 0.45–0.75, clear of `truth` in the same sense as movedPercent. */
export function movedAmount(rng: Rng, stated: WrittenNumber, truth: Interval): number | undefined {
  for (let attempt = 0; attempt < 30; attempt++) {
    const factor = rng.chance(0.5) ? rng.uniform(1.3, 1.8) : rng.uniform(0.45, 0.75);
    const candidate = roundLike(stated, stated.value * factor).value;
    if (candidate <= 0) continue;
    if (clear(writtenInterval(stated, candidate), truth)) return candidate;
  }
  return undefined;
}

/** Apart by at least the written number's own width and 15 % of the truth's magnitude. */
export function clear(written: Interval, truth: Interval): boolean {
  return gap(written, truth) >= Math.max(written[1] - written[0], 0.15 * magnitudeOf(truth));
}

/** True when `n` is written as an approximation or a bound (约, 近, 多, 余, 以上, 左右, about, more than…). */
export function approximate(text: string, n: WrittenNumber, unitEnd: number): boolean {
  if (n.open) return true;
  const before = text.slice(Math.max(0, n.start - 12), n.start);
  const after = text.slice(unitEnd, unitEnd + 4);
  return /(约|近|大约|将近|接近|超过|逾|达到?近|不到|不足|上下)$/.test(before) || /^(多|余|以上|以下|左右|上下)/.test(after) || /\b(about|nearly|almost|roughly|approximately|over|more than|less than|under|some)\s+\$?$/i.test(before);
}

/** A rate stated for part / whole, planted well off its truth: the rate sites of both languages. */
export function rateSite(p: Paragraph, pattern: string, span: Span, rate: WrittenNumber, part: WrittenNumber, whole: WrittenNumber): Site {
  const truth = percentOf(interval(part), interval(whole));
  return {
    kind: 'rate',
    pattern,
    span,
    plant(rng) {
      const value = movedPercent(rng, rate, truth);
      if (value === undefined) return undefined;
      const edit = retype(p.text, rate, value);
      return { edits: [edit], note: `stated ${edit.text}, but ${part.value} / ${whole.value} = ${((part.value / whole.value) * 100).toFixed(2)}%` };
    },
  };
}
