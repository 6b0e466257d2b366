import { parseNumeral } from '../figures/numerals';
import type { TextSpan } from '../model';
import { between, clauseStart, MARK_FIRST_ITEM, MARK_ASCII_COLON, MARK_COLON, MARK_ENUMERATION, MARK_NAMELY, MARK_QUOTE, MARK_THIS, type AnalysisContext, type SentenceView } from './context';
import type { CountRelation } from './types';
import { flags } from '../text/chars';

const EN_NUMBERS: Readonly<Record<string, number>> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
/** Longest item of a listed count; longer "items" mean the list is prose, not an enumeration. */
const MAX_ITEM = 24;

/**
 * Counted phrases and the items listed with them:
 * “深、实、细、准、效”五字诀 (the items come first, in quotes),
 * “三大工程”：A、B、C (a colon, then the items), "three priorities: A, B and C".
 */
export function findCounts(context: AnalysisContext): CountRelation[] {
  const relations: CountRelation[] = [];
  for (const view of context.sentences) {
    // Each pattern needs a mark the sentence may not have: the context knows which it holds.
    const sentence = view.span;
    if (view.marks & MARK_ENUMERATION) {
      const listed: CountRelation[] = [];
      listThenNumeral(context.text, sentence, listed);
      for (const r of listed) if (!usedAsName(context, r)) relations.push(r);
    }
    if (view.marks & MARK_THIS) appositiveList(context.text, sentence, relations);
    if (view.marks & MARK_ENUMERATION && view.figures.length >= 2) valuesThenNumeral(context.text, view, relations);
    if (view.marks & MARK_QUOTE) quotedListThenNumeral(context.text, sentence, relations);
    if (view.marks & (MARK_COLON | MARK_NAMELY) || (view.marks & MARK_FIRST_ITEM && FIRST_MARKER.test(context.text.slice(sentence.start, sentence.end)))) numeralThenColonList(context.text, sentence, context.sentences[context.sentences.length - 1]!.span.end, relations);
    if (view.english && view.marks & MARK_ASCII_COLON) englishColonList(context.text, sentence, relations);
    if (!view.english && view.figures.length >= 2) respectiveValues(context.text, view, relations);
  }
  return relations;
}

/**
 * A counted phrase the paragraph uses again on its own (和平共处五项原则 … 和平共处五项原则
 * 经受了时间的考验) is a name; a name lists its items with a marker (a colon, 即,
 * quotes), so a 、-list before it is something else.
 */
function usedAsName(context: AnalysisContext, r: CountRelation): boolean {
  const name = context.text.slice(r.numberSpan.start, Math.min(r.phrase.end, r.numberSpan.start + 4));
  // Within the paragraph, and within a bounded window, so that the cost stays linear in the text.
  const first = Math.max(context.sentences[0]!.span.start, r.numberSpan.start - NAME_WINDOW);
  const last = Math.min(context.sentences[context.sentences.length - 1]!.span.end, r.numberSpan.start + NAME_WINDOW);
  const window = context.text.slice(first, last);
  for (let at = window.indexOf(name); at >= 0; at = window.indexOf(name, at + 1)) if (first + at !== r.numberSpan.start) return true;
  return false;
}

/** How far (in characters) a name's other uses are looked for. */
const NAME_WINDOW = 2000;

/**
 * 四项基本原则，即坚持社会主义道路，坚持无产阶级专政，坚持共产党的领导，坚持马克思列宁主义毛泽东思想:
 * items written as parallel clauses that open with the same word, separated by commas. The
 * list ends at the first clause that does not open with it (这四项原则都…).
 */
function parallelItems(text: string, from: number, end: number): TextSpan[] | undefined {
  const body = text.slice(from, end);
  if (/[、；]/.test(body.slice(0, 40))) return undefined;
  const items: TextSpan[] = [];
  let opening = '';
  let at = 0;
  for (const part of body.split(/[，,]/)) {
    const trimmed = part.replace(/^即/, '');
    const offset = from + at + (part.length - trimmed.length);
    at += part.length + 1;
    if (items.length === 0) opening = trimmed.slice(0, 2);
    if (opening.length < 2 || !/^[\u4e00-\u9fff]{2}$/.test(opening) || !trimmed.startsWith(opening) || trimmed.length > MAX_ITEM) break;
    items.push({ start: offset, end: offset + trimmed.replace(/[。！？]$/, '').length });
  }
  return items.length >= 2 ? items : undefined;
}

/**
 * 两件大事：前半个世纪…，后半个世纪…: items told apart by 前/中/后 before the same words (前半个世纪,
 * 后半个世纪; 前三年, 中间, 后两年 do not share theirs and are not read). The clauses that open so
 * are the items; other clauses in between belong to the item before them.
 */
function pairedItems(text: string, from: number, end: number): TextSpan[] | undefined {
  const body = text.slice(from, end);
  const first = /^前([\u4e00-\u9fff]{1,4}?)[^，,]*/.exec(body);
  if (!first) return undefined;
  const shared = first[1]!;
  const items: TextSpan[] = [{ start: from, end: from + first[0].length }];
  let at = first[0].length;
  for (const part of body.slice(at).split(/[，,]/)) {
    const offset = from + at;
    at += part.length + 1;
    if (part.startsWith(`中${shared}`) || part.startsWith(`后${shared}`)) items.push({ start: offset + (part.length - part.trimStart().length), end: offset + part.replace(/[。！？]$/, '').length });
    if (part.startsWith(`后${shared}`)) break;
  }
  return items.length >= 2 && text.slice(items[items.length - 1]!.start, items[items.length - 1]!.start + 1) === '后' ? items : undefined;
}

/** A counted phrase right before 分别 in its clause: 三类地区分别…, 两个项目分别…. */
const COUNTED_BEFORE_RESPECTIVELY = /(?<![零〇一二两三四五六七八九十百千万第几0-9])([一二两三四五六七八九十])(个|类|项|种|所|家|大|方面|批|条|座|家)([\u4e00-\u9fff]{0,8})分别/;

/**
 * 在全国三类地区分别达到四百斤、五百斤、八百斤: a counted phrase and the values
 * 分别 gives it, one per item, in the same clause. Items named between the phrase
 * and 分别 (甲、乙两地分别…) are what 分别 distributes over instead: not counted here.
 */
function respectiveValues(text: string, view: SentenceView, out: CountRelation[]): void {
  for (const clause of view.clauses.clauses) {
    const own = text.slice(clause.span.start, clause.span.end);
    const m = COUNTED_BEFORE_RESPECTIVELY.exec(own);
    if (!m || /[、和及与]/.test(m[3]!)) continue;
    const after = clause.span.start + m.index + m[0].length;
    const values = clause.figures.map((f) => f.figure).filter((f) => f.span.start >= after);
    if (values.length < 2) continue;
    // The values are one list: 、 (or a final 和/及) between them and nothing else.
    let list = true;
    for (let k = 1; k < values.length && list; k++) list = /^\s*(?:、|和|及|与)\s*$/.test(text.slice(values[k - 1]!.span.end, values[k]!.span.start));
    if (!list) continue;
    const stated = parseNumeral(m[1]!, 0, 1)?.value;
    if (stated === undefined || stated < 2) continue;
    const start = clause.span.start + m.index;
    out.push(relation(start, start + m[1]!.length + m[2]!.length + m[3]!.length, text, stated, { start, end: start + 1 }, values.map((v) => v.span), []));
  }
}

/** The marker that opens an item of a list: 一是, 二是, 第三, 另一方面. */
const ITEM_MARKER = /^[“”"\s]*(?:[一二三四五六七八九十]是|第[一二三四五六七八九十][，、：,]?|(?:另)?一方面)/;

/** The first item's marker: after a comma it announces a list as a colon does. */
const FIRST_MARKER = /[，,][“”"\s]*(?:一是|第一[，、：,]|一方面)/;

/** 这两个大国, 这三个方面: 这 + a counted noun, the apposition's number. */
const APPOSITION = /这([两二三四五六七八九十])(个|项|大|种|条|类|件|方面)/g;
/** Marks that end the clause an apposition's list stands in (、 and 和 join its items instead). */
const APPOSITION_CLAUSE_END = /[，,；;：:。！？!?（）()“”"]/;
/** Two short names joined by 和/及/与 at the end of a clause (同美国和苏联): a preposition may lead, no 的 inside. */
const JOINED_PAIR = /(?:^|同|与|对|把|在|就)?([^的和及与]{1,8})[和及与]([^的和及与]{1,8})$/;

/** 和, 及, 与 may join two items (A和B这两个) or stand inside one (和平, 参与): each is one reading more. */
const JOINS = /和|及|与/g;

/**
 * 美国和苏联这两个大国, 政治、经济、思想和组织这四个方面: a list, then 这 and its count.
 * 这 points at what stands right before it, so the clause before 这 is the list: its
 * 、 give the fewest items it can hold, each 和/及/与 one more. Only a count below the
 * fewest is a contradiction; a count above the most may gather items from earlier
 * clauses (A，B，C这三个…), so it is not read. A list joined by 和 alone is read only
 * as two (A和B这两个): with more, 和 may stand inside words.
 */
function appositiveList(text: string, sentence: TextSpan, out: CountRelation[]): void {
  const slice = text.slice(sentence.start, sentence.end);
  APPOSITION.lastIndex = 0;
  for (let m = APPOSITION.exec(slice); m; m = APPOSITION.exec(slice)) {
    let from = m.index;
    while (from > 0 && m.index - from < 4 * MAX_ITEM && !APPOSITION_CLAUSE_END.test(slice[from - 1]!)) from--;
    const list = slice.slice(from, m.index);
    if (list.length < 2 || !isHan(list.charCodeAt(list.length - 1)) || (from > 0 && !APPOSITION_CLAUSE_END.test(slice[from - 1]!))) continue;
    const pieces = list.split('、');
    // A piece may hold items joined by 和 (A、B和C): each join allows it one item's length more.
    if (pieces.some((piece) => piece.length === 0 || piece.length > MAX_ITEM * (1 + (piece.match(JOINS)?.length ?? 0)))) continue;
    const joins = list.match(JOINS)?.length ?? 0;
    const fewest = pieces.length;
    const stated = parseNumeral(m[1]!, 0, 1)?.value;
    if (stated === undefined || stated < 2 || stated > fewest + joins || (fewest === 1 && (joins === 0 || stated !== 2))) continue;
    const numberStart = sentence.start + m.index + 1;
    let offset = sentence.start + from;
    let items = pieces.map((piece) => {
      const span = { start: offset, end: offset + piece.length };
      offset += piece.length + 1;
      return span;
    });
    if (fewest === 1) {
      // A和B这两个: two names joined by one 和, each short and no modifier (…主持的这两个 is anaphora, not a list).
      const pair = JOINED_PAIR.exec(list);
      if (!pair || joins !== 1) continue;
      const first = sentence.start + from + pair.index;
      items = [{ start: first, end: first + pair[1]!.length }, { start: first + pair[1]!.length + 1, end: sentence.start + from + list.length }];
    }
    const alternatives = Array.from({ length: joins }, (_, k) => fewest + k + 1);
    // The counted noun: the Han characters after the counter, up to 的 (这两个大国的关系).
    let nounEnd = numberStart + 1 + m[2]!.length;
    while (nounEnd < sentence.end && nounEnd - numberStart < 8 && isHan(text.charCodeAt(nounEnd)) && text[nounEnd] !== '的') nounEnd++;
    out.push(relation(numberStart, nounEnd, text, stated, { start: numberStart, end: numberStart + 1 }, items, alternatives));
  }
}

/** …的四项指标, 的三个目标: 的, a count and its counter right after a list of values. */
const COUNT_AFTER_VALUES = /^的([两二三四五六七八九十])(项|个|大|条)/;

/**
 * 提出了钢产量一千八百万吨、煤产量三亿八千万吨、粮食产量一万零五百亿斤、棉花产量一亿担的四项指标:
 * a 、-list whose every item states one value, then 的 and a count. A list before 的 usually
 * modifies the counted noun (…统一进程的八项主张), but a list of values cannot: each value is
 * one of the things counted (a target, an indicator). Items are the stretches between the 、,
 * the first one from the start of its clause; one that states no value or two ends the reading.
 */
function valuesThenNumeral(text: string, view: SentenceView, out: CountRelation[]): void {
  const figures = view.figures;
  for (let k = 1; k < figures.length; k++) {
    const last = figures[k]!;
    const m = COUNT_AFTER_VALUES.exec(text.slice(last.span.end, Math.min(view.span.end, last.span.end + 6)));
    if (!m) continue;
    // Walk back over the values, one per 、-item.
    const values = [last];
    for (let j = k - 1; j >= 0; j--) {
      const gap = between(text, figures[j]!, values[0]!);
      if (!/^[^、，,；;：:。]{0,14}$/.test(gap.slice(gap.indexOf('、') + 1)) || (gap.match(/、/g)?.length ?? 0) !== 1 || !gap.startsWith('、')) break;
      values.unshift(figures[j]!);
    }
    if (values.length < 2) continue;
    const stated = parseNumeral(m[1]!, 0, 1)?.value;
    if (stated === undefined) continue;
    const numberStart = last.span.end + 1;
    let nounEnd = numberStart + 1 + m[2]!.length;
    while (nounEnd < view.span.end && nounEnd - numberStart < 8 && isHan(text.charCodeAt(nounEnd)) && text[nounEnd] !== '的') nounEnd++;
    const items = values.map((value, j) => ({ start: j === 0 ? clauseStart(text, view.span, value.span.start) : text.lastIndexOf('、', value.span.start) + 1, end: value.span.end }));
    out.push(relation(numberStart, nounEnd, text, stated, { start: numberStart, end: numberStart + 1 }, items, []));
    k += 1;
  }
}

/** “深、实、细、准、效”五字诀 */
function quotedListThenNumeral(text: string, sentence: TextSpan, out: CountRelation[]): void {
  const slice = text.slice(sentence.start, sentence.end);
  const pattern = /[“"]([^”"“]{1,80})[”"]([一二两三四五六七八九十]{1,2})(字诀|字方针|字要求|字经验|字工作法|字|个|项|大)/g;
  for (let m = pattern.exec(slice); m; m = pattern.exec(slice)) {
    const items = splitItems(m[1]!, sentence.start + m.index + 1, '、');
    if (items.length < 2) continue;
    const stated = parseNumeral(m[2]!, 0, m[2]!.length)?.value;
    if (stated === undefined) continue;
    const numberStart = sentence.start + m.index + 2 + m[1]!.length;
    out.push(relation(sentence.start + m.index, sentence.start + m.index + m[0].length, text, stated, { start: numberStart, end: numberStart + m[2]!.length }, items, []));
  }
}

// Tables, not Sets: listThenNumeral asks of every character of every sentence.
const LIST_NUMERALS = flags('二两三四五六七八九十23456789');
const COUNTERS = flags('大个项类');
/** Characters a numeral is written with: a digit after one of them is inside a larger numeral (十四 → not 四). */
const NUMERAL_CHARS = flags('零〇一二两三四五六七八九十百千万亿0123456789０１２３４５６７８９第几');
/** 和/及/与/以及 join the last item of a list to the one before it: A、B和C is three. */
const LAST_JOIN = /和|及|与|以及|并/;
/**
 * Verbs and prepositions that take a counted name as their object (坚持四项基本原则,
 * 为实现…四个现代化): a 、-list with one of them as an item lists actions, not the items
 * of the count.
 */
const ACTION_VERBS = '坚持|实现|贯彻|落实|执行|保卫|推进|遵守|遵循|违反|提出|倡导|实施|进行|开展|抓好|做好|搞好|宣传|维护|加强|发展';
const ACTION_ITEM = new RegExp(`^(?:为|把|对|在|以|向|按照|根据|围绕|关于|${ACTION_VERBS})|(?:${ACTION_VERBS})$`);
/** The first item's start is unmarked: a verb before it governs the whole list (实施A、B、C五大…). */
const ACTION_FIRST_ITEM = new RegExp(`(?:${ACTION_VERBS})$`);
/** A preposition before the first item governs the list (在上海、天津…等八个城市中): not part of the item. */
const LEADING_PREPOSITION = /^(?:在|对|把|以|向|为|从|按照|根据|围绕|关于)/;

/**
 * 实施绿色食品、新能源汽车、新一代信息技术五大产业集群培育行动: a plain list, then N大…
 * Scanned by hand, not with a regular expression: the list is found by walking
 * back from the numeral over at most ten short items, so the cost stays linear.
 * The count is a whole numeral (十四个 is not 四个, 第四 is an ordinal); a 的
 * between the list and the numeral makes the list a modifier (…推进统一进程的八项主张),
 * and an item with 的 inside starts the list after it (福建两省的深圳、珠海…).
 */
function listThenNumeral(text: string, sentence: TextSpan, out: CountRelation[]): void {
  for (let i = sentence.start + 3; i + 3 < sentence.end; i++) {
    // After 这 the list is an apposition, read by appositiveList.
    if (COUNTERS[text.charCodeAt(i + 1)] !== 1 || LIST_NUMERALS[text.charCodeAt(i)] !== 1 || text[i - 1] === '的' || text[i - 1] === '这') continue;
    if (NUMERAL_CHARS[text.charCodeAt(i - 1)] === 1 || !isHan(text.charCodeAt(i + 2)) || !isHan(text.charCodeAt(i + 3))) continue;
    // A、B、C等五个…: 等 may close the list ("namely") or leave items out ("and others").
    const etc = text[i - 1] === '等';
    let items: TextSpan[] = [];
    let end = etc ? i - 1 : i;
    let k = end;
    for (;;) {
      let start = end;
      while (start > sentence.start && end - start < 12 && isHan(text.charCodeAt(start - 1))) start--;
      if (end - start < 2) break;
      items.unshift({ start, end });
      if (text[start - 1] !== '、' || items.length >= 10) {
        k = start;
        break;
      }
      end = start - 1;
      k = end;
    }
    if (items.length < 2 || text[k - 1] === '“' || text[k - 1] === '"') continue;
    // An item with 的 inside: what stands before the 的 modifies the list, the list starts after it.
    for (let j = items.length - 1; j >= 1; j--) {
      const de = text.lastIndexOf('的', items[j]!.end - 1);
      if (de >= items[j]!.start) {
        items = [{ start: de + 1, end: items[j]!.end }, ...items.slice(j + 1)];
        break;
      }
    }
    const lead = LEADING_PREPOSITION.exec(text.slice(items[0]!.start, items[0]!.end));
    if (lead && items[0]!.end - items[0]!.start - lead[0].length >= 2) items[0] = { start: items[0]!.start + lead[0].length, end: items[0]!.end };
    if (items.length < 2 || unevenItems(items) || items.some((item, j) => (j === 0 ? ACTION_FIRST_ITEM : ACTION_ITEM).test(text.slice(item.start, item.end)))) continue;
    const stated = parseNumeral(text[i]!, 0, 1)?.value ?? Number(text[i]);
    if (!Number.isFinite(stated) || stated < 2) continue;
    let nounEnd = i + 2;
    while (nounEnd < sentence.end && nounEnd - i < 10 && isHan(text.charCodeAt(nounEnd))) nounEnd++;
    const alternatives = readings(text, items);
    // After 等, fewer items than stated is "and others"; only more items than stated is wrong.
    if (etc && items.length <= stated) alternatives.push(stated);
    out.push(relation(i, nounEnd, text, stated, { start: i, end: i + 1 }, items, alternatives));
  }
}

/**
 * Other item counts a reading of the list allows: a 和/及 inside the last item
 * may join two items (A、B和C). A count is flagged only when no reading gives it.
 */
function readings(text: string, items: readonly TextSpan[]): number[] {
  const last = items[items.length - 1]!;
  return LAST_JOIN.test(text.slice(last.start, last.end)) ? [items.length + 1] : [];
}

/**
 * The items of one enumeration are alike: one item far longer than another
 * (印度、缅甸共同倡议和平共处五项原则) means the 、 joins something else than the
 * counted items, so the list's extent is unknown. The first item of a longer
 * list is left out: its start is unmarked and may hold the verb that governs
 * the list (实施新一代信息技术、新材料…).
 */
function unevenItems(items: readonly TextSpan[]): boolean {
  const lengths = (items.length >= 3 ? items.slice(1) : items).map((item) => item.end - item.start);
  const longest = Math.max(...lengths);
  return longest >= 8 && longest > 2.5 * Math.min(...lengths);
}

function isHan(code: number): boolean {
  return code >= 0x4e00 && code <= 0x9fff;
}

/** 深入实施“三大工程”：A、B、C、D。 / 三个责任：A、B和C。 */
function numeralThenColonList(text: string, sentence: TextSpan, paragraphEnd: number, out: CountRelation[]): void {
  const slice = text.slice(sentence.start, sentence.end);
  // "三个责任：", "二个方面推进市容环境专项整治：", "“三个统一”要求，即…"
  // A comma does what a colon does when the first item's marker follows it (基本点是两条，一是…).
  const pattern = /([一二两三四五六七八九十]{1,2}|[2-9])(大|个|项|条|种|类|件|方面|点)([\u4e00-\u9fff]{0,14}?)[”"]?(?:[：:]|(?:要求|原则|目标|任务|举措|措施)?[，,]即|[，,](?=[“”"\s]*(?:一是|第一[，、：,]|一方面)))/g;
  for (let m = pattern.exec(slice); m; m = pattern.exec(slice)) {
    const stated = parseNumeral(m[1]!, 0, m[1]!.length)?.value;
    // A whole numeral only: 第十条 is an ordinal, 二十四个 is not 四个.
    if (stated === undefined || stated < 2 || (m.index > 0 && NUMERAL_CHARS[slice.charCodeAt(m.index - 1)] === 1)) continue;
    // A count inside an item of a marked list (一是坚持四项基本原则，一是…) belongs to that item: it announces nothing.
    if (ITEM_MARKER.test(slice.slice(clauseStart(slice, { start: 0, end: slice.length }, m.index), m.index))) continue;
    const listStart = m.index + m[0].length;
    const numberStart = sentence.start + m.index;
    // “三个统一”: the phrase starts at the quote right before the numeral.
    const phraseStart = sentence.start + (slice[m.index - 1] === '“' ? m.index - 1 : m.index);
    const phraseEnd = sentence.start + m.index + m[0].length - 1;
    const numberSpan = { start: numberStart, end: numberStart + m[1]!.length };
    // 一是…二是…, 第一…第二…, 一方面…另一方面…: the items are counted by their markers.
    const marked = markedItems(text, sentence.start + listStart, paragraphEnd);
    if (marked) {
      const counted = relation(phraseStart, phraseEnd, text, stated, numberSpan, marked.items, []);
      const last = marked.items[marked.items.length - 1]!;
      // Fewer markers than stated: the list may go on in later paragraphs, settled over the document.
      // 一是…，一是… has no marker to look for further: read only when it lists exactly as many.
      if (marked.family === REPEATED_FAMILY) {
        if (marked.items.length === stated) out.push(counted);
        continue;
      }
      out.push(marked.items.length >= stated ? counted : { ...counted, continues: { family: marked.family, next: marked.items.length + 1, closed: closesList(text, last, paragraphEnd) } });
      continue;
    }
    const paired = pairedItems(text, sentence.start + listStart, sentence.end);
    if (paired) {
      out.push(relation(phraseStart, phraseEnd, text, stated, numberSpan, paired, []));
      continue;
    }
    const parallel = parallelItems(text, sentence.start + listStart, sentence.end);
    if (parallel) {
      // Fewer parallel clauses than stated may go on in other words (…，同时…): only as many or more is sure.
      if (parallel.length >= stated) out.push(relation(phraseStart, phraseEnd, text, stated, numberSpan, parallel, []));
      continue;
    }
    const body = listBody(slice, listStart);
    if (body === undefined) continue;
    const separator = body.includes('；') ? '；' : '、';
    const items = splitItems(body, sentence.start + listStart, separator);
    if (items.length < 2 || items.some((item) => item.end - item.start > (separator === '；' ? 3 * MAX_ITEM : MAX_ITEM))) continue;
    // A final 和/及 may join the last two items: "A、B和C" lists three.
    const last = text.slice(items[items.length - 1]!.start, items[items.length - 1]!.end);
    const alternatives = LAST_JOIN.test(last) ? [items.length + 1] : [];
    out.push(relation(phraseStart, phraseEnd, text, stated, numberSpan, items, alternatives));
  }
}

const CN_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The marker of item `n` in each family: 一是/二是, 第一/第二, 一、/二、, 一方面/另一方面. */
const MARKER_FAMILIES: readonly { readonly head: RegExp; readonly marker: (n: number) => string }[] = [
  { head: /^[“”"\s]*一是/, marker: (n) => `${CN_DIGITS[n]}是` },
  { head: /^[“”"\s]*第一[，、：,]/, marker: (n) => `第${CN_DIGITS[n]}` },
  { head: /^[“”"\s]*一、/, marker: (n) => `${CN_DIGITS[n]}、` },
  { head: /^[“”"\s]*即?一方面/, marker: (n) => (n === 1 ? '一方面' : n === 2 ? '另一方面' : '\u0000') },
];
/** How far the next item's marker may stand from the previous one. */
const MARKER_GAP = 3000;

/**
 * Other words that go on with an enumeration after its marked items (一类是…另一类是…,
 * 此外, 还有两类): the list may hold more items than its markers.
 */
const ENUMERATION_CUES = /一类|另一类|此外|另外|其次|再次|最后|还有|首先|[一二三四五六七八九十]要|[一二三四五六七八九十]是|第[一二三四五六七八九十]/;

/** Whether nothing after the last marked item's sentence in its paragraph goes on enumerating. */
export function closesList(text: string, item: TextSpan, paragraphEnd: number): boolean {
  const tail = text.slice(item.end, paragraphEnd);
  const sentenceEnd = tail.search(/[。！？!?]/);
  return !ENUMERATION_CUES.test(sentenceEnd < 0 ? '' : tail.slice(sentenceEnd + 1));
}

/** A list whose items all open with 一是 (一是…，一是…): it has no next marker to continue with. */
const REPEATED_FAMILY = -1;

/** The 一是 markers of one sentence from the first on: the items of 一是…，一是…. */
function repeatedFirstMarker(text: string, first: TextSpan, paragraphEnd: number): TextSpan[] {
  const stop = text.slice(first.end, paragraphEnd).search(/[。！？]/);
  const end = stop < 0 ? paragraphEnd : first.end + stop;
  const items = [first];
  for (let at = text.indexOf('一是', first.end); at >= 0 && at < end && items.length < 10; at = text.indexOf('一是', at + 2)) {
    // Only a marker opening a clause: 统一是 or 唯一是 is a word.
    if (/[，,；;]/.test(text[at - 1] ?? '')) items.push({ start: at, end: at + 2 });
  }
  return items;
}

interface MarkedList {
  readonly items: TextSpan[];
  readonly family: number;
}

/**
 * The items of a list written with markers right after its announcement: the
 * markers counted in order (一是, 二是, …) through the paragraph, or undefined
 * when the list has none.
 */
function markedItems(text: string, from: number, paragraphEnd: number): MarkedList | undefined {
  const head = text.slice(from, Math.min(paragraphEnd, from + 12));
  const family = MARKER_FAMILIES.findIndex((f) => f.head.test(head));
  if (family < 0) return undefined;
  const items = markersFrom(text, from, paragraphEnd, family, 1);
  if (family === 0 && items.length === 1) {
    // 一是A，一是B: the classical "one is…, the other is…" opens every item with 一是.
    const repeated = repeatedFirstMarker(text, items[0]!, paragraphEnd);
    if (repeated.length >= 2) return { items: repeated, family: REPEATED_FAMILY };
  }
  return items.length === 0 ? undefined : { items, family };
}

/**
 * Consecutive markers of `family` from number `first` on. Each marker is looked
 * for within a bounded window of the one before, so the cost stays linear however
 * many lists a text announces.
 */
export function markersFrom(text: string, from: number, end: number, family: number, first: number): TextSpan[] {
  const items: TextSpan[] = [];
  let at = from;
  for (let n = first; n <= 10; n++) {
    const marker = MARKER_FAMILIES[family]!.marker(n);
    const found = text.slice(at, Math.min(end, at + MARKER_GAP)).indexOf(marker);
    if (found < 0) break;
    items.push({ start: at + found, end: at + found + marker.length });
    at += found + marker.length;
  }
  return items;
}

/** "three priorities for 2026: faster publication, smaller revisions and more county-level detail." */
function englishColonList(text: string, sentence: TextSpan, out: CountRelation[]): void {
  const slice = text.slice(sentence.start, sentence.end);
  const pattern = /\b(two|three|four|five|six|seven|eight|nine|ten)\s+((?:[a-z-]+\s+){0,2}[a-z-]+s)\b([^:.;]{0,30}):\s+/gi;
  for (let m = pattern.exec(slice); m; m = pattern.exec(slice)) {
    const stated = EN_NUMBERS[m[1]!.toLowerCase()]!;
    const listStart = m.index + m[0].length;
    // The list ends at the first full stop or semicolon after the colon (one before it, as in U.S., is not its end).
    const rest = slice.slice(listStart);
    const stop = rest.search(/[.;](?:\s|$)/);
    const body = stop >= 0 ? rest.slice(0, stop) : rest;
    // "A, B and C" / "A, B, and C" / "A and B"
    const parts = body.split(/,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+/).map((part) => part.trim());
    // A list of amounts ("649 online, 834 by telephone") is a breakdown for the sum check, not items to count.
    if (parts.length < 2 || parts.some((part) => part.length === 0 || part.length > 48 || /\d/.test(part))) continue;
    const items: TextSpan[] = [];
    let cursor = sentence.start + listStart;
    for (const part of parts) {
      const at = text.indexOf(part, cursor);
      items.push({ start: at, end: at + part.length });
      cursor = at + part.length;
    }
    const numberStart = sentence.start + m.index;
    out.push(relation(numberStart, numberStart + m[0].trimEnd().length - 1, text, stated, { start: numberStart, end: numberStart + m[1]!.length }, items, []));
  }
}

/**
 * The list after a colon or 即: up to the sentence end, or for a 、-list up to the first comma
 * after its last item (即A、B、C，组建… lists three). Walks at most a bounded stretch, so a
 * sentence repeating the pattern thousands of times costs linear time; undefined when the
 * stretch holds no list.
 */
function listBody(slice: string, from: number): string | undefined {
  const limit = Math.min(slice.length, from + 12 * 3 * MAX_ITEM);
  let end = from;
  let sawEnumeration = false;
  let sawSemicolon = false;
  for (; end < limit; end++) {
    const ch = slice[end]!;
    if (ch === '。' || ch === '！' || ch === '？') break;
    if (ch === '、') sawEnumeration = true;
    if (ch === '；') sawSemicolon = true;
    if ((ch === '，' || ch === ',') && sawEnumeration && !sawSemicolon) break;
  }
  if (end === limit && limit < slice.length) return undefined; // longer than any list we count
  return slice.slice(from, end);
}

function splitItems(body: string, offset: number, separator: string): TextSpan[] {
  const items: TextSpan[] = [];
  let start = 0;
  for (let i = 0; i <= body.length; i++) {
    if (i === body.length || body[i] === separator) {
      let s = start;
      let e = i;
      while (s < e && /\s/.test(body[s]!)) s++;
      while (e > s && /[\s，,。]/.test(body[e - 1]!)) e--;
      if (e > s) items.push({ start: offset + s, end: offset + e });
      start = i + 1;
    }
  }
  return items;
}

function relation(start: number, end: number, text: string, stated: number, numberSpan: TextSpan, items: TextSpan[], alternatives: number[]): CountRelation {
  const consistent = items.length === stated || alternatives.includes(stated);
  return { type: 'count', phrase: { start, end }, phraseText: text.slice(start, end), stated, numberSpan, items, alternatives, consistent };
}
