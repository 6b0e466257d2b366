import { QUALIFIER_ANNUAL_AVERAGE, QUALIFIER_OTHER_WHOLE, QUALIFIER_PLAN, type Clause } from '../clauses/types';
import type { Figure } from '../figures/figure';
import { meets } from './arithmetic';
import { isExact, type AnalysisContext } from './context';
import type { ConflictRelation } from './types';

/** A Chinese metric name must be at least this long to be told apart from a generic word (粮食总产量, not 产量). */
const MIN_CN_METRIC = 4;
/** English metric names must name a measure: "the number of job openings", "the quits rate". */
const EN_MEASURE = /\b(?:number|rate|level|share|total|average|median|ratio|index|earnings|employment|unemployment|payrolls?|hours)\b/;

/** A figure stated as the level of a named metric, for one subject, period and kind (plan or outcome). */
export interface Statement {
  readonly figure: Figure;
  readonly metric: string;
  /** Statements are compared only when their keys are equal: metric, subject, period, plan or outcome, unit. */
  readonly key: string;
}

/**
 * The statements of one paragraph, found once and carried across edits.
 * A statement is a clause that names its own metric (not one inherited from
 * the clause before) and states its level with an exact figure. Items of an
 * enumeration share a phrase on purpose (each product "等于一九四九年的N倍",
 * each line "占预算数的X%"), so a metric stated twice within one sentence is
 * an enumeration, and none of its statements in this paragraph is kept.
 */
export function findStatements(context: AnalysisContext): Statement[] {
  const statements: Statement[] = [];
  const enumerated = new Set<string>();
  for (const sentence of context.sentences) {
    statements.push(...sentenceStatements(context.text, sentence.clauses.clauses));
  }
  for (const sentence of context.sentences) {
    // A metric stated again later in the same sentence marks an enumeration of items.
    const clauses = sentence.clauses.clauses;
    let named = 0;
    for (let k = 0; k < clauses.length; k++) if (clauses[k]!.figures.length > 0 && clauses[k]!.metric !== '') named++;
    if (named < 2) continue; // most sentences: nothing to compare, nothing to allocate
    const metrics = clauses.filter((c) => c.figures.length > 0 && c.metric !== '').map((c) => c.metric);
    if (new Set(metrics).size < metrics.length) for (const m of metrics) enumerated.add(m);
  }
  return enumerated.size === 0 ? statements : statements.filter((s) => !enumerated.has(s.metric));
}

const NO_STATEMENTS: readonly Statement[] = [];

/** Words that point back (这些建设项目, these jobs): the subject is somewhere earlier, not in the sentence. */
const POINTS_BACK = /^(?:这些|这个|这类|这项|该|此|其|上述|以上|these|this|those|that)/i;

/**
 * The statements a sentence makes. A sentence whose parts are separated by ；
 * lists items of an enumeration, each part with its own subject (内河…货物周转量…；
 * 旅客周转量…): only clauses before the first ； are statements. A label before a
 * colon (铁：…) is the subject of what follows.
 */
function sentenceStatements(text: string, clauses: readonly Clause[]): readonly Statement[] {
  if (!clauses.some((clause) => clause.figures.length > 0)) return NO_STATEMENTS;
  if (POINTS_BACK.test(text.slice(clauses[0]!.span.start, clauses[0]!.span.end).trim())) return [];
  const statements: Statement[] = [];
  let subject = '';
  for (const clause of clauses) {
    if (clause.figures.length > 0) {
      const statement = statementOf(clause, subject);
      if (statement) statements.push(statement);
    }
    const mark = text[clause.span.end] ?? '';
    if (mark === '；' || mark === ';') break;
    if (clause.figures.length === 0 && (mark === '：' || mark === ':')) subject = text.slice(clause.span.start, clause.span.end).trim();
  }
  return statements;
}

function statementOf(clause: Clause, subject: string): Statement | undefined {
  if (clause.metricInherited || clause.verb !== 'level' || clause.figures.length !== 1) return undefined;
  // An annual average is a rate per year, and a share of another whole is about that whole.
  if (clause.qualifiers & (QUALIFIER_ANNUAL_AVERAGE | QUALIFIER_OTHER_WHOLE)) return undefined;
  const { figure, role } = clause.figures[0]!;
  if (role !== 'level' || !isExact(figure) || figure.signed) return undefined;
  if (clause.english ? !EN_MEASURE.test(clause.metric) : figure.kind === 'plain' || clause.metric.length < MIN_CN_METRIC) return undefined;
  const plan = clause.qualifiers & QUALIFIER_PLAN ? 'plan' : 'outcome';
  const key = [clause.metric, subject, clause.period?.key ?? '', plan, figure.kind, figure.unit].join('|');
  return { figure, metric: clause.metric, key };
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
 * be right: 粮食总产量达到86.5万吨 … 全年粮食总产量86.8万吨. Each later
 * statement is compared with the first of its key only, so the cost and the
 * findings are linear: at most one finding per statement.
 */
export function findConflicts(paragraphs: readonly ScopedStatements[]): ConflictRelation[] {
  const relations: ConflictRelation[] = [];
  // The first statement of each key in the current scope, and its paragraph (whose figures are mapped only for a conflict).
  const first = new Map<string, Statement>();
  const firstIn = new Map<string, ScopedStatements>();
  let scope = -1;
  for (let p = 0; p < paragraphs.length; p++) {
    const paragraph = paragraphs[p]!;
    const statements = paragraph.statements;
    if (statements.length === 0) continue;
    // Scopes follow each other: a new one starts with nothing seen.
    if (paragraph.scope !== scope) {
      first.clear();
      firstIn.clear();
    }
    scope = paragraph.scope;
    for (let k = 0; k < statements.length; k++) {
      const statement = statements[k]!;
      const earlier = first.get(statement.key);
      if (!earlier) {
        first.set(statement.key, statement);
        firstIn.set(statement.key, paragraph);
        continue;
      }
      if (meets(earlier.figure.interval, statement.figure.interval)) continue;
      relations.push({ type: 'conflict', first: firstIn.get(statement.key)!.current(earlier.figure), second: paragraph.current(statement.figure), metric: statement.metric, consistent: false });
    }
  }
  return relations;
}
