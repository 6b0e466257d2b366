/**
 * A reader of .gitignore patterns, enough for walking a folder of reports the way `git status` sees
 * it: comments, `!` negation, a trailing `/` for folders only, patterns with a `/` anchored to their
 * file's folder and the others matching a name at any depth, `*`, `?`, `**` and `[…]` classes; the
 * last matching pattern wins. A folder that is ignored is not entered, so (as in git) nothing under
 * it can be taken back by a later `!`.
 */
import { lstatSync, readFileSync } from 'node:fs';
import { pathExists } from './readReport';
import * as path from 'node:path';

interface Rule {
  readonly regex: RegExp;
  readonly negate: boolean;
  readonly dirOnly: boolean;
  /** The folder of the .gitignore (absolute): the rule matches paths relative to it. */
  readonly base: string;
}

/** .gitignore files are a few kilobytes; one past this is not read (it is no list of patterns). */
const MAX_GITIGNORE_BYTES = 1_000_000;

/** The patterns of one .gitignore as rules (the file's text is given, so that tests need no disk). */
export function parseGitignore(text: string, base: string): Rule[] {
  const rules: Rule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    // Trailing blanks are layout unless escaped with a backslash.
    let line = raw.replace(/(?<!\\)\s+$/, '');
    if (!line || line.startsWith('#')) continue;
    let negate = false;
    if (line.startsWith('!')) (negate = true), (line = line.slice(1));
    else if (line.startsWith('\\!') || line.startsWith('\\#')) line = line.slice(1);
    const dirOnly = line.endsWith('/');
    if (dirOnly) line = line.replace(/\/+$/, '');
    if (!line) continue;
    const anchored = line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    const body = compile(line);
    if (body === undefined) continue; // a malformed class: git ignores such a line too
    rules.push({ regex: new RegExp(anchored ? `^${body}$` : `^(?:.*/)?${body}$`), negate, dirOnly, base });
  }
  return rules;
}

function compile(pattern: string): string | undefined {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '*' && pattern[i + 1] === '*') {
      const before = i === 0 || pattern[i - 1] === '/';
      const after = pattern[i + 2];
      if (before && after === '/') (out += '(?:.*/)?'), (i += 2);
      else if (before && after === undefined) (out += '.*'), (i += 1);
      else (out += '[^/]*'), (i += 1); // `a**b` is two stars, as git reads it
    } else if (ch === '*') out += '[^/]*';
    else if (ch === '?') out += '[^/]';
    else if (ch === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) return undefined;
      let set = pattern.slice(i + 1, end);
      if (set.startsWith('!')) set = `^${set.slice(1)}`;
      out += `[${set.replace(/\\/g, '\\\\')}]`;
      i = end;
    } else if (ch === '\\' && i + 1 < pattern.length) out += escape(pattern[++i]!);
    else out += escape(ch);
  }
  return out;
}

function escape(ch: string): string {
  return ch.replace(/[.+^$(){}|[\]\\]/g, '\\$&');
}

/** The rules in force in one folder: its parents' and its own .gitignore, outermost first. */
export class IgnoreRules {
  private constructor(private readonly rules: readonly Rule[]) {}

  static readonly none = new IgnoreRules([]);

  /**
   * The rules for walking `dir`: those of every .gitignore from the repository's root (the nearest
   * parent holding `.git`) down to `dir`. Outside a repository, `dir`'s own only.
   */
  static forWalkRoot(dir: string): IgnoreRules {
    const start = path.resolve(dir);
    const chain: string[] = [start];
    for (let d = start, depth = 0; depth < 64 && !pathExists(path.join(d, '.git')); depth++) {
      const parent = path.dirname(d);
      if (parent === d) return IgnoreRules.none.within(start);
      chain.unshift((d = parent));
    }
    let rules = IgnoreRules.none;
    for (const folder of chain) rules = rules.within(folder);
    return rules;
  }

  /** These rules and those of `dir`'s own .gitignore (if any), for walking `dir`. */
  within(dir: string): IgnoreRules {
    const text = readSmall(path.join(dir, '.gitignore'));
    return text === undefined ? this : new IgnoreRules([...this.rules, ...parseGitignore(text, dir)]);
  }

  /** Whether the file or folder at `full` (absolute) is ignored. */
  ignores(full: string, isDir: boolean): boolean {
    let ignored = false;
    for (const rule of this.rules) {
      if (rule.dirOnly && !isDir) continue;
      const relative = path.relative(rule.base, full).split(path.sep).join('/');
      if (relative.startsWith('..') || relative === '') continue;
      if (rule.regex.test(relative)) ignored = !rule.negate;
    }
    return ignored;
  }
}

function readSmall(file: string): string | undefined {
  try {
    const stat = lstatSync(file);
    if (!stat.isFile() || stat.size > MAX_GITIGNORE_BYTES) return undefined;
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
