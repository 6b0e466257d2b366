import type { Figure } from '../figures/figure';
import { meets } from './arithmetic';
import { isExact, leadOf, type AnalysisContext } from './context';
import type { ConflictRelation } from './types';

/** Verbs and particles that end a clause before its figure and are not part of the metric's name. */
const TRAILING_VERB = /(?:达到|达|为|是|共|约|计|实现|完成|超过|突破|增至|降至|保持在|稳定在|控制在|在)+$/;
/** Comparisons, targets and plans state other values of the same metric on purpose. */
const NOT_A_RESTATEMENT = /比|较|由|从|增长|增加|增至|增到|降至|降到|降低|减少|减至|提高|下降|上升|计划|目标|预计|力争|预期|同比|环比|上年|去年|以上|以下|左右/;
/** The shared ending of two metric names must be at least this long (粮食总产量). */
const MIN_METRIC = 5;

/** A figure stated as the level of a named metric: what conflicts compare. */
export interface Statement {
  readonly figure: Figure;
  readonly metric: string;
  /** Statements are compared only when their keys match: the metric itself (English) or its last characters (Chinese). */
  readonly key: string;
  readonly english: boolean;
}

/** The statements of one paragraph, found once and carried across edits. */
export function findStatements(context: AnalysisContext): Statement[] {
  const statements: Statement[] = [];
  for (const sentence of context.sentences) {
    const english = sentence.english;
    for (const figure of sentence.figures) {
      if (!isExact(figure) || figure.signed) continue;
      if (english) {
        const metric = englishMetric(context.text, sentence.span.start, figure);
        if (metric) statements.push({ figure, metric, key: metric, english });
        continue;
      }
      if (figure.kind === 'plain') continue;
      const lead = leadOf(context.text, sentence.span, figure);
      if (NOT_A_RESTATEMENT.test(lead)) continue;
      const metric = lead.replace(TRAILING_VERB, '');
      if (!/^[\u4e00-\u9fff]+$/.test(metric.slice(-MIN_METRIC)) || metric.length < MIN_METRIC) continue;
      statements.push({ figure, metric, key: metric.slice(-MIN_METRIC), english });
    }
  }
  return statements;
}

/** Statements of one paragraph and the section (scope) it stands in. */
export interface ScopedStatements {
  readonly scope: number;
  readonly statements: readonly Statement[];
  /** The figure as it stands in the current version (statements may have been found in an earlier one). */
  readonly current: (figure: Figure) => Figure;
}

/**
 * The same metric stated twice in one section with values that cannot both
 * be right: 粮食总产量达到86.5万吨 … 全年粮食总产量86.8万吨. Conservative:
 * the clause before each figure must end with the same name of at least five
 * characters, neither clause may compare or plan, and both figures must be exact.
 */
export function findConflicts(paragraphs: readonly ScopedStatements[]): ConflictRelation[] {
  const relations: ConflictRelation[] = [];
  // Statements by scope and key: a figure is only compared with its likely twins.
  const seen = new Map<string, { statement: Statement; current: (figure: Figure) => Figure }[]>();
  let scope = -1;
  for (const paragraph of paragraphs) {
    // Scopes follow each other: a new one starts with nothing seen.
    if (paragraph.scope !== scope) seen.clear();
    scope = paragraph.scope;
    for (const statement of paragraph.statements) {
      let inScope = seen.get(statement.key);
      if (!inScope) seen.set(statement.key, (inScope = []));
      for (const earlier of inScope) {
        const conflict = conflictBetween(earlier.statement, statement);
        if (conflict) relations.push({ ...conflict, first: earlier.current(conflict.first), second: paragraph.current(conflict.second) });
      }
      inScope.push({ statement, current: paragraph.current });
    }
  }
  return relations;
}

function conflictBetween(earlier: Statement, later: Statement): ConflictRelation | undefined {
  const first = earlier.figure;
  const second = later.figure;
  if (first.kind !== second.kind || first.unit !== second.unit) return undefined;
  if (later.english) {
    if (!earlier.english || earlier.metric !== later.metric || meets(first.interval, second.interval)) return undefined;
    return { type: 'conflict', first, second, metric: later.metric, consistent: false };
  }
  if (earlier.english) return undefined;
  const shared = sharedEnding(earlier.metric, later.metric);
  if (shared.length < MIN_METRIC || (shared.length < earlier.metric.length && shared.length < later.metric.length)) return undefined;
  if (meets(first.interval, second.interval)) return undefined;
  return { type: 'conflict', first, second, metric: shared, consistent: false };
}

/**
 * English statements of a level: "the number of job openings was", "the quits rate was",
 * "Median weekly earnings of full-time workers were". The metric is the noun phrase before
 * the verb, which must name a level (number, rate, level, share, total, average, median);
 * changes ("rose to", "declined by") never count.
 */
const EN_LEVEL = /(?:^|[,;(]\s*|\band\s+|\bthat\s+)((?:the\s+)?(?:[a-z-]+\s+){0,6}?(?:number|rate|level|share|total|average|median|ratio|index)\b[a-z\s-]{0,40}?)\s+(?:was|were|is|are|stood at|totaled|totalled)\s+$/i;

function englishMetric(text: string, sentenceStart: number, figure: { span: { start: number } }): string | undefined {
  const lead = text.slice(Math.max(sentenceStart, figure.span.start - 90), figure.span.start).replace(/\s+/g, ' ');
  const match = EN_LEVEL.exec(lead);
  if (!match || /\b(?:rose|fell|increased|decreased|declined|edged|changed|revised|up|down|from|to|by)\b/i.test(match[1]!)) return undefined;
  const metric = match[1]!.toLowerCase().replace(/^the\s+/, '').trim();
  return metric.split(' ').length >= 2 ? metric : undefined;
}

function sharedEnding(a: string, b: string): string {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return a.slice(a.length - n);
}
