/**
 * Site finders for Chinese report text: surface patterns only (the extractor under test is not
 * consulted). Each pattern requires what shows that its figures are one relation — the same unit
 * or counter, and, where the text states all of a relation's figures, that they agree as written —
 * and skips the rest.
 */
import type { WrittenNumber } from './numerals';
import { readCount, writeCount } from './numerals';
import {
  approximate,
  difference,
  growth,
  interval,
  meets,
  movedAmount,
  movedPercent,
  percentOf,
  rateSite,
  retype,
  sentenceSpan,
  sumOf,
  writtenInterval,
  clear,
  type Interval,
  type Paragraph,
  type Site,
} from './siteKit';
import { zhUnitAt } from './text';

const unitOf = (p: Paragraph, n: WrittenNumber): string => (n.percent ? '%' : zhUnitAt(p.text, n.end));
const unitEnd = (p: Paragraph, n: WrittenNumber): number => n.end + unitOf(p, n).replace('%', '').length;
const inexact = (p: Paragraph, n: WrittenNumber): boolean => approximate(p.text, n, unitEnd(p, n));
/** A quantity with a counter or unit (not a percentage, not a bare number such as a year, not an ordinal 第五项). */
const quantity = (p: Paragraph, n: WrittenNumber): boolean => !n.percent && unitOf(p, n) !== '' && p.text[n.start - 1] !== '第';
/** Qualifiers under which a change cannot be checked against the values (design.md). */
const UNCHECKABLE = /实际|扣除|可比|年均|平均每年|每年|平均|倍|翻/;

/** The first number starting in [from, from + within) of `p`. */
function numberAfter(p: Paragraph, from: number, within: number): WrittenNumber | undefined {
  return p.numbers.find((n) => n.start >= from && n.start < from + within);
}

/** A number written as a comparison base or a starting value: 比上年的X, 比一九五二年的X, 由X, 从X. */
function base(p: Paragraph, n: WrittenNumber): boolean {
  return /(比[^，。；]{0,10}的|[由从][^，。；]{0,10}的?)$/.test(p.text.slice(Math.max(p.start, n.start - 12), n.start));
}

/** The 。-sentence around `at` (a rate's operands may stand in an earlier ；-clause). */
function fullSentence(p: Paragraph, at: number): { start: number; end: number } {
  const before = p.text.slice(p.start, at).search(/[^。！？]*$/);
  const after = p.text.slice(at, p.end).search(/[。！？]/);
  return { start: p.start + before, end: after < 0 ? p.end : at + after + 1 };
}

/**
 * 总数 …，其中 (label) 部分: the part raised well above its whole (and above every other candidate
 * whole before 其中, so that the slip is one whichever figure the writer meant as the whole).
 */
function parts(p: Paragraph): Site[] {
  const out: Site[] = [];
  for (const m of p.body.matchAll(/[，。；：,]其中[，：,]?(?:包括|有)?/g)) {
    const at = p.start + m.index;
    const part = numberAfter(p, at + m[0].length, 16);
    if (!part || !quantity(p, part) || /[，。；]/.test(p.text.slice(at + m[0].length, part.start))) continue;
    const unit = unitOf(p, part);
    const sentenceStart = sentenceSpan(p, at, at + 1).start;
    const previous = p.sentences.filter((s) => s.end <= sentenceStart).at(-1)?.start ?? sentenceStart;
    // Candidate wholes: same unit, before 其中, not a comparison base (比一九五二年的X, 由X).
    const wholes = p.numbers.filter((n) => n.end <= at && n.start >= (p.text[at] === '。' ? previous : sentenceStart) && unitOf(p, n) === unit && !n.percent && !base(p, n));
    const whole = wholes.at(-1);
    if (!whole || whole.value <= part.value) continue;
    // A whole that is itself a change (比上年压缩920亿元): its parts may exceed it when other parts move the other way.
    if (/(增加|增长|减少|下降|压缩|提高|降低|扩大|缩小|上升)了?$/.test(p.text.slice(Math.max(p.start, whole.start - 4), whole.start))) continue;
    const largest = Math.max(...wholes.map((n) => interval(n)[1]));
    const after = p.text.slice(unitEnd(p, whole), unitEnd(p, whole) + 3);
    if (whole.open || /^(多|余|以上)/.test(after) || /(超过|逾)$/.test(p.text.slice(whole.start - 2, whole.start))) continue;
    const loose = inexact(p, whole);
    out.push({
      kind: 'part',
      pattern: 'zh-qizhong',
      span: sentenceSpan(p, whole.start, part.end),
      plant(rng) {
        const target = largest * (loose ? rng.uniform(1.5, 2) : rng.uniform(1.2, 1.7));
        if (writtenInterval(part, target)[0] <= largest * 1.1) return undefined;
        const edit = retype(p.text, part, target);
        return { edits: [edit], note: `part ${edit.text} > whole ${p.text.slice(whole.start, whole.end)}${unit}` };
      },
    });
  }
  return out;
}

/** A rate (…率, 占…, 比重) whose numerator and denominator stand before it in the sentence and agree with it. */
function rates(p: Paragraph): Site[] {
  const out: Site[] = [];
  for (const rate of p.numbers) {
    if (!rate.percent || /^(个百分点|百分点)/.test(p.text.slice(rate.end, rate.end + 4))) continue;
    const lead = p.text.slice(Math.max(p.start, rate.start - 14), rate.start);
    if (!/(率|占|比重|比例)[^，。；、]{0,12}(为|是|达到?)?$/.test(lead)) continue;
    const scope = fullSentence(p, rate.start);
    const operands = p.numbers.filter((n) => n.start >= scope.start && n.end <= rate.start && quantity(p, n) && !inexact(p, n) && n.value >= 10 && p.text[n.start - 1] !== '第');
    let found: { part: WrittenNumber; whole: WrittenNumber } | undefined;
    for (let i = operands.length - 1; i >= 0 && !found; i--) {
      for (let j = i - 1; j >= 0 && !found; j--) {
        const [a, b] = [operands[j]!, operands[i]!];
        if (unitOf(p, a) !== unitOf(p, b) || a.value === b.value) continue;
        const [part, whole] = a.value < b.value ? [a, b] : [b, a];
        if (meets(percentOf(interval(part), interval(whole)), interval(rate))) found = { part, whole };
      }
    }
    if (!found) continue;
    const { part, whole } = found;
    out.push(rateSite(p, 'zh-rate', sentenceSpan(p, Math.min(part.start, whole.start), rate.end), rate, part, whole));
  }
  return out;
}

const UP = '增加|增长|提高|上升|扩大|增';
const DOWN = '下降|减少|降低|缩小|降';
const SWAP: Readonly<Record<string, string>> = { 增加: '减少', 减少: '增加', 增长: '下降', 下降: '增长', 提高: '降低', 降低: '提高', 上升: '下降', 扩大: '缩小', 缩小: '扩大' };

interface StatedChange {
  readonly value: WrittenNumber;
  /** The direction word written before it (增长, 下降…) and where it stands. */
  readonly verb: { readonly word: string; readonly start: number };
  readonly sign: 1 | -1;
}

/** `，增长P%` / `，增加N万吨` / `，提高N个百分点` right after `from` (within the sentence). */
function statedChangeAfter(p: Paragraph, from: number, limit: number): StatedChange | undefined {
  const rest = p.text.slice(from, limit);
  const m = new RegExp(`^[^。；]{0,8}?[，,、]?(?:比[^，。；]{1,8}?)?(${UP}|${DOWN})了?`).exec(rest);
  if (!m) return undefined;
  const value = numberAfter(p, from + m[0].length, 2);
  if (!value) return undefined;
  const word = m[1]!;
  return { value, verb: { word, start: from + m[0].length - word.length - (m[0].endsWith('了') ? 1 : 0) }, sign: new RegExp(`^(${UP})$`).test(word) ? 1 : -1 };
}

/** The change a stated figure should show for before → after, by its kind (percent, points or amount). */
function expectedChange(p: Paragraph, stated: WrittenNumber, before: Interval, after: Interval, amounts: WrittenNumber): Interval | undefined {
  const points = /^(个百分点|百分点)/.test(p.text.slice(stated.end, stated.end + 4));
  if (amounts.percent) return points ? difference(before, after) : undefined;
  if (stated.percent) return before[0] > 0 ? growth(before, after) : undefined;
  return unitOf(p, stated) === unitOf(p, amounts) ? difference(before, after) : undefined;
}

function changeSite(p: Paragraph, pattern: string, first: WrittenNumber, change: StatedChange, expected: Interval): Site | undefined {
  const stated = change.value;
  const signed: Interval = change.sign > 0 ? interval(stated) : [-interval(stated)[1], -interval(stated)[0]];
  if (!meets(signed, expected)) return undefined;
  return {
    kind: 'change',
    pattern,
    span: sentenceSpan(p, first.start, stated.end),
    plant(rng) {
      const swap = SWAP[change.verb.word];
      if (swap && rng.chance(0.25) && (expected[0] > stated.step || expected[1] < -stated.step)) {
        return { edits: [{ start: change.verb.start, end: change.verb.start + change.verb.word.length, text: swap }], note: `${change.verb.word} → ${swap}: the values move the other way` };
      }
      const magnitude: Interval = change.sign > 0 ? expected : [-expected[1], -expected[0]];
      const value = stated.percent || /^(个百分点|百分点)/.test(p.text.slice(stated.end, stated.end + 4)) ? movedPercent(rng, stated, magnitude, [0, Infinity]) : movedAmount(rng, stated, magnitude);
      if (value === undefined) return undefined;
      const edit = retype(p.text, stated, value);
      return { edits: [edit], note: `stated ${change.verb.word}${edit.text}, but the values give ${magnitude[0].toFixed(2)}…${magnitude[1].toFixed(2)}` };
    },
  };
}

/** 由A增加到B，增长P% (also 从…到, 降到, 提高到; P a percentage, points or an amount). */
function changesFromTo(p: Paragraph): Site[] {
  const out: Site[] = [];
  for (const m of p.body.matchAll(new RegExp(`(?:由|从)([^，。；]{0,14}?)(?:${UP}|${DOWN}|到)?(?:到|至|为)`, 'g'))) {
    const at = p.start + m.index;
    const before = numberAfter(p, at + 1, 14);
    const after = before && numberAfter(p, at + m[0].length, 12);
    if (!before || !after || before.end > at + m[0].length || unitOf(p, before) !== unitOf(p, after)) continue;
    // Amounts with a unit, percentages, or bare amounts with a scale word (８５００万 → ６５００万).
    if (!(before.percent || unitOf(p, before) !== '' || (before.scale !== '' && after.scale !== ''))) continue;
    if (inexact(p, before) || inexact(p, after)) continue;
    const sentence = sentenceSpan(p, after.start, after.end);
    const change = statedChangeAfter(p, unitEnd(p, after), sentence.end);
    if (!change || UNCHECKABLE.test(p.text.slice(at, change.value.end + 2))) continue;
    const expected = expectedChange(p, change.value, interval(before), interval(after), after);
    const site = expected && changeSite(p, 'zh-from-to', before, change, expected);
    if (site) out.push(site);
  }
  return out;
}

/** A，比上年增加N，增长P%: the stated amount A, its absolute change N, and its percentage P. */
function changesOnLastYear(p: Paragraph): Site[] {
  const out: Site[] = [];
  for (const m of p.body.matchAll(new RegExp(`比(?:上年|去年|上年同期|去年同期)(${UP}|${DOWN})`, 'g'))) {
    const at = p.start + m.index;
    const amount = numberAfter(p, at + m[0].length, 2);
    if (!amount || !quantity(p, amount) || inexact(p, amount)) continue;
    const sentence = sentenceSpan(p, at, at + 1);
    const total = p.numbers.filter((n) => n.start >= sentence.start && n.end <= at && unitOf(p, n) === unitOf(p, amount) && !n.percent).at(-1);
    if (!total || inexact(p, total) || UNCHECKABLE.test(p.text.slice(total.start, at))) continue;
    const change = statedChangeAfter(p, unitEnd(p, amount), sentence.end);
    if (!change || !change.value.percent || UNCHECKABLE.test(p.text.slice(at, change.value.end + 2))) continue;
    const sign = new RegExp(`^(${UP})$`).test(m[1]!) ? 1 : -1;
    const now = interval(total);
    const delta = interval(amount);
    const before: Interval = sign > 0 ? [now[0] - delta[1], now[1] - delta[0]] : [now[0] + delta[0], now[1] + delta[1]];
    if (before[0] <= 0) continue;
    const site = changeSite(p, 'zh-on-last-year', total, change, growth(before, now));
    if (site) out.push(site);
  }
  return out;
}

/** A counted phrase (三个方面, 四项, “三大工程”) followed by a colon and a 、-list or 一是…二是… with that many items. */
function counts(p: Paragraph): Site[] {
  const out: Site[] = [];
  const re = /(?<![一二两三四五六七八九十百千万第0-9])([一二两三四五六七八九十]|[2-9])(个|项|条|种|大|点|类|件|句话)([^，。；：:、“”]{0,12}?)”?[：:]/g;
  for (const m of p.body.matchAll(re)) {
    const n = readCount(m[1]!);
    if (n === undefined || n < 2) continue;
    const listStart = p.start + m.index + m[0].length;
    const rest = p.text.slice(listStart, p.end);
    let items = 0;
    let pattern = '';
    const ordinal = /^(?:一是|一、|第一[，、]|其一[，、])/.exec(rest);
    if (ordinal) {
      const form = ordinal[0].replace('一', '');
      const lead = ordinal[0].startsWith('第') ? '第' : ordinal[0].startsWith('其') ? '其' : '';
      while (items < 12 && rest.includes(`${lead}${writeOrdinal(items + 1)}${form}`)) items++;
      pattern = 'zh-count-ordinals';
    } else {
      const list = /^[^。；：:]*/.exec(rest)![0].replace(/[。]$/, '');
      if (list.includes('，') || list.includes(',')) continue;
      const split = list.split('、');
      if (split.some((s) => s.trim() === '' || s.length > 20) || /等$/.test(list)) continue;
      items = split.length;
      pattern = 'zh-count-list';
    }
    if (items !== n) continue;
    const countStart = p.start + m.index;
    out.push({
      kind: 'count',
      pattern,
      span: sentenceSpan(p, countStart, listStart + 1),
      plant(rng) {
        const wrong = n === 2 || rng.chance(0.5) ? n + 1 : n - 1;
        const text = writeCount(m[1]!, wrong);
        return { edits: [{ start: countStart, end: countStart + m[1]!.length, text }], note: `${text}${m[2]} with ${n} items` };
      },
    });
  }
  return out;
}

function writeOrdinal(k: number): string {
  return writeCount('一', k).replace('两', '二');
}

/** 甲有A个，乙有B个，共计T个 (also 合计, 总计, 共有): the total moved well away from the parts' sum. */
function sums(p: Paragraph): Site[] {
  const out: Site[] = [];
  for (const m of p.body.matchAll(/(共计|合计|总计|总共|一共)(?:达到?|为|有)?/g)) {
    const at = p.start + m.index;
    const total = numberAfter(p, at + m[0].length, 1);
    if (!total || !quantity(p, total) || inexact(p, total)) continue;
    const sentence = sentenceSpan(p, at, at + 1);
    const list = p.numbers.filter((n) => n.start >= sentence.start && n.end <= at && unitOf(p, n) === unitOf(p, total) && !n.percent);
    const site = list.length >= 2 && !list.some((n) => inexact(p, n)) ? sumSite(p, 'zh-total-after', total, list, true) : undefined;
    if (site) out.push(site);
  }
  // T，其中A、B(、C): the parts after 其中 make up the whole.
  for (const m of p.body.matchAll(/[，：]其中[，：]?/g)) {
    const at = p.start + m.index;
    const sentence = sentenceSpan(p, at, at + 1);
    const total = p.numbers.filter((n) => n.start >= sentence.start && n.end <= at && quantity(p, n)).at(-1);
    if (!total || inexact(p, total)) continue;
    const end = p.text.slice(at, sentence.end).search(/[；。]/);
    const list = p.numbers.filter((n) => n.start > at && n.end <= (end < 0 ? sentence.end : at + end) && unitOf(p, n) === unitOf(p, total) && !n.percent);
    // A 其中 list may name only some parts: a total above their sum is no slip, one below it is.
    const site = list.length >= 2 && !list.some((n) => inexact(p, n)) ? sumSite(p, 'zh-qizhong-parts', total, list, false) : undefined;
    if (site) out.push(site);
  }
  return out;
}

/** `exhaustive`: the parts are all of the total (合计, 共计), so a total off either way is a slip; otherwise only one below the parts. */
function sumSite(p: Paragraph, pattern: string, total: WrittenNumber, list: readonly WrittenNumber[], exhaustive: boolean): Site | undefined {
  const sum = sumOf(list.map(interval));
  if (!meets(sum, interval(total))) return undefined;
  const first = list[0]!.start < total.start ? list[0]! : total;
  const last = list.at(-1)!.end > total.end ? list.at(-1)! : total;
  return {
    kind: 'sum',
    pattern,
    span: sentenceSpan(p, first.start, last.end),
    plant(rng) {
      for (let attempt = 0; attempt < 20; attempt++) {
        const value = ((sum[0] + sum[1]) / 2) * (exhaustive && rng.chance(0.5) ? rng.uniform(1.15, 1.45) : rng.uniform(0.55, 0.85));
        if (!clear(writtenInterval(total, value), sum)) continue;
        const edit = retype(p.text, total, value);
        return { edits: [edit], note: `total ${edit.text}, but the ${list.length} parts add up to ${((sum[0] + sum[1]) / 2).toLocaleString('en-US')}` };
      }
      return undefined;
    },
  };
}

export function zhSites(p: Paragraph): Site[] {
  return [...parts(p), ...rates(p), ...changesFromTo(p), ...changesOnLastYear(p), ...counts(p), ...sums(p)];
}
