/**
 * Messages the server and the CLI show to people, in English and 简体中文.
 * The locale comes from the client (`initializationOptions.locale` or the
 * LSP `locale` field) or, for the CLI, from the environment.
 */
import { formatEnUs } from '../text/numberFormat';
export type Locale = 'en' | 'zh-cn';

const MESSAGES = {
  tooLarge: {
    en: (name: string, size: string, limit: string) => `Report Lens skipped ${name}: it is ${size}, larger than reportLens.maxFileSize (${limit}).`,
    'zh-cn': (name: string, size: string, limit: string) => `Report Lens 未分析 ${name}：文件大小 ${size}，超过 reportLens.maxFileSize（${limit}）。`,
  },
  badGlossaryGlob: {
    en: (glob: string, problem: string, fallback: string) =>
      `Report Lens: reportLens.glossary.files "${glob}" is not a valid glob (${problem}); glossary files are found with "${fallback}" instead.`,
    'zh-cn': (glob: string, problem: string, fallback: string) =>
      `Report Lens：reportLens.glossary.files 的值 "${glob}" 不是有效的 glob（${problem}），改用 "${fallback}" 查找术语表文件。`,
  },
  kindName: {
    en: (kind: string) => KIND_EN[kind] ?? kind,
    'zh-cn': (kind: string) => KIND_ZH[kind] ?? kind,
  },
  valueLabel: { en: () => 'Value', 'zh-cn': () => '数值' },
  countedLabel: { en: () => 'Counted', 'zh-cn': () => '计数对象' },
  intervalLabel: { en: () => 'Stated precision', 'zh-cn': () => '按所写精度' },
  nearestLabel: {
    en: (step: string) => `to the nearest ${step}`,
    'zh-cn': (step: string) => `精确到 ${step}`,
  },
  exactLabel: { en: () => 'exact as written', 'zh-cn': () => '按所写为精确值' },
  moreThanRange: {
    en: (lo: string, hi: string) => `more than ${lo}, below ${hi}`,
    'zh-cn': (lo: string, hi: string) => `${lo}多，不到${hi}`,
  },
  nearlyRange: {
    en: (hi: string) => `nearly ${hi}: below it`,
    'zh-cn': (hi: string) => `接近${hi}，不到${hi}`,
  },
  qualifierLabel: { en: () => 'Qualifier', 'zh-cn': () => '限定' },
  qualifierName: {
    en: (q: string) => QUALIFIER_EN[q] ?? q,
    'zh-cn': (q: string) => QUALIFIER_ZH[q] ?? q,
  },
  qualifierNote: {
    en: () => 'not exact: checks treat it as a bound, not a value',
    'zh-cn': () => '非精确值：核对时只作为界限，不作为确数',
  },
  rangeLabel: { en: (end: string) => `${end} of a range`, 'zh-cn': (end: string) => (end === 'start' ? '区间起点' : '区间终点') },
  signedNote: { en: () => 'a signed change, not a level', 'zh-cn': () => '带符号的变化量，而非水平值' },
  notQuantity: {
    en: () => 'Not a quantity: no check uses it.',
    'zh-cn': () => '不是数量，不参与核对。',
  },
  rateMismatch: {
    en: (stated: string, n: string, d: string, computed: string) => `Stated ${stated}, but ${n} / ${d} = ${computed}`,
    'zh-cn': (stated: string, n: string, d: string, computed: string) => `写的是${stated}，但${n} ÷ ${d} = ${computed}`,
  },
  partExceedsWhole: {
    en: (part: string, whole: string) => `The part ${part} is larger than its whole ${whole}`,
    'zh-cn': (part: string, whole: string) => `部分${part}大于总数${whole}`,
  },
  sumExceeds: {
    en: (sum: string, terms: string, total: string) => `The parts add up to ${sum} (${terms}), more than the stated total ${total}`,
    'zh-cn': (sum: string, terms: string, total: string) => `各部分合计${sum}（${terms}），超过总数${total}`,
  },
  shareSumMismatch: {
    en: (sum: string, terms: string) => `The shares add up to ${sum} (${terms}), not 100%: shares that make up one whole sum to 100% within their rounding`,
    'zh-cn': (sum: string, terms: string) => `各比重合计${sum}（${terms}），不等于100%：构成同一整体的各比重在舍入范围内应合计100%`,
  },
  shareSumExceeds: {
    en: (sum: string, terms: string) => `The shares of one whole add up to ${sum} (${terms}), more than 100%`,
    'zh-cn': (sum: string, terms: string) => `同一整体的各比重合计${sum}（${terms}），超过100%`,
  },
  sumMismatch: {
    en: (sum: string, terms: string, total: string) => `The parts add up to ${sum} (${terms}), not the stated total ${total}`,
    'zh-cn': (sum: string, terms: string, total: string) => `各部分合计${sum}（${terms}），与总数${total}不符`,
  },
  changePercent: {
    en: (stated: string, down: boolean, before: string, after: string, computed: string) =>
      `Stated ${change(down)} of ${stated}, but from ${before} to ${after} is ${change(down)} of ${computed}`,
    'zh-cn': (stated: string, down: boolean, before: string, after: string, computed: string) =>
      `写的是${down ? '下降' : '增长'}${stated}，但由${before}到${after}实为${down ? '下降' : '增长'}${computed}`,
  },
  changeImplied: {
    en: (stated: string, down: boolean, after: string, delta: string, before: string, computedDown: boolean, computed: string) =>
      `Stated ${change(down)} of ${stated}, but ${after} after ${change(down)} of ${delta} means ${before} before: ${change(computedDown)} of ${computed}`,
    'zh-cn': (stated: string, down: boolean, after: string, delta: string, before: string, computedDown: boolean, computed: string) =>
      `写的是${down ? '下降' : '增长'}${stated}，但${down ? '减少' : '增加'}${delta}后为${after}，即此前为${before}：实为${computedDown ? '下降' : '增长'}${computed}`,
  },
  changeWrongWay: {
    en: (stated: string, down: boolean, before: string, after: string, computed: string) => `Stated ${stated} as ${down ? 'a decrease' : 'an increase'}, but from ${before} to ${after} is ${down ? 'an increase' : 'a decrease'} of ${computed}`,
    'zh-cn': (stated: string, down: boolean, before: string, after: string, computed: string) => `写的是${down ? '下降' : '增长'}${stated}，但由${before}到${after}实为${down ? '增长' : '下降'}${computed}`,
  },
  changeAbsolute: {
    en: (stated: string, down: boolean, before: string, after: string, computed: string) => `Stated ${change(down)} of ${stated}, but ${after} − ${before} = ${computed}`,
    'zh-cn': (stated: string, down: boolean, before: string, after: string, computed: string) => `写的是${down ? '减少' : '增加'}${stated}，但${after} − ${before} = ${computed}`,
  },
  changeAnnual: {
    en: (stated: string, before: string, after: string, years: number, computed: string) => `Stated ${stated} a year, but from ${before} to ${after} over ${years} years is ${computed} a year`,
    'zh-cn': (stated: string, before: string, after: string, years: number, computed: string) => `写的是年均${stated}，但${years}年间由${before}到${after}，年均实为${computed}`,
  },
  changeAnnualFromTotal: {
    en: (stated: string, total: string, years: number, computed: string) => `Stated ${stated} a year, but a total change of ${total} over ${years} years is ${computed} a year`,
    'zh-cn': (stated: string, total: string, years: number, computed: string) => `写的是年均${stated}，但${years}年共变化${total}，年均实为${computed}`,
  },
  annualFromTotalLine: {
    en: (total: string, years: number, computed: string, stated: string) => `${total} over ${years} years: ${computed} a year (${stated})`,
    'zh-cn': (total: string, years: number, computed: string, stated: string) => `${years}年共${total}：年均${computed}（${stated}）`,
  },
  annualLine: {
    en: (before: string, after: string, years: number, computed: string, stated: string) => `${before} → ${after} over ${years} years: ${computed} a year (${stated})`,
    'zh-cn': (before: string, after: string, years: number, computed: string, stated: string) => `${years}年间${before} → ${after}：年均${computed}（${stated}）`,
  },
  notVerifiable: {
    en: (reason: string) => `not verifiable: ${reason}`,
    'zh-cn': (reason: string) => `无法核对：${reason}`,
  },
  unverifiableReason: {
    en: (reason: string) => UNVERIFIABLE_EN[reason] ?? reason,
    'zh-cn': (reason: string) => UNVERIFIABLE_ZH[reason] ?? reason,
  },
  sizeWord: {
    en: (word: string, meaning: string, actual: string) => `“${word}” means ${meaning}, but ${actual}`,
    'zh-cn': (word: string, meaning: string, actual: string) => `“${word}”意为${meaning}，但${actual}`,
  },
  sizeMeaning: {
    en: (meaning: string, lo: string, hi: string) => SIZE_MEANING_EN[meaning]?.(lo, hi) ?? meaning,
    'zh-cn': (meaning: string, lo: string, hi: string) => SIZE_MEANING_ZH[meaning]?.(lo, hi) ?? meaning,
  },
  sizeActualChange: {
    en: (figure: string) => `the change stated is ${figure}`,
    'zh-cn': (figure: string) => `所写变化为${figure}`,
  },
  sizeActualShare: {
    en: (figure: string) => `the share stated is ${figure}`,
    'zh-cn': (figure: string) => `所写比例为${figure}`,
  },
  sizeActualRatio: {
    en: (before: string, after: string, ratio: string) => `from ${before} to ${after} is ×${ratio}`,
    'zh-cn': (before: string, after: string, ratio: string) => `由${before}到${after}为${ratio}倍`,
  },
  multipleConfused: {
    en: (stated: string, n: string, plusOne: string, before: string, after: string, ratio: string, growth: string) =>
      `“增长${stated}” (an increase by ${stated}) means ×${plusOne}, but from ${before} to ${after} is ×${ratio}, an increase by ${growth}; ×${n} is written 增长到${stated} or 是…的${stated}`,
    'zh-cn': (stated: string, n: string, plusOne: string, before: string, after: string, ratio: string, growth: string) =>
      `“增长${stated}”即增至${plusOne}倍，但由${before}到${after}是增至${ratio}倍、增长${growth}；增至${n}倍应写作“增长到${stated}”或“是…的${stated}”`,
  },
  multipleTimes: {
    en: (stated: string, n: string, before: string, after: string, ratio: string) => `${stated} means ×${n}, but ${after} / ${before} = ×${ratio}`,
    'zh-cn': (stated: string, n: string, before: string, after: string, ratio: string) => `“的${stated}”即${n}倍，但${after} ÷ ${before} = ${ratio}倍`,
  },
  multipleDecrease: {
    en: (stated: string, computed: string) =>
      `A decrease by ${stated} is no decrease a quantity can have (it can fall by all of itself at most): state the percentage or the fraction (减少了50%, 减少了一半)${computed ? `; the values give a decrease of ${computed}` : ''}`,
    'zh-cn': (stated: string, computed: string) => `“减少${stated}”不能表示减少（减少至多为100%），应写百分比或分数（如减少了50%、减少了一半）${computed ? `；按所写数值实为减少${computed}` : ''}`,
  },
  impossiblePercentage: {
    en: (rate: string, count: string, computed: string, below: string, above: string) =>
      `No whole number of ${count} gives ${rate}: ${rate} of ${count} is ${computed}, and the nearest whole numbers give ${below} and ${above}`,
    'zh-cn': (rate: string, count: string, computed: string, below: string, above: string) =>
      `${count}中没有任何整数能得到${rate}：${count}的${rate}为${computed}，最接近的整数对应${below}和${above}`,
  },
  countMismatch: {
    en: (phrase: string, stated: number, listed: number) => `${quote(phrase)} announces ${stated} items, but ${listed} are listed`,
    'zh-cn': (phrase: string, stated: number, listed: number) => `${quote(phrase)}应有${stated}项，但列出了${listed}项`,
  },
  conflictingFigure: {
    en: (metric: string, second: string, first: string) => `${metric} is ${second} here, but ${first} earlier in this section`,
    'zh-cn': (metric: string, second: string, first: string) => `${metric}此处为${second}，但本节前文为${first}`,
  },
  headingSequence: {
    en: (marker: string, previous: string, expected: string) => `Heading ${marker} follows ${previous}: expected ${expected}`,
    'zh-cn': (marker: string, previous: string, expected: string) => `标题序号${marker}接在${previous}之后，应为${expected}`,
  },
  moreFindings: {
    en: (more: number, code: string, perCheck: number, perDocument: number) =>
      `…and ${count(more)} more ${code} finding${more === 1 ? '' : 's'} not listed (at most ${count(perCheck)} per check and ${count(perDocument)} per document are listed)`,
    'zh-cn': (more: number, code: string, perCheck: number, perDocument: number) =>
      `……另有 ${count(more)} 条 ${code} 问题未列出（每项检查最多列出 ${count(perCheck)} 条，每个文档最多 ${count(perDocument)} 条）`,
  },
  operand: {
    en: (role: string, text: string) => `${role}: ${text}`,
    'zh-cn': (role: string, text: string) => `${role}：${text}`,
  },
  role: {
    en: (role: string) => ROLE_EN[role] ?? role,
    'zh-cn': (role: string) => ROLE_ZH[role] ?? role,
  },
  fixReplace: {
    en: (from: string, to: string) => `Change ${from} to ${to}`,
    'zh-cn': (from: string, to: string) => `将${from}改为${to}`,
  },
  fixRemove: {
    en: (word: string) => `Remove “${word}”`,
    'zh-cn': (word: string) => `删除“${word}”`,
  },
  relationLine: {
    en: (role: string, summary: string) => `${role}: ${summary}`,
    'zh-cn': (role: string, summary: string) => `${role}：${summary}`,
  },
  relationsLabel: { en: () => 'Relations', 'zh-cn': () => '关联' },
  termItems: { en: (n: number) => `Lists ${n} items`, 'zh-cn': (n: number) => `列出${n}项` },
  termAliases: { en: () => 'Also written', 'zh-cn': () => '又作' },
  termAsOf: { en: () => 'As of', 'zh-cn': () => '截至' },
  termSource: { en: () => 'Source', 'zh-cn': () => '来源' },
  termDefinedHere: { en: (line: number) => `defined in this report, line ${line}`, 'zh-cn': (line: number) => `本报告第${line}行定义` },
  termGlossaryFile: { en: (file: string, line: number) => `glossary ${file}, line ${line}`, 'zh-cn': (file: string, line: number) => `术语表 ${file} 第${line}行` },
  termBuiltin: { en: () => 'Report Lens built-in glossary', 'zh-cn': () => 'Report Lens 内置术语表' },
  termOccurrences: { en: (n: number) => `${n} occurrence${n === 1 ? '' : 's'} in this report`, 'zh-cn': (n: number) => `本报告中出现${n}次` },
  undefinedTerm: {
    en: (term: string) => `“${term}” is not defined in this report, the workspace glossary or the built-in glossary`,
    'zh-cn': (term: string) => `“${term}”在本报告、工作区术语表和内置术语表中均无定义`,
  },
  addToGlossary: {
    en: (term: string, file: string) => `Add “${term}” to the workspace glossary (${file})`,
    'zh-cn': (term: string, file: string) => `将“${term}”添加到工作区术语表（${file}）`,
  },
  glossaryStub: { en: () => 'TODO: definition', 'zh-cn': () => '待补充释义' },
  markAsReviewed: {
    en: (code: string, file: string) => `Mark as reviewed (${code}, recorded in ${file})`,
    'zh-cn': (code: string, file: string) => `标记为已审核（${code}，记入 ${file}）`,
  },
  reviewedNote: {
    en: (code: string, by?: string, at?: string) =>
      `Reviewed: the ${code} finding on this figure was marked as reviewed${by ? ` by ${by}` : ''}${at ? ` on ${at}` : ''}, and is not reported while the sentence and its figures stay the same.`,
    'zh-cn': (code: string, by?: string, at?: string) =>
      `已审核：此数字的 ${code} 问题已${by ? `由 ${by} ` : ''}${at ? `于 ${at} ` : ''}标记为已审核，只要所在句子及相关数字不变就不再报告。`,
  },
  badConfig: {
    en: (file: string, problems: string) => `Report Lens: ${file}: ${problems}. What cannot be used falls back to the defaults; every check keeps working.`,
    'zh-cn': (file: string, problems: string) => `Report Lens：${file}：${problems}。无法使用的部分改用默认值，各项检查照常进行。`,
  },
  badReviewed: {
    en: (file: string, problem: string) => `Report Lens: the reviewed-findings file ${file} is malformed (${problem}); it is not rewritten. Fix it by hand, then mark findings as reviewed again.`,
    'zh-cn': (file: string, problem: string) => `Report Lens：已审核问题文件 ${file} 格式有误（${problem}），不会改写该文件。请手动修正后再标记。`,
  },
} as const;

/** The English name of a stated change's direction. */
function change(down: boolean): string {
  return down ? 'a decrease' : 'an increase';
}

/** A count with thousands separators (12,345), the same in both locales. */
function count(n: number): string {
  return formatEnUs(n);
}

/** Quotes a phrase unless it already carries its own quotes (“稳、准、快、实”四字方针). */
function quote(phrase: string): string {
  return /[“”"]/.test(phrase) ? phrase : `“${phrase}”`;
}

/** What a size word allows, from sizeWords.ts's table (lo and hi already written as numbers). */
const SIZE_MEANING_EN: Record<string, (lo: string, hi: string) => string> = {
  'large-change': (lo) => `a large change (${lo}% or more)`,
  'small-change': (_lo, hi) => `a small change (under ${hi}%)`,
  'share-above': (lo) => `more than ${lo}%`,
  'share-near': (lo, hi) => `a share of about ${lo}%–${hi}%`,
  ratio: (lo, hi) => `×${lo} to ×${hi}`,
};
const SIZE_MEANING_ZH: Record<string, (lo: string, hi: string) => string> = {
  'large-change': (lo) => `变化幅度大（${lo}%及以上）`,
  'small-change': (_lo, hi) => `变化幅度小（不到${hi}%）`,
  'share-above': (lo) => `超过${lo}%`,
  'share-near': (lo, hi) => `比例约为${lo}%–${hi}%`,
  ratio: (lo, hi) => `增至${lo}～${hi}倍`,
};

const UNVERIFIABLE_EN: Record<string, string> = {
  'real-growth': 'real growth (price changes removed) cannot be checked against nominal values',
  'annual-average-period': 'an annual average is a compound rate over a number of years the text does not state',
  'other-whole': 'a share of a whole the text does not state (the whole country, a market)',
};
const UNVERIFIABLE_ZH: Record<string, string> = {
  'real-growth': '实际增长（已扣除价格因素）无法用名义数值核对',
  'annual-average-period': '年均增速是若干年的复合增速，文中未说明年数',
  'other-whole': '所占的是文中未给出的总体（如全国、市场）',
};

const ROLE_EN: Record<string, string> = {
  numerator: 'numerator', denominator: 'denominator', rate: 'stated rate', part: 'part', share: 'share', whole: 'whole', total: 'total', before: 'before', after: 'after',
  change: 'stated change', operand: 'operand', first: 'first stated', second: 'stated again', previous: 'previous heading', items: 'listed items',
};
const ROLE_ZH: Record<string, string> = {
  numerator: '分子', denominator: '分母', rate: '所写比率', part: '部分', share: '比重', whole: '总数', total: '合计', before: '变化前', after: '变化后',
  change: '所写变化', operand: '相关数值', first: '前文所写', second: '再次所写', previous: '上一标题', items: '所列各项',
};

const KIND_EN: Record<string, string> = {
  count: 'count', money: 'money', percent: 'percentage', 'percentage-point': 'percentage points', measure: 'measure', fraction: 'fraction',
  multiple: 'multiple', plain: 'number', date: 'date', year: 'year', time: 'time', ordinal: 'ordinal', code: 'code or reference',
};
const KIND_ZH: Record<string, string> = {
  count: '计数', money: '金额', percent: '百分比', 'percentage-point': '百分点', measure: '计量', fraction: '分数', multiple: '倍数', plain: '数字',
  date: '日期', year: '年份', time: '时间', ordinal: '序数', code: '编号或代码',
};
const QUALIFIER_EN: Record<string, string> = {
  about: 'about', 'more-than': 'more than', 'at-least': 'at least', 'less-than': 'less than', 'at-most': 'at most', nearly: 'nearly',
};
const QUALIFIER_ZH: Record<string, string> = {
  about: '约', 'more-than': '超过', 'at-least': '不少于', 'less-than': '不到', 'at-most': '不超过', nearly: '接近',
};

export type MessageId = keyof typeof MESSAGES;

export function toLocale(tag: string | undefined | null): Locale {
  const lower = (tag ?? '').toLowerCase();
  return lower.startsWith('zh') ? 'zh-cn' : 'en';
}

export type Messages = { [K in MessageId]: (typeof MESSAGES)[K]['en'] };

/** The message table of one locale (built once per locale). */
export function messages(locale: Locale): Messages {
  let table = TABLES.get(locale);
  if (!table) {
    // The mapped type cannot be built key by key without a cast: each entry keeps its own signature.
    table = Object.fromEntries(Object.entries(MESSAGES).map(([id, byLocale]) => [id, byLocale[locale]])) as Messages;
    TABLES.set(locale, table);
  }
  return table;
}

const TABLES = new Map<Locale, Messages>();

export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  if (bytes >= 1_000) return `${(bytes / 1_000).toFixed(1)} KB`;
  return `${bytes} B`;
}
