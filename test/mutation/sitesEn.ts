/**
 * Site finders for English report text (statistical releases): surface patterns only, like
 * sitesZh.ts — the extractor under test is not consulted. A pattern's figures must share a unit
 * (or leave it unsaid) and agree as written, or the site is skipped.
 */
import type { WrittenNumber } from './numerals';
import { readCount, writeCount } from './numerals';
import {
  approximate,
  clear,
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
  type Interval,
  type Paragraph,
  type Site,
} from './siteKit';
import { enUnitAt } from './text';

const unitOf = (p: Paragraph, n: WrittenNumber): string => (n.percent ? '%' : enUnitAt(p.text, n.start, n.end));
/** Units agree when equal or when one is left unsaid (`4,213 of 4,500 claims`). */
const compatible = (p: Paragraph, a: WrittenNumber, b: WrittenNumber): boolean => {
  const [x, y] = [unitOf(p, a), unitOf(p, b)];
  return x === y || ((x === '' || y === '') && x !== '%' && y !== '%' && x !== '$' && y !== '$');
};
/** A quantity: not a percentage, not a year, not a table or chart reference, not approximate. */
function amount(p: Paragraph, n: WrittenNumber): boolean {
  if (n.percent || n.style !== 'ascii' || approximate(p.text, n, n.end)) return false;
  if (!n.grouped && n.decimals === 0 && n.value >= 1900 && n.value <= 2100 && n.scale === '') return false;
  return !/(table|chart|A-|B-|\d\.)\s*$/i.test(p.text.slice(Math.max(0, n.start - 7), n.start));
}
const at = (p: Paragraph, offset: number): WrittenNumber | undefined => p.numbers.find((n) => n.start === offset || (n.start === offset + 1 && /[$+]/.test(p.text[offset]!)));
const NUM = String.raw`[+$]?[0-9][0-9,]*(?:\.[0-9]+)?(?:\s(?:million|billion|thousand))?(?:\s(?:percent|percentage points?)|%)?`;

/** "Of the N …, M …" and "N …, of which M": the part raised well above the whole. */
function parts(p: Paragraph): Site[] {
  const out: Site[] = [];
  const found: { whole: WrittenNumber; part: WrittenNumber }[] = [];
  for (const m of p.body.matchAll(new RegExp(String.raw`\b[Oo]f the (${NUM})[^,.;]{0,60},\s+(${NUM})`, 'g'))) {
    const whole = at(p, p.start + m.index + m[0].indexOf(m[1]!));
    const part = at(p, p.start + m.index + m[0].lastIndexOf(m[2]!));
    if (whole && part) found.push({ whole, part });
  }
  for (const m of p.body.matchAll(new RegExp(String.raw`(${NUM})[^.;]{0,60}?,\s+of (?:which|whom)\s+(${NUM})`, 'g'))) {
    const whole = at(p, p.start + m.index);
    const part = at(p, p.start + m.index + m[0].lastIndexOf(m[2]!));
    if (whole && part) found.push({ whole, part });
  }
  for (const { whole, part } of found) {
    if (!amount(p, whole) || !amount(p, part) || !compatible(p, whole, part) || whole.value <= part.value) continue;
    out.push({
      kind: 'part',
      pattern: 'en-of-which',
      span: sentenceSpan(p, whole.start, part.end),
      plant(rng) {
        const target = interval(whole)[1] * rng.uniform(1.2, 1.7);
        if (writtenInterval(part, target)[0] <= interval(whole)[1] * 1.1) return undefined;
        const edit = retype(p.text, part, target);
        return { edits: [edit], note: `part ${edit.text} > whole ${p.text.slice(whole.start, whole.end)}` };
      },
    });
  }
  return out;
}

/** A percentage with its numerator and denominator before it in the sentence ("M of N …, a rate of P percent"). */
function rates(p: Paragraph): Site[] {
  const out: Site[] = [];
  for (const rate of p.numbers) {
    if (!rate.percent || /^\s+point/.test(p.text.slice(rate.end, rate.end + 8))) continue;
    const sentence = sentenceSpan(p, rate.start, rate.end);
    const lead = p.text.slice(sentence.start, rate.start);
    if (!/\b(rate|share|ratio|proportion|accounted for|of)\b/.test(lead)) continue;
    const operands = p.numbers.filter((n) => n.start >= sentence.start && n.end <= rate.start && amount(p, n) && n.value >= 10);
    let found: { part: WrittenNumber; whole: WrittenNumber } | undefined;
    for (let i = operands.length - 1; i >= 0 && !found; i--) {
      for (let j = i - 1; j >= 0 && !found; j--) {
        const [a, b] = [operands[j]!, operands[i]!];
        if (!compatible(p, a, b) || a.value === b.value) continue;
        const [part, whole] = a.value < b.value ? [a, b] : [b, a];
        if (meets(percentOf(interval(part), interval(whole)), interval(rate))) found = { part, whole };
      }
    }
    if (!found) continue;
    const { part, whole } = found;
    out.push(rateSite(p, 'en-rate', sentence, rate, part, whole));
  }
  return out;
}

const UP = 'rose|increased|grew|gained|added|climbed|up|increase|rise|gain';
const DOWN = 'fell|declined|decreased|dropped|lost|down|decrease|decline|drop|loss|fall';
const SWAP: Readonly<Record<string, string>> = { rose: 'fell', fell: 'rose', increased: 'decreased', decreased: 'increased', up: 'down', down: 'up', increase: 'decrease', decrease: 'increase', rise: 'decline', decline: 'rise', declined: 'rose', gained: 'lost', lost: 'gained' };

interface Change {
  readonly pattern: string;
  readonly before: WrittenNumber;
  readonly after: WrittenNumber;
  readonly stated: WrittenNumber;
  readonly verb: { readonly word: string; readonly start: number };
}

/**
 * Where the groups of a change pattern stand: "verb", "c" (the stated change), "a" (before) and
 * "b" (after), by the named groups of a `d`-flag match.
 */
function change(p: Paragraph, m: RegExpMatchArray, pattern: string): Change | undefined {
  const groups = m.indices?.groups;
  const word = m.groups?.verb;
  if (!groups || !word) return undefined;
  const number = (name: string) => at(p, p.start + groups[name]![0]);
  const [stated, before, after] = [number('c'), number('a'), number('b')];
  return stated && before && after ? { pattern, before, after, stated, verb: { word, start: p.start + groups.verb![0] } } : undefined;
}

const VERB = String.raw`(?<verb>${UP}|${DOWN})`;

function changes(p: Paragraph): Site[] {
  const patterns: [string, RegExp][] = [
    // "<verb> by C, from A to B" and "from A to B, an increase of C"
    ['en-by-from-to', new RegExp(String.raw`\b${VERB}\b(?:\s+by)?\s+(?<c>${NUM}),?\s+(?:or\s+(?:${NUM}),?\s+)?from\s+(?<a>${NUM})\s+to\s+(?<b>${NUM})`, 'dg')],
    ['en-from-to-of', new RegExp(String.raw`from\s+(?<a>${NUM})\s+to\s+(?<b>${NUM})[^.;]{0,40}?,\s+an?\s+${VERB}\s+of\s+(?<c>${NUM})`, 'dg')],
    // "B …, down C percent from A" and "<verb> C percent to B from A"
    ['en-up-from', new RegExp(String.raw`(?<b>${NUM})[^.;]{0,30}?,\s+(?<verb>up|down)\s+(?<c>${NUM})\s+from\s+(?<a>${NUM})`, 'dg')],
    ['en-to-from', new RegExp(String.raw`\b${VERB}\b(?:\s+by)?\s+(?<c>${NUM})\s+to\s+(?<b>${NUM})\s+from\s+(?<a>${NUM})`, 'dg')],
  ];
  return patterns.flatMap(([pattern, re]) => [...p.body.matchAll(re)].flatMap((m) => change(p, m, pattern) ?? [])).flatMap((c) => changeSite(p, c) ?? []);
}

function changeSite(p: Paragraph, c: Change): Site | undefined {
  const { before, after, stated, verb } = c;
  if (before.percent !== after.percent || (!before.percent && !compatible(p, before, after))) return undefined;
  if (approximate(p.text, before, before.end) || approximate(p.text, after, after.end) || approximate(p.text, stated, stated.end)) return undefined;
  const points = /point/.test(p.text.slice(stated.start, stated.end));
  const b = interval(before);
  const a = interval(after);
  let expected: Interval | undefined;
  if (before.percent) expected = points ? difference(b, a) : undefined;
  else if (stated.percent) expected = b[0] > 0 ? growth(b, a) : undefined;
  else expected = compatible(p, stated, after) ? difference(b, a) : undefined;
  if (!expected) return undefined;
  const sign = new RegExp(`^(${UP})$`).test(verb.word) ? 1 : -1;
  const signed: Interval = sign > 0 ? interval(stated) : [-interval(stated)[1], -interval(stated)[0]];
  if (!meets(signed, expected)) return undefined;
  const magnitude: Interval = sign > 0 ? expected : [-expected[1], -expected[0]];
  const first = Math.min(before.start, after.start, stated.start, verb.start);
  const last = Math.max(before.end, after.end, stated.end);
  const truth = expected;
  return {
    kind: 'change',
    pattern: c.pattern,
    span: sentenceSpan(p, first, last),
    plant(rng) {
      const swap = SWAP[verb.word];
      if (swap && rng.chance(0.25) && (truth[0] > stated.step || truth[1] < -stated.step)) {
        return { edits: [{ start: verb.start, end: verb.start + verb.word.length, text: swap }], note: `${verb.word} → ${swap}: the values move the other way` };
      }
      const value = stated.percent || points ? movedPercent(rng, stated, magnitude, [0, Infinity]) : movedAmount(rng, stated, magnitude);
      if (value === undefined) return undefined;
      const edit = retype(p.text, stated, value);
      return { edits: [edit], note: `stated ${verb.word} ${edit.text}, but the values give ${magnitude[0].toFixed(2)}…${magnitude[1].toFixed(2)}` };
    },
  };
}

/** "three priorities for 2026: A, B and C": a counted noun followed by a colon and that many items. */
function counts(p: Paragraph): Site[] {
  const out: Site[] = [];
  const re = /\b(two|three|four|five|six|seven|eight|nine|ten|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)\s+((?:[a-z-]+\s+){0,3}[a-z-]+s)\b([^:.;]{0,30}):\s*([^.;:]+)/g;
  for (const m of p.body.matchAll(re)) {
    const n = readCount(m[1]!)!;
    const items = m[4]!.split(/,\s*and\s+|,\s*|\s+and\s+/).map((s) => s.trim());
    if (items.length !== n || items.some((s) => s === '' || s.split(/\s+/).length > 6)) continue;
    const start = p.start + m.index;
    out.push({
      kind: 'count',
      pattern: 'en-count-list',
      span: sentenceSpan(p, start, start + m[0].length),
      plant(rng) {
        const wrong = n === 2 || rng.chance(0.5) ? n + 1 : n - 1;
        const text = writeCount(m[1]!, wrong);
        return { edits: [{ start, end: start + m[1]!.length, text }], note: `${text} ${m[2]} with ${n} items` };
      },
    });
  }
  return out;
}

/** "T nouns: A in …, B in … and C in …" and "A, B and C, totaling T": the total moved away from the sum. */
function sums(p: Paragraph): Site[] {
  const out: Site[] = [];
  const candidates: { total: WrittenNumber; list: WrittenNumber[]; pattern: string; exhaustive: boolean }[] = [];
  for (const m of p.body.matchAll(new RegExp(String.raw`(${NUM})(?:\s+[a-z-]+){0,3}:`, 'g'))) {
    const total = at(p, p.start + m.index);
    if (!total || !amount(p, total)) continue;
    const sentence = sentenceSpan(p, total.start, total.end);
    const list = p.numbers.filter((n) => n.start > p.start + m.index + m[0].length && n.end <= sentence.end && amount(p, n) && compatible(p, n, total));
    candidates.push({ total, list, pattern: 'en-total-colon', exhaustive: true });
  }
  for (const m of p.body.matchAll(new RegExp(String.raw`\b(?:totaling|totalling|for a total of|a total of)\s+(${NUM})`, 'g'))) {
    const total = at(p, p.start + m.index + m[0].indexOf(m[1]!));
    if (!total || !amount(p, total)) continue;
    const sentence = sentenceSpan(p, total.start, total.end);
    const list = p.numbers.filter((n) => n.start >= sentence.start && n.end <= p.start + m.index && amount(p, n) && compatible(p, n, total));
    candidates.push({ total, list, pattern: 'en-totaling', exhaustive: true });
  }
  // "Of the T new jobs, A came from services, B from construction and C from retail trade": the parts
  // may leave some out, so only a total below their sum is a slip.
  for (const m of p.body.matchAll(new RegExp(String.raw`(?:^|[.!?]\s+)Of\s+(?:the\s+)?(${NUM})`, 'g'))) {
    const total = at(p, p.start + m.index + m[0].indexOf(m[1]!));
    if (!total || !amount(p, total)) continue;
    const sentence = sentenceSpan(p, total.start, total.end);
    const list = p.numbers.filter((n) => n.start > total.end && n.end <= sentence.end && amount(p, n) && compatible(p, n, total));
    if (list.length >= 2 && /\band\s+$/.test(p.text.slice(list.at(-2)!.end, list.at(-1)!.start))) candidates.push({ total, list, pattern: 'en-of-the-parts', exhaustive: false });
  }
  for (const { total, list, pattern, exhaustive } of candidates) {
    if (list.length < 2) continue;
    const sum = sumOf(list.map(interval));
    if (!meets(sum, interval(total))) continue;
    out.push({
      kind: 'sum',
      pattern,
      span: sentenceSpan(p, Math.min(total.start, list[0]!.start), Math.max(total.end, list.at(-1)!.end)),
      plant(rng) {
        for (let attempt = 0; attempt < 20; attempt++) {
          const value = ((sum[0] + sum[1]) / 2) * (exhaustive && rng.chance(0.5) ? rng.uniform(1.15, 1.45) : rng.uniform(0.55, 0.85));
          if (!clear(writtenInterval(total, value), sum)) continue;
          const edit = retype(p.text, total, value);
          return { edits: [edit], note: `total ${edit.text}, but the ${list.length} parts add up to ${((sum[0] + sum[1]) / 2).toLocaleString('en-US')}` };
        }
        return undefined;
      },
    });
  }
  return out;
}

export function enSites(p: Paragraph): Site[] {
  return [...parts(p), ...rates(p), ...changes(p), ...counts(p), ...sums(p)];
}
