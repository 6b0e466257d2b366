/**
 * Which quoted phrases are terms that deserve a definition (the undefined-term
 * hint), and which are everyday words a report happens to quote (田间地头,
 * 书面语, 家常话, 实招, 干的事). Reports quote for emphasis and for speech as
 * often as for terms, so a quote alone says little. A phrase looks like a term when
 *
 * - it is a counted slogan: a numeral with a measure word or 大/字 (两个确立, 三大工程, 五字诀, 四化, 三反);
 * - it is a list of single characters (深、实、细、准、效; 跑、冒、滴、漏), the short form of a slogan;
 * - it is an abbreviation in Latin letters (BLS, GDP, PPI);
 * - the report quotes it again elsewhere (three characters or more): a name it keeps using;
 * - a definition stands next to it: 所谓“…”, 简称“…”, “…”即/是指/指的是, “…”（…）.
 *
 * Each test reads only the phrase and a few characters around it, and the
 * repeats come from one count over the occurrences, so the rule is linear.
 */
import type { ReportDocument } from '../model';
import type { TermOccurrence } from '../terms/termIndex';

const COUNTED = /[一二两三四五六七八九十百千万0-9０-９]+(?:[个项条种类大字点化反基优心好要不有]|方面|件事|句话)/;
const CHARACTER_LIST = /^(?:[\u4e00-\u9fff][、·，,])+[\u4e00-\u9fff]$/;
const LATIN_ABBREVIATION = /^[A-Z][A-Z0-9&./-]{1,9}$/;
const DEFINED_BEFORE = /(?:所谓|简称|称为|称作|叫做|概括为|总结为|命名为|提出了?|实施了?|开展了?)[“「『"]$/;
const DEFINED_AFTER = /^[”」』"](?:[，,]?(?:即|是指|指的是|就是|意为|意思是)|[（(])/;

/** The names of the quoted occurrences that no source defines, with how often each is quoted. */
export function quotedCounts(occurrences: readonly TermOccurrence[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const occurrence of occurrences) {
    if (occurrence.quoted && !occurrence.entry) counts.set(occurrence.name, (counts.get(occurrence.name) ?? 0) + 1);
  }
  return counts;
}

export function looksLikeTerm(doc: ReportDocument, occurrence: TermOccurrence, counts: ReadonlyMap<string, number>): boolean {
  const name = occurrence.name;
  if (COUNTED.test(name) || CHARACTER_LIST.test(name) || LATIN_ABBREVIATION.test(name)) return true;
  // Two characters quoted twice (“保护”, “外行”) are still everyday words; a longer name kept in use is a name.
  if (name.length >= 3 && (counts.get(name) ?? 0) >= 2) return true;
  const { start, end } = occurrence.span;
  const before = doc.text.slice(Math.max(0, start - 4), start);
  const after = doc.text.slice(end, end + 6);
  return DEFINED_BEFORE.test(before) || DEFINED_AFTER.test(after);
}
