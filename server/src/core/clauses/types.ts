import type { Figure } from '../figures/figure';
import type { TextSpan } from '../model';

/**
 * What a clause says about its figures, read once per sentence and shared by
 * every relation finder. A clause is the stretch of a sentence between two
 * clause marks (，；：（） and their ASCII forms); Chinese reports leave the
 * subject and the period of a clause to the clause before it, so both are
 * inherited within a sentence.
 */
export interface Clause {
  readonly span: TextSpan;
  /** Which sentence of its paragraph the clause belongs to. */
  readonly sentence: number;
  /** The thing measured, as written before the verb (粮食总产量, the number of job openings); '' when the clause names none. */
  readonly metric: string;
  /** When the metric was taken from an earlier clause of the same sentence (Chinese elides a repeated subject). */
  readonly metricInherited: boolean;
  /** The period the clause speaks of (2023年, 上半年, 1–7月, from 2012 to 2017), own or inherited. */
  readonly period: Period | undefined;
  /** A period the clause compares with (比上年, 较2019年, than a year earlier): the base, not the clause's own period. */
  readonly base: Period | undefined;
  readonly verb: VerbClass;
  /** QUALIFIER_* flags. */
  readonly qualifiers: number;
  readonly figures: readonly ClauseFigure[];
  readonly english: boolean;
}

/** How a clause relates its figures, as its verb says. */
export type VerbClass =
  | 'increase' // 增长, 增加, 提高, rose, increased
  | 'decrease' // 下降, 减少, 降低, fell, declined
  | 'share' // 占, 比重, 占比, accounted for, share of
  | 'part' // 其中, 包括, of which, including
  | 'total' // 合计, 共计, 总计, 累计, in total
  | 'respectively' // 分别, respectively
  | 'multiple-of' // 是/等于/相当于…的N倍, twice as many as
  | 'level' // 达到, 为, 是, 实现, was, reached, totaled (or no verb: 粮食总产量86.5万吨)
  | 'none';

export interface Period {
  readonly text: string;
  /** Normalised for comparison: Y2023, H1, M6, M1-7, Q1, Y1952-1957, this-year, last-year, years:5… */
  readonly key: string;
  /** A stretch of years (由2012年…到2017年, 五年来, from 2012 to 2017): how many years, when the text says. */
  readonly years?: number;
}

/** What a figure is in its clause. */
export type FigureRole =
  | 'level' // the value of the metric
  | 'change' // a stated change (增长7.3%, 增加4人, rose by 6,400)
  | 'share' // a stated share or rate (占28%, 整改率99.4%)
  | 'base' // a value compared with (较上年的994.1亿元, 由3480亿元…)
  | 'target' // the value reached (…增加到9380亿元)
  | 'multiple' // N倍
  | 'duration'; // 四年, 五年来, 3 months: never an operand of a rate, a part or a sum

export interface ClauseFigure {
  readonly figure: Figure;
  readonly role: FigureRole;
}

/** Real growth: prices removed (实际, 按可比价格, 扣除价格因素, in real terms). Cannot be checked against nominal values. */
export const QUALIFIER_REAL = 1;
/** Stated at current prices (名义, 按当年价格, nominal). */
export const QUALIFIER_NOMINAL = 2;
/** An annual average (年均, 平均每年, average annual): a compound rate over a period, not the total change. */
export const QUALIFIER_ANNUAL_AVERAGE = 4;
/** About, more than, nearly (约, 超过, 近, about, more than): not exact. */
export const QUALIFIER_APPROXIMATE = 8;
/** A plan, target, forecast or budget (计划, 目标, 预计, 力争, 将, will, target): not an outcome. */
export const QUALIFIER_PLAN = 16;
/** Accumulated over a period (累计, 五年来, cumulative). */
export const QUALIFIER_CUMULATIVE = 32;
/** A different whole than the paragraph's (占有率, 占全国, 占世界, share of the market). */
export const QUALIFIER_OTHER_WHOLE = 64;

/** Every clause of one sentence, and the index of each figure's clause. */
export interface SentenceClauses {
  readonly clauses: readonly Clause[];
  /** clauseOfFigure[k] is the clause index of the sentence's k-th figure. */
  readonly clauseOfFigure: readonly number[];
}
