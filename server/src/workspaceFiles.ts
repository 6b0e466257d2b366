import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** Bounds that keep a huge or odd workspace from stalling a scan. */
export const SCAN_LIMITS = { maxFiles: 5_000, maxDepth: 12 };
const SKIPPED_DIRS = new Set(['node_modules', 'out', 'dist']);

/** Files under `folders` whose workspace-relative path passes `accept` (hidden and build folders skipped). */
export async function findFiles(folders: readonly string[], accept: (relativePath: string) => boolean): Promise<string[]> {
  const found: string[] = [];
  const walk = async (root: string, dir: string, depth: number): Promise<void> => {
    if (depth > SCAN_LIMITS.maxDepth || found.length >= SCAN_LIMITS.maxFiles) return;
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return; // unreadable folders are skipped, not reported: the workspace is not ours to judge
    }
    for (const entry of entries) {
      if (found.length >= SCAN_LIMITS.maxFiles) return;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !SKIPPED_DIRS.has(entry.name)) await walk(root, full, depth + 1);
      } else if (entry.isFile() && accept(path.relative(root, full).split(path.sep).join('/'))) {
        found.push(full);
      }
    }
  };
  for (const folder of folders) await walk(folder, folder, 0);
  return found;
}

/**
 * A glob as VS Code settings write them (`**` any folders, `*` any name part,
 * `?` one character, `{a,b}` alternatives) turned into a RegExp over
 * '/'-separated relative paths. Throws on a malformed glob: callers that take
 * a glob from settings check it with globProblem first.
 */
export function globToRegExp(glob: string): RegExp {
  const problem = globProblem(glob);
  if (problem) throw new Error(`invalid glob ${JSON.stringify(glob)}: ${problem}`);
  return compile(glob);
}

/**
 * What is wrong with a glob (an unclosed `{`, a `}` with no `{`, an empty one), or undefined when
 * globToRegExp reads it. Braces are what a user can get wrong: every other character is escaped.
 */
export function globProblem(glob: string): string | undefined {
  if (glob.trim() === '') return 'it is empty';
  let depth = 0;
  for (const ch of glob) {
    if (ch === '{') depth++;
    else if (ch === '}' && --depth < 0) return 'a “}” closes no “{”';
  }
  if (depth > 0) return 'a “{” is not closed';
  try {
    compile(glob);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function compile(glob: string): RegExp {
  let pattern = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      pattern += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (ch === '*') pattern += '[^/]*';
    else if (ch === '?') pattern += '[^/]';
    else if (ch === '{') pattern += '(?:';
    else if (ch === '}') pattern += ')';
    else if (ch === ',' && pattern.lastIndexOf('(?:') > pattern.lastIndexOf(')')) pattern += '|';
    else pattern += ch.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${pattern}$`, 'i');
}
