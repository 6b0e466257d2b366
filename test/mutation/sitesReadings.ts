/**
 * Site finders for the reading checks (issue 15): size words, multiples in 倍 and percentages of a
 * count. Surface patterns only, like sitesZh.ts and sitesEn.ts. The slips:
 *  - size-word: 大幅/显著/明显 planted before a change moved under 1%, 略有/小幅 before one moved
 *    to 12–40%, sharply/slightly likewise in English; 过半（…）/more than half (…) around a share of 5–49%; 翻了一番/翻了两番 (doubled) planted after
 *    "由A增加到B" whose values give another ratio;
 *  - multiple: "增长了N倍" planted after "由A增加到B" with N the ratio B/A (the ×N reading of 增长N倍),
 *    "减少了N倍" after "由A减少到B";
 *  - impossible-percentage: a percentage tied to a count (调查86家…，满意率97.7%; Of the 40 …, 37.5%)
 *    rewritten with one more decimal that no whole number of the count gives.
 */
import type { WrittenNumber } from './numerals';
import { approximate, retype, sentenceSpan, type Edit, type Interval, type Paragraph, type Site } from './siteKit';
import type { Rng } from './random';
import { zhUnitAt } from './text';

const unitOf = (p: Paragraph, n: WrittenNumber): string => (n.percent ? '%' : zhUnitAt(p.text, n.end));
const inexact = (p: Paragraph, n: WrittenNumber): boolean => approximate(p.text, n, n.end + unitOf(p, n).replace('%', '').length);
/** One end of a range (百分之三至百分之五, 5%-6%, 2 to 3 percent): no one value a word can contradict. */
const range = (p: Paragraph, n: WrittenNumber): boolean => /^\s*(?:至|到|-|－|～|~|—|to\s+[0-9])/.test(p.text.slice(n.end, n.end + 6)) || /(?:至|到|-|－|～|~|—|to\s)\s*$/.test(p.text.slice(Math.max(0, n.start - 4), n.start));
const points = (p: Paragraph, n: WrittenNumber): boolean => /^\s*(个百分点|百分点|percentage point)/.test(p.text.slice(n.end, n.end + 20));

/** A percentage with `decimals` places, written like `like` (百分之零点四 for a Chinese numeral). */
function percentText(p: Paragraph, like: WrittenNumber, value: number, decimals: number): Edit {
  return retype(p.text, { ...like, decimals, step: 10 ** -decimals }, value);
}

/** 比上年增长8.3% → 比上年大幅增长0.4% (or 略有增长23%). */
function zhChangeWords(p: Paragraph): Site[] {
  const out: Site[] = [];
  for (const m of p.body.matchAll(/(增长|增加|提高|上升|下降|减少|降低)了?/g)) {
    const at = p.start + m.index;
    const figure = p.numbers.find((n) => n.start === at + m[0].length);
    if (!figure || !figure.percent || points(p, figure) || inexact(p, figure) || range(p, figure)) continue;
    // A size word already there (大幅增长) or a target (增长到) is another site.
    if (/(大幅度?|显著|明显|快速|略有|稍有|小幅度?|微|年均|平均|每年)$/.test(p.text.slice(Math.max(p.start, at - 4), at))) continue;
    const verb = m[1]!;
    out.push({
      kind: 'size-word',
      pattern: 'zh-size-change',
      span: sentenceSpan(p, at, figure.end),
      plant(rng: Rng) {
        const large = rng.chance(0.5);
        const word = large ? ['大幅', '显著', '明显'][rng.int(0, 2)]! : ['略有', '小幅'][rng.int(0, 1)]!;
        const value = large ? rng.int(1, 8) / 10 : rng.int(12, 40);
        return {
          edits: [{ start: at, end: at, text: word }, percentText(p, figure, value, large ? 1 : 0)],
          note: `${word}${verb} planted before a change of ${value}%`,
        };
      },
    });
  }
  return out;
}

/** 占全市的42.1% → 占全市的过半（42.1%）: a share word glossed by a share it does not fit. */
function zhShareWords(p: Paragraph): Site[] {
  const out: Site[] = [];
  for (const m of p.body.matchAll(/(?:占[^，。；0-9０-９]{0,12}?|比重(?:为|达到?)?|占比(?:为|达到?)?)/g)) {
    const at = p.start + m.index + m[0].length;
    const figure = p.numbers.find((n) => n.start === at);
    if (!figure || !figure.percent || figure.style === 'chinese' || inexact(p, figure) || range(p, figure) || points(p, figure) || figure.value < 5 || figure.value > 49) continue;
    out.push({
      kind: 'size-word',
      pattern: 'zh-size-share',
      span: sentenceSpan(p, at, figure.end),
      plant() {
        return { edits: [{ start: at, end: at, text: '过半（' }, { start: figure.end, end: figure.end, text: '）' }], note: `过半 planted before a share of ${figure.value}%` };
      },
    });
  }
  return out;
}

/** "accounted for 27.4 percent of" → "accounted for more than half (27.4 percent) of". */
function enShareWords(p: Paragraph): Site[] {
  const out: Site[] = [];
  for (const m of p.body.matchAll(/\b(?:accounted for|made up|represented)\s+/g)) {
    const at = p.start + m.index + m[0].length;
    const figure = p.numbers.find((n) => n.start === at);
    if (!figure || !figure.percent || approximate(p.text, figure, figure.end) || points(p, figure) || figure.value < 5 || figure.value > 49) continue;
    out.push({
      kind: 'size-word',
      pattern: 'en-size-share',
      span: sentenceSpan(p, at, figure.end),
      plant() {
        return { edits: [{ start: at, end: at, text: 'more than half (' }, { start: figure.end, end: figure.end, text: ')' }], note: `more than half planted before a share of ${figure.value}%` };
      },
    });
  }
  return out;
}

/** 由A增加到B (the sentence's only two amounts before it): a ratio word planted after B. */
function zhFromTo(p: Paragraph): { at: number; before: WrittenNumber; after: WrittenNumber; down: boolean; end: number }[] {
  const out: { at: number; before: WrittenNumber; after: WrittenNumber; down: boolean; end: number }[] = [];
  for (const m of p.body.matchAll(/(?:由|从)([^，。；]{0,14}?)(增加|增长|提高|上升|扩大|减少|下降|降低|缩小)(?:到|至)/g)) {
    const at = p.start + m.index;
    const before = p.numbers.find((n) => n.start > at && n.end <= at + m[0].length);
    const after = p.numbers.find((n) => n.start >= at + m[0].length && n.start < at + m[0].length + 12);
    if (!before || !after || before.percent || after.percent || unitOf(p, before) === '' || unitOf(p, before) !== unitOf(p, after)) continue;
    if (inexact(p, before) || inexact(p, after) || before.value <= 0) continue;
    const sentence = sentenceSpan(p, at, at + 1);
    const unit = unitOf(p, before);
    // Another amount of the unit earlier in the sentence would leave "before" and "after" open.
    if (p.numbers.some((n) => n.start >= sentence.start && n.end <= at && unitOf(p, n) === unit)) continue;
    if (/实际|可比|扣除|年均|平均/.test(p.text.slice(sentence.start, after.end))) continue;
    out.push({ at, before, after, down: /减少|下降|降低|缩小/.test(m[2]!), end: after.end + unit.length });
  }
  return out;
}

function zhRatioWords(p: Paragraph): Site[] {
  return zhFromTo(p)
    .filter((s) => !s.down)
    .map(({ at, before, after, end }) => {
      const ratio = after.value / before.value;
      return {
        kind: 'size-word' as const,
        pattern: 'zh-size-ratio',
        span: sentenceSpan(p, at, end),
        plant() {
          // The word whose ratio the values are clear of: 翻一番 for ×1.5 or ×3, 翻两番 for ×2.
          const word = ratio < 1.5 || ratio > 2.6 ? '翻了一番' : ratio > 2.4 || ratio < 1.4 ? undefined : '翻了两番';
          if (!word) return undefined;
          return { edits: [{ start: end, end, text: `，${word}` }], note: `${word} planted after ×${ratio.toFixed(2)}` };
        },
      };
    });
}

function zhMultiples(p: Paragraph): Site[] {
  return zhFromTo(p).map(({ at, before, after, down, end }) => {
    const ratio = down ? before.value / after.value : after.value / before.value;
    return {
      kind: 'multiple' as const,
      pattern: down ? 'zh-multiple-decrease' : 'zh-multiple-increase',
      span: sentenceSpan(p, at, end),
      plant() {
        // 增长N倍 with N the ratio itself reads ×(N+1); clear only when the two readings are apart at one decimal.
        if (!down && (ratio < 1.2 || ratio > 30)) return undefined;
        const n = down ? Math.max(2, Math.round(ratio)) : Math.round(ratio * 10) / 10;
        const text = `，${down ? '减少' : '增长'}了${n}倍`;
        return { edits: [{ start: end, end, text }], note: `${text.slice(1)} planted after ×${(after.value / before.value).toFixed(2)}` };
      },
    };
  });
}

const EN_VERB = 'rose|increased|grew|climbed|fell|declined|decreased|dropped';

/** "rose 0.3 percent" → "rose sharply, by 0.4 percent" / "rose slightly, by 23 percent". */
function enChangeWords(p: Paragraph): Site[] {
  const out: Site[] = [];
  for (const m of p.body.matchAll(new RegExp(`\\b(${EN_VERB})(\\s+by)?\\s+`, 'g'))) {
    const at = p.start + m.index + m[1]!.length;
    const figure = p.numbers.find((n) => n.start === p.start + m.index + m[0].length);
    if (!figure || !figure.percent || points(p, figure) || approximate(p.text, figure, figure.end) || range(p, figure)) continue;
    out.push({
      kind: 'size-word',
      pattern: 'en-size-change',
      span: sentenceSpan(p, at, figure.end),
      plant(rng: Rng) {
        const large = rng.chance(0.5);
        const word = large ? ['sharply', 'substantially'][rng.int(0, 1)]! : ['slightly', 'modestly'][rng.int(0, 1)]!;
        const value = large ? rng.int(1, 8) / 10 : rng.int(12, 40);
        return { edits: [{ start: at, end: at, text: ` ${word}` }, percentText(p, figure, value, large ? 1 : 0)], note: `${m[1]} ${word} planted before a change of ${value}%` };
      },
    });
  }
  return out;
}

/** "Of the N …, P …" / "调查N户，…率P%": a percentage of a count, tied by the sentence's shape. */
function grims(p: Paragraph, english: boolean): Site[] {
  const out: Site[] = [];
  const re = english
    ? /\b(?:Of|Among|of|among) (?:the |these |all )?([0-9][0-9,]*) [a-z]+(?: [a-z]+)?, ([0-9]+(?:\.[0-9]+)?)(?:%| percent)/g
    : /(?:调查|抽查|抽检|走访|访问|受访|问卷)[^，。；0-9]{0,8}([0-9]+)(?:户|人|名|家|个|份|所|位)[^，。；]{0,4}，[^，。；0-9]{0,6}?(?:率为?|有)?([0-9]+(?:\.[0-9]+)?)%/g;
  for (const m of p.body.matchAll(re)) {
    const at = p.start + m.index;
    const count = p.numbers.find((n) => !n.percent && n.start >= at && n.end <= at + m[0].length);
    const rate = p.numbers.find((n) => n.percent && n.start >= at && n.end <= at + m[0].length);
    if (!count || !rate || count.decimals > 0 || count.scale !== '' || count.value < 10) continue;
    const n = count.value;
    out.push({
      kind: 'impossible-percentage',
      pattern: english ? 'en-grim' : 'zh-grim',
      span: sentenceSpan(p, at, rate.end),
      plant(rng: Rng) {
        // One more decimal than written, at a value no k / n reaches: the GRIM slip.
        const decimals = Math.max(rate.decimals + 1, Math.ceil(Math.log10(n)) - 1);
        const step = 10 ** -decimals;
        for (let attempt = 0; attempt < 40; attempt++) {
          const value = Math.round((rate.value + rng.uniform(-2, 2)) / step) * step;
          if (value <= 0 || value >= 100 || reachable(n, [value - step / 2, value + step / 2])) continue;
          const edit = percentText(p, rate, value, decimals);
          return { edits: [edit], note: `${edit.text} of ${n}: no whole number gives it` };
        }
        return undefined;
      },
    });
  }
  return out;
}

function reachable(n: number, [lo, hi]: Interval): boolean {
  const k = Math.ceil((n * lo) / 100 - 1e-9);
  return k <= (n * hi) / 100 + 1e-9;
}

export function readingSitesZh(p: Paragraph): Site[] {
  return [...zhChangeWords(p), ...zhShareWords(p), ...zhRatioWords(p), ...zhMultiples(p), ...grims(p, false)];
}

export function readingSitesEn(p: Paragraph): Site[] {
  return [...enChangeWords(p), ...enShareWords(p), ...grims(p, true)];
}
