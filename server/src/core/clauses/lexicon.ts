/**
 * The words that decide what a clause says, each table with the reason it
 * holds. They are general report vocabulary (verbs of change and share,
 * price bases, plan words), never words taken from one sentence.
 */
import {
  QUALIFIER_ANNUAL_AVERAGE,
  QUALIFIER_APPROXIMATE,
  QUALIFIER_CUMULATIVE,
  QUALIFIER_NOMINAL,
  QUALIFIER_OTHER_WHOLE,
  QUALIFIER_PLAN,
  QUALIFIER_REAL,
  type VerbClass,
} from './types';

/**
 * Verbs by class, in the order they are tried: a clause that says 占 and 增长
 * (占比提高) is about a share's change, so change verbs come first. Each
 * pattern matches the verb where it stands before its figure.
 */
export const CN_VERBS: readonly (readonly [VerbClass, RegExp])[] = [
  // 是/为/等于/相当于 … 的N倍: a multiple of a base value, not a change.
  ['multiple-of', /(?:是|为|等于|相当于|达到)[^，。；]{0,16}的$/],
  ['decrease', /(?:下降|减少|降低|回落|缩小|压减|压缩|下跌|下滑|递减|降至|减至|降到|减到|减)了?(?:到|至|为)?$/],
  ['increase', /(?:增长|增加|提高|上升|提升|扩大|上涨|递增|增至|增到|增|翻了?|多)了?(?:到|至|为)?$/],
  // A rate named as a metric (森林覆盖率达到65.7%) states a level; 占/比重 state a share of a whole.
  ['share', /(?:占|占比|比重|比例|份额|占有率)(?:为|达|达到|是|约为|已达)?$/],
  ['part', /(?:其中|包括|包含|含有)[^，。；]{0,12}$/],
  // The total word stands right before its figure: 合计247个, 累计完成1.2万件 (共 inside 公共 is no verb).
  ['total', /(?:合计|共计|总计|总共|累计|共有)(?:为|达|达到|有|完成|实现)?$/],
  ['respectively', /分别(?:为|是|达到|达|增长|下降|占)?$/],
  ['level', /(?:达到|达|为|是|实现|完成|突破|超过|保持在|稳定在|控制在|有)$/],
];

export const EN_VERBS: readonly (readonly [VerbClass, RegExp])[] = [
  ['multiple-of', /\b(?:twice|three times|times)\s+(?:as\s+\w+\s+as\s+)?$/i],
  ['decrease', /\b(?:fell|declined|decreased|dropped|lost|down|edged down|was revised down|revised down|shrank|contracted)(?:\s+(?:by|to))?\s+$/i],
  ['increase', /\b(?:rose|increased|grew|gained|climbed|jumped|up|added|edged up|was revised up|revised up|expanded)(?:\s+(?:by|to))?\s+$/i],
  ['share', /\b(?:accounted for|made up|represented|comprised|share of|proportion of|percentage of)\s+$/i],
  ['part', /\b(?:of which|of whom|including|among them)\s+$/i],
  ['total', /\b(?:totaled|totalled|total of|in total|altogether)\s+$/i],
  ['level', /\b(?:was|were|is|are|stood at|reached|at)\s+$/i],
];

/** Qualifier flags and the words that set them, Chinese and English. */
export const QUALIFIER_WORDS: readonly (readonly [number, RegExp])[] = [
  // Real growth is measured after removing price changes: nominal levels cannot check it.
  [QUALIFIER_REAL, /实际|按可比价格|可比价|扣除价格因素|按不变价格|不变价|in real terms|\breal\b|inflation-adjusted|constant (?:prices|dollars)|chained/i],
  [QUALIFIER_NOMINAL, /名义|按当年价格|现价|\bnominal\b|current (?:prices|dollars)/i],
  // 年均/平均每年/average annual: a compound rate per year, not the change over the whole period.
  [QUALIFIER_ANNUAL_AVERAGE, /年均|平均每年|每年平均|平均年|年平均|每年递增|每年递减|平均递增|平均增长|average annual|annual average|annual rate|annualized|per year|a year\b|each year/i],
  [QUALIFIER_APPROXIMATE, /约|左右|上下|将近|接近|以上|以下|超过|不足|不到|\babout\b|\baround\b|\bnearly\b|\broughly\b|\bmore than\b|\bless than\b|\balmost\b|\bover\b|\bunder\b/i],
  // A plan, target, forecast or budget states what should be, not what was.
  [QUALIFIER_PLAN, /计划|规划|目标|预计|预期|预算|力争|争取|可望|拟|要求|安排|将要|将|要|可以|可能|应当|应该|必须|to be\b|\bplan|\btarget|\bprojected|\bexpected|\bforecast|\bwill\b|\bbudget/i],
  [QUALIFIER_CUMULATIVE, /累计|累积|来[，,]|\bcumulative|\bin total/i],
  // 占全国/占世界/占有率/市场份额: a share of a whole outside the paragraph (the country's, the market's).
  [QUALIFIER_OTHER_WHOLE, /占全国|占全省|占全市|占世界|占全球|全国的|世界的|占有率|市场份额|share of the (?:market|nation|world|total)/i],
];

/**
 * All qualifier words in one pattern, a capture group per flag, so that a clause is
 * scanned once instead of once per flag (clauses are read for every sentence with a figure).
 */
export const QUALIFIER_PATTERN = new RegExp(QUALIFIER_WORDS.map(([, pattern]) => `(${pattern.source})`).join('|'), 'gi');
export const QUALIFIER_FLAGS: readonly number[] = QUALIFIER_WORDS.map(([flag]) => flag);

/** Words a metric phrase starts with that are not part of its name: connectives and framing. */
export const CN_METRIC_LEAD = /^(?:的|合计|共计|总计|累计|其中|并且|并|而且|而|同时|另外|此外|以及|及|和|与|即|也|还|都|均|已|已经|共|总共|在|其|使|把|将|要|可|可以|预计|计划|力争|争取|比|较)+/;
/** Words a metric phrase ends with that are the verb or its particles, not the name. */
export const CN_METRIC_TRAIL = /(?:达到|达|为|是|安排|共|约|计|实现|完成|超过|突破|保持在|稳定在|控制在|在|有|将|要|可|已|已经|预计|计划|可以|能|能够|也|都|均|还|就|的)+$/;

/** Units that make a figure a duration: a span of time, never a share, part or sum of things. */
export const DURATION_UNITS: ReadonlySet<string> = new Set(['年', '个月', '月', '天', '日', '小时', '周', '星期', '年间', 'years', 'year', 'months', 'month', 'days', 'day', 'weeks', 'week', 'hours', 'hour', 'quarters']);
