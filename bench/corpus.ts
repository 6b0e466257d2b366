/**
 * Benchmark inputs made from the corpus (test/fixtures/corpus): ~175 KB of
 * real report text, three Chinese government work reports and one English
 * statistical release.
 *
 * Large inputs repeat the corpus, but never verbatim. The parser reuses the
 * figures of a paragraph whose text it has already seen (the per-block cache
 * that makes edits cheap), so a 16 MB input made of 90 identical copies would
 * scan figures only in its first 175 KB and flatter every number. Each
 * repetition ("round") is therefore a variant: in every paragraph a few
 * characters are changed in a way the analysis does not care about, so that
 * no two rounds share a paragraph while figures, relations and terms stay
 * those of real report text.
 *  - Chinese: up to three characters from a pool of common Han characters
 *    that no figure, relation or parser pattern and no built-in glossary term
 *    uses (checked when the pool was chosen) are replaced by others of the pool.
 *  - English: up to ten words of a paragraph from a list of words that no
 *    pattern and no built-in term contains (checked likewise) are capitalised.
 *    (Not whitespace: "4.6 \npercent" is not read as "4.6\npercent".)
 * Round 0 is the corpus as it is.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { bytesOf } from './measure';

export const ROOT = path.resolve(__dirname, '..', '..');

export const CORPUS_FILES = ['gov-work-report-2010-zh.txt', 'gov-work-report-2012-zh.txt', 'gov-work-report-2014-zh.txt', 'bls-employment-situation-2023-03-en.md'] as const;

export interface CorpusFile {
  readonly name: string;
  readonly text: string;
  readonly english: boolean;
}

export const CORPUS: readonly CorpusFile[] = CORPUS_FILES.map((name) => ({
  name,
  text: readFileSync(path.join(ROOT, 'test', 'fixtures', 'corpus', name), 'utf8'),
  english: name.endsWith('-en.md'),
}));

/** Han characters of the corpus that none of the analysis' patterns and no built-in term contain. */
const POOL = '继向益础取励今困鼓军让形运助气努才引依断切明做道综挥校相审劳然承灾执些真围谐抓必';
const POOL_INDEX = new Map([...POOL].map((ch, index) => [ch, index]));
/** English words of the corpus that none of the analysis' patterns and no built-in term contain. */
const WORDS = new Set(
  (
    'monthly care hospitality professional health individuals leisure business transportation warehousing trade surveys industry major adult ' +
    'previously pandemic preceding wanted available occurred home manufacturing contact today presents status demographic characteristics ' +
    'concepts methodology movement offsetting women teenagers worked beginning working reduced unable currently want returned actively looking ' +
    'unavailable sometime subset believed drinking scientific technical upward hospitals nursing residential facilities social assistance ' +
    'messengers storage recent retail losses material garden equipment supplies dealers furniture furnishings electronics appliance retailers ' +
    'partially department stores mining quarrying extraction construction wholesale activities sector overtime combined additional received ' +
    'businesses agencies estimates recalculation scheduled'
  ).split(' '),
);

/** A place in a paragraph that can take one of `base` forms; form 0 is the original. */
interface Slot {
  readonly base: number;
  apply(form: number): void;
}

/** Round `round` of a corpus file: its text with every paragraph changed in a way no other round repeats. */
export function variant(file: CorpusFile, round: number): string {
  if (round === 0) return file.text;
  // The unit that gets a distinct form: an English paragraph (its lines are wrapped), a Chinese line (a paragraph).
  const paragraphs = file.text.split(file.english ? /(\n[ \t\u3000]*\n)/ : /(\n)/);
  for (let k = 0; k < paragraphs.length; k += 2) {
    const chars = paragraphs[k]!.split(''); // UTF-16 units: the pool's characters are all in the BMP
    const slots: Slot[] = [];
    if (file.english) {
      for (const word of paragraphs[k]!.matchAll(/\b[a-z]{4,}\b/g)) {
        const at = word.index;
        if (WORDS.has(word[0]) && slots.length < 10) slots.push({ base: 2, apply: () => void (chars[at] = chars[at]!.toUpperCase()) });
      }
    } else {
      chars.forEach((ch, index) => {
        const at = POOL_INDEX.get(ch);
        if (at !== undefined && slots.length < 3) slots.push({ base: POOL.length, apply: (form) => void (chars[index] = POOL[(at + form) % POOL.length]!) });
      });
    }
    // The round number in mixed radix over the paragraph's slots: distinct rounds give distinct paragraphs
    // as long as the paragraph has room (short headings may not, and are cheap).
    let rest = round;
    for (const slot of slots) {
      if (rest === 0) break;
      const form = rest % slot.base;
      if (form !== 0) slot.apply(form);
      rest = Math.floor(rest / slot.base);
    }
    paragraphs[k] = chars.join('');
  }
  return paragraphs.join('');
}

/** Corpus files in turn, each round a new variant, until `bytes` of UTF-8. */
export function corpusParts(bytes: number): CorpusFile[] {
  const parts: CorpusFile[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const file = CORPUS[i % CORPUS.length]!;
    const text = variant(file, Math.floor(i / CORPUS.length));
    parts.push({ name: `${file.name}#${Math.floor(i / CORPUS.length)}`, text, english: file.english });
    size += bytesOf(text);
  }
  return parts;
}

/**
 * One report of about `bytes` bytes: the corpus files one after the other, as
 * one long report, cut at the first paragraph break past `bytes`.
 */
export function reportOf(bytes: number): string {
  const text = corpusParts(bytes)
    .map((part) => part.text)
    .join('\n\n');
  // Walk to the UTF-16 offset where `bytes` of UTF-8 are reached.
  let size = 0;
  let offset = 0;
  while (offset < text.length && size < bytes) {
    const code = text.charCodeAt(offset);
    size += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code < 0xdc00 ? 4 : 3;
    offset += code >= 0xd800 && code < 0xdc00 ? 2 : 1;
  }
  const cut = text.indexOf('\n\n', offset);
  return cut < 0 ? text : text.slice(0, cut);
}

/**
 * One Markdown report of about `bytes` bytes, written as people write reports in Markdown: the
 * corpus' reports (variants, as in reportOf) with front matter, `#` headings for their numbered
 * sections, paragraphs separated by blank lines, lists for their ——-led items, and every few
 * paragraphs a table, a fenced code block, a link, inline code and emphasis. Nothing here is
 * Markdown for its own sake: the parser must read such a document at the speed of plain text.
 */
export function markdownReportOf(bytes: number): string {
  const out: string[] = ['---', 'title: 报告汇编', 'version: 1', '---', ''];
  let size = 0;
  let paragraph = 0;
  for (const part of corpusParts(bytes)) {
    for (const block of markdownBlocks(part)) {
      out.push(block, '');
      size += bytesOf(block) + 2;
      if (++paragraph % 9 === 0) out.push(EXTRAS[(paragraph / 9) % EXTRAS.length]!, '');
      if (size >= bytes) return out.join('\n');
    }
  }
  return out.join('\n');
}

/** The Markdown blocks of one corpus report: a heading for each numbered section line, a list item for each ——-led one. */
function markdownBlocks(part: CorpusFile): string[] {
  if (part.english) return part.text.split(/\n[ \t]*\n/).filter((block) => block.trim() !== '');
  const blocks: string[] = [];
  let first = true;
  for (const raw of part.text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (first) blocks.push(`# ${line}`);
    else if (/^[一二三四五六七八九十]+、/.test(line) && line.length < 40) blocks.push(`## ${line}`);
    else if (/^（[一二三四五六七八九十]+）/.test(line) && line.length < 40) blocks.push(`### ${line}`);
    else if (line.startsWith('——')) blocks.push(`- ${line.slice(2)}`);
    else blocks.push(line.replace(/。/, '。**要点**：'));
    first = false;
  }
  return blocks;
}

const EXTRAS: readonly string[] = [
  '| 地区 | 收入（亿元） | 占比 |\n| --- | ---: | ---: |\n| 华东 | 60 | 50% |\n| 华南 | 60 | 50% |',
  '```text\n内部代号 4242 与 1717 不是数字。\n```',
  '详见[第5号公告](https://example.invalid/notice/2026/777.html)，原始数据可在 <https://example.invalid/data/333> 下载，代号 `table_888`。',
  '<!-- 旧数字 999 已删除 -->',
  '1. 第一项任务完成率95%。\n2. 第二项任务完成率90%。',
];
