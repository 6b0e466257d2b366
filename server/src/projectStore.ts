import { existsSync, realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Position } from 'vscode-languageserver-types';
import { CONFIG_FILE_NAMES, DEFAULT_REVIEWED_FILE } from './core/config/projectConfig';
import { DOCX_SCHEME } from './customProtocol';
import type { ReviewedTarget } from './core/languageService';
import type { ReviewedSet } from './core/review/reviewed';
import { findProject, readReviewedFile, reportKey, reviewedFileOf, reviewedSetFor, type Project, type ReviewedFile } from './project/configFiles';

/** Globs the client is asked to watch: configuration files and the default reviewed file. */
export const PROJECT_WATCH_GLOBS = [`**/{${CONFIG_FILE_NAMES.join(',')}}`, `**/${DEFAULT_REVIEWED_FILE}`];

export interface ProjectProblems {
  config(file: string, problems: readonly string[]): void;
  reviewed(file: string, problem: string): void;
  /** A project names files the default watches do not cover (its reviewed file, its reports). */
  watch(glob: string): void;
}

/**
 * Each document's project (server/src/project/configFiles.ts): found once per folder, searched up to
 * the workspace folder holding it, and forgotten when a watched configuration file changes. The
 * reviewed file is re-read when its size or modification time changes, so a client that does not
 * report file events still sees a Mark as reviewed take effect.
 */
export class ProjectStore {
  private folders: string[] = [];
  private readonly byFolder = new Map<string, Project>();
  private readonly reviewed = new Map<string, { stamp: string; file: ReviewedFile }>();

  constructor(private readonly problems: ProjectProblems) {}

  setFolders(uris: readonly string[]): void {
    this.folders = uris.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
    this.invalidate();
  }

  invalidate(): void {
    this.byFolder.clear();
    this.reviewed.clear();
  }

  /** Whether a watched-file event concerns a project file (a configuration or a reviewed file). */
  isProjectFile(uri: string): boolean {
    if (!uri.startsWith('file:')) return false;
    const file = fileURLToPath(uri);
    if ((CONFIG_FILE_NAMES as readonly string[]).includes(path.basename(file))) return true;
    return [...this.byFolder.values()].some((project) => reviewedFileOf(project) === file) || file.endsWith(path.join(...DEFAULT_REVIEWED_FILE.split('/')));
  }

  /** The project of a document (a workspace folder's uri stands for the folder itself); none for a non-file uri outside any folder. */
  projectOf(uri: string): Project | undefined {
    const folder = this.folderOf(uri);
    if (!folder) return undefined;
    let project = this.byFolder.get(folder);
    if (!project) {
      const stopAt = this.folders.find((root) => folder === root || folder.startsWith(root.endsWith(path.sep) ? root : root + path.sep));
      project = findProject(folder, stopAt);
      this.byFolder.set(folder, project);
      if (project.configFile && project.problems.length > 0) this.problems.config(project.configFile, project.problems);
      if (project.config.reviewedFile !== DEFAULT_REVIEWED_FILE) this.problems.watch(`**/${project.config.reviewedFile}`);
      // New reports matching the project's own globs must reach the workspace index too.
      for (const glob of project.config.reports ?? []) this.problems.watch(glob);
    }
    return project;
  }

  /** The configuration's settings for a document, in the shape of `reportLens.*`. */
  settingsOf(uri: string): Readonly<Record<string, unknown>> {
    return this.projectOf(uri)?.config.settings ?? {};
  }

  /** The document's reviewed entries (only a file on disk has a name in the reviewed file). */
  reviewedSet(uri: string): ReviewedSet | undefined {
    const file = diskFileOf(uri);
    const project = file !== undefined ? this.projectOf(uri) : undefined;
    if (!project || file === undefined) return undefined;
    return reviewedSetFor(project, this.reviewedFile(project), file);
  }

  /** Where Mark as reviewed records a finding of this document; undefined when it cannot (no file, or a malformed reviewed file). */
  reviewedTarget(uri: string): ReviewedTarget | undefined {
    const file = diskFileOf(uri);
    const project = file !== undefined ? this.projectOf(uri) : undefined;
    if (!project || file === undefined || project.rootFrom === 'none') return undefined;
    const reviewed = this.reviewedFile(project);
    if (reviewed.problem || !staysInside(path.dirname(reviewed.file), project.root)) return undefined;
    return {
      uri: pathToFileURL(reviewed.file).href,
      exists: reviewed.exists,
      end: endOf(reviewed.text),
      text: reviewed.text,
      display: path.relative(project.root, reviewed.file).split(path.sep).join('/'),
      report: reportKey(project, file),
      at: new Date().toISOString().slice(0, 10),
    };
  }

  private reviewedFile(project: Project): ReviewedFile {
    const where = reviewedFileOf(project);
    const stamp = stampOf(where);
    const cached = this.reviewed.get(where);
    if (cached && cached.stamp === stamp) return cached.file;
    const file = readReviewedFile(project);
    this.reviewed.set(where, { stamp, file });
    if (file.problem) this.problems.reviewed(where, file.problem);
    return file;
  }

  private folderOf(uri: string): string | undefined {
    const file = diskFileOf(uri);
    if (file === undefined) return this.folders[0];
    return this.folders.includes(file) ? file : path.dirname(file);
  }
}

/**
 * The file on disk a document stands for: a file: URI's path, or for the text of a Word document
 * (DOCX_SCHEME) the .docx itself, so its folder's configuration and reviewed findings apply as they
 * do when the CLI checks that .docx. Undefined for anything else (an untitled document).
 */
export function diskFileOf(uri: string): string | undefined {
  if (uri.startsWith('file:')) return fileURLToPath(uri);
  if (!uri.startsWith(`${DOCX_SCHEME}:`)) return undefined;
  try {
    const url = new URL(uri);
    if (url.search !== '' && url.search !== '?file') return undefined;
    return fileURLToPath(`file://${url.host}${url.pathname.replace(/\.report$/, '')}`);
  } catch {
    return undefined;
  }
}

/**
 * Whether a folder (or, while it does not exist, the nearest one that does) really lies inside the
 * project: a `.report-lens` that is a symlink elsewhere must not make a quick fix write there.
 */
function staysInside(dir: string, root: string): boolean {
  try {
    const realRoot = realpathSync(root);
    for (let d = dir; ; d = path.dirname(d)) {
      if (existsSync(d)) {
        const relative = path.relative(realRoot, realpathSync(d));
        return !relative.startsWith('..') && !path.isAbsolute(relative);
      }
      if (path.dirname(d) === d) return false;
    }
  } catch {
    return false;
  }
}

function stampOf(file: string): string {
  try {
    const stat = statSync(file);
    return `${stat.mtimeMs}:${stat.size}`;
  } catch {
    return 'absent';
  }
}

function endOf(text: string): Position {
  const lines = text.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1]!.length };
}
