/**
 * Finding and reading the project's files (the configuration and the reviewed findings) on disk,
 * the same way for the CLI and the language server so that both check a report alike.
 */
import { lstatSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAMES, EMPTY_CONFIG, MAX_CONFIG_BYTES, parseConfig, type ProjectConfig } from '../core/config/projectConfig';
import { MAX_REVIEWED_BYTES, parseReviewed, ReviewedSet, type ReviewedEntry } from '../core/review/reviewed';
import { pathExists, readBounded } from '../cli/readReport';

/** A report's project: where its configuration is, what it says, and the root its paths are relative to. */
export interface Project {
  /** The folder of the configuration file; without one, the nearest folder holding `.report-lens/`, else the stop folder (or the report's). */
  readonly root: string;
  /**
   * What made `root` the root: a configuration file, a `.report-lens/` folder, the workspace folder,
   * or nothing (a lone file's own folder, where no reviewed file is created unasked).
   */
  readonly rootFrom: 'config' | 'marker' | 'workspace' | 'none';
  readonly configFile: string | undefined;
  readonly config: ProjectConfig;
  /** What was wrong with the configuration file, if anything (it is then partly or wholly ignored). */
  readonly problems: readonly string[];
}

/** Folders climbed at most: deeper trees exist only to make a walk slow. */
const MAX_DEPTH = 64;

/**
 * The project of a report in `folder`: the nearest `report-lens.json` (or `.report-lens.json`) in it
 * or a parent, up to and including `stopAt` (the workspace folder) when `folder` is inside it, else
 * up to the filesystem root.
 */
export function findProject(folder: string, stopAt?: string): Project {
  const start = path.resolve(folder);
  const stop = stopAt && isInside(start, path.resolve(stopAt)) ? path.resolve(stopAt) : undefined;
  let marker: string | undefined;
  for (let dir = start, depth = 0; depth < MAX_DEPTH; depth++) {
    for (const name of CONFIG_FILE_NAMES) {
      const file = path.join(dir, name);
      const found = readConfigFile(file, dir);
      if (found) return { root: dir, rootFrom: 'config', configFile: file, ...found };
    }
    marker ??= isDirectory(path.join(dir, '.report-lens')) ? dir : undefined;
    const parent = path.dirname(dir);
    if (dir === stop || parent === dir) break;
    dir = parent;
  }
  const rootFrom = marker ? 'marker' : stop ? 'workspace' : 'none';
  return { root: marker ?? stop ?? start, rootFrom, configFile: undefined, config: EMPTY_CONFIG, problems: [] };
}

/** A configuration file as found in `dir`, or undefined when there is none (or it is no regular file we may read). */
function readConfigFile(file: string, dir: string): { config: ProjectConfig; problems: readonly string[] } | undefined {
  if (!isReadableFile(file, dir)) return undefined;
  let text: string;
  try {
    text = readBounded(file, MAX_CONFIG_BYTES);
  } catch (error) {
    // A configuration that exists but cannot be read is told, like a malformed one: silence would hide it.
    return { config: EMPTY_CONFIG, problems: [error instanceof Error ? error.message : String(error)] };
  }
  return parseConfig(text);
}

/**
 * A regular file, or a symlink to a regular file inside the folder it was found in: a link out of the
 * project (`report-lens.json -> /etc/passwd`) is not read, and a FIFO or device never is.
 */
export function isReadableFile(file: string, dir: string): boolean {
  try {
    const stat = lstatSync(file);
    if (stat.isFile()) return true;
    if (!stat.isSymbolicLink()) return false;
    const target = realpathSync(file);
    return isInside(target, realpathSync(dir)) && statSync(target).isFile();
  } catch {
    return false;
  }
}

function isDirectory(dir: string): boolean {
  try {
    return lstatSync(dir).isDirectory();
  } catch {
    return false;
  }
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The reviewed-findings file of a project (absolute). */
export function reviewedFileOf(project: Project): string {
  return path.resolve(project.root, project.config.reviewedFile);
}

/** A report's path as reviewed entries name it: relative to the project root, '/'-separated. */
export function reportKey(project: Project, report: string): string {
  return path.relative(project.root, path.resolve(report)).split(path.sep).join('/');
}

/** The reviewed file as read: its text ('' when absent), its entries, and what is wrong with it. */
export interface ReviewedFile {
  readonly file: string;
  readonly exists: boolean;
  readonly text: string;
  readonly entries: readonly ReviewedEntry[];
  readonly problem: string | undefined;
}

/** Reads the reviewed file: a regular file inside the project, size-limited; absent is no problem. */
export function readReviewedFile(project: Project): ReviewedFile {
  const file = reviewedFileOf(project);
  if (!pathExists(file)) return { file, exists: false, text: '', entries: [], problem: undefined };
  if (!isReadableFile(file, project.root)) return { file, exists: true, text: '', entries: [], problem: 'not a regular file' };
  let text: string;
  try {
    text = readBounded(file, MAX_REVIEWED_BYTES);
  } catch (error) {
    return { file, exists: true, text: '', entries: [], problem: error instanceof Error ? error.message : String(error) };
  }
  const parsed = parseReviewed(text);
  return { file, exists: true, text, entries: parsed.entries, problem: parsed.problem };
}

/** The reviewed entries of one report of the project. */
export function reviewedSetFor(project: Project, reviewed: ReviewedFile, report: string): ReviewedSet {
  const key = reportKey(project, report);
  return new ReviewedSet(reviewed.entries.filter((entry) => entry.file === key));
}
