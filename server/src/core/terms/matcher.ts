/**
 * Aho–Corasick over all term names: one pass over the text finds every
 * occurrence of 10,000 terms. Hand-written because the hot loop has to be
 * allocation-free and fast on CJK text (no spaces to split on): transitions
 * live in an open-addressing hash table of typed arrays, not in Maps.
 *
 * Matching is leftmost-longest and non-overlapping (一网通办 before 一网).
 * Latin names match whole words only and case-insensitively.
 */
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
  /** The root's children by character: most steps of a scan start from the root. */
  private readonly rootChild = new Int32Array(0x10000).fill(-1);
  /** Characters that occur in some name: any other character sends the scan back to the root at once. */
  private readonly alphabet = new Uint8Array(0x10000);
  private nodes = 1;

  constructor(names: readonly string[]) {
    const capacity = nextPowerOfTwo(Math.max(64, names.reduce((n, name) => n + name.length, 0) * 2));
    this.tableNode = new Int32Array(capacity).fill(-1);
    this.tableCode = new Int32Array(capacity);
    this.tableChild = new Int32Array(capacity);
    this.tableMask = capacity - 1;
    names.forEach((name, index) => this.insert(fold(name), index));
    this.link();
  }

  get size(): number {
    return this.keyLengths.length;
  }

  private insert(name: string, index: number): void {
    this.keyLengths[index] = name.length;
    this.latinStart[index] = isWordChar(name.charCodeAt(0));
    this.latinEnd[index] = isWordChar(name.charCodeAt(name.length - 1));
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
        if (code < 0x10000) this.alphabet[code] = 1;
        this.nextSibling[child] = this.firstChild[node]!;
        this.firstChild[node] = child;
        if (node === 0) this.rootChild[code] = child;
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
    const candidates: TermMatch[] = [];
    // Locals for the hot loop: the transition lookup is inlined (root: direct table; others: hash probe).
    const { alphabet, rootChild, fail, own, dict, keyLengths } = this;
    const tableNode = this.tableNode;
    const tableCode = this.tableCode;
    const tableChild = this.tableChild;
    const mask = this.tableMask;
    let node = 0;
    for (let i = start; i < end; i++) {
      let code = text.charCodeAt(i);
      if (code >= 65 && code <= 90) code += 32;
      if (alphabet[code] === 0) {
        node = 0;
        continue;
      }
      let next = -1;
      for (;;) {
        if (node === 0) {
          next = rootChild[code]!;
          break;
        }
        let slot = hash(node, code) & mask;
        for (;;) {
          const n = tableNode[slot]!;
          if (n === -1) break;
          if (n === node && tableCode[slot] === code) {
            next = tableChild[slot]!;
            break;
          }
          slot = (slot + 1) & mask;
        }
        if (next >= 0) break;
        node = fail[node]!;
      }
      node = next < 0 ? 0 : next;
      // The longest name ending here that respects word boundaries; shorter ones through dict links.
      for (let n = own[node]! >= 0 ? node : dict[node]!; n > 0; n = dict[n]!) {
        const key = own[n]!;
        const s = i + 1 - keyLengths[key]!;
        if (this.boundaryOk(text, s, i + 1, key, start, end)) {
          candidates.push({ start: s, end: i + 1, key });
          break;
        }
      }
    }
    return leftmostLongest(candidates);
  }

  private boundaryOk(text: string, s: number, e: number, key: number, start: number, end: number): boolean {
    if (this.latinStart[key] && s > start && isWordChar(text.charCodeAt(s - 1))) return false;
    if (this.latinEnd[key] && e < end && isWordChar(text.charCodeAt(e))) return false;
    return true;
  }

  private child(node: number, code: number): number {
    if (node === 0) return code < 0x10000 ? this.rootChild[code]! : -1;
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

function hash(node: number, code: number): number {
  return Math.imul(node, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b);
}

function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

function fold(name: string): string {
  return name.replace(/[A-Z]/g, (ch) => ch.toLowerCase());
}

function isWordChar(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** From candidates (at most one per end position), keep the leftmost-longest non-overlapping ones. */
function leftmostLongest(candidates: TermMatch[]): TermMatch[] {
  // Candidates arrive ordered by end; among those starting at the same place the later one is longer.
  // A stable sort by start then longer-first is only needed where starts go backwards, which is rare.
  let ordered = true;
  for (let k = 1; k < candidates.length && ordered; k++) if (candidates[k]!.start < candidates[k - 1]!.start) ordered = false;
  if (!ordered) candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const chosen: TermMatch[] = [];
  let reach = -1;
  for (let k = 0; k < candidates.length; k++) {
    let candidate = candidates[k]!;
    // Same start, ordered by end: take the longest of the run.
    while (ordered && k + 1 < candidates.length && candidates[k + 1]!.start === candidate.start) candidate = candidates[++k]!;
    if (candidate.start < reach) continue;
    chosen.push(candidate);
    reach = candidate.end;
  }
  return chosen;
}
