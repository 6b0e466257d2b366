/**
 * Aho–Corasick over all term names: one pass over the text finds every
 * occurrence of 10,000 terms. Hand-written because the hot loop has to be
 * allocation-free and fast on CJK text (no spaces to split on): transitions
 * live in an open-addressing hash table of typed arrays, not in Maps.
 *
 * Matching is leftmost-longest and non-overlapping (一网通办 before 一网).
 * Latin names match whole words only and case-insensitively.
 */
import { isAsciiWordChar } from '../text/chars';
import { foldKey } from './glossary';

export interface TermMatch {
  readonly start: number;
  readonly end: number;
  /** Index of the matched name in the list given to the matcher. */
  readonly key: number;
}

export class TermMatcher {
  private readonly keyLengths: number[] = [];
  private readonly latinStart: boolean[] = [];
  private readonly latinEnd: boolean[] = [];
  // Trie: node → (char → child) in a hash table; per node: failure link, the key ending at
  // the node itself (own), and the nearest failure ancestor that ends a key (dict).
  private tableNode: Int32Array;
  private tableCode: Int32Array;
  private tableChild: Int32Array;
  private tableMask: number;
  private tableSize = 0;
  private fail: Int32Array = new Int32Array(16);
  private own: Int32Array = new Int32Array(16).fill(-1);
  private dict: Int32Array = new Int32Array(16);
  // Children as linked lists (first child, next sibling, the child's character) for the breadth-first pass.
  private firstChild: Int32Array = new Int32Array(16).fill(-1);
  private nextSibling: Int32Array = new Int32Array(16).fill(-1);
  private codeOf: Int32Array = new Int32Array(16);
  /**
   * Characters used in some name; every other character sends the scan back to the root at once.
   * A set, not a 64K table: a report's own definitions make a small matcher per document, and
   * allocating and sweeping 64K entries for each cost more than matching its few names.
   */
  private readonly alphabet = new Set<number>();
  private nodes = 1;
  // Scan tables, built by compile() once the trie is linked.
  private readonly classOf = new Uint16Array(0x10000);
  private rootNext = new Int32Array(0);
  private singleClass = new Int32Array(0);
  private singleChild = new Int32Array(0);
  private multi = new Uint8Array(0);
  /** Per multi-child node, 128 bits: bit (class & 127) is set if some child has a class with those low bits. */
  private filter = new Int32Array(0);
  /** Per node: the node itself if it ends a key, else its dict link (0: no key ends here). */
  private out = new Int32Array(0);
  /** Per key: 1 if a word boundary must be checked (it starts or ends with a Latin letter or digit). */
  private checked = new Uint8Array(0);
  /** Candidates of the current scan, reused between calls. */
  private readonly candidates = new Candidates();

  constructor(names: readonly string[]) {
    const capacity = nextPowerOfTwo(Math.max(64, names.reduce((n, name) => n + name.length, 0) * 2));
    this.tableNode = new Int32Array(capacity).fill(-1);
    this.tableCode = new Int32Array(capacity);
    this.tableChild = new Int32Array(capacity);
    this.tableMask = capacity - 1;
    names.forEach((name, index) => this.insert(foldKey(name), index));
    this.link();
    this.compile();
  }

  get size(): number {
    return this.keyLengths.length;
  }

  private insert(name: string, index: number): void {
    this.keyLengths[index] = name.length;
    this.latinStart[index] = isAsciiWordChar(name.charCodeAt(0));
    this.latinEnd[index] = isAsciiWordChar(name.charCodeAt(name.length - 1));
    if (name.length === 0) return;
    let node = 0;
    for (let i = 0; i < name.length; i++) {
      const code = name.charCodeAt(i);
      let child = this.child(node, code);
      if (child < 0) {
        child = this.nodes++;
        this.grow(child);
        this.put(node, code, child);
        this.codeOf[child] = code;
        this.alphabet.add(code);
        this.nextSibling[child] = this.firstChild[node]!;
        this.firstChild[node] = child;
      }
      node = child;
    }
    // Keep the first of duplicate names: earlier entries have precedence.
    if (this.own[node] === -1) this.own[node] = index;
  }

  /** Failure links by breadth-first search, and dictionary links to the nearest key-ending suffix. */
  private link(): void {
    const queue = new Int32Array(this.nodes);
    let tail = 0;
    for (let child = this.firstChild[0]!; child >= 0; child = this.nextSibling[child]!) {
      this.fail[child] = 0;
      this.dict[child] = 0;
      queue[tail++] = child;
    }
    for (let head = 0; head < tail; head++) {
      const node = queue[head]!;
      for (let child = this.firstChild[node]!; child >= 0; child = this.nextSibling[child]!) {
        const code = this.codeOf[child]!;
        let f = this.fail[node]!;
        while (f > 0 && this.child(f, code) < 0) f = this.fail[f]!;
        const target = this.child(f, code);
        this.fail[child] = target >= 0 && target !== child ? target : 0;
        const f2 = this.fail[child]!;
        this.dict[child] = this.own[f2]! >= 0 ? f2 : this.dict[f2]!;
        queue[tail++] = child;
      }
    }
  }

  /** Every term occurrence in text[start, end), leftmost-longest, non-overlapping. */
  match(text: string, start = 0, end = text.length): TermMatch[] {
    return this.leftmostLongest(this.scan(text, start, end, this.candidates));
  }

  /**
   * Records the candidates of text[start, end) in the candidate buffers and returns how many: for
   * each end position, the longest name ending there that respects word boundaries.
   */
  private scan: (text: string, start: number, end: number, buffers: Candidates) => number = () => 0;

  /** From the candidates (at most one per end position), keep the leftmost-longest non-overlapping ones. */
  private leftmostLongest(count: number): TermMatch[] {
    const { candStart, candEnd, candKey } = this.candidates;
    // Candidates arrive ordered by end. Order them by start, longer first: an insertion sort, since a
    // candidate only moves back past the few that end within one name length before it.
    for (let k = 1; k < count; k++) {
      const s = candStart[k]!;
      const e = candEnd[k]!;
      const key = candKey[k]!;
      let j = k - 1;
      if (candStart[j]! < s) continue;
      while (j >= 0 && (candStart[j]! > s || (candStart[j] === s && candEnd[j]! < e))) {
        candStart[j + 1] = candStart[j]!;
        candEnd[j + 1] = candEnd[j]!;
        candKey[j + 1] = candKey[j]!;
        j--;
      }
      candStart[j + 1] = s;
      candEnd[j + 1] = e;
      candKey[j + 1] = key;
    }
    const chosen: TermMatch[] = [];
    let reach = -1;
    for (let k = 0; k < count; k++) {
      const s = candStart[k]!;
      if (s < reach) continue;
      const e = candEnd[k]!;
      chosen.push({ start: s, end: e, key: candKey[k]! });
      reach = e;
    }
    return chosen;
  }

  /** The scan's tables: character classes, root row, single-child shortcuts, multi-child hash, output links. */
  private compile(): void {
    const nodes = this.nodes;
    const classOf = this.classOf;
    let classes = 0;
    for (const code of [...this.alphabet].sort((a, b) => a - b)) classOf[code] = ++classes;
    for (let code = 65; code <= 90; code++) classOf[code] = classOf[code + 32]!;
    this.rootNext = new Int32Array(classes + 1);
    this.singleClass = new Int32Array(nodes);
    this.singleChild = new Int32Array(nodes);
    this.multi = new Uint8Array(nodes);
    this.out = new Int32Array(nodes);
    let entries = 0;
    for (let node = 0; node < nodes; node++) {
      let children = 0;
      for (let child = this.firstChild[node]!; child >= 0; child = this.nextSibling[child]!) children++;
      if (node === 0) {
        for (let child = this.firstChild[0]!; child >= 0; child = this.nextSibling[child]!) this.rootNext[classOf[this.codeOf[child]!]!] = child;
      } else if (children === 1) {
        const child = this.firstChild[node]!;
        this.singleClass[node] = classOf[this.codeOf[child]!]!;
        this.singleChild[node] = child;
      } else if (children > 1) {
        this.multi[node] = 1;
        entries += children;
      }
      this.out[node] = node === 0 ? 0 : this.own[node]! >= 0 ? node : this.dict[node]!;
    }
    const capacity = nextPowerOfTwo(Math.max(16, entries * 4));
    this.filter = new Int32Array(nodes * 4);
    const table = new Int32Array(capacity * 3);
    const multiMask = capacity - 1;
    for (let node = 1; node < nodes; node++) {
      if (this.multi[node] === 0) continue;
      for (let child = this.firstChild[node]!; child >= 0; child = this.nextSibling[child]!) {
        const c = classOf[this.codeOf[child]!]!;
        this.filter[(node << 2) | ((c >>> 5) & 3)]! |= 1 << (c & 31);
        let slot = hash(node, c) & multiMask;
        while (table[slot * 3] !== 0) slot = (slot + 1) & multiMask;
        table[slot * 3] = node;
        table[slot * 3 + 1] = c;
        table[slot * 3 + 2] = child;
      }
    }
    this.checked = new Uint8Array(this.keyLengths.length);
    for (let key = 0; key < this.keyLengths.length; key++) this.checked[key] = this.latinStart[key] || this.latinEnd[key] ? 1 : 0;
    this.scan = scanner({
      classOf: this.classOf,
      rootNext: this.rootNext,
      singleClass: this.singleClass,
      singleChild: this.singleChild,
      filter: this.filter,
      fail: this.fail,
      out: this.out,
      own: this.own,
      dict: this.dict,
      keyLengths: this.keyLengths,
      checked: this.checked,
      latinStart: this.latinStart,
      latinEnd: this.latinEnd,
      multiTable: table,
      multiMask,
    });
  }

  private child(node: number, code: number): number {
    let slot = hash(node, code) & this.tableMask;
    for (;;) {
      const n = this.tableNode[slot]!;
      if (n === -1) return -1;
      if (n === node && this.tableCode[slot] === code) return this.tableChild[slot]!;
      slot = (slot + 1) & this.tableMask;
    }
  }

  private put(node: number, code: number, child: number): void {
    if ((this.tableSize + 1) * 2 > this.tableMask + 1) this.rehash();
    let slot = hash(node, code) & this.tableMask;
    while (this.tableNode[slot] !== -1) slot = (slot + 1) & this.tableMask;
    this.tableNode[slot] = node;
    this.tableCode[slot] = code;
    this.tableChild[slot] = child;
    this.tableSize++;
  }

  private rehash(): void {
    const oldNode = this.tableNode;
    const oldCode = this.tableCode;
    const oldChild = this.tableChild;
    const capacity = (this.tableMask + 1) * 2;
    this.tableNode = new Int32Array(capacity).fill(-1);
    this.tableCode = new Int32Array(capacity);
    this.tableChild = new Int32Array(capacity);
    this.tableMask = capacity - 1;
    this.tableSize = 0;
    for (let slot = 0; slot < oldNode.length; slot++) if (oldNode[slot]! >= 0) this.put(oldNode[slot]!, oldCode[slot]!, oldChild[slot]!);
  }

  private grow(node: number): void {
    if (node < this.fail.length) return;
    const size = this.fail.length * 2;
    const fail = new Int32Array(size);
    fail.set(this.fail);
    const own = new Int32Array(size).fill(-1);
    own.set(this.own);
    const dict = new Int32Array(size);
    dict.set(this.dict);
    const firstChild = new Int32Array(size).fill(-1);
    firstChild.set(this.firstChild);
    const nextSibling = new Int32Array(size).fill(-1);
    nextSibling.set(this.nextSibling);
    const codeOf = new Int32Array(size);
    codeOf.set(this.codeOf);
    this.fail = fail;
    this.own = own;
    this.dict = dict;
    this.firstChild = firstChild;
    this.nextSibling = nextSibling;
    this.codeOf = codeOf;
  }
}

/**
 * The scan loop, made once per matcher as a closure over its tables: the engine then reads them as
 * constants of the compiled loop instead of loading each from the matcher at every character.
 * Characters map to dense classes (0: in no name; A–Z share the class of a–z, so no case fold per
 * character). A node with one child is a single compare; only nodes with several children probe
 * the hash table.
 */
function scanner(tables: ScanTables): (text: string, start: number, end: number, buffers: Candidates) => number {
  const { classOf, rootNext, singleClass, singleChild, filter, fail, out, own, dict, keyLengths, checked, latinStart, latinEnd } = tables;
  const table = tables.multiTable;
  const mask = tables.multiMask;
  const boundaryOk = (text: string, s: number, e: number, key: number, start: number, end: number): boolean =>
    !(latinStart[key] && s > start && isAsciiWordChar(text.charCodeAt(s - 1))) && !(latinEnd[key] && e < end && isAsciiWordChar(text.charCodeAt(e)));
  return (text, start, end, buffers) => {
    let candStart = buffers.candStart;
    let candEnd = buffers.candEnd;
    let candKey = buffers.candKey;
    let count = 0;
    let node = 0;
    for (let i = start; i < end; i++) {
      const c = classOf[text.charCodeAt(i)]!;
      if (c === 0) {
        node = 0;
        continue;
      }
      for (;;) {
        if (node === 0) {
          node = rootNext[c]!;
          break;
        }
        if (singleClass[node] === c) {
          node = singleChild[node]!;
          break;
        }
        if (((filter[(node << 2) | ((c >>> 5) & 3)]! >>> (c & 31)) & 1) !== 0) {
          let slot = (Math.imul(node, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b)) & mask;
          let next = 0;
          for (;;) {
            const n = table[slot * 3]!;
            if (n === 0) break;
            if (n === node && table[slot * 3 + 1] === c) {
              next = table[slot * 3 + 2]!;
              break;
            }
            slot = (slot + 1) & mask;
          }
          if (next !== 0) {
            node = next;
            break;
          }
        }
        node = fail[node]!;
      }
      const o = out[node]!;
      if (o === 0) continue;
      // The longest name ending here that respects word boundaries; shorter ones through dict links.
      const e = i + 1;
      let key = own[o]!;
      let s = e - keyLengths[key]!;
      if (checked[key] !== 0 && !boundaryOk(text, s, e, key, start, end)) {
        key = -1;
        for (let n = dict[o]!; n > 0; n = dict[n]!) {
          const k = own[n]!;
          const s2 = e - keyLengths[k]!;
          if (boundaryOk(text, s2, e, k, start, end)) {
            key = k;
            s = s2;
            break;
          }
        }
        if (key < 0) continue;
      }
      if (count === candStart.length) {
        buffers.grow();
        candStart = buffers.candStart;
        candEnd = buffers.candEnd;
        candKey = buffers.candKey;
      }
      candStart[count] = s;
      candEnd[count] = e;
      candKey[count] = key;
      count++;
    }
    return count;
  };
}

/** Where a scan records its candidates (start, end, key), grown when a scan fills them. */
class Candidates {
  candStart = new Int32Array(1024);
  candEnd = new Int32Array(1024);
  candKey = new Int32Array(1024);

  /** Doubles the buffers, keeping what they hold. */
  grow(): void {
    const size = this.candStart.length * 2;
    const grown = (old: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
      const next = new Int32Array(size);
      next.set(old);
      return next;
    };
    this.candStart = grown(this.candStart);
    this.candEnd = grown(this.candEnd);
    this.candKey = grown(this.candKey);
  }
}

/** What the scan reads of a matcher. */
interface ScanTables {
  readonly classOf: Uint16Array;
  readonly rootNext: Int32Array;
  readonly singleClass: Int32Array;
  readonly singleChild: Int32Array;
  readonly filter: Int32Array;
  readonly fail: Int32Array;
  readonly out: Int32Array;
  readonly own: Int32Array;
  readonly dict: Int32Array;
  readonly keyLengths: readonly number[];
  readonly checked: Uint8Array;
  readonly latinStart: readonly boolean[];
  readonly latinEnd: readonly boolean[];
  /** Open addressing, three words a slot: node (0: empty), class, child. */
  readonly multiTable: Int32Array;
  readonly multiMask: number;
}

function hash(node: number, code: number): number {
  return Math.imul(node, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b);
}

function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

