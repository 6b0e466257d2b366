/**
 * What `report-lens check DIR|GLOB|FILE...` checks: a file is taken as named; a folder is walked for
 * its reports (those its project's `reports` globs name, else files ending in .report or .docx, as the
 * language server indexes them); a glob takes every file it matches. Walks respect .gitignore and
 * skip hidden folders and node_modules, as a team's own tools do: what git ignores is not the team's
 * text (build output, vendored copies).
 */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { findProject, type Project } from '../project/configFiles';
import { globProblem, globToRegExp } from '../workspaceFiles';
import { UsageError } from './args';
import { IgnoreRules } from './gitignore';

/**
 * The report extensions of a folder without a `reports` glob: the server's workspace index default,
 * and Word documents, in which most reports are written (a folder of them is what a team checks
 * before a deadline); the editor opens a .docx as a report only on request, so its index does not.
 */
export const DEFAULT_REPORT_EXTENSIONS: readonly string[] = ['.report', '.docx'];
/** Deeper trees exist only to make a walk slow (or are a symlink loop some tool unrolled). */
const MAX_DEPTH = 64;
const SKIPPED_DIRS = new Set(['node_modules']);

export interface Collected {
  /** Files to check, in the order of the arguments, each folder's and glob's sorted; no file twice. */
  readonly files: string[];
  /** Arguments that named no file (a folder without reports, a glob matching nothing). */
  readonly empty: string[];
}

export function collectFiles(args: readonly string[]): Collected {
  const files: string[] = [];
  const empty: string[] = [];
  const seen = new Set<string>();
  const add = (file: string): void => {
    const key = file === '-' ? '-' : path.resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(file);
  };
  const projects = new Map<string, Project>();
  for (const arg of args) {
    const kind = kindOf(arg);
    if (kind === 'file') {
      add(arg);
      continue;
    }
    const found = kind === 'dir' ? walk(arg, (full) => isReport(full, projects)) : globFiles(arg);
    if (found.length === 0) empty.push(arg);
    for (const file of found) add(file);
  }
  return { files, empty };
}

function kindOf(arg: string): 'file' | 'dir' | 'glob' {
  if (arg === '-') return 'file';
  try {
    return statSync(arg).isDirectory() ? 'dir' : 'file';
  } catch {
    // Not on disk: a glob when it has glob characters, else a missing file (reported when read).
    return /[*?{[]/.test(arg) ? 'glob' : 'file';
  }
}

/** Whether a walked file is a report: by its project's `reports` globs, else by its extension. */
function isReport(full: string, projects: Map<string, Project>): boolean {
  const dir = path.dirname(full);
  let project = projects.get(dir);
  if (!project) projects.set(dir, (project = findProject(dir)));
  const globs = reportGlobs(project);
  if (globs.length === 0) return DEFAULT_REPORT_EXTENSIONS.some((ext) => full.toLowerCase().endsWith(ext));
  const relative = path.relative(project.root, full).split(path.sep).join('/');
  return globs.some((glob) => glob.test(relative));
}

const compiledGlobs = new WeakMap<Project, RegExp[]>();

/** A project's `reports` globs, compiled once (a malformed one names nothing, as in the server). */
function reportGlobs(project: Project): RegExp[] {
  let globs = compiledGlobs.get(project);
  if (!globs) compiledGlobs.set(project, (globs = (project.config.reports ?? []).filter((glob) => !globProblem(glob)).map(globToRegExp)));
  return globs;
}

/** A glob's files: the folder before its first glob character is walked, the rest matched against each path under it. */
function globFiles(glob: string): string[] {
  const normal = glob.split(path.sep).join('/');
  const segments = normal.split('/');
  const firstGlob = segments.findIndex((segment) => /[*?{[]/.test(segment));
  const base = segments.slice(0, firstGlob).join('/') || (normal.startsWith('/') ? '/' : '.');
  const rest = segments.slice(firstGlob).join('/');
  const problem = globProblem(rest);
  if (problem) throw new UsageError(`invalid glob "${glob}": ${problem}`);
  const pattern = globToRegExp(rest);
  try {
    if (!statSync(base).isDirectory()) return [];
  } catch {
    return [];
  }
  return walk(base, (full) => pattern.test(path.relative(base, full).split(path.sep).join('/')));
}

/** Files under `root` that `accept` takes, sorted, as paths joined onto `root` as it was written. */
function walk(root: string, accept: (full: string) => boolean): string[] {
  const found: string[] = [];
  const visit = (dir: string, shown: string, rules: IgnoreRules, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // an unreadable folder holds nothing we can check
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      // Symlinks are not followed (Dirent says neither file nor folder): a link loop must not hang a CI job.
      if (entry.isDirectory()) {
        if (entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name) || rules.ignores(full, true)) continue;
        visit(full, path.join(shown, entry.name), rules.within(full), depth + 1);
      } else if (entry.isFile() && !rules.ignores(full, false) && accept(full)) {
        found.push(path.join(shown, entry.name));
      }
    }
  };
  const absolute = path.resolve(root);
  visit(absolute, root, IgnoreRules.forWalkRoot(absolute), 0);
  return found;
}
