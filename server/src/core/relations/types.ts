import type { Figure } from '../figures/figure';
import type { Heading, TextSpan } from '../model';

export type Interval = readonly [number, number];

/** A stated percentage with the numerator and denominator it was computed from. */
export interface RateRelation {
  readonly type: 'rate';
  readonly rate: Figure;
  readonly numerator: Figure;
  readonly denominator: Figure;
  /** The rate word as written: 整改率, response rate, 占比… */
  readonly label: string;
  /** numerator / denominator × 100, as an interval from the operands' intervals. */
  readonly computed: Interval;
  readonly consistent: boolean;
}

/** A part (其中, of which, 办结 against 受理) and its whole. */
export interface PartRelation {
  readonly type: 'part';
  readonly part: Figure;
  readonly whole: Figure;
  readonly consistent: boolean;
  /** The part and whole were stated without a rate: an inlay hint can show it. */
  readonly rateStated: boolean;
}

/** Parts listed with their total. */
export interface SumRelation {
  readonly type: 'sum';
  readonly total: Figure;
  readonly parts: readonly Figure[];
  /** The parts are meant to be all of it (分别为, 合计, a colon list) — otherwise they may only fall short. */
  readonly exhaustive: boolean;
  /**
   * Signed parts (revisions "down by 32,000" and "up by 15,000"): the sign of each part and of
   * the total, whose figures state magnitudes. Absent when every figure is positive.
   */
  readonly signs?: { readonly parts: readonly (1 | -1)[]; readonly total: 1 | -1 };
  readonly computed: Interval;
  readonly consistent: boolean;
}

/** Before/after values and a stated change (absolute or percent). */
export interface ChangeRelation {
  readonly type: 'change';
  readonly before: Figure | undefined;
  readonly after: Figure | undefined;
  /** The stated change that is checked. */
  readonly stated: Figure;
  /** For a previous value implied by a stated absolute change (比上年增加50亿元，增长15.4%): that change. */
  readonly delta?: Figure;
  /**
   * What the stated change is: 'percent' (增长7.3%), 'absolute' (增加4人), 'multiple' (增长1.6倍),
   * 'annual-average' (年均增长7.2% over `years` years: a compound rate).
   */
  readonly measure: 'percent' | 'absolute' | 'multiple' | 'annual-average';
  /** For an annual average, the number of years the text states. */
  readonly years?: number;
  /** +1 for increases, -1 for decreases, as the verb says. */
  readonly direction: 1 | -1;
  /** The operands the computation used, for messages: [before, after] values (one may be derived). */
  readonly operands: readonly [number, number];
  readonly computed: Interval;
  readonly consistent: boolean;
}

/** A counted phrase (五字诀, three priorities) and the items listed with it. */
export interface CountRelation {
  readonly type: 'count';
  readonly phrase: TextSpan;
  readonly phraseText: string;
  readonly stated: number;
  readonly numberSpan: TextSpan;
  readonly items: readonly TextSpan[];
  /** Other item counts a reading of the list allows (a final 和 inside an item). */
  readonly alternatives: readonly number[];
  readonly consistent: boolean;
  /**
   * A list counted by markers (一是…二是…) with fewer items in its paragraph than stated:
   * it may go on in the paragraphs after it, which only the whole document shows.
   */
  readonly continues?: MarkedContinuation;
}

/** Where a marked list may go on: its marker family, the next item's number, and whether its own paragraph ends with it. */
export interface MarkedContinuation {
  readonly family: number;
  readonly next: number;
  /** The last item ends its paragraph, with no other enumeration after it (一类是…, 此外…). */
  readonly closed: boolean;
}

/** The same metric stated twice in a section with values that cannot both hold. */
export interface ConflictRelation {
  readonly type: 'conflict';
  readonly first: Figure;
  readonly second: Figure;
  readonly metric: string;
  readonly consistent: false;
}

/** A numbered heading that skips or repeats a number among its siblings. */
export interface HeadingSequenceRelation {
  readonly type: 'heading-sequence';
  readonly heading: Heading;
  readonly previous: Heading;
  /** The numbers that form the sequence: the headings' own, or those written in Markdown headings (## 4.). */
  readonly marker: SequenceMarker;
  readonly previousMarker: SequenceMarker;
  readonly expected: number;
  readonly consistent: false;
}

/** Where a heading's sequence number is written, and in which numbering style. */
export interface SequenceMarker {
  readonly style: string;
  readonly span: TextSpan;
}

/** Why the text does not let a relation be checked. */
export type UnverifiableReason =
  | 'real-growth' // 按可比价格/实际/in real terms: prices removed, the nominal levels cannot check it
  | 'annual-average-period' // 年均/average annual without a stretch of years the text makes known
  | 'other-whole'; // a share of a whole outside the paragraph (占全国, 占有率)

/**
 * Figures that look related but whose clauses do not make the relation
 * checkable: listed in hover and by `report-lens relations`, never flagged.
 */
export interface UnverifiableRelation {
  readonly type: 'unverifiable';
  /** The check it would have been. */
  readonly check: 'rate' | 'change' | 'size-word';
  /** The stated figure (the rate or the change) first, then the operands. */
  readonly figures: readonly Figure[];
  readonly reason: UnverifiableReason;
  readonly consistent: true;
}

/**
 * Shares of one whole that must add up: complements (X and 非X) to 100%. `complete`
 * says the shares are all of the whole (they must meet 100); otherwise they may only
 * fall short of it.
 */
export interface ShareSumRelation {
  readonly type: 'share-sum';
  readonly shares: readonly Figure[];
  readonly computed: Interval;
  readonly complete: boolean;
  readonly consistent: boolean;
}

/**
 * A word that states a size (大幅, 略有, 过半, 近三成, 翻一番, sharply, more than half) against the
 * figure or the before/after values it describes (sizeWords.ts).
 */
export interface SizeWordRelation {
  readonly type: 'size-word';
  /** The word as written, and where. */
  readonly word: string;
  readonly span: TextSpan;
  /** What the word says of its figure: 'change' (a percentage change), 'share' (a share in %), 'ratio' (after / before). */
  readonly measure: 'change' | 'share' | 'ratio';
  /** What the word means, as a message key: 'large-change', 'small-change', 'share-above', 'share-near', 'ratio'. */
  readonly meaning: 'large-change' | 'small-change' | 'share-above' | 'share-near' | 'ratio';
  /** The values the word allows, in the measure's unit (|change| in %, share in %, ratio ×). */
  readonly allowed: Interval;
  /** The word allows any value above allowed[0] (过半, more than half). */
  readonly above?: boolean;
  /** The stated figure: the change or the share; for a ratio, the value after. */
  readonly figure: Figure;
  /** For a ratio: the value before. */
  readonly before?: Figure;
  /** The measure computed from the figures, as an interval. */
  readonly computed: Interval;
  readonly consistent: boolean;
}

/**
 * A multiple in 倍 (or times) read as written: 增长N倍 is ×(N+1), 是/为/增长到…的N倍 and N times as
 * many are ×N, against before/after values; 下降/减少N倍 states no decrease a quantity can have.
 */
export interface MultipleRelation {
  readonly type: 'multiple';
  readonly stated: Figure;
  /** 'increase-by' (增长N倍, ×(N+1)), 'times' (是…的N倍, 增长到N倍, N times as, ×N), 'decrease-by' (下降N倍: no valid reading). */
  readonly reading: 'increase-by' | 'times' | 'decrease-by';
  readonly before: Figure | undefined;
  readonly after: Figure | undefined;
  /** after / before, as an interval (when both are known). */
  readonly computed: Interval | undefined;
  readonly consistent: boolean;
}

/**
 * A percentage of a stated whole-number count (调查1200户，满意率83.47%; Of 40 respondents, 37.3%):
 * some whole number of the count must give it at its printed precision (the GRIM test).
 */
export interface ImpossiblePercentageRelation {
  readonly type: 'impossible-percentage';
  readonly rate: Figure;
  readonly count: Figure;
  /** count × rate / 100, from the rate's interval. */
  readonly computed: Interval;
  /** The whole numbers nearest below and above `computed`, each with the percentage it gives. */
  readonly neighbours: readonly (readonly [number, number])[];
  readonly consistent: boolean;
}

export type Relation = RateRelation | PartRelation | SumRelation | ShareSumRelation | ChangeRelation | CountRelation | ConflictRelation | HeadingSequenceRelation | SizeWordRelation | MultipleRelation | ImpossiblePercentageRelation;
