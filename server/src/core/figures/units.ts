import type { QuantityKind } from './figure';
import { codeAt } from './numerals';
import { flags } from '../text/chars';

/** A unit written after a number, and what it makes the number. */
export interface UnitInfo {
  readonly text: string;
  readonly kind: QuantityKind;
  /** Multiplier into the figure's value unit: ‰ counts in percent as 0.1. */
  readonly factor?: number;
}

const CN_COUNT = [
  '个', '件', '家', '名', '人次', '人', '项', '次', '场次', '场', '期', '条', '户', '起', '所', '座', '台', '辆', '艘', '架次', '架',
  '位', '批', '套', '处', '间', '张', '份', '篇', '本', '部', '只', '头', '株', '棵', '种', '类', '组', '支', '例', '宗', '笔', '册',
  '幅', '门', '轮', '层', '栋', '幢', '口', '匹', '颗', '块', '对', '双', '节', '款', '首', '列', '班', '趟', '枚', '辆次', '人年',
  // Traditional forms, for reports from Hong Kong, Macao and Taiwan.
  '個', '項', '場次', '場', '條', '臺', '輛', '間', '張', '處', '筆', '組', '種', '類', '對', '雙', '節', '門', '層', '棟', '顆', '塊', '隻', '頭', '戶',
];
const CN_MONEY = [
  '元', '美元', '美圆', '欧元', '日元', '港元', '港币', '英镑', '卢布', '韩元', '澳元', '加元', '新台币', '台币', '瑞士法郎', '法郎', '奈拉', '卢比', '雷亚尔', '兰特', '人民币',
  // Traditional forms.
  '美圓', '歐元', '港幣', '英鎊', '盧布', '韓元', '新臺幣', '臺幣', '新台幣', '台幣', '人民幣',
];
const CN_MEASURE = [
  '平方公里', '平方千米', '平方米', '立方米', '公顷', '亩', '公里', '千米', '米', '厘米', '毫米', '海里', '吨标准煤', '吨', '千克',
  '公斤', '克', '斤', '担', '千瓦时', '千瓦', '兆瓦', '瓦', '度', '升', '毫升', '标准箱', '小时', '分钟', '秒', '天', '周', '个月', '岁', '摄氏度',
  '公頃', '畝', '公裏', '噸', '千瓦時', '小時', '分鐘', '個月', '歲',
  // A duration (连续5年, 九年制): four-digit years (2023年) are told apart before units are read.
  '年',
];
const CN_PERCENT: readonly UnitInfo[] = [
  { text: '%', kind: 'percent' },
  { text: '％', kind: 'percent' },
  { text: '‰', kind: 'percent', factor: 0.1 },
  { text: '个百分点', kind: 'percentage-point' },
  { text: '個百分點', kind: 'percentage-point' },
  { text: '百分点', kind: 'percentage-point' },
  { text: '倍', kind: 'multiple' },
];

/** Units by the code unit they start with: looked up at every number, so no string is made to hash. */
function table(): Map<number, UnitInfo[]> {
  const all: UnitInfo[] = [
    ...CN_COUNT.map((text): UnitInfo => ({ text, kind: 'count' })),
    ...CN_MONEY.map((text): UnitInfo => ({ text, kind: 'money' })),
    ...CN_MEASURE.map((text): UnitInfo => ({ text, kind: 'measure' })),
    ...CN_PERCENT,
  ];
  const byFirst = new Map<number, UnitInfo[]>();
  for (const unit of all) {
    const list = byFirst.get(unit.text.charCodeAt(0)) ?? [];
    list.push(unit);
    byFirst.set(unit.text.charCodeAt(0), list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.text.length - a.text.length);
  return byFirst;
}

/**
 * The units starting with a code unit, longest first: CN_UNIT_LISTS[CN_UNIT_INDEX[code] - 1], and
 * index 0 for the characters that start none (most characters after a number). Asked at every
 * number, several times: an array look-up, not a Map's hashing.
 */
const CN_UNIT_LISTS: readonly (readonly UnitInfo[])[] = [...table().values()];
const CN_UNIT_INDEX = new Uint16Array(0x10000);
CN_UNIT_LISTS.forEach((list, k) => (CN_UNIT_INDEX[list[0]!.text.charCodeAt(0)] = k + 1));
/** The codes units start with (startsCnUnit), for tables built from them. */
export const CN_UNIT_FIRST_CODES: readonly number[] = CN_UNIT_LISTS.map((list) => list[0]!.text.charCodeAt(0));

/** After 年, these make a word that is not a duration: 80年代 (the eighties), 三年级 (third grade), 年度. */
const NOT_YEARS = flags('代级級度');

/** Whether some unit starts with the code unit `c`. */
export function startsCnUnit(c: number): boolean {
  return CN_UNIT_INDEX[c & 0xffff] !== 0;
}

/** The longest unit written at `i`, if any. */
export function matchCnUnit(text: string, i: number): UnitInfo | undefined {
  // `& 0xffff`: outside the text codeAt gives OUTSIDE, read as NUL, which starts no unit.
  const index = CN_UNIT_INDEX[codeAt(text, i) & 0xffff]!;
  if (index === 0) return undefined;
  for (const unit of CN_UNIT_LISTS[index - 1]!) {
    if (unit.text.length > 1 && !text.startsWith(unit.text, i)) continue;
    if (unit.text === '年' && NOT_YEARS[codeAt(text, i + 1) & 0xffff] === 1) return undefined;
    return unit;
  }
  return undefined;
}

/** English unit words (lower case) after a number and a space. */
const EN_UNITS: ReadonlyMap<string, UnitInfo> = new Map<string, UnitInfo>([
  ...['percent', 'percents', 'per cent', 'percentage'].map((t): [string, UnitInfo] => [t, { text: t, kind: 'percent' }]),
  ...['percentage points', 'percentage point'].map((t): [string, UnitInfo] => [t, { text: t, kind: 'percentage-point' }]),
  ...['dollars', 'dollar', 'cents', 'cent', 'yuan', 'euros', 'euro', 'pounds sterling', 'renminbi'].map((t): [string, UnitInfo] => [t, { text: t, kind: 'money' }]),
  ...['times', 'fold'].map((t): [string, UnitInfo] => [t, { text: t, kind: 'multiple' }]),
  ...[
    'hours', 'hour', 'minutes', 'minute', 'seconds', 'days', 'day', 'weeks', 'week', 'months', 'month', 'years', 'year', 'km', 'kilometers',
    'kilometres', 'miles', 'mile', 'meters', 'metres', 'meter', 'metre', 'tons', 'tonnes', 'ton', 'tonne', 'kg', 'kilograms', 'acres', 'hectares',
    'square kilometers', 'square kilometres', 'square miles', 'square meters', 'square metres', 'square feet', 'mw', 'gw', 'kw', 'kwh', 'barrels',
    'gallons', 'liters', 'litres', 'degrees',
  ].map((t): [string, UnitInfo] => [t, { text: t, kind: 'measure' }]),
]);
/** First words of the two-word units (per cent, square miles …), and the longest word of any unit. */
const EN_UNIT_FIRST_WORDS: ReadonlySet<string> = new Set([...EN_UNITS.keys()].filter((name) => name.includes(' ')).map((name) => name.split(' ')[0]!));
export const EN_UNIT_LONGEST_WORD = Math.max(...[...EN_UNITS.keys()].flatMap((name) => name.split(' ').map((word) => word.length)));
/** Every word that can come first in a unit: the one-word units and the first words of two-word units. */
export const EN_UNIT_LEADING_WORDS: readonly string[] = [...new Set([...EN_UNITS.keys()].map((name) => name.split(' ')[0]!))];

/** Whether a lower-case word is the first of a two-word unit. */
export function startsTwoWordEnUnit(first: string): boolean {
  return EN_UNIT_FIRST_WORDS.has(first);
}

/**
 * The unit named by one or two lower-case words, the longer first; `second`
 * is '' when there is one word.
 */
export function matchEnUnitWords(first: string, second: string): { unit: UnitInfo; words: number } | undefined {
  if (second !== '' && EN_UNIT_FIRST_WORDS.has(first)) {
    const unit = EN_UNITS.get(`${first} ${second}`);
    if (unit) return { unit, words: 2 };
  }
  const unit = EN_UNITS.get(first);
  return unit ? { unit, words: 1 } : undefined;
}

export const EN_SCALES: ReadonlyMap<string, number> = new Map([
  ['hundred', 1e2],
  ['thousand', 1e3],
  ['million', 1e6],
  ['billion', 1e9],
  ['trillion', 1e12],
]);

/** Words after a number that are not the thing counted. */
export const EN_NOT_NOUNS = new Set([
  'in', 'to', 'of', 'from', 'and', 'or', 'the', 'a', 'an', 'for', 'over', 'at', 'by', 'with', 'than', 'on', 'since', 'as', 'was', 'were',
  'is', 'are', 'has', 'have', 'had', 'will', 'would', 'could', 'can', 'may', 'be', 'been', 'that', 'this', 'these', 'those', 'which', 'who',
  'per', 'percent', 'lower', 'higher', 'more', 'less', 'fewer', 'or', 'but', 'if', 'then', 'so', 'up', 'down', 'out', 'off', 'into', 'onto',
  'after', 'before', 'during', 'between', 'through', 'under', 'above', 'below', 'about', 'around', 'among', 'against', 'across', 'within',
  'without', 'earlier', 'later', 'ago', 'each', 'every', 'all', 'both', 'respectively', 'compared', 'versus', 'vs', 'while', 'when',
  'where', 'whereas', 'also', 'not', 'no', 'yes', 'it', 'its', 'their', 'there', 'they', 'we', 'he', 'she', 'changed', 'rose', 'fell',
  'increased', 'decreased', 'declined', 'edged', 'remained', 'continued', 'added', 'lost', 'showed', 'reported', 'a.m', 'p.m',
]);

/** Characters after a Chinese count unit that end the counted noun. */
export const CN_NOUN_STOPS = new Set('的和与及或等在是了为中之以对从到至把被将并而也都就又再还已共其各每这那该，。、；：！？（）“”‘’《》「」『』,.;:!?()[] \t\u3000');
