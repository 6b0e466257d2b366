/**
 * Site finders for shares that make up one whole and for average annual rates, in both
 * languages: surface patterns only (the extractor under test is not consulted). A site is taken
 * only where its figures, as written, agree — shares that make about 100, a rate the levels and
 * years give — so that a planted slip is the only thing wrong with it.
 */
import type { WrittenNumber } from './numerals';
import { interval, meets, retype, sentenceSpan, sumOf, writtenInterval, clear, type Interval, type Paragraph, type Site } from './siteKit';

/** The numbers in [start, end) of the paragraph, in order. */
function numbersIn(p: Paragraph, start: number, end: number): WrittenNumber[] {
  return p.numbers.filter((n) => n.start >= start && n.end <= end);
}

/**
 * Shares of one whole, written so that they make 100 (a composition, a complement, a list that
 * covers the whole): one is raised by 3 to 6 points, so the shares exceed the whole — wrong
 * whichever kind of list it is.
 */
function shareSumSite(p: Paragraph, pattern: string, shares: readonly WrittenNumber[]): Site | undefined {
  const sum = sumOf(shares.map(interval));
  if (shares.length < 2 || !meets(sum, [100, 100])) return undefined;
  return {
    kind: 'share-sum',
    pattern,
    span: sentenceSpan(p, shares[0]!.start, shares.at(-1)!.end),
    plant(rng) {
      const target = shares[rng.int(0, shares.length - 1)]!;
      const value = target.value + rng.uniform(3, 6);
      const written = writtenInterval(target, value);
      const others = sumOf(shares.filter((s) => s !== target).map(interval));
      if (others[0] + written[0] <= 101) return undefined;
      const edit = retype(p.text, target, value);
      return { edits: [edit], note: `share raised to ${edit.text}: the shares now add up to more than 100%` };
    },
  };
}

/** Average annual growth with both levels and both years: (after / before)^(1/years) − 1. */
function compoundSite(p: Paragraph, pattern: string, before: WrittenNumber, after: WrittenNumber, years: number, rate: WrittenNumber): Site | undefined {
  if (years <= 1 || years > 60 || before.value <= 0) return undefined;
  const b = interval(before);
  const a = interval(after);
  const truth: Interval = [(Math.pow(a[0] / b[1], 1 / years) - 1) * 100, (Math.pow(a[1] / b[0], 1 / years) - 1) * 100];
  if (!meets(truth, interval(rate))) return undefined;
  const first = Math.min(before.start, rate.start);
  const last = Math.max(after.end, rate.end);
  return {
    kind: 'compound',
    pattern,
    span: sentenceSpan(p, first, last),
    plant(rng) {
      for (let attempt = 0; attempt < 20; attempt++) {
        const value = rate.value * (rng.chance(0.5) ? rng.uniform(1.4, 2) : rng.uniform(0.3, 0.65));
        if (value <= 0 || !clear(writtenInterval(rate, value), truth)) continue;
        const edit = retype(p.text, rate, value);
        return { edits: [edit], note: `average annual rate ${edit.text}, but (${after.value} / ${before.value})^(1/${years}) − 1 = ${(((truth[0] + truth[1]) / 2)).toFixed(2)}%` };
      }
      return undefined;
    },
  };
}

const ZH_COMPOSITION = /(?:结构|构成)(?:比例)?(?:为|是)?([0-9０-９.．]+(?:[∶:][0-9０-９.．]+){1,5})/g;
const ZH_COMPLEMENT = /([\u4e00-\u9fff]{2,10}?)比重[^。；]{0,20}?非\1比重/g;
const ZH_RESPECTIVELY = /分别占[^。；，]{0,16}?([0-9０-９.．%％、和及]+)/g;
const ZH_COMPOUND = /由(\d{4})年的([^，。；]{1,20}?)(?:增加|增长|提高|上升)到(\d{4})年的([^，。；]{1,20}?)[，,](?:年均|平均每年)增长/g;

export function zhShareSites(p: Paragraph): Site[] {
  const out: (Site | undefined)[] = [];
  for (const m of p.body.matchAll(ZH_COMPOSITION)) {
    const start = p.start + m.index! + m[0].length - m[1]!.length;
    out.push(shareSumSite(p, 'zh 结构为a∶b∶c', numbersIn(p, start, p.start + m.index! + m[0].length)));
  }
  for (const m of p.body.matchAll(ZH_COMPLEMENT)) {
    // The shares of X before 非X, and those of 非X up to the sentence's end, paired in order.
    const at = p.start + m.index!;
    const complement = at + m[0].length;
    const end = p.body.indexOf('。', complement - p.start);
    const first = numbersIn(p, at, complement).filter((n) => n.percent);
    const second = numbersIn(p, complement, end < 0 ? p.end : p.start + end).filter((n) => n.percent);
    if (first.length !== second.length) continue;
    first.forEach((share, k) => out.push(shareSumSite(p, 'zh X比重 / 非X比重', [share, second[k]!])));
  }
  for (const m of p.body.matchAll(ZH_RESPECTIVELY)) {
    const start = p.start + m.index! + m[0].length - m[1]!.length;
    const shares = numbersIn(p, start, p.start + m.index! + m[0].length).filter((n) => n.percent);
    out.push(shareSumSite(p, 'zh 分别占P%、Q%和R%', shares));
  }
  for (const m of p.body.matchAll(ZH_COMPOUND)) {
    const at = p.start + m.index!;
    const inside = numbersIn(p, at, p.end);
    const before = inside.find((n) => n.start >= at + 1 + 4 + 2 && !n.percent);
    const after = inside.find((n) => before && n.start > before.end && !n.percent && n.value !== Number(m[3]));
    const rate = inside.find((n) => n.start >= at + m[0].length && n.percent);
    if (!before || !after || !rate || rate.start - (at + m[0].length) > 2) continue;
    out.push(compoundSite(p, 'zh 由Y1年的A增加到Y2年的B，年均增长r%', before, after, Number(m[3]) - Number(m[1]), rate));
  }
  return out.filter((s): s is Site => s !== undefined);
}

const EN_RESPECTIVELY = /\b(?:accounted for|made up)\s+((?:[\d.]+ percent,?\s+(?:and\s+)?){2,6})of [^.;]{1,60}?,? respectively/g;
const EN_COMPOUND = /average annual rate of ([\d.]+) percent from (\d{4}) to (\d{4}), from \$?([\d.,]+(?: (?:million|billion))?) to \$?([\d.,]+(?: (?:million|billion))?)/g;

export function enShareSites(p: Paragraph): Site[] {
  const out: (Site | undefined)[] = [];
  for (const m of p.body.matchAll(EN_RESPECTIVELY)) {
    const start = p.start + m.index!;
    const shares = numbersIn(p, start, start + m[0].length).filter((n) => n.percent);
    out.push(shareSumSite(p, 'en accounted for P, Q and R percent of …, respectively', shares));
  }
  for (const m of p.body.matchAll(EN_COMPOUND)) {
    const start = p.start + m.index!;
    const inside = numbersIn(p, start, start + m[0].length);
    const rate = inside.find((n) => n.percent);
    const levels = inside.filter((n) => !n.percent && n.value !== Number(m[2]) && n.value !== Number(m[3]));
    if (!rate || levels.length !== 2) continue;
    out.push(compoundSite(p, 'en average annual rate of r percent from Y1 to Y2, from A to B', levels[0]!, levels[1]!, Number(m[3]) - Number(m[2]), rate));
  }
  return out.filter((s): s is Site => s !== undefined);
}

const TOTAL_LABEL = /^(?:合计|总计|共计|total\b)/i;
const NOT_SUMMED = /增长|增速|比重|占比|率|%|％|percent|rate|change|share|average/i;

/**
 * A table with a total row (| 合计 | … |, or tab-separated "Total"): each column whose cells add
 * up to the total's cell, as written. The total is moved well off the sum.
 */
export function tableSites(p: Paragraph): Site[] {
  const lines: { start: number; cells: { start: number; end: number; text: string }[] }[] = [];
  let at = p.start;
  for (const line of p.body.split('\n')) {
    const separator = line.includes('\t') ? '\t' : line.trim().startsWith('|') ? '|' : undefined;
    if (separator && !/^\s*\|?\s*:?-{2,}/.test(line)) {
      const cells: { start: number; end: number; text: string }[] = [];
      let from = 0;
      for (const piece of line.split(separator)) {
        const lead = piece.length - piece.trimStart().length;
        cells.push({ start: at + from + lead, end: at + from + lead + piece.trim().length, text: piece.trim() });
        from += piece.length + 1;
      }
      lines.push({ start: at, cells: separator === '|' ? cells.slice(1, -1) : cells });
    }
    at += line.length + 1;
  }
  const out: (Site | undefined)[] = [];
  const totalAt = lines.findIndex((l) => TOTAL_LABEL.test(l.cells[0]?.text ?? ''));
  if (totalAt < 2) return [];
  const header = lines[0]!;
  const parts = lines.slice(1, totalAt);
  const total = lines[totalAt]!;
  for (let column = 1; column < total.cells.length; column++) {
    if (NOT_SUMMED.test(header.cells[column]?.text ?? '')) continue;
    const numberIn = (cell: { start: number; end: number } | undefined) => (cell ? p.numbers.find((n) => n.start >= cell.start && n.end <= cell.end) : undefined);
    const totalNumber = numberIn(total.cells[column]);
    const partNumbers = parts.map((row) => numberIn(row.cells[column]));
    if (!totalNumber || partNumbers.some((n) => n === undefined)) continue;
    const list = partNumbers as WrittenNumber[];
    const sum = sumOf(list.map(interval));
    if (!meets(sum, interval(totalNumber))) continue;
    out.push({
      kind: 'table',
      pattern: 'table with a total row',
      span: sentenceSpan(p, list[0]!.start, totalNumber.end),
      plant(rng) {
        for (let attempt = 0; attempt < 20; attempt++) {
          const value = totalNumber.value * (rng.chance(0.5) ? rng.uniform(1.15, 1.45) : rng.uniform(0.6, 0.85));
          if (!clear(writtenInterval(totalNumber, value), sum)) continue;
          const edit = retype(p.text, totalNumber, value);
          return { edits: [edit], note: `total cell ${edit.text}, but the ${list.length} rows add up to ${((sum[0] + sum[1]) / 2).toLocaleString('en-US')}` };
        }
        return undefined;
      },
    });
  }
  return out.filter((s): s is Site => s !== undefined);
}

const EN_WORDS: Readonly<Record<string, number>> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const EN_MULTIPLE = /\$?([\d.,]+)( (?:thousand|million|billion))?[^.;]{0,24}?, (two|three|four|five|six|seven|eight|nine|ten) times the \$?([\d.,]+)( (?:thousand|million|billion))?/g;

/**
 * "$1.32 billion in 2026, three times the $0.44 billion of 2021": a multiple stated against the
 * value it multiplies, where the values agree with it as written. The multiple word is moved by
 * one or two (three → five), so that the values no longer give it.
 */
export function enMultipleSites(p: Paragraph): Site[] {
  const out: Site[] = [];
  for (const m of p.body.matchAll(EN_MULTIPLE)) {
    const scale = (word: string | undefined) => (word ? { ' thousand': 1e3, ' million': 1e6, ' billion': 1e9 }[word]! : 1);
    const after = Number(m[1]!.replace(/,/g, '')) * scale(m[2]);
    const before = Number(m[4]!.replace(/,/g, '')) * scale(m[5]);
    const stated = EN_WORDS[m[3]!]!;
    if (!(before > 0) || Math.abs(after / before - stated) > 0.05 * stated) continue;
    const at = p.start + m.index! + m[0].indexOf(`, ${m[3]} times`) + 2;
    out.push({
      kind: 'multiple',
      pattern: 'en N times the X',
      span: sentenceSpan(p, p.start + m.index!, p.start + m.index! + m[0].length),
      plant(rng) {
        const moved = stated + (rng.chance(0.5) ? 2 : stated > 3 ? -2 : 2);
        const word = Object.keys(EN_WORDS).find((w) => EN_WORDS[w] === moved);
        if (!word) return undefined;
        return { edits: [{ start: at, end: at + m[3]!.length, text: word }], note: `${word} times planted where the values give ×${(after / before).toFixed(2)}` };
      },
    });
  }
  return out;
}
